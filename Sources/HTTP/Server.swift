internal import CMicroHTTPD
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The libmicrohttpd daemon behind the `Request -> Response` seam.
///
/// libmicrohttpd calls the access handler several times per request; `Exchange` hides that:
/// it is created when the request line arrives (URI log callback, which also gives the raw
/// target for parsing in Swift), collects the body, and the responder runs once, on the call
/// after the upload is complete. Responding then, rather than on the first call, keeps
/// keep-alive intact. The exchange is released when libmicrohttpd reports completion.
public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    let responder: @Sendable (Request) -> Response
    /// Renders the page for an error found before the responder runs (413, a malformed target).
    let errorPage: @Sendable (HTTPError) -> Response
    /// Requests whose answer takes long (a password hash, a big PDF, a write waiting for its
    /// commit) are answered off the pool thread: the connection is suspended, a thread of
    /// `workers` or `waiters` runs the responder, and the connection resumes with the response.
    /// The pool thread meanwhile serves others.
    let slowWork: @Sendable (Request) -> SlowWork?
    let workers: WorkerPool
    let waiters: WorkerPool
    let logger: Logger
    /// The running daemon's address (0 when stopped), swapped atomically so stop runs once.
    private let daemon = Atomic<UInt>(0)
    /// The HTTPS daemon's address, when `configuration.tls` is set and it runs.
    private let tlsDaemon = Atomic<UInt>(0)
    /// The PEM texts handed to libmicrohttpd (addresses of `strdup` copies, 0 without TLS),
    /// kept for the daemon's life and freed with the server.
    private let tlsKey: UInt
    private let tlsCertificate: UInt
    let inFlight = Atomic<Int>(0)
    /// Exchanges handed to a worker and not yet completed by libmicrohttpd.
    let suspended = Atomic<Int>(0)

    /// Headers sent with every response.
    static let securityHeaders: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
    ]

    public init(configuration: ServerConfiguration, logger: Logger,
                errorPage: @escaping @Sendable (HTTPError) -> Response,
                slowWork: @escaping @Sendable (Request) -> SlowWork? = { _ in nil },
                responder: @escaping @Sendable (Request) -> Response) {
        self.configuration = configuration
        self.logger = logger
        self.errorPage = errorPage
        self.slowWork = slowWork
        self.responder = responder
        workers = WorkerPool(threads: configuration.workers, capacity: configuration.workQueueLimit)
        waiters = WorkerPool(threads: configuration.waiters, capacity: configuration.workQueueLimit)
        tlsKey = configuration.tls.map { UInt(bitPattern: strdup($0.credentials.keyPEM)) } ?? 0
        tlsCertificate = configuration.tls.map { UInt(bitPattern: strdup($0.credentials.certificatePEM)) } ?? 0
    }

    /// Both pools: refuse new work, finish what was taken, join the threads.
    private func drainPools() {
        workers.drain()
        waiters.drain()
    }

    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts listening (and, with `configuration.tls`, serving HTTPS on its own listener).
    /// - Important: block SIGPIPE (and the stop signals) before calling this, so that the pool
    /// threads inherit the mask.
    public func start() throws {
        guard workers.start(), waiters.start() else {
            drainPools()
            throw StartError(description: "не удалось запустить потоки обработки (\(configuration.workers) + \(configuration.waiters))")
        }
        guard let plain = startDaemon(configuration.listen, tls: false) else {
            let reason = String(cString: strerror(errno))
            drainPools()
            throw StartError(description: "не удалось начать приём соединений на \(configuration.listen): \(reason)")
        }
        daemon.store(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(plain))), ordering: .releasing)
        if let tls = configuration.tls {
            guard let secure = startDaemon(tls.listen, tls: true) else {
                let reason = String(cString: strerror(errno))
                stop()
                throw StartError(description: "не удалось начать приём соединений HTTPS на \(tls.listen): \(reason)")
            }
            tlsDaemon.store(UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(secure))), ordering: .releasing)
        }
    }

    private func startDaemon(_ listen: ServerConfiguration.Listen, tls: Bool) -> OpaquePointer? {
        var c = tabel_mhd_config()
        c.flags = UInt32(MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
            | MHD_USE_ITC.rawValue | MHD_USE_ERROR_LOG.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue)
        c.thread_pool_size = UInt32(configuration.threads)
        c.connection_timeout = UInt32(configuration.connectionTimeout)
        c.connection_limit = UInt32(configuration.connectionLimit)
        c.per_ip_connection_limit = UInt32(configuration.perIPConnectionLimit)
        c.connection_memory_limit = configuration.connectionMemoryLimit
        c.handler = accessHandler
        c.completed = requestCompleted
        c.uri_log = uriLogged
        c.cls = Unmanaged.passUnretained(self).toOpaque()
        if tls {
            c.tls_key_pem = UnsafePointer(bitPattern: tlsKey)
            c.tls_cert_pem = UnsafePointer(bitPattern: tlsCertificate)
        }
        var host = ""
        switch listen {
        case let .address(h, port):
            host = h
            c.port = port
            c.listen_fd = -1
        case let .socket(fd):
            c.listen_fd = fd
        }
        return host.withCString { hostPointer in
            c.host = hostPointer
            return tabel_mhd_start(&c)
        }
    }

    /// The port actually bound (useful after listening on port 0).
    public var port: UInt16 {
        let raw = daemon.load(ordering: .acquiring)
        return raw == 0 ? 0 : tabel_mhd_bound_port(OpaquePointer(bitPattern: raw))
    }

    /// The HTTPS listener's port (0 without TLS).
    public var tlsPort: UInt16 {
        let raw = tlsDaemon.load(ordering: .acquiring)
        if raw == 0 { return 0 }
        if case let .socket(fd)? = configuration.tls?.listen { return tabel_socket_port(fd) }
        return tabel_mhd_bound_port(OpaquePointer(bitPattern: raw))
    }

    /// True when `connection` came through the HTTPS daemon.
    func isTLS(_ connection: OpaquePointer) -> Bool {
        configuration.tls != nil && tabel_mhd_connection_is_tls(connection) != 0
    }

    /// Stops accepting connections; lets the worker pools finish every slow request already
    /// accepted (later ones are answered 503) and resume its connection; waits until each
    /// resumed exchange has completed and the other requests in flight have finished (up to
    /// the grace period); only then stops the daemon.
    ///
    /// - Important: call it from a thread that is neither libmicrohttpd's nor a worker.
    public func stop() {
        let raw = daemon.exchange(0, ordering: .acquiringAndReleasing)
        guard raw != 0, let d = OpaquePointer(bitPattern: raw) else {
            drainPools()
            return
        }
        let listenFD = MHD_quiesce_daemon(d)
        let secure = OpaquePointer(bitPattern: tlsDaemon.load(ordering: .acquiring))
        let secureFD = secure.map { MHD_quiesce_daemon($0) } ?? -1
        drainPools()
        // A resumed exchange completes once its response is out, or when the connection
        // timeout closes a client that stopped reading; past that libmicrohttpd itself takes
        // the resumed connections back before it stops.
        let started = monotonicMicroseconds()
        while true {
            let seconds = Int((monotonicMicroseconds() - started) / 1_000_000)
            let resuming = suspended.load(ordering: .acquiring) > 0 && seconds < configuration.connectionTimeout + configuration.stopGrace
            let answering = inFlight.load(ordering: .acquiring) > 0 && seconds < configuration.stopGrace
            if !resuming, !answering { break }
            usleep(10_000)
        }
        MHD_stop_daemon(d)
        if listenFD >= 0, case .address = configuration.listen { close(listenFD) }
        if let secure {
            MHD_stop_daemon(secure)
            tlsDaemon.store(0, ordering: .releasing)
            if secureFD >= 0, case .address? = configuration.tls?.listen { close(secureFD) }
        }
    }

    deinit {
        stop()
        free(UnsafeMutableRawPointer(bitPattern: tlsKey))
        free(UnsafeMutableRawPointer(bitPattern: tlsCertificate))
    }
}

