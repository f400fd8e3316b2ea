import Desks
import Domain
@testable import Setup
import Storage
import Testing

/// Re-planning the journal's lessons from the timetable (`LessonPlan.replan` over
/// `Connection.syncLessons`): what follows, what goes, what is kept and listed, and the audit
/// row of each.
@Suite struct ReplanTests {
    static let today = CivilDate(iso: "2026-11-23")!
    static let now = SchoolDateTime(iso: "2026-11-23T10:00")!.unixSeconds(offsetMinutes: 180)
    static let monday = CivilDate(iso: "2026-11-30")!, nextMonday = CivilDate(iso: "2026-12-07")!

    let db: Database
    let year: Int
    let classA: Int

    init() throws {
        db = try Database.open(path: "/tmp/tabel-replan-\(Int.random(in: 0..<1_000_000_000)).sqlite")
        _ = try SchoolSetup.initialize(db, SchoolSetup.Options(school: School(name: "Школа № 5"), startYear: 2026,
                                                               classes: try SchoolSetup.parseClasses("5А-5Б")), now: Self.now)
        let importer = Importer(database: db, today: Self.today, now: Self.now)
        for (kind, text) in [(Importer.Kind.staff, "Фамилия;Имя;Отчество;Должность\nКузнецов;Игорь;Петрович;учитель\nСмирнова;Ольга;Ивановна;учитель\n"),
                             (.students, "Фамилия;Имя;Класс\nИванов;Пётр;5А\n"),
                             (.timetable, "Класс;День;Урок;Предмет;Учитель;Кабинет\n5А;Пн;1;Математика;Кузнецов И. П.;21\n5Б;Пн;2;Математика;Кузнецов И. П.;21\n")] {
            _ = try importer.run(kind, bytes: Array(text.utf8), dryRun: false)
        }
        (year, classA) = try db.read { c in
            let year = try c.academicYear(containing: Self.today)!.id
            return (year, try c.classID(name: "5А", year: year)!)
        }
    }

    @discardableResult
    func run(_ kind: Importer.Kind, _ text: String) throws -> ImportReport {
        try Importer(database: db, today: Self.today, now: Self.now).run(kind, bytes: Array(text.utf8), dryRun: false)
    }

    func replan(from: CivilDate = ReplanTests.today, classes: Set<Int>? = nil) throws -> LessonSync {
        try db.write { try LessonPlan.replan($0, year: year, from: from, classes: classes, reason: "тест", by: .console(at: Self.now)) }
    }

    /// 5А's lesson at the first bell of `date`.
    func lesson(_ date: CivilDate, bell: Int = 1) throws -> (id: Int, subject: String, teacher: String, room: String?)? {
        try db.read { try $0.first("""
            SELECT l.id, s.name, p.last_name, r.name FROM lesson l JOIN subject s ON s.id = l.subject_id JOIN person p ON p.id = l.teacher_id
            LEFT JOIN room r ON r.id = l.room_id WHERE l.class_id = ? AND l.date = ? AND l.bell_number = ?
            """, classA, date, bell) { ($0.int(0), $0.string(1), $0.string(2), $0.optionalString(3)) } }
    }

    func count(_ sql: String) throws -> Int { try db.read { try $0.first(sql) { $0.int(0) } ?? 0 } }
    func count(_ sql: String, _ a: any SQLBindable) throws -> Int { try db.read { try $0.first(sql, a) { $0.int(0) } ?? 0 } }
    func count(_ sql: String, _ a: any SQLBindable, _ b: any SQLBindable) throws -> Int { try db.read { try $0.first(sql, a, b) { $0.int(0) } ?? 0 } }

    func actions(lesson: Int) throws -> [String] {
        try db.read { try $0.query("SELECT action FROM audit WHERE lesson_id = ? ORDER BY id", lesson) { $0.string(0) } }
    }

    @Test func aNewHolidayRemovesTheLessonsNothingWasEnteredForAndListsTheOthers() throws {
        let empty = try #require(try lesson(Self.monday)), written = try #require(try lesson(Self.nextMonday))
        try db.write { try $0.setLessonContent(written.id, topic: "", planTopic: nil, homework: "Повторить таблицу", at: Self.now) }
        try db.write { try $0.insertHoliday(year: year, name: "Карантин", startsOn: Self.monday, endsOn: Self.nextMonday) }
        let sync = try replan()
        #expect(sync.removed.count == 3 && sync.removed.first?.id == empty.id)  // 5А's, and 5Б's two Mondays
        #expect(try lesson(Self.monday) == nil)
        #expect(try actions(lesson: empty.id) == ["lesson.replan_remove"])
        // The lesson with homework stays where it is, unchanged, and is listed with no plan in its place.
        #expect(try lesson(Self.nextMonday)?.id == written.id)
        #expect(sync.kept.map(\.id) == [written.id])
        #expect(sync.kept.first?.plan == nil && sync.kept.first?.lesson.subjectName == "Математика")
        #expect(try actions(lesson: written.id).isEmpty)
        // 5Б's lessons on those days went too (the holiday is the whole school's), and nothing was made anew.
        #expect(sync.created == 0)
        #expect(try count("SELECT count(*) FROM lesson WHERE date BETWEEN ? AND ?", Self.monday, Self.nextMonday) == 1)
    }

