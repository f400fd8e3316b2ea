/// Reads CSV as Excel writes it in Russia: UTF-8 with or without BOM, or Windows-1251;
/// `;` or `,` between fields; CRLF or LF; RFC 4180 quotes.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// The line of the file the row starts on (1 is the header).
        public let line: Int
        public let fields: [String]
    }

    public let header: [String]
    public let rows: [Row]
    public let encoding: String
    public let separator: Character

    /// Index of a column by its header, ignoring case, spaces, «ё»/«е» and a remark in
    /// parentheses («Ребёнок (ФИО)» is «Ребёнок», as the README writes it).
    public func column(_ name: String) -> Int? {
        let key = Self.normalise(name)
        return header.firstIndex { Self.normalise($0) == key }
    }

    static func normalise(_ s: String) -> String {
        var depth = 0
        return String(s.lowercased().replacing("ё", with: "е").filter { ch in
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1); return false }
            return depth == 0 && !ch.isWhitespace
        })
    }
}

/// A problem in an input file, with the line it is on.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let line: Int?
    public let message: String

    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "строка \($0): \(message)" } ?? message }
}

public enum CSVReader {
    public static let maxFieldLength = 1000

    public static func read(_ bytes: [UInt8]) throws -> CSVTable {
        var data = bytes[...]
        var encoding = "UTF-8"
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            data = data.dropFirst(3)
            encoding = "UTF-8 (BOM)"
        }
        let text: String
        if let utf8 = String(validating: data, as: UTF8.self) {
            text = utf8
        } else if let line = mixedLine(data) {
            throw InputError(line: line, "не UTF-8 (похоже на Windows-1251): сохраните весь файл в одной кодировке")
        } else {
            text = Windows1251.decode(data)
            encoding = "Windows-1251"
        }
        guard text.contains(where: { !$0.isWhitespace }) else { throw InputError(line: nil, "файл пуст") }
        let separator = guessSeparator(text)
        let records = try parse(text, separator: separator)
        guard let header = records.first, !header.fields.allSatisfy(\.isEmpty) else { throw InputError(line: 1, "нет строки заголовков") }
        let rows = records.dropFirst().filter { !$0.fields.allSatisfy { $0.trimmingWhitespace.isEmpty } }
        return CSVTable(header: header.fields.map(\.trimmingWhitespace), rows: Array(rows), encoding: encoding, separator: separator)
    }

    /// The first line that is not UTF-8 in a file that is mostly UTF-8 (at least as many lines of
    /// letters beyond ASCII read as UTF-8 as do not): a file mixed from two, not one in Windows-1251.
    static func mixedLine(_ data: ArraySlice<UInt8>) -> Int? {
        var utf8Lines = 0, otherLines: [Int] = []
        for (i, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where line.contains(where: { $0 >= 0x80 }) {
            if String(validating: line, as: UTF8.self) != nil { utf8Lines += 1 } else { otherLines.append(i + 1) }
        }
        return utf8Lines >= otherLines.count ? otherLines.first : nil
    }

    /// `;` unless the first line has more commas than semicolons outside quotes.
    static func guessSeparator(_ text: String) -> Character {
        var semicolons = 0, commas = 0, quoted = false
        for ch in text {
            if ch == "\"" { quoted.toggle() }
            if quoted { continue }
            if ch == "\n" || ch == "\r" { break }
            if ch == ";" { semicolons += 1 } else if ch == "," { commas += 1 }
        }
        return commas > semicolons ? "," : ";"
    }

    static func parse(_ text: String, separator: Character) throws -> [CSVTable.Row] {
        var rows: [CSVTable.Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var rowLine = 1
        var quoted = false
        var afterQuote = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endField() throws {
            guard field.count <= maxFieldLength else {
                throw InputError(line: rowLine, "поле \(fields.count + 1) длиннее \(maxFieldLength) символов")
            }
            fields.append(field)
            field = ""
            afterQuote = false
        }
        while let ch = next() {
            if ch == "\u{0}" { throw InputError(line: line, "в файле нулевой байт (NUL): это не текстовый CSV") }
            if quoted {
                if ch == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; afterQuote = true; pending = n }
                    } else { quoted = false; afterQuote = true }
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1 }
                    field.append(ch)
                }
                continue
            }
            switch ch {
            case "\"":
                guard field.isEmpty, !afterQuote else {
                    throw InputError(line: line, "кавычка внутри поля \(fields.count + 1): такое поле нужно целиком заключить в кавычки")
                }
                quoted = true
            case separator:
                try endField()
            case "\n", "\r\n", "\r":
                try endField()
                rows.append(CSVTable.Row(line: rowLine, fields: fields))
                fields = []
                line += 1
                rowLine = line
            default:
                guard !afterQuote else { throw InputError(line: line, "после закрывающей кавычки в поле \(fields.count) лишние символы") }
                field.append(ch)
            }
        }
        if quoted { throw InputError(line: rowLine, "кавычка открыта и не закрыта до конца файла") }
        if !field.isEmpty || !fields.isEmpty {
            try endField()
            rows.append(CSVTable.Row(line: rowLine, fields: fields))
        }
        return rows
    }
}

/// The code page Russian Windows and Excel write CSV in.
enum Windows1251 {
    static let upper: [Unicode.Scalar] = Array((
        "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏ" + "ђ‘’“”•–—\u{FFFD}™љ›њќћџ" + "\u{00A0}ЎўЈ¤Ґ¦§Ё©Є«¬\u{00AD}®Ї" + "°±Ііґµ¶·ё№є»јЅѕї"
    ).unicodeScalars)

    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var out = String.UnicodeScalarView()
        for b in bytes {
            switch b {
            case 0..<0x80: out.append(Unicode.Scalar(b))
            case 0xC0...0xFF: out.append(Unicode.Scalar(0x0410 + UInt32(b - 0xC0))!)
            default: out.append(upper[Int(b - 0x80)])
            }
        }
        return String(out)
    }
}
