import Desks
import Domain
import Setup
import Storage
import Testing

/// `tabel year new` on a demo school of one year (issue #12, 4 and 5): the checks the issue names.
@Suite struct NewYearTests {
    /// The demo's school, its console editor and the new year's first day.
    static let starts = CivilDate(iso: "2027-09-01")!
    static let console = Editor.console(at: 1_795_000_000)

    /// A student on a list at the year's end, as the checks compare them.
    struct Student: Equatable {
        let id: Int
        let grade: Int
        let letter: String
        let login: String?
        let guardians: [Int]
        let consents: Int
    }

    static func students(_ c: Connection, year: Int) throws -> [Student] {
        try c.query("""
            SELECT e.student_id, k.grade, k.letter, a.login,
                   (SELECT group_concat(guardian_id) FROM (SELECT guardian_id FROM guardian_link WHERE student_id = e.student_id ORDER BY guardian_id)),
                   (SELECT count(*) FROM consent WHERE person_id = e.student_id)
            FROM enrolment e JOIN school_class k ON k.id = e.class_id LEFT JOIN account a ON a.person_id = e.student_id
            WHERE k.year_id = ? AND e.left_on IS NULL ORDER BY e.student_id
            """, year) { r in
            Student(id: r.int(0), grade: r.int(1), letter: r.string(2), login: r.optionalString(3),
                    guardians: r.string(4).split(separator: ",").compactMap { Int($0) }, consents: r.int(5))
        }
    }

    static func count(_ c: Connection, _ sql: String) throws -> Int { try c.first(sql) { $0.int(0) } ?? -1 }

    @Test func dryRunChangesNothingAndTellsWhatWouldBeDone() throws {
        let (db, _, _) = try DemoSchoolTests.generate(seed: 5, students: 60)
        let tables = ["academic_year", "school_class", "enrolment", "period", "holiday", "teaching_assignment", "audit", "study_group"]
        let before = try db.read { c in try tables.map { try Self.count(c, "SELECT count(*) FROM \($0)") } }
        let outcome = try YearDesk(database: db).startYear(starts: Self.starts, dryRun: true, by: Self.console)
        #expect(outcome.dryRun)
        // Mid-year: the old year's last period is still ahead, and the outcome says so.
        let lastPeriodEnds = try db.read { c in try c.periods(year: c.newestAcademicYear()!.id).map(\.endsOn).max() }
        #expect(outcome.periodsRunUntil != nil && outcome.periodsRunUntil == lastPeriodEnds)
        #expect(outcome.year.name == "2027/2028" && outcome.year.endsOn == CivilDate(iso: "2028-08-31")!)
        #expect(outcome.promoted + outcome.conditional + outcome.graduates == 60)
        #expect(outcome.graduates > 0 && outcome.periods > 0 && outcome.holidays > 0 && outcome.assignments > 0)
        let after = try db.read { c in try tables.map { try Self.count(c, "SELECT count(*) FROM \($0)") } }
        #expect(after == before)
        #expect(try db.read { try $0.isYearClosed($0.newestAcademicYear()!.id) } == false)
    }

    @Test func everyoneMovesUpAsTheSamePersonAndGradeElevenLeaves() throws {
        let (db, _, _) = try DemoSchoolTests.generate(seed: 5, students: 60)
        let old = try #require(try db.read { try $0.currentAcademicYear(on: CivilDate(iso: "2026-11-23")!) })
        let before = try db.read { try Self.students($0, year: old.id) }
        let marks = try db.read { try Self.count($0, "SELECT count(*) FROM mark") }
        let desk = YearDesk(database: db)
        // A fifth-grader kept back, a ninth-grader leaving, a sixth-grader moving up conditionally.
        let classes = try db.read { try $0.classProfiles(year: old.id) }
        let classOf = { (grade: Int) in classes.first { $0.grade == grade }! }
        let kept = try #require(before.first { $0.grade == 5 })
        let leaving = try #require(before.first { $0.grade == 9 })
        let conditional = try #require(before.first { $0.grade == 6 })
        try desk.setPromotion(student: kept.id, classID: classOf(5).id, decision: .keptBack, by: Self.console)
        try desk.setPromotion(student: leaving.id, classID: classOf(9).id, decision: .leaves, by: Self.console)
        try desk.setPromotion(student: conditional.id, classID: classOf(6).id, decision: .conditional, by: Self.console)
        #expect(throws: DeskError.invalid("Выбыть после 9 класса можно только из 9 класса.", field: "decision")) {
            try desk.setPromotion(student: kept.id, classID: classOf(5).id, decision: .leaves, by: Self.console)
        }

