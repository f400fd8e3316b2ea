internal import CSQLite
import Domain

/// A prepared statement, kept in its connection's cache and reset after each use.
public final class Statement {
    let handle: OpaquePointer
    unowned let connection: Connection

    init(connection: Connection, sql: String) throws {
        var stmt: OpaquePointer?
        try connection.check(
            sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil),
            "sqlite3_prepare_v3")
        guard let stmt else { throw SQLiteError(code: SQLITE_MISUSE, function: "sqlite3_prepare_v3", message: "пустой запрос: \(sql)") }
        handle = stmt
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ values: [(any SQLBindable)?]) throws {
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            if let value { try value.bind(to: self, at: index) } else { try bindNull(at: index) }
        }
    }

    /// Advances; true while there is a row.
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        try connection.check(rc, "sqlite3_step", ok: [SQLITE_DONE])
        return false
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    public func bind(_ value: Int, at i: Int32) throws {
        try connection.check(sqlite3_bind_int64(handle, i, Int64(value)), "sqlite3_bind_int64")
    }

    public func bind(_ value: Double, at i: Int32) throws {
        try connection.check(sqlite3_bind_double(handle, i, value), "sqlite3_bind_double")
    }

    public func bind(_ value: String, at i: Int32) throws {
        try connection.check(sqlite3_bind_text(handle, i, value, -1, tabel_sqlite_transient()), "sqlite3_bind_text")
    }

    public func bind(_ value: [UInt8], at i: Int32) throws {
        let rc = value.withUnsafeBytes { raw in
            sqlite3_bind_blob(handle, i, raw.baseAddress, Int32(raw.count), tabel_sqlite_transient())
        }
        try connection.check(rc, "sqlite3_bind_blob")
    }

    public func bindNull(at i: Int32) throws {
        try connection.check(sqlite3_bind_null(handle, i), "sqlite3_bind_null")
    }
}

/// A value that can be bound to a statement parameter.
public protocol SQLBindable {
    func bind(to statement: Statement, at index: Int32) throws
}

extension Int: SQLBindable {
    public func bind(to s: Statement, at i: Int32) throws { try s.bind(self, at: i) }
}
extension Double: SQLBindable {
    public func bind(to s: Statement, at i: Int32) throws { try s.bind(self, at: i) }
}
extension String: SQLBindable {
    public func bind(to s: Statement, at i: Int32) throws { try s.bind(self, at: i) }
}
extension Bool: SQLBindable {
    public func bind(to s: Statement, at i: Int32) throws { try s.bind(self ? 1 : 0, at: i) }
}
extension Array: SQLBindable where Element == UInt8 {
    public func bind(to s: Statement, at i: Int32) throws { try s.bind(self, at: i) }
}
extension CivilDate: SQLBindable {
    public func bind(to s: Statement, at i: Int32) throws { try s.bind(iso, at: i) }
}
extension TimeOfDay: SQLBindable {
    public func bind(to s: Statement, at i: Int32) throws { try s.bind(description, at: i) }
}

/// The current row of a query; columns by index.
public struct Row {
    let statement: Statement

    private var handle: OpaquePointer { statement.handle }

    public func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
    public func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(handle, i)) }
    public func optionalInt(_ i: Int32) -> Int? { isNull(i) ? nil : int(i) }
    public func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }
    public func optionalDouble(_ i: Int32) -> Double? { isNull(i) ? nil : double(i) }
    public func bool(_ i: Int32) -> Bool { int(i) != 0 }

    public func string(_ i: Int32) -> String {
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    public func optionalString(_ i: Int32) -> String? { isNull(i) ? nil : string(i) }

    /// A mark's value from its columns `value, passed` at `i`, `i + 1` (and `special` at
    /// `i + 2` for a final mark's row); 0 stands in for a row that breaks the schema's CHECK.
    public func markValue(_ i: Int32, special: Bool = false) -> MarkValue {
        MarkValue(value: optionalInt(i), passed: isNull(i + 1) ? nil : bool(i + 1), special: special ? optionalString(i + 2) : nil) ?? .mark(0)
    }

    public func blob(_ i: Int32) -> [UInt8] {
        guard let p = sqlite3_column_blob(handle, i) else { return [] }
        let n = Int(sqlite3_column_bytes(handle, i))
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }

    /// A `YYYY-MM-DD` column; a malformed value is a storage error.
    public func date(_ i: Int32) throws -> CivilDate {
        let text = string(i)
        guard let d = CivilDate(iso: text) else {
            throw SQLiteError(code: 0, function: "Row.date", message: "не дата: «\(text)»")
        }
        return d
    }

    public func optionalDate(_ i: Int32) throws -> CivilDate? { isNull(i) ? nil : try date(i) }

    public func time(_ i: Int32) throws -> TimeOfDay {
        let text = string(i)
        guard let t = TimeOfDay(text) else {
            throw SQLiteError(code: 0, function: "Row.time", message: "не время: «\(text)»")
        }
        return t
    }
}
