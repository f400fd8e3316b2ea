import Appliance
import Domain
import Foundation
import HTTP
import Storage
import Testing

/// The people and accounts pages as an administrator, a class teacher and a teacher see them.
@Suite struct PeoplePagesTests {
    let database = try! TestSchool.copy()
    var app: App { TestSchool.app(database) }

    func client(_ role: Role, classTeacher: Bool = false) throws -> Client {
        let c = Client(app)
        let r = try c.signIn(TestSchool.login(role, classTeacher: classTeacher).login)
        #expect(r.status == 303)
        return c
    }

    @Test func administratorSearchesPeopleByNameAndClass() throws {
        let admin = try client(.administrator)
        let student = TestSchool.login(.student)
        let surname = String(student.fullName.split(separator: " ")[0])
        let r = try admin.get("/people?q=" + PercentDecoding.encode(surname.lowercased()))
        #expect(r.status == 200)
        #expect(r.text.contains(student.fullName))
        #expect(r.headers["cache-control"] == "no-store")
        let all = try admin.get("/people").text
        #expect(all.contains("обучающийся") && all.contains("родитель") && all.contains("сотрудник"))
    }

    @Test func classTeachersSeeAndPrintOnlyTheirClass() throws {
        let teacher = TestSchool.login(.teacher, classTeacher: true)
        let c = try client(.teacher, classTeacher: true)
        let classID = try #require(try database.read { try $0.classID(name: teacher.className, year: 1) })
        let other = try #require(try database.read { try $0.first("SELECT id FROM school_class WHERE id <> ? LIMIT 1", classID) { $0.int(0) } })
        #expect(try c.get("/people").status == 403)  // not the whole school
        #expect(try c.get("/people?class=\(classID)").status == 200)
        #expect(try c.get("/people?class=\(other)").status == 403)
        let home = try c.page("/")
        #expect(home.text.contains("/classes/\(classID)/slips"))
        #expect(try c.page("/classes/\(classID)/slips").status == 200)
        let confirm = try c.page("/classes/\(classID)/slips/confirm?who=students")
        #expect(confirm.status == 200)
        let ids = try database.read { try $0.students(classID: classID) }
        let pdf = try c.post("/classes/\(classID)/slips", [("who", "students"), ("confirm", "yes"), ("in_use", "\(ids.count)")] + ids.map { ("person", "\($0)") })
        #expect(pdf.status == 200)
        #expect(pdf.headers["content-type"] == "application/pdf")
        #expect(pdf.headers["content-disposition"]?.hasPrefix("attachment;") == true)
        let text = try SlipTests.text(of: pdf.body)
        #expect(text.contains("Обучающийся, класс \(teacher.className)"))
        try c.page("/classes/\(classID)/slips/confirm?who=guardians")
        let guardians = try database.read { try $0.guardians(of: ids) }
        let forGuardians = try c.post("/classes/\(classID)/slips", [("who", "guardians"), ("confirm", "yes"), ("in_use", "\(guardians.count)")]
                                        + guardians.map { ("person", "\($0)") })
        #expect(try SlipTests.text(of: forGuardians.body).contains("Родитель:"))
        try c.page("/")
        #expect(try c.post("/classes/\(other)/slips", []).status == 403)
        // A class teacher never reissues a colleague's credentials.
        let staffID = TestSchool.login(.director).personID
        #expect(try c.post("/people/\(staffID)/slip", []).status == 403)
    }

    @Test func teachersHaveNoPeoplePages() throws {
        let c = try client(.teacher)
        #expect(try c.get("/people").status == 403)
        #expect(try c.get("/people/\(TestSchool.login(.student).personID)").status == 403)
    }

    @Test func consentIsRecordedWithErrorsBesideTheFields() throws {
        let admin = try client(.administrator)
        let id = TestSchool.login(.student).personID
        try admin.page("/people/\(id)")
        let bad = try admin.post("/people/\(id)/consent", [("given_on", "31.02.2026"), ("document", "№ 7"), ("given_by", "мать")])
        #expect(bad.status == 422)
        #expect(bad.text.contains("<p class=\"field-error\" id=\"given_on-error\">Укажите дату в виде ДД.ММ.ГГГГ.</p>"))
        #expect(bad.text.contains("value=\"№ 7\""))  // what was typed comes back
        let good = try admin.post("/people/\(id)/consent", [("given_on", "02.09.2026"), ("document", "Согласие № 7"), ("given_by", "мать")])
        #expect(good.status == 303)
        #expect(try admin.get("/people/\(id)").text.contains("02.09.2026 — Согласие № 7, дал(а): мать"))
        #expect(try database.read { try $0.first("SELECT count(*) FROM audit WHERE action = 'consent.record'") { $0.int(0) } } == 1)
    }

    @Test func administratorReissuesAndLocks() throws {
        let admin = try client(.administrator)
        let student = TestSchool.login(.student)
        try admin.page("/people/\(student.personID)")
        let pdf = try admin.post("/people/\(student.personID)/slip", [])
        #expect(pdf.status == 200 && pdf.headers["content-type"] == "application/pdf")
        #expect(try SlipTests.text(of: pdf.body).contains("Логин: \(student.login)"))
        // The old password stopped working.
        #expect(try Client(app).signIn(student.login).status == 401)
        try admin.page("/people/\(student.personID)")
        #expect(try admin.post("/people/\(student.personID)/lock", []).status == 303)
        #expect(try database.read { try $0.account(login: student.login)?.lockedAt } != nil)
        try admin.page("/people/\(student.personID)")
        #expect(try admin.post("/people/\(student.personID)/unlock", []).status == 303)
        #expect(try database.read { try $0.account(login: student.login)?.lockedAt } == nil)
        #expect(try admin.get("/people/999999").status == 404)
    }
}