        let outcome = try desk.startYear(starts: Self.starts, dryRun: false, by: Self.console)
        #expect(!outcome.dryRun && outcome.keptBack == 1 && outcome.leavers == 1)
        #expect(outcome.exceptions.contains { $0.student == conditional.id && $0.transfer == .promoted(grade: 7, letter: conditional.letter, conditional: true) })
        let new = outcome.year
        let after = Dictionary(uniqueKeysWithValues: try db.read { try Self.students($0, year: new.id) }.map { ($0.id, $0) })
        for s in before {
            if s.grade == 11 || s.id == leaving.id {
                #expect(after[s.id] == nil, "\(s.id) leaves")
                let left = try db.read { c in
                    try c.first("SELECT e.left_on, e.left_reason FROM enrolment e JOIN school_class k ON k.id = e.class_id WHERE k.year_id = ? AND e.student_id = ?",
                                old.id, s.id) { (try $0.date(0), $0.string(1)) }
                }
                #expect(left?.0 == old.endsOn)
                #expect(left?.1 == (s.grade == 11 ? "окончил 11 классов" : "окончил 9 классов"))
                // A leaver's account stays: the diary of their time at school is still theirs to read.
                let actor = try db.read { c in try c.actor(account: c.account(person: s.id)!, session: nil, today: CivilDate(iso: "2027-10-01")!) }
                #expect(actor.students.contains(s.id))
                continue
            }
            let grade = s.id == kept.id ? s.grade : s.grade + 1
            #expect(after[s.id] == Student(id: s.id, grade: grade, letter: s.letter, login: s.login, guardians: s.guardians, consents: s.consents),
                    "\(s.id) in \(grade)\(s.letter)")
        }
        // No person was made: the same people moved.
        #expect(try db.read { try Self.count($0, "SELECT count(*) FROM person") } == (try db.read { try Self.count($0, "SELECT max(id) FROM person") }))

        // Last year's marks read as before and cannot be changed, through the desk or underneath it.
        #expect(try db.read { try Self.count($0, "SELECT count(*) FROM mark") } == marks)
        let mark = try #require(try db.read { c in
            try c.first("SELECT m.id, l.teacher_id FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.year_id = ? LIMIT 1", old.id) { ($0.int(0), $0.int(1)) }
        })
        let teacher = try db.read { c in try c.actor(account: c.account(person: mark.1)!, session: nil, today: CivilDate(iso: "2026-11-23")!) }
        let journal = JournalDesk(database: db)
        let editor = Editor(actor: teacher, session: nil, via: .page, at: 1_795_000_000)
        #expect(throws: DeskError.refused(.yearClosed)) { try journal.changeMark(mark.0, value: 5, workType: nil, by: editor) }
        #expect(throws: DeskError.refused(.yearClosed)) { try journal.deleteMark(mark.0, by: editor) }
        #expect(throws: DeskError.refused(.yearClosed)) {
            try desk.setPromotion(student: kept.id, classID: classOf(5).id, decision: nil, by: Self.console)
        }
        #expect(throws: DeskError.refused(.yearClosed)) {
            try StructureDesk(database: db).deleteHoliday(try db.read { try $0.holidays(year: old.id).first!.id }, by: Self.console)
        }
        do {
            try db.write { try $0.run("UPDATE mark SET value = 1 WHERE id = ?", mark.0) }
            Issue.record("a closed year's mark changed")
        } catch let error as SQLiteError {
            #expect(error.isYearClosed)
        }

        // The current year stays the old one until the new one begins; the draft load gives no journals yet.
        let years = try db.read { c in
            (august: try c.currentAcademicYear(on: CivilDate(iso: "2027-08-31")!)?.id, september: try c.currentAcademicYear(on: Self.starts)?.id,
             y2027: try c.academicYear(startingIn: 2027)?.id, y2026: try c.academicYear(startingIn: 2026)?.id,
             drafts: try c.draftAssignmentCount(year: new.id),
             assignments: try c.actor(account: c.account(person: mark.1)!, session: nil, today: Self.starts).assignments)
        }
        #expect(years.august == old.id && years.september == new.id && years.y2027 == new.id && years.y2026 == old.id)
        #expect(years.drafts == outcome.assignments && years.assignments.isEmpty)
        #expect(try desk.confirmAssignments(year: new.id, by: Self.console) == outcome.assignments)
        #expect(try db.read { c in try c.actor(account: c.account(person: mark.1)!, session: nil, today: Self.starts).assignments.isEmpty } == false)

        // The new year is open to changes; it cannot be started twice.
        #expect(throws: DeskError.self) { try desk.startYear(starts: Self.starts, dryRun: true, by: Self.console) }
    }

    @Test func aPastYearExportsWhole() throws {
        let (db, _, _) = try DemoSchoolTests.generate(seed: 5, students: 60)
        // A guardian's message to a teacher of the child's class during the year: exported, and a
        // withdrawn one too (nothing is deleted).
        let (guardian, teacher, child) = try db.read { c in
            try c.first("""
                SELECT g.guardian_id, l.teacher_id, g.student_id FROM guardian_link g JOIN enrolment e ON e.student_id = g.student_id
                JOIN lesson l ON l.class_id = e.class_id LIMIT 1
                """) { ($0.int(0), $0.int(1), $0.int(2)) }!
        }
        let parent = Editor(actor: try db.read { c in
            let account = try c.first("SELECT id FROM account WHERE person_id = ?", guardian) { $0.int(0) }!
            return try c.actor(account: c.account(id: account)!, session: nil, today: CivilDate(iso: "2026-11-18")!)
        }, session: nil, via: .page, at: Self.console.at)
        _ = try MessagesDesk(database: db).write(to: [teacher], subject: "Справка", body: "Справка =1+1 о болезни", today: CivilDate(iso: "2026-11-18")!, by: parent)
        #expect(child > 0)
        _ = try YearDesk(database: db).startYear(starts: Self.starts, dryRun: false, by: Self.console)
        let archive = ArchiveDesk(database: db, utcOffsetMinutes: 180)
        let (year, tables) = try archive.export(startingIn: 2026, by: Self.console)
        #expect(year.name == "2026/2027")
        let byName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        #expect(Set(byName.keys) == ["classes", "students", "enrolments", "subjects", "lessons", "marks", "absences", "final_marks", "events",
                                     "messages", "audit"])
        #expect(byName["messages"]?.rows.map { $0[8] } == ["Справка =1+1 о болезни"])
        #expect(byName["messages"]?.rows.first?[11] == String(teacher))
        // Moments as the school's clock reads them, not Unix seconds.
        #expect(byName["messages"]?.rows.first?[7]?.wholeMatch(of: /2026-11-\d\d \d\d:\d\d/) != nil)
        #expect(byName["audit"]?.rows.allSatisfy { $0[1]?.wholeMatch(of: /20\d\d-\d\d-\d\d \d\d:\d\d/) != nil } == true)
        let marks = try db.read { try Self.count($0, "SELECT count(*) FROM mark") }
        #expect(byName["marks"]?.rows.count == marks)
        #expect(byName["students"]?.rows.count == 60)
        #expect(byName["final_marks"]?.rows.isEmpty == false)
        #expect(byName["marks"]?.rows.allSatisfy { ["1", "2", "3", "4", "5", "зачёт", "незачёт"].contains($0[5] ?? "") } == true)
        #expect(throws: DeskError.self) { try archive.export(startingIn: 2019, by: Self.console) }
        let student = Editor(actor: Actor(accountID: 9, personID: 9, roles: [.student], students: [9]), session: nil, via: .cli, at: 0)
        #expect(throws: DeskError.forbidden) { try archive.export(startingIn: 2026, by: student) }
    }
}

