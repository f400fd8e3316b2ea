import Appliance
import Desks
import Domain
import Foundation
import HTTP
import Printing
import Setup
import Storage
import Testing

/// The printed documents: what pdftotext reads from them against the journal's own API, who
/// may print which class's, and the audit row every print leaves.
@Suite struct PrintTests {
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

    /// The text of a PDF as `pdftotext -layout` reads it (table rows stay on one line).
    static func text(of pdf: [UInt8]) throws -> String {
        let path = temporaryPath("print") + ".pdf"
        try Data(pdf).write(to: URL(fileURLWithPath: path))
        let r = try CommandTests.run(["-layout", path, "-"], executable: "/usr/bin/pdftotext")
        #expect(r.status == 0)
        return r.output
    }

    /// A class teacher of a marked class (grade 5 and above), their class and its first quarter.
    func classTeacher() throws -> (login: DemoLogin, classID: Int, period: Period) {
        let login = try #require(TestSchool.generated.logins.first { $0.role == .teacher && (ClassName($0.className)?.grade ?? 0) >= 5 })
        let classID = try #require(try database.read { try $0.first("SELECT id FROM school_class WHERE class_teacher_id = ?", login.personID) { $0.int(0) } })
        let period = try #require(try database.read { try $0.periods(classID: classID) }.first)
        return (login, classID, period)
    }

    func prints(_ action: String) throws -> Int {
        try database.read { try $0.first("SELECT count(*) FROM audit WHERE action = ?", action) { $0.int(0) } ?? 0 }
    }

