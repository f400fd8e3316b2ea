extension Schema {
    /// Migration 13 (issue #12): final marks take «н/а» (not assessed) and «осв» (exempt) beside
    /// 1–5 and pass/fail — `period_mark` is rebuilt with a `special` column, as SQLite cannot
    /// change a CHECK (its unique index and the `journal_version` triggers of migration 3 are
    /// made again); a wrong-mark report gets the teacher's answer (`resolved_at` closes it).
    static var finals: String {
        var sql = """
            CREATE TABLE period_mark_new (
                id         INTEGER PRIMARY KEY,
                year_id    INTEGER NOT NULL REFERENCES academic_year(id),
                student_id INTEGER NOT NULL REFERENCES person(id),
                subject_id INTEGER NOT NULL REFERENCES subject(id),
                kind       TEXT NOT NULL CHECK (kind IN ('period', 'year', 'exam', 'final')),
                period_id  INTEGER REFERENCES period(id),
                value      INTEGER CHECK (value BETWEEN 1 AND 5),
                passed     INTEGER CHECK (passed IN (0, 1)),
                -- «н/а» and «осв»: neither a mark nor a pass.
                special    TEXT CHECK (special IN ('na', 'exempt')),
                set_by     INTEGER REFERENCES person(id),
                set_at     INTEGER NOT NULL,
                CHECK ((kind = 'period') = (period_id IS NOT NULL)),
                CHECK ((value IS NOT NULL) + (passed IS NOT NULL) + (special IS NOT NULL) = 1)
            );
            INSERT INTO period_mark_new (id, year_id, student_id, subject_id, kind, period_id, value, passed, set_by, set_at)
                SELECT id, year_id, student_id, subject_id, kind, period_id, value, passed, set_by, set_at FROM period_mark;
            DROP TABLE period_mark;
            ALTER TABLE period_mark_new RENAME TO period_mark;
            CREATE UNIQUE INDEX period_mark_unique ON period_mark(student_id, subject_id, year_id, kind, coalesce(period_id, 0));

            ALTER TABLE mark_report ADD COLUMN answer TEXT NOT NULL DEFAULT '';
            ALTER TABLE mark_report ADD COLUMN answered_by INTEGER REFERENCES person(id);
            ALTER TABLE mark_report ADD COLUMN answered_at INTEGER;
            CREATE INDEX mark_report_student ON mark_report(student_id, mark_id);

            """
        // The triggers of migration 3 went with the old table.
        for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
            sql += """
                CREATE TRIGGER period_mark_version_\(event.lowercased()) AFTER \(event) ON period_mark BEGIN \
                INSERT INTO journal_version (class_id, version) SELECT class_id, 1 FROM enrolment WHERE student_id = \(row).student_id \
                ON CONFLICT (class_id) DO UPDATE SET version = version + 1; END;

                """
        }
        return sql
    }
}
