import Archiving
@testable import Backup
import Domain
import Foundation
import Secrets
@testable import Setup
@testable import Storage
import Testing

/// Backups as the regulations ask: a copy that cannot be verified and restored does not count.
@Suite struct BackupTests {
    /// A fresh directory under /tmp.
    static func directory(_ name: String) throws -> String {
        let path = "/tmp/tabel-backup-test-\(name)-\(getpid())-\(Int.random(in: 0..<1_000_000_000))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A small generated school in its own state directory.
    static func school(students: Int = 40) throws -> (db: Database, path: String) {
        let path = try directory("state") + "/tabel.sqlite"
        let db = try Database.open(path: path)
        _ = try DemoSchool.generate(
            into: db, options: DemoOptions(students: students, seed: 5, today: CivilDate(iso: "2026-11-23")!, password: "pw-test", years: 1),
            progress: { _ in })
        return (db, path)
    }

    /// The public key beside the database at `path`.
    static func key(_ path: String) throws -> [UInt8] {
        guard let key = try BackupKey.load(at: BackupKey.path(besideDatabase: path)) else { throw CocoaError(.fileNoSuchFile) }
        return key.publicKey
    }

    static func rows(_ path: String, _ sql: String) throws -> [String] {
        let c = try Connection(path: path, mode: .readOnly)
        return try c.query(sql) { row in (0..<4).map { row.isNull($0) ? "-" : row.string($0) }.joined(separator: "|") }
    }

    static func marksAndAudit(_ path: String) throws -> (marks: [String], audit: [String]) {
        (try rows(path, "SELECT id, value, work_type_id, lesson_id FROM mark ORDER BY id"),
         try rows(path, "SELECT id, action, hex(hash), entity_id FROM audit ORDER BY id"))
    }

    static func fileBytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Pairs (lesson, student) that have no mark yet: room for a burst of new marks.
    static func freeSlots(_ db: Database, count: Int) throws -> [(lesson: Int, student: Int, workType: Int)] {
        try db.read { c in
            let workType = try c.first("SELECT id FROM work_type ORDER BY id LIMIT 1") { $0.int(0) } ?? 1
            return try c.query("""
                SELECT l.id, e.student_id FROM lesson l JOIN enrolment e ON e.class_id = l.class_id
                WHERE l.date < '2026-11-23' AND l.group_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM mark m WHERE m.lesson_id = l.id AND m.student_id = e.student_id AND m.work_type_id = ?)
                LIMIT ?
                """, workType, count) { ($0.int(0), $0.int(1), workType) }
        }
    }

    /// One mark and its audit row in one transaction, as a desk writes them.
    static func saveMark(_ db: Database, _ slot: (lesson: Int, student: Int, workType: Int)) throws {
        try db.write { c in
            let id = try c.addMark(lesson: slot.lesson, student: slot.student, value: 4, workType: slot.workType, by: nil, at: 1_795_000_000, transferred: false)
            try c.appendAudit(AuditEntry(at: 1_795_000_000, via: .cli, action: .markCreate, entity: "mark", entityID: id, newValue: "4",
                                         newData: .mark(value: 4, workType: slot.workType), lesson: slot.lesson, student: slot.student))
        }
    }

    @Test func backupDuringABurstOfMarkSavesIsAConsistentSnapshot() throws {
        let (db, path) = try Self.school()
        let before = try db.read { c in try DatabaseCopy.facts(c) }
        let slots = try Self.freeSlots(db, count: 3000)
        #expect(slots.count == 3000)
        let saved = Shared(0)
        let stop = Shared(false)
        let writer = Thread {
            for slot in slots {
                if stop.value { break }
                try! Self.saveMark(db, slot)
                saved.mutate { $0 += 1 }
            }
        }
        writer.start()
        while saved.value < 50 { usleep(1000) }
        let media = [try Self.directory("a"), try Self.directory("b")]
        let outcome = try Backups.run(BackupRequest(database: path, media: media))
        let savedAtBackup = saved.value
        while saved.value < savedAtBackup + 50 && saved.value < slots.count { usleep(1000) }
        stop.mutate { $0 = true }
        while !writer.isFinished { usleep(1000) }

        #expect(outcome.succeeded, "\(outcome.media.map { $0.failure ?? "ok" })")
        let m = outcome.manifest
        // The copy holds a prefix of the burst: every mark with its audit row, none half-written.
        #expect(m.marks > before.marks && m.marks < before.marks + saved.value)
        #expect(m.marks - before.marks == m.auditRows - before.auditRows)
        #expect(m.auditHeadID == m.auditRows)
        // Each medium's copy verifies and opens with exactly the counts its manifest states.
        for medium in outcome.media {
            let file = try #require(medium.file)
            let scratch = try Self.directory("scratch")
            let verified = try Backups.verify(file, trusting: [try Self.key(path)],
                                              scratch: scratch, keepDatabaseAt: scratch + "/copy.sqlite")
            let (facts, problems) = try DatabaseCopy.examine(try #require(verified.database))
            #expect(problems.isEmpty)
            #expect(facts == m.facts)
        }
    }

    @Test func aMediumThatCannotBeWrittenFailsTheRunByNameAndTheOtherIsVerified() throws {
        let (_, path) = try Self.school(students: 20)
        let good = try Self.directory("good")
        // Tests may run as root, where a 0555 directory still takes writes: a path under a
        // regular file can never be created, whoever asks.
        let blocker = try Self.directory("blocker") + "/file"
        FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let bad = blocker + "/media"
        var lines: [String] = []
        let outcome = try Backups.run(BackupRequest(database: path, media: [good, bad])) { lines.append($0) }
        #expect(!outcome.succeeded)
        #expect(outcome.media[0].ok)
        #expect(outcome.media[1].medium == bad)
        #expect(outcome.media[1].file == nil)
        #expect(lines.contains { $0.contains(bad) })
        let key = try Self.key(path)
        _ = try Backups.verify(try #require(outcome.media[0].file), trusting: [key], scratch: try Self.directory("s"))
        // Nothing of this run is left on the failed medium's parent either.
        #expect(FileManager.default.fileExists(atPath: blocker))

        // A medium that must be a mount point of its own and is a plain directory is refused.
        let unplugged = try Backups.run(BackupRequest(database: path, media: [try Self.directory("unplugged")], requireMount: true))
        #expect(!unplugged.succeeded)
        #expect(unplugged.media[0].failure?.contains("не подключён") == true)
    }

    /// `mount` with `arguments`; false where this machine does not let the tests mount (not root).
    static func mount(_ arguments: [String]) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/mount")
        p.arguments = arguments
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    static func unmount(_ path: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/umount")
        p.arguments = [path]
        try? p.run()
        p.waitUntilExit()
    }

    /// Where the tests may mount (root in a container that allows it): a 64 KiB medium and a
    /// read-only one, as a school's full or write-protected stick would be.
    @Test func fullAndReadOnlyMediaAreNamedWhereTheTestsMayMount() throws {
        let (_, path) = try Self.school(students: 20)
        let full = try Self.directory("full"), readOnly = try Self.directory("ro"), good = try Self.directory("good")
        guard Self.mount(["-t", "tmpfs", "-o", "size=64k", "tmpfs", full]) else { return }
        defer { Self.unmount(full) }
        guard Self.mount(["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", readOnly]) else { return }
        defer { Self.unmount(readOnly) }
        let outcome = try Backups.run(BackupRequest(database: path, media: [full, good, readOnly], requireMount: false))
        #expect(!outcome.succeeded)
        #expect(outcome.media.map(\.ok) == [false, true, false])
        #expect(outcome.media[0].failure?.contains("заполнен") == true, "\(outcome.media[0].failure ?? "")")
        #expect(outcome.media[2].failure?.contains("только для чтения") == true, "\(outcome.media[2].failure ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: full).isEmpty)
        // A mounted medium passes --require-mount; the plain directory does not.
        let mounted = try Backups.run(BackupRequest(database: path, media: [readOnly, good], requireMount: true))
        #expect(mounted.media[0].failure?.contains("не подключён") != true)
        #expect(mounted.media[1].failure?.contains("не подключён") == true)
    }

    @Test func aFlippedByteOrATruncatedFileIsRefusedAndTheLiveFileIsUntouched() throws {
        let (db, path) = try Self.school(students: 20)
        db.close()
        let media = try Self.directory("m")
        let outcome = try Backups.run(BackupRequest(database: path, media: [media]))
        let file = try #require(outcome.media[0].file)
        let key = try Self.key(path)
        let live = try Self.fileBytes(path)
        let original = try Self.fileBytes(file)

        var flipped = original
        flipped[flipped.count / 2] ^= 0x01
        try flipped.write(to: URL(fileURLWithPath: file))
        #expect(throws: VerificationFailure.self) { try Backups.verify(file, trusting: [key], scratch: media) }
        do {
            _ = try Backups.restore(RestoreRequest(file: file, database: path, keys: [key]), services: NoServices())
            Issue.record("a damaged copy was restored")
        } catch let error as BackupError {
            #expect(String(describing: error).contains("BLAKE2b"))
        }
        #expect(try Self.fileBytes(path) == live)

        try original.prefix(original.count - 100).write(to: URL(fileURLWithPath: file))
        do {
            _ = try Backups.verify(file, trusting: [key], scratch: media)
            Issue.record("a truncated copy verified")
        } catch {
            #expect(error.reason.contains("усечён"))
        }
        #expect(throws: BackupError.self) {
            try Backups.restore(RestoreRequest(file: file, database: path, keys: [key]), services: NoServices())
        }
        #expect(try Self.fileBytes(path) == live)
        let left = try FileManager.default.contentsOfDirectory(atPath: DurableFile.directory(of: path))
        #expect(!left.contains { $0.contains("before-restore") || $0.contains("restoring") })
    }

    @Test func unsignedAndForeignSignedCopiesAreRefused() throws {
        let (db, path) = try Self.school(students: 20)
        db.close()
        let media = try Self.directory("m")
        let outcome = try Backups.run(BackupRequest(database: path, media: [media]))
        let files = BackupFiles(try #require(outcome.media[0].file))
        let key = try Self.key(path)
        let live = try Self.fileBytes(path)
        let signed = try Self.fileBytes(files.manifest)

        // The same manifest without its signature.
        try (Data(outcome.manifest.body) + Data("\n}\n".utf8)).write(to: URL(fileURLWithPath: files.manifest))
        do {
            _ = try Backups.verify(files.data, trusting: [key], scratch: media)
            Issue.record("an unsigned copy verified")
        } catch {
            #expect(error.reason.contains("не подписан"))
        }

        // Signed by another box's key: refused unless that key is trusted explicitly.
        let stranger = Signing.KeyPair.generate()
        var foreign = outcome.manifest
        foreign.key = Hex.encode(stranger.publicKey)
        try Data(foreign.signed(with: stranger)).write(to: URL(fileURLWithPath: files.manifest))
        do {
            _ = try Backups.verify(files.data, trusting: [key], scratch: media)
            Issue.record("a foreign-signed copy verified")
        } catch {
            #expect(error.reason.contains("чужим ключом"))
        }
        #expect(throws: BackupError.self) {
            try Backups.restore(RestoreRequest(file: files.data, database: path, keys: [key]), services: NoServices())
        }
        #expect(try Self.fileBytes(path) == live)
        _ = try Backups.verify(files.data, trusting: [key, stranger.publicKey], scratch: media)

        // A field changed after signing (more marks than there are) breaks the signature.
        var text = String(decoding: signed, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"marks\": \(outcome.manifest.marks)", with: "\"marks\": \(outcome.manifest.marks + 1)")
        try Data(text.utf8).write(to: URL(fileURLWithPath: files.manifest))
        do {
            _ = try Backups.verify(files.data, trusting: [key], scratch: media)
            Issue.record("a changed manifest verified")
        } catch {
            #expect(error.reason.contains("подпись"))
        }
    }

    @Test func restoreDrillBringsBackEveryMarkAndAuditRow() throws {
        let (db, path) = try Self.school(students: 30)
        let media = try Self.directory("m")
        let outcome = try Backups.run(BackupRequest(database: path, media: [media], now: 1_796_000_000))
        let file = try #require(outcome.media[0].file)
        let atBackup = try Self.marksAndAudit(path)
        // Work goes on after the backup; then the school loses it and goes back to the copy.
        for slot in try Self.freeSlots(db, count: 25) { try Self.saveMark(db, slot) }
        db.close()
        #expect(try Self.marksAndAudit(path).marks.count == atBackup.marks.count + 25)

        let services = RecordingServices(running: ["tabel.socket", "tabel.service"])
        var lines: [String] = []
        let restored = try Backups.restore(
            RestoreRequest(file: file, database: path, keys: [try Self.key(path)],
                           now: 1_796_100_000),
            services: services) { lines.append($0) }
        let now = try Self.marksAndAudit(path)
        #expect(now.marks == atBackup.marks)
        #expect(now.audit == atBackup.audit)
        #expect(restored.migratedFrom == nil)
        #expect(services.calls == ["is-active tabel.socket", "stop tabel.socket", "is-active tabel.service", "stop tabel.service",
                                   "start tabel.socket", "start tabel.service"])
        #expect(restored.restarted == ["tabel.socket", "tabel.service"])
        // The replaced database is kept beside, with the 25 marks the copy does not have.
        let previous = try #require(restored.previous)
        #expect(previous == path + ".before-restore-20261201-044000")
        #expect(try Self.marksAndAudit(previous).marks.count == atBackup.marks.count + 25)
        // The restored file opens as the server opens it, its audit chain whole.
        let reopened = try Database.open(path: path, create: false)
        #expect(try reopened.verifyAuditTrail().breach == nil)
        #expect(try reopened.check().isEmpty)
    }