extension NewYearTests {
    /// Every kind of write to the closed year is refused as `year_closed`: absences, topics and
    /// homework, period and year marks, the timetable, the structure.
    @Test func everyWriteToTheClosedYearIsRefused() throws {
        let (db, _, _) = try DemoSchoolTests.generate(seed: 5, students: 60)
        let old = try #require(try db.read { try $0.newestAcademicYear() })
        // A lesson of last Friday with its teacher, class, subject and a student on its list.
        let (lesson, teacherID, classID, subject, student, entry) = try #require(try db.read { c in
            try c.first("""
                SELECT l.id, l.teacher_id, l.class_id, l.subject_id, e.student_id, l.timetable_entry_id FROM lesson l
                JOIN enrolment e ON e.class_id = l.class_id JOIN school_class k ON k.id = l.class_id
                WHERE l.date = '2026-11-20' AND l.group_id IS NULL AND l.actual_teacher_id IS NULL AND k.grade >= 5
                  AND l.timetable_entry_id IS NOT NULL ORDER BY l.id LIMIT 1
                """) { ($0.int(0), $0.int(1), $0.int(2), $0.int(3), $0.int(4), $0.int(5)) }
        })
        _ = try YearDesk(database: db).startYear(starts: Self.starts, dryRun: false, by: Self.console)
        let actor = try db.read { c in try c.actor(account: c.account(person: teacherID)!, session: nil, today: CivilDate(iso: "2026-11-23")!) }
        let teacher = Editor(actor: actor, session: nil, via: .page, at: 1_795_400_000)
        let journal = JournalDesk(database: db, utcOffsetMinutes: 180)
        let closed = DeskError.refused(.yearClosed)
        #expect(throws: closed) { try journal.setAttendance(lesson: lesson, student: student, code: .ill, by: teacher) }
        #expect(throws: closed) { try journal.setContent(lesson: lesson, topic: "Повторение", planTopic: nil, homework: "§1", by: teacher) }
        #expect(throws: closed) { try journal.addRemark(lesson: lesson, student: student, text: "Молодец", praise: true, by: teacher) }
        #expect(throws: closed) { try journal.addMark(lesson: lesson, student: student, value: 5, workType: 1, by: teacher) }
        #expect(throws: closed) {
            try journal.setFinalMark(classID: classID, subjectID: subject, kind: .year, period: nil, student: student, value: .mark(5), reason: "проверка", by: teacher)
        }
        #expect(throws: closed) { try TimetableDesk(database: db).changeTimetable(lesson: lesson, .cancelled, reason: "карантин", by: Self.console) }
        #expect(throws: closed) { try TimetableDesk(database: db).removeEntry(entry, from: CivilDate(iso: "2026-12-01")!, by: Self.console) }
        #expect(throws: closed) { try StructureDesk(database: db).deleteClass(classID, by: Self.console) }
        #expect(try db.read { try $0.isYearClosed(old.id) })
    }

    /// A students list for next year, uploaded in June: the known student is moved (same
    /// person), a new first-grader is made, a leaver coming back is the same person again.
    @Test func importsBeforeSeptemberGoIntoTheNewYearAndMatchKnownPeople() throws {
        let (db, _, _) = try DemoSchoolTests.generate(seed: 5, students: 60)
        let old = try #require(try db.read { try $0.newestAcademicYear() })
        let before = try db.read { try Self.students($0, year: old.id) }
        let fourth = try #require(before.first { $0.grade == 4 })
        let graduate = try #require(before.first { $0.grade == 11 })
        let card = { (id: Int) in try db.read { c in
            try #require(try c.first("SELECT last_name, first_name, middle_name, birth_date FROM person WHERE id = ?", id) {
                ($0.string(0), $0.string(1), $0.string(2), try $0.date(3)) })
        } }
        let (l, f, m, b) = try card(fourth.id)
        let (gl, gf, gm, gb) = try card(graduate.id)
        let outcome = try YearDesk(database: db).startYear(starts: Self.starts, dryRun: false, by: Self.console)
        let people = try db.read { try Self.count($0, "SELECT count(*) FROM person") }
        let other = fourth.letter == "А" ? "Б" : "А"
        let text = """
            Фамилия;Имя;Отчество;Дата рождения;Класс;Согласие
            \(l);\(f);\(m);\(b.russian);5\(other);01.09.2026
            Новикова;Ева;Петровна;12.03.2020;1А;20.06.2027
            \(gl);\(gf);\(gm);\(gb.russian);11А;01.09.2026

            """
        let today = CivilDate(iso: "2027-06-20")!
        // An empty 1А waits for the new first-graders.
        #expect(outcome.classes.contains(.init(name: "1А", grade: 1, from: nil, students: 0)))
        if try db.read({ try $0.classID(name: "5\(other)", year: outcome.year.id) }) == nil {
            _ = try db.write { c in try c.addClass(year: outcome.year.id, ClassProfile(id: 0, grade: 5, letter: other, name: "5\(other)", classTeacherID: nil,
                                                                                       bellScheduleID: 1, scheme: .quarter, marksEnabled: true)) }
        }
        let report = try Importer(database: db, today: today, now: 1_797_000_000).run(.students, bytes: Array(text.utf8), dryRun: false)
        #expect(report.created == 1 && report.moved == 1 && report.updated == 2, "\(report.changes)")
        #expect(try db.read { try Self.count($0, "SELECT count(*) FROM person") } == people + 1)
        let now = Dictionary(uniqueKeysWithValues: try db.read { try Self.students($0, year: outcome.year.id) }.map { ($0.id, $0) })
        #expect(now[fourth.id]?.grade == 5 && now[fourth.id]?.letter == other && now[fourth.id]?.login == fourth.login)
        #expect(now[graduate.id]?.grade == 11)
        #expect(try db.read { c in try c.first("SELECT joined_on FROM enrolment WHERE student_id = ? AND left_on IS NULL", graduate.id) { try $0.date(0) } }
                == Self.starts)
    }
}

