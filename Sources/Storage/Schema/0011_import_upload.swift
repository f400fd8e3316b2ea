extension Schema {
    /// Migration 11: a CSV file uploaded on the imports page, kept between its preview and its
    /// confirmation — for the session that uploaded it only, and only for a short while.
    static let importUpload = """
    CREATE TABLE import_upload (
        id          INTEGER PRIMARY KEY,
        token_hash  BLOB NOT NULL UNIQUE,
        session_id  INTEGER NOT NULL REFERENCES session(id),
        kind        TEXT NOT NULL CHECK (kind IN ('staff', 'students', 'guardians', 'timetable', 'plan')),
        class_id    INTEGER REFERENCES school_class(id),
        subject_id  INTEGER REFERENCES subject(id),
        file_name   TEXT NOT NULL,
        bytes       BLOB NOT NULL,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        CHECK ((kind = 'plan') = (class_id IS NOT NULL AND subject_id IS NOT NULL))
    );
    CREATE INDEX import_upload_session ON import_upload(session_id);
    """
}
