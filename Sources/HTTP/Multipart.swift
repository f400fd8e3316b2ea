/// One part of a `multipart/form-data` body.
public struct MultipartPart: Sendable {
    public let name: String
    public let filename: String?
    public let contentType: String?
    public let body: [UInt8]

    /// The body as UTF-8 text, or nil when it is not valid UTF-8.
    public var text: String? { String(validating: body, as: UTF8.self) }
}

/// A strict `multipart/form-data` parser (RFC 7578) over an already size-limited body.
public enum Multipart {
    public static let maxParts = 100
    static let maxHeaderBytes = 8 * 1024

    /// The `boundary` parameter of a Content-Type header.
    public static func boundary(fromContentType header: String) -> String? {
        for param in header.split(separator: ";").dropFirst() {
            let kv = param.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingSpaces.lowercased() == "boundary" else { continue }
            var value = kv[1].trimmingSpaces
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// Splits `body` into parts.
    /// - Throws: `HTTPError.badRequest` when the body does not follow the format.
    public static func parse(_ body: [UInt8], boundary: String) throws -> [MultipartPart] {
        let bad = HTTPError.badRequest("Форма отправлена в неверном формате.")
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        guard var cursor = find(delimiter, in: body, from: 0) else { throw bad }
        cursor += delimiter.count
        var parts: [MultipartPart] = []
        while true {
            // After a delimiter: "--" closes the body, CRLF starts a part.
            if body[cursor...].starts(with: [45, 45]) { return parts }
            guard body[cursor...].starts(with: crlf) else { throw bad }
            cursor += 2
            guard parts.count < maxParts else { throw HTTPError.badRequest("Слишком много частей в форме.") }
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: cursor), headerEnd - cursor <= maxHeaderBytes else { throw bad }
            guard let headerText = String(validating: body[cursor..<headerEnd], as: UTF8.self) else { throw bad }
            let next = Array([13, 10] + delimiter)
            guard let end = find(next, in: body, from: headerEnd + 4) else { throw bad }
            var name: String?
            var filename: String?
            var contentType: String?
            for line in headerText.split(separator: "\r\n") {
                let kv = line.split(separator: ":", maxSplits: 1)
                guard kv.count == 2 else { throw bad }
                let field = kv[0].trimmingSpaces.lowercased()
                if field == "content-disposition" {
                    (name, filename) = dispositionNames(kv[1].trimmingSpaces)
                } else if field == "content-type" {
                    contentType = kv[1].trimmingSpaces
                }
            }
            guard let name else { throw bad }
            parts.append(MultipartPart(name: name, filename: filename, contentType: contentType,
                                       body: Array(body[(headerEnd + 4)..<end])))
            cursor = end + next.count
        }
    }

    private static func dispositionNames(_ value: String) -> (String?, String?) {
        var name: String?
        var filename: String?
        for param in value.split(separator: ";").dropFirst() {
            let kv = param.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            var v = kv[1].trimmingSpaces
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            switch kv[0].trimmingSpaces.lowercased() {
            case "name": name = v
            case "filename": filename = v
            default: break
            }
        }
        return (name, filename)
    }

    /// Index of the first occurrence of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
