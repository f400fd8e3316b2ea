/// A request handler: a complete request in, a complete response out.
public typealias Handler = @Sendable (Request) throws -> Response

/// Maps method and path to a handler. Patterns are literal segments and `{name}` (any one
/// segment) or `{name:int}` (digits only) parameters: `/api/v1/lessons/{id:int}/marks`.
public struct Router: Sendable {
    /// One registered route; `pattern` is kept for listings and the access-policy walk.
    public struct Route: Sendable {
        public let method: Method
        public let pattern: String
        let segments: [Segment]
        public let handler: Handler
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case string(String)
        case int(String)
    }

    /// What matching a request found.
    public enum Match {
        case found(Route, PathParameters)
        case methodNotAllowed([Method])
        case notFound
    }

    public private(set) var routes: [Route] = []
    private var exact: [String: [Method: Int]] = [:]

    public init() {}

    /// Adds a route. - Important: a pattern registered twice for one method is a programming error.
    public mutating func add(_ method: Method, _ pattern: String, _ handler: @escaping Handler) {
        let segments = Self.parse(pattern)
        precondition(!routes.contains { $0.method == method && $0.segments == segments }, "route \(method) \(pattern) twice")
        routes.append(Route(method: method, pattern: pattern, segments: segments, handler: handler))
        if segments.allSatisfy({ if case .literal = $0 { true } else { false } }) {
            exact[pattern, default: [:]][method] = routes.count - 1
        }
    }

    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add(.get, pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { add(.post, pattern, handler) }
    public mutating func put(_ pattern: String, _ handler: @escaping Handler) { add(.put, pattern, handler) }
    public mutating func delete(_ pattern: String, _ handler: @escaping Handler) { add(.delete, pattern, handler) }

    static func parse(_ pattern: String) -> [Segment] {
        pattern.split(separator: "/").map { part in
            guard part.hasPrefix("{"), part.hasSuffix("}") else { return .literal(String(part)) }
            let inner = part.dropFirst().dropLast()
            if inner.hasSuffix(":int") { return .int(String(inner.dropLast(4))) }
            return .string(String(inner))
        }
    }

    /// Finds the route for `method` and `path`; HEAD falls back to GET.
    public func match(_ method: Method, _ path: String) -> Match {
        let lookup = method == .head ? Method.get : method
        if let byMethod = exact[path], let i = byMethod[lookup] { return .found(routes[i], PathParameters()) }
        // Split on bytes: String.split would walk grapheme clusters.
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)
        var allowed: [Method] = []
        for route in routes where route.segments.count == parts.count {
            guard let params = Self.bind(route.segments, parts) else { continue }
            if route.method == lookup { return .found(route, params) }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed)
    }

    private static func bind(_ segments: [Segment], _ parts: [Substring.UTF8View]) -> PathParameters? {
        var params = PathParameters()
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case let .literal(text):
                guard part.elementsEqual(text.utf8) else { return nil }
            case let .string(name):
                params.values[name] = String(Substring(part))
            case let .int(name):
                guard part.count <= 18, part.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
                params.values[name] = String(Substring(part))
            }
        }
        return params
    }
}
