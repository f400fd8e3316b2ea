import Appliance
import Desks
import Domain
import HTTP
import Secrets
import Setup
import Storage
import Testing

/// The hallway kiosk: registration, sign-in by kiosk code, only one's own diary, short sessions.
@Suite struct KioskTests {
    let database = try! TestSchool.copy()
    var app: App { TestSchool.app(database) }

    /// Registers a kiosk and opens its pairing address in `client`, which then holds the device cookie.
    static func pair(_ client: Client, database: Database, name: String) throws {
        let code = Random.code(16, from: SlipAlphabet.symbols)
        _ = try database.write { try $0.registerKiosk(name: name, pairingCodeHash: Digest.blake2b(code), at: 0) }
        let r = try client.get("/kiosk/pair/\(code)")
        #expect(r.status == 303)
        #expect(r.headers["set-cookie"]?.contains("tabel_kiosk=") == true)
        #expect(r.headers["set-cookie"]?.contains("Max-Age=") == true)
        // The pairing address works once.
        #expect(try Client(client.app).get("/kiosk/pair/\(code)").status == 404)
    }

    /// A fresh slip for `person`: the kiosk code from its QR.
    func kioskCode(for person: Int) throws -> String {
        try AccountsDesk(database: database).issueSlips(people: [person], today: TestSchool.today, by: .console(at: TestSchool.clock.unixNow()))[0].kioskCode
    }

    @Test func anUnregisteredBrowserSeesOnlyThatItIsNotRegistered() throws {
        let r = try Client(app).get("/kiosk")
        #expect(r.status == 403)
        #expect(r.text.contains("Этот экран не зарегистрирован"))
        #expect(!r.text.contains("Звонки") && !r.text.contains("Школа № 17"))
        #expect(try Client(app).post("/kiosk/signin", [("code", "ANY")], csrf: "x").status == 403)
    }

    @Test func aKioskCodeOpensOnlyThatStudentsDiary() throws {
        let kiosk = Client(app)
        try Self.pair(kiosk, database: database, name: "Холл")
        let student = TestSchool.olderStudent
        let code = try kioskCode(for: student.personID)
        let home = try kiosk.page("/kiosk")
        #expect(home.text.contains("Поднесите QR-код"))
        let signed = try kiosk.post("/kiosk/signin", [("code", code.lowercased())])
        #expect(signed.status == 303 && signed.headers["location"] == "/kiosk/diary")
        let diary = try kiosk.get("/kiosk/diary/\(student.personID)")
        #expect(diary.status == 200)
        #expect(diary.headers["cache-control"] == "no-store")
        #expect(diary.text.contains("Выйти") && diary.text.contains("data-idle=\"60\""))
        // Nothing else: not another diary, not the site, not the API, no writes.
        let other = TestSchool.generated.logins.first { $0.role == .student && $0.personID != student.personID }!
        #expect(try kiosk.get("/kiosk/diary/\(other.personID)").status == 404)
        #expect(try kiosk.get("/").status == 303)
        #expect(try kiosk.get("/diary/\(student.personID)").headers["location"] == "/kiosk")
        #expect(try kiosk.get("/api/v1/students/\(student.personID)/diary?from=2026-11-16&to=2026-11-22").status == 401)
        #expect(try kiosk.get("/people").headers["location"] == "/kiosk")
        // Signing out ends it; back or refresh lands on the sign-in screen.
        try kiosk.page("/kiosk/diary/\(student.personID)")
        #expect(try kiosk.post("/kiosk/signout", []).status == 303)
        #expect(try kiosk.get("/kiosk/diary/\(student.personID)").headers["location"] == "/kiosk")
    }

    @Test func aSessionLivesOnlyOnItsKioskAndOnlyForTheIdleTime() throws {
        let kiosk = Client(app)
        try Self.pair(kiosk, database: database, name: "Холл")
        let student = TestSchool.olderStudent
        try kiosk.page("/kiosk")
        _ = try kiosk.post("/kiosk/signin", [("code", try kioskCode(for: student.personID))])
        // The same session cookie in another browser (no kiosk cookie) is worth nothing.
        let thief = Client(app)
        thief.cookies["tabel_session"] = kiosk.cookies["tabel_session"]
        #expect(try thief.get("/kiosk/diary/\(student.personID)").headers["location"] == "/kiosk")
        // A minute without a touch ends it (the screen signs out at 60 s; the server a few seconds later).
        _ = try database.write { try $0.run("UPDATE session SET last_seen_at = last_seen_at - 66 WHERE kind = 'kiosk'") }
        #expect(try kiosk.get("/kiosk/diary/\(student.personID)").headers["location"] == "/kiosk")
    }

    @Test func aReissuedSlipsCodeNoLongerSignsIn() throws {
        let kiosk = Client(app)
        try Self.pair(kiosk, database: database, name: "Холл")
        let student = TestSchool.olderStudent
        let old = try kioskCode(for: student.personID)
        _ = try kioskCode(for: student.personID)
        try kiosk.page("/kiosk")
        let r = try kiosk.post("/kiosk/signin", [("code", old)])
        #expect(r.status == 401)
        #expect(r.text.contains("Код не подходит"))
    }

    @Test func failuresSlowTheKioskButNeverLockTheAccount() throws {
        let kiosk = Client(app)
        try Self.pair(kiosk, database: database, name: "Холл")
        let student = TestSchool.olderStudent
        for _ in 0..<SignInThrottle.firstDelayedFailure {
            try kiosk.page("/kiosk")
            #expect(try kiosk.post("/kiosk/signin", [("login", student.login), ("password", "wrong")]).status == 401)
        }
        try kiosk.page("/kiosk")
        let r = try kiosk.post("/kiosk/signin", [("login", student.login), ("password", TestSchool.password)])
        #expect(r.status == 429)
        #expect(try database.read { try $0.account(login: student.login)?.failedAttempts } == 0)
        // At home the student signs in as usual.
        #expect(try Client(app).signIn(student.login).status == 303)
    }

    @Test func guardiansSeeTheirChildrenAtTheKiosk() throws {
        let guardian = TestSchool.generated.logins.first { $0.role == .guardian && $0.children.count == 2 }!
        let kiosk = Client(app)
        try Self.pair(kiosk, database: database, name: "Холл")
        try kiosk.page("/kiosk")
        #expect(try kiosk.post("/kiosk/signin", [("login", guardian.login), ("password", TestSchool.password)]).status == 303)
        let first = try kiosk.get("/kiosk/diary")
        #expect(first.headers["location"] == "/kiosk/diary/\(guardian.children.sorted()[0])")
        let page = try kiosk.get("/kiosk/diary/\(guardian.children.sorted()[1])")
        #expect(page.status == 200 && page.text.contains("href=\"/kiosk/diary/\(guardian.children.sorted()[0])\""))
    }
}
