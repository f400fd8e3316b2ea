import Archiving
import Domain
import Secrets
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// A backup's kind: which schedule took it and how many of its kind a medium keeps.
public enum BackupKind: String, Sendable, CaseIterable {
    case weekly, monthly, yearly

    /// How many copies of this kind a medium keeps (nil: every one).
    public var keep: Int? {
        switch self {
        case .weekly: 8
        case .monthly: 12
        case .yearly: nil
        }
    }
}

/// Why a backup command could not do its work.
public enum BackupError: Error, CustomStringConvertible, Sendable {
    case keyDamaged(String)
    case noMedia
    case snapshot(String)
    case refused(VerificationFailure)
    case databaseInUse(path: String, pid: Int32)
    case restoredCopyFails(String)
    case service(String)

    public var description: String {
        switch self {
        case let .keyDamaged(path): "ключ подписи \(path) повреждён; копии этим ключом больше не подписать и не проверить"
        case .noMedia: "не задан ни один носитель (--to КАТАЛОГ или TABEL_BACKUP_TO)"
        case let .snapshot(why): "не удалось снять копию базы: \(why)"
        case let .refused(failure): "копия отвергнута, база не тронута: \(failure)"
        case let .databaseInUse(path, pid):
            "база \(path) открыта процессом \(pid) (работающий сервер Tabel?): остановите его (systemctl stop tabel) и повторите; база не тронута"
        case let .restoredCopyFails(why): "восстановленная база не прошла проверку, прежняя возвращена на место: \(why)"
        case let .service(why): why
        }
    }
}

/// Times in backup names and manifests, in UTC.
enum BackupClock {
    /// `2026-12-03T15:51:18Z`.
    static func iso(_ unix: Int) -> String {
        let t = SchoolDateTime(unixSeconds: unix, offsetMinutes: 0)
        return t.date.iso + "T" + t.time.description + ":" + pad(((unix % 60) + 60) % 60, 2) + "Z"
    }

    /// `20261203-155118`, for file names (no colons: media are often FAT).
    static func stamp(_ unix: Int) -> String {
        let t = SchoolDateTime(unixSeconds: unix, offsetMinutes: 0)
        return pad(t.date.year, 4) + pad(t.date.month, 2) + pad(t.date.day, 2) + "-"
            + pad(t.time.hour, 2) + pad(t.time.minute, 2) + pad(((unix % 60) + 60) % 60, 2)
    }
}

/// Sizes for people: `12,3 МБ`.
func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576
    return "\(tenths / 10),\(tenths % 10) МБ"
}

/// The files of one backup: the compressed database and its manifest.
public struct BackupFiles: Sendable, Equatable {
    public let data: String
    public let manifest: String

    /// From either file's path.
    public init(_ path: String) {
        let base: String
        if path.hasSuffix(".manifest.json") {
            base = String(path.dropLast(".manifest.json".count))
        } else if path.hasSuffix(".sqlite.zst") {
            base = String(path.dropLast(".sqlite.zst".count))
        } else {
            base = path
        }
        data = base + ".sqlite.zst"
        manifest = base + ".manifest.json"
    }
}

/// Why a copy does not count as a backup.
public struct VerificationFailure: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let reason: String

    public var description: String { "\(file): \(reason)" }
}

/// A copy that passed every check.
public struct VerifiedBackup: Sendable {
    public let files: BackupFiles
    public let manifest: Manifest
    /// The decompressed database, when the caller asked to keep it (a restore).
    public let database: String?
}

/// What `backup run` asks for.
public struct BackupRequest: Sendable {
    public var database: String
    public var media: [String]
    public var kind: BackupKind
    /// Each medium must be a mount point of its own (not an empty directory on the box's disk).
    public var requireMount: Bool
    /// Unix seconds: the backup's name and time.
    public var now: Int
    public var keyPath: String

    public init(database: String, media: [String], kind: BackupKind = .weekly, requireMount: Bool = false,
                now: Int = SchoolClock.realUnixSeconds(), keyPath: String? = nil) {
        self.database = database
        self.media = media
        self.kind = kind
        self.requireMount = requireMount
        self.now = now
        self.keyPath = keyPath ?? BackupKey.path(besideDatabase: database)
    }
}

/// How one medium fared.
public struct MediumResult: Sendable {
    public let medium: String
    /// The verified copy on it.
    public let file: String?
    public let failure: String?
    /// Old copies of the kind removed by rotation.
    public let rotated: [String]

    public var ok: Bool { failure == nil }
}

/// What a backup run did.
public struct BackupOutcome: Sendable {
    public let manifest: Manifest
    public let media: [MediumResult]

