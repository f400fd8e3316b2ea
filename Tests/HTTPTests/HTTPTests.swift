import HTTP
import Testing

@Suite struct ParsingTests {
    @Test func percentDecoding() {
        #expect(PercentDecoding.decode(Array("%D0%B0+b".utf8)[...], plusIsSpace: true) == "а b")
        #expect(PercentDecoding.decode(Array("a+b".utf8)[...], plusIsSpace: false) == "a+b")
        #expect(PercentDecoding.decode(Array("%zz".utf8)[...], plusIsSpace: true) == nil)
        #expect(PercentDecoding.decode(Array("%D0".utf8)[...], plusIsSpace: true) == nil)  // not UTF-8
        #expect(PercentDecoding.decode(Array("a%00b".utf8)[...], plusIsSpace: true) == nil)  // NUL
        #expect(PercentDecoding.decode(Array("%4".utf8)[...], plusIsSpace: true) == nil)
        #expect(PercentDecoding.encode("5А b&") == "5%D0%90%20b%26")
    }

    @Test func urlencodedForms() throws {
        let p = try FormDecoding.urlencoded(Array("a=1&b=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82&a=2&flag&&c=".utf8)[...])
        #expect(p["a"] == "1")
        #expect(p.all("a") == ["1", "2"])
        #expect(p["b"] == "привет")
        #expect(p["flag"] == "")
        #expect(p["c"] == "")
        #expect(p["missing"] == nil)
        #expect(throws: HTTPError.self) { try FormDecoding.urlencoded(Array("a=%G1".utf8)[...]) }
        let many = (0...FormDecoding.maxFields).map { "f\($0)=1" }.joined(separator: "&")
        #expect(throws: HTTPError.self) { try FormDecoding.urlencoded(Array(many.utf8)[...]) }
    }

    @Test func requestTargets() throws {
        let r = try Request(method: .get, target: "/a%20b/c?x=1&y=%D1%8F")
        #expect(r.path == "/a b/c")
        #expect(r.query["x"] == "1" && r.query["y"] == "я")
        #expect(throws: HTTPError.self) { try Request(method: .get, target: "/bad%zz") }
        #expect(throws: HTTPError.self) { try Request(method: .get, target: "relative") }
        #expect(throws: HTTPError.self) { try Request(method: .get, target: "/?q=%") }
    }

    @Test func cookies() {
        let r = Request(method: .get, path: "/", headers: Headers([("Cookie", "a=1; session=abc=def;  b = 2 ; junk")]))
        #expect(r.cookie("a") == "1")
        #expect(r.cookie("session") == "abc=def")
        #expect(r.cookie("b") == "2")
        #expect(r.cookie("junk") == nil)
    }

    @Test func headersAreCaseInsensitive() {
        let h = Headers([("Content-Type", "text/plain")])
        #expect(h["content-type"] == "text/plain")
        #expect(h["CONTENT-TYPE"] == "text/plain")
    }
}

@Suite struct MultipartTests {
    static let boundary = "----tabelBoundary7MA4YWxk"

    static func body(_ parts: [(String, String?, String)]) -> [UInt8] {
        var s = ""
        for (name, filename, content) in parts {
            s += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
            if let filename { s += "; filename=\"\(filename)\"\r\nContent-Type: text/csv" }
            s += "\r\n\r\n\(content)\r\n"
        }
        return Array((s + "--\(boundary)--\r\n").utf8)
    }

    @Test func parsesFieldsAndFiles() throws {
        let body = Self.body([("class", nil, "5А"), ("file", "ученики.csv", "Фамилия;Имя\r\nИванов;Иван\r\n")])
        let parts = try Multipart.parse(body, boundary: Self.boundary)
        #expect(parts.count == 2)
        #expect(parts[0].name == "class" && parts[0].text == "5А" && parts[0].filename == nil)
        #expect(parts[1].filename == "ученики.csv")
        #expect(parts[1].text == "Фамилия;Имя\r\nИванов;Иван\r\n")
        let request = Request(method: .post, path: "/", headers: Headers([("Content-Type", "multipart/form-data; boundary=\(Self.boundary)")]), body: body)
        #expect(try request.form()["class"] == "5А")
    }

    @Test func rejectsMalformedBodies() {
        let good = Self.body([("a", nil, "1")])
        #expect(throws: HTTPError.self) { try Multipart.parse(Array(good.prefix(good.count - 10)), boundary: Self.boundary) }
        #expect(throws: HTTPError.self) { try Multipart.parse(Array("garbage".utf8), boundary: Self.boundary) }
        let noName = Array("--\(Self.boundary)\r\nContent-Disposition: form-data\r\n\r\nx\r\n--\(Self.boundary)--\r\n".utf8)
        #expect(throws: HTTPError.self) { try Multipart.parse(noName, boundary: Self.boundary) }
        let tooMany = Self.body((0...Multipart.maxParts).map { ("f\($0)", nil, "1") })
        #expect(throws: HTTPError.self) { try Multipart.parse(tooMany, boundary: Self.boundary) }
    }

    @Test func boundaryFromContentType() {
        #expect(Multipart.boundary(fromContentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(Multipart.boundary(fromContentType: "multipart/form-data; charset=utf-8; boundary=\"q q\"") == "q q")
        #expect(Multipart.boundary(fromContentType: "multipart/form-data") == nil)
    }
}

