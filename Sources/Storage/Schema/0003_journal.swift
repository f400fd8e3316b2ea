extension Schema {
    /// Migration 3: the journal's rules — one mark per work type, unlocks, transfer windows,
    /// and audit rows that can be found by lesson, student and class.
    static let journal = """
    -- One mark per lesson, student and work type: a repeated submission finds the first.
    CREATE UNIQUE INDEX mark_one_per_work_type ON mark(lesson_id, student_id, work_type_id);

    -- The deputy's time-limited unlock of a class's subject for a range of lesson dates.
    CREATE TABLE journal_unlock (
        id         INTEGER PRIMARY KEY,
        class_id   INTEGER NOT NULL REFERENCES school_class(id),
        subject_id INTEGER NOT NULL REFERENCES subject(id),
        from_date  TEXT NOT NULL,
        to_date    TEXT NOT NULL,
        until      INTEGER NOT NULL,
        reason     TEXT NOT NULL DEFAULT '',
        granted_by INTEGER REFERENCES person(id),
        granted_at INTEGER NOT NULL,
        CHECK (from_date <= to_date)
    );
    CREATE INDEX journal_unlock_class ON journal_unlock(class_id, subject_id, until);

    -- After an outage: entries for lessons of these dates are transfers from paper journals.
    CREATE TABLE transfer_window (
        id         INTEGER PRIMARY KEY,
        from_date  TEXT NOT NULL,
        to_date    TEXT NOT NULL,
        until      INTEGER NOT NULL,
        reason     TEXT NOT NULL DEFAULT '',
        opened_by  INTEGER REFERENCES person(id),
        opened_at  INTEGER NOT NULL,
        CHECK (from_date <= to_date)
    );
    CREATE INDEX transfer_window_until ON transfer_window(until);

    ALTER TABLE audit ADD COLUMN lesson_id INTEGER;
    ALTER TABLE audit ADD COLUMN student_id INTEGER;
    ALTER TABLE audit ADD COLUMN class_id INTEGER;
    CREATE INDEX audit_lesson ON audit(lesson_id) WHERE lesson_id IS NOT NULL;
    CREATE INDEX audit_student ON audit(student_id, at) WHERE student_id IS NOT NULL;
    CREATE INDEX audit_class ON audit(class_id, at) WHERE class_id IS NOT NULL;

    -- A counter per class that moves whenever anything its journal grids show changes
    -- (class_id 0: the school-wide lists). Pages cache a grid under these versions.
    CREATE TABLE journal_version (
        class_id INTEGER PRIMARY KEY,
        version  INTEGER NOT NULL
    );

    -- A counter that moves whenever what an account may do can change (roles, classes,
    -- teaching, children, the account itself). The gate caches actors under it.
    CREATE TABLE access_version (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL
    );
    INSERT INTO access_version (id, version) VALUES (1, 0);
    """ + journalVersionTriggers + accessVersionTriggers
}

extension Schema {
    /// Triggers that move `access_version` on every change to what the access policy reads.
    static var accessVersionTriggers: String {
        var sql = ""
        for table in ["account", "staff_role", "academic_year", "school_class", "teaching_assignment", "enrolment", "guardian_link"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                sql += "CREATE TRIGGER \(table)_access_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN UPDATE access_version SET version = version + 1; END;\n"
            }
        }
        return sql
    }

    /// Triggers that move `journal_version`: by the lesson's class for marks, absences,
    /// lessons, remarks and individual homework, by the student's classes for period marks,
    /// school-wide for the rest.
    static var journalVersionTriggers: String {
        // Each SELECT has a WHERE: SQLite's upsert needs it to tell ON CONFLICT from a join.
        let perClass: [(table: String, classes: (String) -> String)] = [
            ("mark", { "SELECT class_id, 1 FROM lesson WHERE id = \($0).lesson_id" }),
            ("absence", { "SELECT class_id, 1 FROM lesson WHERE id = \($0).lesson_id" }),
            ("lesson", { "SELECT \($0).class_id, 1 WHERE true" }),
            ("period_mark", { "SELECT class_id, 1 FROM enrolment WHERE student_id = \($0).student_id" }),
            ("remark", { "SELECT class_id, 1 FROM lesson WHERE id = \($0).lesson_id" }),
            ("individual_homework", { "SELECT class_id, 1 FROM lesson WHERE id = \($0).lesson_id" }),
        ]
        let schoolWide = ["work_type", "setting", "enrolment", "group_member", "person", "school_class", "subject", "period", "study_group"]
        func bump(_ select: String) -> String {
            "INSERT INTO journal_version (class_id, version) \(select) ON CONFLICT (class_id) DO UPDATE SET version = version + 1;"
        }
        var sql = ""
        for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
            for (table, classes) in perClass {
                sql += "CREATE TRIGGER \(table)_version_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN \(bump(classes(row))) END;\n"
            }
            for table in schoolWide {
                sql += "CREATE TRIGGER \(table)_version_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN \(bump("SELECT 0, 1 WHERE true")) END;\n"
            }
        }
        return sql
    }
}