/// Per-request state, alive from the request line to libmicrohttpd's completion notice.
final class Exchange {
    /// The request target as sent: path and query, still percent-encoded.
    let target: String
    let started: UInt64
    var method = Method.other
    var headersSeen = false
    var body: [UInt8] = []
    var tooLarge = false
    var status = 0
    /// Set by a worker before it resumes the suspended connection.
    var deferred: Response?
    /// Handed to a worker; counted in `HTTPServer.suspended` until completion.
    var suspended = false

    init(target: String) {
        self.target = target
        started = monotonicMicroseconds()
    }
}

func monotonicMicroseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1000
}

private func server(_ cls: UnsafeMutableRawPointer?) -> HTTPServer {
    Unmanaged<HTTPServer>.fromOpaque(cls!).takeUnretainedValue()
}

private let uriLogged: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?) -> UnsafeMutableRawPointer? = { cls, uri, _ in
    server(cls).inFlight.add(1, ordering: .relaxed)
    let exchange = Exchange(target: uri.map { String(cString: $0) } ?? "/")
    return Unmanaged.passRetained(exchange).toOpaque()
}

private let requestCompleted: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafeMutablePointer<UnsafeMutableRawPointer?>?, MHD_RequestTerminationCode) -> Void = { cls, _, context, termination in
    guard let raw = context?.pointee else { return }
    context?.pointee = nil
    let exchange = Unmanaged<Exchange>.fromOpaque(raw).takeRetainedValue()
    let s = server(cls)
    s.inFlight.subtract(1, ordering: .releasing)
    if exchange.suspended { s.suspended.subtract(1, ordering: .releasing) }
    let micros = monotonicMicroseconds() - exchange.started
    let path = exchange.target.utf8.firstIndex(of: UInt8(ascii: "?")).map { String(exchange.target[..<$0]) } ?? exchange.target
    if termination == .REQUEST_TERMINATED_COMPLETED_OK {
        s.logger.info("\(exchange.method.rawValue) \(path) \(exchange.status) \(micros)µs")
    } else {
        s.logger.notice("\(exchange.method.rawValue) \(path) aborted (\(termination.rawValue)) \(micros)µs")
    }
}

