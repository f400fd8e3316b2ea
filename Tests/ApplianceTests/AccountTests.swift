import Appliance
import Domain
import HTTP
import Secrets
import Storage
import Testing
import WebUI

/// Sign-in, sessions, passwords and the gate, through the `Request -> Response` seam.
@Suite struct AccountTests {
    /// Each test gets its own copy of the school: these tests change accounts.
    let database = try! TestSchool.copy()
    var app: App { TestSchool.app(database) }

    func accountID(_ login: String) throws -> Int {
        try #require(try database.read { try $0.account(login: login) }).id
    }

    @Test func signInSetsASafeSessionCookie() throws {
        let client = Client(app)
        let r = try client.signIn(TestSchool.login(.teacher).login)
        #expect(r.status == 303 && r.headers["location"] == "/")
        let cookie = try #require(r.headers["set-cookie"])
        #expect(cookie.hasPrefix("tabel_session="))
        #expect(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict") && cookie.contains("; Path=/"))
        #expect(!cookie.contains("Secure"))  // plain HTTP on the school network
        #expect(try client.get("/").status == 200)
    }

    @Test func unknownAndKnownLoginsGetTheSameAnswer() throws {
        let known = TestSchool.login(.student).login
        let a = Client(app), b = Client(app)
        let wrong = try a.signIn(known, "not-the-password")
        let unknown = try b.signIn("nobody.here", "not-the-password")
        #expect(wrong.status == 401 && unknown.status == 401)
        func normalised(_ r: Response, _ login: String, _ client: Client) -> String {
            r.text.replacing(login, with: "X").replacing(client.cookies["tabel_csrf"] ?? "-", with: "T")
        }
        #expect(normalised(wrong, known, a) == normalised(unknown, "nobody.here", b))
        let api = Client(app)
        let r1 = try api.json(.post, "/api/v1/session", "{\"login\":\"\(known)\",\"password\":\"wrong\"}")
        let r2 = try api.json(.post, "/api/v1/session", "{\"login\":\"nobody.here\",\"password\":\"wrong\"}")
        #expect(r1.status == 401 && r2.status == 401 && r1.text == r2.text)
    }

    /// The gate caches each session's actor under `access_version`: sign-ins, which update
    /// the account's failure counter, must leave it alone; a lock or an unlock must move it.
    @Test func signInsLeaveTheAccessVersionAndALockMovesIt() throws {
        func version() throws -> Int { try database.read { try $0.accessVersion() } }
        let login = TestSchool.login(.teacher).login
        let before = try version()
        let client = Client(app)
        #expect(try client.json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"wrong\"}").status == 401)
        #expect(try database.read { try $0.account(login: login) }?.failedAttempts == 1)
        #expect(try version() == before)
        // Success resets the counter: again no change to what the policy reads.
        #expect(try client.json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"\(TestSchool.password)\"}").status == 200)
        #expect(try version() == before)
        let id = try accountID(login)
        try database.write { try $0.lockAccount(id, reason: "проверка", at: 1) }
        let locked = try version()
        #expect(locked > before)
        try database.write { try $0.unlockAccount(id) }
        #expect(try version() > locked)
    }

