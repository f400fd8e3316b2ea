import Domain
import Secrets
import Storage

/// What `tabel setup demo` was asked for.
public struct DemoOptions: Sendable {
    public var students: Int
    public var seed: UInt64
    public var today: CivilDate
    public var password: String
    /// School years of data: this one and `years − 1` before it.
    public var years: Int

    public init(students: Int = 500, seed: UInt64 = 1, today: CivilDate, password: String, years: Int = 1) {
        self.students = students
        self.seed = seed
        self.today = today
        self.password = password
        self.years = years
    }
}

/// One demo account, as written to the logins file.
public struct DemoLogin: Sendable {
    public let login: String
    public let password: String
    public let role: Role
    public let personID: Int
    public let fullName: String
    public let className: String
    public let children: [Int]
}

/// A realistic generated school: people with correct Russian name forms, classes 1–11,
/// a curriculum-based timetable without clashes, every lesson of the year, and the marks,
/// absences, remarks and period marks of the days up to `today`. Deterministic for a seed.
public enum DemoSchool {
    /// Fills an empty database. Progress lines go to `progress`.
    /// - Important: the database must hold no school yet; everything is written in one transaction.
    public static func generate(into database: Database, options: DemoOptions,
                                progress: @escaping (String) -> Void) throws -> [DemoLogin] {
        let hash = try PasswordHash.hash(options.password)
        return try database.withWriter { c in
            guard try c.school() == nil else { throw SetupError("в базе уже есть школа; демонстрационная школа создаётся в пустой базе") }
            // A generated school may be lost on a power cut: it is made again in a minute.
            return try c.withoutDurableCommits {
                try c.transaction {
                    var builder = DemoBuilder(connection: c, options: options, passwordHash: hash, progress: progress)
                    return try builder.build()
                }
            }
        }
    }
}

/// A setup failure with a message for the person at the console.
public struct SetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The state of one generation run; its steps live in the `DemoBuilder+…` files.
struct DemoBuilder {
    let c: Connection
    let options: DemoOptions
    let passwordHash: String
    let progress: (String) -> Void
    var rng: SeededRandom
    /// The year being written (this one, or an earlier one while history is written).
    var calendar: SchoolCalendar
    let createdAt: Int

    var year = 0
    var quarterIDs: [Int] = []
    var halfIDs: [Int] = []
    var subjectIDs: [String: Int] = [:]
    var workTypeIDs: [String: Int] = [:]
    var workTypeWeights: [Int: Double] = [:]
    var mainBells = 0
    var firstGradeBells = 0

    var classes: [DemoClass] = []
    var teachers: [DemoTeacher] = []
    var people: [Int: PersonCard] = [:]
    var roles: [Int: [Role]] = [:]
    var guardianChildren: [Int: [Int]] = [:]
    var studentClass: [Int: String] = [:]

    init(connection: Connection, options: DemoOptions, passwordHash: String, progress: @escaping (String) -> Void) {
        c = connection
        self.options = options
        self.passwordHash = passwordHash
        self.progress = progress
        rng = SeededRandom(seed: options.seed)
        calendar = SchoolCalendar(startYear: AcademicYear.startYear(containing: options.today))
        createdAt = SchoolDateTime(date: calendar.yearStart.adding(days: -10), time: TimeOfDay(minutes: 9 * 60))
            .unixSeconds(offsetMinutes: SchoolClock.systemUTCOffsetMinutes)
    }

    mutating func build() throws -> [DemoLogin] {
        try writeSchoolFrame()
        try createClassesAndStaff()
        try createFamilies()
        try assignTeaching()
        try placeTimetable()
        try writeJournal(through: options.today)
        try writeHistory()
        let logins = try createAccounts()
        try c.appendAudit(AuditEntry(at: createdAt, via: .cli, action: .demoGenerate, entity: "school",
                                     newValue: "students=\(options.students) seed=\(options.seed) today=\(options.today.iso)"))
        return logins
    }

    /// The school, its year and periods, bells, subjects and work types.
    mutating func writeSchoolFrame() throws {
        try c.saveSchool(School(name: "МБОУ «Средняя общеобразовательная школа № 17»", shortName: "Школа № 17",
                                address: "г. Заречный, ул. Школьная, д. 5", networkAddress: "http://tabel.school17.local"))
        year = try c.insertAcademicYear(name: AcademicYear.name(startYear: calendar.startYear),
                                        startsOn: calendar.yearStart, endsOn: calendar.yearEnd)
        for (i, q) in calendar.quarters.enumerated() {
            quarterIDs.append(try c.insertPeriod(year: year, scheme: .quarter, number: i + 1, startsOn: q.0, endsOn: q.1))
        }
        for (i, h) in calendar.halves.enumerated() {
            halfIDs.append(try c.insertPeriod(year: year, scheme: .half, number: i + 1, startsOn: h.0, endsOn: h.1))
        }
        for h in calendar.holidays {
            try c.insertHoliday(year: year, name: h.name, startsOn: h.start, endsOn: h.end, grades: h.grades)
        }
        mainBells = try c.insertBellSchedule(name: "Основное", bells: Curriculum.mainBells)
        firstGradeBells = try c.insertBellSchedule(name: "1 классы", bells: Curriculum.firstGradeBells)
        for s in Curriculum.subjects { subjectIDs[s.name] = try c.insertSubject(name: s.name, shortName: s.shortName, scale: s.scale) }
        for (i, w) in Curriculum.workTypes.enumerated() {
            let id = try c.insertWorkType(code: w.code, name: w.name, weight: w.weight, position: i)
            workTypeIDs[w.code] = id
            workTypeWeights[id] = w.weight
        }
        try c.setSetting("edit_window", "2w")
        try c.setSetting("homework_deadline_minutes", "60")
        progress("Школа, учебный год \(AcademicYear.name(startYear: calendar.startYear)), четверти и звонки")
    }
}

/// A generated class and the people and groups in it.
struct DemoClass {
    var id: Int
    var name: ClassName
    var students: [Int] = []
    var classTeacher: Int?
    /// Subject name → the two subgroups (group id, students).
    var subgroups: [String: [(id: Int, students: [Int])]] = [:]
    /// Subject name → teachers (one, or one per subgroup).
    var teachers: [String: [Int]] = [:]
    /// Weekday 1–5 → bell number → timetable entries (several when subgroups run in parallel).
    var timetable: [Int: [Int: [DemoEntry]]] = [:]
    var size: Int
}

struct DemoEntry {
    let id: Int
    let subject: String
    let teacher: Int
    let group: Int?
    let room: Int?
}

struct DemoTeacher {
    let id: Int
    let speciality: Curriculum.Speciality
    var load: Double = 0
    var room: Int?
    var busy: Set<Int> = []  // weekday * 16 + bell
}

extension DemoSchool {
    /// The logins file: `login,password,role,person_id,full_name,class,children`.
    public static func loginsCSV(_ logins: [DemoLogin]) -> String {
        var csv = CSVWriter()
        csv.row(["login", "password", "role", "person_id", "full_name", "class", "children"])
        for l in logins {
            csv.row([l.login, l.password, l.role.rawValue, String(l.personID), l.fullName, l.className,
                     l.children.map(String.init).joined(separator: " ")])
        }
        return csv.text
    }
}
