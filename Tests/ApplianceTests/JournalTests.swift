import Appliance
import Desks
import Domain
import Foundation
import HTTP
import Journal
import Setup
import Storage
import Testing

/// The journal over HTTP: the API's answers and refusals, the rules as a teacher meets
/// them, the audit trail, and the pages.
@Suite struct JournalTests {
    let database = try! TestSchool.copy()
    var app: App { TestSchool.app(database) }

    func signedIn(_ login: String) throws -> Client {
        let c = Client(app)
        #expect(try c.signIn(login).status == 303)
        return c
    }

    /// A teacher with a lesson of a marked class on `date` (at or before `bell`), and that lesson.
    func teacherLesson(on date: String, maxBell: Int = 1, classTeacher: Bool? = nil) throws -> (login: DemoLogin, lesson: Int, classID: Int, subject: Int) {
        let teachers = TestSchool.generated.logins.filter { $0.role == .teacher && (classTeacher == nil || classTeacher! == !$0.className.isEmpty) }
        let byPerson = Dictionary(teachers.map { ($0.personID, $0) }) { a, _ in a }
        let rows = try database.read { try $0.query("""
            SELECT l.teacher_id, l.id, l.class_id, l.subject_id FROM lesson l JOIN school_class c ON c.id = l.class_id
            WHERE l.date = ? AND l.bell_number <= ? AND c.grade >= 5 AND l.status = 'scheduled' AND l.actual_teacher_id IS NULL AND l.group_id IS NULL
            ORDER BY l.id
            """, date, maxBell) { ($0.int(0), $0.int(1), $0.int(2), $0.int(3)) } }
        let (t, lesson, classID, subject) = try #require(rows.first { byPerson[$0.0] != nil })
        return (byPerson[t]!, lesson, classID, subject)
    }

