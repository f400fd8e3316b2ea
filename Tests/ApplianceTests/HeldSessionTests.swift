import Appliance
import Desks
import Domain
import HTTP
import Logging
import Secrets
import Storage
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A copy of the test school on a small tmpfs (made and removed here) that can be filled to the
/// last byte and freed again; nil when mounting is not allowed (the tests are skipped then).
final class FullDisk {
    let dir = "/tmp/tabel-full-\(getpid())-\(Int.random(in: 0..<1_000_000))"
    var filler: String { dir + "/filler" }
    let db: Database

    init?() throws {
        guard mkdir(dir, 0o700) == 0 else { return nil }
        guard geteuid() == 0, mount("tmpfs", dir, "tmpfs", 0, "size=16m") == 0 else {
            print("skipped: cannot mount a tmpfs here")
            rmdir(dir)
            return nil
        }
        let path = dir + "/school.sqlite"
        let source = try Database.open(path: TestSchool.path)
        try source.withWriter { try $0.execute("VACUUM INTO '\(path)'") }
        source.close()
        db = try Database.open(path: path)
        // Read once, as a running server has: the WAL's shared memory has its pages then.
        _ = try db.read { try $0.school() }
    }

    deinit {
        free()
        db.close()
        umount2(dir, Int32(MNT_DETACH))
        rmdir(dir)
    }

    /// Fills the file system to the last byte.
    func fill() {
        let fd = open(filler, O_WRONLY | O_CREAT, 0o600)
        var chunk = [UInt8](repeating: 1, count: 4096)
        while write(fd, &chunk, chunk.count) > 0 {}
        close(fd)
    }

    func free() { unlink(filler) }
}

