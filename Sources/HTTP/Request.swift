/// HTTP methods the server knows; anything else is `.other`.
public enum Method: String, Sendable, CaseIterable {
    case get = "GET", head = "HEAD", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE", options = "OPTIONS"
    case other = "OTHER"

    public init(token: String) { self = Method(rawValue: token) ?? .other }
}

/// Header fields of a request or response; names compared case-insensitively (ASCII).
public struct Headers: Sendable, Sequence {
    public struct Field: Sendable {
        /// As sent or set; compare with `Headers.subscript`, which ignores case.
        public let name: String
        public let value: String
    }

    public private(set) var fields: [Field] = []

    public init(_ fields: [(String, String)] = []) {
        for (n, v) in fields { add(n, v) }
    }

    public mutating func add(_ name: String, _ value: String) { fields.append(Field(name: name, value: value)) }

    /// The first value of `name`, whatever the case it was sent in.
    public subscript(name: String) -> String? {
        fields.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
}

/// Name–value pairs from a query string or a form, in order; a name may repeat.
public struct Parameters: Sendable, Equatable {
    public private(set) var pairs: [Pair]

    public struct Pair: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    public init(_ pairs: [(String, String)] = []) { self.pairs = pairs.map { Pair(name: $0.0, value: $0.1) } }

    /// The first value of `name`.
    public subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of `name`, in order.
    public func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    public var isEmpty: Bool { pairs.isEmpty }
}

/// One request as the application sees it: complete, parsed, independent of libmicrohttpd.
public struct Request: Sendable {
    public var method: Method
    /// The decoded path, always starting with `/`.
    public var path: String
    public var query: Parameters
    public var headers: Headers
    public var body: [UInt8]
    /// The peer's IP address as text.
    public var remoteAddress: String
    /// Values of the `{name}` segments of the route that matched.
    public var pathParameters: PathParameters = PathParameters()
    /// True when the request came through the server's HTTPS listener.
    public var tls = false

    /// True when the browser used HTTPS: through the server's own TLS listener, or through a
    /// TLS-terminating proxy on this machine that says so (`X-Forwarded-Proto: https` from loopback).
    public var isSecure: Bool {
        tls || (headers["x-forwarded-proto"]?.lowercased() == "https"
            && (remoteAddress == "127.0.0.1" || remoteAddress == "::1"))
    }

    /// The name a cookie travels under: over HTTPS with the `__Host-` prefix (the browser then
    /// keeps it only if it was set Secure, with Path=/ and no Domain, so a plain-HTTP page or a
    /// neighbouring host cannot plant or shadow it); over plain HTTP as it is.
    public func cookieName(_ name: String) -> String { isSecure ? "__Host-" + name : name }

    public init(method: Method, path: String, query: Parameters = Parameters(), headers: Headers = Headers(),
                body: [UInt8] = [], remoteAddress: String = "127.0.0.1") {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// Builds a request from a raw request target such as `/a%20b?x=1`.
    /// - Throws: `HTTPError.badRequest` when the target's encoding is malformed.
    public init(method: Method, target: String, headers: Headers = Headers(), body: [UInt8] = [],
                remoteAddress: String = "127.0.0.1") throws {
        let bytes = Array(target.utf8)
        let q = bytes.firstIndex(of: UInt8(ascii: "?"))
        let rawPath = q.map { Array(bytes[..<$0]) } ?? bytes
        guard rawPath.first == UInt8(ascii: "/") else { throw HTTPError.badRequest("Неверный адрес запроса.") }
        guard let path = PercentDecoding.decode(rawPath[...], plusIsSpace: false) else {
            throw HTTPError.badRequest("Неверная кодировка адреса запроса.")
        }
        let query = try q.map { try FormDecoding.urlencoded(bytes[($0 + 1)...]) } ?? Parameters()
        self.init(method: method, path: path, query: query, headers: headers, body: body, remoteAddress: remoteAddress)
    }

    /// The value of a cookie sent with the request (the first of that name); over HTTPS only the
    /// `__Host-` cookie of that name counts (`cookieName`).
    public func cookie(_ name: String) -> String? {
        let name = cookieName(name)
        guard let header = headers["cookie"] else { return nil }
        for item in header.split(separator: ";") {
            let kv = item.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingSpaces == name { return kv[1].trimmingSpaces }
        }
        return nil
    }

    /// The body as `application/x-www-form-urlencoded` or `multipart/form-data` fields.
    /// - Throws: `HTTPError.badRequest` for a malformed body.
    public func form() throws -> Parameters {
        let type = headers["content-type"]?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            return Parameters(try multipart().compactMap { $0.filename == nil ? ($0.name, $0.text ?? "") : nil })
        }
        return try FormDecoding.urlencoded(body[...])
    }

    /// The parts of a `multipart/form-data` body.
    public func multipart() throws -> [MultipartPart] {
        guard let type = headers["content-type"], let boundary = Multipart.boundary(fromContentType: type) else {
            throw HTTPError.badRequest("Ожидалась форма multipart/form-data.")
        }
        return try Multipart.parse(body, boundary: boundary)
    }
}

/// Values of a route's `{name}` segments, typed on access.
public struct PathParameters: Sendable {
    var values: [String: String] = [:]

    public subscript(name: String) -> String? { values[name] }

    /// The value of an `{name:int}` segment (the router only matches digits there).
    public func int(_ name: String) throws -> Int {
        guard let text = values[name], let v = Int(text) else { throw HTTPError.notFound }
        return v
    }
}

extension Substring {
    var trimmingSpaces: String {
        var s = self[...]
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    /// True when both are equal but for the case of ASCII letters (header names are ASCII).
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        for (a, b) in zip(utf8, other.utf8) where a != b {
            guard a | 0x20 == b | 0x20, (a | 0x20) >= 97, (a | 0x20) <= 122 else { return false }
        }
        return true
    }
}
