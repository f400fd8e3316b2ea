import Domain
import Words

/// A finished document: its bytes and how many pages it has.
public struct PrintedPDF: Sendable {
    public let bytes: [UInt8]
    public let pages: Int
}

/// The pages of a printed document: margins, a running head, numbered pages in the outer
/// corner, and the two-sided layout (a part that must start on a right-hand page gets a blank
/// page before it when needed). Tables continue onto new pages with their heads repeated.
final class Paper {
    let doc: PDFDocument
    let width: Double
    let height: Double
    /// Page margins; the inner one is wider for binding on two-sided sheets.
    let margin = 34.0
    let binding = 14.0
    let twoSided: Bool
    /// What every page's foot says beside its number (the document and the class).
    let footer: String
    let words: Words
    /// The page being drawn, from 1.
    private(set) var page = 1
    /// Where the next thing goes down the page.
    var y: Double
    /// Whether anything was drawn on the page yet.
    var used = false

    static let font = "DejaVu Sans"

    init(landscape: Bool, twoSided: Bool, footer: String, title: String, words: Words) {
        let size = landscape ? (width: PDFDocument.a4.height, height: PDFDocument.a4.width) : PDFDocument.a4
        doc = PDFDocument(size: size)
        doc.setInfo(title: title, creator: "Tabel")
        width = size.width
        height = size.height
        self.twoSided = twoSided
        self.footer = footer
        self.words = words
        y = margin
    }

    /// The left edge of the text on this page: right-hand (odd) pages are bound on the left.
    var left: Double { margin + (twoSided && page % 2 == 1 ? binding : 0) }
    var right: Double { width - margin - (twoSided && page % 2 == 0 ? binding : 0) }
    var textWidth: Double { right - left }
    /// The lowest point text may reach: the foot is below it.
    var bottom: Double { height - margin - 14 }

    /// Ends the page with its number and starts the next.
    func newPage() {
        drawFoot()
        doc.newPage()
        page += 1
        y = margin
        used = false
    }

    /// Starts a new page unless the current one is empty; on two-sided paper a right-hand one.
    func startPart(rightHand: Bool = true) {
        if used { newPage() }
        if twoSided, rightHand, page % 2 == 0 {
            doc.text(words.printBlankPage, font: "\(Self.font) 8", x: left, y: height / 2, width: textWidth, gray: 0.6, align: .center)
            newPage()
        }
    }

    /// The foot: the page's number in the outer corner, the document beside it.
    private func drawFoot() {
        let y = height - margin + 2
        let outerRight = !twoSided || page % 2 == 1
        doc.text(footer, font: "\(Self.font) 7", x: outerRight ? left : left + 44, y: y, width: textWidth - 44, gray: 0.35, oneLine: true)
        doc.text(String(page), font: "\(Self.font) 9", x: outerRight ? right - 40 : left, y: y - 1, width: 40, align: outerRight ? .right : .left)
    }

    /// Draws text across the page at `y` and moves down.
    @discardableResult
    /// `keep`: room needed below it too (a heading is not left alone at a page's foot).
    func paragraph(_ text: String, size: Double, bold: Bool = false, gray: Double = 0, align: PDFDocument.Alignment = .left, after: Double = 4,
                   keep: Double = 0) -> Double {
        let font = "\(Self.font)\(bold ? " Bold" : "") \(size)"
        let h = doc.measure(text, font: font, width: textWidth)
        if y + h + keep > bottom { newPage() }
        doc.text(text, font: font, x: left, y: y, width: textWidth, gray: gray, align: align)
        y += h + after
        used = true
        return h
    }

    /// A signature line: the role, a line to sign on, the name (and a place for the date).
    func signature(_ role: String, name: String?, date: Bool = true, seal: Bool = false) {
        let h = 34.0
        if y + h > bottom { newPage() }
        let w = words
        let roleW = textWidth * 0.26
        doc.text(role, font: "\(Self.font) 9", x: left, y: y + 8, width: roleW - 6)
        let lineX = left + roleW
        let lineW = textWidth * 0.18
        doc.line(from: (lineX, y + 20), to: (lineX + lineW, y + 20))
        doc.text(w.printSignature, font: "\(Self.font) 6", x: lineX, y: y + 21, width: lineW, gray: 0.4, align: .center)
        let nameX = lineX + lineW + 8
        let nameW = textWidth * 0.3
        if let name, !name.isEmpty {
            let size = doc.measure(name, font: "\(Self.font) 9", width: nameW) > 12 ? 7.5 : 9
            doc.text(name, font: "\(Self.font) \(size)", x: nameX, y: y + 8, width: nameW, oneLine: true)
        } else {
            doc.line(from: (nameX, y + 20), to: (nameX + nameW, y + 20))
        }
        doc.text(w.printFullName, font: "\(Self.font) 6", x: nameX, y: y + 21, width: nameW, gray: 0.4, align: .center)
        let dateX = nameX + nameW + 8
        if date {
            doc.text(w.printDateBlank, font: "\(Self.font) 8", x: dateX, y: y + 8, width: right - dateX)
        } else if seal {
            doc.text(w.printSealPlace, font: "\(Self.font) Bold 10", x: dateX, y: y + 8, width: right - dateX)
        }
        y += h
        used = true
    }

