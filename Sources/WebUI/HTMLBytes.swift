/// A page being written straight into UTF-8 bytes, for the large tables of hot pages (the
/// journal grid) where appending thousands of small `String`s costs more than the queries.
/// Literals go in as they are; text goes through `escaped`, exactly like `HTML` interpolation.
public struct HTMLBytes: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Markup written in the source (never user text).
    public mutating func raw(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func int(_ value: Int) {
        if value < 0 { bytes.append(45) }
        let v = value.magnitude
        var divisor: UInt = 1
        while divisor <= v / 10 { divisor *= 10 }
        var rest = v
        while divisor > 0 {
            bytes.append(48 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Text, with `& < > " '` escaped.
    public mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { source in
            // Most text has nothing to escape: append it whole.
            guard source.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else {
                bytes.append(contentsOf: source)
                return
            }
            for b in source {
                switch b {
                case 38: bytes.append(contentsOf: [38, 97, 109, 112, 59])        // &amp;
                case 60: bytes.append(contentsOf: [38, 108, 116, 59])            // &lt;
                case 62: bytes.append(contentsOf: [38, 103, 116, 59])            // &gt;
                case 34: bytes.append(contentsOf: [38, 113, 117, 111, 116, 59])  // &quot;
                case 39: bytes.append(contentsOf: [38, 35, 51, 57, 59])          // &#39;
                default: bytes.append(b)
                }
            }
        }
    }

    public mutating func append(_ other: HTMLBytes) { bytes.append(contentsOf: other.bytes) }

    /// Already escaped markup built elsewhere.
    public mutating func html(_ value: HTML) { bytes.append(contentsOf: value.text.utf8) }

    public var html: HTML { HTML(trusted: String(decoding: bytes, as: UTF8.self)) }
}
