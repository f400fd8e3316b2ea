#if canImport(Glibc)
import Glibc
#endif

/// Where and how the daemon listens, and the limits that keep it up on a LAN full of phones.
public struct ServerConfiguration: Sendable {
    public enum Listen: Sendable, Equatable {
        /// An IPv4 or IPv6 literal and a port (0 picks a free one).
        case address(host: String, port: UInt16)
        /// A listening socket passed by systemd (`LISTEN_FDS`).
        case socket(Int32)
    }

    public var listen: Listen
    /// A second listener serving HTTPS; with it, the plain listener redirects to HTTPS.
    public var tls: TLS?
    /// libmicrohttpd pool threads; one per core.
    public var threads: Int
    /// Seconds of inactivity before a connection is closed.
    public var connectionTimeout: Int = 30
    /// Connections open at once, in all.
    public var connectionLimit: Int = 1000
    /// Connections open at once from one address. A classroom behind one NAT router shares
    /// an address, so the default is generous.
    public var perIPConnectionLimit: Int = 200
    /// Bytes libmicrohttpd may use per connection for the request line, headers and buffers;
    /// a request whose headers do not fit is answered 431 by libmicrohttpd.
    public var connectionMemoryLimit: Int = 16 * 1024
    /// The largest request body accepted; larger ones are answered 413.
    public var maxBodyBytes: Int = 8 * 1024 * 1024
    /// Seconds a stop waits for requests in flight.
    public var stopGrace: Int = 10
    /// Threads for slow work that computes (password hashes, PDFs): one per core, which also
    /// caps the hashes at once, each holding its memory.
    public var workers: Int = ServerConfiguration.cores
    /// Threads for slow work that mostly waits (writes waiting for their group commit): many,
    /// so that many writes gather in one commit.
    public var waiters: Int = 32
    /// Slow requests waiting for a thread, at most, in each pool; more are answered 503.
    public var workQueueLimit: Int = 256

    /// HTTPS beside the plain listener.
    public struct TLS: Sendable {
        public var listen: Listen
        public var credentials: TLSCredentials
        /// Paths the plain listener still answers itself, each with what lies under it
        /// (`/kiosk` covers `/kiosk/diary/7`); every other request there is redirected (307) to
        /// the same target over HTTPS.
        public var plainPaths: [String]

        public init(listen: Listen, credentials: TLSCredentials, plainPaths: [String] = []) {
            self.listen = listen
            self.credentials = credentials
            self.plainPaths = plainPaths
        }

        /// True when the plain listener answers `path` itself rather than redirecting it.
        public func servesPlain(_ path: String) -> Bool {
            plainPaths.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }
    }

    public init(listen: Listen, threads: Int = ServerConfiguration.cores) {
        self.listen = listen
        self.threads = max(1, threads)
    }

    /// Online processor count.
    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Parses `HOST:PORT`, `[V6]:PORT` or `:PORT`.
    public static func parseListen(_ text: String) -> Listen? {
        var host: Substring
        var portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        if host.isEmpty { host = "0.0.0.0" }
        if host == "localhost" { host = "127.0.0.1" }
        guard let port = UInt16(portText) else { return nil }
        return .address(host: String(host), port: port)
    }

    /// The first socket systemd passed, when `LISTEN_PID` names this process.
    public static func systemdSocket() -> Int32? {
        systemdSockets().first { $0.name != "https" }?.fd ?? systemdSockets().first?.fd
    }

    /// The sockets systemd passed (`LISTEN_FDS`, from fd 3 on) with their names
    /// (`FileDescriptorName=` in the socket unit, `LISTEN_FDNAMES`), when `LISTEN_PID` names this process.
    public static func systemdSockets() -> [(fd: Int32, name: String)] {
        guard let fds = getenv("LISTEN_FDS").flatMap({ Int(String(cString: $0)) }), fds >= 1,
              let pid = getenv("LISTEN_PID").flatMap({ Int(String(cString: $0)) }), pid == Int(getpid())
        else { return [] }
        let names = getenv("LISTEN_FDNAMES").map { String(cString: $0).split(separator: ":", omittingEmptySubsequences: false).map(String.init) } ?? []
        return (0..<fds).map { (Int32(3 + $0), $0 < names.count ? names[$0] : "") }
    }
}