    func student(of lesson: Int) throws -> Int {
        try #require(try database.read { c in
            let l = try c.journalLesson(lesson)!
            return try c.journalStudents(classID: l.classID, groupID: l.groupID, from: l.date, to: l.date).first?.id
        })
    }

    func markCount(_ lesson: Int) throws -> Int {
        try database.read { try $0.first("SELECT count(*) FROM mark WHERE lesson_id = ?", lesson) { $0.int(0) } } ?? 0
    }

    func json(_ r: Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any])
    }

    @Test func aTeacherPutsAMarkAndTheAuditTrailHasIt() throws {
        let (teacher, lesson, classID, _) = try teacherLesson(on: "2026-11-23")
        let student = try student(of: lesson)
        let c = try signedIn(teacher.login)
        let before = try markCount(lesson)
        let r = try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":5,"workType":"КР"}"#)
        #expect(r.status == 201)
        let id = try #require(try json(r)["id"] as? Int)
        // The same submission again finds the first mark.
        let again = try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":5,"workType":"КР"}"#)
        #expect(again.status == 200)
        #expect(try json(again)["id"] as? Int == id)
        #expect(try markCount(lesson) == before + 1)
        // A different value of the same work type is a change, not a second mark.
        let other = try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":3,"workType":"КР"}"#)
        #expect(other.status == 409)
        #expect(try json(other)["error"] as? String == "mark_exists")
        #expect(try c.json(.put, "/api/v1/marks/\(id)", #"{"value":4,"reason":"пересчёт баллов"}"#).status == 204)
        #expect(try c.json(.delete, "/api/v1/marks/\(id)?reason=%D0%BE%D1%88%D0%B8%D0%B1%D0%BA%D0%B0").status == 204)
        #expect(try markCount(lesson) == before)

        let admin = try signedIn(TestSchool.login(.administrator).login)
        let audit = try admin.get("/api/v1/audit?lesson=\(lesson)")
        #expect(audit.status == 200)
        let entries = try #require(try json(audit)["entries"] as? [[String: Any]])
        let actions = entries.compactMap { $0["action"] as? String }
        #expect(actions == ["mark.delete", "mark.change", "mark.create"])
        let change = entries[1]
        #expect(change["oldValue"] as? String == "5 КР")
        #expect(change["newValue"] as? String == "4 КР")
        #expect(change["student"] as? Int == student)
        #expect(change["class"] as? Int == classID)
        #expect(change["via"] as? String == "api")
        #expect(change["reason"] as? String == "пересчёт баллов")
        #expect(entries[0]["reason"] as? String == "ошибка")
        #expect(change["login"] as? String == teacher.login)
        // Filters narrow it down; the teacher may not read the trail.
        #expect((try json(try admin.get("/api/v1/audit?student=\(student)&from=2026-11-23&to=2026-11-23"))["entries"] as? [Any])?.count == 3)
        #expect((try json(try admin.get("/api/v1/audit?lesson=\(lesson)&from=2026-11-24&to=2026-11-30"))["entries"] as? [Any])?.count == 0)
        #expect(try c.get("/api/v1/audit?lesson=\(lesson)").status == 403)
        // Ids are 1 and up, as docs/openapi.yaml says; an empty filter is one left out.
        #expect(try admin.get("/api/v1/audit?teacher=-5").status == 400)
        #expect(try admin.get("/api/v1/audit?lesson=\(lesson)&to=").status == 200)
    }

    @Test func badValuesAre422AndSaveNothing() throws {
        let (teacher, lesson, _, _) = try teacherLesson(on: "2026-11-23")
        let student = try student(of: lesson)
        let c = try signedIn(teacher.login)
        let before = try markCount(lesson)
        for (body, code) in [
            (#"{"student":\#(student),"value":6,"workType":"У"}"#, "invalid_value"),
            (#"{"student":\#(student),"value":0,"workType":"У"}"#, "invalid_value"),
            (#"{"student":\#(student),"value":5,"workType":"ЖЖ"}"#, "invalid_workType"),
            (#"{"student":1,"value":5,"workType":"У"}"#, "invalid_student"),
        ] {
            let r = try c.json(.post, "/api/v1/lessons/\(lesson)/marks", body)
            #expect(r.status == 422, "\(body)")
            #expect(try json(r)["error"] as? String == code)
            #expect((try json(r)["message"] as? String)?.isEmpty == false)
        }
        #expect(try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"value":"пять"}"#).status == 400)
        #expect(try c.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(student)", #"{"code":"Z"}"#).status == 422)
        #expect(try markCount(lesson) == before)
    }

    @Test func futureAndOldLessonsAreLocked() throws {
        let (teacher, future, _, _) = try teacherLesson(on: "2026-11-24")
        let student = try student(of: future)
        let c = try signedIn(teacher.login)
        let r = try c.json(.post, "/api/v1/lessons/\(future)/marks", #"{"student":\#(student),"value":5,"workType":"У"}"#)
        #expect(r.status == 409)
        #expect(try json(r)["error"] as? String == "future_lesson")
        #expect(try c.json(.put, "/api/v1/lessons/\(future)/attendance/\(student)", #"{"code":"Н"}"#).status == 409)
        // Topic and homework may be written in advance.
        #expect(try c.json(.put, "/api/v1/lessons/\(future)", #"{"topic":"Повторение","homework":"§ 12, № 3"}"#).status == 204)
        #expect(try database.read { try $0.journalLesson(future)?.homework } == "§ 12, № 3")

        // Three weeks ago is outside the default two-week window…
        let (oldTeacher, old, classID, subject) = try teacherLesson(on: "2026-11-02")
        let oldStudent = try self.student(of: old)
        let t = try signedIn(oldTeacher.login)
        let closed = try t.json(.post, "/api/v1/lessons/\(old)/marks", #"{"student":\#(oldStudent),"value":4,"workType":"У"}"#)
        #expect(closed.status == 409)
        #expect(try json(closed)["error"] as? String == "edit_window_closed")
        // …until the deputy unlocks those dates for the class's subject.
        let deputy = Client(app)
        _ = try deputy.signIn(TestSchool.login(.deputy).login)
        let desk = JournalDeskProbe(database: database)
        try desk.unlock(classID: classID, subject: subject, date: "2026-11-02", by: TestSchool.login(.deputy))
        #expect(try t.json(.post, "/api/v1/lessons/\(old)/marks", #"{"student":\#(oldStudent),"value":4,"workType":"У"}"#).status == 201)
    }

    @Test func theEditWindowIsASetting() throws {
        let (teacher, old, _, _) = try teacherLesson(on: "2026-11-02")
        let student = try student(of: old)
        let c = try signedIn(teacher.login)
        try database.write { try $0.setSetting("edit_window", "never") }
        #expect(try c.json(.post, "/api/v1/lessons/\(old)/marks", #"{"student":\#(student),"value":4,"workType":"У"}"#).status == 201)
        try database.write { try $0.setSetting("edit_window", "1w") }
        let r = try c.json(.post, "/api/v1/lessons/\(old)/marks", #"{"student":\#(student),"value":4,"workType":"Т"}"#)
        #expect(r.status == 409)
        #expect(try json(r)["error"] as? String == "edit_window_closed")
        // The page tells the truth: no fields that would only refuse after saving, and why.
        let page = try c.page("/lessons/\(old)")
        #expect(page.text.contains("только для просмотра"))
        #expect(!page.text.contains("class=\"mark-input\""))
        #expect(!page.text.contains("name=\"a_\(student)\""))
        #expect(!page.text.contains("id=\"entries\""))
        try database.write { try $0.setSetting("edit_window", "never") }
        #expect(try c.page("/lessons/\(old)").text.contains("class=\"mark-input\""))
    }

    @Test func anotherTeachersLessonIs403AndAudited() throws {
        let (_, lesson, _, subject) = try teacherLesson(on: "2026-11-23")
        let student = try student(of: lesson)
        let stranger = try #require(TestSchool.generated.logins.first { login in
            login.role == .teacher && login.className.isEmpty && (try? database.read { c in
                try c.first("SELECT 1 FROM teaching_assignment WHERE teacher_id = ? AND subject_id = ?", login.personID, subject) { _ in true }
            }) == nil
        })
        let c = try signedIn(stranger.login)
        let r = try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":5,"workType":"У"}"#)
        #expect(r.status == 403)
        RefusalLog(database: database).flush()
        let denied = try database.read { try $0.first("SELECT count(*) FROM audit WHERE action = 'access.denied' AND new_value LIKE ?",
                                                      "%/api/v1/lessons/\(lesson)/marks") { $0.int(0) } }
        #expect(denied == 1)
        #expect(try c.get("/lessons/\(lesson)").status == 403)
    }

    @Test func aTransferWindowRecordsEntriesAsTransferred() throws {
        let (teacher, old, _, _) = try teacherLesson(on: "2026-11-02")
        let student = try student(of: old)
        try JournalDeskProbe(database: database).openTransfer(date: "2026-11-02", by: TestSchool.login(.deputy))
        let c = try signedIn(teacher.login)
        let r = try c.json(.post, "/api/v1/lessons/\(old)/marks", #"{"student":\#(student),"value":3,"workType":"СР"}"#)
        #expect(r.status == 201)
        let id = try #require(try json(r)["id"] as? Int)
        #expect(try database.read { try $0.journalMark(id)?.transferred } == true)
        let reason = try database.read { try $0.first("SELECT reason FROM audit WHERE action = 'mark.create' AND entity_id = ?", id) { $0.string(0) } }
        #expect(reason == "перенос из бумажного журнала")
    }

    /// A subject taught in two groups, a teacher of the first group, and a student of each.
    func groupedSubject() throws -> (teacher: DemoLogin, classID: Int, subject: Int, group: Int, otherGroup: Int, own: Int, other: Int) {
        let teachers = Dictionary(TestSchool.generated.logins.filter { $0.role == .teacher }.map { ($0.personID, $0) }) { a, _ in a }
        let rows = try database.read { try $0.query("""
            SELECT a.teacher_id, a.class_id, a.subject_id, a.group_id, b.group_id,
                   (SELECT min(student_id) FROM group_member WHERE group_id = a.group_id),
                   (SELECT min(student_id) FROM group_member WHERE group_id = b.group_id)
            FROM teaching_assignment a JOIN teaching_assignment b ON b.class_id = a.class_id AND b.subject_id = a.subject_id AND b.group_id <> a.group_id
            JOIN school_class c ON c.id = a.class_id
            WHERE a.group_id IS NOT NULL AND a.teacher_id <> b.teacher_id AND c.grade >= 5 ORDER BY a.id
            """) { ($0.int(0), $0.int(1), $0.int(2), $0.int(3), $0.int(4), $0.int(5), $0.int(6)) } }
        let r = try #require(rows.first { teachers[$0.0] != nil })
        return (teachers[r.0]!, r.1, r.2, r.3, r.4, r.5, r.6)
    }

    /// The defect: the teacher of one group set period marks for the other group's students
    /// (the group came from the query, and a missing one matched any group).
    @Test func aGroupsTeacherReachesOnlyThatGroupsStudents() throws {
        let g = try groupedSubject()
        let period = try #require(try database.read { try $0.periods(classID: g.classID).first { $0.startsOn <= TestSchool.today && TestSchool.today <= $0.endsOn } })
        try JournalDeskProbe(database: database).unlock(classID: g.classID, subject: g.subject, date: period.endsOn.iso, by: TestSchool.login(.deputy))
        let c = try signedIn(g.teacher.login)
        let scope = "class=\(g.classID)&subject=\(g.subject)"
        let other = #"{"student":\#(g.other),"period":\#(period.id),"value":5}"#
        // Without a group: the whole class's subject is not theirs.
        #expect(try c.json(.put, "/api/v1/period-marks?\(scope)", other).status == 403)
        // With their own group named: the student's group is worked out by the server.
        #expect(try c.json(.put, "/api/v1/period-marks?\(scope)&group=\(g.group)", other).status == 403)
        #expect(try c.json(.put, "/api/v1/period-marks?\(scope)&group=\(g.otherGroup)", other).status == 403)
        #expect(try database.read { try $0.periodMarkValue(student: g.other, subject: g.subject, period: period.id) } == nil)
        // Their own group's student: saved.
        #expect(try c.json(.put, "/api/v1/period-marks?\(scope)&group=\(g.group)", #"{"student":\#(g.own),"period":\#(period.id),"value":5}"#).status == 204)
        #expect(try database.read { try $0.periodMarkValue(student: g.own, subject: g.subject, period: period.id) } == 5)
        // The other group's grid and lessons are closed to them too.
        #expect(try c.json(.get, "/api/v1/journal?\(scope)&group=\(g.otherGroup)").status == 403)
        // Naming no group, they read their own group's (the group rule for reads, issue 16.7).
        let unnamed = try c.json(.get, "/api/v1/journal?\(scope)")
        #expect(unnamed.status == 200)
        let students = try #require(try json(unnamed)["students"] as? [[String: Any]]).compactMap { $0["id"] as? Int }
        #expect(students.contains(g.own) && !students.contains(g.other))
        let lessons = try database.read { c in
            try c.query("SELECT id, group_id FROM lesson WHERE class_id = ? AND subject_id = ? AND date <= '2026-11-23' AND status = 'scheduled' AND actual_teacher_id IS NULL ORDER BY date DESC, bell_number",
                        g.classID, g.subject) { ($0.int(0), $0.int(1)) }
        }
        let otherLesson = try #require(lessons.first { $0.1 == g.otherGroup }).0
        let ownLesson = try #require(lessons.first { $0.1 == g.group }).0
        #expect(try c.json(.post, "/api/v1/lessons/\(otherLesson)/marks", #"{"student":\#(g.other),"value":5,"workType":"У"}"#).status == 403)
        #expect(try c.json(.put, "/api/v1/lessons/\(otherLesson)/attendance/\(g.other)", #"{"code":"Н"}"#).status == 403)
        // Their own lesson does not take the other group's student: marks, absences, remarks, homework.
        #expect(try c.json(.post, "/api/v1/lessons/\(ownLesson)/marks", #"{"student":\#(g.other),"value":5,"workType":"У"}"#).status == 422)
        #expect(try c.json(.put, "/api/v1/lessons/\(ownLesson)/attendance/\(g.other)", #"{"code":"Н"}"#).status == 422)
        let probe = JournalDeskProbe(database: database), desk = JournalDesk(database: database, utcOffsetMinutes: 180)
        let notOnList = DeskError.invalid("Этого обучающегося нет в списке класса (группы) на дату урока.", field: "student")
        let held = try #require(try database.read { c in
            try c.first("SELECT id FROM lesson WHERE group_id = ? AND date < '2026-11-23' AND status = 'scheduled' ORDER BY date DESC LIMIT 1", g.group) { $0.int(0) }
        })
        #expect(throws: notOnList) { try desk.addRemark(lesson: held, student: g.other, text: "Молодец", praise: true, by: try probe.editor(g.teacher)) }
        #expect(throws: notOnList) { try desk.setIndividualHomework(lesson: ownLesson, student: g.other, text: "§ 3", by: try probe.editor(g.teacher)) }
        #expect(throws: DeskError.forbidden) {
            try desk.setPeriodMark(classID: g.classID, subjectID: g.subject, period: period.id, student: g.other, value: 4, by: try probe.editor(g.teacher))
        }
    }

    /// A group's teacher loads the class's КТП: topics go into their group's lessons, counted
    /// per group; the other group's lessons are not theirs to fill.
    @Test func aGroupsTeacherFillsOnlyTheirGroupsTopicsFromThePlan() throws {
        let g = try groupedSubject()
        try database.write { try $0.run("UPDATE lesson SET topic = '', plan_topic_id = NULL WHERE class_id = ? AND subject_id = ? AND date >= '2026-11-24'", g.classID, g.subject) }
        let outcome = try PlanDesk(database: database).replace(classID: g.classID, subjectID: g.subject, topics: [("Неправильные глаголы", 200)],
                                                               by: try JournalDeskProbe(database: database).editor(g.teacher))
        #expect(outcome.filled > 0)
        let future = try database.read { try $0.query("""
            SELECT group_id, topic FROM lesson WHERE class_id = ? AND subject_id = ? AND date >= '2026-11-24' AND status = 'scheduled'
            """, g.classID, g.subject) { ($0.optionalInt(0), $0.string(1)) } }
        #expect(future.contains { $0.0 == g.group } && future.filter { $0.0 == g.group }.allSatisfy { $0.1 == "Неправильные глаголы" })
        #expect(future.contains { $0.0 == g.otherGroup } && future.filter { $0.0 == g.otherGroup }.allSatisfy { $0.1.isEmpty })
        // The plan is the class's: when one group's teacher loads it again, the other group's
        // lessons keep their link to a topic the new plan still has.
        _ = try PlanDesk(database: database).replace(classID: g.classID, subjectID: g.subject, topics: [("Неправильные глаголы", 200)],
                                                     by: .console(at: TestSchool.clock.unixNow()))
        let linked = { try self.database.read { try $0.first("""
            SELECT count(*) FROM lesson WHERE class_id = ? AND subject_id = ? AND group_id = ? AND plan_topic_id IS NOT NULL
            """, g.classID, g.subject, g.otherGroup) { $0.int(0) } } ?? 0 }
        let before = try linked()
        #expect(before > 0)
        _ = try PlanDesk(database: database).replace(classID: g.classID, subjectID: g.subject, topics: [("Неправильные глаголы", 150), ("Артикли", 50)],
                                                     by: try JournalDeskProbe(database: database).editor(g.teacher))
        #expect(try linked() == before)
        // Someone who teaches neither group loads nothing.
        let teaching = Set(try database.read { try $0.query("SELECT teacher_id FROM teaching_assignment WHERE class_id = ? AND subject_id = ?",
                                                             g.classID, g.subject) { $0.int(0) } })
        let stranger = try #require(TestSchool.generated.logins.first { $0.role == .teacher && !teaching.contains($0.personID) })
        #expect(throws: DeskError.forbidden) {
            _ = try PlanDesk(database: database).replace(classID: g.classID, subjectID: g.subject, topics: [("Тема", 1)],
                                                         by: try JournalDeskProbe(database: database).editor(stranger))
        }
    }

    /// A student marked absent gets a mark only when the teacher confirms it.
    @Test func anAbsentStudentsMarkNeedsConfirming() throws {
        let (teacher, lesson, _, _) = try teacherLesson(on: "2026-11-23")
        let student = try student(of: lesson)
        let c = try signedIn(teacher.login)
        #expect(try c.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(student)", #"{"code":"Б"}"#).status == 204)
        let refused = try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":5,"workType":"У"}"#)
        #expect(refused.status == 409)
        #expect(try json(refused)["error"] as? String == "student_absent")
        #expect(try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":5,"workType":"У","confirm":true}"#).status == 201)
        // On the page: the mark comes back with a box to confirm, then it is saved.
        _ = try c.page("/lessons/\(lesson)")
        let asked = try c.post("/lessons/\(lesson)/entries", [("a_\(student)", "Б"), ("m_\(student)", "4"), ("w_\(student)", String(try workTypeID("СР")))])
        #expect(asked.status == 422)
        #expect(asked.text.contains("name=\"c_\(student)\""))
        #expect(asked.text.contains("value=\"4\""))
        let confirmed = try c.post("/lessons/\(lesson)/entries", [("a_\(student)", "Б"), ("m_\(student)", "4"), ("w_\(student)", String(try workTypeID("СР"))),
                                                                   ("c_\(student)", "1")])
        #expect(confirmed.status == 303)
        #expect(try database.read { try $0.journalMark(lesson: lesson, student: student, workType: try workTypeID("СР"))?.value } == 4)
    }

    func workTypeID(_ code: String) throws -> Int {
        try #require(try database.read { try $0.workTypes().first { $0.code == code }?.id })
    }

    @Test func aPeriodMarkClosesThatPeriodsMarks() throws {
        let (teacher, lesson, classID, subject) = try teacherLesson(on: "2026-11-23")
        let student = try student(of: lesson)
        let c = try signedIn(teacher.login)
        let period = try #require(try database.read { try $0.journalLesson(lesson)?.period })
        let scope = "class=\(classID)&subject=\(subject)"
        // Not in the period's last two weeks yet.
        let early = try c.json(.put, "/api/v1/period-marks?\(scope)", #"{"student":\#(student),"period":\#(period.id),"value":4}"#)
        #expect(early.status == 409)
        #expect(try json(early)["error"] as? String == "period_mark_window")
        // The deputy opens the period's last day; the teacher sets the mark.
        try JournalDeskProbe(database: database).unlock(classID: classID, subject: subject, date: period.endsOn.iso, by: TestSchool.login(.deputy))
        #expect(try c.json(.put, "/api/v1/period-marks?\(scope)", #"{"student":\#(student),"period":\#(period.id),"value":4}"#).status == 204)
        let locked = try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":5,"workType":"У"}"#)
        #expect(locked.status == 409)
        #expect(try json(locked)["error"] as? String == "period_closed")
        // The lesson page offers that student no fields that would be refused.
        let page = try c.page("/lessons/\(lesson)").text
        #expect(page.contains("Итоговая за период выставлена"))
        #expect(!page.contains("name=\"m_\(student)\""))
        // …unless the deputy unlocks the lesson's date: then the rule lets the mark in, and so does the page.
        try JournalDeskProbe(database: database).unlock(classID: classID, subject: subject, date: "2026-11-23", by: TestSchool.login(.deputy))
        #expect(try c.page("/lessons/\(lesson)").text.contains("name=\"m_\(student)\""))
        #expect(try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":5,"workType":"У"}"#).status == 201)
        // The grid shows it.
        let grid = try c.json(.get, "/api/v1/journal?\(scope)&period=\(period.id)")
        let marks = try #require(try json(grid)["periodMarks"] as? [[String: Any]])
        #expect(marks.contains { $0["student"] as? Int == student && $0["value"] as? Int == 4 })
    }

    @Test func theClassTeacherCorrectsAbsenceReasonsOnly() throws {
        // A lesson of the class teacher's class, taught by someone else, last Thursday.
        let classTeacher = try #require(TestSchool.generated.logins.first { $0.role == .teacher && (ClassName($0.className)?.grade ?? 0) >= 5 })
        let classID = try #require(try database.read { try $0.first("SELECT id FROM school_class WHERE class_teacher_id = ?", classTeacher.personID) { $0.int(0) } })
        let (lesson, teacher) = try #require(try database.read { try $0.first("""
            SELECT id, teacher_id FROM lesson WHERE class_id = ? AND date = '2026-11-19' AND teacher_id <> ? AND group_id IS NULL AND status = 'scheduled' ORDER BY bell_number
            """, classID, classTeacher.personID) { ($0.int(0), $0.int(1)) } })
        _ = teacher
        let student = try student(of: lesson)
        try database.write { try $0.run("DELETE FROM absence WHERE lesson_id = ? AND student_id = ?", lesson, student) }
        let c = try signedIn(classTeacher.login)
        // Setting a new absence is the lesson teacher's job…
        #expect(try c.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(student)", #"{"code":"Н"}"#).status == 403)
        try database.write { try $0.setAbsence(lesson: lesson, student: student, code: .unexcused, by: teacher, at: 0, transferred: false) }
        // The lesson page offers the class teacher a reason for that absence only.
        let page = try c.get("/lessons/\(lesson)").text
        #expect(page.contains("name=\"a_\(student)\""))
        #expect(page.components(separatedBy: "<select name=\"a_").count - 1 == 1 + (try database.read {
            try $0.first("SELECT count(*) FROM absence WHERE lesson_id = ? AND student_id <> ?", lesson, student) { $0.int(0) } ?? 0 }))
        #expect(!page.contains(">был</option>"))
        // …correcting its reason within two working days (Friday, Monday) is the class teacher's.
        #expect(try c.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(student)", #"{"code":"Б"}"#).status == 204)
        #expect(try database.read { try $0.absenceCode(lesson: lesson, student: student) } == .ill)
        #expect(try c.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(student)", #"{"code":null}"#).status == 403)
        // «О» (late) means the student was there: not a reason of an absence.
        #expect(try c.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(student)", #"{"code":"О"}"#).status == 403)
        try database.write { try $0.setSetting("absence_correction_days", "1") }
        let late = try c.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(student)", #"{"code":"У"}"#)
        #expect(late.status == 409)
        #expect(try json(late)["error"] as? String == "absence_correction_window")
        let trail = try database.read { try $0.auditEntries(AuditFilter(lesson: lesson, student: student)) }
        #expect(trail.map(\.action) == ["absence.change"])
        #expect(trail.first?.oldValue == "Н" && trail.first?.newValue == "Б")
    }

    @Test func whatATeacherMayDoFollowsTheirTeachingAtOnce() throws {
        let (teacher, _, classID, subject) = try teacherLesson(on: "2026-11-23")
        let c = try signedIn(teacher.login)
        #expect(try c.get("/journal/\(classID)/\(subject)").status == 200)
        // The assignment is taken away by another program: the session's cached actor is stale now.
        let other = try Database.open(path: database.path, create: false)
        try other.write { try $0.run("DELETE FROM teaching_assignment WHERE teacher_id = ? AND class_id = ? AND subject_id = ?", teacher.personID, classID, subject) }
        other.close()
        #expect(try c.get("/journal/\(classID)/\(subject)").status == 403)
        // A locked account is out at its next request.
        let again = try signedIn(teacher.login)
        #expect(try again.get("/day").status == 200)
        try database.write { try $0.lockAccount(try $0.account(login: teacher.login)!.id, reason: "тест", at: 0) }
        #expect(try again.get("/day").status == 303)
    }

    @Test func theJournalAPIGivesTheGrid() throws {
        let (teacher, lesson, classID, subject) = try teacherLesson(on: "2026-11-23")
        let c = try signedIn(teacher.login)
        let r = try c.get("/api/v1/journal?class=\(classID)&subject=\(subject)&from=2026-11-01&to=2026-11-30")
        #expect(r.status == 200)
        #expect(r.headers["cache-control"] == "no-store")
        let body = try json(r)
        let lessons = try #require(body["lessons"] as? [[String: Any]])
        #expect(lessons.contains { $0["id"] as? Int == lesson && $0["date"] as? String == "2026-11-23" })
        #expect(lessons.allSatisfy { $0["topic"] is String && $0["homework"] is String })
        #expect((body["students"] as? [[String: Any]])?.isEmpty == false)
        #expect(body["marks"] is [Any] && body["absences"] is [Any] && body["periodMarks"] is [Any])
        #expect(try c.get("/api/v1/journal?class=\(classID)").status == 400)
        #expect(try c.get("/api/v1/journal?class=\(classID)&subject=\(subject)&from=2026-13-01&to=2026-11-30").status == 400)
    }

    @Test func theLessonPageSavesMarksThroughAPlainForm() throws {
        let (teacher, lesson, _, _) = try teacherLesson(on: "2026-11-23")
        let student = try student(of: lesson)
        let c = try signedIn(teacher.login)
        let day = try c.get("/day")
        #expect(day.status == 200)
        #expect(day.text.contains("href=\"/lessons/\(lesson)\""))
        let page = try c.page("/lessons/\(lesson)")
        #expect(page.status == 200)
        #expect(page.text.contains("name=\"m_\(student)\""))
        let workType = try #require(try database.read { try $0.workTypes().first { $0.code == "СР" }?.id })
        let before = try markCount(lesson)
        // A wrong value comes back next to its field, with what was typed.
        let bad = try c.post("/lessons/\(lesson)/entries", [("m_\(student)", "7"), ("w_\(student)", String(workType))])
        #expect(bad.status == 422)
        #expect(bad.text.contains("class=\"field-error\">Отметка — цифра от 1 до 5."))
        #expect(bad.text.contains("value=\"7\""))
        #expect(try markCount(lesson) == before)
        let ok = try c.post("/lessons/\(lesson)/entries", [("m_\(student)", "5"), ("w_\(student)", String(workType)), ("a_\(student)", "")])
        #expect(ok.status == 303)
        // A double submission of the same form saves one mark.
        _ = try c.post("/lessons/\(lesson)/entries", [("m_\(student)", "5"), ("w_\(student)", String(workType))])
        #expect(try markCount(lesson) == before + 1)
        let after = try c.get("/lessons/\(lesson)")
        #expect(after.text.contains("5<sub>СР</sub>"))
        // Topic from the plan, and homework.
        #expect(try c.post("/lessons/\(lesson)", [("topic", "Новая тема <b>"), ("homework", "Упр. 5")]).status == 303)
        let shown = try c.get("/lessons/\(lesson)").text
        #expect(shown.contains("Новая тема &lt;b&gt;"))
        #expect(try c.post("/lessons/\(lesson)/remarks", [("student", String(student)), ("kind", "praise"), ("text", "Отличный ответ")]).status == 303)
        #expect(try c.post("/lessons/\(lesson)/remarks", [("student", String(student)), ("kind", "remark"), ("text", "  ")]).status == 422)
    }

    @Test func theGridShowsAveragesAndIsReadOnlyForTheAdministration() throws {
        let (teacher, _, classID, subject) = try teacherLesson(on: "2026-11-23")
        let c = try signedIn(teacher.login)
        let grid = try c.get("/journal/\(classID)/\(subject)")
        #expect(grid.status == 200)
        #expect(grid.text.contains("table class=\"journal-grid\" data-editable=\"true\""))
        #expect(grid.text.contains("grid.js"))
        #expect(grid.text.contains("<details><summary>"))
        #expect(grid.text.contains(") / ("))
        // The grid is cached under the journal's version: a new mark, or a change made by
        // another program on the same file, shows at once.
        let (_, lesson, _, _) = try teacherLesson(on: "2026-11-23")
        let student = try student(of: lesson)
        let created = try c.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":2,"workType":"Т"}"#)
        let id = try #require(try json(created)["id"] as? Int)
        #expect(try c.get("/journal/\(classID)/\(subject)").text.contains("data-id=\"\(id)\""))
        let other = try Database.open(path: database.path, create: false)
        try other.write { try $0.run("UPDATE mark SET value = 5 WHERE id = ?", id) }
        other.close()
        #expect(try c.get("/journal/\(classID)/\(subject)").text.contains("<span class=\"m m5\" data-id=\"\(id)\""))
        let list = try c.get("/journal")
        #expect(list.text.contains("href=\"/journal/\(classID)/\(subject)"))

        let director = try signedIn(TestSchool.login(.director).login)
        let readOnly = try director.get("/journal/\(classID)/\(subject)")
        #expect(readOnly.status == 200)
        #expect(readOnly.text.contains("data-editable=\"false\""))
        #expect(!readOnly.text.contains("tabindex"))
        #expect(!readOnly.text.contains("grid.js"))
        let guardian = try signedIn(TestSchool.login(.guardian).login)
        #expect(try guardian.get("/journal/\(classID)/\(subject)").status == 403)
        #expect(try guardian.get("/api/v1/journal?class=\(classID)&subject=\(subject)").status == 403)
    }
}

/// The deputy's side of the desk, straight through `JournalDesk` (its pages have their own tests).
struct JournalDeskProbe {
    let database: Database

    func editor(_ login: DemoLogin) throws -> Editor {
        let actor = try database.read { c in try c.actor(account: c.account(person: login.personID)!, session: nil, today: TestSchool.today) }
        return Editor(actor: actor, session: nil, via: .cli, at: TestSchool.clock.unixNow())
    }

    func unlock(classID: Int, subject: Int, date: String, by login: DemoLogin) throws {
        let d = CivilDate(iso: date)!
        _ = try JournalDesk(database: database, utcOffsetMinutes: 180).grantUnlock(classID: classID, subjectID: subject, dates: d...d,
                                                                                     until: TestSchool.clock.unixNow() + 3600, reason: "тест", by: editor(login))
    }

    func openTransfer(date: String, by login: DemoLogin) throws {
        let d = CivilDate(iso: date)!
        _ = try JournalDesk(database: database, utcOffsetMinutes: 180).openTransferWindow(dates: d...d, until: TestSchool.clock.unixNow() + 3600,
                                                                                            reason: "сбой сервера", by: editor(login))
    }
}
