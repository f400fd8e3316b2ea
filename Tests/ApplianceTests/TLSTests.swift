import Appliance
import Foundation
import HTTP
import Storage
import Testing

/// HTTPS: `tabel setup tls`, the HTTPS listener beside the plain one, the redirect, `__Host-`
/// cookies; and `/etc/tabel/tabel.conf` as `serve` reads it. The client is curl (`-k` accepts
/// the self-signed certificate).
@Suite(.serialized) struct TLSTests {
    static let credentials = try! TLSCredentials.selfSigned(names: ["localhost", "127.0.0.1"], days: 30)

    struct Reply {
        let status: Int
        let headers: [(String, String)]
        let body: String
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
        func all(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
    }

    /// One request through curl; `-k` trusts the self-signed certificate, redirects are not followed.
    static func curl(_ url: String, _ extra: [String] = []) throws -> Reply {
        let r = try CommandTests.run(["-sk", "-i", "--max-time", "10"] + extra + [url], executable: "/usr/bin/curl")
        let parts = r.output.components(separatedBy: "\r\n\r\n")
        let head = parts.first?.components(separatedBy: "\r\n") ?? []
        let status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Reply(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func startTLS(_ app: App) throws -> HTTPServer {
        try startServer(app) {
            $0.tls = .init(listen: .address(host: "127.0.0.1", port: 0), credentials: Self.credentials,
                           plainPaths: ["/healthz", "/kiosk", "/static"])
        }
    }

    @Test func overHTTPSHealthzAnswersAndCookiesAreSecureWithTheHostPrefix() throws {
        let app = TestSchool.app(try TestSchool.copy())
        let server = try startTLS(app)
        defer { server.stop() }
        let https = "https://127.0.0.1:\(server.tlsPort)"
        let health = try Self.curl("\(https)/healthz")
        #expect(health.status == 200)
        #expect(health.body.contains("\"status\":\"ok\""))
        // The sign-in form's double-submit cookie.
        let login = try Self.curl("\(https)/login")
        #expect(login.status == 200)
        let form = try #require(login.header("set-cookie"))
        #expect(form.hasPrefix("__Host-tabel_csrf=") && form.hasSuffix("; Secure") && form.contains("Path=/") && !form.contains("Domain"))
        // A session over HTTPS travels as __Host-tabel_session, and only that name is read back.
        let body = "{\"login\":\"\(TestSchool.login(.teacher).login)\",\"password\":\"\(TestSchool.password)\"}"
        let signIn = try Self.curl("\(https)/api/v1/session", ["-H", "Content-Type: application/json", "--data-binary", body])
        #expect(signIn.status == 200)
        let session = try #require(signIn.header("set-cookie"))
        #expect(session.hasPrefix("__Host-tabel_session=") && session.contains("HttpOnly") && session.hasSuffix("; Secure"))
        let token = String(session.split(separator: ";")[0].split(separator: "=", maxSplits: 1)[1])
        #expect(try Self.curl("\(https)/api/v1/me", ["-H", "Cookie: __Host-tabel_session=\(token)"]).status == 200)
        #expect(try Self.curl("\(https)/api/v1/me", ["-H", "Cookie: tabel_session=\(token)"]).status == 401)
    }

    @Test func plainHTTPRedirectsToHTTPSExceptHealthzAndTheKiosk() throws {
        let app = TestSchool.app(try TestSchool.copy())
        let server = try startTLS(app)
        defer { server.stop() }
        let http = "http://127.0.0.1:\(server.port)"
        let redirect = try Self.curl("\(http)/login?next=%2Fday")
        #expect(redirect.status == 307)
        #expect(redirect.header("location") == "https://127.0.0.1:\(server.tlsPort)/login?next=%2Fday")
        #expect(redirect.header("set-cookie") == nil)
        // A form posted over HTTP keeps its method through 307; the name the browser used is kept.
        let post = try Self.curl("\(http)/api/v1/session", ["-H", "Host: tabel.local", "--data-binary", "{}"])
        #expect(post.status == 307)
        #expect(post.header("location") == "https://tabel.local:\(server.tlsPort)/api/v1/session")
        // A Host that no browser sends is refused rather than echoed into a Location.
        #expect(try Self.curl("\(http)/login", ["-H", "Host: evil\"><x"]).status == 400)
        // Health checks and the hallway kiosk (with its styles) stay on plain HTTP, cookies without the prefix.
        #expect(try Self.curl("\(http)/healthz").status == 200)
        #expect(try Self.curl("\(http)/static/tabel.css").status == 200)
        let kiosk = try Self.curl("\(http)/kiosk")
        #expect(kiosk.status != 307)
        #expect(kiosk.all("set-cookie").allSatisfy { !$0.hasPrefix("__Host-") && !$0.contains("Secure") })
    }

    @Test func withoutTLSCookiesKeepThePlainNames() throws {
        let app = TestSchool.app(try TestSchool.copy())
        let server = try startServer(app)
        defer { server.stop() }
        let login = try Self.curl("http://127.0.0.1:\(server.port)/login")
        #expect(login.status == 200)
        let form = try #require(login.header("set-cookie"))
        #expect(form.hasPrefix("tabel_csrf=") && !form.contains("Secure"))
    }

    @Test func setupTLSMakesAKeyOnlyItsOwnerReadsAndServeUsesIt() throws {
        let dir = NSTemporaryDirectory() + "tabel-tls-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/tabel.sqlite"
        try FileManager.default.copyItem(atPath: TestSchool.path, toPath: db)
        let setup = try CommandTests.run(["setup", "tls", "--db", db, "--name", "tabel.local", "--name", "127.0.0.1"])
        #expect(setup.status == 0, "\(setup.output)")
        #expect(setup.output.contains("отпечаток SHA-256"))
        let key = try FileManager.default.attributesOfItem(atPath: dir + "/tls.key")
        #expect((key[.posixPermissions] as? Int) == 0o600)
        let loaded = try TLSCredentials.load(certificate: dir + "/tls.crt", key: dir + "/tls.key")
        #expect(setup.output.contains(loaded.fingerprint))

        // The school's own files: checked to belong together before anything is replaced.
        let other = try TLSCredentials.selfSigned(names: ["school.example"], days: 10)
        try other.certificatePEM.write(toFile: dir + "/school.crt", atomically: true, encoding: .utf8)
        try Self.credentials.keyPEM.write(toFile: dir + "/wrong.key", atomically: true, encoding: .utf8)
        let mismatch = try CommandTests.run(["setup", "tls", "--db", db, "--cert", dir + "/school.crt", "--key", dir + "/wrong.key"])
        #expect(mismatch.status != 0)
        #expect(try TLSCredentials.load(certificate: dir + "/tls.crt", key: dir + "/tls.key").fingerprint == loaded.fingerprint)

        // serve, configured by a file as /etc/tabel/tabel.conf would configure it.
        let port = CommandTests.freePort()
        let tlsPort = port + 1
        try """
        # a comment
        db = \(db)
        listen = 127.0.0.1:\(port)
        tls-listen = "127.0.0.1:\(tlsPort)"
        log-level = notice
        """.write(toFile: dir + "/tabel.conf", atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandTests.binary)
        p.arguments = ["serve", "--config", dir + "/tabel.conf"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        defer { if p.isRunning { p.terminate(); p.waitUntilExit() } }
        var health = try Self.curl("https://127.0.0.1:\(tlsPort)/healthz")
        // Up to 20 s: the whole suite runs beside it on two cores.
        for _ in 0..<400 where health.status != 200 {
            usleep(50_000)
            health = try Self.curl("https://127.0.0.1:\(tlsPort)/healthz")
        }
        #expect(health.status == 200)
        #expect(try Self.curl("http://127.0.0.1:\(port)/").header("location") == "https://127.0.0.1:\(tlsPort)/")
        p.terminate()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("HTTPS на порту \(tlsPort)"))
    }

    @Test func aConfigurationFileWithAnUnknownKeyIsRefusedNamingTheLine() throws {
        let path = NSTemporaryDirectory() + "tabel-conf-\(getpid()).conf"
        try "listen = 127.0.0.1:1\nlisten-port = 80\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        let r = try CommandTests.run(["serve", "--config", path])
        #expect(r.status != 0)
        #expect(r.output.contains("строка 2") && r.output.contains("listen-port"))
        let missing = try CommandTests.run(["serve", "--config", path + ".missing"])
        #expect(missing.status != 0)
    }

    @Test func serveRefusesToStartHTTPSWithoutACertificate() throws {
        let dir = NSTemporaryDirectory() + "tabel-nocert-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let port = CommandTests.freePort()
        let r = try CommandTests.run(["serve", "--db", dir + "/tabel.sqlite", "--listen", "127.0.0.1:\(port)", "--tls-listen", "127.0.0.1:\(port + 1)"])
        #expect(r.status != 0)
        #expect(r.output.contains("tabel setup tls"))
    }
}
