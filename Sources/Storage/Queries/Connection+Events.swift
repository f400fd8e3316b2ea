import Domain

/// An announcement or event of the school (no class) or of a class, from one date to another.
public struct SchoolEvent: Sendable, Equatable {
    public let id: Int
    public let classID: Int?
    public let className: String?
    public let startsOn: CivilDate
    public let endsOn: CivilDate
    public let title: String
    public let details: String
}

extension Connection {
    public func insertEvent(year: Int, classID: Int?, startsOn: CivilDate, endsOn: CivilDate, title: String, details: String, author: Int, at: Int) throws -> Int {
        _ = try run("""
            INSERT INTO school_event (year_id, class_id, starts_on, ends_on, title, details, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, year, classID, startsOn, endsOn, title, details, author, at)
        return lastInsertID
    }

    /// Events overlapping `from`…`to`, soonest first: the school's, and those of `classes`
    /// (nil: of every class).
    public func events(from: CivilDate, to: CivilDate, classes: Set<Int>?) throws -> [SchoolEvent] {
        try query("""
            SELECT e.id, e.class_id, c.name, e.starts_on, e.ends_on, e.title, e.details
            FROM school_event e LEFT JOIN school_class c ON c.id = e.class_id
            WHERE e.starts_on <= ?2 AND e.ends_on >= ?1 ORDER BY e.starts_on, e.class_id IS NOT NULL, c.name, e.id
            """, from, to) { r in
            SchoolEvent(id: r.int(0), classID: r.optionalInt(1), className: r.optionalString(2), startsOn: try r.date(3), endsOn: try r.date(4),
                        title: r.string(5), details: r.string(6))
        }.filter { e in e.classID.map { classes?.contains($0) ?? true } ?? true }
    }
}
