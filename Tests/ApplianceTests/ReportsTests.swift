import Appliance
import Domain
import Foundation
import HTTP
import Setup
import Storage
import Testing

/// The reports over HTTP: the progress report's figures against a recount from the journal's
/// own API, who may read which class's report, the page and the CSV export.
@Suite struct ReportsTests {
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

    /// A class teacher of a marked class (grade 5 and above), their class and its current period.
    func classTeacher() throws -> (login: DemoLogin, classID: Int, period: Period) {
        let login = try #require(TestSchool.generated.logins.first { $0.role == .teacher && (ClassName($0.className)?.grade ?? 0) >= 5 })
        let classID = try #require(try database.read { try $0.first("SELECT id FROM school_class WHERE class_teacher_id = ?", login.personID) { $0.int(0) } })
        let period = try #require(try database.read { try $0.periods(classID: classID) }.first { $0.dates.contains(TestSchool.today) })
        return (login, classID, period)
    }

    @Test func progressQualityAndSuccessEqualARecountFromTheJournal() throws {
        let (_, classID, period) = try classTeacher()
        let c = try signedIn(TestSchool.login(.deputy).login)
        let body = try json(try c.get("/api/v1/reports/progress?class=\(classID)&period=\(period.id)"))
        #expect(body["preliminary"] as? Bool == true)
        let subjects = try #require(body["subjects"] as? [[String: Any]])
        #expect(!subjects.isEmpty)
        var checked = 0
        for s in subjects {
            let id = try #require(s["subject"] as? Int)
            let sheet = try json(try c.get("/api/v1/journal?class=\(classID)&subject=\(id)&period=\(period.id)"))
            let averages = try #require(sheet["averages"] as? [[String: Any]])
            let forecasts = averages.compactMap { $0["forecast"] as? Int }
            #expect(s["rated"] as? Int == forecasts.count)
            #expect(s["students"] as? Int == (sheet["students"] as? [Any])?.count)
            guard !forecasts.isEmpty else { #expect(s["quality"] == nil && s["success"] == nil); continue }
            func percent(_ n: Int) -> Double { (Double(n) * 1000 / Double(forecasts.count)).rounded() / 10 }
            #expect(s["quality"] as? Double == percent(forecasts.filter { $0 >= 4 }.count), "subject \(id)")
            #expect(s["success"] as? Double == percent(forecasts.filter { $0 >= 3 }.count), "subject \(id)")
            checked += 1
        }
        #expect(checked > 0)
        // Each student's average in a subject is the journal's.
        let students = try #require(body["students"] as? [[String: Any]])
        let first = try #require(subjects.first { ($0["rated"] as? Int ?? 0) > 0 }?["subject"] as? Int)
        let sheet = try json(try c.get("/api/v1/journal?class=\(classID)&subject=\(first)&period=\(period.id)"))
        for a in try #require(sheet["averages"] as? [[String: Any]]) {
            let student = try #require(students.first { $0["student"] as? Int == a["student"] as? Int })
            let mine = (student["averages"] as? [[String: Any]])?.first { $0["subject"] as? Int == first }
            #expect(mine?["average"] as? Double == a["average"] as? Double)
        }
    }

    @Test func absencesAreCountedByReasonInLessonsAndHours() throws {
        let (_, classID, period) = try classTeacher()
        let expected = try database.read { c in
            try c.query("""
                SELECT a.code, count(*) FROM absence a JOIN lesson l ON l.id = a.lesson_id
                WHERE l.class_id = ? AND l.date BETWEEN ? AND ? GROUP BY a.code
                """, classID, period.startsOn, period.endsOn) { ($0.string(0), $0.int(1)) }
        }
        let c = try signedIn(TestSchool.login(.deputy).login)
        let students = try #require(try json(try c.get("/api/v1/reports/progress?class=\(classID)&period=\(period.id)"))["students"] as? [[String: Any]])
        for (code, count) in expected {
            let sum = students.compactMap { (($0["absences"] as? [String: Any])?[code] as? [String: Any])?["lessons"] as? Int }.reduce(0, +)
            #expect(sum == count, "\(code)")
        }
        let missed = students.compactMap { $0["missed"] as? [String: Any] }
        #expect(missed.contains { ($0["hours"] as? Double ?? 0) > 0 } == expected.contains { $0.0 != "О" && $0.1 > 0 })
    }

