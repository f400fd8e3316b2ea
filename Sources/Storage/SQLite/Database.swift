import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Sync

/// The school's database file: one writer connection behind a lock and a pool of
/// read-only connections, one per thread that asks at the same time.
///
/// - Important: open it with `Database.open`, which refuses a corrupt file or one written
///   by a newer Tabel before anything touches it, then brings the schema up to date.
public final class Database: Sendable {
    public let path: String
    private let writer: Locked<Connection>
    private let readers: Locked<[Connection]>
    /// Writes waiting for the next group commit, and whether the committer is at work.
    private let group = Locked(CommitGroup())
    private let committer = DispatchQueue(label: "tabel.commit")
    /// True when `open` skipped the start-up check (the `.verified` stamp matched): the
    /// content is then to be checked in the background (`verifyContent`).
    public let checkSkippedAtOpen: Bool
    /// Why the database serves degraded, by cause (a full disk, a failed check); empty when sound.
    private let problems = Locked<[String: String]>([:])
    /// Sessions waiting in memory for a commit that goes through (`holdSession`).
    let held = Locked(HeldSessions())
    /// Told once when a cause of degradation appears (with its reason) and once when it clears (nil).
    private let healthObserver = Locked<(@Sendable (String, String?) -> Void)?>(nil)

    /// Why a database file was refused.
    public enum Refusal: Error, CustomStringConvertible, Sendable {
        case corrupt(path: String, problems: [String])
        case newerSchema(path: String, found: Int, known: Int)
        case notTabel(path: String, reason: String)

        public var description: String {
            switch self {
            case let .corrupt(path, problems):
                "база данных \(path) повреждена и не будет открыта: " + problems.prefix(5).joined(separator: "; ")
                    + ". " + Database.wayBack(path)
            case let .newerSchema(path, found, known):
                "база данных \(path) создана более новой версией Tabel (схема \(found), эта программа знает схемы до \(known)). "
                    + "Обновите Tabel; база не изменена."
            case let .notTabel(path, reason):
                // A flipped byte in the file's header looks like this too: say the way back.
                "\(path) не является базой данных Tabel: \(reason). Если это файл журнала, он повреждён. " + Database.wayBack(path)
            }
        }
    }

    private init(path: String, writer: Connection, checkSkipped: Bool) {
        self.path = path
        self.checkSkippedAtOpen = checkSkipped
        self.writer = Locked(writer)
        self.readers = Locked([])
    }

