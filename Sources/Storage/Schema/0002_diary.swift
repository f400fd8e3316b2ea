extension Schema {
    /// Migration 2: what students and guardians send back from the diary.
    static let diary = """
    -- A guardian's acknowledgement of a period's final marks, sent to the class teacher.
    CREATE TABLE acknowledgement (
        id          INTEGER PRIMARY KEY,
        guardian_id INTEGER NOT NULL REFERENCES person(id),
        student_id  INTEGER NOT NULL REFERENCES person(id),
        period_id   INTEGER NOT NULL REFERENCES period(id),
        message     TEXT NOT NULL DEFAULT '',
        at          INTEGER NOT NULL,
        UNIQUE (guardian_id, student_id, period_id)
    );
    CREATE INDEX acknowledgement_student ON acknowledgement(student_id, period_id);

    -- A student's or guardian's report of a wrong mark, to the teacher (and the deputy).
    CREATE TABLE mark_report (
        id          INTEGER PRIMARY KEY,
        mark_id     INTEGER NOT NULL REFERENCES mark(id),
        student_id  INTEGER NOT NULL REFERENCES person(id),
        reported_by INTEGER NOT NULL REFERENCES person(id),
        text        TEXT NOT NULL CHECK (text <> ''),
        at          INTEGER NOT NULL,
        resolved_at INTEGER
    );
    CREATE INDEX mark_report_mark ON mark_report(mark_id);
    """
}