@Suite struct RouterTests {
    static func router() -> Router {
        var r = Router()
        r.get("/") { _ in Response.html("home") }
        r.get("/api/v1/lessons/{id:int}") { req in Response.html("lesson \(try req.pathParameters.int("id"))") }
        r.post("/api/v1/lessons/{id:int}/marks") { _ in Response(status: 201) }
        r.get("/static/{name}") { req in Response.html(req.pathParameters["name"] ?? "") }
        return r
    }

    @Test func matchesTypedParameters() throws {
        let r = Self.router()
        guard case let .found(route, params) = r.match(.get, "/api/v1/lessons/42") else { Issue.record("no match"); return }
        #expect(route.pattern == "/api/v1/lessons/{id:int}")
        #expect(try params.int("id") == 42)
        guard case .notFound = r.match(.get, "/api/v1/lessons/abc") else { Issue.record("letters matched {id:int}"); return }
        guard case .notFound = r.match(.get, "/api/v1/lessons/-1") else { Issue.record("sign matched {id:int}"); return }
    }

    @Test func methodNotAllowedListsTheOthers() {
        guard case let .methodNotAllowed(allowed) = Self.router().match(.delete, "/api/v1/lessons/1/marks") else {
            Issue.record("expected 405"); return
        }
        #expect(allowed == [.post])
        guard case .methodNotAllowed = Self.router().match(.post, "/") else { Issue.record("expected 405 for a static path"); return }
    }

    @Test func headFallsBackToGet() {
        guard case .found = Self.router().match(.head, "/static/tabel.css") else { Issue.record("HEAD did not match GET"); return }
    }

    @Test func listenAddresses() {
        #expect(ServerConfiguration.parseListen("127.0.0.1:8080") == .address(host: "127.0.0.1", port: 8080))
        #expect(ServerConfiguration.parseListen("[::1]:80") == .address(host: "::1", port: 80))
        #expect(ServerConfiguration.parseListen(":8080") == .address(host: "0.0.0.0", port: 8080))
        #expect(ServerConfiguration.parseListen("localhost:1") == .address(host: "127.0.0.1", port: 1))
        #expect(ServerConfiguration.parseListen("127.0.0.1") == nil)
        #expect(ServerConfiguration.parseListen("127.0.0.1:99999") == nil)
    }
}

@Suite struct TLSRequestTests {
    @Test func overTLSOnlyTheHostPrefixedCookieIsRead() {
        var request = Request(method: .get, path: "/", headers: Headers([("Cookie", "tabel_session=plain; __Host-tabel_session=secure")]))
        #expect(request.cookie("tabel_session") == "plain")
        request.tls = true
        #expect(request.isSecure)
        #expect(request.cookieName("tabel_session") == "__Host-tabel_session")
        #expect(request.cookie("tabel_session") == "secure")
    }

    @Test func aLoopbackProxySayingHTTPSCountsAsSecureAndAnyOtherDoesNot() {
        let proxied = Request(method: .get, path: "/", headers: Headers([("X-Forwarded-Proto", "https")]), remoteAddress: "127.0.0.1")
        #expect(proxied.isSecure)
        let spoofed = Request(method: .get, path: "/", headers: Headers([("X-Forwarded-Proto", "https")]), remoteAddress: "192.168.1.5")
        #expect(!spoofed.isSecure)
    }

    @Test func theHostOfARedirectIsAHostNameOrNothing() {
        #expect(HTTPServer.hostName("tabel.local:8080") == "tabel.local")
        #expect(HTTPServer.hostName("[fe80::1]:80") == "[fe80::1]")
        #expect(HTTPServer.hostName("192.168.1.10") == "192.168.1.10")
        #expect(HTTPServer.hostName("evil\"><script>") == nil)
        #expect(HTTPServer.hostName("") == nil)
    }

    @Test func plainPathsCoverWhatLiesUnderThem() throws {
        let credentials = try TLSCredentials.selfSigned(names: ["localhost"], days: 1)
        let tls = ServerConfiguration.TLS(listen: .address(host: "127.0.0.1", port: 0), credentials: credentials, plainPaths: ["/kiosk", "/healthz"])
        #expect(tls.servesPlain("/kiosk") && tls.servesPlain("/kiosk/diary/7") && tls.servesPlain("/healthz"))
        #expect(!tls.servesPlain("/kiosks") && !tls.servesPlain("/login") && !tls.servesPlain("/"))
    }

    @Test func aCertificateAndAKeyThatDoNotBelongTogetherAreRefused() throws {
        let a = try TLSCredentials.selfSigned(names: ["a.local"], days: 1)
        let b = try TLSCredentials.selfSigned(names: ["b.local", "10.0.0.1"], days: 1)
        #expect(throws: TLSError.self) { try TLSCredentials(certificatePEM: a.certificatePEM, keyPEM: b.keyPEM) }
        #expect(throws: TLSError.self) { try TLSCredentials(certificatePEM: "not a certificate", keyPEM: a.keyPEM) }
        #expect(a.fingerprint.split(separator: ":").count == 32)
    }
}