    /// True only when every medium holds a verified copy.
    public var succeeded: Bool { !media.isEmpty && media.allSatisfy(\.ok) }
}

public enum Backups {
    /// Takes a consistent copy of the database, compresses and signs it, writes it to every
    /// medium, reads each copy back from the medium and verifies it, then rotates that
    /// medium's old copies of the kind. A medium that fails keeps no copy of this run (what was
    /// written is removed) and is named in the outcome; the other media are still written.
    ///
    /// - Important: throws only when there is nothing to write (no media, no key, no snapshot);
    ///   a failed medium is a `MediumResult`, and `succeeded` is false then.
    public static func run(_ request: BackupRequest, progress: (String) -> Void = { _ in }) throws -> BackupOutcome {
        guard !request.media.isEmpty else { throw BackupError.noMedia }
        let key = try BackupKey.loadOrCreate(at: request.keyPath)
        let base = "tabel-\(request.kind.rawValue)-\(BackupClock.stamp(request.now))"
        let snapshot = DurableFile.temporaryName(for: request.database + ".backup.sqlite")
        let compressed = DurableFile.temporaryName(for: request.database + ".backup.sqlite.zst")
        defer {
            DurableFile.remove(snapshot)
            DurableFile.remove(compressed)
        }
        let started = SchoolClock.realUnixSeconds()
        progress("Снимок базы \(request.database)…")
        let facts: DatabaseFacts
        do {
            facts = try DatabaseCopy.snapshot(of: request.database, into: snapshot)
        } catch {
            throw BackupError.snapshot(String(describing: error))
        }
        let databaseBytes = DurableFile.size(snapshot) ?? 0
        progress("Снимок готов: \(megabytes(databaseBytes)), отметок \(facts.marks), пропусков \(facts.absences), записей журнала изменений \(facts.auditRows). Проверка цепочки журнала изменений…")
        // Walked once here: every medium's copy is then checked to be this snapshot byte for
        // byte (BLAKE2b, signed), so walking it again on each would find the same.
        if let breach = try? DatabaseCopy.auditBreach(snapshot) {
            progress("ВНИМАНИЕ: журнал изменений в базе нарушен: \(breach). Копия всё равно записывается; выясните причину (tabel audit verify).")
        }
        progress("Сжатие…")
        let compressing = SchoolClock.realUnixSeconds()
        var digest = StreamingDigest()
        let sizes: (read: Int, written: Int)
        do {
            sizes = try DurableFile.compress(snapshot, into: compressed) { digest.update($0) }
        } catch {
            throw BackupError.snapshot(String(describing: error))
        }
        DurableFile.remove(snapshot)
        let manifest = Manifest(facts: facts, created: request.now, kind: request.kind, file: base + ".sqlite.zst",
                                databaseBytes: databaseBytes, compressedBytes: sizes.written, blake2b: digest.finish(), key: key.publicKey)
        let manifestBytes = manifest.signed(with: key)
        progress("Сжато до \(megabytes(sizes.written)) за \(SchoolClock.realUnixSeconds() - compressing) с (всего \(SchoolClock.realUnixSeconds() - started) с); подписано ключом \(Hex.encode(key.publicKey).prefix(16))….")
        var results: [MediumResult] = []
        for medium in request.media {
            results.append(write(manifest, manifestBytes, from: compressed, to: medium, base: base, request: request,
                                 key: key, progress: progress))
        }
        do {
            try DatabaseCopy.record(results.map {
                BackupRunRecord(at: request.now, kind: request.kind.rawValue, medium: $0.medium, file: $0.file, ok: $0.ok, message: $0.failure ?? "")
            }, inDatabaseAt: request.database)
        } catch {
            progress("Не удалось отметить копию в базе (страница «Резервные копии»): \(error).")
        }
        return BackupOutcome(manifest: manifest, media: results)
    }

