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

    static let path: String = {
        let path = temporaryPath("school")
        let db = try! Database.open(path: path)
        _ = try! DemoSchool.generate(into: db, options: DemoOptions(students: 60, seed: 2, today: today, password: "test-password"),
                                     progress: { _ in })
        db.close()
        return path
    }()

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
        guard rc == 0 else { close(fd); throw ClientError.connect }
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
    let server = HTTPServer(configuration: configuration, logger: logger, errorPage: { app.errorPage($0) },
                            responder: { app.respond(to: $0) })
    try server.start()
    return server
}
