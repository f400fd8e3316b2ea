import Domain
import Foundation
import Storage
import Testing

/// `tabel audit verify` and the server's start-up walk, on a copy of the test school.
extension CommandTests {
    /// A copy of the test school with five more audit rows; its path and the last row's id.
    static func schoolWithAuditRows() throws -> (path: String, last: Int) {
        let db = try TestSchool.copy()
        try db.write { c in
            for (i, action) in [AuditAction.accountLock, .accountUnlock, .kioskRegister, .settingChange, .slipVoid].enumerated() {
                try c.appendAudit(AuditEntry(at: 1_795_000_000 + i, via: .cli, action: action, entity: "school", newValue: "\(i)"))
            }
        }
        let last = try db.read { try $0.first("SELECT max(id) FROM audit") { $0.int(0) } } ?? 0
        db.close()
        return (db.path, last)
    }

    /// Edits the file as an intruder with the sqlite3 shell would: triggers dropped first.
    static func tamper(_ path: String, _ sql: String) throws {
        let db = try Database.open(path: path)
        try db.withWriter { c in
            try c.execute("DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete;")
            try c.execute(sql)
        }
        db.close()
    }

    @Test func auditVerifyExitCodesAndOutput() throws {
        let (path, last) = try Self.schoolWithAuditRows()
        let sound = try Self.run(["audit", "verify", "--db", path])
        #expect(sound.status == 0, "\(sound.output)")
        #expect(sound.output.contains("Журнал изменений цел: \(last) запис"))
        #expect(sound.output.contains("Последняя запись № \(last), хэш "))

        try Self.tamper(path, "UPDATE audit SET new_value = '5' WHERE id = \(last - 2)")
        let changed = try Self.run(["audit", "verify", "--db", path])
        #expect(changed.status == 1)
        #expect(changed.output.contains("Журнал изменений нарушен: запись № \(last - 2) ("), "\(changed.output)")
        #expect(changed.output.contains("kiosk.register") && changed.output.contains("изменена"))

        let (other, otherLast) = try Self.schoolWithAuditRows()
        try Self.tamper(other, "DELETE FROM audit WHERE id = \(otherLast)")
        let removed = try Self.run(["audit", "verify", "--db", other])
        #expect(removed.status == 1)
        #expect(removed.output.contains("удалена последняя запись № \(otherLast)"), "\(removed.output)")

        let missing = try Self.run(["audit", "verify", "--db", "/tmp/no-such-tabel.sqlite"])
        #expect(missing.status == 1 && missing.output.contains("не найден"))
    }

    @Test func auditVerifyHasHelp() throws {
        let help = try Self.run(["audit", "verify", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("Проверить цепочку хэшей журнала изменений"))
        #expect(help.output.contains("--db") && help.output.contains("Файл базы данных"))
        #expect(try Self.run(["--help"]).output.contains("audit"))
    }

    @Test func serveWarnsOfABrokenAuditTrailAndStillStarts() throws {
        let (path, last) = try Self.schoolWithAuditRows()
        try Self.tamper(path, "DELETE FROM audit WHERE id = \(last - 1)")
        let (p, pipe, c) = try Self.serve(["--db", path])
        c.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try c.read().status == 200)
        p.terminate()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let log = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("warning журнал изменений нарушен: удалена запись № \(last - 1) (цепочка прерывается перед записью № \(last)"), "\(log)")
        #expect(log.contains("tabel audit verify"))
        #expect(!log.contains("журнал изменений цел"))
    }
}
