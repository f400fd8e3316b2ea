extension Schema {
    /// Migration 5: an update moves `access_version` only when it changes a column the gate's
    /// actor is built from (`Connection.actor(account:session:today:)` and the account's lock),
    /// so a sign-in, which updates the account's failure counter, no longer empties every
    /// session's cached actor. Inserts and deletes still move it (triggers of migration 3).
    ///
    /// - Important: a column the actor comes to read must be added here by a new migration.
    static var accessColumns: String {
        let read: [(table: String, columns: [String])] = [
            ("account", ["person_id", "locked_at"]),
            ("staff_role", ["person_id", "role"]),
            ("academic_year", ["id", "starts_on", "ends_on"]),
            ("school_class", ["id", "year_id", "class_teacher_id"]),
            ("teaching_assignment", ["year_id", "teacher_id", "subject_id", "class_id", "group_id"]),
            ("enrolment", ["student_id", "class_id", "left_on"]),
            ("guardian_link", ["guardian_id", "student_id"]),
        ]
        return read.map { table, columns in
            let changed = columns.map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ")
            return """
                DROP TRIGGER \(table)_access_update;
                CREATE TRIGGER \(table)_access_update AFTER UPDATE OF \(columns.joined(separator: ", ")) ON \(table)
                    WHEN \(changed) BEGIN UPDATE access_version SET version = version + 1; END;

                """
        }.joined()
    }
}