    @Test func aClassTeacherReadsTheirClassOnly() throws {
        let (login, classID, period) = try classTeacher()
        let other = try #require(try database.read { try $0.first("SELECT id FROM school_class WHERE id <> ? ORDER BY id", classID) { $0.int(0) } })
        let c = try signedIn(login.login)
        #expect(try c.get("/api/v1/reports/progress?class=\(classID)&period=\(period.id)").status == 200)
        #expect(try c.get("/api/v1/reports/progress?class=\(other)").status == 403)
        #expect(try c.get("/reports/progress?class=\(other)").status == 403)
        #expect(try c.get("/reports/progress.csv?class=\(other)").status == 403)
        let page = try c.get("/reports/progress?class=\(classID)")
        #expect(page.status == 200)
        #expect(page.text.contains("class=\"card notice preliminary\""))
        let overview = try c.get("/reports").text
        #expect(overview.contains("/reports/progress?class=\(classID)\"") && !overview.contains("/reports/progress?class=\(other)\""))
        #expect(try c.get("/").text.contains("href=\"/reports\""))
        // A subject teacher who leads no class reads no class's report.
        let teacher = try signedIn(TestSchool.login(.teacher).login)
        #expect(try teacher.get("/api/v1/reports/progress?class=\(classID)").status == 403)
        #expect(try teacher.get("/reports/progress?class=\(classID)").status == 403)
        // …but sees the reports of their own teaching.
        #expect(!(try teacher.get("/reports").text.contains("/reports/progress?class=")))
        #expect(try teacher.get("/").text.contains("href=\"/reports\""))
    }

    @Test func badScopesAreRefused() throws {
        let (_, classID, _) = try classTeacher()
        let c = try signedIn(TestSchool.login(.deputy).login)
        #expect(try c.get("/api/v1/reports/progress").status == 400)
        #expect(try c.get("/api/v1/reports/progress?class=x").status == 400)
        #expect(try c.get("/api/v1/reports/progress?class=\(classID)&from=2026-11-01").status == 400)
        #expect(try c.get("/api/v1/reports/progress?class=\(classID)&from=2026-11-30&to=2026-11-01").status == 400)
        #expect(try c.get("/api/v1/reports/progress?class=\(classID)&period=99999").status == 404)
        #expect(try c.get("/api/v1/reports/progress?class=99999").status == 404)
        let dates = try json(try c.get("/api/v1/reports/progress?class=\(classID)&from=2026-11-01&to=2026-11-20"))
        #expect(dates["from"] as? String == "2026-11-01" && dates["period"] == nil && dates["preliminary"] as? Bool == false)
    }

    @Test func theCSVExportQuotesAndNeutralisesFormulas() throws {
        let (_, classID, period) = try classTeacher()
        let subject = try #require(try database.read { try $0.reportSubjects(classID: classID, from: period.startsOn, to: period.endsOn).first?.id })
        try database.write { try $0.run("UPDATE subject SET name = '=HYPERLINK(\"x\";1)' WHERE id = ?", subject) }
        let c = try signedIn(TestSchool.login(.deputy).login)
        let r = try c.get("/reports/progress.csv?class=\(classID)&period=\(period.id)")
        #expect(r.status == 200)
        #expect(r.headers["content-type"] == "text/csv; charset=utf-8")
        #expect(Array(r.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(r.text.contains("\"'=HYPERLINK(\"\"x\"\";1)\";"))
        #expect(r.text.contains("\r\n"))
    }

    // MARK: Filling

