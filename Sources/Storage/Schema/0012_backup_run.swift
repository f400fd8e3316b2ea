extension Schema {
    /// Migration 12: what each `tabel backup run` did on each medium, for the administrator's page
    /// and the home page's warning when no good copy was made for 8 days.
    static let backupRun = """
    CREATE TABLE backup_run (
        id      INTEGER PRIMARY KEY,
        -- Unix seconds when the snapshot was taken.
        at      INTEGER NOT NULL,
        kind    TEXT NOT NULL CHECK (kind IN ('weekly', 'monthly', 'yearly')),
        medium  TEXT NOT NULL,
        -- The verified copy on the medium; NULL when the medium failed.
        file    TEXT,
        ok      INTEGER NOT NULL CHECK (ok IN (0, 1)),
        message TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX backup_run_medium ON backup_run (medium, at);
    """
}
