import Archiving
import Domain
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// Stopping and starting the server's unit around a restore.
public protocol ServiceControl: Sendable {
    /// True when `unit` runs.
    func isActive(_ unit: String) -> Bool
    func stop(_ unit: String) throws
    func start(_ unit: String) throws
}

/// `systemctl`, when the box has it and runs systemd; otherwise every unit counts as not running.
public struct Systemctl: ServiceControl {
    let executable: String?

    public init() {
        executable = ["/usr/bin/systemctl", "/bin/systemctl"].first { access($0, X_OK) == 0 }
    }

    public func isActive(_ unit: String) -> Bool {
        guard let executable else { return false }
        return (try? spawn(executable, ["is-active", "--quiet", unit])) == 0
    }

    public func stop(_ unit: String) throws { try run("stop", unit) }
    public func start(_ unit: String) throws { try run("start", unit) }

    private func run(_ verb: String, _ unit: String) throws {
        guard let executable else { throw BackupError.service("systemctl не найден") }
        let status = try spawn(executable, [verb, unit])
        if status != 0 { throw BackupError.service("systemctl \(verb) \(unit) завершился с кодом \(status)") }
    }

    /// Runs `path` with `arguments` (stdout and stderr to /dev/null) and returns its exit status.
    private func spawn(_ path: String, _ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw BackupError.service("\(path): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// What `backup restore` asks for.
public struct RestoreRequest: Sendable {
    public var file: String
    public var database: String
    public var keys: [[UInt8]]
    /// The server's systemd unit, stopped and started around the restore when it runs (with its
    /// `.socket`, when that is active).
    public var unit: String
    public var now: Int

    public init(file: String, database: String, keys: [[UInt8]], unit: String = "tabel.service",
                now: Int = SchoolClock.realUnixSeconds()) {
        self.file = file
        self.database = database
        self.keys = keys
        self.unit = unit
        self.now = now
    }
}

/// What a restore did.
public struct RestoreOutcome: Sendable {
    public let manifest: Manifest
    /// Where the database that was replaced is kept (nil when there was none).
    public let previous: String?
    /// The schema the copy held, when migrations brought it up to date.
    public let migratedFrom: Int?
    /// The units stopped for the restore and started again.
    public let restarted: [String]
}

extension Backups {
    /// Restores a backup over the database at `request.database`.
    ///
    /// The copy is verified first (signature by a trusted key, size, BLAKE2b, integrity, audit
    /// chain, counts) into a file beside the database: a corrupt, truncated, unsigned or
    /// foreign-signed copy is refused before anything is replaced. The server's unit is
    /// stopped when it runs; a database still open by another process is refused. The current
    /// database moves to `FILE.before-restore-STAMP` (with its WAL), the copy takes its place and
    /// is migrated and checked again; when that fails the previous file is put back.
    public static func restore(_ request: RestoreRequest, services: any ServiceControl = Systemctl(),
                               progress: (String) -> Void = { _ in }) throws -> RestoreOutcome {
        let database = request.database
        let dir = DurableFile.directory(of: database)
        DatabaseLocation.prepareDirectory(for: database)
        let incoming = DurableFile.temporaryName(for: database + ".restoring")
        progress("Проверка копии \(request.file)…")
        let verified: VerifiedBackup
        do {
            verified = try verify(request.file, trusting: request.keys, scratch: dir, keepDatabaseAt: incoming)
        } catch {
            throw BackupError.refused(error)
        }
        var placed = false
        defer { if !placed { DurableFile.remove(incoming) } }
        let manifest = verified.manifest
        progress("Копия верна: \(manifest.school), \(BackupClock.iso(manifest.created)), схема \(manifest.schemaVersion), отметок \(manifest.marks).")

        // The socket first: a request arriving meanwhile would start the service again.
        let units = (request.unit.hasSuffix(".service") ? [String(request.unit.dropLast(".service".count)) + ".socket"] : []) + [request.unit]
        var stopped: [String] = []
        defer {
            for unit in stopped {
                progress("Запускаю \(unit)…")
                do { try services.start(unit) } catch { progress("Не удалось запустить \(unit): \(error)") }
            }
        }
        for unit in units where services.isActive(unit) {
            progress("Останавливаю \(unit)…")
            try services.stop(unit)
            stopped.append(unit)
        }
        if let pid = DatabaseCopy.processHoldingOpen(database) {
            throw BackupError.databaseInUse(path: database, pid: pid)
        }

        var owner: (uid: uid_t, gid: gid_t)?
        var st = stat()
        if stat(database, &st) == 0 { owner = (st.st_uid, st.st_gid) }
        let previous = database + ".before-restore-" + BackupClock.stamp(request.now)
        let hadDatabase = DurableFile.exists(database)
        if hadDatabase {
            try DurableFile.rename(database, to: previous)
            if DurableFile.exists(database + "-wal") { try DurableFile.rename(database + "-wal", to: previous + "-wal") }
            DurableFile.remove(database + "-shm")
            DurableFile.remove(database + ".verified")
            progress("Прежняя база сохранена как \(previous).")
        }
        func putBack() {
            DurableFile.remove(database)
            DurableFile.remove(database + "-wal")
            DurableFile.remove(database + "-shm")
            if hadDatabase {
                _ = try? DurableFile.rename(previous, to: database)
                if DurableFile.exists(previous + "-wal") { _ = try? DurableFile.rename(previous + "-wal", to: database + "-wal") }
            }
        }
        do {
            try DurableFile.rename(incoming, to: database)
        } catch {
            putBack()
            throw error
        }
        placed = true
        if getuid() == 0, let owner { _ = chown(database, owner.uid, owner.gid) }

        let migratedFrom = manifest.schemaVersion < Schema.latest ? manifest.schemaVersion : nil
        if let from = migratedFrom { progress("Обновляю схему копии: \(from) → \(Schema.latest)…") }
        do {
            let db = try Database.open(path: database, create: false, backupBeforeMigrating: false)
            db.close()
            let (facts, problems) = try DatabaseCopy.examine(database)
            if !problems.isEmpty { throw BackupError.restoredCopyFails(problems.prefix(5).joined(separator: "; ")) }
            guard facts.marks == manifest.marks, facts.absences == manifest.absences, facts.auditRows >= manifest.auditRows else {
                throw BackupError.restoredCopyFails("после восстановления отметок \(facts.marks), пропусков \(facts.absences), записей журнала \(facts.auditRows) — не как в копии")
            }
        } catch let error as BackupError {
            putBack()
            throw error
        } catch {
            putBack()
            throw BackupError.restoredCopyFails(String(describing: error))
        }
        if getuid() == 0, let owner {
            for suffix in ["", "-wal", "-shm", ".verified"] where DurableFile.exists(database + suffix) {
                _ = chown(database + suffix, owner.uid, owner.gid)
            }
        }
        return RestoreOutcome(manifest: manifest, previous: hadDatabase ? previous : nil, migratedFrom: migratedFrom, restarted: stopped)
    }
}
