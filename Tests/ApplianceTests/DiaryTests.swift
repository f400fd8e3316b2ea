import Appliance
import Diary
import Domain
import Foundation
import HTTP
import Setup
import Storage
import Testing
import Words

/// The diary as students and guardians see it, and what it must never show them.
@Suite struct DiaryTests {
    let database = try! TestSchool.copy()
    var app: App { TestSchool.app(database) }

    func signedIn(_ login: String) throws -> Client {
        let c = Client(app)
        #expect(try c.signIn(login).status == 303)
        return c
    }

    /// A guardian of two children, the first of them past grade 1 (so with marks to acknowledge).
    var family: DemoLogin {
        let grades = Dictionary(TestSchool.generated.logins.filter { $0.role == .student }.map { ($0.personID, ClassName($0.className)?.grade ?? 0) }) { a, _ in a }
        return TestSchool.generated.logins.first { $0.role == .guardian && $0.children.count == 2 && (grades[$0.children[0]] ?? 0) > 1 }!
    }

    /// A student of another family.
    func stranger(not excluded: [Int]) -> DemoLogin {
        TestSchool.generated.logins.first { $0.role == .student && !excluded.contains($0.personID) }!
    }

    @Test func theWeekShowsLessonsHomeworkMarksAndAbsences() throws {
        let student = TestSchool.olderStudent
        let c = try signedIn(student.login)
        #expect(try c.get("/diary").headers["location"] == "/diary/\(student.personID)")
        // A past week of the generated school: lessons with topics and homework, some marks.
        let r = try c.get("/diary/\(student.personID)?week=2026-11-09")
        #expect(r.status == 200)
        #expect(r.headers["cache-control"] == "no-store")
        #expect(r.text.contains("9–14 ноября 2026 г."))
        #expect(r.text.contains("<li class=\"lesson"))
        #expect(r.text.contains("<b>ДЗ</b> <span class=\"due\">на "))
        #expect(r.text.contains("08:30–09:15"))
        // The current tab is marked for the eye and for screen readers (not escaped into text).
        #expect(r.text.contains("aria-current=\"page\">Неделя</a>"))
        let api = try c.get("/api/v1/students/\(student.personID)/diary?from=2026-09-01&to=2026-11-22")
        #expect(api.status == 200)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(api.body)) as? [String: Any])
        let days = try #require(body["days"] as? [[String: Any]])
        let lessons = days.flatMap { ($0["lessons"] as? [[String: Any]]) ?? [] }
        #expect(lessons.contains { (($0["marks"] as? [Any]) ?? []).count > 0 })
        #expect(lessons.allSatisfy { $0["start"] is String && $0["subject"] is String && $0["changed"] is Bool })
        let marked = try database.read { try $0.first("""
            SELECT count(*) FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE m.student_id = ? AND l.date BETWEEN '2026-09-01' AND '2026-11-22'
            """, student.personID) { $0.int(0) } }
        #expect(lessons.reduce(0) { $0 + (($1["marks"] as? [Any])?.count ?? 0) } == marked)
    }

