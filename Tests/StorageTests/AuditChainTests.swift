import Dispatch
import Domain
import Secrets
import Storage
import Testing

/// The audit trail's hash chain: what appends write and what a walk finds after someone edits
/// the file behind the application's back (triggers dropped, as one would in the sqlite3 shell).
@Suite struct AuditChainTests {
    /// The action of row `i` of a trail: each row a different one.
    static func action(_ i: Int) -> AuditAction { AuditAction.allCases[i % AuditAction.allCases.count] }

    /// A database with `count` audit rows, actions `action(1)`, `action(2)`, ….
    func trail(_ count: Int, name: String = "chain") throws -> Database {
        let db = try Database.open(path: temporaryPath(name))
        try db.write { c in
            for i in 1...count {
                try c.appendAudit(AuditEntry(at: 1_700_000_000 + i, via: .page, action: Self.action(i),
                                             entity: "mark", entityID: 100 + i, oldValue: i % 3 == 0 ? nil : "\(i)", newValue: "5",
                                             newData: .mark(value: 5, workType: i), reason: i % 2 == 0 ? "по заявлению" : ""))
            }
        }
        return db
    }

    /// What an intruder does first: the triggers that refuse UPDATE and DELETE go.
    func tamper(_ db: Database, _ sql: String) throws {
        try db.withWriter { c in
            try c.execute("DROP TRIGGER IF EXISTS audit_append_only_update; DROP TRIGGER IF EXISTS audit_append_only_delete;")
            try c.execute(sql)
        }
    }

    @Test func theFirstRowHashesTheZeroHashAndItsColumnsAsDocumented() throws {
        let db = try Database.open(path: temporaryPath("first"))
        try db.write { try $0.appendAudit(AuditEntry(at: 1, via: .cli, action: .setupInit, entity: "school", oldValue: nil, newValue: "42",
                                                                  newData: .periodMark(4))) }
        // Name length, name, tag, value — NULL columns left out — in AuditChain.columns order.
        var expected = [UInt8](repeating: 0, count: 32)
        func field(_ name: String, _ tag: Character, _ value: [UInt8]) {
            expected += [0, 0, 0, UInt8(name.utf8.count)] + Array(name.utf8) + [tag.asciiValue!] + value
        }
        func integer(_ v: Int) -> [UInt8] { withUnsafeBytes(of: Int64(v).bigEndian) { Array($0) } }
        func text(_ s: String) -> [UInt8] { [0, 0, 0, UInt8(s.utf8.count)] + Array(s.utf8) }
        field("id", "i", integer(1))
        field("at", "i", integer(1))
        field("via", "t", text("cli"))
        field("action", "t", text("setup.init"))
        field("entity", "t", text("school"))
        field("new_value", "t", text("42"))
        field("reason", "t", text(""))
        field("address", "t", text(""))
        field("new_data", "t", text("{\"periodMark\":4}"))
        let stored = try db.read { try $0.first("SELECT hash FROM audit WHERE id = 1") { $0.blob(0) } }
        #expect(stored == Digest.blake2b(bytes: expected))
        let head = try db.read { try $0.first("SELECT last_id, hash FROM audit_head") { ($0.int(0), $0.blob(1)) } }
        #expect(head?.0 == 1 && head?.1 == stored)
    }

    @Test func eachRowChainsToThePreviousAndTheWalkHolds() throws {
        let db = try trail(5)
        let hashes = try db.read { try $0.query("SELECT hash FROM audit ORDER BY id") { $0.blob(0) } }
        #expect(hashes.count == 5 && Set(hashes).count == 5 && hashes.allSatisfy { $0.count == 32 })
        let check = try db.verifyAuditTrail()
        #expect(check.breach == nil)
        #expect(check.checked == 5)
        #expect(check.last == AuditChainPoint(id: 5, hash: hashes[4]))
        // The same values give the same hash only at the same place in the chain.
        try db.write { try $0.appendAudit(AuditEntry(at: 1_700_000_001, via: .page, action: Self.action(1), entity: "mark", entityID: 101, oldValue: "1", newValue: "5",
                                                                  newData: .mark(value: 5, workType: 1))) }
        #expect(try db.read { try $0.first("SELECT hash FROM audit WHERE id = 6") { $0.blob(0) } } != hashes[0])
        #expect(try db.verifyAuditTrail().checked == 6)
    }

    @Test func valuesAreHashedAsStored() throws {
        let db = try Database.open(path: temporaryPath("values"))
        try db.write { c in
            for text in ["5", "", "0x10", " 7 ", "1e3", "Ёлка «ё»\n;,\"", String(repeating: "я", count: 10_000)] {
                try c.appendAudit(AuditEntry(at: -1, via: .api, action: .markChange, entity: text, entityID: Int.max,
                                             oldValue: text, newValue: text, reason: text, address: text, lesson: Int.min))
            }
        }
        let check = try db.verifyAuditTrail()
        #expect(check.breach == nil)
        #expect(check.checked == 7)
    }

