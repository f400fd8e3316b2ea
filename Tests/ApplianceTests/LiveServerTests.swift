import Appliance
import HTTP
import Logging
import Storage
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real libmicrohttpd daemon on a loopback port.
@Suite(.serialized) struct LiveServerTests {
    let app = TestSchool.app(try! Database.open(path: TestSchool.path))

    @Test func keepAliveHoldsAcrossRequests() throws {
        let server = try startServer(app)
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        for path in ["/healthz", "/login", "/static/tabel.css", "/healthz"] {
            client.send("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let reply = try client.read()
            #expect(reply.status == 200, "\(path)")
            #expect(reply.header("connection")?.lowercased() != "close")
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() throws {
        let server = try startServer(app)
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        for path in ["/", "/missing", "/static/tabel.css", "/healthz"] {
            client.send("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let reply = try client.read()
            #expect(reply.header("content-security-policy")?.hasPrefix("default-src 'self'; frame-ancestors 'none'") == true, "\(path)")
            #expect(reply.header("x-content-type-options") == "nosniff")
            #expect(reply.header("referrer-policy") == "same-origin")
        }
    }

    @Test func signInOverTheWireSetsASafeCookieAndKeepsTheConnection() throws {
        let app = TestSchool.app(try TestSchool.copy())
        let server = try startServer(app)
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let login = TestSchool.login(.teacher).login
        // Sign-in hashes a password: it is answered off the pool thread (suspend and resume).
        for _ in 0..<2 {
            let body = "{\"login\":\"\(login)\",\"password\":\"\(TestSchool.password)\"}"
            client.send("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            let reply = try client.read()
            #expect(reply.status == 200)
            let cookie = try #require(reply.header("set-cookie"))
            #expect(cookie.hasPrefix("tabel_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(reply.header("cache-control") == "no-store")
        }
        client.send("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try client.read().status == 401)  // no cookie sent: refused
    }

    @Test func oversizedBodyIs413AndTheServerGoesOn() throws {
        let server = try startServer(app) { $0.maxBodyBytes = 4096 }
        defer { server.stop() }
        // Declared too large: refused before the body is read.
        let declared = try RawClient(port: server.port)
        declared.send("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 100000000\r\n\r\n")
        let reply = try declared.read()
        #expect(reply.status == 413)
        #expect(reply.body.contains("Слишком большой запрос"))
        // Chunked, growing past the limit on the way.
        let chunked = try RawClient(port: server.port)
        chunked.send("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n")
        for _ in 0..<4 { chunked.send("800\r\n" + String(repeating: "x", count: 2048) + "\r\n") }
        chunked.send("0\r\n\r\n")
        #expect(try chunked.read().status == 413)
        // Still serving.
        let after = try RawClient(port: server.port)
        after.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try after.read().status == 200)
    }

    @Test func oversizedHeadersAreRefusedAndTheServerGoesOn() throws {
        let server = try startServer(app) { $0.connectionMemoryLimit = 16 * 1024 }
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: \(String(repeating: "a", count: 40000))\r\n\r\n")
        let status = try client.read().status
        #expect(status == 431 || status == 400)
        let after = try RawClient(port: server.port)
        after.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try after.read().status == 200)
    }

    @Test func malformedTargetIs400() throws {
        let server = try startServer(app)
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        client.send("GET /a%zz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let reply = try client.read()
        #expect(reply.status == 400)
        #expect(reply.body.contains("Неверная кодировка адреса"))
    }

    @Test func bodiesReachTheHandler() throws {
        var router = Router()
        router.post("/echo") { request in Response.html(try request.form()["name"] ?? "-") }
        let echo = router
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = HTTPServer(configuration: ServerConfiguration(listen: .address(host: "127.0.0.1", port: 0), threads: 1),
                                logger: logger, errorPage: { e, _ in ErrorBody.response(e) }) { request in
            guard case let .found(route, _) = echo.match(request.method, request.path) else { return Response(status: 404) }
            do { return try route.handler(request) } catch let e as HTTPError { return ErrorBody.response(e) } catch { return Response(status: 500) }
        }
        try server.start()
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        let body = "name=%D0%81%D0%BB%D0%BA%D0%B0"
        client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        #expect(try client.read().body == "Ёлка")
        let bad = "name=%E0%A4"
        client.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(bad.utf8.count)\r\n\r\n\(bad)")
        let reply = try client.read()
        #expect(reply.status == 400)
        #expect(reply.body.contains("закодировано неверно"))
    }

    @Test func stopLetsARequestInFlightFinish() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = HTTPServer(configuration: ServerConfiguration(listen: .address(host: "127.0.0.1", port: 0), threads: 2),
                                logger: logger, errorPage: { e, _ in ErrorBody.response(e) }) { _ in
            usleep(600_000)
            return Response.html("finished")
        }
        try server.start()
        let port = server.port
        let client = try RawClient(port: port)
        client.send("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n")
        usleep(150_000)
        let stopping = Task.detached { server.stop() }
        let reply = try client.read()
        #expect(reply.status == 200)
        #expect(reply.body == "finished")
        await stopping.value
        // No longer listening. (Another suite's server may have been given the same port since:
        // then whoever answers must not be this one.)
        if let again = try? RawClient(port: port) {
            again.send("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n")
            #expect((try? again.read())?.body != "finished")
        }
    }

    @Test func slowWorkWaitsInABoundedQueueAndAStopAnswersWhatWasAccepted() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        var configuration = ServerConfiguration(listen: .address(host: "127.0.0.1", port: 0), threads: 2)
        configuration.workers = 1
        configuration.workQueueLimit = 1
        let server = HTTPServer(configuration: configuration, logger: logger, errorPage: { e, _ in ErrorBody.response(e) },
                                slowWork: { $0.path == "/slow" ? .computes : nil }) { _ in
            usleep(500_000)
            return Response.html("done")
        }
        try server.start()
        // One runs on the only worker, one waits, the third finds the queue full.
        var clients: [RawClient] = []
        for _ in 0..<3 {
            let client = try RawClient(port: server.port)
            client.send("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n")
            clients.append(client)
            usleep(100_000)
        }
        // The stop comes while the first runs and the second waits: both are answered.
        let stopping = Task.detached { server.stop() }
        let replies = try clients.map { try $0.read() }
        #expect(replies.map(\.status).sorted() == [200, 200, 503])
        #expect(replies.filter { $0.status == 200 }.allSatisfy { $0.body == "done" })
        #expect(replies.first { $0.status == 503 }?.header("retry-after") == "1")
        await stopping.value
    }
}

enum ErrorBody {
    static func response(_ e: HTTPError) -> Response { Response(status: e.status, contentType: "text/plain; charset=utf-8", body: Array(e.message.utf8)) }
}

/// Odd requests (issue 16.5): answered at once, and as JSON under `/api/`.
@Suite(.serialized) struct OddRequestTests {
    let app = TestSchool.app(try! Database.open(path: TestSchool.path))

    func elapsed(_ body: () throws -> Void) rethrows -> Double {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_MONOTONIC, &a)
        try body()
        clock_gettime(CLOCK_MONOTONIC, &b)
        return Double(b.tv_sec - a.tv_sec) + Double(b.tv_nsec - a.tv_nsec) / 1e9
    }

    /// `~` stands for the NUL byte.
    @Test(arguments: ["GET /a~b HTTP/1.1", "GET /api/v1/me~ HTTP/1.1", "GE~T / HTTP/1.1", "GET / HTTP/1.1~", "GET /healthz?x=~ HTTP/1.1"])
    func aNulInTheRequestLineIs400AtOnce(_ template: String) throws {
        let line = template.replacing("~", with: "\u{0}")
        let server = try startServer(app) { $0.connectionTimeout = 20 }
        defer { server.stop() }
        let client = try RawClient(port: server.port)
        var status = 0
        let seconds = try elapsed {
            client.send(line + "\r\nHost: localhost\r\n\r\n")
            status = try client.read().status
        }
        #expect(status == 400, "\(template): \(status)")
        #expect(seconds < 5)
    }

    @Test func serverErrorsUnderTheAPIAreJSON() throws {
        let server = try startServer(app) { $0.maxBodyBytes = 1024 }
        defer { server.stop() }
        // A target that is not valid percent-encoding.
        let bad = try RawClient(port: server.port)
        bad.send("GET /api/v1/students/%zz/marks HTTP/1.1\r\nHost: localhost\r\n\r\n")
        let r = try bad.read()
        #expect(r.status == 400)
        #expect(r.header("content-type")?.hasPrefix("application/json") == true)
        #expect(r.body.hasPrefix("{\"error\":"))
        // A body over the limit.
        let large = try RawClient(port: server.port)
        large.send("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n")
        let l = try large.read()
        #expect(l.status == 413)
        #expect(l.header("content-type")?.hasPrefix("application/json") == true)
        // Pages keep their HTML.
        let page = try RawClient(port: server.port)
        page.send("GET /diary/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try page.read().header("content-type")?.hasPrefix("text/html") == true)
    }

    @Test func anAPIWriteWithoutHostStillChecksItsOrigin() throws {
        let r = app.respond(to: try Request(method: .post, target: "/api/v1/session",
                                            headers: Headers([("Origin", "http://evil.example"), ("Content-Type", "application/json")]),
                                            body: Array(#"{"login":"x","password":"y"}"#.utf8)))
        #expect(r.status == 403)
        #expect(r.text.contains("foreign_origin"))
    }

    /// A head trickled a line a second is cut at its deadline, although the idle timeout
    /// (20 s) never fires; another client is served meanwhile.
    @Test func aTrickledHeadIsCutAtItsDeadline() throws {
        let server = try startServer(app) { $0.connectionTimeout = 20; $0.headTimeout = 2; $0.bodyTimeout = 2 }
        defer { server.stop() }
        let slow = try RawClient(port: server.port)
        var closedAfter = 0.0
        closedAfter = elapsed {
            slow.send("GET /healthz HTTP/1.1\r\n")
            for i in 0..<10 {
                sleep(1)
                let fresh = try? RawClient(port: server.port)
                fresh?.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
                #expect((try? fresh?.read().status) == 200)
                slow.send("X-Trickle-\(i): \(i)\r\n")
                if slow.isClosed() { break }
            }
        }
        #expect(closedAfter < 7)
        // A body trickled byte by byte: cut at its own deadline.
        let body = try RawClient(port: server.port)
        closedAfter = elapsed {
            body.send("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n")
            for _ in 0..<10 {
                body.send("{")
                if body.isClosed() { break }
            }
        }
        #expect(closedAfter < 8)
    }
}