    @Test func theForecastFollowsTheSchoolsRoundingRule() throws {
        let student = TestSchool.olderStudent
        let c = try signedIn(student.login)
        #expect(try c.get("/diary/\(student.personID)/marks").text.contains("Округление: от 2,5 — «3», от 3,5 — «4», от 4,5 — «5»."))
        try database.write { try $0.setSetting("rounding", "2.6/3.6/4.6") }
        #expect(try c.get("/diary/\(student.personID)/marks").text.contains("Округление: от 2,6 — «3», от 3,6 — «4», от 4,6 — «5»."))
        // The forecast the family sees is the one the journal shows the teacher: the same rule.
        let api = try c.get("/api/v1/students/\(student.personID)/marks")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(api.body)) as? [String: Any])
        let subjects = try #require(body["subjects"] as? [[String: Any]])
        for s in subjects {
            guard let average = s["average"] as? Double, let forecast = (s["forecast"] as? [String: Any])?["mark"] as? Int else { continue }
            #expect(forecast == RoundingRule(threshold3: 2.6, threshold4: 3.6, threshold5: 4.6).periodMark(for: average), "\(s["name"] ?? "")")
        }
    }

    @Test func aWeekShownOnceStillShowsWhatChangesAfter() throws {
        let student = TestSchool.olderStudent
        let c = try signedIn(student.login)
        let first = try c.get("/diary/\(student.personID)?week=2026-11-16")
        #expect(!first.text.contains("Замечание, добавленное позже"))
        // The same week through the API, kept the same way.
        let week = "/api/v1/students/\(student.personID)/diary?from=2026-11-16&to=2026-11-22"
        #expect(try !c.get(week).text.contains("Замечание, добавленное позже"))
        // Another program (the console) writes to the same file: the cached week is not shown again.
        let other = try Database.open(path: database.path, create: false)
        try other.write { db in
            let lesson = try #require(try db.first("""
                SELECT l.id FROM lesson l JOIN enrolment e ON e.class_id = l.class_id AND e.student_id = ?
                WHERE l.date = '2026-11-17' AND l.group_id IS NULL AND l.status = 'scheduled' LIMIT 1
                """, student.personID) { $0.int(0) })
            let author = try #require(try db.first("SELECT teacher_id FROM lesson WHERE id = ?", lesson) { $0.int(0) })
            try db.insertRemark(lesson: lesson, student: student.personID, author: author, praise: false, text: "Замечание, добавленное позже", at: 0)
        }
        other.close()
        #expect(try c.get("/diary/\(student.personID)?week=2026-11-16").text.contains("Замечание, добавленное позже"))
        #expect(try c.get(week).text.contains("Замечание, добавленное позже"))
    }

    @Test func guardiansSwitchBetweenTheirChildrenAndSeeNoOtherFamily() throws {
        let guardian = family
        let c = try signedIn(guardian.login)
        for child in guardian.children {
            let r = try c.get("/diary/\(child)")
            #expect(r.status == 200)
            for other in guardian.children { #expect(r.text.contains("href=\"/diary/\(other)\"")) }
        }
        let foreign = stranger(not: guardian.children).personID
        let page = try c.get("/diary/\(foreign)")
        let missing = try c.get("/diary/99999999")
        #expect(page.status == 404 && missing.status == 404)
        #expect(page.text == missing.text)  // nothing says the student exists
        #expect(try c.get("/api/v1/students/\(foreign)/diary?from=2026-11-01&to=2026-11-07").status == 404)
        #expect(try c.get("/api/v1/students/\(foreign)/marks").status == 404)
        #expect(try c.get("/diary/\(foreign)/marks").status == 404)
    }

    @Test func studentsSeeOnlyThemselvesAndTeachersNoDiaries() throws {
        let student = TestSchool.login(.student)
        let c = try signedIn(student.login)
        let sibling = stranger(not: [student.personID]).personID
        #expect(try c.get("/diary/\(sibling)").status == 404)
        let teacher = try signedIn(TestSchool.login(.teacher).login)
        #expect(try teacher.get("/diary/\(student.personID)").status == 404)
        let director = try signedIn(TestSchool.login(.director).login)
        #expect(try director.get("/diary/\(student.personID)").status == 200)  // read-only for the administration
    }

    @Test func marksBySubjectWithAverageFormulaAndForecast() throws {
        let student = TestSchool.olderStudent
        let c = try signedIn(student.login)
        let periods = try database.read { try $0.query("SELECT id FROM period WHERE scheme = 'quarter' ORDER BY number") { $0.int(0) } }
        let r = try c.get("/diary/\(student.personID)/marks?period=\(periods[0])")
        #expect(r.status == 200)
        #expect(r.text.contains("Средний балл"))
        #expect(r.text.contains("Σ(вес × отметка) / Σ веса"))
        #expect(r.text.contains("итог:"))  // the first quarter is over: period marks are shown
        let api = try c.get("/api/v1/students/\(student.personID)/marks?period=\(periods[0])")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(api.body)) as? [String: Any])
        let subjects = try #require(body["subjects"] as? [[String: Any]])
        let withMarks = try #require(subjects.first { (($0["marks"] as? [Any]) ?? []).count > 0 })
        let marks = try #require(withMarks["marks"] as? [[String: Any]])
        let expected = marks.reduce(0.0) { $0 + ($1["weight"] as! Double) * Double($1["value"] as! Int) } / marks.reduce(0.0) { $0 + ($1["weight"] as! Double) }
        #expect(abs((withMarks["average"] as? Double ?? 0) - expected) < 0.006)
        #expect((withMarks["forecast"] as? [String: Any])?["mark"] as? Int == RoundingRule.standard.periodMark(for: expected))
    }

    @Test func badInputIsRefusedWithAMessage() throws {
        let student = TestSchool.login(.student)
        let c = try signedIn(student.login)
        let base = "/api/v1/students/\(student.personID)"
        #expect(try c.get("\(base)/diary?from=2026-13-01&to=2026-12-01").status == 400)
        #expect(try c.get("\(base)/diary?from=2026-12-01&to=2026-11-01").status == 400)
        #expect(try c.get("\(base)/diary?from=2025-01-01&to=2026-12-01").text.contains("Не больше года"))
        #expect(try c.get("\(base)/diary").status == 400)
        #expect(try c.get("\(base)/marks?period=999999").status == 404)
        #expect(try c.get("/diary/\(student.personID)?week=вчера").status == 400)
    }

    @Test func guardiansAcknowledgeFinalsAndReportAWrongMark() throws {
        let guardian = family
        let child = guardian.children[0]
        let c = try signedIn(guardian.login)
        let finals = try c.page("/diary/\(child)/finals")
        #expect(finals.text.contains("Ознакомлен(а) с итоговыми отметками"))
        let q1 = try database.read { c in try c.first("SELECT id FROM period WHERE scheme = (SELECT period_scheme FROM school_class k JOIN enrolment e ON e.class_id = k.id WHERE e.student_id = ?) AND number = 1", child) { $0.int(0) } }
        #expect(try c.post("/diary/\(child)/acknowledge", [("period", String(q1!))]).status == 303)
        #expect(try c.get("/diary/\(child)/finals").text.contains("ознакомлен(а) \(TestSchool.today.russian)</b> —"))
        #expect(try database.read { try $0.acknowledgements(student: child).count } == 1)

        let markID = try #require(try database.read { try $0.first("SELECT id FROM mark WHERE student_id = ? LIMIT 1", child) { $0.int(0) } })
        try c.page("/diary/\(child)/marks")
        #expect(try c.post("/diary/\(child)/marks/\(markID)/report", [("text", "Я был болен в этот день")]).status == 303)
        #expect(try database.read { try $0.first("SELECT text FROM mark_report WHERE mark_id = ?", markID) { $0.string(0) } } == "Я был болен в этот день")
        // The deputy sees it with every other report; the teacher of that lesson on their home page.
        let deputy = try signedIn(TestSchool.login(.deputy).login)
        #expect(try deputy.get("/mark-reports").text.contains("Я был болен в этот день"))
        let teacherID = try #require(try database.read { try $0.first("SELECT coalesce(l.actual_teacher_id, l.teacher_id) FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE m.id = ?", markID) { $0.int(0) } })
        let teacherLogin = try #require(try database.read { try $0.first("SELECT login FROM account WHERE person_id = ?", teacherID) { $0.string(0) } })
        #expect(try signedIn(teacherLogin).get("/").text.contains("Я был болен в этот день"))
        #expect(try signedIn(TestSchool.login(.student).login).get("/mark-reports").status == 403)
        // The administration reads diaries but writes nothing back into them; a student does not acknowledge for the parents.
        let director = try signedIn(TestSchool.login(.director).login)
        try director.page("/")
        #expect(try director.post("/diary/\(child)/marks/\(markID)/report", [("text", "x")]).status == 404)
        #expect(try director.post("/diary/\(child)/acknowledge", [("period", String(q1!))]).status == 404)
        let childLogin = try #require(TestSchool.generated.logins.first { $0.personID == child })
        let pupil = try signedIn(childLogin.login)
        let finalsPage = try pupil.page("/diary/\(child)/finals")
        #expect(!finalsPage.text.contains("Ознакомлен(а) с итоговыми отметками"))
        #expect(try pupil.post("/diary/\(child)/acknowledge", [("period", String(q1!))]).status == 404)
        // Another student's mark cannot be reported through this child.
        let foreignMark = try #require(try database.read { try $0.first("SELECT id FROM mark WHERE student_id NOT IN (?, ?) LIMIT 1", guardian.children[0], guardian.children[1]) { $0.int(0) } })
        try c.page("/diary/\(child)/marks")
        #expect(try c.post("/diary/\(child)/marks/\(foreignMark)/report", [("text", "x")]).status == 404)
    }
}

/// What a family reads in the diary of the hand-built fixture school (Monday 23 November 2026).
@Suite struct DiaryReadingTests {
    let app = FixtureSchool.app(try! FixtureSchool.copy())
    static let artem = "Алексеев Артём Ильич", ilya = "Григорьев Илья Петрович", nikita = "Зайцев Никита Олегович"
    static let father = "Алексеев Илья Викторович", classTeacher = "Кузнецова Ольга Николаевна"

    @Test func aStudentIsGreetedByFirstNameAndGrownUpsByNameAndPatronymic() throws {
        #expect(try FixtureSchool.signedIn(app, Self.artem).get("/").text.contains("<h1>Здравствуй, Артём!</h1>"))
        #expect(try FixtureSchool.signedIn(app, Self.father).get("/").text.contains("<h1>Здравствуйте, Илья Викторович!</h1>"))
        #expect(try FixtureSchool.signedIn(app, Self.classTeacher).get("/").text.contains("<h1>Здравствуйте, Ольга Николаевна!</h1>"))
    }

    @Test func subjectsWithNoMarksYetAreListed() throws {
        let student = try FixtureSchool.signedIn(app, Self.artem)
        let page = try student.get("/diary/\(FixtureSchool.id(Self.artem))/marks").text
        let subjects = try app.database.read { c in
            try c.subjectMarks(student: FixtureSchool.id(Self.artem), classID: FixtureSchool.classID("5А"), from: CivilDate(iso: "2026-11-09")!,
                               to: CivilDate(iso: "2026-12-27")!, period: nil)
        }
        let empty = subjects.filter { $0.marks.isEmpty }
        #expect(!empty.isEmpty && empty.count < subjects.count)
        for s in subjects { #expect(page.contains("<h2>\(s.subject)"), "\(s.subject)") }
        #expect(page.components(separatedBy: "Отметок пока нет.").count - 1 == empty.count)
    }

    @Test func homeworkShowsTheDayItIsDue() throws {
        let id = FixtureSchool.id(Self.artem)
        let student = try FixtureSchool.signedIn(app, Self.artem)
        let week = try student.get("/diary/\(id)").text
        // Set at today's mathematics lesson: due at the next mathematics lesson of 5А.
        let nextMath = try #require(try app.database.read { c in
            try c.first("""
                SELECT min(l.date) FROM lesson l JOIN subject s ON s.id = l.subject_id
                WHERE l.class_id = ? AND s.name = 'Математика' AND l.date > '2026-11-23' AND l.status = 'scheduled'
                """, FixtureSchool.classID("5А")) { try $0.date(0) }
        })
        #expect(week.contains("<b>ДЗ</b> <span class=\"due\">на \(nextMath.shortRussian)</span>: № 312, 315"))
        // Set on Friday for Monday's English: due on the lesson's own day.
        #expect(week.contains("<b>ДЗ</b> <span class=\"due\">на 23.11</span>: Ex. 3, p. 27"))
        // The JSON API adds the same as new fields; the old ones stay as they were.
        let api = try student.get("/api/v1/students/\(id)/diary?from=2026-11-23&to=2026-11-23")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(api.body)) as? [String: Any])
        let lessons = ((body["days"] as? [[String: Any]]) ?? []).flatMap { ($0["lessons"] as? [[String: Any]]) ?? [] }
        let math = try #require(lessons.first { ($0["homework"] as? String)?.hasPrefix("№ 312") == true })
        #expect(math["homeworkDue"] as? String == nextMath.iso)
        #expect(lessons.first { ($0["homework"] as? String)?.hasPrefix("Ex. 3") == true }?["homeworkDue"] as? String == "2026-11-23")
    }

    @Test func individualHomeworkSaysWhomItIsFor() throws {
        let id = FixtureSchool.id(Self.ilya)
        let student = try #require(try app.database.read { try $0.diaryStudent(id, on: FixtureSchool.today) })
        #expect(DiaryView.personalLabel(student, readBy: id, .russian) == "Лично тебе")
        #expect(DiaryView.personalLabel(student, readBy: FixtureSchool.id(Self.classTeacher), .russian) == "Лично для Ильи")
        #expect(DiaryView.personalLabel(student, readBy: FixtureSchool.id(Self.classTeacher), .english) == "Just for Илья")
        // A grown-up reading the diary (here the class teacher) reads whom it is for.
        let teacherView = try FixtureSchool.signedIn(app, Self.classTeacher).get("/diary/\(id)")
        #expect(teacherView.status == 200)
        #expect(teacherView.text.contains("<b>Лично для Ильи</b> <span class=\"due\">на "))
        #expect(!teacherView.text.contains("Лично тебе"))
        #expect(RussianName.genitive("Артём", gender: .male) == "Артёма" && RussianName.genitive("Вера", gender: .female) == "Веры")
        #expect(RussianName.genitive("Ольга", gender: .female) == "Ольги" && RussianName.genitive("Мария", gender: .female) == "Марии")
        #expect(RussianName.genitive("Тимофей", gender: .male) == "Тимофея" && RussianName.genitive("Любовь", gender: .female) == "Любови")
        #expect(RussianName.genitive("Игорь", gender: .male) == "Игоря" && RussianName.genitive("Нелли", gender: .female) == "Нелли")
    }

    @Test func anExcusedAbsenceIsNotColouredLikeAnUnexcusedOne() throws {
        let week = try FixtureSchool.signedIn(app, Self.classTeacher).get("/diary/\(FixtureSchool.id(Self.nikita))?week=2026-11-23").text
        #expect(week.contains("<span class=\"absence a-unexcused\""))
        let last = try FixtureSchool.signedIn(app, Self.classTeacher).get("/diary/\(FixtureSchool.id(Self.nikita))?week=2026-11-16").text
        #expect(last.contains("<span class=\"absence a-ill\""))
        let css = String(decoding: try Client(app).get("/static/tabel.css").body, as: UTF8.self)
        for code in ["a-unexcused", "a-ill", "a-excused", "a-late"] { #expect(css.contains(".absence.\(code) {"), "\(code)") }
        #expect(!css.contains("a-away"))
    }

    @Test func theFinalsTableHasAYearColumn() throws {
        let id = FixtureSchool.id(Self.artem)
        let before = try FixtureSchool.signedIn(app, Self.artem).get("/diary/\(id)/finals").text
        #expect(before.contains("<th scope=\"col\" title=\"Годовая отметка\">Год</th>"))
        // A year mark (as the last quarter's end would bring) goes into that column.
        try app.database.write { c in
            try c.run("""
                INSERT INTO period_mark (year_id, student_id, subject_id, kind, period_id, value, set_at)
                SELECT c.year_id, ?, s.id, 'year', NULL, 4, 0 FROM school_class c, subject s WHERE c.id = ? AND s.name = 'Математика'
                """, id, FixtureSchool.classID("5А"))
        }
        let page = try FixtureSchool.signedIn(app, Self.artem).get("/diary/\(id)/finals").text
        #expect(page.contains("<td><span class=\"mark m4\">4</span></td></tr>"))
    }

    @Test func anAcknowledgementShowsWhenItWasMade() throws {
        // The father acknowledged the first quarter on Monday at 09:40 (the fixture).
        let page = try FixtureSchool.signedIn(app, Self.father).get("/diary/\(FixtureSchool.id(Self.artem))/finals").text
        #expect(page.contains("<b>ознакомлен(а) 23.11.2026</b> — Илья Алексеев"))
    }
}
