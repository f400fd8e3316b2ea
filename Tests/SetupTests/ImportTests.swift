import Domain
@testable import Setup
import Storage
import Testing

@Suite struct ImportTests {
    static let today = CivilDate(iso: "2026-11-23")!
    static let now = SchoolDateTime(iso: "2026-11-23T10:00")!.unixSeconds(offsetMinutes: 180)

    func school() throws -> Database {
        let db = try Database.open(path: "/tmp/tabel-import-\(Int.random(in: 0..<1_000_000_000)).sqlite")
        _ = try SchoolSetup.initialize(db, SchoolSetup.Options(school: School(name: "Школа № 5"), startYear: 2026,
                                                               classes: try SchoolSetup.parseClasses("1А, 5А-5Б")), now: Self.now)
        return db
    }

    func run(_ db: Database, _ kind: Importer.Kind, _ text: String, dryRun: Bool = false) throws -> ImportReport {
        try Importer(database: db, today: Self.today, now: Self.now).run(kind, bytes: Array(text.utf8), dryRun: dryRun)
    }

    func count(_ db: Database, _ table: String) throws -> Int {
        try db.read { try $0.first("SELECT count(*) FROM \(table)") { $0.int(0) } ?? 0 }
    }

    static let students = "Фамилия;Имя;Отчество;Дата рождения;Класс;Согласие\r\nИванов;Пётр;Сергеевич;01.02.2015;5А;01.09.2026\r\nПетрова;Анна;;;5б;\r\n"

    @Test func studentsImportOnceAndTwiceChangesNothing() throws {
        let db = try school()
        let first = try run(db, .students, Self.students)
        #expect(first.created == 2)
        let second = try run(db, .students, Self.students)
        #expect(second.created == 0 && second.updated == 0 && second.unchanged == 2)
        #expect(try count(db, "enrolment") == 2)
        #expect(try count(db, "consent") == 1)
        #expect(try db.read { try $0.first("SELECT birth_date FROM person WHERE last_name = 'Иванов'") { $0.string(0) } } == "2015-02-01")
    }