/// Issue 16: a right password signs in on a full disk. The session is held in memory until a
/// commit goes through, and ends as a written one does: sign-out, a new password or slip, expiry.
@Suite struct HeldSessionTests {
    let student = TestSchool.olderStudent
    let sessionCookie = "tabel_session"
    var credentials: String { #"{"login":"\#(student.login)","password":"\#(TestSchool.password)"}"# }

    func sessionRows(_ db: Database, ended: Bool? = nil) throws -> Int {
        let condition = ended.map { $0 ? " AND ended_at IS NOT NULL" : " AND ended_at IS NULL" } ?? ""
        return try db.read { c in
            try c.first("SELECT count(*) FROM session s JOIN account a ON a.id = s.account_id WHERE a.login = ?" + condition, student.login) { $0.int(0) }
        } ?? 0
    }

    func signInRows(_ db: Database) throws -> Int {
        try db.read { c in
            try c.first("""
                SELECT count(*) FROM audit u JOIN account a ON a.id = u.account_id
                WHERE a.login = ? AND u.action = 'signin.success' AND u.session_id IS NOT NULL
                """, student.login) { $0.int(0) }
        } ?? 0
    }

    @Test func aSignInOnAFullDiskWorksAndIsWrittenWhenSpaceReturns() throws {
        guard let disk = try FullDisk() else { return }
        let app = TestSchool.app(disk.db)
        let (sessions, signIns) = (try sessionRows(disk.db), try signInRows(disk.db))
        disk.fill()

        let api = Client(app)
        let signedIn = try api.json(.post, "/api/v1/session", credentials)
        #expect(signedIn.status == 200 && api.cookies[sessionCookie] != nil)
        #expect(try api.get("/api/v1/me").status == 200)
        #expect(try api.get("/api/v1/students/\(student.personID)/marks").status == 200)
        let page = Client(app)
        let signInPage = try page.signIn(student.login)
        #expect(signInPage.status == 303 && page.cookies[sessionCookie] != nil)
        #expect(try page.get("/").status == 200)
        // Nothing in the file yet; a write still says the disk is full.
        #expect(try sessionRows(disk.db) == sessions && signInRows(disk.db) == signIns)
        try page.page("/")
        #expect(try page.post("/language", [("language", "en")]).status == 507)

        // Space returns: the first commit writes both sessions and their sign-ins' audit rows.
        disk.free()
        try disk.db.write { _ in }
        #expect(try sessionRows(disk.db, ended: false) == sessions + 2)
        #expect(try signInRows(disk.db) == signIns + 2)
        #expect(try api.get("/api/v1/me").status == 200 && page.get("/").status == 200)
        // Written once: a later commit adds nothing.
        try disk.db.write { _ in }
        #expect(try sessionRows(disk.db) == sessions + 2)
    }

    @Test func signingOutEndsAHeldSessionAtOnce() throws {
        guard let disk = try FullDisk() else { return }
        let app = TestSchool.app(disk.db)
        disk.fill()
        let c = Client(app)
        let r = try c.json(.post, "/api/v1/session", credentials)
        #expect(r.status == 200)
        let token = try #require(c.cookies[sessionCookie])
        #expect(try c.json(.delete, "/api/v1/session").status == 204)
        c.cookies[sessionCookie] = token
        #expect(try c.get("/api/v1/me").status == 401)
        disk.free()
        try disk.db.write { _ in }
        #expect(try sessionRows(disk.db, ended: true) == 1)
        #expect(try c.get("/api/v1/me").status == 401)
    }

    @Test func aNewPasswordEndsHeldSessions() throws {
        guard let disk = try FullDisk() else { return }
        let app = TestSchool.app(disk.db)
        disk.fill()
        let (held, changer) = (Client(app), Client(app))
        #expect(try held.json(.post, "/api/v1/session", credentials).status == 200)
        #expect(try changer.json(.post, "/api/v1/session", credentials).status == 200)
        disk.free()
        let change = try changer.json(.post, "/api/v1/me/password", #"{"current":"\#(TestSchool.password)","new":"Lantern-Walrus-Quietly-91"}"#)
        #expect(change.status == 204)
        #expect(try held.get("/api/v1/me").status == 401)
        #expect(try changer.get("/api/v1/me").status == 200)
        #expect(try sessionRows(disk.db, ended: true) == 2)
    }

    @Test func aNewSlipEndsHeldSessions() throws {
        guard let disk = try FullDisk() else { return }
        let app = TestSchool.app(disk.db)
        disk.fill()
        let held = Client(app)
        #expect(try held.json(.post, "/api/v1/session", credentials).status == 200)
        disk.free()
        _ = try AccountsDesk(database: disk.db).issueSlips(people: [student.personID], today: TestSchool.today,
                                                           by: .console(at: TestSchool.clock.unixNow()))
        #expect(try held.get("/api/v1/me").status == 401)
        #expect(try sessionRows(disk.db, ended: false) == 0)
    }

    /// A new password written by another process (the console) while the session is still held
    /// ends it too: at once for the gate, and it is written as ended.
    @Test func aNewPasswordFromAnotherProcessEndsAHeldSession() throws {
        guard let disk = try FullDisk() else { return }
        let app = TestSchool.app(disk.db)
        disk.fill()
        let held = Client(app)
        #expect(try held.json(.post, "/api/v1/session", credentials).status == 200)
        disk.free()
        let console = try Database.open(path: disk.db.path)
        try console.write { c in
            let account = try #require(try c.account(login: student.login))
            try c.setPassword(account: account.id, hash: try PasswordHash.hash("Lantern-Walrus-Quietly-91"), at: TestSchool.clock.unixNow())
        }
        console.close()
        #expect(try held.get("/api/v1/me").status == 401)
        try disk.db.write { _ in }
        #expect(try sessionRows(disk.db, ended: false) == 0 && sessionRows(disk.db, ended: true) == 1)
    }

    @Test func aHeldSessionExpires() throws {
        guard let disk = try FullDisk() else { return }
        disk.fill()
        let c = Client(TestSchool.app(disk.db))
        #expect(try c.json(.post, "/api/v1/session", credentials).status == 200)
        #expect(try c.get("/api/v1/me").status == 200)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        // The same session 13 hours on: past its absolute lifetime.
        let later = App(database: disk.db, clock: SchoolClock.starting(at: SchoolDateTime(iso: "2026-11-23T23:00")!, utcOffsetMinutes: 180),
                        logger: logger)
        let expired = Client(later)
        expired.cookies = c.cookies
        #expect(try expired.get("/api/v1/me").status == 401)
    }
}

extension HeldSessionTests {
    /// The hallway kiosk's sign-in by a slip's code is held too, bound to its screen.
    @Test func aKioskSignInOnAFullDiskWorksOnItsScreen() throws {
        guard let disk = try FullDisk() else { return }
        let app = TestSchool.app(disk.db)
        let kiosk = Client(app)
        try KioskTests.pair(kiosk, database: disk.db, name: "Холл")
        let code = try AccountsDesk(database: disk.db).issueSlips(people: [student.personID], today: TestSchool.today,
                                                                  by: .console(at: TestSchool.clock.unixNow()))[0].kioskCode
        try kiosk.page("/kiosk")
        disk.fill()
        #expect(try kiosk.post("/kiosk/signin", [("code", code)]).headers["location"] == "/kiosk/diary")
        let diary = try kiosk.get("/kiosk/diary/\(student.personID)")
        #expect(diary.status == 200)
        let thief = Client(app)
        thief.cookies[sessionCookie] = kiosk.cookies[sessionCookie]
        #expect(try thief.get("/kiosk/diary/\(student.personID)").headers["location"] == "/kiosk")
        try kiosk.page("/kiosk/diary/\(student.personID)")
        #expect(try kiosk.post("/kiosk/signout", []).status == 303)
        #expect(try kiosk.get("/kiosk/diary/\(student.personID)").headers["location"] == "/kiosk")
    }
}
