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
        g_object_unref(UnsafeMutableRawPointer(layout))
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    func setInfo(title: String, creator: String) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, creator)
    }

    /// Draws `text` in `font` (a pango description such as "DejaVu Sans Bold 12") with its
    /// top-left corner at (x, y), wrapped to `width`; returns the height used.
    @discardableResult
    func text(_ text: String, font: String, x: Double, y: Double, width: Double, gray: Double = 0) -> Double {
        let description = pango_font_description_from_string(font)
        defer { pango_font_description_free(description) }
        pango_layout_set_font_description(layout, description)
        pango_layout_set_width(layout, Int32(width * Double(tabel_pango_scale())))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_text(layout, text, -1)
        cairo_set_source_rgb(cairo, gray, gray, gray)
        cairo_move_to(cairo, x, y)
        pango_cairo_show_layout(cairo, layout)
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(h) / Double(tabel_pango_scale())
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
