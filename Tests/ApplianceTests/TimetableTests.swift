import Appliance
import Desks
import Domain
import HTTP
import Storage
import Testing

/// The timetable kept in the browser (`TimetableDesk` and its pages) on the fixture school, Monday
/// 23 November 2026 at 10:00: clashes refused, a change from a date splits the entry's versions,
/// the lessons follow except those with entries (kept and listed), and every change is audited.
@Suite struct TimetableTests {
    let app = FixtureSchool.app(try! FixtureSchool.copy())
    var database: Database { app.database }
    var desk: TimetableDesk { TimetableDesk(database: database, utcOffsetMinutes: FixtureSchool.offset) }

    static let volkova = "Волкова Елена Сергеевна", kuznetsova = "Кузнецова Ольга Николаевна", pavlov = "Павлов Дмитрий Игоревич"
    static let lebedev = "Лебедев Максим Андреевич", smirnova = "Смирнова Анна Олеговна"
    static let nextMonday = CivilDate(iso: "2026-11-30")!

    /// The deputy, entering changes at 10:00 on the fixture's Monday.
    var deputy: Editor {
        get throws {
            let actor = try database.read { c in
                try c.actor(account: c.account(person: FixtureSchool.id(Self.volkova))!, session: nil, today: FixtureSchool.today)
            }
            return Editor(actor: actor, session: nil, via: .page, at: FixtureSchool.at("2026-11-23T10:00"))
        }
    }

    var classA: Int { FixtureSchool.classID("5А") }
    var classB: Int { FixtureSchool.classID("5Б") }