    /// One medium: check it, write the copy and its manifest, read them back and verify, rotate.
    static func write(_ manifest: Manifest, _ manifestBytes: [UInt8], from compressed: String, to medium: String, base: String,
                      request: BackupRequest, key: Signing.KeyPair, progress: (String) -> Void) -> MediumResult {
        let dir = medium.count > 1 && medium.hasSuffix("/") ? String(medium.dropLast()) : medium
        let files = BackupFiles(dir + "/" + base)
        if let problem = mediumProblem(dir, requireMount: request.requireMount, needed: manifest.compressedBytes + manifestBytes.count) {
            progress("Носитель \(dir): \(problem).")
            return MediumResult(medium: dir, file: nil, failure: problem, rotated: [])
        }
        progress("Запись на \(dir)…")
        do {
            try DurableFile.copy(compressed, to: files.data)
            try DurableFile.write(manifestBytes, to: files.manifest)
        } catch {
            DurableFile.remove(files.data)
            DurableFile.remove(files.manifest)
            let why = String(describing: error)
            progress("Носитель \(dir): запись не удалась: \(why).")
            return MediumResult(medium: dir, file: nil, failure: "запись не удалась: \(why)", rotated: [])
        }
        progress("Проверка копии на \(dir) (чтение с носителя, хэш, подпись, integrity_check, foreign_key_check, число отметок)…")
        do {
            let scratch = DurableFile.directory(of: request.database)
            _ = try verify(files.data, trusting: [key.publicKey], scratch: scratch, walkingAuditChain: false)
        } catch {
            DurableFile.remove(files.data)
            DurableFile.remove(files.manifest)
            progress("Носитель \(dir): копия не прошла проверку: \(error.reason). Копия удалена.")
            return MediumResult(medium: dir, file: nil, failure: "копия не прошла проверку: \(error.reason)", rotated: [])
        }
        let rotated = rotate(dir, kind: manifest.kind, keeping: files)
        for old in rotated { progress("Удалена старая копия \(old) (хранится \(manifest.kind.keep ?? 0) копий вида \(manifest.kind.rawValue)).") }
        progress("Носитель \(dir): копия \(DurableFile.name(of: files.data)) записана и проверена.")
        return MediumResult(medium: dir, file: files.data, failure: nil, rotated: rotated)
    }

    /// Why nothing can be written to `dir`, or nil.
    static func mediumProblem(_ dir: String, requireMount: Bool, needed: Int) -> String? {
        var st = stat()
        guard stat(dir, &st) == 0 else { return "носитель не найден (\(String(cString: strerror(errno))))" }
        guard st.st_mode & S_IFMT == S_IFDIR else { return "не каталог" }
        if requireMount {
            var parent = stat()
            if stat(dir + "/..", &parent) == 0, parent.st_dev == st.st_dev, parent.st_ino != st.st_ino {
                return "носитель не подключён: \(dir) — каталог на диске самого сервера"
            }
        }
        if access(dir, W_OK) != 0 {
            return errno == EROFS ? "носитель только для чтения" : "нет прав на запись (\(String(cString: strerror(errno))))"
        }
        var fs = statvfs()
        if statvfs(dir, &fs) == 0 {
            if fs.f_flag & UInt(ST_RDONLY) != 0 { return "носитель только для чтения" }
            let free = Int(fs.f_bavail) * Int(fs.f_frsize)
            if free < needed + 1_048_576 { return "носитель заполнен: нужно \(megabytes(needed)), свободно \(megabytes(free))" }
        }
        return nil
    }

