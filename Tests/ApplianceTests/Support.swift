import Appliance
import Domain
import HTTP
import Logging
import Setup
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// A small generated school in a temporary file, made once for the whole test run.
enum TestSchool {
    static let today = CivilDate(iso: "2026-11-23")!
    static let clock = SchoolClock.starting(at: SchoolDateTime(iso: "2026-11-23T10:00")!, utcOffsetMinutes: 180)

    static let password = "test-password"

    static let generated: (path: String, logins: [DemoLogin]) = {
        let path = temporaryPath("school")
        let db = try! Database.open(path: path)
        let logins = try! DemoSchool.generate(into: db, options: DemoOptions(students: 60, seed: 2, today: today, password: password),
                                              progress: { _ in })
        db.close()
        return (path, logins)
    }()

    static var path: String { generated.path }

    /// A student of grade 5 or above (grade 1 has no marks and no homework).
    static var olderStudent: DemoLogin {
        generated.logins.first { $0.role == .student && (ClassName($0.className)?.grade ?? 0) >= 5 }!
    }

    /// The first demo login with `role` (and, for teachers, a class when `classTeacher`).
    static func login(_ role: Role, classTeacher: Bool = false) -> DemoLogin {
        generated.logins.first { $0.role == role && (!classTeacher || !$0.className.isEmpty) && (role != .teacher || classTeacher || $0.className.isEmpty) }!
    }

    /// A fresh copy of the generated school, so a test may change it.
    static func copy() throws -> Database {
        let target = temporaryPath("copy")
        let db = try Database.open(path: path)
        try db.withWriter { try $0.execute("VACUUM INTO '\(target)'") }
        return try Database.open(path: target)
    }

    static func app(_ database: Database) -> App {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return App(database: database, clock: clock, logger: logger)
    }
}

/// A browser in process: keeps cookies, sends forms with their CSRF token, speaks JSON.
final class Client {
    let app: App
    var cookies: [String: String] = [:]

    init(_ app: App) { self.app = app }

    @discardableResult
    func send(_ method: HTTP.Method, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> Response {
        var all = headers
        if !cookies.isEmpty { all.append(("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))) }
        let response = app.respond(to: try Request(method: method, target: target, headers: Headers(all), body: body))
        for field in response.headers.fields where field.name.lowercased() == "set-cookie" {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = value }
        }
        return response
    }

    func get(_ target: String) throws -> Response { try send(.get, target) }

    /// Posts a form; `csrf` is taken from the last page's hidden field unless given.
    func post(_ target: String, _ fields: [(String, String)], csrf: String? = nil) throws -> Response {
        let token = csrf ?? lastCSRF
        let body = (fields + [("_csrf", token)]).map { "\(PercentDecoding.encode($0.0))=\(PercentDecoding.encode($0.1))" }.joined(separator: "&")
        return try send(.post, target, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }

    func json(_ method: HTTP.Method, _ target: String, _ body: String? = nil, headers: [(String, String)] = []) throws -> Response {
        try send(method, target, headers: (body == nil ? [] : [("Content-Type", "application/json")]) + headers, body: Array((body ?? "").utf8))
    }

    var lastCSRF = ""

    /// Loads a page and remembers its form token.
    @discardableResult
    func page(_ target: String) throws -> Response {
        let r = try get(target)
        if let range = r.text.range(of: "name=\"_csrf\" value=\"") {
            lastCSRF = String(r.text[range.upperBound...].prefix { $0 != "\"" })
        }
        return r
    }

    /// Signs in through the sign-in page.
    @discardableResult
    func signIn(_ login: String, _ password: String = TestSchool.password) throws -> Response {
        try page("/login")
        return try post("/login", [("login", login), ("password", password)])
    }
}

func temporaryPath(_ name: String) -> String {
    "/tmp/tabel-test-\(name)-\(getpid())-\(Int.random(in: 0..<1_000_000_000)).sqlite"
}

/// A plain HTTP/1.1 client over one TCP connection, to see exactly what crosses the wire
/// (keep-alive, status lines, headers).
final class RawClient {
    let fd: Int32

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        // No close here: the instance is whole, so deinit runs and closes it (twice would close
        // a descriptor another test has opened since).
        guard rc == 0 else { throw ClientError.connect }
    }

    deinit { close(fd) }

    enum ClientError: Error { case connect, closed }

    struct Reply {
        let status: Int
        let headers: [(String, String)]
        let body: String

        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }

    private var buffer: [UInt8] = []

    /// Reads one response (Content-Length bodies; HEAD-less).
    func read() throws -> Reply {
        while true {
            if let end = find([13, 10, 13, 10]) {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                var lines = head.split(separator: "\r\n").map(String.init)
                let statusLine = lines.removeFirst()
                let status = Int(statusLine.split(separator: " ")[1]) ?? 0
                let headers = lines.map { line -> (String, String) in
                    let kv = line.split(separator: ":", maxSplits: 1)
                    return (String(kv[0]), kv.count > 1 ? String(kv[1]).trimmingCharacters(in: " ") : "")
                }
                let length = Int(headers.first { $0.0.lowercased() == "content-length" }?.1 ?? "0") ?? 0
                while buffer.count < end + 4 + length { try fill() }
                let body = String(decoding: buffer[(end + 4)..<(end + 4 + length)], as: UTF8.self)
                buffer.removeFirst(end + 4 + length)
                return Reply(status: status, headers: headers, body: body)
            }
            try fill()
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { throw ClientError.closed }
        buffer += chunk[..<n]
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for i in 0...(buffer.count - needle.count) where buffer[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }

    /// True when the peer has closed the connection.
    func isClosed() -> Bool {
        var byte: UInt8 = 0
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return recv(fd, &byte, 1, 0) == 0
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = self[...]
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}

/// Starts the real daemon on a free loopback port around `app`.
func startServer(_ app: App, configure: (inout ServerConfiguration) -> Void = { _ in }) throws -> HTTPServer {
    var configuration = ServerConfiguration(listen: .address(host: "127.0.0.1", port: 0), threads: 2)
    configure(&configuration)
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let server = HTTPServer(configuration: configuration, logger: logger, errorPage: { app.errorPage($0, path: $1) },
                            slowWork: { app.slowWork($0) }, responder: { app.respond(to: $0) })
    try server.start()
    return server
}
