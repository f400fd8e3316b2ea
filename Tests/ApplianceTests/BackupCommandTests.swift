import Appliance
import Domain
import Foundation
import Storage
import Testing

/// `tabel backup` as an administrator and the backup timers run it.
@Suite(.serialized) struct BackupCommandTests {
    /// A copy of the test school in a state directory of its own (the signing key goes beside it).
    static func stateDirectory() throws -> (dir: String, db: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tabel-backup-cli-\(getpid())-\(Int.random(in: 0..<1_000_000_000))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let db = dir + "/tabel.sqlite"
        let source = try TestSchool.copy()
        source.close()
        try FileManager.default.copyItem(atPath: source.path, toPath: db)
        return (dir, db)
    }

    @Test func runNamesTheMediumThatFailedAndVerifyGivesTheReason() throws {
        let (dir, db) = try Self.stateDirectory()
        let good = dir + "/medium-a"
        try FileManager.default.createDirectory(atPath: good, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/plain-file", contents: Data("x".utf8))
        let bad = dir + "/plain-file/medium-b"
        let r = try CommandTests.run(["backup", "run", "--db", db, "--to", good, "--to", bad, "--kind", "monthly"])
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("ОШИБКА  \(bad)"))
        #expect(r.output.contains("ГОТОВО  \(good)"))
        #expect(!r.output.contains("ГОТОВО  \(bad)"))

        let copy = try #require(try FileManager.default.contentsOfDirectory(atPath: good).first { $0.hasSuffix(".sqlite.zst") })
        #expect(copy.hasPrefix("tabel-monthly-"))
        let ok = try CommandTests.run(["backup", "verify", good + "/" + copy, "--db", db])
        #expect(ok.status == 0, "\(ok.output)")
        #expect(ok.output.contains("Копия годна"))

        let list = try CommandTests.run(["backup", "list", "--in", good, "--db", db])
        #expect(list.status == 0)
        #expect(list.output.contains(copy) && list.output.contains("подпись верна"))

        let key = try CommandTests.run(["backup", "key", "--db", db])
        #expect(key.status == 0)
        #expect(key.output.trimmingCharacters(in: .whitespacesAndNewlines).count == 64)
        // Another box checks the copy with the printed public key.
        let elsewhere = try CommandTests.run(["backup", "verify", good + "/" + copy, "--db", dir + "/other/tabel.sqlite",
                                              "--key", key.output.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(elsewhere.status == 0, "\(elsewhere.output)")

        var bytes = try Data(contentsOf: URL(fileURLWithPath: good + "/" + copy))
        bytes[100] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: good + "/" + copy))
        let damaged = try CommandTests.run(["backup", "verify", good + "/" + copy, "--db", db])
        #expect(damaged.status == 1)
        #expect(damaged.output.contains("Копия не годится: BLAKE2b"))
    }

