import Domain

extension Connection {
    /// The school, or nil before `tabel setup init`.
    public func school() throws -> School? {
        try first("SELECT name, short_name, address, network_address FROM school WHERE id = 1") {
            School(name: $0.string(0), shortName: $0.string(1), address: $0.string(2), networkAddress: $0.string(3))
        }
    }

    /// The academic year containing `date`.
    public func academicYear(containing date: CivilDate) throws -> AcademicYear? {
        try first("SELECT id, name, starts_on, ends_on FROM academic_year WHERE starts_on <= ?1 AND ends_on >= ?1", date) {
            AcademicYear(id: $0.int(0), name: $0.string(1), startsOn: try $0.date(2), endsOn: try $0.date(3))
        }
    }

    /// The bells of the school's main schedule (the one with the lowest id).
    public func mainBells() throws -> [Bell] {
        try query("""
            SELECT number, starts_at, ends_at FROM bell
            WHERE schedule_id = (SELECT min(id) FROM bell_schedule) ORDER BY number
            """) { Bell(number: $0.int(0), startsAt: try $0.time(1), endsAt: try $0.time(2)) }
    }

    /// A holiday or break covering `date`, by name.
    public func holiday(on date: CivilDate) throws -> String? {
        try first("SELECT name FROM holiday WHERE starts_on <= ?1 AND ends_on >= ?1 AND min_grade <= 1 ORDER BY id", date) {
            $0.string(0)
        }
    }

    /// True when the database answers a trivial query (for `/healthz`).
    public func isReadable() throws -> Bool {
        try first("SELECT count(*) FROM school") { _ in true } ?? false
    }
}

extension Connection {
    /// Timetable changes of `date`, by class and lesson number.
    public func timetableChanges(on date: CivilDate) throws -> [TimetableChange] {
        try query("""
            SELECT c.name, l.bell_number, s.name, t.kind, l.id, l.change_note, t.reason
            FROM lesson l
            JOIN timetable_change t ON t.lesson_id = l.id
            JOIN school_class c ON c.id = l.class_id
            JOIN subject s ON s.id = l.subject_id
            WHERE l.date = ? AND l.change_note <> ''
            ORDER BY c.grade, c.letter, l.bell_number
            """, date) { row in
            TimetableChange(className: row.string(0), bellNumber: row.int(1), subject: row.string(2),
                            kind: TimetableChange.Kind(rawValue: row.string(3)) ?? .replaced, lessonID: row.int(4), note: row.string(5), reason: row.string(6))
        }
    }
}
