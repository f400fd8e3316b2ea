import Appliance
import Domain
import Setup
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
        #expect(report.operations.map(\.action) == ["signin.success", "consent.record", "slip.issue", "account.lock"])
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
            try c.appendAudit(AuditEntry(at: TestSchool.clock.unixNow(), via: .cli, action: "account.unlock", entity: "account", entityID: account.id))
        }
        let report = try Compromise.handle(database, login: adminLogin, since: since, revert: true,
                                           now: TestSchool.clock.unixNow() + 1, today: TestSchool.today)
        #expect(report.flagged.contains { $0.contains("позже изменено другим") })
        #expect(try database.read { try $0.account(id: account.id)?.lockedAt } == nil)
    }
}
