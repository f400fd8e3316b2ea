import Domain
import Storage

/// The school year's change (DOMAIN.md, "The school year"; issue #12, 4): the class teachers'
/// promotion decisions, and starting the next year from the newest one — its calendar, its
/// classes a grade up, the students moved (same people, accounts, guardians, consents), the
/// leavers, the teaching load as a draft — after which the old year is closed: read-only.
public struct YearDesk: Sendable {
    let database: Database
    public let utcOffsetMinutes: Int

    public init(database: Database, utcOffsetMinutes: Int = SchoolClock.systemUTCOffsetMinutes) {
        self.database = database
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// What starting the next year did, or (a dry run) would do.
    public struct Outcome: Sendable, Equatable {
        /// The year started from, and the new one.
        public var from: AcademicYear
        public var year: AcademicYear
        public var periods = 0
        public var holidays = 0
        /// Each new class with the old one it comes from (nil: a new grade 1, or a class made for
        /// students kept back) and its students.
        public var classes: [NewClass] = []
        public var promoted = 0
        public var conditional = 0
        public var keptBack = 0
        /// Grade 11 finished.
        public var graduates = 0
        /// Grade 9 finished and leaving.
        public var leavers = 0
        public var groups = 0
        /// Teaching assignments carried as a draft.
        public var assignments = 0
        /// Everyone whose transfer is not the plain move up a grade, by class and name.
        public var exceptions: [Exception] = []
        public var dryRun = false
        /// The end of the old year's last period when that is still ahead: started now, the
        /// year closes with lessons still to come (a warning, not a refusal).
        public var periodsRunUntil: CivilDate?

        public struct NewClass: Sendable, Equatable {
            public var name: String
            public var grade: Int
            public var from: String?
            public var students: Int

            public init(name: String, grade: Int, from: String?, students: Int) {
                (self.name, self.grade, self.from, self.students) = (name, grade, from, students)
            }
        }

        public struct Exception: Sendable, Equatable {
            public var student: Int
            public var name: String
            public var className: String
            public var transfer: Transfer
        }
    }

    // MARK: Promotion decisions

    /// Records the class teacher's decision for a student on the list of their class now (nil:
    /// the usual move up a grade). Leaving is for grade 9 only.
    ///
    /// - Throws: `forbidden`, `notFound` (not on the class's list), `invalid` (`decision`),
    ///   `refused(.yearClosed)`.
    public func setPromotion(student: Int, classID: Int, decision: PromotionDecision?, by editor: Editor) throws {
        try setPromotions(classID: classID, [student: decision], by: editor)
    }

    /// The decisions of a class's form, in one transaction: each student's, by id (nil: moves up).
    public func setPromotions(classID: Int, _ decisions: [Int: PromotionDecision?], by editor: Editor) throws {
        try database.deskWrite { c in
            try editor.require(.decidePromotion, .schoolClass(classID))
            guard let schoolClass = try c.schoolClass(classID) else { throw DeskError.notFound("Нет такого класса.") }
            try c.requireOpen(year: schoolClass.yearID)
            let names = Dictionary(try c.studentsAtYearEnd(year: schoolClass.yearID).filter { $0.classID == classID }.map { ($0.student, $0.name) }) { a, _ in a }
            let old = try c.promotionDecisions(year: schoolClass.yearID)
            for (student, decision) in decisions.sorted(by: { $0.key < $1.key }) {
                guard let name = names[student] else { throw DeskError.notFound("Этого обучающегося нет в классе.") }
                if let decision, !NewYearRules.allows(decision, grade: schoolClass.grade) {
                    throw DeskError.invalid(decision == .leaves ? "Выбыть после 9 класса можно только из 9 класса." : "Из 11 класса не переводят условно: выпуск или повторное обучение.", field: "decision")
                }
                guard old[student] != decision else { continue }
                try c.setPromotionDecision(student: student, year: schoolClass.yearID, decision,
                                           by: editor.actor.personID == 0 ? nil : editor.actor.personID, at: editor.at)
                try c.appendAudit(editor.entry(.yearPromotion, entity: "promotion", id: student, old: old[student]?.rawValue, new: decision?.rawValue,
                                               reason: name, student: student, schoolClass: classID))
            }
        }
    }

    // MARK: The next year

    /// A dry run's outcome, carried out of the transaction that is rolled back.
    struct DryRun: Error { let outcome: Outcome }

    /// Starts the next academic year on `starts` from the newest one, in one transaction; with
    /// `dryRun` everything is worked out and written, then rolled back: what it would do, exactly.
    ///
    /// - Throws: `forbidden` (the administrator's), `notFound` (no year yet), `invalid` (`starts`).
    public func startYear(starts: CivilDate, dryRun: Bool, by editor: Editor) throws -> Outcome {
        try editor.require(.manageStructure, .school)
        do {
            return try database.deskWrite { c in
                let outcome = try start(c, on: starts, by: editor)
                if dryRun { throw DryRun(outcome: outcome) }
                return outcome
            }
        } catch let run as DryRun {
            var outcome = run.outcome
            outcome.dryRun = true
            return outcome
        }
    }

    func start(_ c: Connection, on starts: CivilDate, by editor: Editor) throws -> Outcome {
        guard let old = try c.newestAcademicYear() else { throw DeskError.notFound("Учебного года ещё нет: сначала tabel setup init.") }
        let today = SchoolDateTime(unixSeconds: editor.at, offsetMinutes: utcOffsetMinutes).date
        if let problem = NewYearRules.startProblem(starts, after: old, today: today) { throw DeskError.invalid(problem, field: "starts") }
        let name = AcademicYear.name(startYear: AcademicYear.startYear(containing: starts))
        if try c.academicYears().contains(where: { $0.name == name }) {
            throw DeskError.invalid("Учебный год \(name) уже есть.", field: "starts")
        }
        let ends = NewYearRules.yearEnd(startingOn: starts)
        let yearID = try c.insertAcademicYear(name: name, startsOn: starts, endsOn: ends)
        var outcome = Outcome(from: old, year: AcademicYear(id: yearID, name: name, startsOn: starts, endsOn: ends))
        let shift = { (d: CivilDate) in NewYearRules.shift(d, from: old.startsOn, to: starts) }
        let oldPeriods = try c.periods(year: old.id)
        outcome.periodsRunUntil = oldPeriods.map(\.endsOn).max().flatMap { $0 > today ? $0 : nil }

        // The calendar, shifted (editable afterwards in the structure pages).
        for p in oldPeriods {
            _ = try c.insertPeriod(year: yearID, scheme: p.scheme, number: p.number, name: p.name, startsOn: shift(p.startsOn), endsOn: min(shift(p.endsOn), ends))
            outcome.periods += 1
        }
        for h in try c.holidays(year: old.id) {
            _ = try c.insertHoliday(year: yearID, name: h.name, startsOn: shift(h.startsOn), endsOn: min(shift(h.endsOn), ends), grades: h.grades)
            outcome.holidays += 1
        }

        // Where everyone goes.
        let profiles = try c.classProfiles(year: old.id)
        let byID = Dictionary(uniqueKeysWithValues: profiles.map { ($0.id, $0) })
        let decisions = try c.promotionDecisions(year: old.id)
        let debt = try c.studentsWithDebt(year: old.id)
        let students = try c.studentsAtYearEnd(year: old.id)
        var newClasses: [String: Int] = [:]
        var counts: [String: Int] = [:]

        /// The new class of that grade and letter, made on first use: set up like this year's
        /// class of its grade (bells, periods, marks), led by the teacher of the class it comes from.
        func newClass(grade: Int, letter: String, from source: ClassProfile?) throws -> Int {
            let className = "\(grade)\(letter)"
            if let id = newClasses[className] { return id }
            let model = profiles.first { $0.grade == grade && $0.letter == letter } ?? profiles.first { $0.grade == grade }
            let profile = ClassProfile(id: 0, grade: grade, letter: letter, name: className, classTeacherID: source?.classTeacherID,
                                       bellScheduleID: model?.bellScheduleID ?? source?.bellScheduleID ?? 1,
                                       scheme: model?.scheme ?? PeriodScheme.standard(forGrade: grade), marksEnabled: model?.marksEnabled ?? (grade > 1))
            let id = try c.addClass(year: yearID, profile)
            newClasses[className] = id
            outcome.classes.append(.init(name: className, grade: grade, from: source?.name, students: 0))
            try c.appendAudit(editor.entry(.structureClass, entity: "school_class", id: id, new: "\(className) (\(name))", schoolClass: id))
            return id
        }
        // Every class of grades 1–10 moves up, whether or not all its students do; grade 1 starts
        // again with this year's letters, empty, for the new first-graders' list.
        for p in profiles where p.grade < 11 { _ = try newClass(grade: p.grade + 1, letter: p.letter, from: p) }
        for p in profiles where p.grade == 1 { _ = try newClass(grade: 1, letter: p.letter, from: nil) }

        var moved: [Int: Int] = [:]
        for s in students {
            guard let from = byID[s.classID] else { continue }
            let transfer = NewYearRules.transfer(grade: from.grade, letter: from.letter, decision: decisions[s.student], debt: debt.contains(s.student))
            switch transfer {
            case let .promoted(grade, letter, conditional):
                let to = try newClass(grade: grade, letter: letter, from: from)
                try enrol(c, s.student, from: from, to: to, named: "\(grade)\(letter)", old: old, new: outcome.year,
                          reason: conditional ? "переведён условно" : "переведён", editor)
                moved[s.student] = to
                counts["\(grade)\(letter)", default: 0] += 1
                if conditional { outcome.conditional += 1 } else { outcome.promoted += 1 }
            case let .keptBack(grade, letter):
                let to = try newClass(grade: grade, letter: letter, from: profiles.first { $0.grade == grade - 1 && $0.letter == letter })
                try enrol(c, s.student, from: from, to: to, named: "\(grade)\(letter)", old: old, new: outcome.year,
                          reason: "оставлен на повторное обучение", editor)
                moved[s.student] = to
                counts["\(grade)\(letter)", default: 0] += 1
                outcome.keptBack += 1
            case let .leaves(graduated):
                let reason = graduated ? "окончил 11 классов" : "окончил 9 классов"
                try c.closeEnrolment(student: s.student, classID: from.id, on: old.endsOn, reason: reason)
                try c.appendAudit(editor.entry(.enrolmentLeave, entity: "enrolment", id: s.student, new: "\(from.name) с \(old.endsOn.russian)",
                                               reason: reason, student: s.student, schoolClass: from.id))
                if graduated { outcome.graduates += 1 } else { outcome.leavers += 1 }
            }
            if case .promoted(_, _, false) = transfer { continue }
            outcome.exceptions.append(.init(student: s.student, name: s.name, className: from.name, transfer: transfer))
        }
        for i in outcome.classes.indices { outcome.classes[i].students = counts[outcome.classes[i].name] ?? 0 }

        // A class's subgroups go with it, with the members who moved along.
        var groups: [Int: Int] = [:]
        for g in try c.classSubgroups(year: old.id) {
            guard let from = byID[g.classID], from.grade < 11, let to = newClasses["\(from.grade + 1)\(from.letter)"] else { continue }
            let id = try c.insertGroup(year: yearID, class: to, subject: g.subjectID, name: g.name)
            for member in g.members where moved[member] == to { try c.insertGroupMember(group: id, student: member) }
            groups[g.id] = id
            outcome.groups += 1
        }
        // The teaching load follows the classes, as a draft the deputy confirms.
        for a in try c.teachingAssignments(year: old.id) {
            guard let from = byID[a.classID], from.grade < 11, let to = newClasses["\(from.grade + 1)\(from.letter)"] else { continue }
            if try c.insertDraftAssignment(year: yearID, teacher: a.teacherID, subject: a.subjectID, class: to, group: a.groupID.flatMap { groups[$0] },
                                           hours: a.hours) {
                outcome.assignments += 1
            }
        }

        try c.closeAcademicYear(old.id, at: editor.at)
        try c.appendAudit(editor.entry(.yearNew, entity: "academic_year", id: yearID, old: old.name, new: "\(name) с \(starts.russian)",
                                       reason: summary(outcome)))
        return outcome
    }

    /// The student leaves the old class at the old year's end and joins the new one on the new year's first day.
    func enrol(_ c: Connection, _ student: Int, from: ClassProfile, to: Int, named: String, old: AcademicYear, new: AcademicYear,
               reason: String, _ editor: Editor) throws {
        try c.closeEnrolment(student: student, classID: from.id, on: old.endsOn, reason: "\(reason) в \(named)")
        try c.insertEnrolment(student: student, class: to, joinedOn: new.startsOn)
        try c.appendAudit(editor.entry(.enrolmentJoin, entity: "enrolment", id: student, new: "\(named) с \(new.startsOn.russian)",
                                       reason: reason, student: student, schoolClass: to))
    }

    /// The audit row's account of the change.
    func summary(_ o: Outcome) -> String {
        "классов \(o.classes.count), переведено \(o.promoted), условно \(o.conditional), оставлено \(o.keptBack), "
            + "выпуск 11 классов \(o.graduates), выбыли после 9 класса \(o.leavers), нагрузка (черновик) \(o.assignments)"
    }

    // MARK: The draft teaching load

    /// The deputy or the administrator confirms the year's draft teaching assignments: from now
    /// on they give teachers their journals. Returns how many.
    public func confirmAssignments(year: Int, by editor: Editor) throws -> Int {
        try editor.require(.manageTimetable, .school)
        return try database.deskWrite { c in
            guard try c.academicYear(id: year) != nil else { throw DeskError.notFound("Такого учебного года нет.") }
            let n = try c.confirmDraftAssignments(year: year)
            if n > 0 { try c.appendAudit(editor.entry(.assignmentsConfirm, entity: "academic_year", id: year, new: "\(n)")) }
            return n
        }
    }
}