private let accessHandler: MHD_AccessHandlerCallback = { cls, connection, _, method, _, uploadData, uploadSize, context in
    guard let connection, let context, let raw = context.pointee, let uploadSize else { return .NO }
    let s = server(cls)
    let exchange = Unmanaged<Exchange>.fromOpaque(raw).takeUnretainedValue()
    if !exchange.headersSeen {
        exchange.headersSeen = true
        exchange.method = Method(token: method.map { String(cString: $0) } ?? "")
        if let length = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length"),
           let n = Int(String(cString: length)), n > s.configuration.maxBodyBytes {
            // Refuse at once, without reading the body; the connection then closes.
            return s.queue(errorResponse(.payloadTooLarge, s), exchange, on: connection)
        }
        return .YES
    }
    if uploadSize.pointee > 0 {
        if !exchange.tooLarge, let uploadData {
            let count = uploadSize.pointee
            if exchange.body.count + count > s.configuration.maxBodyBytes {
                // libmicrohttpd accepts no response while a body is arriving: discard the
                // rest (the connection timeout bounds a client that never stops) and answer
                // 413 once it is complete.
                exchange.tooLarge = true
                exchange.body = []
                uploadSize.pointee = 0
                return .YES
            }
            uploadData.withMemoryRebound(to: UInt8.self, capacity: count) {
                exchange.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
            }
        }
        uploadSize.pointee = 0
        return .YES
    }
    if exchange.tooLarge { return s.queue(errorResponse(.payloadTooLarge, s), exchange, on: connection) }
    if let response = exchange.deferred { return s.queue(response, exchange, on: connection) }
    if exchange.suspended { return .YES }
    switch s.request(from: exchange, on: connection) {
    case let .failure(error):
        return s.queue(s.errorPage(error), exchange, on: connection)
    case let .success(request):
        if let tls = s.configuration.tls, !request.tls, !tls.servesPlain(request.path) {
            return s.queue(s.redirectToHTTPS(request, target: exchange.target), exchange, on: connection)
        }
        guard let work = s.slowWork(request) else { return s.queue(s.responder(request), exchange, on: connection) }
        // Raw addresses cross to the worker: the exchange is retained until it is done with it,
        // and libmicrohttpd keeps a suspended connection alive until it is resumed (a stop
        // waits for that). The job holds neither the server nor anything libmicrohttpd frees.
        let held = Unmanaged.passRetained(exchange)
        let exchangeAddress = UInt(bitPattern: held.toOpaque())
        let address = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
        let responder = s.responder
        let accepted = (work == .computes ? s.workers : s.waiters).submit({
            let exchange = Unmanaged<Exchange>.fromOpaque(UnsafeRawPointer(bitPattern: exchangeAddress)!).takeRetainedValue()
            exchange.deferred = responder(request)
            MHD_resume_connection(OpaquePointer(bitPattern: address))
        }, accepted: {
            exchange.suspended = true
            s.suspended.add(1, ordering: .relaxed)
            MHD_suspend_connection(connection)
        })
        guard accepted else {
            held.release()
            var busy = errorResponse(.unavailable, s)
            busy.headers.add("Retry-After", "1")
            return s.queue(busy, exchange, on: connection)
        }
        return .YES
    }
}

