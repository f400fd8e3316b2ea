import Domain
/// A JSON body being written straight into UTF-8 bytes, the way `HTMLBytes` writes pages: no
/// encoder and no intermediate values. Strings are escaped per RFC 8259, and U+2028 and U+2029
/// as well, so a body is also a valid JavaScript literal.
///
/// Members and elements are separated by the writer itself:
/// `json.object { $0.field("id", 7); $0.field("name", "Ёлка") }` gives `{"id":7,"name":"Ёлка"}`.
public struct JSONBytes: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// `{…}`; `members` writes the fields.
    public mutating func object(_ members: (inout JSONBytes) throws -> Void) rethrows {
        separate()
        bytes.append(UInt8(ascii: "{"))
        try members(&self)
        bytes.append(UInt8(ascii: "}"))
    }

    /// `[…]`, one element per item of `items`.
    public mutating func array<Items: Sequence>(_ items: Items, _ element: (inout JSONBytes, Items.Element) throws -> Void) rethrows {
        separate()
        bytes.append(UInt8(ascii: "["))
        for item in items { try element(&self, item) }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A member's name and colon; its value follows. - Important: `name` is written as it is,
    /// so it must need no escaping (the API's names are ASCII identifiers).
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        literal(name)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// A member whose name is known only at run time (a form field's), escaped like a string.
    public mutating func key(escaping name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    public mutating func string(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { source in
            // Most text has nothing to escape: append it whole.
            guard source.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) else {
                bytes.append(contentsOf: source)
                return
            }
            var i = 0
            while i < source.count {
                let b = source[i]
                switch b {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])  // \"
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])  // \\
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case ..<0x20: unicodeEscape(UInt16(b))
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9): line breaks to JavaScript.
                case 0xE2 where i + 2 < source.count && source[i + 1] == 0x80 && (source[i + 2] == 0xA8 || source[i + 2] == 0xA9):
                    unicodeEscape(source[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    i += 2
                default: bytes.append(b)
                }
                i += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func int(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let v = value.magnitude
        var divisor: UInt = 1
        while divisor <= v / 10 { divisor *= 10 }
        var rest = v
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// The shortest decimal that reads back as `value` (`4.5`, `1`, `1e-05`); `null` for NaN
    /// and infinities, which JSON cannot carry.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 { return int(Int(value)) }
        separate()
        bytes.append(contentsOf: value.description.utf8)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        literal(value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        literal("null")
    }

    public mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    public mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        number(value)
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// Left out when nil: the contract's nullable members are optional, as the API has always
    /// written them.
    public mutating func field(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    /// Left out when nil.
    public mutating func field(_ name: StaticString, _ value: Int?) {
        if let value { field(name, value) }
    }

    /// A mark: 1–5 as an integer, "зачёт", "незачёт", "н/а", "осв" as strings (docs/openapi.yaml `MarkValue`).
    public mutating func field(_ name: StaticString, _ value: MarkValue) {
        if let n = value.number { field(name, n) } else { field(name, value.text) }
    }

    /// Left out when nil.
    public mutating func field(_ name: StaticString, _ value: Double?) {
        if let value { field(name, value) }
    }

    /// A comma, unless this value opens its container or follows its key.
    private mutating func separate() {
        guard let last = bytes.last, last != UInt8(ascii: "{"), last != UInt8(ascii: "["), last != UInt8(ascii: ":") else { return }
        bytes.append(UInt8(ascii: ","))
    }

    private mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func unicodeEscape(_ unit: UInt16) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), hex[Int(unit >> 12)], hex[Int(unit >> 8 & 0xF)],
                                  hex[Int(unit >> 4 & 0xF)], hex[Int(unit & 0xF)]])
    }
}

/// A response body the API writes as JSON.
public protocol JSONWritable {
    func write(to json: inout JSONBytes)
}

extension JSONBytes {
    /// A reporting period as every API writes it: `{from, id, name, to}`.
    public mutating func period(_ p: Period) {
        object { j in
            j.field("from", p.startsOn.iso)
            j.field("id", p.id)
            j.field("name", p.name)
            j.field("to", p.endsOn.iso)
        }
    }
}
