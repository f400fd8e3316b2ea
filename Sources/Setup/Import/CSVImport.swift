import Desks
import Domain
import Storage

/// One CSV import as the console (`tabel setup import`) and the administrator's imports page run
/// it: the same checks and the same writes, in one transaction with its audit row, or a dry run
/// that says what the same file would change and writes nothing.
public struct CSVImport: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case staff, students, guardians, timetable
        /// The thematic plan (КТП) of one class's subject.
        case plan
    }

    /// The largest file imported (20 MiB, some hundred thousand lines): a larger one is refused
    /// before it is read or parsed.
    public static let maxBytes = 20 * 1024 * 1024
    static let tooLarge = "файл больше \(maxBytes / (1024 * 1024)) МБ: разделите его на части"

    /// The columns a kind of file reads, required first (as the README's table lists them).
    public static func columns(_ kind: Kind) -> [String] {
        guard let importer = Importer.Kind(rawValue: kind.rawValue) else { return [PlanImport.topicColumn, PlanImport.hoursColumn] }
        return Importer.required[importer]! + Importer.optional[importer]!
    }

    /// Reads a file to import, refusing one over `maxBytes` by its size, before reading it.
    public static func readFile(_ path: String) throws -> [UInt8] {
        try TextFile.read(path, limit: maxBytes, tooLarge: tooLarge)
    }

    public let kind: Kind
    /// A plan's class and subject (nil for the other kinds).
    public let classID: Int?
    public let subjectID: Int?
    public let bytes: [UInt8]

    public init(kind: Kind, classID: Int? = nil, subjectID: Int? = nil, bytes: [UInt8]) {
        self.kind = kind
        self.classID = classID
        self.subjectID = subjectID
        self.bytes = bytes
    }

    /// Checks every line of the file and, unless `dryRun`, applies all of it. `today` is the
    /// school's day: a new student's default date of enrolment, the first day of a timetable's lessons.
    /// - Throws: `ImportFailure` naming every bad line (nothing is written then); for a plan,
    ///   `DeskError.notFound` when its class or subject does not exist.
    public func run(_ database: Database, today: CivilDate, dryRun: Bool, by editor: Editor) throws -> ImportReport {
        guard bytes.count <= Self.maxBytes else { throw ImportFailure(problems: [InputError(line: nil, Self.tooLarge)]) }
        guard kind == .plan else {
            return try Importer(database: database, today: today, now: editor.at)
                .run(Importer.Kind(rawValue: kind.rawValue)!, bytes: bytes, dryRun: dryRun,
                     by: editor.actor.accountID == 0 ? nil : editor.actor.accountID, via: editor.via,
                     session: editor.session, address: editor.address)
        }
        guard let classID, let subjectID else { throw DeskError.notFound("Для КТП укажите класс и предмет.") }
        let topics = try PlanImport.rows(bytes)
        let outcome: PlanDesk.Outcome
        do {
            outcome = try PlanDesk(database: database).replace(classID: classID, subjectID: subjectID, topics: topics.map { ($0.title, $0.hours) },
                                                               by: editor, dryRun: dryRun)
        } catch let error as DeskError where error.field != nil {
            throw ImportFailure(problems: [InputError(line: nil, error.message)])
        }
        var report = ImportReport()
        report.created = topics.count
        report.rows = topics.map { ImportReport.Row(line: $0.line, change: .created, text: "\($0.title) — \($0.hours) ч.") }
        report.changes = report.rows.map { "строка \($0.line): \($0.text)" }
        report.changes.append("тем \(outcome.topics), часов \(outcome.hours); темы \(dryRun ? "будут записаны" : "записаны") в \(outcome.filled) уроков")
        report.plan = outcome
        return report
    }
}