    /// Removes the oldest copies of `kind` in `dir` beyond what the kind keeps. Returns their names.
    static func rotate(_ dir: String, kind: BackupKind, keeping current: BackupFiles) -> [String] {
        guard let keep = kind.keep, let names = DurableFile.list(dir) else { return [] }
        let prefix = "tabel-\(kind.rawValue)-"
        let copies = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".manifest.json") }.sorted(by: >)
        var removed: [String] = []
        for name in copies.dropFirst(keep) {
            let files = BackupFiles(dir + "/" + name)
            guard files != current else { continue }
            DurableFile.remove(files.data)
            DurableFile.remove(files.manifest)
            removed.append(DurableFile.name(of: files.data))
        }
        if !removed.isEmpty { try? DurableFile.syncDirectory(dir) }
        return removed
    }

    /// Verifies the backup at `path` (either of its files): the manifest's signature by one of
    /// `keys`, the file's size and BLAKE2b as read from the medium (cached pages dropped), then
    /// the decompressed database (in `scratch`): `integrity_check`, `foreign_key_check`, the
    /// whole audit chain, and the counts and audit head the manifest states.
    ///
    /// With `keepDatabaseAt`, the decompressed database is left there when it passes (a restore).
    /// `walkingAuditChain` false skips the chain walk: `run` walks its snapshot once and then
    /// checks that each medium holds that snapshot byte for byte.
    public static func verify(_ path: String, trusting keys: [[UInt8]], scratch: String,
                              keepDatabaseAt: String? = nil, walkingAuditChain: Bool = true) throws(VerificationFailure) -> VerifiedBackup {
        let files = BackupFiles(path)
        func fail(_ reason: String) -> VerificationFailure { VerificationFailure(file: files.data, reason: reason) }
        guard DurableFile.exists(files.data) else { throw fail("файла копии нет") }
        guard DurableFile.exists(files.manifest) else {
            throw fail("нет манифеста \(DurableFile.name(of: files.manifest)): копия без подписи не принимается")
        }
        let manifest: Manifest
        do {
            manifest = try Manifest.read(try DurableFile.readAll(files.manifest), trusting: keys)
        } catch let problem as Manifest.Problem {
            throw fail(problem.description)
        } catch {
            throw fail("манифест не прочитан: \(error)")
        }
        guard manifest.file == DurableFile.name(of: files.data) else {
            throw fail("манифест относится к другому файлу (\(manifest.file))")
        }
        var digest = StreamingDigest()
        let size: Int
        do {
            size = try DurableFile.readFromMedium(files.data) { digest.update($0) }
        } catch {
            throw fail("файл не читается: \(error)")
        }
        guard size == manifest.compressedBytes else {
            throw fail("размер \(size) байт, в манифесте \(manifest.compressedBytes): файл "
                       + (size < manifest.compressedBytes ? "усечён" : "дописан"))
        }
        guard Hex.encode(digest.finish()) == manifest.blake2b else {
            throw fail("BLAKE2b файла не совпадает с манифестом: файл повреждён")
        }
        let database = keepDatabaseAt ?? DurableFile.temporaryName(for: scratch + "/" + DurableFile.name(of: files.data) + ".check.sqlite")
        var keep = false
        defer {
            if !keep {
                DurableFile.remove(database)
                DurableFile.remove(database + "-journal")
            }
        }
        do {
            DurableFile.remove(database)
            let input = try DurableFile.openForReading(files.data)
            defer { close(input) }
            DurableFile.dropCache(input)
            let output = try DurableFile.create(database)
            defer { close(output) }
            let sizes = try Zstd.decompress(from: input, to: output)
            guard sizes.written == manifest.databaseBytes else {
                throw fail("распакованная база \(sizes.written) байт, в манифесте \(manifest.databaseBytes)")
            }
            // A restore renames this file into place: it must be on the disk first.
            if keepDatabaseAt != nil { try DurableFile.sync(output, database) }
        } catch let failure as VerificationFailure {
            throw failure
        } catch {
            throw fail("не распаковывается: \(error)")
        }
        let examined: (facts: DatabaseFacts, problems: [String])
        do {
            examined = try DatabaseCopy.examine(database, walkingAuditChain: walkingAuditChain)
        } catch {
            throw fail("распакованная база не открывается: \(error)")
        }
        if !examined.problems.isEmpty {
            throw fail("база в копии повреждена: " + examined.problems.prefix(5).joined(separator: "; "))
        }
        if examined.facts != manifest.facts {
            let f = examined.facts
            throw fail("содержимое не совпадает с манифестом: в копии отметок \(f.marks), пропусков \(f.absences), записей журнала \(f.auditRows), "
                       + "голова № \(f.auditHead.id); в манифесте \(manifest.marks), \(manifest.absences), \(manifest.auditRows), № \(manifest.auditHeadID)")
        }
        keep = keepDatabaseAt != nil
        return VerifiedBackup(files: files, manifest: manifest, database: keepDatabaseAt)
    }

    /// One backup found in a directory.
    public struct Listed: Sendable {
        public let files: BackupFiles
        public let manifest: Manifest?
        /// Empty when the manifest is signed by a trusted key and the file has the stated size.
        public let problem: String?
    }

    /// The backups in `dir`, oldest first, each with a quick check (signature and size; the
    /// full check is `verify`). Nil when the directory cannot be read.
    public static func list(in dir: String, trusting keys: [[UInt8]]) -> [Listed]? {
        guard let names = DurableFile.list(dir) else { return nil }
        let bases = Set(names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".manifest.json") || $0.hasSuffix(".sqlite.zst")) }
            .map { BackupFiles(dir + "/" + $0).data })
        let listed: [Listed] = bases.map { data in
            let files = BackupFiles(data)
            guard DurableFile.exists(files.manifest) else { return Listed(files: files, manifest: nil, problem: "нет манифеста") }
            let manifest: Manifest
            do {
                manifest = try Manifest.read(try DurableFile.readAll(files.manifest), trusting: keys)
            } catch let problem as Manifest.Problem {
                return Listed(files: files, manifest: nil, problem: problem.description)
            } catch {
                return Listed(files: files, manifest: nil, problem: String(describing: error))
            }
            guard let size = DurableFile.size(files.data) else { return Listed(files: files, manifest: manifest, problem: "нет файла копии") }
            guard size == manifest.compressedBytes else {
                return Listed(files: files, manifest: manifest, problem: "размер \(size) байт, в манифесте \(manifest.compressedBytes)")
            }
            return Listed(files: files, manifest: manifest, problem: nil)
        }
        return listed.sorted { ($0.manifest?.created ?? 0, $0.files.data) < ($1.manifest?.created ?? 0, $1.files.data) }
    }
}
