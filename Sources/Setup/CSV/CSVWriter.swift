/// RFC 4180 CSV for exports: fields quoted when needed, CRLF line ends, and cells that a
/// spreadsheet would run as a formula (`= + - @ |` and tab/CR first) neutralised with a quote.
public struct CSVWriter {
    public private(set) var text = ""
    let separator: Character

    public init(separator: Character = ",") { self.separator = separator }

    public mutating func row(_ fields: [String]) {
        text += fields.map(escape).joined(separator: String(separator)) + "\r\n"
    }

    func escape(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@|\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
