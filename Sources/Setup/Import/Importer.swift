import Desks
import Domain
import Storage

/// What an import changed (or, in a dry run, would change).
public struct ImportReport: Sendable {
    /// What one line of the file does.
    public enum Change: String, Sendable, CaseIterable {
        /// A new person, timetable entry or plan topic.
        case created
        /// New roles, another child, a changed timetable entry.
        case updated
        /// A student moved to another class (counted among the updated too).
        case moved
    }

    /// A line of the file that changes something, and what.
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let change: Change
        public let text: String
    }

    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// Of the updated: students moved to another class.
    public var moved = 0
    /// The lines that change something, in the file's order.
    public var rows: [Row] = []
    /// One line per change, for the person at the console: the rows with their line numbers,
    /// then what follows from them (the journal's lessons of a timetable).
    public var changes: [String] = []
    /// A plan's import: topics, hours and the lessons its topics go to.
    public var plan: PlanDesk.Outcome?

    /// What follows from the rows beyond the rows themselves.
    public var consequences: [String] { Array(changes.dropFirst(rows.count)) }

    public var summary: String { "новых: \(created), изменено: \(updated), без изменений: \(unchanged)" }
}

/// Every problem found in a file; nothing of it was imported.
public struct ImportFailure: Error, CustomStringConvertible, Sendable {
    public let problems: [InputError]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// `tabel setup import staff|students|guardians|timetable`: reads a CSV as Excel writes it,
/// checks every row, and applies all of it in one transaction or none of it.
///
/// Matching rules (so the same file imported twice changes nothing the second time):
/// students by surname, name, patronymic and birth date (or the name alone when no date is
/// given); staff by full name among staff; guardians by full name together with the child
/// (or with the phone when the same parent has another child); timetable entries by class,
/// group, weekday and lesson number. A student of an earlier year (a leaver coming back, anyone
/// not yet on a list of the year) is the same person again, enrolled anew.
///
/// The year imported into is `Connection.importAcademicYear`: after `tabel year new`, the new
/// one, also before its 1 September (a new grade 1 comes this way).
public struct Importer {
    public enum Kind: String, CaseIterable, Sendable {
        case staff, students, guardians, timetable
    }

    public let database: Database
    public let today: CivilDate
    public let now: Int

    public init(database: Database, today: CivilDate, now: Int) {
        self.database = database
        self.today = today
        self.now = now
    }

    private struct DryRun: Error { let report: ImportReport }

    /// Checks every row and, unless `dryRun`, applies the file in one transaction with its audit
    /// row (`account`, `session` and `address` name who imported it, `via` whether from the
    /// console or a page). - Throws: `ImportFailure` naming every bad line; nothing is written then.
    public func run(_ kind: Kind, bytes: [UInt8], dryRun: Bool, by account: Int? = nil, via: AuditEntry.Via = .cli,
                    session: Int? = nil, address: String = "") throws -> ImportReport {
        let table: CSVTable
        do { table = try CSVReader.read(bytes) } catch let e as InputError { throw ImportFailure(problems: [e]) }
        let sessionID = session
        do {
            return try database.write { c in
                guard let year = try c.importAcademicYear(on: today) else {
                    throw ImportFailure(problems: [InputError(line: nil, "на \(today.russian) не задан учебный год: сначала tabel setup init")])
                }
                var session = ImportSession(c: c, table: table, year: year, today: today, now: now)
                try session.requireColumns(Self.required[kind]!)
                for row in table.rows {
                    do {
                        switch kind {
                        case .students: try session.student(row)
                        case .staff: try session.staffMember(row)
                        case .guardians: try session.guardian(row)
                        case .timetable: try session.timetableEntry(row)
                        }
                    } catch let e as InputError {
                        session.problems.append(e)
                    }
                }
                if !session.problems.isEmpty { throw ImportFailure(problems: session.problems) }
                if kind == .timetable {
                    // The journal's lessons follow the timetable from today to the end of the year.
                    let sync = try LessonPlan.replan(c, year: year.id, from: today, reason: "загрузка расписания", by: .importing(account: account, at: now))
                    session.report.changes += LessonPlan.report(sync, from: today)
                }
                try c.appendAudit(AuditEntry(at: now, account: account, session: sessionID, via: .import, action: kind.auditAction, entity: "school",
                                             newValue: session.report.summary, reason: via == .cli ? "командная строка" : "страница", address: address))
                if dryRun { throw DryRun(report: session.report) }
                return session.report
            }
        } catch let dry as DryRun {
            return dry.report
        }
    }

    /// Columns each kind needs. Documented in the README.
    public static let required: [Kind: [String]] = [
        .students: ["Фамилия", "Имя", "Класс"],
        .staff: ["Фамилия", "Имя", "Должность"],
        .guardians: ["Фамилия", "Имя", "Ребёнок", "Класс ребёнка"],
        .timetable: ["Класс", "День", "Урок", "Предмет", "Учитель"],
    ]

    /// The other columns each kind reads. Documented in the README.
    public static let optional: [Kind: [String]] = [
        .students: ["Отчество", "Дата рождения", "Дата зачисления", "Пол", "Телефон", "Email", "Согласие", "Документ согласия"],
        .staff: ["Отчество", "Классный руководитель", "Телефон", "Email", "Согласие", "Документ согласия"],
        .guardians: ["Отчество", "Кем приходится", "Телефон", "Email", "Согласие", "Документ согласия"],
        .timetable: ["Группа", "Кабинет"],
    ]
}

/// One import in progress inside its transaction.
struct ImportSession {
    let c: Connection
    let table: CSVTable
    let year: AcademicYear
    /// The school's day of the import: a new student's default date of enrolment.
    let today: CivilDate
    let now: Int
    var report = ImportReport()
    var problems: [InputError] = []
    /// Rows already seen, to report duplicates within the file.
    var seen: [String: Int] = [:]

