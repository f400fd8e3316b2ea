import Appliance
import Desks
import Domain
import Foundation
import HTTP
import Setup
import Storage
import Testing
import Words

/// Issue #12, items 1–3: year, exam and final marks through the API, pass/fail marks that
/// never average, a guardian's acknowledgement with a message, wrong-mark reports answered
/// and closed.
@Suite struct FinalsTests {
    let database = try! TestSchool.copy()
    var app: App { TestSchool.app(database) }

    func signedIn(_ login: String) throws -> Client {
        let c = Client(app)
        #expect(try c.signIn(login).status == 303)
        return c
    }

    func json(_ r: Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any])
    }

    func classID(_ name: String) throws -> Int {
        try #require(try database.read { c in try c.first("SELECT id FROM school_class WHERE name = ?", name) { $0.int(0) } })
    }

    @Test func examAndFinalMarksRoundTripThroughTheAPI() throws {
        let teacher = TestSchool.login(.teacher, classTeacher: true)
        let classID = try classID(teacher.className)
        let (subject, student, last) = try database.read { c in
            (try c.classSubjects(year: c.schoolClass(classID)!.yearID).first { $0.classID == classID }!.subjectID,
             try c.journalStudents(classID: classID, groupID: nil, from: TestSchool.today, to: TestSchool.today).first!.id,
             try c.periods(classID: classID).last!)
        }
        let c = try signedIn(teacher.login)
        let api = "/api/v1/period-marks?class=\(classID)&subject=\(subject)"
        // In November the year's marks are not open yet.
        var r = try c.json(.put, api, #"{"student":\#(student),"kind":"exam","value":5}"#)
        #expect(try r.status == 409 && json(r)["error"] as? String == "period_mark_window")
        try JournalDeskProbe(database: database).unlock(classID: classID, subject: subject, date: last.endsOn.iso, by: TestSchool.login(.deputy))
        // A year mark needs every period's mark, or a reason.
        r = try c.json(.put, api, #"{"student":\#(student),"kind":"year","value":4}"#)
        #expect(try r.status == 409 && json(r)["error"] as? String == "year_needs_periods")
        #expect(try c.json(.put, api, #"{"student":\#(student),"kind":"year","value":4,"reason":"переведён из другой школы"}"#).status == 204)
        #expect(try c.json(.put, api, #"{"student":\#(student),"kind":"exam","value":5}"#).status == 204)
        #expect(try c.json(.put, api, #"{"student":\#(student),"kind":"final","value":5}"#).status == 204)
        #expect(try c.json(.put, api, #"{"student":\#(student),"kind":"final","value":"зачёт"}"#).status == 409)  // not a pass/fail subject
        #expect(try c.json(.put, api, #"{"student":\#(student),"kind":"term","value":5}"#).status == 422)
        func finals() throws -> [String: Any] {
            let body = try json(try c.json(.get, "/api/v1/students/\(student)/finals"))
            let subjects = try #require(body["subjects"] as? [[String: Any]])
            return try #require(subjects.first { $0["id"] as? Int == subject })
        }
        var marks = try #require(try finals()["marks"] as? [[String: Any]])
        #expect(marks.first { $0["kind"] as? String == "year" }?["value"] as? Int == 4)
        #expect(marks.first { $0["kind"] as? String == "exam" }?["value"] as? Int == 5)
        #expect(marks.first { $0["kind"] as? String == "final" }?["value"] as? Int == 5)
        #expect(marks.allSatisfy { $0["kind"] as? String == "period" ? $0["period"] is Int : $0["period"] == nil })
        // «осв» and «н/а» are final marks' values; null removes.
        #expect(try c.json(.put, api, #"{"student":\#(student),"kind":"final","value":"осв"}"#).status == 204)
        #expect(try c.json(.put, api, #"{"student":\#(student),"kind":"exam","value":null}"#).status == 204)
        marks = try #require(try finals()["marks"] as? [[String: Any]])
        #expect(marks.first { $0["kind"] as? String == "final" }?["value"] as? String == "осв")
        #expect(!marks.contains { $0["kind"] as? String == "exam" })
        // Every change is in the audit trail with what it replaced.
        let audit = try database.read { try $0.query("SELECT old_value, new_value FROM audit WHERE entity = 'period_mark' AND student_id = ? ORDER BY id", student) {
            ($0.optionalString(0), $0.optionalString(1)) } }
        #expect(audit.suffix(2).map(\.0) == ["5", "5"] && audit.suffix(2).map(\.1) == ["осв", nil])
        // The grid's tab and the class's summary show them; the diary too.
        let tab = String(decoding: try c.get("/journal/\(classID)/\(subject)?finals=1").body, as: UTF8.self)
        #expect(tab.contains("name=\"final_\(student)\"") && tab.contains("<option value=\"осв\" selected>"))
        let summary = try c.get("/classes/\(classID)/finals")
        #expect(summary.status == 200 && String(decoding: summary.body, as: UTF8.self).contains("title=\"Итоговая отметка: освобождён(а)\""))
    }

    /// Exam marks are for grades 9 and 11: the «Год и итог» tab shows their column there, and in
    /// another grade only once an exam mark was entered (a transfer exam, through the API).
    @Test func theExamColumnIsForGradesNineAndElevenAndWhereAnExamMarkIs() throws {
        let exam = "title=\"\(Words(.russian).kindName(.exam))\""
        let deputy = try signedIn(TestSchool.login(.deputy).login)
        func tab(_ classID: Int, _ subject: Int) throws -> String {
            let r = try deputy.get("/journal/\(classID)/\(subject)?finals=1")
            #expect(r.status == 200)
            return String(decoding: r.body, as: UTF8.self)
        }
        func firstSubject(_ classID: Int) throws -> Int {
            try #require(try database.read { c in try c.classSubjects(year: c.schoolClass(classID)!.yearID).first { $0.classID == classID }?.subjectID })
        }
        let ninth = try #require(try database.read { try $0.first("SELECT id FROM school_class WHERE grade = 9 ORDER BY id") { $0.int(0) } })
        #expect(try tab(ninth, firstSubject(ninth)).contains(exam))
        // A class teacher of grades 5–8 enters a transfer exam's mark through the API.
        let teacher = try #require(TestSchool.generated.logins.first { $0.role == .teacher && (5...8).contains(ClassName($0.className)?.grade ?? 0) })
        let classID = try classID(teacher.className)
        let subject = try firstSubject(classID)
        #expect(!(try tab(classID, subject).contains(exam)))
        let (student, last) = try database.read { c in
            (try c.journalStudents(classID: classID, groupID: nil, from: TestSchool.today, to: TestSchool.today).first!.id, try c.periods(classID: classID).last!)
        }
        try JournalDeskProbe(database: database).unlock(classID: classID, subject: subject, date: last.endsOn.iso, by: TestSchool.login(.deputy))
        let c = try signedIn(teacher.login)
        let api = "/api/v1/period-marks?class=\(classID)&subject=\(subject)"
        #expect(try c.json(.put, api, #"{"student":\#(student),"kind":"year","value":4,"reason":"переведён из другой школы"}"#).status == 204)
        #expect(try c.json(.put, api, #"{"student":\#(student),"kind":"exam","value":5}"#).status == 204)
        #expect(try tab(classID, subject).contains(exam))
        #expect(!(try tab(classID, try #require(try database.read { c in
            try c.classSubjects(year: c.schoolClass(classID)!.yearID).first { $0.classID == classID && $0.subjectID != subject }?.subjectID
        })).contains(exam)))
    }

    @Test func aPassFailSubjectsMarkNeverEntersAnAverage() throws {
        let (teacher, lesson, classID, subject) = try JournalTests().teacherLesson(on: "2026-11-20")
        _ = (teacher, lesson)
        let held = try #require(try database.read { c in
            try c.first("SELECT id, teacher_id FROM lesson WHERE class_id = ? AND subject_id = ? AND date = '2026-11-20' AND status = 'scheduled'",
                        classID, subject) { ($0.int(0), $0.int(1)) }
        })
        let login = try #require(TestSchool.generated.logins.first { $0.personID == held.1 })
        try database.write { c in
            try c.run("UPDATE subject SET scale = 'passfail' WHERE id = ?", subject)
            try c.run("DELETE FROM mark_report WHERE mark_id IN (SELECT m.id FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.subject_id = ?)", subject)
            try c.run("DELETE FROM mark WHERE lesson_id IN (SELECT id FROM lesson WHERE subject_id = ?)", subject)
        }
        let student = try #require(try database.read { c in
            try c.journalStudents(classID: classID, groupID: nil, from: CivilDate(iso: "2026-11-20")!, to: CivilDate(iso: "2026-11-20")!).first?.id
        })
        try database.write { try $0.run("DELETE FROM absence WHERE lesson_id = ? AND student_id = ?", held.0, student) }
        let c = try signedIn(login.login)
        // A number is off the scale; «зачёт» goes in.
        var r = try c.json(.post, "/api/v1/lessons/\(held.0)/marks", #"{"student":\#(student),"value":5,"workType":"У"}"#)
        #expect(try r.status == 409 && json(r)["error"] as? String == "wrong_scale")
        r = try c.json(.post, "/api/v1/lessons/\(held.0)/marks", #"{"student":\#(student),"value":"зачёт","workType":"У"}"#)
        #expect(r.status == 201)
        let markID = try #require(try json(r)["id"] as? Int)
        #expect(try c.json(.put, "/api/v1/marks/\(markID)", #"{"value":"незачёт"}"#).status == 204)
        // The grid: the mark as a string, no average for anyone.
        let grid = try json(try c.json(.get, "/api/v1/journal?class=\(classID)&subject=\(subject)"))
        #expect(grid["scale"] as? String == "passfail")
        #expect((grid["marks"] as? [[String: Any]])?.first { $0["id"] as? Int == markID }?["value"] as? String == "незачёт")
        #expect((grid["averages"] as? [Any])?.isEmpty == true)
        let page = String(decoding: try c.get("/journal/\(classID)/\(subject)").body, as: UTF8.self)
        #expect(page.contains("data-scale=\"passfail\"") && page.contains("class=\"m mf\""))
        // The diary: the mark shown, no average.
        let diary = try json(try Client(app).json(.get, "/api/v1/students/\(student)/marks"))
        _ = diary
        let sheet = try database.read { try $0.subjectMarks(student: student, classID: classID, from: CivilDate(iso: "2026-11-01")!, to: CivilDate(iso: "2026-11-30")!, period: nil) }
        let marks = try #require(sheet.first { $0.subjectID == subject })
        #expect(marks.marks.count == 1 && marks.weighted.isEmpty && marks.forecast(.standard) == nil && marks.passFailOnly)
    }

    @Test func anAcknowledgementCarriesAMessageAndAReportIsAnsweredAndClosed() throws {
        // A guardian of a child with marks, whose lesson's teacher has a login.
        let teachers = Set(TestSchool.generated.logins.filter { $0.role == .teacher }.map(\.personID))
        let found = try database.read { c -> (DemoLogin, Int, Int, Period, Int, Int)? in
            for guardian in TestSchool.generated.logins where guardian.role == .guardian {
                for child in guardian.children {
                    guard let classID = try c.diaryStudent(child, on: TestSchool.today)?.classID,
                          let period = try c.periods(classID: classID).first(where: { $0.endsOn < TestSchool.today }) else { continue }
                    let marks = try c.query("""
                        SELECT m.id, l.teacher_id FROM mark m JOIN lesson l ON l.id = m.lesson_id
                        WHERE m.student_id = ? AND l.actual_teacher_id IS NULL ORDER BY m.id DESC
                        """, child) { ($0.int(0), $0.int(1)) }
                    if let m = marks.first(where: { teachers.contains($0.1) }) { return (guardian, child, classID, period, m.0, m.1) }
                }
            }
            return nil
        }
        let (guardian, child, classID, period, mark, teacherID) = try #require(found)
        let g = try signedIn(guardian.login)
        try g.page("/diary/\(child)/finals")
        #expect(try g.post("/diary/\(child)/acknowledge", [("period", "\(period.id)"), ("message", "Спасибо, видели. Подтянем физику.")]).status == 303)
        let acks = try database.read { try $0.classAcknowledgements(classID: classID) }
        #expect(acks.contains { $0.studentID == child && $0.message == "Спасибо, видели. Подтянем физику." })
        #expect(String(decoding: try g.get("/diary/\(child)/finals").body, as: UTF8.self).contains("Подтянем физику"))
        // A wrong-mark report, answered and closed by the lesson's teacher.
        #expect(try g.post("/diary/\(child)/marks/\(mark)/report", [("text", "Была на олимпиаде, не отвечала.")]).status == 303)
        let report = try #require(try database.read { try $0.first("SELECT id FROM mark_report WHERE mark_id = ? ORDER BY id DESC", mark) { $0.int(0) } })
        // Another family cannot answer it; the teacher can.
        #expect(try g.post("/mark-reports/\(report)/answer", [("answer", "сам")]).status == 403)
        let teacher = try #require(TestSchool.generated.logins.first { $0.personID == teacherID })
        let t = try signedIn(teacher.login)
        #expect(String(decoding: try t.page("/").body, as: UTF8.self).contains("/mark-reports/\(report)/answer"))
        let answered = try t.post("/mark-reports/\(report)/answer", [("answer", "Исправлю: отметка стоит по ошибке."), ("close", "1"), ("back", "/")])
        #expect(answered.status == 303 && answered.headers["location"] == "/?answered=1")
        // Back home, the teacher is told the answer went.
        #expect(try t.get("/?answered=1").text.contains("<p class=\"notice\">\(Words.russian.reportAnswered)</p>"))
        #expect(try database.read { try $0.markReports(teacher: teacherID).contains { $0.id == report } } == false)
        #expect(try t.post("/mark-reports/\(report)/answer", [("answer", "ещё")]).status == 422)  // closed
        // The family reads the answer beside the mark.
        let markDate = try database.read { c in try c.first("SELECT l.date FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE m.id = ?", mark) { try $0.date(0) } }!
        let periodID = try database.read { try $0.periods(classID: classID).first { $0.dates.contains(markDate) }!.id }
        let diary = String(decoding: try g.get("/diary/\(child)/marks?period=\(periodID)").body, as: UTF8.self)
        #expect(diary.contains("Исправлю: отметка стоит по ошибке.") && diary.contains("закрыто"))
        let audit = try database.read { try $0.first("SELECT count(*) FROM audit WHERE action = 'mark.report_answer' AND entity_id = ?", report) { $0.int(0) } }
        #expect(audit == 1)
    }
}
