import Appliance
import Desks
import Domain
import Setup
import Journal
import Storage
import Testing

@Suite struct CompromiseTests {
    @Test func compromisedAdministratorIsLockedListedAndReverted() throws {
        let database = try TestSchool.copy()
        let app = TestSchool.app(database)
        let adminLogin = TestSchool.login(.administrator).login
        let since = TestSchool.clock.unixNow() - 60
        let admin = Client(app)
        #expect(try admin.signIn(adminLogin).status == 303)
        let student = TestSchool.login(.student)
        let guardian = TestSchool.login(.guardian)
        try admin.page("/people/\(student.personID)")
        #expect(try admin.post("/people/\(student.personID)/consent", [("given_on", "01.09.2026"), ("document", "№ 1"), ("given_by", "")]).status == 303)
        try admin.page("/people/\(student.personID)")
        #expect(try admin.post("/people/\(student.personID)/slip", []).status == 200)
        try admin.page("/people/\(guardian.personID)")
        #expect(try admin.post("/people/\(guardian.personID)/lock", []).status == 303)

        let report = try Compromise.handle(database, login: adminLogin, since: since, revert: true,
                                           now: TestSchool.clock.unixNow() + 1, today: TestSchool.today)
        #expect(report.operations.map(\.action) == [.signInSuccess, .consentRecord, .slipIssue, .accountLock])
        #expect(report.reverted.count == 3, "\(report.reverted) \(report.flagged)")
        try database.read { c in
            #expect(try c.account(login: adminLogin)?.lockedAt != nil)
            #expect(try c.account(login: guardian.login)?.lockedAt == nil)
            let studentAccount = try #require(try c.account(login: student.login))
            #expect(try c.usableSlips(account: studentAccount.id, now: TestSchool.clock.unixNow()).isEmpty)
            #expect(try c.first("SELECT count(*) FROM consent WHERE person_id = ? AND revoked_on IS NULL AND document = '№ 1'", student.personID) { $0.int(0) } == 0)
        }
        // The attacker's session is over.
        #expect(try admin.get("/").status == 303)
    }

    @Test func laterChangesByOthersAreFlaggedNotOverwritten() throws {
        let database = try TestSchool.copy()
        let app = TestSchool.app(database)
        let adminLogin = TestSchool.login(.administrator).login
        let since = TestSchool.clock.unixNow() - 60
        let admin = Client(app)
        try admin.signIn(adminLogin)
        let guardian = TestSchool.login(.guardian)
        try admin.page("/people/\(guardian.personID)")
        _ = try admin.post("/people/\(guardian.personID)/lock", [])
        // Someone else (the console) unlocks it afterwards.
        let account = try #require(try database.read { try $0.account(login: guardian.login) })
        try database.write { c in
            try c.unlockAccount(account.id)
            try c.appendAudit(AuditEntry(at: TestSchool.clock.unixNow(), via: .cli, action: .accountUnlock, entity: "account", entityID: account.id))
        }
        let report = try Compromise.handle(database, login: adminLogin, since: since, revert: true,
                                           now: TestSchool.clock.unixNow() + 1, today: TestSchool.today)
        #expect(report.flagged.contains { $0.contains("позже изменено другим") })
        #expect(try database.read { try $0.account(id: account.id)?.lockedAt } == nil)
    }

    @Test func aCompromisedTeachersMarksAndAbsencesAreUndone() throws {
        let database = try TestSchool.copy()
        let app = TestSchool.app(database)
        let byPerson = Dictionary(TestSchool.generated.logins.filter { $0.role == .teacher }.map { ($0.personID, $0) }) { a, _ in a }
        let (teacherID, lesson) = try #require(try database.read { try $0.query("""
            SELECT l.teacher_id, l.id FROM lesson l JOIN school_class c ON c.id = l.class_id
            WHERE l.date = '2026-11-20' AND c.grade >= 5 AND l.group_id IS NULL AND l.status = 'scheduled' AND l.actual_teacher_id IS NULL
              AND EXISTS (SELECT 1 FROM mark WHERE lesson_id = l.id) ORDER BY l.id
            """) { ($0.int(0), $0.int(1)) } }.first { byPerson[$0.0] != nil })
        let teacher = byPerson[teacherID]!
        let students = try database.read { c in
            try c.journalStudents(classID: try c.journalLesson(lesson)!.classID, groupID: nil, from: TestSchool.today, to: TestSchool.today).map(\.id)
        }
        let existing = try #require(try database.read { try $0.journalMarks(lessons: [lesson]).first })
        let free = students.filter { s in s != existing.studentID }
        let since = TestSchool.clock.unixNow() - 60
        let t = Client(app)
        try t.signIn(teacher.login)
        func mark(_ student: Int, _ value: Int, _ type: String) throws -> Int {
            let r = try t.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":\#(value),"workType":"\#(type)"}"#)
            #expect(r.status == 201)
            return Int(r.text.filter(\.isNumber))!
        }
        let a = try mark(free[0], 2, "КР")
        let b = try mark(free[1], 2, "КР")
        #expect(try t.json(.put, "/api/v1/marks/\(b)", #"{"value":3}"#).status == 204)
        #expect(try t.json(.delete, "/api/v1/marks/\(existing.id)").status == 204)
        try database.write { try $0.clearAbsence(lesson: lesson, student: free[2]) }
        #expect(try t.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(free[2])", #"{"code":"Н"}"#).status == 204)
        // Someone else corrects mark c afterwards: it stays.
        let c = try mark(free[3], 2, "СР")
        try database.write { db in
            try db.changeMark(c, value: 4, workType: try db.journalMark(c)!.workTypeID, at: TestSchool.clock.unixNow(), transferred: false)
            try db.appendAudit(AuditEntry(at: TestSchool.clock.unixNow(), via: .cli, action: .markChange, entity: "mark", entityID: c,
                                          oldValue: "2 СР", newValue: "4 СР", lesson: lesson, student: free[3]))
        }
        let report = try Compromise.handle(database, login: teacher.login, since: since, revert: true,
                                           now: TestSchool.clock.unixNow() + 1, today: TestSchool.today)
        #expect(report.flagged.count == 1, "\(report.flagged)")
        #expect(report.flagged.first?.contains("изменил другой пользователь") == true)
        try database.read { db in
            #expect(try db.journalMark(a) == nil)
            #expect(try db.journalMark(b) == nil)
            #expect(try db.journalMark(c)?.value == 4)
            let back = try db.journalMark(lesson: lesson, student: existing.studentID, workType: existing.workTypeID)
            #expect(back?.value == existing.value)
            #expect(try db.absenceCode(lesson: lesson, student: free[2]) == nil)
        }
    }
}
