import Appliance
import Desks
import Domain
import Foundation
import HTTP
import Logging
import Setup
import Storage
import Testing

/// The new year over HTTP (issue #12, 4): the administrator's page previews and starts it;
/// afterwards last year's journal reads as before and refuses every change with `year_closed`.
@Suite struct YearPagesTests {
    let database = try! TestSchool.copy()
    var app: App { TestSchool.app(database) }

    func signedIn(_ login: String) throws -> Client {
        let c = Client(app)
        #expect(try c.signIn(login).status == 303)
        return c
    }

    func count(_ sql: String) throws -> Int { try database.read { try $0.first(sql) { $0.int(0) } } ?? -1 }

    func json(_ r: Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any])
    }

    @Test func onlyTheAdministratorStartsAYear() throws {
        for role in [Role.deputy, .director, .teacher] {
            let c = try signedIn(TestSchool.login(role).login)
            #expect(try c.get("/school/year").status == 403, "\(role)")
            #expect(try c.post("/school/year", [("starts", "01.09.2027")]).status == 403, "\(role)")
        }
        #expect(try count("SELECT count(*) FROM academic_year") == 1)
        let admin = try signedIn(TestSchool.login(.administrator).login)
        #expect(try admin.page("/school").text.contains("<a href=\"/school/year\">"))
    }

    @Test func previewThenConfirm() throws {
        let admin = try signedIn(TestSchool.login(.administrator).login)
        let page = try admin.page("/school/year")
        #expect(page.status == 200)
        #expect(page.text.contains("value=\"01.09.2027\""))

        let wrong = try admin.post("/school/year/preview", [("starts", "01.06.2027")])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("aria-invalid=\"true\"") && wrong.text.contains("Новый учебный год начинается после окончания текущего (31.08.2027)."))
        #expect(try admin.post("/school/year/preview", [("starts", "в сентябре")]).status == 422)

        let audit = try count("SELECT count(*) FROM audit")
        let preview = try admin.post("/school/year/preview", [("starts", "01.09.2027")])
        #expect(preview.status == 200)
        #expect(preview.text.contains("Будет начат учебный год 2027/2028: 01.09.2027 – 31.08.2028. Пока ничего не записано."))
        #expect(preview.text.contains("<form method=\"post\" action=\"/school/year\">"))
        #expect(try count("SELECT count(*) FROM academic_year") == 1)
        #expect(try count("SELECT count(*) FROM audit") == audit)

        let done = try admin.post("/school/year", [("starts", "01.09.2027")])
        #expect(done.status == 303)
        let back = try admin.page(try #require(done.headers["location"]))
        #expect(back.text.contains("Начат учебный год 2027/2028. Прошлый год только для чтения."))
        #expect(back.text.contains("Учебный год 2027/2028 ещё не начался") && !back.text.contains("action=\"/school/year/preview\""))
        #expect(try count("SELECT count(*) FROM academic_year") == 2)
        #expect(try count("SELECT count(*) FROM academic_year WHERE closed_at IS NOT NULL") == 1)
        #expect(try count("SELECT count(*) FROM audit WHERE action = 'year.new'") == 1)
        // Twice is refused beside the date.
        #expect(try admin.post("/school/year", [("starts", "01.09.2027")]).status == 422)
    }

    @Test func lastYearReadsAsBeforeAndRefusesChanges() throws {
        // A teacher's mark of last week, before the new year is started.
        let (teacher, lesson, classID, subject, mark) = try database.read { c in
            try #require(try c.first("""
                SELECT l.teacher_id, l.id, l.class_id, l.subject_id, m.id FROM mark m JOIN lesson l ON l.id = m.lesson_id
                WHERE l.date = '2026-11-20' AND l.actual_teacher_id IS NULL AND l.group_id IS NULL ORDER BY m.id LIMIT 1
                """) { ($0.int(0), $0.int(1), $0.int(2), $0.int(3), $0.int(4)) })
        }
        let login = try #require(TestSchool.generated.logins.first { $0.personID == teacher }).login
        let c = try signedIn(login)
        let grid = "/journal/\(classID)/\(subject)"
        let before = try c.page(grid)
        #expect(before.status == 200)
        #expect(try c.json(.put, "/api/v1/marks/\(mark)", #"{"value":4}"#).status == 204)

        _ = try YearDesk(database: database).startYear(starts: CivilDate(iso: "2027-09-01")!, dryRun: false, by: .console(at: app.clock.unixNow()))

        let after = try c.page(grid)
        #expect(after.status == 200)
        #expect(after.text.contains("mark") && after.body.count > 1000)
        // The lesson's page shows it without a form to change it.
        let lessonPage = try c.page("/lessons/\(lesson)")
        #expect(lessonPage.status == 200 && !lessonPage.text.contains("action=\"/lessons/\(lesson)\""))
        let refused = try c.json(.put, "/api/v1/marks/\(mark)", #"{"value":5}"#)
        #expect(refused.status == 409)
        #expect(try json(refused)["error"] as? String == "year_closed")
        let student = try #require(try database.read { try $0.first("SELECT student_id FROM mark WHERE id = ?", mark) { $0.int(0) } })
        let added = try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":5,"workType":"У"}"#)
        #expect(added.status == 409)
        #expect(try json(added)["error"] as? String == "year_closed")
        #expect(try database.read { try $0.journalMark(mark)?.value } == .mark(4))
        // The structure of last year is closed too, the new year's open.
        let admin = try signedIn(TestSchool.login(.administrator).login)
        // Until 1 September the old class's page still lists those who moved up from it.
        let surname = try #require(try database.read { try $0.first("SELECT last_name FROM person WHERE id = ?", student) { $0.string(0) } })
        #expect(try admin.page("/classes/\(classID)").text.contains(surname))
        try admin.page("/school/holidays")
        let years = try database.read { try $0.academicYears() }
        let holiday = [("name", "Карантин"), ("starts_on", "2027-02-01"), ("ends_on", "2027-02-03"), ("min_grade", "1"), ("max_grade", "11")]
        let closed = try admin.post("/school/holidays", [("year", "\(years[0].id)")] + holiday)
        #expect(closed.status == 409 || closed.status == 422)
        #expect(closed.text.contains("Учебный год закрыт"))
        let open = try admin.post("/school/holidays", [("year", "\(years[1].id)"), ("name", "Карантин"), ("starts_on", "2028-02-01"), ("ends_on", "2028-02-03"),
                                                       ("min_grade", "1"), ("max_grade", "11")])
        #expect(open.status == 303)
    }

    @Test func theClassTeacherMarksExceptionsAndTheDeputyConfirmsTheDraftLoad() throws {
        let teacher = TestSchool.generated.logins.first { $0.role == .teacher && $0.className.hasPrefix("9") }
            ?? TestSchool.login(.teacher, classTeacher: true)
        let classID = try #require(try database.read { c in
            try c.first("SELECT id FROM school_class WHERE name = ?", teacher.className) { $0.int(0) }
        })
        let students = try database.read { try $0.students(classID: classID) }
        let c = try signedIn(teacher.login)
        let page = try c.page("/classes/\(classID)/finals")
        #expect(page.status == 200)
        #expect(page.text.contains("<h2 id=\"promotion-title\">Перевод в следующий класс</h2>"))
        #expect(page.text.contains("name=\"d\(students[0])\""))
        let saved = try c.post("/classes/\(classID)/promotion", [("d\(students[0])", "kept_back"), ("d\(students[1])", "")])
        #expect(saved.status == 303)
        #expect(try database.read { try $0.promotionDecisions(year: $0.currentAcademicYear(on: TestSchool.today)!.id) }[students[0]] == .keptBack)
        #expect(try count("SELECT count(*) FROM audit WHERE action = 'year.promotion'") == 1)
        // Another class's teacher may not; a student is not in this class.
        let other = TestSchool.generated.logins.first { $0.role == .teacher && !$0.className.isEmpty && $0.className != teacher.className }!
        let stranger = try signedIn(other.login)
        try stranger.page("/")
        #expect(try stranger.post("/classes/\(classID)/promotion", [("d\(students[0])", "")]).status == 403)

        _ = try YearDesk(database: database).startYear(starts: CivilDate(iso: "2027-09-01")!, dryRun: false, by: .console(at: app.clock.unixNow()))
        let closed = try c.page("/classes/\(classID)/finals")
        #expect(closed.text.contains("Год закрыт: только для чтения.") && !closed.text.contains("name=\"d\(students[0])\""))

        let deputy = try signedIn(TestSchool.login(.deputy).login)
        let new = try #require(try database.read { try $0.newestAcademicYear() })
        let secondGrade = try #require(try database.read { try $0.first("SELECT id FROM school_class WHERE year_id = ? AND grade = 2", new.id) { $0.int(0) } })
        let drafts = try deputy.page("/school/assignments?year=\(new.id)&class=\(secondGrade)")
        #expect(drafts.text.contains("Черновик нагрузки из прошлого года:") && drafts.text.contains("<span class=\"tag change\">черновик</span>"))
        #expect(try deputy.post("/school/assignments/confirm", [("year", "\(new.id)")]).status == 303)
        #expect(try database.read { try $0.draftAssignmentCount(year: new.id) } == 0)
        #expect(try count("SELECT count(*) FROM audit WHERE action = 'structure.assignments_confirm'") == 1)
    }

    /// After 1 September the new year is this year; the old one is the archive: its journals,
    /// reports and diary pages by the year chooser.
    @Test func afterSeptemberThePastYearIsAnArchive() throws {
        let desk = YearDesk(database: database)
        let new = try desk.startYear(starts: CivilDate(iso: "2027-09-01")!, dryRun: false, by: .console(at: app.clock.unixNow())).year
        _ = try desk.confirmAssignments(year: new.id, by: .console(at: app.clock.unixNow()))
        let old = try #require(try database.read { try $0.academicYears().first })
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let september = App(database: database, clock: SchoolClock.starting(at: SchoolDateTime(iso: "2027-09-10T10:00")!, utcOffsetMinutes: 180), logger: logger)
        let deputy = Client(september)
        #expect(try deputy.signIn(TestSchool.login(.deputy).login).status == 303)
        let now = try deputy.page("/journal")
        #expect(now.text.contains("<option value=\"\(new.id)\" selected>2027/2028</option>") && !now.text.contains("Год закрыт"))
        let archive = try deputy.page("/journal?year=\(old.id)")
        #expect(archive.text.contains("Год закрыт: только для чтения.") && archive.text.contains("<h2>11А</h2>"))
        let oldClass = try #require(try database.read { try $0.first("SELECT id FROM school_class WHERE year_id = ? AND grade = 5", old.id) { $0.int(0) } })
        let reports = try deputy.page("/reports?year=\(old.id)")
        #expect(reports.text.contains("/reports/progress?class=\(oldClass)\""))
        #expect(try deputy.page("/reports/progress?class=\(oldClass)").status == 200)
        #expect(try deputy.page("/reports/filling?year=\(old.id)").status == 200)

        let student = try #require(TestSchool.generated.logins.first { $0.role == .student && $0.className.hasPrefix("5") })
        let c = Client(september)
        #expect(try c.signIn(student.login).status == 303)
        let diary = try c.page("/diary/\(student.personID)")
        #expect(diary.text.contains("<small>, 6") && diary.text.contains("?year=\(old.id)\">2026/2027</a>"))
        let earlier = try c.page("/diary/\(student.personID)/marks?year=\(old.id)")
        #expect(earlier.status == 200 && earlier.text.contains("<small>, \(student.className)</small>"))
        // A graduate still signs in and reads the diary of their last year.
        let graduate = try #require(TestSchool.generated.logins.first { $0.role == .student && $0.className.hasPrefix("11") })
        let g = Client(september)
        #expect(try g.signIn(graduate.login).status == 303)
        let last = try g.page("/diary/\(graduate.personID)/finals")
        #expect(last.status == 200 && last.text.contains("<small>, \(graduate.className)</small>") && last.text.contains("31.08.2027"))
    }
}