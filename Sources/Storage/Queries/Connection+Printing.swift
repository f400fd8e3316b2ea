import Domain

/// What the printed documents read beyond the journal's and the diary's queries.
extension Connection {
    /// The academic year starting in a calendar year (2026 → 2026/27).
    public func academicYear(startingIn calendarYear: Int) throws -> AcademicYear? {
        try first("SELECT id, name, starts_on, ends_on FROM academic_year WHERE starts_on LIKE ? ORDER BY starts_on LIMIT 1", "\(calendarYear)-%") {
            AcademicYear(id: $0.int(0), name: $0.string(1), startsOn: try $0.date(2), endsOn: try $0.date(3))
        }
    }
}
