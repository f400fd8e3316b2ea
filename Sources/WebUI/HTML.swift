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
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    public static func escaped(_ value: String) -> String {
        var out = ""
        escape(value, into: &out)
        return out
    }
}
