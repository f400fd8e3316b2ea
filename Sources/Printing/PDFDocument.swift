internal import CPangoCairo
import Domain

/// A PDF (A4 unless told otherwise) drawn with cairo and laid out with pango, collected in memory.
///
/// - Important: pango is told the surface has 72 dpi, so font sizes are in points.
final class PDFDocument {
    static let a4 = (width: 595.28, height: 841.89)
    /// A7 turned sideways (105 × 74 mm): one eighth of an A4 sheet, the size of one slip.
    static let a7Landscape = (width: 297.64, height: 209.76)

    private let surface: OpaquePointer
    let cairo: OpaquePointer
    private let layout: OpaquePointer
    private let sink: Sink

    /// Receives the bytes cairo writes.
    final class Sink {
        var bytes: [UInt8] = []
    }

    init(size: (width: Double, height: Double) = PDFDocument.a4) {
        sink = Sink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, context, size.width, size.height)
        cairo = cairo_create(surface)
        layout = pango_cairo_create_layout(cairo)
        pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72)
    }

    deinit {
        for description in fonts.values { pango_font_description_free(description) }
        g_object_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    func setInfo(title: String, creator: String) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, creator)
    }

    /// How a line of text sits in its width.
    enum Alignment { case left, center, right }

    /// Font descriptions by pango string, parsed once per document.
    private var fonts: [String: OpaquePointer] = [:]

    private func prepare(_ text: String, font: String, width: Double, align: Alignment, oneLine: Bool) {
        let description: OpaquePointer
        if let known = fonts[font] { description = known } else {
            description = pango_font_description_from_string(font)
            fonts[font] = description
        }
        pango_layout_set_font_description(layout, description)
        pango_layout_set_width(layout, Int32(width * Double(tabel_pango_scale())))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_ellipsize(layout, oneLine ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE)
        pango_layout_set_alignment(layout, align == .center ? PANGO_ALIGN_CENTER : align == .right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
        pango_layout_set_text(layout, text, -1)
    }

    private var layoutHeight: Double {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(h) / Double(tabel_pango_scale())
    }

    /// Draws `text` in `font` (a pango description such as "DejaVu Sans Bold 12") with its
    /// top-left corner at (x, y), wrapped to `width` (or cut with «…» on one line); returns the height used.
    @discardableResult
    func text(_ text: String, font: String, x: Double, y: Double, width: Double, gray: Double = 0,
              align: Alignment = .left, oneLine: Bool = false) -> Double {
        prepare(text, font: font, width: width, align: align, oneLine: oneLine)
        cairo_set_source_rgb(cairo, gray, gray, gray)
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, layout)
        return layoutHeight
    }

    /// The height `text` takes wrapped to `width`, without drawing it.
    func measure(_ text: String, font: String, width: Double) -> Double {
        prepare(text, font: font, width: width, align: .left, oneLine: false)
        return layoutHeight
    }

    /// A solid line.
    func line(from a: (Double, Double), to b: (Double, Double), width: Double = 0.5, gray: Double = 0) {
        cairo_set_source_rgb(cairo, gray, gray, gray)
        cairo_set_line_width(cairo, width)
        cairo_move_to(cairo, a.0, a.1)
        cairo_line_to(cairo, b.0, b.1)
        cairo_stroke(cairo)
    }

    /// A filled rectangle (shading a table's head or a cancelled lesson).
    func fill(x: Double, y: Double, width: Double, height: Double, gray: Double) {
        cairo_set_source_rgb(cairo, gray, gray, gray)
        cairo_rectangle(cairo, x, y, width, height)
        cairo_fill(cairo)
    }

    /// The size of the pages from the next one on (a landscape table after a portrait title).
    func setPageSize(width: Double, height: Double) {
        cairo_pdf_surface_set_size(surface, width, height)
    }

    /// A dashed line (cut lines between slips).
    func dashedLine(from a: (Double, Double), to b: (Double, Double)) {
        var dashes: [Double] = [4, 3]
        cairo_save(cairo)
        cairo_set_source_rgb(cairo, 0.45, 0.45, 0.45)
        cairo_set_line_width(cairo, 0.6)
        cairo_set_dash(cairo, &dashes, 2, 0)
        cairo_move_to(cairo, a.0, a.1)
        cairo_line_to(cairo, b.0, b.1)
        cairo_stroke(cairo)
        cairo_restore(cairo)
    }

    /// Draws a square bitmap (true = black), one pixel per module, scaled without smoothing.
    func bitmap(_ modules: [[Bool]], x: Double, y: Double, size: Double) {
        let n = modules.count
        guard n > 0 else { return }
        let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(n), Int32(n))
        defer { cairo_surface_destroy(image) }
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image))
        if let data = cairo_image_surface_get_data(image) {
            for row in 0..<n {
                let line = (data + row * stride).withMemoryRebound(to: UInt32.self, capacity: n) { $0 }
                for col in 0..<n { line[col] = modules[row][col] ? 0x000000 : 0xFFFFFF }
            }
        }
        cairo_surface_mark_dirty(image)
        cairo_save(cairo)
        cairo_translate(cairo, x, y)
        cairo_scale(cairo, size / Double(n), size / Double(n))
        cairo_set_source_surface(cairo, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_NEAREST)
        cairo_paint(cairo)
        cairo_restore(cairo)
    }

    func newPage() { cairo_show_page(cairo) }

    /// Finishes the document and returns its bytes.
    func finish() throws -> [UInt8] {
        cairo_show_page(cairo)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PrintingError(description: "cairo: \(String(cString: cairo_status_to_string(status)))")
        }
        return sink.bytes
    }
}

public struct PrintingError: Error, CustomStringConvertible {
    public let description: String
}