    @Test func fillingEqualsARecountFromTheJournal() throws {
        let (_, classID, period) = try classTeacher()
        let c = try signedIn(TestSchool.login(.deputy).login)
        let rows = try #require(try json(try c.get("/api/v1/reports/filling?class=\(classID)&period=\(period.id)"))["rows"] as? [[String: Any]])
        #expect(!rows.isEmpty && rows.allSatisfy { $0["class"] as? Int == classID })
        // Rows of a subject taught to the whole class by one teacher: the journal's grid is theirs alone.
        let subjects = rows.compactMap { $0["subject"] as? Int }
        let single = rows.filter { r in r["group"] == nil && subjects.filter { $0 == r["subject"] as? Int }.count == 1 }
        #expect(!single.isEmpty)
        for row in single { try expectJournalsRecount(row, classID: classID, period: period, c) }
    }

    /// A зачёт/незачёт mark is a mark for filling: the pass/fail subject's row is the journal's recount.
    @Test func fillingCountsPassFailMarks() throws {
        let (classID, subject) = try #require(try database.read { c in
            try c.first("""
                SELECT t.class_id, t.subject_id FROM teaching_assignment t JOIN subject s ON s.id = t.subject_id
                WHERE s.scale = 'passfail' AND t.group_id IS NULL ORDER BY t.id LIMIT 1
                """) { ($0.int(0), $0.int(1)) }
        })
        let period = try #require(try database.read { try $0.periods(classID: classID) }.first { $0.dates.contains(TestSchool.today) })
        let c = try signedIn(TestSchool.login(.deputy).login)
        let rows = try #require(try json(try c.get("/api/v1/reports/filling?class=\(classID)&subject=\(subject)&period=\(period.id)"))["rows"] as? [[String: Any]])
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(try #require(row["noMarks"] as? Int) < (try #require(row["students"] as? Int)))
        try expectJournalsRecount(row, classID: classID, period: period, c)
    }

    /// A filling row of a subject taught to the whole class by one teacher against the journal's own grid.
    func expectJournalsRecount(_ row: [String: Any], classID: Int, period: Period, _ c: Client) throws {
        let subject = try #require(row["subject"] as? Int)
        let sheet = try json(try c.get("/api/v1/journal?class=\(classID)&subject=\(subject)&period=\(period.id)"))
        let students = try #require(sheet["students"] as? [[String: Any]]).compactMap { $0["id"] as? Int }
        let marks = try #require(sheet["marks"] as? [[String: Any]]).compactMap { $0["student"] as? Int }
        let counts = students.map { s in marks.filter { $0 == s }.count }
        let held = try #require(sheet["lessons"] as? [[String: Any]]).filter {
            $0["cancelled"] as? Bool == false && ($0["date"] as? String ?? "") <= TestSchool.today.iso
        }
        func percent(_ n: Int, _ of: Int) -> Double? { of == 0 ? nil : (Double(n) * 1000 / Double(of)).rounded() / 10 }
        #expect(row["students"] as? Int == students.count)
        #expect(row["noMarks"] as? Int == counts.filter { $0 == 0 }.count, "subject \(subject)")
        #expect(row["oneMark"] as? Int == counts.filter { $0 == 1 }.count, "subject \(subject)")
        #expect(row["noMarksPercent"] as? Double == percent(counts.filter { $0 == 0 }.count, students.count))
        #expect(row["lessons"] as? Int == held.count)
        let topics = held.filter { !($0["topic"] as? String ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.count
        let homework = held.filter { !($0["homework"] as? String ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.count
        #expect(row["withTopic"] as? Int == topics && row["topicPercent"] as? Double == percent(topics, held.count))
        #expect(row["withHomework"] as? Int == homework)
    }

    @Test func fillingIsTheSchoolsForTheAdministrationTheClasssForItsTeacherAndATeachersOwn() throws {
        let (login, classID, _) = try classTeacher()
        let other = try #require(try database.read { try $0.first("SELECT id FROM school_class WHERE id <> ? ORDER BY id", classID) { $0.int(0) } })
        let deputy = try signedIn(TestSchool.login(.deputy).login)
        let all = try #require(try json(try deputy.get("/api/v1/reports/filling"))["rows"] as? [[String: Any]])
        #expect(Set(all.compactMap { $0["class"] as? Int }).count > 1)
        #expect(try deputy.get("/reports/filling").status == 200)
        let classTeacher = try signedIn(login.login)
        #expect(try classTeacher.get("/api/v1/reports/filling?class=\(classID)").status == 200)
        #expect(try classTeacher.get("/api/v1/reports/filling?class=\(other)").status == 403)
        let plain = TestSchool.login(.teacher)
        let teacher = try signedIn(plain.login)
        let own = try #require(try json(try teacher.get("/api/v1/reports/filling"))["rows"] as? [[String: Any]])
        #expect(!own.isEmpty && own.allSatisfy { $0["teacher"] as? Int == plain.personID })
        #expect(try teacher.get("/api/v1/reports/filling?teacher=\(login.personID)").status == 403)
        #expect(try teacher.get("/api/v1/reports/filling?class=\(classID)").status == 403)
        let page = try teacher.get("/reports/filling")
        #expect(page.status == 200 && !page.text.contains("name=\"teacher\""))
        let csv = try teacher.get("/reports/filling.csv")
        #expect(csv.status == 200 && Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(try teacher.get("/api/v1/reports/filling?period=99999").status == 404)
        #expect(try teacher.get("/api/v1/reports/filling?from=2026-11-01").status == 400)
    }

    // MARK: Substitutions

    @Test func substitutionsAddUpToTheLessonsChanged() throws {
        let (_, _, period) = try classTeacher()
        let (replaced, cancelled) = try #require(try database.read { c in
            try c.first("""
                SELECT sum(actual_teacher_id IS NOT NULL AND actual_teacher_id <> teacher_id AND status = 'scheduled'), sum(status = 'cancelled')
                FROM lesson WHERE date BETWEEN ? AND ?
                """, period.startsOn, period.endsOn) { ($0.int(0), $0.int(1)) }
        })
        let c = try signedIn(TestSchool.login(.deputy).login)
        let rows = try #require(try json(try c.get("/api/v1/reports/substitutions?period=\(period.id)"))["rows"] as? [[String: Any]])
        func total(_ key: String) -> Int { rows.compactMap { $0[key] as? Int }.reduce(0, +) }
        #expect(total("missed") == replaced && total("substituted") == replaced && total("cancelled") == cancelled)
        #expect(replaced + cancelled > 0)
        #expect(try c.get("/reports/substitutions?period=\(period.id)").status == 200)
        let csv = try c.get("/reports/substitutions.csv?period=\(period.id)")
        #expect(csv.status == 200 && Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // A teacher reads their own rows only.
        let plain = TestSchool.login(.teacher)
        let teacher = try signedIn(plain.login)
        let own = try #require(try json(try teacher.get("/api/v1/reports/substitutions?period=\(period.id)"))["rows"] as? [[String: Any]])
        #expect(own.allSatisfy { $0["teacher"] as? Int == plain.personID })
        let someoneElse = try #require(rows.first { $0["teacher"] as? Int != plain.personID }?["teacher"] as? Int)
        #expect(try teacher.get("/api/v1/reports/substitutions?teacher=\(someoneElse)").status == 403)
    }

    // MARK: Activity

    @Test func activityCountsSignInsAndChangesPerAccountAndWeek() throws {
        let deputy = TestSchool.login(.deputy)
        let c = try signedIn(deputy.login)
        let body = try json(try c.get("/api/v1/reports/activity?from=2026-11-23&to=2026-11-29"))
        let rows = try #require(body["rows"] as? [[String: Any]])
        let mine = try #require(rows.first { $0["login"] as? String == deputy.login })
        #expect(mine["week"] as? String == "2026-11-23")
        #expect((mine["signIns"] as? Int ?? 0) >= 1)
        #expect((mine["roles"] as? [String])?.contains("deputy") == true)
        // The totals are the audit trail's rows of those days (the school is 3 hours east of UTC).
        let since = CivilDate(iso: "2026-11-23")!.dayNumber * 86_400 - 180 * 60
        let (signIns, changes) = try #require(try database.read { c in
            try c.first("""
                SELECT sum(action IN ('signin.success', 'signin.kiosk')), sum(action NOT LIKE 'signin.%' AND action <> 'access.denied')
                FROM audit WHERE account_id IS NOT NULL AND at >= ? AND at < ?
                """, since, since + 7 * 86_400) { ($0.int(0), $0.int(1)) }
        })
        #expect(rows.compactMap { $0["signIns"] as? Int }.reduce(0, +) == signIns)
        #expect(rows.compactMap { $0["changes"] as? Int }.reduce(0, +) == changes)
        let page = try c.get("/reports/activity?from=2026-11-23&to=2026-11-29")
        #expect(page.status == 200 && page.text.contains(deputy.login))
        #expect(try c.get("/reports/activity.csv").status == 200)
        // Not a teacher's nor a class teacher's.
        #expect(try signedIn(TestSchool.login(.teacher).login).get("/api/v1/reports/activity").status == 403)
        #expect(try signedIn(TestSchool.login(.teacher, classTeacher: true).login).get("/reports/activity").status == 403)
    }

    // MARK: Forecast

    @Test func theForecastIsTheJournalsForecastAndATeachersForTheirSubject() throws {
        let (login, classID, period) = try classTeacher()
        let c = try signedIn(login.login)
        let body = try json(try c.get("/api/v1/reports/forecast?class=\(classID)&period=\(period.id)"))
        #expect(body["due"] as? String == period.endsOn.adding(days: -10).iso)
        let students = try #require(body["students"] as? [[String: Any]])
        let subject = try #require((body["subjects"] as? [[String: Any]])?.first { s in
            students.contains { ($0["forecasts"] as? [[String: Any]])?.contains { $0["subject"] as? Int == s["subject"] as? Int } == true }
        }?["subject"] as? Int)
        let sheet = try json(try c.get("/api/v1/journal?class=\(classID)&subject=\(subject)&period=\(period.id)"))
        for a in try #require(sheet["averages"] as? [[String: Any]]) {
            let student = try #require(students.first { $0["student"] as? Int == a["student"] as? Int })
            let mine = (student["forecasts"] as? [[String: Any]])?.first { $0["subject"] as? Int == subject }
            #expect(mine?["mark"] as? Int == a["forecast"] as? Int)
        }
        #expect(try c.get("/reports/forecast?class=\(classID)").status == 200)
        #expect(try c.get("/reports/forecast.csv?class=\(classID)").status == 200)
        // A subject teacher: the class subjects they teach, not the whole class, not another subject.
        let pairs = try TestSchool.generated.logins.filter { $0.role == .teacher && $0.className.isEmpty }.compactMap { login in
            try database.read { c in
                try c.first("""
                    SELECT t.class_id, t.subject_id, o.subject_id FROM teaching_assignment t JOIN teaching_assignment o ON o.class_id = t.class_id
                    WHERE t.teacher_id = ?1 AND t.group_id IS NULL
                      AND o.subject_id NOT IN (SELECT subject_id FROM teaching_assignment WHERE teacher_id = ?1 AND class_id = t.class_id)
                    ORDER BY t.id LIMIT 1
                    """, login.personID) { (login, $0.int(0), $0.int(1), $0.int(2)) }
            }
        }
        let (plain, taughtClass, taughtSubject, other) = try #require(pairs.first)
        let teacher = try signedIn(plain.login)
        #expect(try teacher.get("/api/v1/reports/forecast?class=\(taughtClass)&subject=\(taughtSubject)").status == 200)
        #expect(try teacher.get("/reports/forecast?class=\(taughtClass)&subject=\(taughtSubject)").status == 200)
        #expect(try teacher.get("/api/v1/reports/forecast?class=\(taughtClass)").status == 403)
        #expect(try teacher.get("/api/v1/reports/forecast?class=\(taughtClass)&subject=\(other)").status == 403)
        #expect(try teacher.get("/reports").text.contains("/reports/forecast?class=\(taughtClass)&amp;subject=\(taughtSubject)"))
    }

    /// A teacher of one group of a split class subject reads its forecast narrowed to their group:
    /// their group's students only, never the other group's.
    @Test func aGroupsTeacherReadsTheForecastOfTheirGroup() throws {
        let (login, classID, subject, group) = try #require(try TestSchool.generated.logins.filter { $0.role == .teacher }.lazy.compactMap { login in
            try database.read { c in
                try c.first("""
                    SELECT t.class_id, t.subject_id, t.group_id FROM teaching_assignment t JOIN school_class sc ON sc.id = t.class_id
                    WHERE t.teacher_id = ?1 AND t.group_id IS NOT NULL AND sc.class_teacher_id IS NOT ?1 AND sc.grade >= 5
                      AND NOT EXISTS (SELECT 1 FROM teaching_assignment w WHERE w.teacher_id = ?1 AND w.class_id = t.class_id
                                      AND w.subject_id = t.subject_id AND w.group_id IS NULL)
                    ORDER BY t.id LIMIT 1
                    """, login.personID) { (login, $0.int(0), $0.int(1), $0.int(2)) }
            }
        }.first)
        let members = Set(try database.read { try $0.query("SELECT student_id FROM group_member WHERE group_id = ?", group) { $0.int(0) } })
        let teacher = try signedIn(login.login)
        let body = try json(try teacher.get("/api/v1/reports/forecast?class=\(classID)&subject=\(subject)"))
        #expect(body["group"] as? Int == group)
        let students = Set(try #require(body["students"] as? [[String: Any]]).compactMap { $0["student"] as? Int })
        #expect(!students.isEmpty && students.isSubset(of: members))
        let groupName = try #require(try database.read { try $0.studyGroupRecord(group)?.name })
        let page = try teacher.get("/reports/forecast?class=\(classID)&subject=\(subject)")
        #expect(page.status == 200 && page.text.contains("<p class=\"muted\">Группа: \(groupName)</p>"))
        #expect(try teacher.get("/reports/forecast.csv?class=\(classID)&subject=\(subject)").status == 200)
        // The whole class's forecast, and the class's progress, stay its class teacher's and the administration's.
        #expect(try teacher.get("/api/v1/reports/forecast?class=\(classID)").status == 403)
        #expect(try teacher.get("/api/v1/reports/progress?class=\(classID)").status == 403)
        // The administration reads the whole class's subject.
        let deputy = try signedIn(TestSchool.login(.deputy).login)
        let all = try json(try deputy.get("/api/v1/reports/forecast?class=\(classID)&subject=\(subject)"))
        #expect(all["group"] == nil && (all["students"] as? [[String: Any]])?.count ?? 0 > students.count)
    }

    // MARK: Timeliness

    @Test func marksEnteredAfterTheirDeadlineAreLate() throws {
        // A teacher (no class of their own) with a lesson of a marked class a week ago and one today.
        let teachers = Dictionary(TestSchool.generated.logins.filter { $0.role == .teacher && $0.className.isEmpty }.map { ($0.personID, $0) }) { a, _ in a }
        let rows = try database.read { c in
            try c.query("""
                SELECT l.teacher_id, l.id, t.id FROM lesson l JOIN lesson t ON t.teacher_id = l.teacher_id AND t.date = '2026-11-23' AND t.bell_number <= 1
                     AND t.status = 'scheduled' AND t.actual_teacher_id IS NULL
                JOIN school_class c ON c.id = l.class_id JOIN school_class tc ON tc.id = t.class_id
                WHERE l.date = '2026-11-16' AND l.status = 'scheduled' AND l.actual_teacher_id IS NULL AND c.grade BETWEEN 5 AND 9 AND tc.grade >= 2
                  AND l.group_id IS NULL AND t.group_id IS NULL ORDER BY l.id
                """) { ($0.int(0), $0.int(1), $0.int(2)) }
        }
        let (teacherID, old, today) = try #require(rows.first { teachers[$0.0] != nil })
        func firstStudent(_ lesson: Int) throws -> Int {
            try #require(try database.read { c in
                let l = try c.journalLesson(lesson)!
                return try c.journalStudents(classID: l.classID, groupID: nil, from: l.date, to: l.date).first?.id
            })
        }
        let c = try signedIn(teachers[teacherID]!.login)
        let range = "from=2026-11-16&to=2026-11-23"
        let before = try #require(try json(try c.get("/api/v1/reports/timeliness?\(range)"))["rows"] as? [[String: Any]]).first
        let (marks0, late0) = (before?["marks"] as? Int ?? 0, before?["lateMarks"] as? Int ?? 0)
        let (homework0, lateHomework0) = (before?["homework"] as? Int ?? 0, before?["lateHomework"] as? Int ?? 0)
        // Homework a week after the lesson, for a lesson that had none: late; today's before the day ends: on time.
        try database.write { try $0.run("UPDATE lesson SET homework = '' WHERE id IN (?, ?)", old, today) }
        let none = try database.read { c in try c.first("SELECT count(*) FROM audit WHERE action = 'homework.change' AND lesson_id IN (?, ?)", old, today) { $0.int(0) } }
        #expect(none == 0)
        #expect(try c.json(.put, "/api/v1/lessons/\(old)", #"{"homework":"§ 5"}"#).status == 204)
        #expect(try c.json(.put, "/api/v1/lessons/\(today)", #"{"homework":"§ 6"}"#).status == 204)
        // A written mark a week after the lesson: late (5 days in grades 2–9); an oral answer on the day: on time.
        try database.write { try $0.run("DELETE FROM mark WHERE lesson_id IN (?, ?)", old, today) }
        #expect(try c.json(.post, "/api/v1/lessons/\(old)/marks", #"{"student":\#(try firstStudent(old)),"value":4,"workType":"КР"}"#).status == 201)
        #expect(try c.json(.post, "/api/v1/lessons/\(today)/marks", #"{"student":\#(try firstStudent(today)),"value":5,"workType":"У"}"#).status == 201)
        let after = try #require(try json(try c.get("/api/v1/reports/timeliness?\(range)"))["rows"] as? [[String: Any]])
        #expect(after.count == 1 && after[0]["teacher"] as? Int == teacherID)
        #expect(after[0]["marks"] as? Int == marks0 + 2 && after[0]["lateMarks"] as? Int == late0 + 1)
        #expect(after[0]["homework"] as? Int == homework0 + 2 && after[0]["lateHomework"] as? Int == lateHomework0 + 1)
        #expect(try c.get("/reports/timeliness?\(range)").status == 200)
        #expect(try c.get("/reports/timeliness.csv?\(range)").status == 200)
        let deputy = try signedIn(TestSchool.login(.deputy).login)
        let all = try #require(try json(try deputy.get("/api/v1/reports/timeliness?\(range)"))["rows"] as? [[String: Any]])
        #expect(all.contains { $0["teacher"] as? Int == teacherID && $0["lateMarks"] as? Int == late0 + 1 })
        #expect(try c.get("/api/v1/reports/timeliness?teacher=\(TestSchool.login(.deputy).personID)").status == 403)
    }
}

extension ReportsTests {
    /// A name that a spreadsheet would run as a formula comes out as text, quoted by RFC 4180.
    @Test func reportExportsNeutraliseFormulaCells() throws {
        let teacher = try #require(try database.read { try $0.first("SELECT teacher_id FROM teaching_assignment ORDER BY id LIMIT 1") { $0.int(0) } })
        try database.write { try $0.execute("UPDATE person SET last_name = '=HYPERLINK(\"x\";\"y\")' WHERE id = \(teacher)") }
        let c = try signedIn(TestSchool.login(.deputy).login)
        let csv = try c.get("/reports/filling.csv")
        #expect(csv.status == 200)
        #expect(csv.text.contains("\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")"))
        #expect(!csv.text.contains(";=HYPERLINK") && !csv.text.contains("\n=HYPERLINK"))
    }
}
