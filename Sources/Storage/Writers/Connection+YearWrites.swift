import Domain

extension Connection {
    /// A teaching assignment carried into a new year as a draft; false when the same one is
    /// there already (two old groups of a class's subject with one teacher become one).
    public func insertDraftAssignment(year: Int, teacher: Int, subject: Int, class classID: Int, group: Int?, hours: Double) throws -> Bool {
        try run("""
            INSERT OR IGNORE INTO teaching_assignment (year_id, teacher_id, subject_id, class_id, group_id, hours_per_week, draft)
            VALUES (?, ?, ?, ?, ?, ?, 1)
            """, year, teacher, subject, classID, group, hours) > 0
    }

    /// The year's draft assignments become the year's teaching load; returns how many.
    public func confirmDraftAssignments(year: Int) throws -> Int {
        try run("UPDATE teaching_assignment SET draft = 0 WHERE year_id = ? AND draft = 1", year)
    }

    /// How many of the year's assignments are still a draft.
    public func draftAssignmentCount(year: Int) throws -> Int {
        try first("SELECT count(*) FROM teaching_assignment WHERE year_id = ? AND draft = 1", year) { $0.int(0) } ?? 0
    }

    /// Closes the year: from now on the schema refuses every change to it.
    public func closeAcademicYear(_ id: Int, at: Int) throws {
        try run("UPDATE academic_year SET closed_at = ? WHERE id = ? AND closed_at IS NULL", at, id)
    }
}
