import Dispatch
import Domain
import Storage
import Sync
import Testing
#if canImport(Glibc)
import Glibc
#endif

func temporaryPath(_ name: String) -> String {
    "/tmp/tabel-storage-\(name)-\(getpid())-\(Int.random(in: 0..<1_000_000_000)).sqlite"
}

@Suite struct DatabaseTests {
    @Test func newFileGetsTheWholeSchemaInWALMode() throws {
        let db = try Database.open(path: temporaryPath("new"))
        try db.read { c in
            #expect(try c.first("PRAGMA user_version") { $0.int(0) } == Schema.latest)
            #expect(try c.first("PRAGMA journal_mode") { $0.string(0) } == "wal")
            let tables = Set(try c.query("SELECT name FROM sqlite_schema WHERE type = 'table'") { $0.string(0) })
            #expect(tables.isSuperset(of: ["school", "academic_year", "period", "bell", "school_class", "person", "enrolment",
                                           "study_group", "guardian_link", "staff_role", "teaching_assignment", "timetable_entry",
                                           "timetable_change", "lesson", "work_type", "mark", "absence", "period_mark", "remark",
                                           "account", "session", "login_slip", "audit", "consent", "plan_topic", "kiosk"]))
        }
        let (synchronous, foreignKeys) = try db.withWriter { c in
            (try c.first("PRAGMA synchronous") { $0.int(0) }, try c.first("PRAGMA foreign_keys") { $0.int(0) })
        }
        #expect(synchronous == 2)  // FULL: a committed mark survives a power cut
        #expect(foreignKeys == 1)
    }

    @Test func readersCannotWrite() throws {
        let db = try Database.open(path: temporaryPath("ro"))
        #expect(throws: SQLiteError.self) {
            try db.read { try $0.run("INSERT INTO room (name) VALUES ('101')") }
        }
    }

    @Test func aThrowingWriteLeavesNothing() throws {
        struct Abort: Error {}
        let db = try Database.open(path: temporaryPath("rollback"))
        #expect(throws: Abort.self) {
            try db.write { c in
                _ = try c.insertRoom(name: "101")
                throw Abort()
            }
        }
        #expect(try db.read { try $0.first("SELECT count(*) FROM room") { $0.int(0) } } == 0)
        try db.write { _ = try $0.insertRoom(name: "102") }
        #expect(try db.read { try $0.first("SELECT count(*) FROM room") { $0.int(0) } } == 1)
    }

    @Test func concurrentWritesCommitInGroupsAndAFailureStaysAlone() throws {
        struct Abort: Error {}
        let db = try Database.open(path: temporaryPath("group"))
        let failures = Locked(0)
        // 64 writers from many threads at once: every tenth throws after inserting.
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            do {
                try db.write { c in
                    _ = try c.insertRoom(name: "room \(i)")
                    if i % 10 == 0 { throw Abort() }
                }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        #expect(failures.withLock { $0 } == 7)
        let rooms = try db.read { try $0.query("SELECT name FROM room") { $0.string(0) } }
        #expect(rooms.count == 57)
        #expect(!rooms.contains("room 10") && rooms.contains("room 11"))
        // The writer is free again after the burst.
        try db.write { _ = try $0.insertRoom(name: "last") }
        #expect(try db.read { try $0.first("SELECT count(*) FROM room") { $0.int(0) } } == 58)
    }

    @Test func constraintsHoldTheDomain() throws {
        let db = try Database.open(path: temporaryPath("constraints"))
        let error = #expect(throws: SQLiteError.self) {
            try db.write { try $0.run("INSERT INTO school_class (year_id, grade, letter, name, bell_schedule_id, period_scheme) VALUES (99, 5, 'А', '5А', 99, 'quarter')") }
        }
        #expect(error?.isConstraint == true)  // foreign keys are on
        #expect(throws: SQLiteError.self) {
            try db.write { try $0.run("INSERT INTO academic_year (name, starts_on, ends_on) VALUES ('x', '2027-01-01', '2026-01-01')") }
        }
    }

    @Test func auditTrailIsAppendOnly() throws {
        let db = try Database.open(path: temporaryPath("audit"))
        try db.write { try $0.appendAudit(AuditEntry(at: 1, via: .cli, action: .setupInit, entity: "school")) }
        #expect(throws: SQLiteError.self) { try db.write { try $0.run("UPDATE audit SET action = 'other'") } }
        #expect(throws: SQLiteError.self) { try db.write { try $0.run("DELETE FROM audit") } }
        #expect(try db.read { try $0.first("SELECT action FROM audit") { $0.string(0) } } == "setup.init")
    }

    @Test func newerSchemaIsRefusedAndNotTouched() throws {
        let path = temporaryPath("newer")
        let db = try Database.open(path: path)
        try db.withWriter { try $0.execute("PRAGMA user_version = 999") }
        db.close()
        #expect {
            _ = try Database.open(path: path)
        } throws: { error in
            guard case .newerSchema(_, let found, _)? = error as? Database.Refusal else { return false }
            return found == 999 && String(describing: error).contains("более новой версией")
        }
    }

    @Test func corruptFileIsRefused() throws {
        let path = temporaryPath("corrupt")
        let db = try Database.open(path: path)
        try db.write { c in for i in 0..<3000 { _ = try c.insertRoom(name: "Каб. \(i)") } }
        db.close()
        // Overwrite a page in the middle of the file with garbage.
        let fd = open(path, O_WRONLY)
        let garbage = [UInt8](repeating: 0xA5, count: 4096)
        _ = garbage.withUnsafeBytes { pwrite(fd, $0.baseAddress, 4096, 4096 * 5) }
        close(fd)
        #expect(throws: (any Error).self) { _ = try Database.open(path: path) }
    }

    @Test func notADatabaseIsRefused() throws {
        let path = temporaryPath("text")
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        let text = Array(String(repeating: "это не база данных\n", count: 300).utf8)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let error = #expect(throws: Database.Refusal.self) { _ = try Database.open(path: path) }
        // A flipped header looks the same: the refusal names the file and the way back.
        #expect(error.map { "\($0)".contains(path) && "\($0)".contains("tabel backup restore") } == true)
    }

    @Test func checkReportsASoundFile() throws {
        let db = try Database.open(path: temporaryPath("check"))
        let problems = try db.check()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func readsRunConcurrently() async throws {
        let db = try Database.open(path: temporaryPath("concurrent"))
        try db.write { c in for i in 0..<100 { _ = try c.insertRoom(name: "\(i)") } }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try db.read { try $0.first("SELECT count(*) FROM room") { $0.int(0) } ?? 0 } }
            }
            for try await n in group { #expect(n == 100) }
        }
    }

    @Test func datesRoundTripThroughText() throws {
        let db = try Database.open(path: temporaryPath("dates"))
        let y = try db.write { try $0.insertAcademicYear(name: "2026/2027", startsOn: CivilDate(iso: "2026-09-01")!, endsOn: CivilDate(iso: "2027-08-31")!) }
        let year = try db.read { try $0.academicYear(containing: CivilDate(iso: "2026-11-23")!) }
        #expect(year?.id == y && year?.endsOn.iso == "2027-08-31")
        #expect(try db.read { try $0.academicYear(containing: CivilDate(iso: "2027-09-01")!) } == nil)
    }
}

@Suite struct VerifiedMarkTests {
    @Test func cleanCloseMarksTheFileAndOpeningRemovesTheMark() throws {
        let path = temporaryPath("mark")
        let db = try Database.open(path: path)
        _ = try db.write { try $0.insertRoom(name: "101") }
        db.close()
        #expect(access(path + ".verified", F_OK) == 0)
        let again = try Database.open(path: path)
        #expect(access(path + ".verified", F_OK) != 0)  // a running server may write: the mark is void
        again.close()
        #expect(access(path + ".verified", F_OK) == 0)
    }

    @Test func aFileChangedAfterTheMarkIsCheckedAgain() throws {
        let path = temporaryPath("stale")
        let db = try Database.open(path: path)
        try db.write { c in for i in 0..<3000 { _ = try c.insertRoom(name: "Каб. \(i)") } }
        db.close()
        #expect(access(path + ".verified", F_OK) == 0)
        let fd = open(path, O_WRONLY)
        let garbage = [UInt8](repeating: 0x5A, count: 4096)
        _ = garbage.withUnsafeBytes { pwrite(fd, $0.baseAddress, 4096, 4096 * 7) }
        close(fd)
        #expect(throws: (any Error).self) { _ = try Database.open(path: path) }
    }
}
