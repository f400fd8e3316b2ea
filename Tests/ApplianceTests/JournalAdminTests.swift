import Appliance
import Desks
import Domain
import Foundation
import HTTP
import Journal
import Setup
import Storage
import Testing

/// The journal's administration through its pages: settings, work types, unlocks, transfer
/// windows, timetable changes, the change log and the thematic plan.
@Suite struct JournalAdminTests {
    let database = try! TestSchool.copy()
    var app: App { TestSchool.app(database) }

    func signedIn(_ role: Role) throws -> Client {
        let c = Client(app)
        #expect(try c.signIn(TestSchool.login(role).login).status == 303)
        return c
    }

    /// A teacher's whole-class lesson of grade 5+ at the first bell on `date`.
    func lesson(on date: String) throws -> (teacher: DemoLogin, id: Int, classID: Int, subject: Int) {
        let byPerson = Dictionary(TestSchool.generated.logins.filter { $0.role == .teacher }.map { ($0.personID, $0) }) { a, _ in a }
        let rows = try database.read { try $0.query("""
            SELECT l.teacher_id, l.id, l.class_id, l.subject_id FROM lesson l JOIN school_class c ON c.id = l.class_id
            WHERE l.date = ? AND l.bell_number = 1 AND c.grade >= 5 AND l.status = 'scheduled' AND l.actual_teacher_id IS NULL AND l.group_id IS NULL
            """, date) { ($0.int(0), $0.int(1), $0.int(2), $0.int(3)) } }
        let row = try #require(rows.first { byPerson[$0.0] != nil })
        return (byPerson[row.0]!, row.1, row.2, row.3)
    }

