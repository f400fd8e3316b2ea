import Domain
@testable import Setup
import Storage
import Testing

/// A small generated school, checked as the regulations would check a real one.
@Suite struct DemoSchoolTests {
    static func generate(seed: UInt64 = 7, students: Int = 120, years: Int = 1) throws -> (Database, [DemoLogin], String) {
        let path = "/tmp/tabel-demo-test-\(seed)-\(students)-\(Int.random(in: 0..<1_000_000_000)).sqlite"
        let db = try Database.open(path: path)
        let logins = try DemoSchool.generate(
            into: db, options: DemoOptions(students: students, seed: seed, today: CivilDate(iso: "2026-11-23")!, password: "secret-demo", years: years),
            progress: { _ in })
        return (db, logins, path)
    }

    @Test func sameSeedSameSchool() throws {
        let (_, a, _) = try Self.generate(seed: 3, students: 60)
        let (_, b, _) = try Self.generate(seed: 3, students: 60)
        let (_, c, _) = try Self.generate(seed: 4, students: 60)
        #expect(a.map(\.login) == b.map(\.login))
        #expect(a.map(\.login) != c.map(\.login))
    }

    @Test func schoolIsComplete() throws {
        let (db, logins, _) = try Self.generate()
        try db.read { c in
            let students = try c.first("SELECT count(*) FROM enrolment") { $0.int(0) }
            #expect(students == 120)
            // Every student has one or two guardians.
            let unguarded = try c.first("""
                SELECT count(*) FROM enrolment e WHERE (SELECT count(*) FROM guardian_link g WHERE g.student_id = e.student_id) NOT IN (1, 2)
                """) { $0.int(0) }
            #expect(unguarded == 0)
            // Some families have two children.
            let siblings = try c.first("SELECT count(*) FROM (SELECT guardian_id FROM guardian_link GROUP BY guardian_id HAVING count(*) > 1)") { $0.int(0) }
            #expect((siblings ?? 0) > 0)
            // Every class has a class teacher; grade 1 has no marks.
            #expect(try c.first("SELECT count(*) FROM school_class WHERE class_teacher_id IS NULL") { $0.int(0) } == 0)
            #expect(try c.first("""
                SELECT count(*) FROM mark m JOIN lesson l ON l.id = m.lesson_id JOIN school_class k ON k.id = l.class_id WHERE k.grade = 1
                """) { $0.int(0) } == 0)
            // No marks or absences in lessons that have not happened yet.
            #expect(try c.first("SELECT count(*) FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.date >= '2026-11-23'") { $0.int(0) } == 0)
            #expect(try c.first("SELECT count(*) FROM absence a JOIN lesson l ON l.id = a.lesson_id WHERE l.date >= '2026-11-23'") { $0.int(0) } == 0)
            // Future lessons exist (the rest of the year's timetable).
            #expect((try c.first("SELECT count(*) FROM lesson WHERE date > '2027-05-01'") { $0.int(0) } ?? 0) > 100)
            // No teacher is timetabled in two places at once.
            #expect(try c.first("""
                SELECT count(*) FROM (SELECT teacher_id, weekday, bell_number FROM timetable_entry GROUP BY 1, 2, 3 HAVING count(DISTINCT class_id) > 1)
                """) { $0.int(0) } == 0)
            // Absences near 5 % of student-lessons held, Б the most common reason.
            let share = try c.first("""
                SELECT count(*) * 1.0 / (SELECT count(*) FROM lesson l JOIN enrolment e ON e.class_id = l.class_id
                    WHERE l.date < '2026-11-23' AND l.group_id IS NULL AND l.status = 'scheduled')
                FROM absence a JOIN lesson l ON l.id = a.lesson_id WHERE l.group_id IS NULL
                """) { $0.double(0) } ?? 0
            #expect(share > 0.02 && share < 0.09)
            // Period marks for the first quarter, which has ended; none for the second.
            #expect((try c.first("SELECT count(*) FROM period_mark p JOIN period q ON q.id = p.period_id WHERE q.scheme = 'quarter' AND q.number = 1") { $0.int(0) } ?? 0) > 0)
            #expect(try c.first("SELECT count(*) FROM period_mark p JOIN period q ON q.id = p.period_id WHERE q.number = 2") { $0.int(0) } == 0)
            // Marks: 2–3 per student, subject and month on average.
            let perMonth = try c.first("""
                SELECT count(*) * 1.0 / count(DISTINCT m.student_id || '-' || l.subject_id || '-' || substr(l.date, 1, 7))
                FROM mark m JOIN lesson l ON l.id = m.lesson_id
                """) { $0.double(0) } ?? 0
            #expect(perMonth > 1.5 && perMonth < 4)
            #expect(try c.first("PRAGMA foreign_key_check") { _ in 1 } == nil)
        }
        #expect(Set(logins.map(\.role)).isSuperset(of: [.administrator, .director, .deputy, .teacher, .student, .guardian]))
        #expect(logins.contains { $0.role == .guardian && $0.children.count == 2 })
        #expect(Set(logins.map(\.login)).count == logins.count)
    }

    @Test func earlierYearsHoldTheSameStudentsAGradeLower() throws {
        let (one, oneLogins, _) = try Self.generate(seed: 5, students: 60)
        let (db, logins, _) = try Self.generate(seed: 5, students: 60, years: 3)
        // This year is the same school either way.
        #expect(logins.map(\.login) == oneLogins.map(\.login))
        let count = { (d: Database, sql: String) in try d.read { try $0.first(sql) { $0.int(0) } ?? -1 } }
        #expect(try count(db, "SELECT count(*) FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.date >= '2026-09-01'")
                == count(one, "SELECT count(*) FROM mark"))
        try db.read { c in
            #expect(try c.query("SELECT name FROM academic_year ORDER BY starts_on") { $0.string(0) } == ["2024/2025", "2025/2026", "2026/2027"])
            // A student of 5А now was in 4А the year before, and that enrolment is closed.
            let student = try #require(logins.first { $0.role == .student && $0.className == "5А" })
            let before = try c.query("""
                SELECT c.name, e.left_on FROM enrolment e JOIN school_class c ON c.id = e.class_id WHERE e.student_id = ? ORDER BY e.joined_on
                """, student.personID) { ($0.string(0), $0.optionalString(1)) }
            #expect(before.map(\.0) == ["3А", "4А", "5А"])
            #expect(before.map(\.1) == ["2025-08-31", "2026-08-31", nil])
            // Earlier years have their lessons, marks and period marks.
            #expect(try c.first("SELECT count(*) FROM lesson WHERE date < '2026-09-01'") { $0.int(0) } ?? 0 > 1000)
            #expect(try c.first("SELECT count(*) FROM period_mark p JOIN period q ON q.id = p.period_id WHERE q.ends_on < '2026-09-01'") { $0.int(0) } ?? 0 > 100)
        }
        #expect(try db.check().isEmpty)
    }

    @Test func passwordsAreStoredAsArgon2idHashes() throws {
        let (db, logins, _) = try Self.generate(seed: 9, students: 30)
        let hash = try db.read { try $0.first("SELECT password_hash FROM account LIMIT 1") { $0.string(0) } } ?? ""
        #expect(hash.hasPrefix("$argon2id$"))
        #expect(!hash.contains("secret-demo"))
        #expect(logins.allSatisfy { $0.password == "secret-demo" })
    }

    @Test func refusesASchoolThatExists() throws {
        let (db, _, _) = try Self.generate(seed: 11, students: 20)
        #expect(throws: SetupError.self) {
            _ = try DemoSchool.generate(into: db, options: DemoOptions(students: 20, today: CivilDate(iso: "2026-11-23")!, password: "x"),
                                        progress: { _ in })
        }
    }

    @Test func loginsCSVHasTheContractColumns() throws {
        let (_, logins, _) = try Self.generate(seed: 5, students: 30)
        let csv = DemoSchool.loginsCSV(logins)
        #expect(csv.hasPrefix("login,password,role,person_id,full_name,class,children\r\n"))
        let guardian = logins.first { $0.children.count == 2 }
        if let guardian {
            #expect(csv.contains(",\(guardian.children[0]) \(guardian.children[1])\r\n"))
        }
    }
}
