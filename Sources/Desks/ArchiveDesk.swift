import Domain
import Storage

/// Past years, whole (DOMAIN.md, "Backups and archives"; issue #12, 5): a year found by the
/// calendar year it starts in, and its export as tables.
public struct ArchiveDesk: Sendable {
    let database: Database
    public let utcOffsetMinutes: Int

    public init(database: Database, utcOffsetMinutes: Int = SchoolClock.systemUTCOffsetMinutes) {
        self.database = database
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The academic year starting in `startYear` (2026: 2026/2027), as commands take `--year Y`.
    ///
    /// - Throws: `notFound` naming the years there are.
    public func year(startingIn startYear: Int) throws -> AcademicYear {
        try database.read { c in
            if let year = try c.academicYear(startingIn: startYear) { return year }
            let known = try c.academicYears().map { "\($0.startsOn.year) (\($0.name))" }
            throw DeskError.notFound("Учебного года \(AcademicYear.name(startYear: startYear)) нет. Есть: \(known.joined(separator: ", ")).")
        }
    }

    /// Every table of the year (`Connection.yearExport`): the administration's, as it holds the change log.
    public func export(startingIn startYear: Int, by editor: Editor) throws -> (year: AcademicYear, tables: [YearExportTable]) {
        try editor.require(.viewAudit, .school)
        let year = try year(startingIn: startYear)
        return (year, try database.read { try $0.yearExport(year, utcOffsetMinutes: utcOffsetMinutes) })
    }
}
