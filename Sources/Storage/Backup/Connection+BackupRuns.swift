/// One medium's part of a backup run, as `backup_run` keeps it.
public struct BackupRunRecord: Sendable, Equatable {
    public let at: Int
    public let kind: String
    public let medium: String
    public let file: String?
    public let ok: Bool
    public let message: String

    public init(at: Int, kind: String, medium: String, file: String?, ok: Bool, message: String) {
        self.at = at
        self.kind = kind
        self.medium = medium
        self.file = file
        self.ok = ok
        self.message = message
    }
}

/// A medium on the administrator's page: its last verified copy and its last attempt.
public struct BackupMediumStatus: Sendable, Equatable {
    public let medium: String
    public let lastGood: BackupRunRecord?
    public let lastAttempt: BackupRunRecord
}

extension DatabaseCopy {
    /// Records a run's media in the database at `path` (the live file: the server may be
    /// writing, so this is one short transaction of its own). Returns false when the file's
    /// schema has no `backup_run` yet (an older Tabel's file).
    @discardableResult
    public static func record(_ runs: [BackupRunRecord], inDatabaseAt path: String) throws -> Bool {
        let c = try Connection(path: path)
        guard try c.first("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'backup_run'", row: { $0.int(0) }) == 1 else {
            return false
        }
        try c.transaction {
            for run in runs {
                try c.run("INSERT INTO backup_run (at, kind, medium, file, ok, message) VALUES (?, ?, ?, ?, ?, ?)",
                          run.at, run.kind, run.medium, run.file, run.ok, run.message)
            }
        }
        return true
    }
}

extension Connection {
    private func backupRun(_ row: Row) -> BackupRunRecord {
        BackupRunRecord(at: row.int(0), kind: row.string(1), medium: row.string(2), file: row.optionalString(3), ok: row.bool(4), message: row.string(5))
    }

    /// Every medium backups were written to, with its last good copy and its last attempt.
    public func backupMedia() throws -> [BackupMediumStatus] {
        let media = try query("SELECT DISTINCT medium FROM backup_run ORDER BY medium") { $0.string(0) }
        return try media.compactMap { medium in
            let good = try first("SELECT at, kind, medium, file, ok, message FROM backup_run WHERE medium = ? AND ok = 1 ORDER BY at DESC, id DESC LIMIT 1",
                                 medium) { backupRun($0) }
            guard let last = try first("SELECT at, kind, medium, file, ok, message FROM backup_run WHERE medium = ? ORDER BY at DESC, id DESC LIMIT 1",
                                       medium, row: { backupRun($0) }) else { return nil }
            return BackupMediumStatus(medium: medium, lastGood: good, lastAttempt: last)
        }
    }

    /// When the last verified copy on any medium was taken (unix seconds), or nil when none was.
    public func lastGoodBackup() throws -> Int? {
        try first("SELECT max(at) FROM backup_run WHERE ok = 1") { $0.optionalInt(0) } ?? nil
    }
}
