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
    """
}
