/// How a subject is assessed (migration 8): marks 1–5, pass or fail (зачёт/незачёт), or not at all.
public enum SubjectScale: String, CaseIterable, Sendable, Codable {
    case marks
    case passFail = "passfail"
    case unmarked = "none"

    /// Whether a 1–5 mark may be put in the subject's journal.
    public var takesMarks: Bool { self == .marks }
}

/// A subject of the school's list (предмет).
public struct Subject: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let shortName: String
    public let scale: SubjectScale

    public init(id: Int, name: String, shortName: String, scale: SubjectScale) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.scale = scale
    }
}

/// A break or a public holiday: no lessons on these dates for the grades it covers.
public struct Holiday: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let startsOn: CivilDate
    public let endsOn: CivilDate
    /// The grades that have no lessons then (grade 1 alone for its extra February week).
    public let grades: ClosedRange<Int>

    public init(id: Int, name: String, startsOn: CivilDate, endsOn: CivilDate, grades: ClosedRange<Int>) {
        self.id = id
        self.name = name
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.grades = grades
    }

    public var dates: ClosedRange<CivilDate> { startsOn...endsOn }
}

/// A bell schedule (расписание звонков) with its lesson slots in order.
public struct BellSchedule: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let bells: [Bell]

    public init(id: Int, name: String, bells: [Bell]) {
        self.id = id
        self.name = name
        self.bells = bells
    }
}

/// A room (кабинет).
public struct Room: Sendable, Equatable {
    public let id: Int
    public let name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// How a class of the year is set up: its name, class teacher, bells, periods and whether it gets marks.
public struct ClassProfile: Sendable, Equatable {
    public let id: Int
    public let grade: Int
    public let letter: String
    public let name: String
    public let classTeacherID: Int?
    public let bellScheduleID: Int
    public let scheme: PeriodScheme
    public let marksEnabled: Bool

    public init(id: Int, grade: Int, letter: String, name: String, classTeacherID: Int?, bellScheduleID: Int, scheme: PeriodScheme, marksEnabled: Bool) {
        self.id = id
        self.grade = grade
        self.letter = letter
        self.name = name
        self.classTeacherID = classTeacherID
        self.bellScheduleID = bellScheduleID
        self.scheme = scheme
        self.marksEnabled = marksEnabled
    }
}

/// What refers to a thing of the school's structure and keeps it from being deleted.
public enum StructureReference: String, CaseIterable, Sendable {
    case students, lessons, timetable, assignments, groups, plan, periodMarks, acknowledgements, classes, unlocks, events
}

/// Why a value of the school's structure is refused, for the field it belongs to. Pages and desks
/// put it into words (`Words`); the rules never do.
public enum StructureProblem: Error, Equatable, Sendable {
    /// The field is empty.
    case required
    case tooLong(max: Int)
    case notADate
    case notATime
    case notANumber
    /// An end before its start.
    case endsBeforeStart
    /// A date outside the academic year.
    case outsideYear(AcademicYear)
    /// A number outside its range (a period's 1–4, a bell's 0–12, a grade's 1–11).
    case outOfRange(ClosedRange<Int>)
    /// A period or bell of that number is there already.
    case numberTaken(Int)
    /// A name the school already uses for another one.
    case nameTaken(String)
    /// The dates overlap those of the named period.
    case overlapsPeriod(String)
    /// The period comes before (or after) the named one by number but not by dates.
    case periodOrder(String)
    /// The times overlap those of another bell.
    case overlapsBell(Int)
    /// The bell comes before (or after) that bell by number but not by time.
    case bellOrder(Int)
    /// The lower grade above the upper one.
    case gradeOrder
    /// Not one of the choices offered.
    case unknownChoice
    /// Hours per week: 0 to 40, halves allowed.
    case hours
    /// A letter of a parallel class (А, Б, В…).
    case letter
    /// The same teacher, subject, class and group are there already.
    case assignmentExists
    /// The group belongs to another class.
    case groupOfAnotherClass
    /// The class's timetable uses bells the schedule does not have.
    case missingBells([Int])
    /// Period marks of the old scheme are set: the class's periods cannot change.
    case periodMarksSet
    /// Marks of the subject's present scale are in this year's journal.
    case scaleInUse
    /// Something refers to it, with how many.
    case inUse([StructureReference: Int])
}

/// The rules of the school's structure (DOMAIN.md, "The school year"): what a period, holiday or
/// bell must be against the others. Pure; the desk loads the others and asks.
public enum StructureRules {
    /// How many periods a scheme has: four quarters or two half-years.
    public static func numbers(_ scheme: PeriodScheme) -> ClosedRange<Int> { scheme == .quarter ? 1...4 : 1...2 }