    @Test func aShorterPeriodRemovesTheLessonsOutsideIt() throws {
        let last = try #require(try db.read { try $0.first("SELECT max(date) FROM lesson WHERE class_id = ?", classA) { try $0.date(0) } })
        try db.write { try $0.run("UPDATE period SET ends_on = ?1 WHERE ?2 BETWEEN starts_on AND ends_on", last.adding(days: -3), last) }
        let sync = try replan()
        #expect(sync.removed.count == 2)  // 5А's and 5Б's last Monday
        #expect(try lesson(last) == nil)
        #expect(try count("SELECT count(*) FROM audit WHERE action = 'lesson.replan_remove'") == 2)
    }

    @Test func aKTPTopicFollowsANewTeacherButNeverAnotherSubject() throws {
        let l = try #require(try lesson(Self.monday))
        try db.write { c in
            let topic = try c.insertPlanTopic(year: year, class: classA, subject: try c.subjectID(named: "Математика")!, position: 1, title: "Дроби", hours: 1)
            try c.setLessonTopic(l.id, topic: "Дроби", planTopic: topic, at: Self.now)
        }
        try run(.timetable, "Класс;День;Урок;Предмет;Учитель;Кабинет\n5А;Пн;1;Математика;Смирнова О. И.;22\n")
        #expect(try lesson(Self.monday)?.teacher == "Смирнова" && lesson(Self.monday)?.room == "22")
        #expect(try actions(lesson: l.id) == ["lesson.replan_update"])
        let report = try run(.timetable, "Класс;День;Урок;Предмет;Учитель;Кабинет\n5А;Пн;1;Русский язык;Смирнова О. И.;22\n")
        #expect(try lesson(Self.monday)?.subject == "Математика")
        #expect(try lesson(Self.nextMonday)?.subject == "Русский язык")
        #expect(report.changes.contains { $0.hasPrefix("оставлен урок с записями") && $0.contains("30.11, 1-й урок: Математика") })
    }

    @Test func aMovedLessonStillHoldsItsSlot() throws {
        let l = try #require(try lesson(Self.monday))
        try db.write { c in
            try c.moveLesson(l.id, to: CivilDate(iso: "2026-12-01")!, bell: 4, note: "Перенесён с 30.11, 1-й урок")
            try c.insertTimetableChange(lesson: l.id, kind: .moved, reason: "", enteredBy: nil, at: Self.now)
        }
        let sync = try replan()
        #expect(sync.created == 0 && sync.kept.isEmpty && sync.updated.isEmpty && sync.removed.isEmpty)
        #expect(try lesson(Self.monday) == nil)
    }

    @Test func aKeptLessonHoldsItsBellAgainstTheNewEntry() throws {
        let l = try #require(try lesson(Self.monday))
        try db.write { try $0.setLessonContent(l.id, topic: "Повторение", planTopic: nil, homework: "", at: Self.now) }
        // The entry goes from Monday; a new one (another subject) comes at the same bell.
        try db.write { c in
            let entry = try c.first("SELECT timetable_entry_id FROM lesson WHERE id = ?", l.id) { $0.int(0) }!
            try c.run("UPDATE timetable_entry SET valid_to = ? WHERE id = ?", Self.monday.adding(days: -1), entry)
            _ = try c.insertTimetableEntry(year: year, class: classA, group: nil, subject: try c.subjectID(named: "История")!,
                                           teacher: try c.staffNamed("Смирнова")[0], room: nil, weekday: 1, bell: 1,
                                           validFrom: Self.monday, validTo: CivilDate(iso: "2027-08-31")!)
        }
        let sync = try replan(from: Self.monday, classes: [classA])
        #expect(sync.kept.map(\.id) == [l.id])
        #expect(sync.kept.first?.plan?.subjectName == "История")
        // The other Mondays' lessons took the new entry; no second lesson at the kept one's bell.
        #expect(try lesson(Self.nextMonday)?.subject == "История")
        #expect(try count("SELECT count(*) FROM lesson WHERE class_id = ? AND date = ?", classA, Self.monday) == 1)
        #expect(sync.updated.count > 20 && sync.created == 0 && sync.removed.isEmpty)
        // Only 5А was re-planned, and the audit rows name it.
        #expect(try count("SELECT count(*) FROM audit WHERE action = 'lesson.replan_update' AND class_id <> ?", classA) == 0)
    }

    @Test func aReplanWithNothingToDoWritesNothing() throws {
        let before = try count("SELECT count(*) FROM audit")
        let sync = try replan()
        #expect(sync == LessonSync())
        #expect(try count("SELECT count(*) FROM audit") == before)
    }
}