    init(c: Connection, table: CSVTable, year: AcademicYear, today: CivilDate, now: Int) {
        self.c = c
        self.table = table
        self.year = year
        self.today = today
        self.now = now
    }

    func requireColumns(_ names: [String]) throws {
        let missing = names.filter { table.column($0) == nil }
        guard missing.isEmpty else {
            throw ImportFailure(problems: [InputError(line: 1, "нет столбц\(missing.count == 1 ? "а" : "ов") \(missing.map { "«\($0)»" }.joined(separator: ", ")) (есть: \(table.header.joined(separator: ", ")))")])
        }
    }

    /// The trimmed value of a column in a row ("" when the column or the cell is absent).
    func value(_ row: CSVTable.Row, _ column: String) -> String {
        guard let i = table.column(column), i < row.fields.count else { return "" }
        return row.fields[i].trimmingWhitespace
    }

    func name(_ row: CSVTable.Row, _ column: String, required: Bool) throws -> String {
        let v = value(row, column)
        if v.isEmpty {
            if required { throw InputError(line: row.line, "не заполнен столбец «\(column)»") }
            return ""
        }
        guard PersonCard.isPlausibleName(v) else {
            throw InputError(line: row.line, "«\(column)»: «\(v.prefix(40))» — не похоже на имя (только буквы, дефис и пробел)")
        }
        return v
    }

    func personCard(_ row: CSVTable.Row) throws -> PersonCard {
        var card = PersonCard(lastName: try name(row, "Фамилия", required: true), firstName: try name(row, "Имя", required: true),
                              middleName: try name(row, "Отчество", required: false))
        let birth = value(row, "Дата рождения")
        if !birth.isEmpty {
            guard let d = CivilDate(russian: birth), PersonCard.isPlausibleBirthDate(d, today: SchoolDateTime(unixSeconds: now, offsetMinutes: 0).date) else {
                throw InputError(line: row.line, "«Дата рождения»: «\(birth)» — ожидается ДД.ММ.ГГГГ")
            }
            card.birthDate = d
        }
        let gender = value(row, "Пол")
        if !gender.isEmpty {
            guard let g = PersonCard.Gender(text: gender) else { throw InputError(line: row.line, "«Пол»: «\(gender.lowercased())» — ожидается М или Ж") }
            card.gender = g
        }
        card.phone = value(row, "Телефон")
        if !card.phone.isEmpty, !PersonCard.isPlausiblePhone(card.phone) {
            throw InputError(line: row.line, "«Телефон»: «\(card.phone.prefix(40))» — ожидаются цифры (от 5 до 15), можно с +, пробелами, скобками и дефисами")
        }
        card.email = value(row, "Email")
        if !card.email.isEmpty, !PersonCard.isPlausibleEmail(card.email) {
            throw InputError(line: row.line, "«Email»: «\(card.email.prefix(120))» — не адрес почты (ожидается вида name@example.ru)")
        }
        return card
    }

    /// The consent date of a row; personal data beyond name and class needs one (152-ФЗ).
    func consent(_ row: CSVTable.Row, card: PersonCard) throws -> CivilDate? {
        let text = value(row, "Согласие")
        let date = text.isEmpty ? nil : CivilDate(russian: text)
        if !text.isEmpty, date == nil { throw InputError(line: row.line, "«Согласие»: «\(text)» — ожидается дата ДД.ММ.ГГГГ") }
        let personal = [card.birthDate != nil ? "дата рождения" : nil, card.phone.isEmpty ? nil : "телефон", card.email.isEmpty ? nil : "email"].compactMap { $0 }
        if date == nil, !personal.isEmpty {
            throw InputError(line: row.line, "указаны персональные данные (\(personal.joined(separator: ", "))), но нет даты согласия на их обработку (столбец «Согласие»)")
        }
        return date
    }

    func schoolClass(_ row: CSVTable.Row, column: String) throws -> (id: Int, name: String) {
        let text = value(row, column)
        guard let name = ClassName(text), let id = try c.classID(name: name.description, year: year.id) else {
            let known = try c.classNames(year: year.id)
            let list = known.prefix(12).joined(separator: ", ") + (known.count > 12 ? ", …" : "")
            throw InputError(line: row.line, "класс «\(text)» не найден (есть: \(list))")
        }
        return (id, name.description)
    }

    /// Counts a line that changes something and says what it does.
    mutating func record(_ change: ImportReport.Change, _ row: CSVTable.Row, _ text: String) {
        switch change {
        case .created: report.created += 1
        case .updated: report.updated += 1
        case .moved: report.updated += 1; report.moved += 1
        }
        report.rows.append(ImportReport.Row(line: row.line, change: change, text: text))
        report.changes.append("строка \(row.line): \(text)")
    }

    mutating func duplicate(_ key: String, _ row: CSVTable.Row) throws {
        if let earlier = seen[key] { throw InputError(line: row.line, "повторяет строку \(earlier)") }
        seen[key] = row.line
    }

    mutating func createPerson(_ card: PersonCard, consent: CivilDate?, document: String) throws -> Int {
        var stored = card
        if consent == nil { stored.birthDate = nil; stored.phone = ""; stored.email = "" }
        let id = try c.insertPerson(stored, createdAt: now)
        if let consent {
            try c.insertConsent(person: id, givenOn: consent, document: document, givenBy: card.fullName, recordedBy: nil, at: now)
        }
        return id
    }
}

extension Importer.Kind {
    var auditAction: AuditAction {
        switch self {
        case .staff: .staffImport
        case .students: .studentsImport
        case .guardians: .guardiansImport
        case .timetable: .timetableImport
        }
    }
}