    @Test func theHashCoversEveryColumnButItself() throws {
        let db = try Database.open(path: temporaryPath("columns"))
        let columns = try db.read { try $0.query("SELECT name FROM pragma_table_info('audit') ORDER BY cid") { $0.string(0) } }
        #expect(columns.filter { $0 != "hash" } == AuditChain.hashedColumns)
    }

    @Test func aChangedRowIsNamed() throws {
        let db = try trail(5)
        try tamper(db, "UPDATE audit SET new_value = '4' WHERE id = 3")
        let breach = try #require(try db.verifyAuditTrail().breach)
        #expect(breach.kind == .changed)
        #expect(breach.id == 3 && breach.action == Self.action(3).rawValue && breach.at == 1_700_000_003)
        #expect(breach.description.contains("№ 3") && breach.description.contains(Self.action(3).rawValue) && breach.description.contains("изменена"))
    }

    @Test func aValueStoredAsAnotherTypeIsAChange() throws {
        let db = try trail(3)
        // The same bytes as a BLOB (column affinity leaves blobs alone) are another value.
        try tamper(db, "UPDATE audit SET action = CAST(action AS BLOB) WHERE id = 2")
        #expect(try db.read { try $0.first("SELECT typeof(action) FROM audit WHERE id = 2") { $0.string(0) } } == "blob")
        let check = try db.verifyAuditTrail()
        #expect(check.breach?.kind == .changed && check.breach?.id == 2)
        #expect(check.checked == 1)
    }

    @Test func aRehashedRowStillBreaksTheNext() throws {
        // The intruder changes row 2 and puts the old hash of row 3 into row 2: row 2 fails first.
        let db = try trail(4)
        try tamper(db, "UPDATE audit SET hash = (SELECT hash FROM audit WHERE id = 3) WHERE id = 2")
        #expect(try db.verifyAuditTrail().breach?.id == 2)
    }

    @Test func aDeletedMiddleRowIsNamed() throws {
        let db = try trail(5)
        try tamper(db, "DELETE FROM audit WHERE id = 3")
        let check = try db.verifyAuditTrail()
        let breach = try #require(check.breach)
        #expect(breach.kind == .removedBefore(from: 3, to: 3))
        #expect(breach.id == 4 && breach.action == Self.action(4).rawValue)
        #expect(breach.description.contains("удалена запись № 3"))
        #expect(check.checked == 2)
    }

    @Test func aDeletedLastRowIsNamed() throws {
        let db = try trail(5)
        try tamper(db, "DELETE FROM audit WHERE id = 5")
        let breach = try #require(try db.verifyAuditTrail().breach)
        #expect(breach.kind == .removedAtEnd(from: 5, to: 5))
        #expect(breach.id == 4)
        #expect(breach.description.contains("удалена последняя запись № 5"))
        // The next append does not paper over it: it chains to the head, not to row 4.
        try db.write { try $0.appendAudit(AuditEntry(at: 1, via: .cli, action: .accountLock, entity: "school")) }
        let after = try #require(try db.verifyAuditTrail().breach)
        #expect(after.kind == .removedBefore(from: 5, to: 5) && after.id == 6 && after.action == "account.lock")
    }

    @Test func aDeletedTrailIsNoticed() throws {
        let db = try trail(3)
        try tamper(db, "DELETE FROM audit")
        #expect(try db.verifyAuditTrail().breach?.kind == .removedAtEnd(from: 1, to: 3))
    }

    @Test func anInsertedRowIsNamed() throws {
        let db = try trail(3)
        try tamper(db, "INSERT INTO audit (at, via, action, entity) VALUES (1700000099, 'page', 'forged', 'mark')")
        let breach = try #require(try db.verifyAuditTrail().breach)
        #expect(breach.kind == .changed && breach.id == 4 && breach.action == "forged")
        // In place of a deleted row, with that row's hash.
        let other = try trail(3)
        try tamper(other, """
            CREATE TEMP TABLE kept AS SELECT hash FROM audit WHERE id = 2;
            DELETE FROM audit WHERE id = 2;
            INSERT INTO audit (id, at, via, action, entity, hash) VALUES (2, 1700000002, 'page', 'forged', 'mark', (SELECT hash FROM kept));
            """)
        let replaced = try #require(try other.verifyAuditTrail().breach)
        #expect(replaced.kind == .changed && replaced.id == 2 && replaced.action == "forged")
    }

    @Test func aRowPastTheHeadIsNamed() throws {
        // A row with a correct hash that the application did not append: the head never moved to it.
        let db = try trail(4)
        try tamper(db, "UPDATE audit_head SET last_id = 3, hash = (SELECT hash FROM audit WHERE id = 3)")
        let breach = try #require(try db.verifyAuditTrail().breach)
        #expect(breach.kind == .added && breach.id == 4 && breach.action == Self.action(4).rawValue)
    }