    /// A server started by hand holds the database open: restore refuses and names the process.
    @Test func restoreRefusesWhileAServerHasTheDatabaseOpen() throws {
        let (dir, db) = try Self.stateDirectory()
        let r = try CommandTests.run(["backup", "run", "--db", db, "--to", dir])
        #expect(r.status == 0, "\(r.output)")
        let copy = try #require(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasSuffix(".sqlite.zst") })
        let before = try Data(contentsOf: URL(fileURLWithPath: db))

        let server = Process()
        server.executableURL = URL(fileURLWithPath: CommandTests.binary)
        server.arguments = ["serve", "--listen", "127.0.0.1:\(CommandTests.freePort())", "--db", db, "--now", "2026-11-23T10:00"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        // Until the server holds the database open (a busy machine takes a while to start a debug build).
        for _ in 0..<600 where DatabaseCopy.processHoldingOpen(db) == nil { usleep(50_000) }
        #expect(DatabaseCopy.processHoldingOpen(db) == server.processIdentifier)
        let refused = try CommandTests.run(["backup", "restore", dir + "/" + copy, "--db", db, "--unit", "tabel-test-none.service"])
        server.terminate()
        server.waitUntilExit()
        #expect(refused.status == 1)
        #expect(refused.output.contains("открыта процессом \(server.processIdentifier)"), "\(refused.output)")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir)).contains { $0.contains("before-restore") })

        // With the server stopped the restore goes through and keeps the previous file beside.
        let restored = try CommandTests.run(["backup", "restore", dir + "/" + copy, "--db", db, "--unit", "tabel-test-none.service"])
        #expect(restored.status == 0, "\(restored.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).contains { $0.hasPrefix("tabel.sqlite.before-restore-") })
        #expect(!before.isEmpty)
        let check = try CommandTests.run(["db", "check", "--db", db])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test func backupUnitsVerify() throws {
        let analyze = "/usr/bin/systemd-analyze"
        guard FileManager.default.isExecutableFile(atPath: analyze) else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tabel-backup-units-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var paths: [String] = []
        for unit in ["tabel-backup@.service", "tabel-backup-weekly.timer", "tabel-backup-monthly.timer"] {
            let text = try String(contentsOf: CommandTests.packageRoot.appendingPathComponent("systemd/\(unit)"), encoding: .utf8)
            let target = dir.appendingPathComponent(unit)
            try text.replacingOccurrences(of: "/usr/bin/tabel", with: CommandTests.binary).write(to: target, atomically: true, encoding: .utf8)
            paths.append(target.path)
            if unit.hasSuffix(".timer") { #expect(text.contains("Persistent=true")) }
        }
        let r = try CommandTests.run(["verify"] + paths, executable: analyze)
        #expect(r.status == 0, "\(r.output)")
        let security = try CommandTests.run(["security", "--offline=yes", paths[0]], executable: analyze)
        let line = security.output.split(separator: "\n").first { $0.contains("Overall exposure level") } ?? ""
        let score = Double(line.split(separator: ":").last?.split(separator: " ").first ?? "") ?? 99
        #expect(score <= 2.0, "\(line)")
    }
}

/// The administrator's backups page and the home page's warning.
@Suite struct BackupsPageTests {
    let database = try! TestSchool.copy()
    var app: App { TestSchool.app(database) }
    /// The test clock's moment (2026-11-23 10:00 at UTC+3).
    var now: Int { TestSchool.clock.unixNow() }

    func signedIn(_ role: Role) throws -> Client {
        let c = Client(app)
        #expect(try c.signIn(TestSchool.login(role).login).status == 303)
        return c
    }

    @Test func withoutAVerifiedCopyTheHomePageWarnsTheAdministrator() throws {
        let admin = try signedIn(.administrator)
        let home = try admin.get("/")
        #expect(home.text.contains("Резервных копий ещё не было"))
        #expect(home.text.contains("href=\"/backups\""))
        let page = try admin.get("/backups")
        #expect(page.status == 200)
        #expect(page.text.contains("Резервных копий ещё не было"))
        // A teacher neither sees the warning nor opens the page.
        let teacher = try signedIn(.teacher)
        #expect(!(try teacher.get("/").text.contains("Резервн")))
        #expect(try teacher.get("/backups").status == 403)
    }

    @Test func theLastGoodCopyPerMediumAndAWarningAfterEightDays() throws {
        try DatabaseCopy.record([
            BackupRunRecord(at: now - 9 * 86_400, kind: "weekly", medium: "/media/TABEL-1", file: "/media/TABEL-1/tabel-weekly-old.sqlite.zst", ok: true, message: ""),
            BackupRunRecord(at: now - 9 * 86_400, kind: "weekly", medium: "/media/TABEL-2", file: nil, ok: false, message: "носитель заполнен"),
        ], inDatabaseAt: database.path)
        let admin = try signedIn(.administrator)
        #expect(try admin.get("/").text.contains("Нет проверенной резервной копии уже 9 дней"))
        let page = try admin.get("/backups").text
        #expect(page.contains("/media/TABEL-1") && page.contains("tabel-weekly-old.sqlite.zst"))
        #expect(page.contains("/media/TABEL-2") && page.contains("носитель заполнен"))

        try DatabaseCopy.record([
            BackupRunRecord(at: now - 2 * 86_400, kind: "weekly", medium: "/media/TABEL-2", file: "/media/TABEL-2/tabel-weekly-new.sqlite.zst", ok: true, message: ""),
        ], inDatabaseAt: database.path)
        #expect(!(try admin.get("/").text.contains("резервной копии")))
        #expect(try admin.get("/backups").text.contains("tabel-weekly-new.sqlite.zst"))
    }
}