    /// A period against the year and the other periods of its scheme: numbered in the scheme's
    /// range and not twice, inside the year, no overlap, and in the order of their numbers.
    /// Problems by field: `number`, `starts_on`, `ends_on`.
    public static func period(number: Int, startsOn: CivilDate, endsOn: CivilDate, scheme: PeriodScheme, year: AcademicYear,
                              others: [Period]) -> [String: StructureProblem] {
        var problems: [String: StructureProblem] = [:]
        if !numbers(scheme).contains(number) {
            problems["number"] = .outOfRange(numbers(scheme))
        } else if others.contains(where: { $0.number == number }) {
            problems["number"] = .numberTaken(number)
        }
        if !year.dates.contains(startsOn) { problems["starts_on"] = .outsideYear(year) }
        if !year.dates.contains(endsOn) { problems["ends_on"] = .outsideYear(year) } else if endsOn < startsOn { problems["ends_on"] = .endsBeforeStart }
        guard problems["starts_on"] == nil, problems["ends_on"] == nil else { return problems }
        let dates = startsOn...endsOn
        for other in others.sorted(by: { $0.number < $1.number }) {
            if other.dates.overlaps(dates) {
                problems["starts_on"] = problems["starts_on"] ?? .overlapsPeriod(other.name)
            } else if other.number < number, other.startsOn > dates.upperBound {
                problems["starts_on"] = problems["starts_on"] ?? .periodOrder(other.name)
            } else if other.number > number, other.endsOn < dates.lowerBound {
                problems["ends_on"] = problems["ends_on"] ?? .periodOrder(other.name)
            }
        }
        return problems
    }

    /// A holiday inside the year, for grades 1–11 from the lower to the upper. Problems by
    /// field: `starts_on`, `ends_on`, `min_grade`, `max_grade`.
    public static func holiday(startsOn: CivilDate, endsOn: CivilDate, grades: (Int, Int), year: AcademicYear) -> [String: StructureProblem] {
        var problems: [String: StructureProblem] = [:]
        if !year.dates.contains(startsOn) { problems["starts_on"] = .outsideYear(year) }
        if !year.dates.contains(endsOn) { problems["ends_on"] = .outsideYear(year) } else if endsOn < startsOn { problems["ends_on"] = .endsBeforeStart }
        if !(1...11).contains(grades.0) { problems["min_grade"] = .outOfRange(1...11) }
        if !(1...11).contains(grades.1) { problems["max_grade"] = .outOfRange(1...11) }
        if problems["min_grade"] == nil, problems["max_grade"] == nil, grades.0 > grades.1 { problems["max_grade"] = .gradeOrder }
        return problems
    }

    /// A bell against the other bells of its schedule: numbered 0–12 and not twice, no overlap,
    /// and in the order of their numbers (a break between two bells may be none). Problems by
    /// field: `number`, `starts_at`, `ends_at`.
    public static func bell(_ bell: Bell, others: [Bell]) -> [String: StructureProblem] {
        var problems: [String: StructureProblem] = [:]
        if !(0...12).contains(bell.number) {
            problems["number"] = .outOfRange(0...12)
        } else if others.contains(where: { $0.number == bell.number }) {
            problems["number"] = .numberTaken(bell.number)
        }
        if bell.endsAt <= bell.startsAt {
            problems["ends_at"] = .endsBeforeStart
            return problems
        }
        for other in others.sorted(by: { $0.number < $1.number }) where problems["starts_at"] == nil {
            if other.startsAt < bell.endsAt && bell.startsAt < other.endsAt {
                problems["starts_at"] = .overlapsBell(other.number)
            } else if (other.number < bell.number && other.startsAt > bell.startsAt) || (other.number > bell.number && other.startsAt < bell.startsAt) {
                problems["starts_at"] = .bellOrder(other.number)
            }
        }
        return problems
    }

    /// A name as typed: trimmed, not empty, at most `max` characters.
    public static func name(_ text: String, max: Int) -> Result<String, StructureProblem> {
        let name = text.trimmingWhitespace
        if name.isEmpty { return .failure(.required) }
        if name.count > max { return .failure(.tooLong(max: max)) }
        return .success(name)
    }

    /// A date as a date field sends it (`2026-11-02`) or as a person types it (`02.11.2026`).
    public static func date(_ text: String) -> Result<CivilDate, StructureProblem> {
        let t = text.trimmingWhitespace
        if t.isEmpty { return .failure(.required) }
        return (CivilDate(iso: t) ?? CivilDate(russian: t)).map { .success($0) } ?? .failure(.notADate)
    }

    /// A time of day as a time field sends it (`08:30`) or typed with a dot (`8.30`).
    public static func time(_ text: String) -> Result<TimeOfDay, StructureProblem> {
        let t = text.trimmingWhitespace.replacing(".", with: ":")
        if t.isEmpty { return .failure(.required) }
        return TimeOfDay(t).map { .success($0) } ?? .failure(.notATime)
    }

    /// A whole number in `range`.
    public static func number(_ text: String, in range: ClosedRange<Int>) -> Result<Int, StructureProblem> {
        let t = text.trimmingWhitespace
        if t.isEmpty { return .failure(.required) }
        guard let n = Int(t) else { return .failure(.notANumber) }
        return range.contains(n) ? .success(n) : .failure(.outOfRange(range))
    }

    /// Hours per week: 0 to 40 in halves, with a comma or a dot («1,5»).
    public static func hours(_ text: String) -> Result<Double, StructureProblem> {
        let t = text.trimmingWhitespace.replacing(",", with: ".")
        if t.isEmpty { return .success(0) }
        guard let h = Double(t), (0...40).contains(h), (h * 2).rounded() == h * 2 else { return .failure(.hours) }
        return .success(h)
    }
}

extension AcademicYear {
    public var dates: ClosedRange<CivilDate> { startsOn...endsOn }
}
