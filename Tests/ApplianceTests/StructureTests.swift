import Appliance
import Desks
import Domain
import HTTP
import Setup
import Storage
import Testing

/// The school's structure through `StructureDesk`: its rules, the re-plan of lessons, the policy and the audit rows.
@Suite struct StructureDeskTests {
    let database = try! TestSchool.copy()
    var desk: StructureDesk { StructureDesk(database: database) }

    func editor(_ role: Role) throws -> Editor {
        let login = TestSchool.login(role)
        let actor = try database.read { c in try c.actor(account: c.account(person: login.personID)!, session: nil, today: TestSchool.today) }
        return Editor(actor: actor, session: nil, via: .page, at: TestSchool.clock.unixNow())
    }

    var year: AcademicYear { try! database.read { try $0.academicYear(containing: TestSchool.today)! } }

    /// Lessons of a week by the grades of their classes.
    func lessons(from: String, to: String, grades: ClosedRange<Int>) throws -> [Int] {
        try database.read { c in
            try c.query("""
                SELECT l.id FROM lesson l JOIN school_class c ON c.id = l.class_id
                WHERE l.date BETWEEN ? AND ? AND c.grade BETWEEN ? AND ? ORDER BY l.id
                """, from, to, grades.lowerBound, grades.upperBound) { $0.int(0) }
        }
    }

    func auditActions() throws -> [String] {
        try database.read { try $0.auditEntries(AuditFilter()).map(\.action) }
    }

    func problems(_ body: () throws -> Any) -> [String: String] {
        do {
            _ = try body()
            return [:]
        } catch let DeskError.invalidFields(fields) {
            return fields
        } catch let DeskError.invalid(message, field) {
            return [field: message]
        } catch {
            return ["error": "\(error)"]
        }
    }

    // MARK: Periods