    @Test func aBadLineInTheMiddleImportsNothing() throws {
        let db = try school()
        let text = "Фамилия;Имя;Класс\nИванов;Пётр;5А\nСидоров;Иван;99Я\nКузнецова;Мария;5Б\n"
        #expect {
            try run(db, .students, text)
        } throws: { error in
            let failure = error as? ImportFailure
            return failure?.problems.map(\.description) == ["строка 3: класс «99Я» не найден (есть: 1А, 5А, 5Б)"]
        }
        #expect(try count(db, "enrolment") == 0)
        #expect(try count(db, "person") == 0)
    }

    @Test func everyProblemIsReportedWithItsLine() throws {
        let db = try school()
        let text = """
            Фамилия;Имя;Дата рождения;Класс;Согласие
            Иванов;Пётр;31.02.2015;5А;01.09.2026
            =СУММ(A1);Анна;;5А;
            Смирнов;Олег;01.01.2015;5А;
            ;Олег;;5А;
            Петров;Иван;;5А;
            Петров;Иван;;5А;
            """
        #expect {
            try run(db, .students, text)
        } throws: { error in
            let lines = (error as? ImportFailure)?.problems.map(\.description) ?? []
            return lines.count == 5
                && lines[0].hasPrefix("строка 2: «Дата рождения»: «31.02.2015»")
                && lines[1].hasPrefix("строка 3: «Фамилия»")
                && lines[2].hasPrefix("строка 4: указаны персональные данные (дата рождения)")
                && lines[3] == "строка 5: не заполнен столбец «Фамилия»"
                && lines[4] == "строка 7: повторяет строку 6"
        }
        #expect(try count(db, "person") == 0)
    }

    @Test func missingColumnsAreNamed() throws {
        let db = try school()
        #expect {
            try run(db, .students, "Фамилия;Имя\nИванов;Пётр\n")
        } throws: { ($0 as? ImportFailure)?.description == "строка 1: нет столбца «Класс» (есть: Фамилия, Имя)" }
    }

    @Test func dryRunWritesNothing() throws {
        let db = try school()
        let report = try run(db, .students, Self.students, dryRun: true)
        #expect(report.created == 2)
        #expect(try count(db, "person") == 0)
        #expect(try count(db, "audit") == 1)  // only setup init's row
    }

    @Test func staffGuardiansAndTimetable() throws {
        let db = try school()
        _ = try run(db, .students, Self.students)
        let staff = try run(db, .staff, """
            Фамилия;Имя;Отчество;Должность;Классный руководитель
            Смирнова;Ольга;Ивановна;учитель, заместитель директора;5А
            Кузнецов;Игорь;Петрович;учитель;
            Орлова;Вера;Андреевна;администратор;
            """)
        #expect(staff.created == 3)
        #expect(try db.read { try $0.first("SELECT count(*) FROM staff_role WHERE person_id = (SELECT id FROM person WHERE last_name = 'Смирнова')") { $0.int(0) } } == 2)
        #expect(try run(db, .staff, "Фамилия;Имя;Отчество;Должность\nСмирнова;Ольга;Ивановна;учитель\n").unchanged == 1)
        #expect {
            try run(db, .staff, "Фамилия;Имя;Должность\nПопов;Иван;дворник\n")
        } throws: { ($0 as? ImportFailure)?.problems.first?.description.contains("«Должность»: «дворник» не известна") == true }

        let guardians = """
            Фамилия;Имя;Отчество;Телефон;Ребёнок;Класс ребёнка;Кем приходится;Согласие
            Иванова;Мария;Петровна;+7 900 000-00-01;Иванов Пётр Сергеевич;5А;мать;01.09.2026
            Петров;Олег;;;Петрова Анна;5Б;отец;
            """
        #expect(try run(db, .guardians, guardians).created == 2)
        #expect(try run(db, .guardians, guardians).unchanged == 2)
        #expect {
            try run(db, .guardians, "Фамилия;Имя;Ребёнок;Класс ребёнка\nНикто;Никто;Неизвестный Ученик;5А\n")
        } throws: { ($0 as? ImportFailure)?.problems.first?.description == "строка 2: ученик «Неизвестный Ученик» в классе 5А не найден" }

        let timetable = "Класс;День;Урок;Предмет;Учитель;Кабинет\n5А;Пн;1;Математика;Кузнецов И. П.;101\n5А;вторник;2;Русский язык;Смирнова Ольга Ивановна;\n"
        #expect(try run(db, .timetable, timetable).created == 2)
        // The year's lessons of those entries exist from today: Mondays and Tuesdays outside the breaks.
        let lessons = try db.read { try $0.query("SELECT date, bell_number FROM lesson ORDER BY date, bell_number") { (try $0.date(0), $0.int(1)) } }
        #expect(lessons.first?.0 == Self.today)
        #expect(lessons.allSatisfy { ($0.0.weekday == 1 && $0.1 == 1) || ($0.0.weekday == 2 && $0.1 == 2) })
        #expect(!lessons.contains { $0.0 == CivilDate(iso: "2027-01-05")! })  // winter break
        #expect(lessons.count > 40)
        #expect(try run(db, .timetable, timetable).unchanged == 2)
        #expect(try count(db, "lesson") == lessons.count)
        #expect(try count(db, "teaching_assignment") == 2)
        // Another teacher on Monday: the lessons nothing was entered for follow.
        try db.write { try $0.run("INSERT INTO absence (lesson_id, student_id, code, created_at) SELECT id, (SELECT id FROM person LIMIT 1), 'Н', 0 FROM lesson WHERE date = ?", Self.today) }
        _ = try run(db, .timetable, "Класс;День;Урок;Предмет;Учитель\n5А;Пн;1;Математика;Смирнова Ольга Ивановна\n")
        let teachers = try db.read { try $0.query("SELECT DISTINCT p.last_name FROM lesson l JOIN person p ON p.id = l.teacher_id WHERE l.bell_number = 1 AND l.date > ?", Self.today) { $0.string(0) } }
        #expect(teachers == ["Смирнова"])
        #expect(try db.read { try $0.first("SELECT p.last_name FROM lesson l JOIN person p ON p.id = l.teacher_id WHERE l.date = ?", Self.today) { $0.string(0) } } == "Кузнецов")
        #expect {
            try run(db, .timetable, "Класс;День;Урок;Предмет;Учитель\n5А;Вс;9;Пение;Никто\n")
        } throws: { ($0 as? ImportFailure)?.problems.first?.description.contains("«День»: «Вс»") == true }
    }

    func enrolments(_ db: Database, _ lastName: String) throws -> [String] {
        try db.read { c in
            try c.query("""
                SELECT k.name, e.joined_on, coalesce(e.left_on, '') FROM enrolment e JOIN person p ON p.id = e.student_id
                JOIN school_class k ON k.id = e.class_id WHERE p.last_name = ? ORDER BY e.joined_on, k.name
                """, lastName) { "\($0.string(0)) \($0.string(1))…\($0.string(2))" }
        }
    }

    /// Issue #11: a student imported in November joined on 1 September and showed on September's lessons.
    @Test func aMidYearArrivalJoinsOnTheDayOfTheImport() throws {
        let db = try school()
        _ = try run(db, .students, "Фамилия;Имя;Класс\nНовиков;Марк;5А\n")
        #expect(try enrolments(db, "Новиков") == ["5А 2026-11-23…"])
        let (september, today) = try db.read { c in
            let k = try c.classID(name: "5А", year: try c.academicYear(containing: Self.today)!.id)!
            return (try c.journalStudents(classID: k, groupID: nil, from: CivilDate(iso: "2026-09-07")!, to: CivilDate(iso: "2026-09-07")!).map(\.name),
                    try c.journalStudents(classID: k, groupID: nil, from: Self.today, to: Self.today).map(\.name))
        }
        #expect(september.isEmpty)
        #expect(today == ["Новиков Марк"])
    }

    @Test func theDateOfEnrolmentColumnSetsTheDay() throws {
        let db = try school()
        let report = try run(db, .students, "Фамилия;Имя;Класс;Дата зачисления\nНовиков;Марк;5А;16.11.2026\nОрлова;Ева;5Б;\n")
        #expect(report.created == 2)
        #expect(try enrolments(db, "Новиков") == ["5А 2026-11-16…"])
        #expect(try enrolments(db, "Орлова") == ["5Б 2026-11-23…"])
        // The same file again changes nothing, even on another day.
        let later = try Importer(database: db, today: CivilDate(iso: "2026-11-30")!, now: Self.now + 7 * 86400)
            .run(.students, bytes: Array("Фамилия;Имя;Класс;Дата зачисления\nНовиков;Марк;5А;16.11.2026\nОрлова;Ева;5Б;\n".utf8), dryRun: false)
        #expect(later.unchanged == 2)
        #expect(try enrolments(db, "Орлова") == ["5Б 2026-11-23…"])
    }

    @Test func aStudentMovingClassLeavesTheOldOneOnTheDateAndStaysOnePerson() throws {
        let db = try school()
        _ = try Importer(database: db, today: CivilDate(iso: "2026-09-01")!, now: Self.now).run(.students, bytes: Array(Self.students.utf8), dryRun: false)
        #expect(try enrolments(db, "Иванов") == ["5А 2026-09-01…"])
        let moved = try run(db, .students, "Фамилия;Имя;Отчество;Дата рождения;Класс;Согласие;Дата зачисления\nИванов;Пётр;Сергеевич;01.02.2015;5Б;01.09.2026;16.11.2026\n")
        #expect(moved.created == 0 && moved.updated == 1)
        #expect(try enrolments(db, "Иванов") == ["5А 2026-09-01…2026-11-16", "5Б 2026-11-16…"])
        #expect(try count(db, "person") == 2)
        // Without the column the move takes effect today.
        _ = try run(db, .students, "Фамилия;Имя;Класс\nПетрова;Анна;5А\n")
        #expect(try enrolments(db, "Петрова") == ["5Б 2026-09-01…2026-11-23", "5А 2026-11-23…"])
        #expect(try count(db, "person") == 2)
    }

    @Test func badDatesOfEnrolmentNameTheirLineAndImportNothing() throws {
        let db = try school()
        _ = try Importer(database: db, today: CivilDate(iso: "2026-10-01")!, now: Self.now).run(.students, bytes: Array("Фамилия;Имя;Класс\nПетрова;Анна;5Б\n".utf8), dryRun: false)
        let text = """
            Фамилия;Имя;Класс;Дата зачисления
            Новиков;Марк;5А;31.11.2026
            Орлова;Ева;5А;2026-11-16
            Сидоров;Иван;5А;01.09.2027
            Петрова;Анна;5А;15.09.2026
            Кузнецова;Мария;5А;16.11.2026
            """
        #expect {
            try run(db, .students, text)
        } throws: { error in
            let lines = (error as? ImportFailure)?.problems.map(\.description) ?? []
            return lines.count == 4
                && lines[0].hasPrefix("строка 2: «Дата зачисления»: «31.11.2026»")
                && lines[1].hasPrefix("строка 3: «Дата зачисления»: «2026-11-16»")
                && lines[2].hasPrefix("строка 4: «Дата зачисления»: «01.09.2027»")
                && lines[3].hasPrefix("строка 5: «Дата зачисления»: «15.09.2026»")
        }
        #expect(try count(db, "person") == 1)
        #expect(try enrolments(db, "Петрова") == ["5Б 2026-10-01…"])
    }

    /// Issue #11, item 6: re-importing a timetable with another subject at a slot moved a lesson
    /// that had a topic and homework to the new subject, and no audit row said so. A lesson with
    /// anything entered keeps its subject, teacher and entries; the lessons nothing was entered
    /// for follow, each with its audit row.
    @Test func aReplanNeverMovesALessonWithATopicAndHomework() throws {
        let db = try school()
        _ = try run(db, .staff, "Фамилия;Имя;Отчество;Должность\nКузнецов;Игорь;Петрович;учитель\nСмирнова;Ольга;Ивановна;учитель\n")
        _ = try run(db, .timetable, "Класс;День;Урок;Предмет;Учитель\n5А;Пн;1;Математика;Кузнецов И. П.\n")
        let monday = CivilDate(iso: "2026-11-30")!, later = CivilDate(iso: "2026-12-07")!
        func lesson(on date: CivilDate) throws -> (id: Int, subject: String, teacher: String, topic: String, homework: String) {
            try #require(try db.read { try $0.first("""
                SELECT l.id, s.name, p.last_name, l.topic, l.homework FROM lesson l JOIN subject s ON s.id = l.subject_id
                JOIN person p ON p.id = l.teacher_id WHERE l.date = ? AND l.bell_number = 1
                """, date) { ($0.int(0), $0.string(1), $0.string(2), $0.string(3), $0.string(4)) } })
        }
        let written = try lesson(on: monday), untouched = try lesson(on: later)
        try db.write { try $0.setLessonContent(written.id, topic: "Сложение дробей", planTopic: nil, homework: "№ 312", at: Self.now) }

        let report = try run(db, .timetable, "Класс;День;Урок;Предмет;Учитель\n5А;Пн;1;Русский язык;Смирнова О. И.\n")
        let kept = try lesson(on: monday)
        #expect(kept.id == written.id)
        #expect(kept.subject == "Математика" && kept.teacher == "Кузнецов")
        #expect(kept.topic == "Сложение дробей" && kept.homework == "№ 312")
        // The lesson nothing was entered for follows the timetable, and says so in the trail.
        let followed = try lesson(on: later)
        #expect(followed.id == untouched.id && followed.subject == "Русский язык" && followed.teacher == "Смирнова")
        let actions = { (id: Int) in try db.read { try $0.query("SELECT action FROM audit WHERE lesson_id = ? ORDER BY id", id) { $0.string(0) } } }
        #expect(try actions(followed.id) == ["lesson.replan_update"])
        #expect(try actions(kept.id).isEmpty)
        // The kept lesson is named in the import's report, for the person to decide.
        #expect(report.changes.contains { $0.contains("30.11") && $0.contains("Математика") })
    }

    @Test func classListsParse() throws {
        #expect(try SchoolSetup.parseClasses("1А-1В, 11Б").map(\.description) == ["1А", "1Б", "1В", "11Б"])
        #expect(throws: SetupError.self) { try SchoolSetup.parseClasses("5А-6Б") }
        #expect(throws: SetupError.self) { try SchoolSetup.parseClasses("пятый") }
    }
}
