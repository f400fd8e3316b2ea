import Foundation
import Storage
import Sync
import Testing

/// The `tabel` binary as an operator and systemd run it.
@Suite(.serialized) struct CommandTests {
    /// The freshly built binary, next to the test bundle.
    static let binary: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("tabel").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("tabel").path
    }()

    static var packageRoot: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    struct Run {
        let status: Int32
        let output: String
    }

    static func run(_ arguments: [String], executable: String = binary) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static func freePort() -> Int { Int.random(in: 20000..<60000) }

    /// `tabel serve` on a free loopback port with `arguments`, once it answers; its log goes to `pipe`.
    static func serve(_ arguments: [String]) throws -> (process: Process, pipe: Pipe, client: RawClient) {
        let port = freePort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["serve", "--listen", "127.0.0.1:\(port)"] + arguments
        let pipe = Pipe()
        p.standardError = pipe
        p.standardOutput = pipe
        try p.run()
        var client: RawClient?
        for _ in 0..<100 where client == nil {
            client = try? RawClient(port: UInt16(port))
            if client == nil { usleep(50_000) }
        }
        return (p, pipe, try #require(client))
    }

    @Test func serveAnswersAndSIGTERMStopsItCleanly() throws {
        let (p, pipe, c) = try Self.serve(["--db", TestSchool.path, "--now", "2026-11-23T10:00"])
        c.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try c.read().status == 200)
        p.terminate()  // SIGTERM
        p.waitUntilExit()
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 0)
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("GET /healthz 200"))
        #expect(log.contains("часы сервера запущены с 2026-11-23T10:00"))
        #expect(log.contains("журнал изменений цел до записи № "))
        #expect(log.contains("остановлен"))
        #expect(!log.contains("test-password"))
    }

    /// SIGTERM while clients keep signing in on kept-alive connections: every hash already
    /// accepted finishes, later ones are refused, and the process exits 0 without libmicrohttpd's
    /// panic about suspended connections or a crash on freed memory.
    @Test(arguments: 1...3) func serveStopsCleanlyDuringABurstOfSignIns(round: Int) throws {
        let path = try TestSchool.copy().path
        let port = Self.freePort()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = ["serve", "--db", path, "--listen", "127.0.0.1:\(port)", "--now", "2026-11-23T10:00"]
        let pipe = Pipe()
        p.standardError = pipe
        p.standardOutput = pipe
        try p.run()
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try? RawClient(port: UInt16(port))) != nil
            if !ready { usleep(50_000) }
        }
        #expect(ready)
        let body = "{\"login\":\"\(TestSchool.login(.teacher).login)\",\"password\":\"\(TestSchool.password)\"}"
        let request = "POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        let statuses = Locked<[Int]>([])
        let clients = DispatchGroup()
        for _ in 0..<24 {
            DispatchQueue.global().async(group: clients) {
                guard let client = try? RawClient(port: UInt16(port)) else { return }
                // Sign in again and again on one connection until the server closes it.
                while let reply = try? { client.send(request); return try client.read() }() {
                    statuses.withLock { $0.append(reply.status) }
                }
            }
        }
        // SIGTERM mid-burst: once sign-ins are coming back, while the clients keep sending.
        for _ in 0..<200 where !statuses.withLock({ $0.contains(200) }) { usleep(50_000) }
        p.terminate()
        p.waitUntilExit()
        #expect(clients.wait(timeout: .now() + 30) == .success)
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = log.split(separator: "\n").filter { $0.contains("Fatal") || $0.lowercased().contains("panic") }
        #expect(p.terminationReason == .exit && p.terminationStatus == 0, "\(problems)")
        #expect(problems.isEmpty, "\(problems)")
        #expect(log.hasSuffix("остановлен\n"))
        let seen = statuses.withLock { $0 }
        #expect(seen.contains(200), "the burst signed nobody in")
        #expect(seen.allSatisfy { $0 == 200 || $0 == 503 }, "\(Set(seen))")
        #expect(try Self.run(["db", "check", "--db", path]).status == 0)
    }

    @Test func serveRefusesADatabaseFromANewerTabel() throws {
        let path = temporaryPath("newer-cli")
        _ = try Self.run(["db", "check", "--db", path])  // missing file: nothing created
        #expect(!FileManager.default.fileExists(atPath: path))
        try makeFutureSchemaDatabase(at: path)
        let r = try Self.run(["serve", "--db", path, "--listen", "127.0.0.1:\(Self.freePort())"])
        #expect(r.status != 0)
        #expect(r.output.contains("более новой версией Tabel"))
    }

    @Test func dbCheckExitCodes() throws {
        #expect(try Self.run(["db", "check", "--db", TestSchool.path]).status == 0)
        let missing = try Self.run(["db", "check", "--db", "/tmp/no-such-tabel.sqlite"])
        #expect(missing.status == 1)
        #expect(missing.output.contains("не найден"))
    }

    @Test func badOptionsAreExplained() throws {
        let r = try Self.run(["serve", "--now", "завтра"])
        #expect(r.status != 0)
        #expect(r.output.contains("--now: ожидается «ГГГГ-ММ-ДДTЧЧ:ММ»"))
        let help = try Self.run(["--help"])
        #expect(help.output.contains("serve") && help.output.contains("setup") && help.output.contains("db"))
    }

    /// `tabel print`: its help as an operator reads it, and each document's usage line.
    @Test func printHelpIsPinned() throws {
        let help = try Self.run(["print", "--help"])
        #expect(help.status == 0)
        #expect(help.output == """
            OVERVIEW: Печатные документы в PDF: копия журнала, сводная ведомость, дневник,
            бланки на время сбоя.

            USAGE: tabel print <subcommand>

            OPTIONS:
              --version               Show the version.
              -h, --help              Show help information.

            SUBCOMMANDS:
              journal                 Копия классного журнала за период или за год
                                      (двусторонняя печать, страницы пронумерованы).
              summary                 Сводная ведомость итоговых отметок класса: отметки за
                                      периоды, годовые, экзаменационные, итоговые.
              diary                   Дневник обучающегося за даты — для семьи без
                                      электронного доступа: уроки, темы, задания, отметки,
                                      средние, пропуски.
              blank                   Бланки временного журнала на время сбоя: список
                                      класса против дат уроков по расписанию, коды
                                      пропусков.

              See 'tabel help print <subcommand>' for detailed help.

            """)
        let usage = [
            "journal": "USAGE: tabel print journal [--db <db>] [--class <class>] [--all] [--period <period>] [--year] --out <out>",
            "summary": "USAGE: tabel print summary [--db <db>] --class <class> --year <year> --out <out>",
            "diary": "USAGE: tabel print diary [--db <db>] --student <student> --from <from> --to <to> --out <out>",
            "blank": "USAGE: tabel print blank [--db <db>] --class <class> --from <from> --to <to> --out <out>",
        ]
        for (command, line) in usage {
            let r = try Self.run(["print", command, "--help"])
            #expect(r.output.contains(line), "\(command)")
        }
        let journal = try Self.run(["print", "journal", "--help"])
        #expect(journal.output.contains("--period <period>       Номер периода (id) — копия за этот период."))
        #expect(journal.output.contains("--all                   Копии журналов всех классов: --out — каталог, по"))
    }

    @Test func setupDemoWritesTheLoginsFile() throws {
        let db = temporaryPath("cli-demo")
        let logins = db + ".csv"
        let r = try Self.run(["setup", "demo", "--db", db, "--students", "40", "--seed", "3", "--today", "2026-11-23",
                              "--password", "pw-for-test", "--logins", logins])
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("Журнал: 100 %"))
        let csv = try String(contentsOfFile: logins, encoding: .utf8)
        #expect(csv.hasPrefix("login,password,role,person_id,full_name,class,children\r\n"))
        #expect(csv.contains(",pw-for-test,student,"))
        let again = try Self.run(["setup", "demo", "--db", db, "--students", "40"])
        #expect(again.status != 0)
        #expect(again.output.contains("уже есть школа"))
    }

    @Test func systemdUnitsVerify() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tabel-units-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var paths: [String] = []
        for unit in ["tabel.socket", "tabel-https.socket", "tabel.service"] {
            let text = try String(contentsOf: Self.packageRoot.appendingPathComponent("systemd/\(unit)"), encoding: .utf8)
            // systemd-analyze verify wants ExecStart to exist: point it at the fresh build.
            let target = dir.appendingPathComponent(unit)
            try text.replacingOccurrences(of: "/usr/bin/tabel", with: Self.binary).write(to: target, atomically: true, encoding: .utf8)
            paths.append(target.path)
        }
        // The kiosk unit starts cage and Chromium, which the build machine lacks: verify a copy on stand-ins.
        let kiosk = try String(contentsOf: Self.packageRoot.appendingPathComponent("systemd/tabel-kiosk.service"), encoding: .utf8)
            .replacingOccurrences(of: "/usr/bin/cage", with: Self.binary).replacingOccurrences(of: "/usr/bin/chromium", with: "/usr/bin/env")
        let kioskPath = dir.appendingPathComponent("tabel-kiosk.service")
        try kiosk.write(to: kioskPath, atomically: true, encoding: .utf8)
        let r = try Self.run(["verify"] + paths + [kioskPath.path], executable: "/usr/bin/systemd-analyze")
        #expect(r.status == 0, "\(r.output)")
        let security = try Self.run(["security", "--offline=yes", paths[2]], executable: "/usr/bin/systemd-analyze")
        let line = security.output.split(separator: "\n").first { $0.contains("Overall exposure level") } ?? ""
        let score = Double(line.split(separator: ":").last?.split(separator: " ").first ?? "") ?? 99
        #expect(score <= 2.0, "\(line)")
    }
}

/// Creates an empty database marked as written by a future schema version.
func makeFutureSchemaDatabase(at path: String) throws {
    let db = try Database.open(path: path)
    try db.withWriter { try $0.execute("PRAGMA user_version = 999") }
    db.close()
}
