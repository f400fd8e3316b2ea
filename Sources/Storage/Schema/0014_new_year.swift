extension Schema {
    /// Migration 14 (issue #12, 4): the new year. A year is closed (`closed_at`) when the next one
    /// is started from it: triggers refuse every write to its journal, timetable and structure
    /// with `year_closed` (the desks check first and say so in words; the triggers are the
    /// floor under them). The class teacher's promotion decisions (`promotion`), and teaching
    /// assignments carried into the new year as a draft the deputy confirms (`draft`).
    static var newYear: String {
        var sql = """
            ALTER TABLE academic_year ADD COLUMN closed_at INTEGER;
            ALTER TABLE teaching_assignment ADD COLUMN draft INTEGER NOT NULL DEFAULT 0 CHECK (draft IN (0, 1));
            -- The gate's actor leaves drafts out (migration 5's rule: a column it reads moves the version).
            DROP TRIGGER teaching_assignment_access_update;
            CREATE TRIGGER teaching_assignment_access_update
                AFTER UPDATE OF year_id, teacher_id, subject_id, class_id, group_id, draft ON teaching_assignment
                WHEN OLD.year_id IS NOT NEW.year_id OR OLD.teacher_id IS NOT NEW.teacher_id OR OLD.subject_id IS NOT NEW.subject_id
                    OR OLD.class_id IS NOT NEW.class_id OR OLD.group_id IS NOT NEW.group_id OR OLD.draft IS NOT NEW.draft
                BEGIN UPDATE access_version SET version = version + 1; END;

            -- Only the exceptions: a student with no row moves up a grade (or, in grade 11, graduates).
            CREATE TABLE promotion (
                student_id INTEGER NOT NULL REFERENCES person(id),
                year_id    INTEGER NOT NULL REFERENCES academic_year(id),
                decision   TEXT NOT NULL CHECK (decision IN ('kept_back', 'conditional', 'leaves')),
                set_by     INTEGER REFERENCES person(id),
                set_at     INTEGER NOT NULL,
                PRIMARY KEY (student_id, year_id)
            ) WITHOUT ROWID;

            """
        // Each table with the expression naming the year of a row (NEW or OLD).
        let via = { (parent: String, key: String) in { (row: String) in "(SELECT year_id FROM \(parent) WHERE id = \(row).\(key))" } }
        let own = { (row: String) in "\(row).year_id" }
        let years: [(String, (String) -> String)] = [
            ("lesson", own), ("period_mark", own), ("timetable_entry", own),
            ("period", own), ("holiday", own), ("school_class", own),
            ("teaching_assignment", own), ("study_group", own), ("plan_topic", own),
            ("promotion", own),
            ("mark", via("lesson", "lesson_id")),
            ("absence", via("lesson", "lesson_id")),
            ("remark", via("lesson", "lesson_id")),
            ("individual_homework", via("lesson", "lesson_id")),
            ("timetable_change", via("lesson", "lesson_id")),
            ("group_member", via("study_group", "group_id")),
            ("enrolment", via("school_class", "class_id")),
        ]
        for (table, year) in years {
            for (event, rows) in [("INSERT", ["NEW"]), ("UPDATE", ["OLD", "NEW"]), ("DELETE", ["OLD"])] {
                let closed = rows.map { "(SELECT closed_at FROM academic_year WHERE id = \(year($0))) IS NOT NULL" }
                sql += """
                    CREATE TRIGGER \(table)_year_closed_\(event.lowercased()) BEFORE \(event) ON \(table) \
                    WHEN \(closed.joined(separator: " OR ")) BEGIN SELECT RAISE(ABORT, 'year_closed'); END;

                    """
            }
        }
        return sql
    }
}