    /// Finishes the last page and returns the PDF.
    func finish() throws -> PrintedPDF {
        drawFoot()
        return PrintedPDF(bytes: try doc.finish(), pages: page)
    }
}

/// A table drawn across pages: fixed column widths, a head repeated on every page, rows as
/// tall as their wrapped text (or all of `rowHeight` when no column wraps).
struct PaperTable {
    struct Column {
        var title: String
        var width: Double
        var align: PDFDocument.Alignment = .center
        /// Whether this column's text wraps (and so sets its row's height); else one line, cut.
        var wraps = false
        /// Shaded (a period mark's column).
        var shaded = false
    }

    var columns: [Column]
    /// Optional heads above groups of columns: (title, how many columns).
    var groups: [(title: String, span: Int)] = []
    var fontSize = 7.5
    var headSize = 7.0
    var rowHeight = 12.0

    var font: String { "\(Paper.font) \(fontSize)" }
    var headFont: String { "\(Paper.font) Bold \(headSize)" }
    var totalWidth: Double { columns.reduce(0) { $0 + $1.width } }

    /// Draws `rows` (cells by column; shaded rows in `shade`) from the paper's current `y`.
    func draw(_ rows: [[String]], on paper: Paper, shadedRows: Set<Int> = []) {
        let doc = paper.doc
        let headHeight = columns.map { doc.measure($0.title, font: headFont, width: $0.width - 2) }.max().map { $0 + 4 } ?? 0
        let groupHeight = groups.isEmpty ? 0.0 : groups.enumerated().map { i, g in
            let first = groups[..<i].reduce(0) { $0 + $1.span }
            let w = columns[first..<min(columns.count, first + g.span)].reduce(0) { $0 + $1.width }
            return doc.measure(g.title, font: headFont, width: w - 2) + 4
        }.max()!
        func head() {
            var x = paper.left
            var top = paper.y
            if !groups.isEmpty {
                var col = 0
                for g in groups {
                    let w = columns[col..<min(columns.count, col + g.span)].reduce(0) { $0 + $1.width }
                    doc.text(g.title, font: headFont, x: x + 1, y: top + 2, width: w - 2, align: .center)
                    doc.line(from: (x, top), to: (x + w, top))
                    doc.line(from: (x, top), to: (x, top + groupHeight))
                    x += w
                    col += g.span
                }
                doc.line(from: (x, top), to: (x, top + groupHeight))
                top += groupHeight
                x = paper.left
            }
            doc.fill(x: x, y: top, width: totalWidth, height: headHeight, gray: 0.9)
            for c in columns {
                doc.text(c.title, font: headFont, x: x + 1, y: top + 2, width: c.width - 2, align: c.align == .left ? .left : .center)
                x += c.width
            }
            grid(top: top, height: headHeight)
            paper.y = top + headHeight
        }
        func grid(top: Double, height: Double) {
            var x = paper.left
            doc.line(from: (x, top), to: (x + totalWidth, top))
            doc.line(from: (x, top + height), to: (x + totalWidth, top + height))
            for c in columns {
                doc.line(from: (x, top), to: (x, top + height))
                x += c.width
            }
            doc.line(from: (x, top), to: (x, top + height))
        }
        if paper.y + groupHeight + headHeight + rowHeight > paper.bottom { paper.newPage() }
        paper.used = true
        head()
        for (i, row) in rows.enumerated() {
            var h = rowHeight
            for (c, text) in zip(columns, row) where c.wraps && !text.isEmpty {
                h = max(h, doc.measure(text, font: font, width: c.width - 4) + 3)
            }
            if paper.y + h > paper.bottom {
                paper.newPage()
                head()
            }
            var x = paper.left
            if shadedRows.contains(i) { doc.fill(x: x, y: paper.y, width: totalWidth, height: h, gray: 0.93) }
            for (c, text) in zip(columns, row) {
                if c.shaded { doc.fill(x: x, y: paper.y, width: c.width, height: h, gray: 0.93) }
                if !text.isEmpty {
                    doc.text(text, font: font, x: x + 2, y: paper.y + 1.5, width: c.width - 4, align: c.align, oneLine: !c.wraps)
                }
                x += c.width
            }
            grid(top: paper.y, height: h)
            paper.y += h
        }
        paper.y += 6
    }
}