    func subject(_ name: String) throws -> Int { try #require(try database.read { try $0.subjectID(named: name) }) }

    /// The entry of a class at a weekday and bell (the whole class's, or the first group's).
    func entry(_ classID: Int, weekday: Int, bell: Int) throws -> TimetableEntryView {
        try #require(try database.read { c in
            try c.timetableEntries(classID: classID, dates: Self.nextMonday...Self.nextMonday.adding(days: 6)).first { $0.weekday == weekday && $0.bell == bell }
        })
    }

    /// A class's lesson at a date and bell.
    func lesson(_ classID: Int, _ date: String, bell: Int) throws -> Lesson {
        try #require(try database.read { c in
            try c.first("SELECT id FROM lesson WHERE class_id = ? AND date = ? AND bell_number = ? ORDER BY id", classID, CivilDate(iso: date)!, bell) { $0.int(0) }
                .flatMap { try c.journalLesson($0) }
        })
    }

    func audit(_ action: AuditAction) throws -> [AuditListing] {
        try database.read { try $0.auditEntries(AuditFilter()).filter { $0.action == action.rawValue } }
    }

    @Test func clashesAreRefusedWithWhatClashes() throws {
        let editor = try deputy
        let math = try subject("Математика"), history = try subject("История")
        // Кузнецова teaches 5А at Monday's first bell: she cannot take 5Б's Russian then.
        let russianB = try entry(classB, weekday: 1, bell: 1)
        #expect(throws: DeskError.invalid("Кузнецова О. Н. в это время ведёт урок: 5А, Математика — Пн, 1-й урок.", field: "teacher")) {
            try desk.changeEntry(russianB.id, to: EntryDraft(subject: russianB.subjectID, teacher: FixtureSchool.id(Self.kuznetsova), room: "22", weekday: 1, bell: 1),
                                 from: Self.nextMonday, by: editor)
        }
        // 5А already has a lesson then.
        #expect(throws: DeskError.invalid("У 5А в это время уже есть урок: Математика, Кузнецова О. Н. — Пн, 1-й урок.", field: "bell")) {
            try desk.addEntry(classID: classA, EntryDraft(subject: history, teacher: FixtureSchool.id(Self.lebedev), weekday: 1, bell: 1), from: Self.nextMonday, by: editor)
        }
        // Room 21 is 5А's at Monday's first bell.
        #expect(throws: DeskError.invalid("Каб. 21 в это время занят: 5А, Математика — Пн, 1-й урок.", field: "room")) {
            try desk.changeEntry(russianB.id, to: EntryDraft(subject: russianB.subjectID, teacher: russianB.teacherID, room: "21", weekday: 1, bell: 1),
                                 from: Self.nextMonday, by: editor)
        }
        // Extra lessons on a date: the same rules among that day's lessons.
        let tuesday = CivilDate(iso: "2026-12-01")!
        _ = try desk.addLesson(classID: classA, on: tuesday, EntryDraft(subject: math, teacher: FixtureSchool.id(Self.kuznetsova), weekday: 2, bell: 1),
                               reason: "", by: editor)
        #expect(throws: DeskError.invalid("Кузнецова О. Н. в это время ведёт урок: 5А, Математика — 01.12, 1-й урок.", field: "teacher")) {
            try desk.addLesson(classID: classB, on: tuesday, EntryDraft(subject: math, teacher: FixtureSchool.id(Self.kuznetsova), weekday: 2, bell: 1),
                               reason: "", by: editor)
        }
        // The two English groups of 5А share a bell (no student is in both) — no clash with each other.
        let english = try entry(classA, weekday: 1, bell: 3)
        #expect(english.groupID != nil)
        // Nothing of a refused change was written.
        #expect(try audit(.timetableEntryAdd).isEmpty && audit(.timetableEntryChange).isEmpty)
        // A change cannot take effect in the past.
        #expect(throws: DeskError.self) {
            try desk.changeEntry(russianB.id, to: EntryDraft(subject: russianB.subjectID, teacher: russianB.teacherID, room: "40", weekday: 1, bell: 1),
                                 from: CivilDate(iso: "2026-11-16")!, by: editor)
        }
    }

    @Test func aChangeFromADateSplitsTheEntryAndTheLessonsFollowExceptThoseWithEntries() throws {
        let editor = try deputy
        let old = try entry(classA, weekday: 3, bell: 3)  // 5А, Wednesday, 3rd: История, Волкова, room 14
        #expect(old.subjectName == "История" && old.validTo == CivilDate(iso: "2027-08-31")!)
        // Волкова sets homework for 2 December in advance: that lesson is kept.
        let written = try lesson(classA, "2026-12-02", bell: 3)
        try JournalDesk(database: database, utcOffsetMinutes: FixtureSchool.offset).setContent(
            lesson: written.id, topic: "", planTopic: nil, homework: "§ 12, вопросы 1–3", by: editor)
        let untouched = try lesson(classA, "2026-12-09", bell: 3)
        let before = try lesson(classA, "2026-11-25", bell: 3)  // before the date: stays as it was

        let outcome = try desk.changeEntry(old.id, to: EntryDraft(subject: old.subjectID, teacher: FixtureSchool.id(Self.lebedev), room: "14", weekday: 3, bell: 3),
                                           from: Self.nextMonday, reason: "приказ № 41", by: editor)
        // The old version ends the day before; a new one runs from the date to the year's end.
        let closed = try #require(try database.read { try $0.timetableEntryView(old.id) })
        #expect(closed.validTo == CivilDate(iso: "2026-11-29")! && closed.teacherName == "Волкова Е. С.")
        let new = try #require(try database.read { try $0.timetableEntryView(outcome.entry!) })
        #expect(new.id != old.id && new.validFrom == Self.nextMonday && new.validTo == old.validTo && new.teacherName == "Лебедев М. А.")
        // The lessons from the date follow; the one with homework keeps its teacher and is listed.
        #expect(try lesson(classA, "2026-12-09", bell: 3).teacherName == "Лебедев Максим Андреевич")
        #expect(try lesson(classA, "2026-12-02", bell: 3).teacherName == "Волкова Елена Сергеевна")
        #expect(try lesson(classA, "2026-12-02", bell: 3).homework == "§ 12, вопросы 1–3")
        #expect(try lesson(classA, "2026-11-25", bell: 3).teacherName == before.teacherName)
        #expect(outcome.sync.kept.map(\.id) == [written.id])
        #expect(outcome.sync.kept.first?.plan?.teacherName == "Лебедев М. А.")
        #expect(outcome.sync.updated.contains { $0.id == untouched.id } && outcome.sync.created == 0 && outcome.sync.removed.isEmpty)
        // The new teacher may fill the lessons: the teaching assignment came with the entry.
        #expect(try database.read { try $0.classHasSubject(classID: classA, subjectID: old.subjectID) })
        // Audit: the entry's change with its reason, and a row for every lesson that followed.
        let change = try #require(try audit(.timetableEntryChange).first)
        #expect(change.oldValue == "Ср, 3-й урок: История, Волкова Е. С., каб. 14")
        #expect(change.newValue == "Ср, 3-й урок: История, Лебедев М. А., каб. 14 — с 30.11.2026" && change.reason == "приказ № 41")
        #expect(change.classID == classA)
        let followed = try audit(.lessonReplanUpdate)
        #expect(followed.count == outcome.sync.updated.count)
        let row = try #require(followed.first { $0.lesson == untouched.id })
        #expect(row.oldValue == "09.12, 3-й урок: История, Волкова Е. С., каб. 14" && row.newValue == "09.12, 3-й урок: История, Лебедев М. А., каб. 14")
        #expect(row.classID == classA && row.reason == "изменение расписания с 30.11.2026")
        #expect(!followed.contains { $0.lesson == written.id })
        // The week as of a date before the change shows the old version, after it the new.
        let deputyClient = try FixtureSchool.signedIn(app, Self.volkova)
        #expect(try deputyClient.get("/timetable/classes/\(classA)?date=2026-11-25").text.contains("Волкова Е. С."))
        #expect(try deputyClient.get("/timetable/classes/\(classA)?date=2026-12-02").text.contains("Лебедев М. А."))
    }

    @Test func removingAnEntryFromADateRemovesTheLessonsNothingWasEnteredFor() throws {
        let editor = try deputy
        let russian = try entry(classB, weekday: 5, bell: 3)  // 5Б, Friday, 3rd: Русский язык
        let outcome = try desk.removeEntry(russian.id, from: CivilDate(iso: "2026-12-04")!, by: editor)
        #expect(outcome.entry == nil && outcome.sync.removed.count > 10 && outcome.sync.kept.isEmpty)
        #expect(try database.read { try $0.timetableEntryView(russian.id)?.validTo } == CivilDate(iso: "2026-12-03")!)
        #expect(try database.read { try $0.first("SELECT count(*) FROM lesson WHERE timetable_entry_id = ? AND date >= '2026-12-04'", russian.id) { $0.int(0) } } == 0)
        #expect(try audit(.lessonReplanRemove).count == outcome.sync.removed.count)
        #expect(try audit(.timetableEntryRemove).first?.newValue == "убран с 04.12.2026")
        // An entry added from a later date and removed before it begins goes altogether.
        let added = try desk.addEntry(classID: classB, EntryDraft(subject: russian.subjectID, teacher: russian.teacherID, room: "22", weekday: 5, bell: 3),
                                      from: CivilDate(iso: "2026-12-11")!, by: editor)
        #expect(added.sync.created > 10)
        let gone = try desk.removeEntry(added.entry!, from: CivilDate(iso: "2026-12-07")!, by: editor)
        #expect(gone.sync.removed.count == added.sync.created)
        #expect(try database.read { try $0.timetableEntryView(added.entry!) } == nil)
    }

    @Test func anExtraLessonAndARoomForOneLessonAreChangesOfTheirDay() throws {
        let editor = try deputy
        let math = try subject("Математика")
        let id = try desk.addLesson(classID: classA, on: CivilDate(iso: "2026-11-24")!, EntryDraft(subject: math, teacher: FixtureSchool.id(Self.kuznetsova),
                                                                                                 room: "21", weekday: 2, bell: 4), reason: "консультация перед контрольной", by: editor)
        let extra = try #require(try database.read { try $0.journalLesson(id) })
        #expect(extra.date == CivilDate(iso: "2026-11-24")! && extra.bell == 4 && extra.changeNote == "Дополнительный урок")
        #expect(try database.read { try $0.timetableChanges(on: CivilDate(iso: "2026-11-24")!) }.map(\.kind) == [.added])
        #expect(try audit(.timetableAdded).first?.lesson == id)
        // A re-plan leaves a lesson of no entry alone.
        _ = try desk.changeEntry(try entry(classA, weekday: 1, bell: 1).id, to: EntryDraft(subject: math, teacher: FixtureSchool.id(Self.kuznetsova),
                                                                                           room: "23", weekday: 1, bell: 1), from: FixtureSchool.today, by: editor)
        #expect(try database.read { try $0.journalLesson(id) } != nil)

        // Room 22 for Monday's Russian of 5А; 21 is taken by 5Б's mathematics then.
        let russian = try lesson(classA, "2026-11-30", bell: 2)
        #expect(throws: DeskError.invalid("Каб. 21 в это время занят: 5Б, Математика — 30.11, 2-й урок.", field: "room")) {
            try desk.changeTimetable(lesson: russian.id, .room("21"), reason: "", by: editor)
        }
        try desk.changeTimetable(lesson: russian.id, .room("Актовый зал"), reason: "ремонт", by: editor)
        #expect(try database.read { try $0.lessonRoom(russian.id)?.name } == "Актовый зал")
        let change = try #require(try database.read { try $0.timetableChanges(on: Self.nextMonday) }.first { $0.lessonID == russian.id })
        #expect(change.kind == .room && change.note == "Кабинет: Актовый зал" && change.reason == "ремонт")
        #expect(try audit(.timetableRoom).first?.newValue == "Кабинет: Актовый зал")
    }

    // MARK: Pages

    @Test func theDeputyKeepsTheTimetableInTheBrowser() throws {
        let deputy = try FixtureSchool.signedIn(app, Self.volkova)
        let week = try deputy.page("/timetable/classes/\(classA)?date=2026-11-30")
        #expect(week.status == 200)
        #expect(week.text.contains("<h1>Расписание 5А</h1>") && week.text.contains("Английский 1") && week.text.contains("Лебедев М. А."))
        #expect(week.text.contains("action=\"/timetable/classes/\(classA)/entries\"") && week.text.contains("action=\"/timetable/classes/\(classA)/lessons\""))
        let history = try entry(classA, weekday: 3, bell: 3)
        #expect(week.text.contains("href=\"/timetable/entries/\(history.id)?date=2026-11-30\""))
        // A clash comes back beside its field, with what was typed.
        try deputy.page("/timetable/entries/\(history.id)")
        let refused = try deputy.post("/timetable/entries/\(history.id)", [
            ("subject", String(history.subjectID)), ("teacher", String(FixtureSchool.id(Self.pavlov))), ("room", "14"), ("group", ""),
            ("weekday", "3"), ("bell", "3"), ("from", "2026-11-30"), ("reason", ""),
        ])
        #expect(refused.status == 422)
        #expect(refused.text.contains("class=\"field-error\" role=\"alert\">Павлов Д. И. в это время ведёт урок: 5Б, Литература — Ср, 3-й урок."))
        // Saved: the class's week from that date, with what the re-plan did.
        let saved = try deputy.post("/timetable/entries/\(history.id)", [
            ("subject", String(history.subjectID)), ("teacher", String(FixtureSchool.id(Self.lebedev))), ("room", "14"), ("group", ""),
            ("weekday", "3"), ("bell", "3"), ("from", "2026-11-30"), ("reason", "приказ № 41"),
        ])
        #expect(saved.status == 303)
        let location = try #require(saved.headers["location"])
        #expect(location.hasPrefix("/timetable/classes/\(classA)?date=2026-11-30&replanned="))
        #expect(try deputy.page(location).text.contains("Расписание сохранено. Уроки в журнале: изменено"))
        // An extra lesson from the week's form; the /changes board of that day shows it.
        try deputy.page("/timetable/classes/\(classA)")
        let extra = try deputy.post("/timetable/classes/\(classA)/lessons", [
            ("date", "2026-11-24"), ("bell", "5"), ("subject", String(try subject("Математика"))), ("teacher", String(FixtureSchool.id(Self.kuznetsova))),
            ("group", ""), ("room", "21"), ("reason", "консультация"), ("week", "2026-11-23"),
        ])
        #expect(extra.status == 303)
        #expect(try deputy.get("/changes?date=2026-11-24").text.contains("Дополнительный урок"))
        // A room for one lesson, from the lesson's own link.
        let russian = try lesson(classA, "2026-11-30", bell: 2)
        #expect(try deputy.page("/lessons/\(russian.id)").text.contains("href=\"/timetable/lessons/\(russian.id)/room\""))
        #expect(try deputy.page("/timetable/lessons/\(russian.id)/room").status == 200)
        #expect(try deputy.post("/timetable/lessons/\(russian.id)/room", [("room", "21"), ("reason", "")]).status == 422)
        #expect(try deputy.post("/timetable/lessons/\(russian.id)/room", [("room", "31"), ("reason", "")]).status == 303)
    }

    /// The entry forms offer the class's subjects (those it has a teaching assignment of) first,
    /// and the school's other subjects in a group of their own.
    @Test func theFormsOfferTheClasssSubjectsFirst() throws {
        let deputy = try FixtureSchool.signedIn(app, Self.volkova)
        let (taught, all) = try database.read { c in
            (Set(try c.classSubjects(year: c.schoolClass(classA)!.yearID).filter { $0.classID == classA }.map(\.subjectID)), try c.subjectList())
        }
        let others = all.filter { !taught.contains($0.id) }
        #expect(!taught.isEmpty && !others.isEmpty)
        for target in ["/timetable/classes/\(classA)?date=2026-11-30", "/timetable/entries/\(try entry(classA, weekday: 3, bell: 3).id)"] {
            let page = try deputy.page(target).text
            let select = try #require(page.range(of: "<select name=\"subject\">").map { page[$0.upperBound...] })
            let list = String(select[..<(try #require(select.range(of: "</select>"))).lowerBound])
            let parts = list.components(separatedBy: "<optgroup label=\"Другие предметы\">")
            #expect(parts.count == 2, "\(target)")
            func ids(_ html: String) -> [Int] {
                html.components(separatedBy: "<option value=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            }
            #expect(Set(ids(parts[0])) == taught && ids(parts[0]).count == taught.count, "\(target)")
            #expect(ids(parts.last ?? "") == others.map(\.id), "\(target)")
        }
    }

    @Test func teachersSeeTheirOwnWeekAndChangeNothing() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.smirnova)
        let me = FixtureSchool.id(Self.smirnova)
        #expect(try teacher.get("/timetable").headers["location"] == "/timetable/teachers/\(me)?date=2026-11-23")
        let own = try teacher.page("/timetable/teachers/\(me)")
        #expect(own.status == 200 && own.text.contains("<h1>Моё расписание</h1>") && own.text.contains("5А · Английский 1"))
        #expect(!own.text.contains("/timetable/entries/"))
        #expect(try teacher.get("/timetable/teachers/\(FixtureSchool.id(Self.kuznetsova))").status == 403)
        #expect(try teacher.get("/timetable/classes/\(classA)").status == 403)
        let history = try entry(classA, weekday: 3, bell: 3)
        #expect(try teacher.get("/timetable/entries/\(history.id)").status == 403)
        #expect(try teacher.post("/timetable/entries/\(history.id)", [("subject", "1"), ("teacher", "1"), ("weekday", "3"), ("bell", "3"), ("from", "2026-11-30")]).status == 403)
        #expect(try teacher.post("/timetable/classes/\(classA)/lessons", [("date", "2026-11-24")]).status == 403)
        // A class teacher reads their own class's week, not another's.
        let classTeacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        #expect(try classTeacher.get("/timetable/classes/\(classA)").status == 200)
        #expect(try classTeacher.get("/timetable/classes/\(classB)").status == 403)
        #expect(!(try classTeacher.get("/timetable/classes/\(classA)").text.contains("/entries\"")))
        // The refusals are in the trail (one account's burst in a minute: a few rows and a count).
        RefusalLog(database: database).flush()
        #expect(try database.read { try $0.auditEntries(AuditFilter()).filter { $0.action == "access.denied" } }.count >= RefusalLog.rowsPerMinute + 1)
    }
}