    @Test func repeatedFailuresBackOffForKnownAndUnknownLogins() throws {
        for login in [TestSchool.login(.guardian).login, "ghost.user"] {
            let client = Client(app)
            for _ in 0..<SignInThrottle.firstDelayedFailure {
                #expect(try client.json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"wrong\"}").status == 401)
            }
            // Even the right password waits now.
            let r = try client.json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"\(TestSchool.password)\"}")
            #expect(r.status == 429, "\(login)")
            #expect(Int(r.headers["retry-after"] ?? "") ?? 0 > 0)
        }
        #expect(SignInThrottle.delay(afterFailures: 4) == 0)
        #expect(SignInThrottle.delay(afterFailures: 5) == 2)
        #expect(SignInThrottle.delay(afterFailures: 6) == 4)
        #expect(SignInThrottle.delay(afterFailures: 40) == 3600)
    }

    @Test func aHundredFailuresLockTheAccountUntilAnAdministratorUnlocks() throws {
        let login = TestSchool.login(.student).login
        let id = try accountID(login)
        _ = try database.write { try $0.run("UPDATE account SET failed_attempts = 99, last_failed_at = 0 WHERE id = ?", id) }
        let client = Client(app)
        #expect(try client.json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"wrong\"}").status == 401)
        let locked = try database.read { try $0.account(id: id) }
        #expect(locked?.lockedAt != nil)
        _ = try database.write { try $0.run("UPDATE account SET last_failed_at = 0 WHERE id = ?", id) }
        let r = try client.json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"\(TestSchool.password)\"}")
        #expect(r.status == 403 && r.text.contains("account_locked"))
        try database.write { try $0.unlockAccount(id) }
        #expect(try client.json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"\(TestSchool.password)\"}").status == 200)
    }

    @Test func meDescribesTheAccount() throws {
        let anonymous = Client(app)
        #expect(try anonymous.get("/api/v1/me").status == 401)

        let teacher = TestSchool.login(.teacher, classTeacher: true)
        let client = Client(app)
        let signed = try client.json(.post, "/api/v1/session", "{\"login\":\"\(teacher.login)\",\"password\":\"\(TestSchool.password)\"}")
        #expect(signed.status == 200)
        #expect(signed.text.contains("\"mustChangePassword\":false"))
        let me = try client.get("/api/v1/me")
        #expect(me.status == 200)
        #expect(me.text.contains("\"login\":\"\(teacher.login)\""))
        #expect(me.text.contains("\"assignments\":[{"))
        #expect(me.text.contains("\"class\":"))
        #expect(me.headers["cache-control"] == "no-store")

        let guardian = try #require(TestSchool.generated.logins.first { $0.role == .guardian && $0.children.count == 2 })
        let parent = Client(app)
        _ = try parent.json(.post, "/api/v1/session", "{\"login\":\"\(guardian.login)\",\"password\":\"\(TestSchool.password)\"}")
        let body = try parent.get("/api/v1/me").text
        #expect(body.contains("\"students\":[\(guardian.children.sorted().map(String.init).joined(separator: ","))]"))

        let student = TestSchool.login(.student)
        let pupil = Client(app)
        _ = try pupil.json(.post, "/api/v1/session", "{\"login\":\"\(student.login)\",\"password\":\"\(TestSchool.password)\"}")
        #expect(try pupil.get("/api/v1/me").text.contains("\"students\":[\(student.personID)]"))
        #expect(try pupil.json(.delete, "/api/v1/session").status == 204)
        #expect(try pupil.get("/api/v1/me").status == 401)
    }

    @Test func passwordChangeRulesAndANewSession() throws {
        let student = TestSchool.login(.student)
        let client = Client(app)
        _ = try client.json(.post, "/api/v1/session", "{\"login\":\"\(student.login)\",\"password\":\"\(TestSchool.password)\"}")
        let oldCookie = client.cookies["tabel_session"]
        func change(_ new: String, current: String = TestSchool.password) throws -> Response {
            try client.json(.post, "/api/v1/me/password", "{\"current\":\"\(current)\",\"new\":\"\(new)\"}")
        }
        #expect(try change("short").text.contains("не короче 8"))
        #expect(try change("qwerty123").text.contains("распространённых"))
        #expect(try change("my-\(student.login)-pw").text.contains("логин"))
        #expect(try change("ok-password-77", current: "wrong").status == 422)
        #expect(try change(String(repeating: "дом-лес-река ", count: 5)).status == 204)  // 65 characters are fine
        #expect(client.cookies["tabel_session"] != oldCookie)
        // The old session is over; the new one works; the old password no longer signs in.
        let stale = Client(app)
        stale.cookies["tabel_session"] = oldCookie
        #expect(try stale.get("/api/v1/me").status == 401)
        #expect(try client.get("/api/v1/me").status == 200)
        #expect(try Client(app).json(.post, "/api/v1/session", "{\"login\":\"\(student.login)\",\"password\":\"\(TestSchool.password)\"}").status == 401)
    }

    @Test func temporaryPasswordLifecycle() throws {
        let login = TestSchool.login(.guardian).login
        let id = try accountID(login)
        let now = TestSchool.clock.unixNow()
        func issue(_ temporary: String, expiresIn: Int = 14 * 86400) throws {
            let hash = try PasswordHash.hash(temporary)
            _ = try database.write { try $0.issueSlip(account: id, passwordHash: hash, kioskCodeHash: Digest.blake2b(temporary + "k"),
                                                      issuedBy: nil, at: now, expiresAt: now + expiresIn) }
        }
        try issue("FIRSTSLIP2")
        try issue("SECONDSLP3")
        // Issuing voids the old password and the earlier slip.
        #expect(try Client(app).json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"\(TestSchool.password)\"}").status == 401)
        #expect(try Client(app).json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"FIRSTSLIP2\"}").status == 401)
        let client = Client(app)
        let r = try client.json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"SECONDSLP3\"}")
        #expect(r.status == 200 && r.text.contains("\"mustChangePassword\":true"))
        // A temporary password opens nothing but the password change.
        #expect(try client.get("/").status == 303)
        #expect(try client.get("/").headers["location"] == "/password")
        #expect(try client.get("/api/v1/me").text.contains("\"mustChangePassword\":true"))
        #expect(try client.json(.post, "/api/v1/me/password", "{\"current\":\"SECONDSLP3\",\"new\":\"лето-в-деревне\"}").status == 204)
        #expect(try client.get("/").status == 200)
        // The temporary password is spent.
        #expect(try Client(app).json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"SECONDSLP3\"}").status == 401)
        #expect(try Client(app).json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"лето-в-деревне\"}").status == 200)
        // An expired slip signs in to nothing.
        try issue("EXPIREDSL4", expiresIn: -1)
        #expect(try Client(app).json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"EXPIREDSL4\"}").status == 401)
    }

    @Test func formsNeedTheirToken() throws {
        let client = Client(app)
        try client.signIn(TestSchool.login(.teacher).login)
        #expect(try client.post("/logout", [], csrf: "forged").status == 403)
        #expect(try client.get("/").status == 200)
        try client.page("/")
        #expect(try client.post("/logout", []).status == 303)
        #expect(try client.get("/").status == 303)
        // The sign-in form too: no form cookie, no sign-in.
        let fresh = Client(app)
        #expect(try fresh.post("/login", [("login", "x"), ("password", "y")], csrf: "guess").status == 403)
    }

    @Test func apiRefusesForeignOriginsAndNonJSONBodies() throws {
        let client = Client(app)
        let login = TestSchool.login(.teacher).login
        let foreign = try client.json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"\(TestSchool.password)\"}",
                                      headers: [("Origin", "http://evil.example"), ("Host", "tabel.local")])
        #expect(foreign.status == 403)
        let plain = try client.send(.post, "/api/v1/session", headers: [("Content-Type", "text/plain")],
                                    body: Array("{\"login\":\"\(login)\",\"password\":\"\(TestSchool.password)\"}".utf8))
        #expect(plain.status == 415)
        let same = try client.json(.post, "/api/v1/session", "{\"login\":\"\(login)\",\"password\":\"\(TestSchool.password)\"}",
                                   headers: [("Origin", "http://tabel.local"), ("Host", "tabel.local")])
        #expect(same.status == 200)
        #expect(try client.json(.post, "/api/v1/session", "{\"login\": 5}").status == 400)
    }

    @Test func signInsAndFailuresAreAudited() throws {
        let login = TestSchool.login(.teacher).login
        let before = try database.read { try $0.first("SELECT coalesce(max(id), 0) FROM audit") { $0.int(0) } } ?? 0
        _ = try Client(app).signIn(login, "wrong")
        _ = try Client(app).signIn(login)
        let actions = try database.read { try $0.query("SELECT action, address FROM audit WHERE action LIKE 'signin.%' AND id > ? ORDER BY id", before) { "\($0.string(0)) \($0.string(1))" } }
        #expect(actions == ["signin.failure 127.0.0.1", "signin.success 127.0.0.1"])
    }

    /// An account chooses English from any page's header; the choice stays with the account
    /// (another session shows it too) and is audited; Russian stays the default for others.
    @Test func anAccountChoosesTheLanguageOfItsPages() throws {
        let login = TestSchool.login(.teacher).login
        let client = Client(app)
        try client.signIn(login)
        let home = try client.page("/")
        #expect(home.text.contains("<html lang=\"ru\">") && home.text.contains(">Выйти<"))
        let r = try client.post("/language", [("language", "en")])
        #expect(r.status == 303)
        let english = try client.get("/")
        #expect(english.text.contains("<html lang=\"en\">") && english.text.contains(">Sign out<") && english.text.contains(">Русский<"))
        let other = Client(app)
        try other.signIn(login)
        #expect(try other.get("/").text.contains("<html lang=\"en\">"))
        let student = Client(app)
        try student.signIn(TestSchool.login(.student).login)
        #expect(try student.get("/").text.contains("<html lang=\"ru\">"))
        let audited = try database.read { try $0.query("SELECT new_value FROM audit WHERE action = 'account.language'") { $0.string(0) } }
        #expect(audited == ["en"])
    }

    /// Every route of the application: anything not on the open list must refuse an anonymous visitor.
    @Test func everyRouteGoesThroughThePolicy() throws {
        let open: Set<String> = ["GET /healthz", "GET /static/{name}", "GET /favicon.ico", "GET /login", "POST /login",
                                 "POST /api/v1/session", "GET /kiosk", "GET /kiosk/pair/{code}", "POST /kiosk/signin", "POST /language"]
        var declaredOpen: Set<String> = []
        for route in app.routes {
            let key = "\(route.method.rawValue) \(route.pattern)"
            if case .open = route.access { declaredOpen.insert(key); continue }
            let path = "/" + route.pattern.split(separator: "/").map { $0.hasPrefix("{") ? ($0.hasSuffix(":int}") ? "1" : "x") : String($0) }
                .joined(separator: "/")
            let r = try Client(app).send(route.method, path, headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
            let location = r.headers["location"] ?? ""
            let refused = r.status == 401 || r.status == 403 || (r.status == 303 && (location.hasPrefix("/login") || location == "/kiosk"))
            #expect(refused, "\(key) answered \(r.status) to an anonymous visitor")
        }
        #expect(declaredOpen == open, "open routes changed: \(declaredOpen.symmetricDifference(open))")
    }
}
