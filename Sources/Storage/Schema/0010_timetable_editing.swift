extension Schema {
    /// Migration 10: editing the timetable from the browser.
    ///
    /// - A moved lesson remembers the date the timetable planned it for (`lesson.planned_date`),
    ///   so a re-plan knows which slot it still fills and does not plan a second lesson there.
    /// - A room change for one lesson is a timetable change of its own kind (`room`): the
    ///   table is rebuilt, since SQLite cannot change a CHECK constraint in place (nothing
    ///   refers to it, no trigger reads it).
    static let timetableEditing = """
    ALTER TABLE lesson ADD COLUMN planned_date TEXT;

    CREATE TABLE timetable_change_new (
        id         INTEGER PRIMARY KEY,
        lesson_id  INTEGER NOT NULL REFERENCES lesson(id),
        kind       TEXT NOT NULL CHECK (kind IN ('substitution', 'cancelled', 'moved', 'replaced', 'added', 'room')),
        reason     TEXT NOT NULL DEFAULT '',
        entered_by INTEGER REFERENCES person(id),
        entered_at INTEGER NOT NULL
    );
    INSERT INTO timetable_change_new (id, lesson_id, kind, reason, entered_by, entered_at)
        SELECT id, lesson_id, kind, reason, entered_by, entered_at FROM timetable_change;
    DROP TABLE timetable_change;
    ALTER TABLE timetable_change_new RENAME TO timetable_change;
    CREATE INDEX timetable_change_lesson ON timetable_change(lesson_id);

    -- The week of a class or a teacher as of a date, and the clash checks at a weekday and bell.
    CREATE INDEX timetable_entry_slot ON timetable_entry(year_id, weekday, bell_number);
    """
}
