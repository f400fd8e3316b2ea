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

    @Test func theKioskDiaryOffersMarksFinalsAndOtherWeeksAndWritesNothing() throws {
        // A guardian who may acknowledge and report at home: at the kiosk, neither.
        let grades = Dictionary(TestSchool.generated.logins.filter { $0.role == .student }.map { ($0.personID, ClassName($0.className)?.grade ?? 0) }) { a, _ in a }
        let guardian = TestSchool.generated.logins.first { $0.role == .guardian && $0.children.count == 2 && $0.children.allSatisfy { (grades[$0] ?? 0) > 1 } }!
        let child = guardian.children.sorted()[1]
        let kiosk = Client(app)
        try Self.pair(kiosk, database: database, name: "Холл")
        try kiosk.page("/kiosk")
        #expect(try kiosk.post("/kiosk/signin", [("login", guardian.login), ("password", TestSchool.password)]).status == 303)
        let base = "/kiosk/diary/\(child)"
        let pages = [base, "\(base)?week=2026-11-16", "\(base)/marks", "\(base)/finals"]
        for target in pages {
            let r = try kiosk.get(target)
            #expect(r.status == 200, "\(target)")
            #expect(r.headers["cache-control"] == "no-store")
            // The only form signs out.
            #expect(r.text.components(separatedBy: "<form").count == 2, "\(target)")
            #expect(r.text.contains("action=\"/kiosk/signout\""))
            #expect(!r.text.contains("ошибка?") && !r.text.contains("Ознакомлен(а) с итоговыми отметками"), "\(target)")
            // The tabs and the weeks stay on the kiosk's own pages.
            #expect(r.text.contains("href=\"\(base)/marks\"") && r.text.contains("href=\"\(base)/finals\""))
            #expect(!r.text.contains("href=\"/diary/"))
        }
        #expect(try kiosk.get(base).text.contains("href=\"\(base)?week=2026-11-16\" rel=\"prev\""))
        #expect(try kiosk.get("\(base)?week=2026-11-16").text.contains("16–21 ноября 2026 г."))
        #expect(try kiosk.get("\(base)/marks").text.contains("Средний балл"))
        #expect(try kiosk.get("\(base)/finals").text.contains(">Год</th>"))
        // Writes are refused, whichever address: the kiosk has no such routes, the diary's are closed to it.
        let classID = try #require(try database.read { try $0.diaryStudent(child, on: TestSchool.today)?.classID })
        let period = try #require(try database.read { try $0.periods(classID: classID) }.first)
        let mark = try #require(try database.read { try $0.first("SELECT id FROM mark WHERE student_id = ? LIMIT 1", child) { $0.int(0) } })
        try kiosk.page("\(base)/finals")
        #expect(try kiosk.post("\(base)/acknowledge", [("period", String(period.id))]).status >= 400)
        for refused in [try kiosk.post("/diary/\(child)/acknowledge", [("period", String(period.id))]),
                        try kiosk.post("/diary/\(child)/marks/\(mark)/report", [("text", "x")])] {
            #expect(refused.status >= 400 || refused.headers["location"] == "/kiosk", "\(refused.status)")
        }
        #expect(try database.read { try $0.acknowledgements(student: child).isEmpty })
        #expect(try database.read { try $0.first("SELECT count(*) FROM mark_report WHERE student_id = ?", child) { $0.int(0) } } == 0)
        // Another family's diary is not there, on any tab.
        let other = TestSchool.generated.logins.first { $0.role == .student && !guardian.children.contains($0.personID) }!
        for tab in ["", "/marks", "/finals"] { #expect(try kiosk.get("/kiosk/diary/\(other.personID)\(tab)").status == 404) }
    }

    @Test func aFreshSlipsPrintedPasswordSignsInAtTheKiosk() throws {
        let student = TestSchool.olderStudent
        let slip = try AccountsDesk(database: database).issueSlips(people: [student.personID], today: TestSchool.today,
                                                                   by: .console(at: TestSchool.clock.unixNow()))[0]
        let kiosk = Client(app)
        try Self.pair(kiosk, database: database, name: "Холл")
        try kiosk.page("/kiosk")
        #expect(try kiosk.post("/kiosk/signin", [("login", slip.login), ("password", slip.password.lowercased())]).status == 401)
        try kiosk.page("/kiosk")
        #expect(try kiosk.post("/kiosk/signin", [("login", slip.login), ("password", slip.password)]).status == 303)
        #expect(try kiosk.get("/kiosk/diary/\(student.personID)").status == 200)
        // The slip is still the one to choose a password with at home.
        let account = try #require(try database.read { try $0.account(login: slip.login) })
        #expect(try database.read { try $0.usableSlips(account: account.id, now: TestSchool.clock.unixNow()).count } == 1)
    }
}
