/// A fragment of HTML. User text can only enter through interpolation, which escapes it:
/// `"<p>\(name)</p>" as HTML`. Trusted markup enters as another `HTML` value.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var text: String

    public init(stringLiteral value: String) { text = value }

    public init(stringInterpolation: StringInterpolation) { text = stringInterpolation.text }

    /// Markup that is known to be safe (embedded templates, never user input).
    public init(trusted: String) { text = trusted }

    public var description: String { text }

    public static let empty: HTML = ""

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { text += literal }
        /// Text: escaped.
        public mutating func appendInterpolation(_ value: String) { HTML.escape(value, into: &text) }
        public mutating func appendInterpolation(_ value: Substring) { HTML.escape(String(value), into: &text) }
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }
        /// Markup: as it is.
        public mutating func appendInterpolation(_ value: HTML) { text += value.text }
        /// Each fragment in turn.
        public mutating func appendInterpolation(each values: some Sequence<HTML>) {
            for v in values { text += v.text }
        }
        /// Optional markup: nothing when nil.
        public mutating func appendInterpolation(_ value: HTML?) { if let value { text += value.text } }
    }

    public static func + (a: HTML, b: HTML) -> HTML { HTML(trusted: a.text + b.text) }

    public mutating func append(_ other: HTML) { text += other.text }

    /// Escapes the five characters that matter in text and attribute values.
    public static func escape(_ value: String, into out: inout String) {
        // Most text has nothing to escape: append it whole.
        guard value.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
            out += value
            return
        }
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() {
                let replacement: String
                switch b {
                case 38: replacement = "&amp;"
                case 60: replacement = "&lt;"
                case 62: replacement = "&gt;"
                case 34: replacement = "&quot;"
                case 39: replacement = "&#39;"
                default: continue
                }
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                out += replacement
                start = i + 1
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
        }
    }

    public static func escaped(_ value: String) -> String {
        var out = ""
        escape(value, into: &out)
        return out
    }
}