private func errorResponse(_ error: HTTPError, _ s: HTTPServer) -> Response {
    var response = s.errorPage(error)
    response.headers.add("Connection", "close")
    return response
}

extension HTTPServer {
    /// The complete request of an exchange, or the error that makes it unanswerable.
    func request(from exchange: Exchange, on connection: OpaquePointer) -> Result<Request, HTTPError> {
        var headers = Headers()
        withUnsafeMutablePointer(to: &headers) { pointer in
            _ = MHD_get_connection_values(connection, .HEADER_KIND, { cls, _, key, value in
                guard let cls, let key else { return .YES }
                let headers = cls.assumingMemoryBound(to: Headers.self)
                headers.pointee.add(String(cString: key), value.map { String(cString: $0) } ?? "")
                return .YES
            }, pointer)
        }
        var address = [CChar](repeating: 0, count: 64)
        tabel_mhd_client_address(connection, &address, address.count)
        let remote = String(decoding: address.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { exchange.body = [] }
        do {
            var request = try Request(method: exchange.method, target: exchange.target, headers: headers,
                                      body: exchange.body, remoteAddress: remote)
            request.tls = isTLS(connection)
            return .success(request)
        } catch let error as HTTPError {
            return .failure(error)
        } catch {
            return .failure(.badRequest("Неверный запрос."))
        }
    }

    /// 307 to the same target over HTTPS, on the host the browser asked for and the HTTPS
    /// listener's port. Temporary, so that a school that turns HTTPS off is not stuck with
    /// browsers remembering the redirect; 307 keeps a form's method and body.
    func redirectToHTTPS(_ request: Request, target: String) -> Response {
        guard let host = request.headers["host"].flatMap(Self.hostName) else {
            return errorPage(.badRequest("Откройте журнал по адресу https://…"))
        }
        let port = tlsPort
        var response = Response(status: 307, headers: Headers([("Location", "https://\(host)\(port == 443 ? "" : ":\(port)")\(target)")]))
        response.body = Array("https://\(host)\(port == 443 ? "" : ":\(port)")\(target)\n".utf8)
        return response
    }

    /// The host of a `Host` header without its port (`tabel.local`, `192.168.1.10`, `[fe80::1]`),
    /// or nil when it holds anything a host name cannot.
    public static func hostName(_ header: String) -> String? {
        var host = Substring(header)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            host = host[...close]
        } else if let colon = host.firstIndex(of: ":") {
            host = host[..<colon]
        }
        let allowed = host.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: ":") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
        }
        return !host.isEmpty && allowed ? String(host) : nil
    }

    func queue(_ response: Response, _ exchange: Exchange, on connection: OpaquePointer) -> MHD_Result {
        exchange.status = response.status
        let mhdResponse = response.body.withUnsafeBytes { raw in
            MHD_create_response_from_buffer(raw.count, UnsafeMutableRawPointer(mutating: raw.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse else { return .NO }
        defer { MHD_destroy_response(mhdResponse) }
        for (name, value) in Self.securityHeaders where response.headers[name] == nil {
            MHD_add_response_header(mhdResponse, name, value)
        }
        for field in response.headers.fields {
            MHD_add_response_header(mhdResponse, field.name, field.value)
        }
        return MHD_queue_response(connection, UInt32(response.status), mhdResponse)
    }
}
