/// Percent-decoding of URL paths and form fields, on bytes.
public enum PercentDecoding {
    /// Decodes `%XX` escapes (and `+` as a space when `plusIsSpace`); nil when an escape is
    /// malformed, the result is not UTF-8, or it contains a NUL.
    public static func decode(_ bytes: ArraySlice<UInt8>, plusIsSpace: Bool) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex,
                      let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) else { return nil }
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(plusIsSpace && b == UInt8(ascii: "+") ? UInt8(ascii: " ") : b)
                i += 1
            }
        }
        guard !out.contains(0) else { return nil }
        return String(validating: out, as: UTF8.self)
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Encodes `text` for use in a query string value.
    public static func encode(_ text: String) -> String {
        var out = ""
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let digits = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [digits[Int(b >> 4)], digits[Int(b & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}

/// `application/x-www-form-urlencoded` bodies and query strings.
public enum FormDecoding {
    /// At most this many fields in one form or query.
    public static let maxFields = 1000

    /// Parses `a=1&b=%D0%B0`; a field without `=` has an empty value.
    /// - Throws: `HTTPError.badRequest` naming the first malformed field.
    public static func urlencoded(_ bytes: ArraySlice<UInt8>) throws -> Parameters {
        var pairs: [(String, String)] = []
        for field in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            guard pairs.count < maxFields else { throw HTTPError.badRequest("Слишком много полей в запросе.") }
            let eq = field.firstIndex(of: UInt8(ascii: "="))
            let rawName = eq.map { field[field.startIndex..<$0] } ?? field
            let rawValue = eq.map { field[($0 + 1)...] } ?? []
            guard let name = PercentDecoding.decode(rawName, plusIsSpace: true),
                  let value = PercentDecoding.decode(rawValue, plusIsSpace: true) else {
                throw HTTPError.badRequest("Поле «\(String(decoding: rawName.prefix(40), as: UTF8.self))» закодировано неверно.")
            }
            pairs.append((name, value))
        }
        return Parameters(pairs)
    }
}
