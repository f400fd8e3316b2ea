import Domain
import Storage

/// The reports (DOMAIN.md, "Reports"): who may read which (the access policy), and each
/// report assembled from a few set-based reads. Reports change nothing and write no audit row.
public struct ReportsDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// What a report covers: a class, and a period of it or a date range.
    public struct Scope: Sendable, Equatable {
        public let classID: Int
        public let periodID: Int?
        public let from: CivilDate?
        public let to: CivilDate?

        public init(classID: Int, periodID: Int? = nil, from: CivilDate? = nil, to: CivilDate? = nil) {
            self.classID = classID
            self.periodID = periodID
            self.from = from
            self.to = to
        }
    }

    /// A class's progress and attendance (успеваемость и посещаемость).
    public struct Progress: Sendable {
        public let classID: Int
        public let className: String
        /// The group a forecast is narrowed to (a group's teacher's); nil for the whole class.
        public let group: (id: Int, name: String)?
        public let from: CivilDate
        public let to: CivilDate
        /// The period reported on; nil for a date range.
        public let period: Period?
        /// The class's periods, for the page's choice.
        public let periods: [Period]
        public let timing: ReportTiming
        public let figures: ProgressFigures
        /// The school's rounding of an average to a period mark (the forecast's).
        public let rule: RoundingRule
        /// Lessons missed per week (its Monday) and reason, for the attendance chart.
        public let absencesByWeek: [(week: CivilDate, lessons: [AbsenceCode: Int])]
    }

    /// The progress report of a class: the administration any class, a class teacher their own.
    /// Without a period or dates, the period containing `today` (or the last one begun).
    public func progress(_ scope: Scope, today: CivilDate, by editor: Editor) throws -> Progress {
        try editor.require(.viewReports, .schoolClass(scope.classID))
        return try database.read { try Self.progress($0, scope, subject: nil, today: today) }
    }

    /// The forecast of a class's period marks by the current averages (the progress figures with
    /// the rounding rule): also a teacher's, for a subject of the class they teach — a group's
    /// teacher's of their group's students only.
    public func forecast(_ scope: Scope, subject: Int?, today: CivilDate, by editor: Editor) throws -> Progress {
        let resource = Self.forecastResource(classID: scope.classID, subject: subject, for: editor.actor)
        try editor.require(.viewReports, resource)
        let group: Int? = if case let .classSubject(_, _, group) = resource { group } else { nil }
        return try database.read { try Self.progress($0, scope, subject: subject, group: group, today: today) }
    }

    /// What a forecast is about: the class's subject as `actor` reads it (the policy's read rule:
    /// a group's teacher, their group), else the whole class.
    public static func forecastResource(classID: Int, subject: Int?, for actor: Actor?) -> Resource {
        subject.map { Resource.classSubject(classID: classID, subjectID: $0, groupID: nil).narrowed(for: actor, .viewReports) } ?? .schoolClass(classID)
    }

    static func progress(_ c: Connection, _ scope: Scope, subject: Int?, group: Int? = nil, today: CivilDate) throws -> Progress {
        guard let schoolClass = try c.schoolClass(scope.classID) else { throw DeskError.notFound("Нет такого класса.") }
        let periods = try c.periods(classID: scope.classID)
        let period: Period?
        let from: CivilDate, to: CivilDate
        if let a = scope.from, let b = scope.to {
            (period, from, to) = (nil, a, b)
        } else {
            if let id = scope.periodID {
                period = periods.first { $0.id == id }
                guard period != nil else { throw DeskError.notFound("Такого периода у класса нет.") }
            } else {
                period = periods.first { $0.dates.contains(today) } ?? periods.last { $0.startsOn <= today } ?? periods.first
            }
            guard let period else { throw DeskError.notFound("Такого периода у класса нет.") }
            (from, to) = (period.startsOn, period.endsOn)
        }
        var subjects = try c.reportSubjects(classID: scope.classID, from: from, to: to)
        var marks = try c.reportMarks(classID: scope.classID, from: from, to: to)
        if let subject {
            subjects = subjects.filter { $0.id == subject }
            guard !subjects.isEmpty else { throw DeskError.notFound("Нет такого класса или предмета.") }
            marks = marks.filter { $0.subjectID == subject }
        }
        let students = try c.journalStudents(classID: scope.classID, groupID: group, from: from, to: to).map { (id: $0.id, name: $0.name) }
        let rule = try c.schoolSettings().rounding
        let figures = ProgressFigures(subjects: subjects, students: students, marks: marks,
                                      absences: try c.reportAbsences(classID: scope.classID, from: from, to: to), rule: rule)
        return Progress(classID: scope.classID, className: schoolClass.name,
                        group: try group.flatMap { try c.studyGroupRecord($0) }.map { (id: $0.id, name: $0.name) }, from: from, to: to, period: period, periods: periods,
                        timing: ReportTiming(endsOn: to, today: today), figures: figures, rule: rule,
                        absencesByWeek: try Self.weeks(c.reportAbsencesByWeek(classID: scope.classID, from: from, to: to), from: from, to: min(to, today)))
    }

    /// Every week of the range (from its Monday) up to `to` (today, in a period still going), with the lessons missed in it by reason.
    static func weeks(_ rows: [(week: CivilDate, code: AbsenceCode, lessons: Int)], from: CivilDate, to: CivilDate) -> [(week: CivilDate, lessons: [AbsenceCode: Int])] {
        var byWeek: [CivilDate: [AbsenceCode: Int]] = [:]
        for r in rows { byWeek[r.week, default: [:]][r.code] = r.lessons }
        return stride(from: from.startOfWeek.dayNumber, through: to.dayNumber, by: 7).map { day in
            (week: CivilDate(dayNumber: day), lessons: byWeek[CivilDate(dayNumber: day)] ?? [:])
        }
    }

    /// What a school-wide report (filling, substitutions) covers: optionally one class, one
    /// teacher, one subject; a period of any scheme or dates (else the period containing `today`).
    public struct Filter: Sendable, Equatable {
        public let classID: Int?
        public let teacher: Int?
        public let subject: Int?
        public let periodID: Int?
        public let from: CivilDate?
        public let to: CivilDate?
        /// An earlier school year (its periods, its classes); nil: the class's, the period's or the current one.
        public let yearID: Int?

        public init(classID: Int? = nil, teacher: Int? = nil, subject: Int? = nil, periodID: Int? = nil, from: CivilDate? = nil, to: CivilDate? = nil,
                    yearID: Int? = nil) {
            self.yearID = yearID
            self.classID = classID
            self.teacher = teacher
            self.subject = subject
            self.periodID = periodID
            self.from = from
            self.to = to
        }

        /// What the policy is asked about: the class when one is named, else the teacher, else the school.
        public var resource: Resource {
            if let classID { return .schoolClass(classID) }
            if let teacher { return .person(id: teacher, classes: [], isStaff: true) }
            return .school
        }
    }

    /// Накопляемость: per teacher, class and subject (or group), the share of students with no
    /// mark and with one, of lessons held with a topic and with homework.
    public struct Filling: Sendable {
        public let from: CivilDate
        public let to: CivilDate
        public let period: Period?
        /// The year's periods, for the page's choice.
        public let periods: [Period]
        public let rows: [FillingRow]
    }

    public func filling(_ scope: Filter, today: CivilDate, by editor: Editor) throws -> Filling {
        try editor.require(.viewReports, scope.resource)
        return try database.read { c in
            let (period, from, to, periods) = try Self.range(c, scope, today: today)
            let rows = try c.reportFilling(from: from, to: to, heldBy: min(to, today), classID: scope.classID, teacher: scope.teacher, subject: scope.subject)
            return Filling(from: from, to: to, period: period, periods: periods, rows: rows)
        }
    }

    /// Missed (taught by a substitute), cancelled and substituted lessons per teacher and class.
    public struct Substitutions: Sendable {
        public let from: CivilDate
        public let to: CivilDate
        public let period: Period?
        public let periods: [Period]
        public let rows: [SubstitutionRow]
    }

    public func substitutions(_ scope: Filter, today: CivilDate, by editor: Editor) throws -> Substitutions {
        try editor.require(.viewReports, scope.resource)
        return try database.read { c in
            let (period, from, to, periods) = try Self.range(c, scope, today: today)
            let rows = try c.reportSubstitutions(from: from, to: to, classID: scope.classID, teacher: scope.teacher, subject: scope.subject)
            return Substitutions(from: from, to: to, period: period, periods: periods, rows: rows)
        }
    }

    /// Sign-ins and changes per account and week (the administration's).
    public struct Activity: Sendable {
        public let from: CivilDate
        public let to: CivilDate
        public let period: Period?
        public let periods: [Period]
        public let rows: [ActivityRow]
    }

    /// The activity over a period or dates, in the school's weeks (`utcOffsetMinutes` east of UTC).
    public func activity(_ scope: Filter, today: CivilDate, utcOffsetMinutes: Int, by editor: Editor) throws -> Activity {
        try editor.require(.viewReports, .school)
        return try database.read { c in
            let (period, from, to, periods) = try Self.range(c, scope, today: today)
            let offset = utcOffsetMinutes * 60
            let rows = try c.reportActivity(since: from.dayNumber * 86_400 - offset, until: (to.dayNumber + 1) * 86_400 - offset, offsetSeconds: offset)
            return Activity(from: from, to: to, period: period, periods: periods, rows: rows)
        }
    }

    /// Marks and homework entered after the school's deadlines, per teacher, for the lessons of the range.
    public struct Timeliness: Sendable {
        public let from: CivilDate
        public let to: CivilDate
        public let period: Period?
        public let periods: [Period]
        public let homeworkMinutes: Int
        public let rows: [TimelinessRow]
    }

    public func timeliness(_ scope: Filter, today: CivilDate, utcOffsetMinutes: Int, by editor: Editor) throws -> Timeliness {
        try editor.require(.viewReports, scope.resource)
        return try database.read { c in
            let (period, from, to, periods) = try Self.range(c, scope, today: today)
            let minutes = try c.schoolSettings().homeworkDeadlineMinutes
            let rows = try c.reportTimeliness(from: from, to: to, offsetSeconds: utcOffsetMinutes * 60, deadlines: .school, homeworkMinutes: minutes,
                                              classID: scope.classID, teacher: scope.teacher, subject: scope.subject)
            return Timeliness(from: from, to: to, period: period, periods: periods, homeworkMinutes: minutes, rows: rows)
        }
    }

    /// A filter's dates: its own, its period's, or the period containing `today` (an earlier
    /// year's: its last); and the year's periods. The year: the filter's, its class's, its
    /// period's, else the current one.
    static func range(_ c: Connection, _ scope: Filter, today: CivilDate) throws -> (Period?, CivilDate, CivilDate, [Period]) {
        let named = try scope.yearID ?? scope.classID.flatMap { try c.yearID(class: $0) } ?? scope.periodID.flatMap { try c.period($0)?.year }
        guard let year = try named.flatMap({ try c.academicYear(id: $0) }) ?? c.currentAcademicYear(on: today) else {
            throw DeskError.notFound("Такого периода нет.")
        }
        let periods = try c.periods(year: year.id)
        if let a = scope.from, let b = scope.to { return (nil, a, b, periods) }
        let period: Period?
        if let id = scope.periodID {
            period = try c.period(id)?.period
        } else {
            period = periods.first { $0.dates.contains(today) } ?? periods.last { $0.startsOn <= today } ?? periods.first
        }
        guard let period else { throw DeskError.notFound("Такого периода нет.") }
        return (period, period.startsOn, period.endsOn, periods)
    }

    /// The classes whose reports the editor may read, in the year `year` (an id), else the current one.
    public func classes(today: CivilDate, year yearID: Int? = nil, by editor: Editor) throws -> [(id: Int, name: String)] {
        try database.read { c in
            guard let year = try yearID.flatMap({ try c.academicYear(id: $0) }) ?? c.currentAcademicYear(on: today) else { return [] }
            return try c.classList(year: year.id).filter { AccessPolicy.permits(editor.actor, .viewReports, .schoolClass($0.id)) }
        }
    }
}