    @Test func overlappingPeriodsAreRefusedAndNothingChanges() throws {
        let admin = try editor(.administrator)
        let periods = try database.read { try $0.periods(year: year.id) }
        let second = try #require(periods.first { $0.scheme == .quarter && $0.number == 2 })
        let audit = try auditActions().count
        let refused = problems {
            try desk.changePeriod(second.id, .init(scheme: "quarter", number: "2", name: second.name, startsOn: "2026-10-20", endsOn: second.endsOn.iso), by: admin)
        }
        #expect(refused["starts_on"] == "Пересекается с периодом «I четверть».")
        let english = problems {
            try desk.changePeriod(second.id, .init(scheme: "quarter", number: "2", name: "", startsOn: "2026-11-02", endsOn: "2026-10-30"),
                                  by: Editor(actor: admin.actor, session: nil, via: .page, at: admin.at, language: .english))
        }
        #expect(english["ends_on"] == "It ends before it starts.")
        #expect(try database.read { try $0.period(second.id)?.period } == second)
        #expect(try auditActions().count == audit)
        // A fifth quarter has no number; a second «I полугодие» is taken.
        #expect(problems { try desk.addPeriod(year: year.id, .init(scheme: "quarter", number: "5", name: "", startsOn: "2027-06-01", endsOn: "2027-06-10"), by: admin) }["number"] != nil)
        #expect(problems { try desk.addPeriod(year: year.id, .init(scheme: "half", number: "1", name: "", startsOn: "2027-06-01", endsOn: "2027-06-10"), by: admin) }["number"]
            == "Номер 1 уже есть.")
    }

    @Test func aShorterQuarterRemovesItsUntouchedLessonsAndALongerOneGetsThemBack() throws {
        let admin = try editor(.administrator)
        let second = try #require(try database.read { try $0.periods(year: year.id) }.first { $0.scheme == .quarter && $0.number == 2 })
        let quarterLessons = try lessons(from: "2026-12-21", to: second.endsOn.iso, grades: 2...9)
        let halfLessons = try lessons(from: "2026-12-21", to: second.endsOn.iso, grades: 10...11)
        #expect(!quarterLessons.isEmpty && !halfLessons.isEmpty)
        let shorter = try desk.changePeriod(second.id, .init(scheme: "quarter", number: "2", name: second.name, startsOn: second.startsOn.iso, endsOn: "2026-12-18"), by: admin)
        // Grades 1–9 report by quarters: their last week is gone; 10–11 report by half-years and keep theirs.
        #expect(shorter.removed >= quarterLessons.count && shorter.created == 0 && shorter.outside == 0)
        #expect(try lessons(from: "2026-12-21", to: second.endsOn.iso, grades: 1...9).isEmpty)
        #expect(try lessons(from: "2026-12-21", to: second.endsOn.iso, grades: 10...11) == halfLessons)
        let back = try desk.changePeriod(second.id, .init(scheme: "quarter", number: "2", name: second.name, startsOn: second.startsOn.iso, endsOn: second.endsOn.iso), by: admin)
        #expect(back.created == shorter.removed && back.removed == 0)
        #expect(try lessons(from: "2026-12-21", to: second.endsOn.iso, grades: 2...9).count == quarterLessons.count)
        let rows = try database.read { try $0.auditEntries(AuditFilter()).filter { $0.action == "structure.period" } }
        #expect(rows.count == 2)
        #expect(rows.contains { $0.newValue == "II четверть (четверти, № 2): 02.11.2026–18.12.2026" && $0.reason.hasPrefix("уроков добавлено 0, удалено \(shorter.removed)") })
    }

    // MARK: Holidays

    @Test func aHolidayRemovesUntouchedLessonsAndKeepsAndListsThoseWithEntries() throws {
        let admin = try editor(.administrator)
        let week = try lessons(from: "2026-12-07", to: "2026-12-11", grades: 5...9)
        let others = try lessons(from: "2026-12-07", to: "2026-12-11", grades: 1...4) + lessons(from: "2026-12-07", to: "2026-12-11", grades: 10...11)
        #expect(week.count > 10)
        // One lesson with a mark, one with homework given in advance, one with a topic from the КТП only.
        let (marked, homework, planned) = (week[0], week[1], week[2])
        try database.write { c in
            let l = try c.journalLesson(marked)!
            let student = try c.journalStudents(classID: l.classID, groupID: l.groupID, from: l.date, to: l.date)[0].id
            try c.insertMark(lesson: marked, student: student, value: 5, workType: try c.workTypes()[0].id, by: l.teacherID, at: TestSchool.clock.unixNow())
            try c.setLessonContent(homework, topic: "", planTopic: nil, homework: "§ 12", at: TestSchool.clock.unixNow())
            let topic = try c.insertPlanTopic(year: l.yearID, class: l.classID, subject: l.subjectID, position: 999, title: "Повторение", hours: 1)
            try c.setLessonTopic(planned, topic: "Повторение", planTopic: topic, at: nil)
        }
        let replan = try desk.addHoliday(year: year.id, .init(name: "Карантин", startsOn: "2026-12-07", endsOn: "2026-12-11", minGrade: "5", maxGrade: "9"), by: admin)
        #expect(replan == StructureDesk.Replan(created: 0, removed: week.count - 2, outside: 2))
        #expect(try lessons(from: "2026-12-07", to: "2026-12-11", grades: 5...9) == [marked, homework])
        #expect(try lessons(from: "2026-12-07", to: "2026-12-11", grades: 1...4) + lessons(from: "2026-12-07", to: "2026-12-11", grades: 10...11) == others)
        let outside = try database.read { try $0.lessonsOutsidePlan(year: year.id) }
        #expect(Set(outside.map(\.id)) == [marked, homework])
        #expect(outside.first { $0.id == marked }?.marks == 1 && outside.first { $0.id == homework }?.homework == true)
        let row = try #require(try database.read { try $0.auditEntries(AuditFilter()).first { $0.action == "structure.holiday" } })
        #expect(row.newValue == "Карантин: 07.12.2026–11.12.2026, 5–9 классы")
        #expect(row.reason == "уроков добавлено 0, удалено \(week.count - 2); вне плана с записями 2")

        // Removing the holiday brings the lessons back, the kept ones not twice.
        let holiday = try #require(try database.read { try $0.holidays(year: year.id) }.first { $0.name == "Карантин" })
        let back = try desk.deleteHoliday(holiday.id, by: admin)
        #expect(back == StructureDesk.Replan(created: week.count - 2, removed: 0, outside: 0))
        #expect(try lessons(from: "2026-12-07", to: "2026-12-11", grades: 5...9).count == week.count)
        #expect(try database.read { try $0.lessonsOutsidePlan(year: year.id) }.isEmpty)
    }

    @Test func aHolidayIsForSomeGradesInsideTheYear() throws {
        let admin = try editor(.administrator)
        let refused = problems {
            try desk.addHoliday(year: year.id, .init(name: " ", startsOn: "2026-08-20", endsOn: "2026-09-02", minGrade: "4", maxGrade: "2"), by: admin)
        }
        #expect(refused == ["name": "Заполните это поле.", "starts_on": "Вне учебного года 2026/2027 (01.09.2026–31.08.2027).", "max_grade": "«По класс» не меньше «с класса»."])
        #expect(!(try auditActions().contains("structure.holiday")))
    }

    // MARK: Bells, rooms, subjects

    @Test func bellsKeepTheirOrderAndTheTimetableTheirs() throws {
        let admin = try editor(.administrator)
        let main = try #require(try database.read { try $0.bellSchedules() }.first)
        let last = try #require(main.bells.last)
        #expect(problems { try desk.addBell(schedule: main.id, .init(number: "\(last.number + 1)", startsAt: "\(last.startsAt)", endsAt: "23:00"), by: admin) }
            == ["starts_at": "Пересекается с \(last.number)-м уроком."])
        #expect(problems { try desk.changeBell(schedule: main.id, number: 1, .init(number: "", startsAt: "09:00", endsAt: "08:45"), by: admin) }
            == ["ends_at": "Конец раньше начала."])
        try desk.addBell(schedule: main.id, .init(number: "\(last.number + 1)", startsAt: "\(last.endsAt.adding(minutes: 10))", endsAt: "\(last.endsAt.adding(minutes: 55))"), by: admin)
        try desk.changeBell(schedule: main.id, number: last.number + 1, .init(number: "", startsAt: "\(last.endsAt.adding(minutes: 5))", endsAt: "\(last.endsAt.adding(minutes: 50))"), by: admin)
        // Lessons are at bell 1: it stays; the new one, unused, goes.
        #expect(problems { try desk.deleteBell(schedule: main.id, number: 1, by: admin) }["delete"]?.contains("расписание уроков: ") == true)
        try desk.deleteBell(schedule: main.id, number: last.number + 1, by: admin)
        #expect(try database.read { try $0.bellSchedules() }.first == main)
        // A schedule that classes ring by stays too.
        #expect(problems { try desk.deleteBellSchedule(main.id, by: admin) }["delete"]?.contains("классы") == true)
        #expect(try auditActions().filter { $0 == "structure.bells" }.count == 3)
    }

    @Test func roomsInUseStayAndNamesAreTheSchoolsOnce() throws {
        let admin = try editor(.administrator)
        let used = try #require(try database.read { c in try c.query("SELECT room_id FROM lesson WHERE room_id IS NOT NULL LIMIT 1") { $0.int(0) } }.first)
        #expect(problems { try desk.deleteRoom(used, by: admin) }["delete"]?.contains("уроки") == true)
        let id = try desk.addRoom(name: " Актовый зал ", by: admin)
        #expect(problems { _ = try desk.addRoom(name: "Актовый зал", by: admin) } == ["name": "«Актовый зал» уже есть."])
        try desk.renameRoom(id, name: "Спортзал 2", by: admin)
        try desk.deleteRoom(id, by: admin)
        #expect(try auditActions().filter { $0 == "structure.room" }.count == 3)
    }

    @Test func aSubjectsScaleStaysWhileItsMarksAreThereAndNoneRefusesMarks() throws {
        let admin = try editor(.administrator)
        let marked = try #require(try database.read { c in
            try c.query("SELECT l.subject_id FROM mark m JOIN lesson l ON l.id = m.lesson_id GROUP BY l.subject_id ORDER BY count(*) DESC LIMIT 1") { $0.int(0) }
        }.first)
        let subject = try #require(try database.read { try $0.subjects() }.first { $0.id == marked })
        #expect(problems { try desk.changeSubject(marked, .init(name: subject.name, shortName: subject.shortName, scale: "none"), year: year.id, by: admin) }
            == ["scale": "В журнале этого года уже есть отметки по предмету: оценивание не изменить."])
        let chess = try desk.addSubject(.init(name: "Шахматы", shortName: "Шахм.", scale: "none"), by: admin)
        #expect(try database.read { try $0.subjectScale(chess) } == .unmarked)
        try desk.changeSubject(chess, .init(name: "Шахматы", shortName: "Шахм.", scale: "passfail"), year: year.id, by: admin)
        #expect(problems { _ = try desk.addSubject(.init(name: "Шахматы", shortName: "", scale: "grades"), by: admin) }
            == ["name": "«Шахматы» уже есть.", "short_name": "Заполните это поле.", "scale": "Выберите из списка."])
        #expect(problems { try desk.deleteSubject(marked, by: admin) }["delete"] != nil)
        try desk.deleteSubject(chess, by: admin)

        // A subject without marks: the journal takes no 1–5 mark in it (issue #12 brings pass/fail).
        let (teacher, lesson) = try teacherLesson(on: "2026-11-23")
        try database.write { c in
            let s = try c.subjects().first { $0.id == (try c.journalLesson(lesson)!.subjectID) }!
            try c.updateSubject(s.id, name: s.name, shortName: s.shortName, scale: .unmarked)
        }
        let student = try database.read { c in
            let l = try c.journalLesson(lesson)!
            return try c.journalStudents(classID: l.classID, groupID: l.groupID, from: l.date, to: l.date)[0].id
        }
        let type = try database.read { try $0.workTypes()[0].id }
        #expect(throws: DeskError.refused(.subjectUnmarked)) {
            _ = try JournalDesk(database: database, utcOffsetMinutes: 180).addMark(lesson: lesson, student: student, value: 4, workType: type, by: teacher)
        }
    }

    /// A teacher's editor and their whole-class lesson at the first bell of `date`.
    func teacherLesson(on date: String) throws -> (Editor, Int) {
        let byPerson = Dictionary(TestSchool.generated.logins.filter { $0.role == .teacher }.map { ($0.personID, $0) }) { a, _ in a }
        let rows = try database.read { try $0.query("""
            SELECT l.teacher_id, l.id FROM lesson l JOIN school_class c ON c.id = l.class_id
            WHERE l.date = ? AND l.bell_number = 1 AND c.grade >= 5 AND l.status = 'scheduled' AND l.group_id IS NULL ORDER BY l.id
            """, date) { ($0.int(0), $0.int(1)) } }
        let (person, lesson) = try #require(rows.first { byPerson[$0.0] != nil })
        let actor = try database.read { c in try c.actor(account: c.account(person: person)!, session: nil, today: TestSchool.today) }
        return (Editor(actor: actor, session: nil, via: .api, at: TestSchool.clock.unixNow()), lesson)
    }

    // MARK: Classes and teaching

    @Test func aClassKeepsItsSchemeOncePeriodMarksAreSet() throws {
        let admin = try editor(.administrator)
        let classes = try database.read { try $0.classProfiles(year: year.id) }
        let fifth = try #require(classes.first { $0.grade == 5 })
        func form(_ k: ClassProfile, scheme: String, marks: Bool? = nil, schedule: Int? = nil) -> StructureDesk.ClassForm {
            .init(grade: "\(k.grade)", letter: k.letter, name: k.name, classTeacher: k.classTeacherID.map(String.init) ?? "",
                  bellSchedule: "\(schedule ?? k.bellScheduleID)", scheme: scheme, marks: marks ?? k.marksEnabled)
        }
        #expect(problems { try desk.changeClass(fifth.id, form(fifth, scheme: "half"), by: admin) }
            == ["scheme": "В классе уже выставлены итоговые отметки за периоды: схему не изменить."])
        // Grade 1 has no marks: its scheme may change, which re-plans; a name already used is refused.
        let first = try #require(classes.first { $0.grade == 1 })
        #expect(try desk.changeClass(first.id, form(first, scheme: "half"), by: admin) != nil)
        #expect(try desk.changeClass(first.id, form(first, scheme: "half", marks: !first.marksEnabled), by: admin) == nil)
        var renamed = form(first, scheme: "half")
        renamed.name = fifth.name
        #expect(problems { try desk.changeClass(first.id, renamed, by: admin) } == ["name": "«\(fifth.name)» уже есть."])
        // A bell schedule without the bells the class's timetable uses is refused.
        let empty = try desk.addBellSchedule(name: "Сокращённые", by: admin)
        #expect(problems { try desk.changeClass(fifth.id, form(fifth, scheme: "quarter", schedule: empty), by: admin) }["bell_schedule"]?.hasPrefix("В этом расписании нет уроков") == true)
        // A new class with no one in it may go again.
        #expect(problems { _ = try desk.addClass(year: year.id, .init(grade: "5", letter: "я", name: "", classTeacher: "", bellSchedule: "0", scheme: "", marks: true), by: admin) }
            == ["letter": "Одна буква: А, Б, В, Г, Д, Е, Ж, З, И, К, Л, М, Н.", "bell_schedule": "Выберите из списка."])
        let id = try desk.addClass(year: year.id, .init(grade: "5", letter: "н", name: "", classTeacher: "", bellSchedule: "\(fifth.bellScheduleID)", scheme: "", marks: true), by: admin)
        let added = try #require(try database.read { try $0.classProfile(id)?.profile })
        #expect(added.name == "5Н" && added.scheme == .quarter && added.classTeacherID == nil)
        #expect(problems { try desk.deleteClass(fifth.id, by: admin) }["delete"]?.contains("ученики") == true)
        try desk.deleteClass(id, by: admin)
        #expect(try auditActions().filter { $0 == "structure.class" }.count == 4)
    }

    @Test func anotherGradeHasItsOwnHolidays() throws {
        let admin = try editor(.administrator)
        let first = try #require(try database.read { try $0.classProfiles(year: year.id) }.first { $0.grade == 1 })
        let february = "SELECT l.id FROM lesson l WHERE l.class_id = ? AND l.date BETWEEN '2027-02-15' AND '2027-02-21'"
        #expect(try database.read { try $0.query(february, first.id) { $0.int(0) } }.isEmpty)
        // Grade 1's extra February week is not grade 2's: the class gets its lessons then.
        let replan = try desk.changeClass(first.id, .init(grade: "2", letter: first.letter, name: first.name, classTeacher: first.classTeacherID.map(String.init) ?? "",
                                                          bellSchedule: "\(first.bellScheduleID)", scheme: first.scheme.rawValue, marks: first.marksEnabled), by: admin)
        let lessons = try database.read { try $0.query(february, first.id) { $0.int(0) } }
        #expect(!lessons.isEmpty && replan?.created == lessons.count)
    }

    @Test func teachingAssignmentsGiveTheirJournals() throws {
        let admin = try editor(.administrator)
        let assignments = try database.read { try $0.teachingAssignments(year: year.id) }
        let taught = try #require(assignments.first { $0.groupID == nil })
        let form = StructureDesk.AssignmentForm(teacher: "\(taught.teacherID)", subject: "\(taught.subjectID)", schoolClass: "\(taught.classID)", group: "", hours: "2")
        #expect(problems { _ = try desk.addAssignment(year: year.id, form, by: admin) }["teacher"] == "Этот учитель уже ведёт этот предмет в этом классе (группе).")
        #expect(problems { try desk.deleteAssignment(taught.id, by: admin) }["delete"]?.contains("расписание уроков") == true)
        // Another teacher gets the subject of the class: the policy lets them into its journal.
        let other = try #require(TestSchool.generated.logins.first { $0.role == .teacher && $0.personID != taught.teacherID })
        var second = form
        second.teacher = "\(other.personID)"
        second.hours = "1,5"
        let id = try desk.addAssignment(year: year.id, second, by: admin)
        let actor = try database.read { c in try c.actor(account: c.account(person: other.personID)!, session: nil, today: TestSchool.today) }
        #expect(AccessPolicy.permits(actor, .editJournal, .classSubject(classID: taught.classID, subjectID: taught.subjectID, groupID: nil)))
        #expect(try database.read { try $0.teachingAssignment(id)?.assignment.hours } == 1.5)
        second.hours = "41"
        #expect(problems { try desk.changeAssignment(id, second, by: admin) } == ["hours": "От 0 до 40 часов, можно с половиной (1,5)."])
        try desk.deleteAssignment(id, by: admin)
        let rows = try database.read { try $0.auditEntries(AuditFilter()).filter { $0.action == "structure.assignment" } }
        #expect(rows.count == 2 && rows.allSatisfy { $0.classID == taught.classID })
    }

    // MARK: The policy

    @Test func onlyTheAdministratorChangesTheStructure() throws {
        for role in [Role.deputy, .director, .teacher] {
            let editor = try editor(role)
            #expect(throws: DeskError.forbidden) { _ = try desk.addRoom(name: "Кабинет \(role)", by: editor) }
            #expect(throws: DeskError.forbidden) {
                _ = try desk.addHoliday(year: year.id, .init(name: "Каникулы", startsOn: "2026-12-07", endsOn: "2026-12-08", minGrade: "", maxGrade: ""), by: editor)
            }
        }
        #expect(!(try database.read { try $0.rooms() }.contains { $0.name.hasPrefix("Кабинет ") }))
        #expect(!(try auditActions().contains { $0.hasPrefix("structure.") }))
    }
}
