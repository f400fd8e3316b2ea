import Domain

/// A4 sheets of eight slips (two columns, four rows) with dashed cut lines; a slip printed
/// alone gets a page of its own size (A7 landscape, one eighth of A4) with a cut-out frame.
public enum LoginSlipSheet {
    public static func pdf(_ slips: [LoginSlip]) throws -> [UInt8] {
        if slips.count == 1 { return try single(slips[0]) }
        let doc = PDFDocument()
        doc.setInfo(title: "Реквизиты доступа", creator: "Tabel")
        let (pageW, pageH) = PDFDocument.a4
        let columns = 2, rows = 4
        let cellW = pageW / Double(columns), cellH = pageH / Double(rows)
        for (i, slip) in slips.enumerated() {
            let onPage = i % (columns * rows)
            if onPage == 0, i > 0 { doc.newPage() }
            if onPage == 0 { cutLines(doc, columns: columns, rows: rows, cellW: cellW, cellH: cellH) }
            draw(slip, on: doc, x: Double(onPage % columns) * cellW, y: Double(onPage / columns) * cellH, w: cellW, h: cellH)
        }
        if slips.isEmpty {
            doc.text("Нет людей, которым нужно напечатать реквизиты.", font: "DejaVu Sans 12", x: 40, y: 40, width: pageW - 80)
        }
        return try doc.finish()
    }

    /// One slip on an A7 page: printed at actual size it takes an eighth of a sheet.
    static func single(_ slip: LoginSlip) throws -> [UInt8] {
        let (w, h) = PDFDocument.a7Landscape
        let doc = PDFDocument(size: PDFDocument.a7Landscape)
        doc.setInfo(title: "Реквизиты доступа: \(slip.fullName)", creator: "Tabel")
        let inset = 3.0
        doc.dashedLine(from: (inset, inset), to: (w - inset, inset))
        doc.dashedLine(from: (w - inset, inset), to: (w - inset, h - inset))
        doc.dashedLine(from: (w - inset, h - inset), to: (inset, h - inset))
        doc.dashedLine(from: (inset, h - inset), to: (inset, inset))
        draw(slip, on: doc, x: 0, y: 0, w: w, h: h)
        return try doc.finish()
    }

    static func cutLines(_ doc: PDFDocument, columns: Int, rows: Int, cellW: Double, cellH: Double) {
        let (pageW, pageH) = PDFDocument.a4
        for c in 1..<columns { doc.dashedLine(from: (Double(c) * cellW, 0), to: (Double(c) * cellW, pageH)) }
        for r in 1..<rows { doc.dashedLine(from: (0, Double(r) * cellH), to: (pageW, Double(r) * cellH)) }
    }

    static func draw(_ slip: LoginSlip, on doc: PDFDocument, x: Double, y: Double, w: Double, h: Double) {
        let pad = 16.0
        let qrSize = 64.0
        let textW = w - 2 * pad
        var cy = y + pad
        cy += doc.text(slip.school, font: "DejaVu Sans 7", x: x + pad, y: cy, width: textW, gray: 0.35) + 4
        cy += doc.text(slip.fullName, font: "DejaVu Sans Bold 11", x: x + pad, y: cy, width: textW - qrSize - 6)
        cy += doc.text(slip.whoLine, font: "DejaVu Sans 8.5", x: x + pad, y: cy, width: textW - qrSize - 6, gray: 0.2) + 6
        cy += doc.text("Логин: \(slip.login)", font: "DejaVu Sans Mono Bold 12", x: x + pad, y: cy, width: textW)
        cy += doc.text("Пароль: \(slip.password)", font: "DejaVu Sans Mono Bold 13", x: x + pad, y: cy, width: textW) + 5
        cy += doc.text("Адрес: \(slip.address)", font: "DejaVu Sans 8", x: x + pad, y: cy, width: textW)
        doc.text("При первом входе придумайте свой пароль: временный действует до \(slip.validUntil.russian) и только для первого входа. "
                 + "Никому не сообщайте пароль.", font: "DejaVu Sans 7", x: x + pad, y: cy + 2, width: textW, gray: 0.25)
        let qrX = x + w - pad - qrSize
        doc.bitmap(QRCode.modules(slip.kioskCode), x: qrX, y: y + pad + 10, size: qrSize)
        doc.text("код для киоска", font: "DejaVu Sans 6", x: qrX, y: y + pad + 10 + qrSize, width: qrSize, gray: 0.35)
    }
}
