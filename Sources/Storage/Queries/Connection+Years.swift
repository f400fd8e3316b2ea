import Domain

extension Connection {
    /// SQL: enrolment `e` is on its class's list at the end of the class's year — open, or closed
    /// on the year's last day by `tabel year new` (the student moved up, not away).
    static let onListAtYearEnd = """
        (e.left_on IS NULL OR e.left_on >= (SELECT y.ends_on FROM school_class k JOIN academic_year y ON y.id = k.year_id WHERE k.id = e.class_id))
        """

    /// The current academic year: the newest one that has started by `today`.
    ///
    /// - Important: the one rule for "this year". Before 1 September of a next year already
    ///   created, the current year is still the old one (the journal, the diary, the lists);
    ///   the administrator prepares the new one in the structure pages meanwhile.
    public func currentAcademicYear(on today: CivilDate) throws -> AcademicYear? {
        try first("SELECT id, name, starts_on, ends_on FROM academic_year WHERE starts_on <= ? ORDER BY starts_on DESC LIMIT 1", today,
                  row: Self.academicYear)
            ?? first("SELECT id, name, starts_on, ends_on FROM academic_year ORDER BY starts_on LIMIT 1", row: Self.academicYear)
    }

    /// The academic year starting in the calendar year `year` (2026 for 2026/2027): the one
    /// place a command's `--year Y` is read.
    public func academicYear(startingIn year: Int) throws -> AcademicYear? {
        guard let from = CivilDate(year: year, month: 1, day: 1), let to = CivilDate(year: year, month: 12, day: 31) else { return nil }
        return try first("SELECT id, name, starts_on, ends_on FROM academic_year WHERE starts_on BETWEEN ? AND ? ORDER BY starts_on LIMIT 1",
                         from, to, row: Self.academicYear)
    }

    /// The year imports go into: the newest one not closed — after `tabel year new`, the new year
    /// (also before its 1 September, while the old one is still current but read-only).
    public func importAcademicYear(on today: CivilDate) throws -> AcademicYear? {
        try first("SELECT id, name, starts_on, ends_on FROM academic_year WHERE closed_at IS NULL ORDER BY starts_on DESC LIMIT 1", row: Self.academicYear)
            ?? currentAcademicYear(on: today)
    }

    /// The newest academic year (the one the next is started from).
    public func newestAcademicYear() throws -> AcademicYear? {
        try first("SELECT id, name, starts_on, ends_on FROM academic_year ORDER BY starts_on DESC LIMIT 1", row: Self.academicYear)
    }

    static func academicYear(_ r: Row) throws -> AcademicYear {
        AcademicYear(id: r.int(0), name: r.string(1), startsOn: try r.date(2), endsOn: try r.date(3))
    }

    /// True when the year was closed by starting the next one: nothing of it changes any more.
    public func isYearClosed(_ year: Int) throws -> Bool {
        try first("SELECT closed_at IS NOT NULL FROM academic_year WHERE id = ?", year) { $0.bool(0) } ?? false
    }

    /// True when the class's year is closed (one query: the grid asks on every visit).
    public func isYearClosed(classID: Int) throws -> Bool {
        try first("SELECT y.closed_at IS NOT NULL FROM school_class c JOIN academic_year y ON y.id = c.year_id WHERE c.id = ?", classID) { $0.bool(0) } ?? false
    }

    /// The year of a lesson, of a class.
    public func yearID(lesson: Int) throws -> Int? {
        try first("SELECT year_id FROM lesson WHERE id = ?", lesson) { $0.int(0) }
    }

    public func yearID(class classID: Int) throws -> Int? {
        try first("SELECT year_id FROM school_class WHERE id = ?", classID) { $0.int(0) }
    }

    /// The years a student was on a class's list, oldest first (the diary's year chooser).
    public func studentYears(_ student: Int) throws -> [AcademicYear] {
        try query("""
            SELECT DISTINCT y.id, y.name, y.starts_on, y.ends_on FROM enrolment e JOIN school_class c ON c.id = e.class_id
            JOIN academic_year y ON y.id = c.year_id WHERE e.student_id = ? ORDER BY y.starts_on
            """, student, row: Self.academicYear)
    }

    // MARK: Promotion

    /// The class teachers' decisions of the year, by student.
    public func promotionDecisions(year: Int) throws -> [Int: PromotionDecision] {
        Dictionary(uniqueKeysWithValues: try query("SELECT student_id, decision FROM promotion WHERE year_id = ?", year) {
            ($0.int(0), PromotionDecision(rawValue: $0.string(1)) ?? .conditional)
        })
    }

    /// Records (or with nil removes) a student's decision.
    public func setPromotionDecision(student: Int, year: Int, _ decision: PromotionDecision?, by person: Int?, at: Int) throws {
        if let decision {
            try run("""
                INSERT INTO promotion (student_id, year_id, decision, set_by, set_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (student_id, year_id) DO UPDATE SET decision = excluded.decision, set_by = excluded.set_by, set_at = excluded.set_at
                """, student, year, decision.rawValue, person, at)
        } else {
            try run("DELETE FROM promotion WHERE student_id = ? AND year_id = ?", student, year)
        }
    }

    /// Students with academic debt in the year: a year or final mark of 2 or lower, «незачёт» or «н/а».
    public func studentsWithDebt(year: Int) throws -> Set<Int> {
        Set(try query("""
            SELECT DISTINCT student_id FROM period_mark
            WHERE year_id = ? AND kind IN ('year', 'final') AND (value <= 2 OR passed = 0 OR special = 'na')
            """, year) { $0.int(0) })
    }

    /// The students on a class's list at the end of the year (no leaving date), with their class
    /// and name («Фамилия Имя»), by class and name.
    public func studentsAtYearEnd(year: Int) throws -> [(student: Int, classID: Int, name: String)] {
        try query("""
            SELECT e.student_id, e.class_id, p.last_name || ' ' || p.first_name FROM enrolment e JOIN school_class c ON c.id = e.class_id
            JOIN person p ON p.id = e.student_id
            WHERE c.year_id = ? AND e.left_on IS NULL ORDER BY c.grade, c.letter, p.last_name, p.first_name, p.id
            """, year) { ($0.int(0), $0.int(1), $0.string(2)) }
    }

    /// A class's subgroups with their members (cross-class groups are not carried over).
    public func classSubgroups(year: Int) throws -> [(id: Int, classID: Int, subjectID: Int?, name: String, members: [Int])] {
        let members = try query("""
            SELECT m.group_id, m.student_id FROM group_member m JOIN study_group g ON g.id = m.group_id WHERE g.year_id = ?
            """, year) { ($0.int(0), $0.int(1)) }
        let byGroup = Dictionary(grouping: members, by: \.0).mapValues { $0.map(\.1) }
        return try query("SELECT id, class_id, subject_id, name FROM study_group WHERE year_id = ? AND class_id IS NOT NULL ORDER BY id", year) {
            ($0.int(0), $0.int(1), $0.optionalInt(2), $0.string(3), byGroup[$0.int(0)] ?? [])
        }
    }
}