    @Test func aRolledBackWriteLeavesNoGapUnderGroupCommit() throws {
        struct Abort: Error {}
        let db = try trail(2, name: "group")
        // 64 writers at once; every tenth throws after appending, so its savepoint rolls back.
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            try? db.write { c in
                try c.appendAudit(AuditEntry(at: i, via: .api, action: .markCreate, entity: "mark", entityID: i))
                if i % 10 == 0 { throw Abort() }
            }
        }
        let check = try db.verifyAuditTrail()
        #expect(check.breach == nil)
        #expect(check.checked == 2 + 57)
        let ids = try db.read { try $0.query("SELECT id FROM audit ORDER BY id") { $0.int(0) } }
        #expect(ids == Array(1...59))
        #expect(try db.read { try $0.first("SELECT count(*) FROM audit WHERE entity_id IN (0, 10, 60)") { $0.int(0) } } == 0)
    }

    @Test func anAppendOutsideATransactionOpensOne() throws {
        let db = try trail(1)
        try db.withWriter { try $0.appendAudit(AuditEntry(at: 2, via: .cli, action: .settingChange, entity: "school")) }
        #expect(try db.verifyAuditTrail().checked == 2)
    }

    @Test func theStartUpWalkTakesOnlyNewRowsAndRemembersWhereItStopped() throws {
        let db = try trail(5)
        #expect(try db.verifyNewAuditEntries().checked == 5)
        #expect(try db.verifyNewAuditEntries().checked == 0)
        try db.write { c in
            for i in 6...7 { try c.appendAudit(AuditEntry(at: i, via: .page, action: Self.action(i), entity: "mark")) }
        }
        let check = try db.verifyNewAuditEntries()
        #expect(check.breach == nil && check.checked == 2 && check.last.id == 7)
        // A row before the verified point is the full walk's to find; a new one the start-up's.
        try tamper(db, "UPDATE audit SET action = 'x' WHERE id = 2")
        #expect(try db.verifyNewAuditEntries().breach == nil)
        #expect(try db.verifyAuditTrail().breach?.id == 2)
        try db.write { try $0.appendAudit(AuditEntry(at: 8, via: .page, action: Self.action(8), entity: "mark")) }
        try tamper(db, "UPDATE audit SET reason = 'x' WHERE id = 8")
        let broken = try db.verifyNewAuditEntries()
        #expect(broken.breach?.kind == .changed && broken.breach?.id == 8)
        // A break is not remembered as verified: the next start warns again.
        #expect(try db.verifyNewAuditEntries().breach?.id == 8)
    }

    @Test func theStartUpWalkNoticesTheVerifiedRowGone() throws {
        let db = try trail(4)
        _ = try db.verifyNewAuditEntries()
        try tamper(db, "DELETE FROM audit WHERE id = 4")
        let breach = try #require(try db.verifyNewAuditEntries().breach)
        #expect(breach.kind == .verifiedPointChanged && breach.id == 4)
    }

    @Test func theMigrationChainsTheRowsAlreadyThere() throws {
        // A file of schema 5 with audit rows, as a school has it before this release.
        let path = temporaryPath("migrate")
        let old = try Database.open(path: path, migrations: Array(Schema.migrations.prefix(5)))
        try old.write { c in
            for i in 1...2500 {
                try c.run("INSERT INTO audit (at, via, action, entity, old_value, reason, new_data) VALUES (?, 'page', ?, 'mark', ?, '', ?)",
                          1_700_000_000 + i, Self.action(i).rawValue, i % 2 == 0 ? nil : "\(i)", i % 3 == 0 ? nil : AuditValue.periodMark(.mark(i % 5 + 1)).encoded)
            }
        }
        old.close()
        let db = try Database.open(path: path)
        let check = try db.verifyAuditTrail()
        #expect(check.breach == nil && check.checked == 2500 && check.last.id == 2500)
        #expect(try db.verifyNewAuditEntries().checked == 0)  // the migration's walk counts as verified
        // The same rows appended by this release get the same hashes.
        let fresh = try Database.open(path: temporaryPath("fresh"))
        try fresh.write { c in
            for i in 1...2500 {
                try c.appendAudit(AuditEntry(at: 1_700_000_000 + i, via: .page, action: Self.action(i), entity: "mark",
                                             oldValue: i % 2 == 0 ? nil : "\(i)", newData: i % 3 == 0 ? nil : .periodMark(.mark(i % 5 + 1))))
            }
        }
        #expect(try fresh.verifyAuditTrail().last == check.last)
        // UPDATE is refused again after the migration.
        #expect(throws: SQLiteError.self) { try db.write { try $0.run("UPDATE audit SET action = 'x' WHERE id = 1") } }
        try db.write { try $0.appendAudit(AuditEntry(at: 1, via: .cli, action: .accountUnlock, entity: "school")) }
        #expect(try db.verifyAuditTrail().checked == 2501)
    }
}