    /// Opens `path` (creating it when `create` is set), checks it, and applies pending migrations.
    ///
    /// - Important: the integrity check runs before any migration, so a damaged file is never
    ///   written to. Before migrations change a file that has a schema already, a compressed
    ///   copy is written beside it (`FILE.pre-migration-vN.sqlite.zst`, unless
    ///   `backupBeforeMigrating` is false); the pending migrations run in one transaction, so
    ///   one that fails leaves the file as it was.
    public static func open(path: String, create: Bool = true, migrations: [Migration] = Schema.migrations,
                            backupBeforeMigrating: Bool = true) throws -> Database {
        let connection: Connection
        do {
            connection = try Connection(path: path, create: create)
            _ = try connection.first("SELECT count(*) FROM sqlite_schema") { $0.int(0) }
        } catch let error as SQLiteError {
            throw Refusal.notTabel(path: path, reason: error.message)
        }
        let version = try connection.first("PRAGMA user_version") { $0.int(0) } ?? 0
        let known = migrations.map(\.version).max() ?? 0
        if version > known { throw Refusal.newerSchema(path: path, found: version, known: known) }
        // A file verified at the last clean close and unchanged since needs no new check;
        // anything else (a crash, a power cut, a copy from elsewhere) is checked before use.
        let skipped = VerifiedMark.matches(path)
        if !skipped {
            let problems = try Self.integrityProblems(connection, quick: true)
            if !problems.isEmpty { throw Refusal.corrupt(path: path, problems: problems) }
        }
        VerifiedMark.remove(path)
        try connection.execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA foreign_keys = ON;
            PRAGMA journal_size_limit = 67108864;
            """)
        if backupBeforeMigrating, version > 0, migrations.contains(where: { $0.version > version }) {
            _ = try DatabaseCopy.preMigrationCopy(connection, path: path, version: version)
        }
        try Migrator(migrations: migrations).apply(to: connection, from: version)
        return Database(path: path, writer: connection, checkSkipped: skipped)
    }

    /// Problems `integrity_check` (or `quick_check`) and `foreign_key_check` report; empty when the file is sound.
    static func integrityProblems(_ c: Connection, quick: Bool) throws -> [String] {
        var problems = try c.query(quick ? "PRAGMA quick_check" : "PRAGMA integrity_check") { $0.string(0) }
        if problems == ["ok"] { problems = [] }
        let fk = try c.query("PRAGMA foreign_key_check") { row in
            "нарушена внешняя ссылка: таблица \(row.string(0)), строка \(row.int(1)) → \(row.string(2))"
        }
        return problems + fk
    }

    /// What to do about a damaged file, naming it.
    public static func wayBack(_ path: String) -> String {
        "Восстановите из резервной копии: tabel backup restore КОПИЯ.tabel-backup --db \(path) (копии: tabel backup list --in КАТАЛОГ)."
    }

    /// Checks the file's content (`quick_check` on a read connection) without stopping anyone:
    /// run it in the background after a start that skipped the check. A problem marks the
    /// database degraded (`degradedReasons`); the problems are returned, empty when sound.
    public func verifyContent() -> [String] {
        let found: [String]
        do {
            found = try read { try Self.integrityProblems($0, quick: true) }
        } catch {
            found = [String(describing: error)]
        }
        if !found.isEmpty {
            _ = degrade("integrity", "база данных \(path) повреждена: " + found.prefix(3).joined(separator: "; ") + ". " + Self.wayBack(path))
        }
        return found
    }

    /// Marks the database degraded for `cause`; true when it was not already (log it once).
    @discardableResult
    public func degrade(_ cause: String, _ reason: String) -> Bool {
        let new = problems.withLock { p in
            defer { p[cause] = reason }
            return p[cause] == nil
        }
        if new { healthObserver.withLock { $0 }?(cause, reason) }
        return new
    }

    /// Clears `cause`; true when it was set (log the recovery once).
    @discardableResult
    public func recover(_ cause: String) -> Bool {
        let was = problems.withLock { $0.removeValue(forKey: cause) != nil }
        if was { healthObserver.withLock { $0 }?(cause, nil) }
        return was
    }

    /// Sets who is told of `degrade` and `recover` (the log).
    public func observeHealth(_ observer: @escaping @Sendable (_ cause: String, _ reason: String?) -> Void) {
        healthObserver.withLock { $0 = observer }
    }

    /// The cause under which a full disk is reported.
    public static let diskFullCause = "disk"

    /// Notes the outcome of a commit: a full disk degrades, a commit that went through clears it.
    private func noteCommit(_ error: (any Error)?) {
        if let error = error as? SQLiteError, error.isDiskFull {
            degrade(Self.diskFullCause, "нет места на диске для \(path): записи не сохраняются, чтение работает; освободите место — работа продолжится сама")
        } else if error == nil, problems.withLock({ $0[Self.diskFullCause] != nil }) {
            recover(Self.diskFullCause)
        }
    }

    /// Why the database serves degraded, by cause; empty when it is sound.
    public var degradedReasons: [(cause: String, reason: String)] {
        problems.withLock { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    /// Runs the full `integrity_check` and `foreign_key_check`; empty when the file is sound.
    public func check() throws -> [String] {
        try read { try Self.integrityProblems($0, quick: false) }
    }

    /// Runs `body` with a read-only connection (taken from the pool or opened for this caller),
    /// in one read transaction: every query sees the same snapshot, and the file's locks are
    /// taken once rather than once per query.
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = try readers.withLock { $0.popLast() } ?? Connection(path: path, mode: .readOnly)
        defer { readers.withLock { $0.append(connection) } }
        return try connection.transaction(immediate: false) { try body(connection) }
    }

    /// Runs `body` in a transaction on the writer connection and returns once it is durable
    /// on disk; if `body` throws, nothing of it is written.
    ///
    /// Group commit: the writes waiting when the committer comes round go into one
    /// transaction, each in its own savepoint (one that throws is rolled back alone), with
    /// one `COMMIT` — one fsync — for all of them. Under load the fsync, not the work, is
    /// what limits a single writer.
    @discardableResult
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { body in
            var result: T?
            let job = CommitGroup.Job { connection in result = try body(connection) }
            let wake = group.withLock { g -> Bool in
                g.pending.append(job)
                defer { g.committing = true }
                return !g.committing
            }
            if wake { committer.async { self.commitGroups() } }
            job.wait()
            if let error = job.error { throw error }
            return result!
        }
    }

    /// Queues `body` for the next group commit and returns at once, without waiting for the
    /// commit (nor for its fsync): for rows nobody waits on, such as the record of a refusal,
    /// so that a refusal costs what a miss costs. An error is dropped.
    public func writeLater(_ body: @escaping @Sendable (Connection) throws -> Void) {
        let job = CommitGroup.Job(body)
        let wake = group.withLock { g -> Bool in
            g.pending.append(job)
            defer { g.committing = true }
            return !g.committing
        }
        if wake { committer.async { self.commitGroups() } }
    }

    /// Waits until every write queued so far (`writeLater` included) is committed.
    public func flush() {
        committer.sync {}
        while group.withLock({ $0.committing }) { committer.sync {} }
    }

    /// On the committer's queue: commits what is waiting, group after group, until nothing is.
    private func commitGroups() {
        while true {
            let jobs = group.withLock { g -> [CommitGroup.Job] in
                defer { g.pending.removeAll(keepingCapacity: true) }
                if g.pending.isEmpty { g.committing = false }
                return g.pending
            }
            if jobs.isEmpty { return }
            let failure: (any Error)? = writer.withLock { c in
                do {
                    try c.run("BEGIN IMMEDIATE")
                    let written = try writeHeldSessions(c)
                    for job in jobs {
                        try c.run("SAVEPOINT w")
                        do {
                            try job.run(c)
                            try c.run("RELEASE w")
                        } catch {
                            job.error = error
                            try c.run("ROLLBACK TO w")
                            try c.run("RELEASE w")
                        }
                    }
                    try c.run("COMMIT")
                    forgetHeldSessions(written)
                    return nil
                } catch {
                    _ = try? c.run("ROLLBACK")
                    // A full disk may have rolled the whole transaction back under a job's
                    // savepoint: the others are told of the disk, not of the lost savepoint.
                    let cause = jobs.lazy.compactMap(\.error).first { ($0 as? SQLiteError)?.isDiskFull == true } ?? error
                    for job in jobs where job.error == nil { job.error = cause }
                    return cause
                }
            }
            // A job's own failure may be the disk's too (its savepoint rolled back alone).
            noteCommit(failure ?? jobs.lazy.compactMap(\.error).first { ($0 as? SQLiteError)?.isDiskFull == true })
            for job in jobs { job.finish() }
        }
    }

    /// Runs `body` with the writer connection outside any transaction (bulk loads, PRAGMAs).
    public func withWriter<T>(_ body: (Connection) throws -> T) throws -> T {
        try writer.withLock { try body($0) }
    }

    /// Closes idle readers, checkpoints the WAL into the main file, checks the file and, when
    /// it is sound, marks it verified so the next start can skip the check.
    public func close() {
        // Held sessions are written by any commit; one that finds space writes them now.
        if holdsSessions { _ = try? write { _ in } }
        flush()
        readers.withLock { $0.removeAll() }
        try? withWriter { c in
            try c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if try Self.integrityProblems(c, quick: true).isEmpty { VerifiedMark.write(path) }
        }
    }
}

/// `FILE.verified`: the size, modification time and inode of a database file that passed its
/// check at a clean close. Any write changes the modification time, so the mark goes stale.
enum VerifiedMark {
    static func signature(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        var wal = stat()
        if stat(path + "-wal", &wal) == 0, wal.st_size > 0 { return nil }
        return "\(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) \(st.st_ino)"
    }

    static func matches(_ path: String) -> Bool {
        guard let expected = signature(path), let fd = Optional(open(path + ".verified", O_RDONLY | O_CLOEXEC)), fd >= 0 else { return false }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = read(fd, &buffer, buffer.count)
        return n > 0 && String(decoding: buffer[..<n], as: UTF8.self) == expected
    }

    static func write(_ path: String) {
        guard let text = signature(path) else { return }
        let fd = open(path + ".verified", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
        close(fd)
    }

    static func remove(_ path: String) { unlink(path + ".verified") }
}

/// The writes waiting for a group commit.
struct CommitGroup {
    var pending: [Job] = []
    var committing = false

    /// One caller's write: its body, its outcome, and the signal it waits for.
    final class Job: @unchecked Sendable {
        /// The caller's body; dropped before the caller goes on, since it must not outlive the call.
        private var body: ((Connection) throws -> Void)?
        /// Set before `finish` when the write was rolled back.
        var error: (any Error)?
        private let signal = DispatchSemaphore(value: 0)

        init(_ body: @escaping (Connection) throws -> Void) { self.body = body }

        func run(_ c: Connection) throws { try body?(c) }

        func wait() { signal.wait() }

        /// The job's group is committed (or rolled back): its caller goes on.
        func finish() {
            body = nil
            signal.signal()
        }
    }
}