    func firstStudent(of lesson: Int) throws -> Int {
        try #require(try database.read { c in
            let l = try c.journalLesson(lesson)!
            return try c.journalStudents(classID: l.classID, groupID: nil, from: l.date, to: l.date).first?.id
        })
    }

    @Test func settingsAreSavedOrComeBackWithTheMessage() throws {
        let admin = try signedIn(.administrator)
        #expect(try admin.page("/settings").status == 200)
        // The edit window is a labelled choice, not a code to type.
        #expect(try admin.page("/settings").text.contains("<option value=\"2w\" selected>две недели</option>"))
        let bad = try admin.post("/settings", [("edit_window", "5w"), ("period_mark_days", "99")])
        #expect(bad.status == 422)
        #expect(bad.text.contains("class=\"field-error\">«5w» не подходит"))
        #expect(bad.text.contains("class=\"field-error\">«99» не подходит; допустимо: от 3 до 31"))
        #expect(bad.text.contains("value=\"99\""))
        // Nothing of a form with a wrong field is saved.
        #expect(try database.read { try $0.schoolSettings().periodMarkDays } == 14)
        #expect(try admin.post("/settings", [("edit_window", "1m"), ("period_mark_days", "10")]).status == 303)
        #expect(try database.read { try $0.schoolSettings().editWindow } == .oneMonth)
        #expect(try database.read { try $0.auditEntries(AuditFilter()).first { $0.action == "setting.change" } } != nil)
        let teacher = try signedIn(.teacher)
        #expect(try teacher.get("/settings").status == 403)
    }

    @Test func workTypesAndWeightsAreTheSchools() throws {
        let admin = try signedIn(.administrator)
        let page = try admin.page("/settings")
        let kr = try #require(try database.read { try $0.workTypes().first { $0.code == "КР" } })
        #expect(page.text.contains("name=\"weight_\(kr.id)\""))
        var fields = try database.read { try $0.workTypes(includingInactive: true) }.flatMap { t in
            [("name_\(t.id)", t.name), ("weight_\(t.id)", t.id == kr.id ? "10" : RussianNumber.weight(t.weight))] + (t.active ? [("active_\(t.id)", "1")] : [])
        }
        fields += [("new_code", "пр2"), ("new_name", "Проект"), ("new_weight", "4,5")]
        #expect(try admin.post("/settings/work-types", fields).status == 303)
        let types = try database.read { try $0.workTypes() }
        #expect(types.first { $0.code == "КР" }?.weight == 10)
        #expect(types.first { $0.code == "ПР2" }?.weight == 4.5)
        let duplicate = try admin.post("/settings/work-types", [("new_code", "КР"), ("new_name", "Ещё"), ("new_weight", "1")])
        #expect(duplicate.status == 422)
        #expect(duplicate.text.contains("уже есть"))
    }

    @Test func theDeputyUnlocksDatesAndOpensATransfer() throws {
        let (teacher, _, classID, subject) = try lesson(on: "2026-11-02")
        let deputy = try signedIn(.deputy)
        #expect(try deputy.page("/unlocks").status == 200)
        let bad = try deputy.post("/unlocks", [("class", String(classID)), ("subject", String(subject)), ("from", "2026-11-03"), ("to", "2026-11-01"),
                                               ("until", "2026-11-30"), ("reason", "ошибка")])
        #expect(bad.status == 422)
        #expect(try deputy.post("/unlocks", [("class", String(classID)), ("subject", String(subject)), ("from", "2026-11-02"), ("to", "2026-11-02"),
                                             ("until", "2026-11-30"), ("reason", "ошибка в отметке")]).status == 303)
        #expect(try database.read { try $0.unlockedDates(classID: classID, subjectID: subject, now: TestSchool.clock.unixNow()) }.count == 1)
        // Only a subject the class is taught; the form offers the classes' subjects as pairs.
        let untaught = try #require(try database.read { c in try c.subjectList().first { try !c.classHasSubject(classID: classID, subjectID: $0.id) }?.id })
        #expect(try deputy.post("/unlocks", [("pair", "\(classID):\(untaught)"), ("from", "2026-11-02"), ("to", "2026-11-02"),
                                             ("until", "2026-11-30"), ("reason", "ошибка")]).status == 422)
        #expect(try deputy.page("/unlocks").text.contains("<option value=\"\(classID):\(subject)\">"))
        #expect(try deputy.post("/unlocks/transfer", [("from", "2026-11-16"), ("to", "2026-11-17"), ("until", "2026-11-25"), ("reason", "сбой")]).status == 303)
        let shown = try deputy.get("/unlocks").text
        #expect(shown.contains("ошибка в отметке") && shown.contains("16.11.2026–17.11.2026"))
        // Both can be ended before their time.
        let unlock = try #require(try database.read { try $0.activeUnlocks(now: TestSchool.clock.unixNow()) }.first?.id)
        let window = try #require(try database.read { try $0.activeTransferWindows(now: TestSchool.clock.unixNow()) }.first?.id)
        #expect(try deputy.post("/unlocks/\(unlock)/end", []).status == 303)
        #expect(try deputy.post("/unlocks/transfer/\(window)/end", []).status == 303)
        #expect(try database.read { try $0.unlockedDates(classID: classID, subjectID: subject, now: TestSchool.clock.unixNow()) }.isEmpty)
        #expect(try database.read { try $0.activeTransferWindows(now: TestSchool.clock.unixNow()) }.isEmpty)
        #expect(try deputy.post("/unlocks/\(unlock)/end", []).status == 404)
        let t = Client(app)
        _ = try t.signIn(teacher.login)
        #expect(try t.get("/unlocks").status == 403)
        let trail = try database.read { try $0.auditEntries(AuditFilter()) }.map(\.action)
        #expect(trail.contains("journal.unlock") && trail.contains("journal.transfer_window"))
    }

    /// A substitute who has a lesson of their own at that time: the lesson page says so.
    @Test func aSubstitutionsClashIsShown() throws {
        let (_, lessonID, _, _) = try lesson(on: "2026-11-23")
        let busy = try #require(try database.read { c in
            try c.first("""
                SELECT o.teacher_id FROM lesson l JOIN lesson o ON o.date = l.date AND o.bell_number = l.bell_number AND o.id <> l.id
                WHERE l.id = ? AND o.teacher_id <> l.teacher_id AND o.status = 'scheduled' AND o.actual_teacher_id IS NULL LIMIT 1
                """, lessonID) { $0.int(0) }
        })
        let deputy = try signedIn(.deputy)
        _ = try deputy.page("/lessons/\(lessonID)")
        #expect(try deputy.post("/lessons/\(lessonID)/change", [("kind", "substitution"), ("teacher", String(busy)), ("reason", "болезнь")]).status == 303)
        #expect(try deputy.page("/lessons/\(lessonID)").text.contains("У заменяющего учителя в это время свой урок"))
        // The school's changes of the day: for every member of staff, not for families.
        let board = try signedIn(.teacher).get("/changes")
        #expect(board.status == 200 && board.text.contains("href=\"/lessons/\(lessonID)\"") && board.text.contains("болезнь"))
        #expect(try signedIn(.student).get("/changes").status == 403)
        // «Мой день» is a teacher's (and, for any teacher, the timetable's managers'), not a family's.
        #expect(try signedIn(.student).get("/day").status == 403)
        #expect(try signedIn(.deputy).get("/day?teacher=").status == 200)
    }

    @Test func aSubstituteTeachesTheLessonTheyWereEnteredFor() throws {
        let (teacher, lessonID, classID, subject) = try lesson(on: "2026-11-23")
        // Someone who does not teach this class the subject.
        let substitute = try #require(TestSchool.generated.logins.first { login in
            login.role == .teacher && login.personID != teacher.personID && (try? database.read { c in
                try c.first("SELECT 1 FROM teaching_assignment WHERE teacher_id = ? AND class_id = ? AND subject_id = ?", login.personID, classID, subject) { _ in true }
            }) == nil
        })
        let student = try firstStudent(of: lessonID)
        let sub = Client(app)
        _ = try sub.signIn(substitute.login)
        #expect(try sub.json(.post, "/api/v1/lessons/\(lessonID)/marks", #"{"student":\#(student),"value":5,"workType":"У"}"#).status == 403)
        let deputy = try signedIn(.deputy)
        _ = try deputy.page("/lessons/\(lessonID)")
        #expect(try deputy.post("/lessons/\(lessonID)/change", [("kind", "substitution"), ("teacher", String(substitute.personID)),
                                                                ("reason", "болезнь учителя")]).status == 303)
        let lesson = try #require(try database.read { try $0.journalLesson(lessonID) })
        #expect(lesson.actualTeacherID == substitute.personID)
        #expect(lesson.changeNote.hasPrefix("Замена: "))
        let change = try database.read { try $0.first("SELECT kind, reason, entered_by FROM timetable_change WHERE lesson_id = ? ORDER BY id DESC", lessonID) {
            ($0.string(0), $0.string(1), $0.int(2)) } }
        #expect(change?.0 == "substitution" && change?.1 == "болезнь учителя" && change?.2 == TestSchool.login(.deputy).personID)
        #expect(try sub.get("/day").text.contains("/lessons/\(lessonID)"))
        let r = try sub.json(.post, "/api/v1/lessons/\(lessonID)/marks", #"{"student":\#(student),"value":4,"workType":"Т"}"#)
        #expect(r.status == 201)
        // A lesson with marks is not cancelled.
        _ = try deputy.page("/lessons/\(lessonID)")
        let cancel = try deputy.post("/lessons/\(lessonID)/change", [("kind", "cancelled"), ("reason", "карантин")])
        #expect(cancel.status == 409)
        #expect(cancel.text.contains("уже есть отметки"))
        let teacherClient = Client(app)
        _ = try teacherClient.signIn(teacher.login)
        _ = try teacherClient.page("/")
        #expect(try teacherClient.post("/lessons/\(lessonID)/change", [("kind", "cancelled")]).status == 403)
    }

    @Test func aLessonIsMovedAndHomeworkComesBeforeRemarks() throws {
        let (teacher, lessonID, _, _) = try lesson(on: "2026-11-24")
        let deputy = try signedIn(.deputy)
        _ = try deputy.page("/lessons/\(lessonID)")
        #expect(try deputy.post("/lessons/\(lessonID)/change", [("kind", "moved"), ("date", "2026-11-26"), ("bell", "6"), ("reason", "экскурсия")]).status == 303)
        let moved = try #require(try database.read { try $0.journalLesson(lessonID) })
        #expect(moved.date == CivilDate(iso: "2026-11-26") && moved.bell == 6)
        #expect(moved.changeNote == "Перенесён с 24.11, 1-й урок")
        // Individual homework for one student, in advance.
        let student = try firstStudent(of: lessonID)
        let t = Client(app)
        _ = try t.signIn(teacher.login)
        _ = try t.page("/lessons/\(lessonID)")
        #expect(try t.post("/lessons/\(lessonID)/remarks", [("student", String(student)), ("kind", "homework"), ("text", "Подготовить доклад")]).status == 303)
        #expect(try database.read { try $0.individualHomework(lesson: lessonID, student: student) } == "Подготовить доклад")
        // A remark is about what happened: not before the lesson.
        let early = try t.post("/lessons/\(lessonID)/remarks", [("student", String(student)), ("kind", "remark"), ("text", "Шумел")])
        #expect(early.status == 409)
        #expect(early.text.contains("Урок ещё не начался"))
        #expect(try database.read { try $0.remarks(lesson: lessonID) }.isEmpty)
    }

    @Test func theChangeLogFiltersAndExportsCSV() throws {
        let (teacher, lessonID, classID, _) = try lesson(on: "2026-11-23")
        let student = try firstStudent(of: lessonID)
        let t = Client(app)
        _ = try t.signIn(teacher.login)
        #expect(try t.json(.post, "/api/v1/lessons/\(lessonID)/marks", #"{"student":\#(student),"value":2,"workType":"У"}"#).status == 201)
        let admin = try signedIn(.administrator)
        let page = try admin.get("/audit?class=\(classID)&from=2026-11-23&to=2026-11-23")
        #expect(page.status == 200)
        #expect(page.text.contains("Отметка выставлена"))
        #expect(page.text.contains("через журнал (API)"))
        #expect(page.text.contains("<td>2 У</td>"))
        let other = try admin.get("/audit?class=\(classID)&from=2026-11-24&to=2026-11-30")
        #expect(!other.text.contains("Отметка выставлена"))
        let csv = try admin.get("/audit.csv?class=\(classID)&teacher=\(teacher.personID)")
        #expect(csv.status == 200)
        #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(csv.headers["content-disposition"]?.contains("attachment") == true)
        let lines = csv.text.split(separator: "\r\n")
        #expect(lines.first?.hasSuffix("Когда;Кто;Логин;Через;Действие;Код действия;Класс;Обучающийся;Урок;Было;Стало;Причина") == true)
        #expect(lines.contains { $0.contains(";\(teacher.login);через журнал (API);Отметка выставлена;mark.create;") && $0.contains(";2 У;") })
        #expect(try t.get("/audit").status == 403)
        // The director and the deputy read the change log, lessons in words.
        for role in [Role.director, .deputy] {
            let log = try signedIn(role).get("/audit?class=\(classID)&from=2026-11-23&to=2026-11-23")
            #expect(log.status == 200)
            #expect(log.text.contains(", 23.11, "))
        }
        #expect(try t.get("/audit.csv").status == 403)
    }

    @Test func aThematicPlanFillsLessonsInOrder() throws {
        let (teacher, _, classID, subject) = try lesson(on: "2026-11-23")
        try database.write { try $0.run("UPDATE lesson SET topic = '', plan_topic_id = NULL WHERE class_id = ? AND subject_id = ? AND date >= '2026-11-24'", classID, subject) }
        let t = Client(app)
        _ = try t.signIn(teacher.login)
        _ = try t.page("/journal/\(classID)/\(subject)/plan")
        func upload(_ text: String) throws -> Response {
            let boundary = "XyZ"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(t.lastCSRF)\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.csv\"\r\nContent-Type: text/csv\r\n\r\n\(text)\r\n--\(boundary)--\r\n"
            return try t.send(.post, "/journal/\(classID)/\(subject)/plan", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: Array(body.utf8))
        }
        let bad = try upload("Тема;Часы\nДроби;2\n;1\nПроценты;много\n")
        #expect(bad.status == 422)
        #expect(bad.text.contains("строка 3: не заполнен столбец «Тема»"))
        #expect(bad.text.contains("строка 4: «Часы»: «много»"))
        #expect(try database.read { try $0.planTopics(classID: classID, subjectID: subject) }.isEmpty == false) // the demo's plan stays
        let good = try upload("Тема;Часы\nПовторение пройденного;1\nНовая глава;200\n")
        #expect(good.status == 303)
        let topics = try database.read { try $0.planTopics(classID: classID, subjectID: subject) }
        #expect(topics.map(\.title) == ["Повторение пройденного", "Новая глава"])
        let future = try database.read { try $0.query("""
            SELECT topic FROM lesson WHERE class_id = ? AND subject_id = ? AND date >= '2026-11-24' AND status = 'scheduled' ORDER BY date, bell_number LIMIT 3
            """, classID, subject) { $0.string(0) } }
        #expect(future.allSatisfy { $0 == "Новая глава" })
        let filled = try database.read { try $0.first("SELECT count(*) FROM audit WHERE action = 'topic.change' AND via = 'import' AND class_id = ?", classID) { $0.int(0) } }
        #expect((filled ?? 0) > 0)
    }
}