    @Test func aCopyOfAnOlderSchemaIsMigratedOnRestore() throws {
        let dir = try Self.directory("old")
        let path = dir + "/tabel.sqlite"
        let old = try Database.open(path: path, migrations: Schema.migrations.filter { $0.version <= 6 })
        try old.withWriter { try $0.execute("INSERT INTO school (id, name) VALUES (1, 'Школа № 1')") }
        old.close()
        let media = try Self.directory("m")
        let outcome = try Backups.run(BackupRequest(database: path, media: [media]))
        #expect(outcome.succeeded)
        #expect(outcome.manifest.schemaVersion == 6)
        let target = try Self.directory("new") + "/tabel.sqlite"
        let key = try Self.key(path)
        let restored = try Backups.restore(RestoreRequest(file: try #require(outcome.media[0].file), database: target, keys: [key]),
                                           services: NoServices())
        #expect(restored.migratedFrom == 6)
        #expect(restored.previous == nil)
        #expect(try Connection(path: target, mode: .readOnly).first("PRAGMA user_version") { $0.int(0) } == Schema.latest)
    }

    @Test func rotationKeepsEightWeeklyCopiesAndEveryYearlyOne() throws {
        let dir = try Self.directory("rot")
        let path = dir + "/tabel.sqlite"
        try Database.open(path: path).close()
        let media = try Self.directory("m")
        for week in 0..<10 {
            let run = try Backups.run(BackupRequest(database: path, media: [media], kind: .weekly, now: 1_790_000_000 + week * 604_800))
            #expect(run.succeeded)
        }
        for year in 0..<2 {
            _ = try Backups.run(BackupRequest(database: path, media: [media], kind: .yearly, now: 1_790_000_000 + year * 31_536_000))
        }
        let key = try Self.key(path)
        let listed = try #require(Backups.list(in: media, trusting: [key]))
        #expect(listed.filter { $0.manifest?.kind == .weekly }.count == 8)
        #expect(listed.filter { $0.manifest?.kind == .yearly }.count == 2)
        #expect(listed.allSatisfy { $0.problem == nil })
        // The two oldest weekly copies are the ones gone.
        let oldest = BackupClock.stamp(1_790_000_000)
        #expect(!listed.contains { $0.files.data.contains("weekly-\(oldest)") })
    }

    @Test func theSigningKeyIsMadeOnceAndKeptPrivate() throws {
        let path = try Self.directory("key") + "/" + BackupKey.fileName
        let first = try BackupKey.loadOrCreate(at: path)
        let second = try BackupKey.loadOrCreate(at: path)
        #expect(first.publicKey == second.publicKey)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }

    @Test func manifestTextRoundTrips() throws {
        let key = Signing.KeyPair.generate()
        let facts = DatabaseFacts(school: "Школа «№ 1»\n\"кавычки\" \\ \u{1}", schemaVersion: 7, marks: 3, absences: 2, auditRows: 1,
                                  auditHead: AuditChainPoint(id: 1, hash: [UInt8](repeating: 7, count: 32)))
        let m = Manifest(facts: facts, created: 1_796_000_000, kind: .monthly, file: "x.sqlite.zst", databaseBytes: 10,
                         compressedBytes: 5, blake2b: [1, 2, 3], key: key.publicKey)
        let read = try Manifest.read(m.signed(with: key), trusting: [key.publicKey])
        #expect(read == m)
        #expect(read.facts == facts)
    }
}

/// Migrations and the copy taken before them.
@Suite struct PreMigrationBackupTests {
    static let added = Migration(version: Schema.latest + 1, name: "test_added", sql: "CREATE TABLE test_added (id INTEGER PRIMARY KEY);")
    static let failing = Migration(version: Schema.latest + 2, name: "test_failing", sql: "INSERT INTO no_such_table VALUES (1);")

    @Test func aFailedMigrationLeavesTheOldFileInPlaceWithACopyBesideIt() throws {
        let path = try BackupTests.directory("mig") + "/tabel.sqlite"
        let db = try Database.open(path: path)
        try db.withWriter { try $0.execute("INSERT INTO school (id, name) VALUES (1, 'Школа')") }
        db.close()
        #expect(throws: (any Error).self) {
            try Database.open(path: path, create: false, migrations: Schema.migrations + [Self.added, Self.failing])
        }
        // Neither migration stayed: the file is at its old version, without the table the first one made.
        let c = try Connection(path: path, mode: .readOnly)
        #expect(try c.first("PRAGMA user_version") { $0.int(0) } == Schema.latest)
        #expect(try c.first("SELECT count(*) FROM sqlite_schema WHERE name = 'test_added'") { $0.int(0) } == 0)
        // The copy beside it holds the old version.
        let copy = path + ".pre-migration-v\(Schema.latest).sqlite.zst"
        #expect(FileManager.default.fileExists(atPath: copy))
        let plain = path + ".copy"
        let input = try DurableFile.openForReading(copy)
        let output = try DurableFile.create(plain)
        try Zstd.decompress(from: input, to: output)
        close(input)
        close(output)
        let old = try Connection(path: plain, mode: .readOnly)
        #expect(try old.first("PRAGMA user_version") { $0.int(0) } == Schema.latest)
        #expect(try old.first("SELECT name FROM school") { $0.string(0) } == "Школа")

        // Without the failing step the migration goes through.
        let migrated = try Database.open(path: path, create: false, migrations: Schema.migrations + [Self.added])
        #expect(try migrated.read { try $0.first("PRAGMA user_version") { $0.int(0) } } == Schema.latest + 1)
    }

    @Test func aNewFileGetsNoCopy() throws {
        let dir = try BackupTests.directory("fresh")
        try Database.open(path: dir + "/tabel.sqlite").close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains("pre-migration") }.isEmpty)
    }
}

/// No systemd here: every unit counts as stopped, and stopping or starting one is a test failure.
struct NoServices: ServiceControl {
    func isActive(_ unit: String) -> Bool { false }
    func stop(_ unit: String) throws { Issue.record("stop \(unit)") }
    func start(_ unit: String) throws { Issue.record("start \(unit)") }
}

/// The server's units running: records what the restore asks of them.
final class RecordingServices: ServiceControl, @unchecked Sendable {
    private let lock = NSLock()
    private var log: [String] = []
    private var running: Set<String>

    init(running: Set<String>) { self.running = running }

    var calls: [String] { lock.withLock { log } }

    func isActive(_ unit: String) -> Bool { lock.withLock { log.append("is-active \(unit)"); return running.contains(unit) } }
    func stop(_ unit: String) throws { lock.withLock { log.append("stop \(unit)"); _ = running.remove(unit) } }
    func start(_ unit: String) throws { lock.withLock { log.append("start \(unit)"); _ = running.insert(unit) } }
}

/// A value shared with a writer thread.
final class Shared<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T

    init(_ value: T) { stored = value }

    var value: T { lock.withLock { stored } }

    func mutate(_ body: (inout T) -> Void) { lock.withLock { body(&stored) } }
}
