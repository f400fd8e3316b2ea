extension Schema {
    /// Migration 8: each subject has its scale — marks 1–5, pass/fail (зачёт/незачёт) or none —
    /// and the school's structure pages may change bells, rooms, holidays and teaching
    /// assignments, which diaries and grids cached under `journal_version` show: each change
    /// to them moves the school-wide version, like subjects and periods already do.
    static var subjectScale: String {
        var sql = """
            ALTER TABLE subject ADD COLUMN scale TEXT NOT NULL DEFAULT 'marks' CHECK (scale IN ('marks', 'passfail', 'none'));

            """
        for table in ["bell", "bell_schedule", "room", "holiday", "teaching_assignment"] {
            for (event, name) in [("INSERT", "insert"), ("UPDATE", "update"), ("DELETE", "delete")] {
                sql += """
                    CREATE TRIGGER \(table)_version_\(name) AFTER \(event) ON \(table) BEGIN
                        INSERT INTO journal_version (class_id, version) SELECT 0, 1 WHERE true ON CONFLICT (class_id) DO UPDATE SET version = version + 1;
                    END;

                    """
            }
        }
        return sql
    }
}