@Suite struct NewYearRulesTests {
    @Test func transfers() {
        #expect(NewYearRules.transfer(grade: 4, letter: "А", decision: nil, debt: false) == .promoted(grade: 5, letter: "А", conditional: false))
        #expect(NewYearRules.transfer(grade: 4, letter: "А", decision: nil, debt: true) == .promoted(grade: 5, letter: "А", conditional: true))
        #expect(NewYearRules.transfer(grade: 4, letter: "Б", decision: .keptBack, debt: true) == .keptBack(grade: 4, letter: "Б"))
        #expect(NewYearRules.transfer(grade: 9, letter: "А", decision: .leaves, debt: false) == .leaves(graduated: false))
        #expect(NewYearRules.transfer(grade: 8, letter: "А", decision: .leaves, debt: false) == .promoted(grade: 9, letter: "А", conditional: false))
        #expect(NewYearRules.transfer(grade: 11, letter: "А", decision: nil, debt: false) == .leaves(graduated: true))
        #expect(NewYearRules.transfer(grade: 11, letter: "А", decision: .keptBack, debt: false) == .keptBack(grade: 11, letter: "А"))
        #expect(!NewYearRules.allows(.leaves, grade: 10) && NewYearRules.allows(.leaves, grade: 9) && NewYearRules.allows(.keptBack, grade: 1))
        #expect(!NewYearRules.allows(.conditional, grade: 11) && NewYearRules.allows(.keptBack, grade: 11))
    }

