internal import CSQLite

/// An error from SQLite, naming the C function that failed and SQLite's own message.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let function: String
    public let message: String

    public var description: String { "\(function): \(message) (код \(code))" }

    /// True for a constraint failure (UNIQUE, CHECK, FOREIGN KEY, NOT NULL).
    public var isConstraint: Bool { code & 0xff == SQLITE_CONSTRAINT }
    /// True when the disk (or the file system's quota) is full: nothing was written.
    public var isDiskFull: Bool { code & 0xff == SQLITE_FULL }
    /// True when a trigger of migration 14 refused a change to a closed academic year.
    public var isYearClosed: Bool { isConstraint && message == "year_closed" }
}

/// One SQLite connection with its own statement cache. Not thread-safe: the `Database`
/// hands each connection to one thread at a time.
public final class Connection: @unchecked Sendable {
    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]

    public enum Mode: Sendable { case readWrite, readOnly }

    /// Opens (or with `create`, creates) the file at `path`.
    public init(path: String, mode: Mode = .readWrite, create: Bool = false) throws {
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        if create { flags |= SQLITE_OPEN_CREATE }
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "не удалось открыть"
            sqlite3_close_v2(db)
            throw SQLiteError(code: rc, function: "sqlite3_open_v2", message: "\(path): \(message)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        try execute("PRAGMA busy_timeout = 5000")
        if mode == .readOnly {
            try execute("PRAGMA query_only = 1; PRAGMA cache_size = -8000; PRAGMA mmap_size = 268435456")
        }
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Throws unless `rc` is one of `ok` (SQLITE_OK by default).
    @discardableResult
    func check(_ rc: Int32, _ function: String, ok: Set<Int32> = [SQLITE_OK]) throws -> Int32 {
        if ok.contains(rc) { return rc }
        throw SQLiteError(code: rc, function: function, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Runs one or more statements that return no rows (schema, PRAGMAs).
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(error)
            throw SQLiteError(code: rc, function: "sqlite3_exec", message: message)
        }
    }

    /// A prepared statement for `sql`, from this connection's cache.
    public func statement(_ sql: String) throws -> Statement {
        if let s = cache[sql] { return s }
        let s = try Statement(connection: self, sql: sql)
        cache[sql] = s
        return s
    }

    /// Runs a statement that returns no rows; returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ values: (any SQLBindable)?...) throws -> Int {
        let s = try statement(sql)
        defer { s.reset() }
        try s.bind(values)
        while try s.step() {}
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and maps each row.
    public func query<T>(_ sql: String, _ values: (any SQLBindable)?..., row map: (Row) throws -> T) throws -> [T] {
        let s = try statement(sql)
        defer { s.reset() }
        try s.bind(values)
        var result: [T] = []
        while try s.step() { result.append(try map(Row(statement: s))) }
        return result
    }

    /// The first row of a query, or nil.
    public func first<T>(_ sql: String, _ values: (any SQLBindable)?..., row map: (Row) throws -> T) throws -> T? {
        let s = try statement(sql)
        defer { s.reset() }
        try s.bind(values)
        return try s.step() ? map(Row(statement: s)) : nil
    }

    /// Runs a statement that returns no rows with values gathered at run time.
    func run(_ sql: String, bindings: [(any SQLBindable)?]) throws {
        let s = try statement(sql)
        defer { s.reset() }
        try s.bind(bindings)
        while try s.step() {}
    }

    /// Calls `body` for each row of a query, without gathering them, until it returns false.
    func forEach(_ sql: String, _ values: (any SQLBindable)?..., row body: (Row) throws -> Bool) throws {
        let s = try statement(sql)
        defer { s.reset() }
        try s.bind(values)
        while try s.step() {
            if try !body(Row(statement: s)) { return }
        }
    }

    /// True outside any transaction (each statement commits on its own).
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// Rowid of the last insert on this connection.
    public var lastInsertID: Int { Int(sqlite3_last_insert_rowid(handle)) }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    /// (Prepared once per connection, like every other statement.)
    public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        try run(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let value = try body()
            try run("COMMIT")
            return value
        } catch {
            _ = try? run("ROLLBACK")
            throw error
        }
    }
}