    @Test func aQuarterCopyListsEveryStudentAndEveryPeriodMarkOfTheAPI() throws {
        let (login, classID, period) = try classTeacher()
        let c = try signedIn(login.login)
        #expect(try c.page("/classes/\(classID)").text.contains("action=\"/print/journal\""))
        let r = try c.post("/print/journal", [("class", String(classID)), ("period", String(period.id))])
        #expect(r.status == 200)
        #expect(r.headers["Content-Type"] == "application/pdf")
        #expect(r.headers["Content-Disposition"]?.hasPrefix("attachment;") == true)
        let text = try Self.text(of: r.body)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let subjects = try database.read { try $0.journalListings(year: $0.schoolClass(classID)!.yearID) }.filter { $0.classID == classID && $0.groupID == nil }
        #expect(!subjects.isEmpty)
        var marks = 0
        for s in subjects {
            #expect(text.contains(s.subjectName))
            let sheet = try json(try c.get("/api/v1/journal?class=\(classID)&subject=\(s.subjectID)&period=\(period.id)"))
            let students = try #require(sheet["students"] as? [[String: Any]])
            var names: [Int: String] = [:]
            for st in students {
                let name = try #require(st["name"] as? String)
                let id = try #require(st["id"] as? Int)
                names[id] = name
                #expect(text.contains(name), "\(name)")
            }
            // Each period mark ends its student's row of the subject's last part of the grid.
            for pm in try #require(sheet["periodMarks"] as? [[String: Any]]) {
                let id = try #require(pm["student"] as? Int)
                let name = try #require(names[id])
                let value = try #require(pm["value"] as? Int)
                #expect(lines.contains { $0.contains(name) && $0.hasSuffix(" \(value)") }, "\(s.subjectName): \(name) \(value)")
                marks += 1
            }
        }
        #expect(marks > 0)
        #expect(text.contains("М.П."))
        #expect(try prints("print.journal") == 1)
    }

    @Test func aTeacherCannotPrintAnotherClassJournal() throws {
        let (login, classID, period) = try classTeacher()
        // A class the teacher neither leads nor teaches in.
        let other = try #require(try database.read { c in
            try c.first("""
                SELECT id FROM school_class WHERE id <> ?1 AND coalesce(class_teacher_id, 0) <> ?2
                  AND id NOT IN (SELECT class_id FROM teaching_assignment WHERE teacher_id = ?2) ORDER BY id LIMIT 1
                """, classID, login.personID) { $0.int(0) }
        })
        let c = try signedIn(login.login)
        try c.page("/classes/\(classID)")
        #expect(try [403, 404].contains(c.post("/print/journal", [("class", String(other)), ("period", String(period.id))]).status))
        #expect(try [403, 404].contains(c.post("/print/summary", [("class", String(other))]).status))
        #expect(try [403, 404].contains(c.post("/print/blank", [("class", String(other)), ("from", "2026-11-23"), ("to", "2026-11-28")]).status))
        #expect(try prints("print.journal") + prints("print.summary") + prints("print.blank") == 0)
        // Without the form's token nothing is printed either.
        #expect(try c.post("/print/journal", [("class", String(classID)), ("period", String(period.id))], csrf: "forged").status == 403)
        #expect(try prints("print.journal") == 0)
    }

    @Test func theSummarySheetListsTheFinals() throws {
        let (login, classID, _) = try classTeacher()
        let (student, subject, year) = try database.read { c in
            try #require(try c.first("""
                SELECT e.student_id, a.subject_id, sc.year_id FROM enrolment e JOIN teaching_assignment a ON a.class_id = e.class_id
                JOIN school_class sc ON sc.id = e.class_id WHERE e.class_id = ? LIMIT 1
                """, classID) { ($0.int(0), $0.int(1), $0.int(2)) })
        }
        try database.write { c in
            try c.execute("INSERT INTO period_mark (year_id, student_id, subject_id, kind, value, set_at) VALUES (\(year), \(student), \(subject), 'year', 4, 0)")
            try c.execute("INSERT INTO period_mark (year_id, student_id, subject_id, kind, special, set_at) VALUES (\(year), \(student), \(subject), 'final', 'exempt', 0)")
        }
        let c = try signedIn(login.login)
        #expect(try c.page("/classes/\(classID)").text.contains("action=\"/print/summary\""))
        let r = try c.post("/print/summary", [("class", String(classID))])
        #expect(r.status == 200)
        let text = try Self.text(of: r.body)
        let name = try #require(try database.read { try $0.journalStudents(classID: classID, groupID: nil, from: TestSchool.today, to: TestSchool.today) }
            .first { $0.id == student }?.name)
        #expect(text.contains("Сводная ведомость"))
        #expect(text.split(separator: "\n").contains { $0.contains(name) && $0.contains("4") && $0.contains("осв") })
        #expect(try prints("print.summary") == 1)
    }

    @Test func theDiaryPrintoutListsTheWeeksHomeworkAndMarks() throws {
        let student = TestSchool.olderStudent.personID
        let monday = CivilDate(iso: "2026-11-16")!, saturday = CivilDate(iso: "2026-11-21")!
        let deputy = try signedIn(TestSchool.login(.deputy).login)
        #expect(try deputy.page("/people/\(student)").text.contains("action=\"/print/diary\""))
        let r = try deputy.post("/print/diary", [("student", String(student)), ("from", monday.iso), ("to", saturday.iso)])
        #expect(r.status == 200)
        let text = try Self.text(of: r.body).replacingOccurrences(of: "\n", with: " ")
        let squeezed = text.split(whereSeparator: { $0 == " " }).joined(separator: " ")
        let classID = try #require(try database.read { try $0.diaryStudent(student, on: monday) }?.classID)
        let lessons = try database.read { try $0.diaryLessons(student: student, classID: classID, from: monday, to: saturday, utcOffsetMinutes: 180) }
        #expect(!lessons.isEmpty)
        for homework in Set(lessons.map(\.homework)) where !homework.isEmpty {
            // Wrapped text comes back word by word.
            #expect(homework.split(separator: " ").allSatisfy { squeezed.contains($0) }, "\(homework)")
        }
        let marks = lessons.flatMap(\.marks)
        #expect(!marks.isEmpty)
        for (subject, count) in Dictionary(grouping: lessons.filter { !$0.marks.isEmpty }, by: \.subject).mapValues({ $0.flatMap(\.marks).count }) {
            #expect(squeezed.contains(subject.split(separator: " ").first!), "\(subject) \(count)")
        }
        #expect(squeezed.contains("Средний балл"))
        #expect(try prints("print.diary") == 1)
    }

    @Test func theBlankListsTheStudentsAndThePlannedDates() throws {
        let (login, classID, _) = try classTeacher()
        let from = CivilDate(iso: "2026-11-23")!, to = CivilDate(iso: "2026-11-28")!
        let copy = try PrintDesk(database: database).blank(classID: classID, from: from, to: to, by: .console(at: 0))
        let text = try Self.text(of: JournalCopySheet.blank(copy).bytes)
        let students = try database.read { try $0.journalStudents(classID: classID, groupID: nil, from: from, to: to) }
        #expect(!students.isEmpty)
        for s in students { #expect(text.contains(s.name)) }
        #expect(!copy.subjects.isEmpty)
        for s in copy.subjects {
            for l in s.lessons { #expect(text.contains(l.date.russian), "\(s.subject) \(l.date)") }
        }
        #expect(text.contains("Б — болен") || text.contains("Б —"))
        #expect(try prints("print.blank") == 1)
        _ = login
    }

    @Test func badInputIsRefusedWithoutAPrint() throws {
        let c = try signedIn(TestSchool.login(.deputy).login)
        try c.page("/people/\(TestSchool.olderStudent.personID)")
        #expect(try c.post("/print/diary", [("student", "1"), ("from", "вчера"), ("to", "2026-11-21")]).status == 400)
        #expect(try c.post("/print/journal", [("class", "x")]).status == 400)
        #expect(try c.post("/print/journal", [("class", "999999")]).status == 404)
        #expect(try prints("print.journal") + prints("print.diary") == 0)
    }

    @Test func theCommandLinePrintsAndSaysHowManyPages() throws {
        let (_, classID, period) = try classTeacher()
        let name = try #require(try database.read { try $0.schoolClass(classID) }?.name)
        let out = temporaryPath("cli-journal") + ".pdf"
        let r = try CommandTests.run(["print", "journal", "--class", name, "--period", String(period.id), "--out", out, "--db", database.path])
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("стр. в \(out)"))
        #expect(try Self.text(of: Array(try Data(contentsOf: URL(fileURLWithPath: out)))).contains("Копия классного журнала"))
        let bad = try CommandTests.run(["print", "journal", "--class", name, "--out", out, "--db", database.path])
        #expect(bad.status != 0)
        #expect(bad.output.contains("--period ID, --year"))
    }
}