    @Test func datesMoveToTheNewYear() {
        let old = CivilDate(iso: "2026-09-01")!
        let new = CivilDate(iso: "2027-09-01")!
        #expect(NewYearRules.shift(CivilDate(iso: "2026-11-04")!, from: old, to: new) == CivilDate(iso: "2027-11-04")!)
        #expect(NewYearRules.shift(CivilDate(iso: "2027-03-08")!, from: old, to: new) == CivilDate(iso: "2028-03-08")!)
        #expect(NewYearRules.shift(CivilDate(iso: "2028-02-29")!, from: new, to: CivilDate(iso: "2028-09-01")!) == CivilDate(iso: "2029-02-28")!)
        #expect(NewYearRules.shift(CivilDate(iso: "2026-09-10")!, from: old, to: CivilDate(iso: "2027-09-02")!) == CivilDate(iso: "2027-09-11")!)
        #expect(NewYearRules.yearEnd(startingOn: new) == CivilDate(iso: "2028-08-31")!)
        let year = AcademicYear(id: 1, name: "2026/2027", startsOn: old, endsOn: CivilDate(iso: "2027-08-31")!)
        let june = CivilDate(iso: "2027-06-20")!
        #expect(NewYearRules.startProblem(new, after: year, today: june) == nil)
        #expect(NewYearRules.startProblem(CivilDate(iso: "2027-06-01")!, after: year, today: june) != nil)
        #expect(NewYearRules.startProblem(CivilDate(iso: "2029-09-01")!, after: year, today: june) != nil)
        // Not from a year that has not begun: the next one is started once.
        #expect(NewYearRules.startProblem(new, after: year, today: CivilDate(iso: "2026-08-20")!) == "Учебный год 2026/2027 ещё не начался: следующий начинают от начавшегося.")
    }
}
