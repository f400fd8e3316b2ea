import Domain
import HTTP
import Storage
import Words

/// One journal grid: a class's (or group's) subject over a period or a date range — its
/// lessons, students, marks, absences and period marks, and each student's weighted average.
public struct JournalSheet: Sendable {
    public let classID: Int
    public let className: String
    public let subjectID: Int
    public let subjectName: String
    public let groupID: Int?
    public let period: Period?
    public let from: CivilDate
    public let to: CivilDate
    public let lessons: [LessonSummary]
    public let students: [JournalStudent]
    public let marks: [Mark]
    public let absences: [Absence]
    public let periodMarks: [PeriodMark]
    public let rounding: RoundingRule
    /// How the subject is assessed: on a pass/fail subject nothing averages.
    public let scale: SubjectScale

    /// What a request names: class, subject, optional group, and a period or a date range.
    public struct Scope: Sendable {
        public let classID: Int
        public let subjectID: Int
        public private(set) var groupID: Int?
        public let periodID: Int?
        public let from: CivilDate?
        public let to: CivilDate?

        /// Reads `class`, `subject`, `group`, `period`, `from`, `to`. - Throws: 400 naming the bad one, in `w`.
        public init(_ q: Parameters, classID: Int? = nil, subjectID: Int? = nil, words w: Words) throws {
            func id(_ name: String) throws -> Int? {
                guard let text = q[name], !text.isEmpty else { return nil }
                guard let v = Int(text), v > 0 else { throw HTTPError.badRequest(w.numberExpected(name)) }
                return v
            }
            guard let c = try classID ?? id("class"), let s = try subjectID ?? id("subject") else {
                throw HTTPError.badRequest(w.journalScopeNeeded)
            }
            self.classID = c
            self.subjectID = s
            groupID = try id("group")
            periodID = try id("period")
            func date(_ name: String) throws -> CivilDate? {
                guard let text = q[name], !text.isEmpty else { return nil }
                guard let d = CivilDate(iso: text) else { throw HTTPError.badRequest(w.isoDateExpected(name)) }
                return d
            }
            from = try date("from")
            to = try date("to")
            if (from == nil) != (to == nil) { throw HTTPError.badRequest(w.bothFromAndTo) }
            if let from, let to {
                guard from <= to else { throw HTTPError.badRequest(w.fromAfterTo) }
                guard to.dayNumber - from.dayNumber <= 366 else { throw HTTPError.badRequest(w.atMostAYear) }
            }
        }

        public var resource: Resource { .classSubject(classID: classID, subjectID: subjectID, groupID: groupID) }

        /// The scope `actor` reads: the policy's group rule for reads (`Resource.narrowed`), the
        /// same as for writes — naming no group, a teacher of one of the subject's groups reads
        /// their own group only.
        public func narrowed(for actor: Actor?) -> Scope {
            guard case let .classSubject(_, _, group) = resource.narrowed(for: actor, .viewJournal) else { return self }
            var narrowed = self
            narrowed.groupID = group
            return narrowed
        }
    }

    /// What a scope covers: its dates and period, and the class's periods.
    public struct Range: Sendable, Equatable {
        public let from: CivilDate
        public let to: CivilDate
        public let period: Period?
        public let periods: [Period]
    }

    /// The dates of a scope. - Throws: 404 for an unknown period; without a period or dates
    /// the period containing `today` (or the year's nearest one) is taken.
    public static func range(_ c: Connection, _ scope: Scope, today: CivilDate) throws -> Range {
        let periods = try c.periods(classID: scope.classID)
        if let a = scope.from, let b = scope.to { return Range(from: a, to: b, period: nil, periods: periods) }
        let period: Period?
        if let id = scope.periodID {
            guard let p = periods.first(where: { $0.id == id }) else { throw HTTPError.notFound }
            period = p
        } else {
            period = periods.first { $0.dates.contains(today) } ?? periods.last { $0.startsOn <= today } ?? periods.first
        }
        guard let period else { throw HTTPError.notFound }
        return Range(from: period.startsOn, to: period.endsOn, period: period, periods: periods)
    }

    /// - Throws: 404 for an unknown class, subject or period.
    public static func load(_ c: Connection, _ scope: Scope, today: CivilDate) throws -> JournalSheet {
        try load(c, scope, range(c, scope, today: today))
    }

    public static func load(_ c: Connection, _ scope: Scope, _ range: Range) throws -> JournalSheet {
        guard let className = try c.schoolClass(scope.classID)?.name, let subjectName = try c.subjectName(scope.subjectID) else {
            throw HTTPError.notFound
        }
        let (from, to, period) = (range.from, range.to, range.period)
        let lessons = try c.journalLessons(classID: scope.classID, subjectID: scope.subjectID, groupID: scope.groupID, from: from, to: to)
        let students = try c.journalStudents(classID: scope.classID, groupID: scope.groupID, from: from, to: to)
        let ids = lessons.map(\.id)
        return JournalSheet(
            classID: scope.classID, className: className, subjectID: scope.subjectID, subjectName: subjectName, groupID: scope.groupID,
            period: period, from: from, to: to, lessons: lessons, students: students,
            marks: try c.journalMarks(lessons: ids), absences: try c.journalAbsences(lessons: ids),
            periodMarks: try period.map { try c.journalPeriodMarks(students: students.map(\.id), subject: scope.subjectID, period: $0.id) } ?? [],
            rounding: try c.schoolSettings().rounding, scale: try c.subjectScale(scope.subjectID) ?? .marks)
    }

    /// Each student's marks, in lesson order.
    public func marksByStudent() -> [Int: [Mark]] {
        let order = Dictionary(uniqueKeysWithValues: lessons.enumerated().map { ($1.id, $0) })
        var out: [Int: [Mark]] = [:]
        for m in marks { out[m.studentID, default: []].append(m) }
        for k in out.keys { out[k]!.sort { (order[$0.lessonID] ?? 0, $0.id) < (order[$1.lessonID] ?? 0, $1.id) } }
        return out
    }

    /// The average and forecast of 1–5 marks; a pass or fail never enters it.
    public func forecast(_ marks: [Mark]) -> Forecast? {
        Forecast(marks: marks.compactMap(\.weighted), rule: rounding)
    }
}
