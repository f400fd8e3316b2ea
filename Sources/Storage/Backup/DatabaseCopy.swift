internal import CSQLite
import Archiving
#if canImport(Glibc)
import Glibc
#endif

/// What a backup's manifest records about a copy of the school's database, read from the copy itself.
public struct DatabaseFacts: Sendable, Equatable {
    public var school: String
    public var schemaVersion: Int
    public var marks: Int
    public var absences: Int
    public var auditRows: Int
    /// The audit chain's head (`audit_head`): id 0 and 32 zero bytes when the trail is empty.
    public var auditHead: AuditChainPoint

    public init(school: String, schemaVersion: Int, marks: Int, absences: Int, auditRows: Int, auditHead: AuditChainPoint) {
        self.school = school
        self.schemaVersion = schemaVersion
        self.marks = marks
        self.absences = absences
        self.auditRows = auditRows
        self.auditHead = auditHead
    }
}

/// Copies of the school's database file: consistent snapshots taken while the server writes,
/// and the checks a copy must pass before it counts as a backup.
public enum DatabaseCopy {
    /// Copies the database at `source` into a new file at `target` with SQLite's online backup
    /// API, in one step from a read connection: the copy is the last committed state, taken
    /// while the server goes on writing (a WAL reader blocks no writer). The copy uses a
    /// rollback journal, so it is one self-contained file. Returns its facts.
    ///
    /// - Important: refuses a file that is not a Tabel database or was written by a newer Tabel.
    public static func snapshot(of source: String, into target: String) throws -> DatabaseFacts {
        guard DurableFile.exists(source) else {
            throw SQLiteError(code: SQLITE_CANTOPEN, function: "snapshot", message: "\(source): файл базы не найден")
        }
        let from = try Connection(path: source, mode: .readOnly)
        let version = try from.first("PRAGMA user_version") { $0.int(0) } ?? 0
        guard version > 0 else { throw Database.Refusal.notTabel(path: source, reason: "схема не задана (user_version = 0)") }
        guard version <= Schema.latest else { throw Database.Refusal.newerSchema(path: source, found: version, known: Schema.latest) }
        try snapshot(from, into: target)
        let copy = try Connection(path: target)
        return try facts(copy)
    }

    /// Copies what `source` holds into a new file at `target` (the backup API, in one step).
    static func snapshot(_ source: Connection, into target: String) throws {
        unlink(target)
        let to = try Connection(path: target, create: true)
        guard let backup = sqlite3_backup_init(to.handle, "main", source.handle, "main") else {
            throw SQLiteError(code: sqlite3_errcode(to.handle), function: "sqlite3_backup_init", message: String(cString: sqlite3_errmsg(to.handle)))
        }
        var rc = sqlite3_backup_step(backup, -1)
        var tries = 0
        while rc == SQLITE_BUSY || rc == SQLITE_LOCKED, tries < 100 {
            usleep(50_000)
            tries += 1
            rc = sqlite3_backup_step(backup, -1)
        }
        let finish = sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE else {
            throw SQLiteError(code: rc, function: "sqlite3_backup_step", message: String(cString: sqlite3_errstr(rc)))
        }
        try to.check(finish, "sqlite3_backup_finish")
        try to.execute("PRAGMA journal_mode = DELETE")
    }

    /// The facts of an open copy.
    static func facts(_ c: Connection) throws -> DatabaseFacts {
        let version = try c.first("PRAGMA user_version") { $0.int(0) } ?? 0
        func has(_ table: String) throws -> Bool {
            try c.first("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table) { $0.int(0) } == 1
        }
        let school = try has("school") ? try c.first("SELECT name FROM school WHERE id = 1") { $0.string(0) } ?? "" : ""
        func count(_ table: String) throws -> Int {
            try has(table) ? try c.first("SELECT count(*) FROM \(table)") { $0.int(0) } ?? 0 : 0
        }
        let head = try has("audit_head")
            ? try c.first("SELECT last_id, hash FROM audit_head WHERE id = 1") { AuditChainPoint(id: $0.int(0), hash: $0.blob(1)) }
            : nil
        return DatabaseFacts(school: school, schemaVersion: version, marks: try count("mark"), absences: try count("absence"),
                             auditRows: try count("audit"), auditHead: head ?? AuditChainPoint(id: 0, hash: AuditChain.genesis))
    }

    /// Opens the copy at `path` read-only and runs every check a backup must pass: the full
    /// `integrity_check`, `foreign_key_check` and (unless `walkingAuditChain` is false) a walk of
    /// the whole audit chain. Returns the copy's facts and the problems found (empty when sound).
    public static func examine(_ path: String, walkingAuditChain: Bool = true) throws -> (facts: DatabaseFacts, problems: [String]) {
        let c = try Connection(path: path, mode: .readOnly)
        var problems = try Database.integrityProblems(c, quick: false)
        let facts = try facts(c)
        if problems.isEmpty, walkingAuditChain, let breach = try auditBreach(c, version: facts.schemaVersion) {
            problems.append("журнал изменений нарушен: \(breach)")
        }
        return (facts, problems)
    }

    /// Where the audit chain of the copy at `path` breaks, or nil when it holds.
    public static func auditBreach(_ path: String) throws -> AuditBreach? {
        let c = try Connection(path: path, mode: .readOnly)
        return try auditBreach(c, version: c.first("PRAGMA user_version") { $0.int(0) } ?? 0)
    }

    static func auditBreach(_ c: Connection, version: Int) throws -> AuditBreach? {
        guard version >= 6 else { return nil }
        return try c.transaction(immediate: false) { try c.walkAuditChain(from: nil) }.breach
    }

    /// The process id of another process that has the database at `path` open, or nil when none
    /// has. A connection in WAL mode holds a shared lock in the `-shm` file for as long as it is
    /// open; `F_GETLK` over that region reports the first other holder.
    public static func processHoldingOpen(_ path: String) -> pid_t? {
        let fd = open(path + "-shm", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0
        lock.l_len = 0
        guard fcntl(fd, F_GETLK, &lock) == 0, lock.l_type != Int16(F_UNLCK) else { return nil }
        return lock.l_pid
    }

    /// Before migrations change an existing file: a compressed copy beside it,
    /// `FILE.pre-migration-vN.sqlite.zst` (N: the schema it holds), written under a temporary
    /// name, fsynced and renamed. Returns its path.
    static func preMigrationCopy(_ connection: Connection, path: String, version: Int) throws -> String {
        let target = path + ".pre-migration-v\(version).sqlite.zst"
        let plain = DurableFile.temporaryName(for: path + ".pre-migration-v\(version).sqlite")
        defer { unlink(plain) }
        try snapshot(connection, into: plain)
        try DurableFile.compress(plain, into: target)
        return target
    }
}
