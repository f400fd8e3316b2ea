internal import CSQLite
import Domain
import Secrets
#if canImport(Glibc)
import Glibc
#endif

/// The audit trail's hash chain: each row's `hash` is BLAKE2b-256 over the previous row's hash
/// (32 zero bytes before the first row) followed by the row's own columns, encoded as stored.
/// `audit_head` holds the id and hash of the last row the application appended.
///
/// What a walk detects: a row changed (a value, or its type), put in, or removed — the last
/// one too — by someone who does not also recompute the hashes after it and `audit_head` (the
/// sqlite3 shell after dropping the triggers). What it cannot detect on its own, since every
/// byte it checks is in the same file: someone who recomputes the hashes from the changed row
/// on with this algorithm, or removes the last rows and sets the head back to the row before
/// them. The start-up walk still notices that when it touches the row it last verified; beyond
/// that, compare the head `tabel audit verify` prints and the server logs at every start with
/// one recorded earlier, outside the file.
public enum AuditChain {
    /// A hashed column: its name in `audit`, the storage class the application writes into
    /// it, and the value `appendAudit` writes there (nil for `id`, which the append assigns).
    struct Column: Sendable {
        let name: String
        let storage: Storage
        let value: (@Sendable (AuditEntry) -> SQLValue)?
        let nameBytes: [UInt8]

        enum Storage: Sendable { case integer, text }

        init(_ name: String, _ storage: Storage, _ value: (@Sendable (AuditEntry) -> SQLValue)?) {
            self.name = name
            self.storage = storage
            self.value = value
            self.nameBytes = Array(name.utf8)
        }
    }

    /// The columns of `audit` each row's hash covers, in this order — every column but `hash` —
    /// with what an `AuditEntry` puts in each. The hash is over the stored values, never over
    /// `AuditEntry`: changing how a field becomes a column value is free as long as the stored
    /// values of existing rows stay as they are.
    ///
    /// - Important: append only. A column added to `audit` goes at the end of this list, in the
    ///   same change as its migration: rows that hold NULL in it keep their hash, because NULL
    ///   columns are left out of the encoding (so the new column takes no DEFAULT). Renaming, reordering or removing an entry, or
    ///   rewriting stored values (say, old values into another format), breaks every stored hash.
    static let columns: [Column] = [
        Column("id", .integer, nil),
        Column("at", .integer) { .integer($0.at) },
        Column("account_id", .integer) { .integer($0.account) },
        Column("session_id", .integer) { .integer($0.session) },
        Column("via", .text) { .text($0.via.rawValue) },
        Column("action", .text) { .text($0.action.rawValue) },
        Column("entity", .text) { .text($0.entity) },
        Column("entity_id", .integer) { .integer($0.entityID) },
        Column("old_value", .text) { .text($0.oldValue) },
        Column("new_value", .text) { .text($0.newValue) },
        Column("reason", .text) { .text($0.reason) },
        Column("address", .text) { .text($0.address) },
        Column("lesson_id", .integer) { .integer($0.lesson) },
        Column("student_id", .integer) { .integer($0.student) },
        Column("class_id", .integer) { .integer($0.schoolClass) },
        Column("old_data", .text) { .text($0.oldData?.encoded) },
        Column("new_data", .text) { .text($0.newData?.encoded) },
    ]

    /// The names of the hashed columns, in order.
    public static var hashedColumns: [String] { columns.map(\.name) }

    /// The hash the first row chains to.
    static let genesis = [UInt8](repeating: 0, count: 32)

    static let columnList = columns.map(\.name).joined(separator: ", ")
    static let insert = "INSERT INTO audit (\(columnList), hash) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")), ?)"
    static let rowsAfter = "SELECT \(columnList), hash FROM audit WHERE id > ? ORDER BY id"
    static let batchAfter = "SELECT \(columnList) FROM audit WHERE id > ? ORDER BY id LIMIT 10000"

    /// The bytes hashed for one row: the previous hash, then for each non-NULL column its name,
    /// a type tag and its value — lengths as 4-byte big-endian prefixes, integers and reals as
    /// 8 big-endian bytes. Each part is length-prefixed or fixed-size, so no two rows share an encoding.
    struct Encoder {
        var bytes: [UInt8]

        init(previous: [UInt8]) {
            bytes = []
            bytes.reserveCapacity(512)
            bytes += previous
        }

        /// Starts the next row after `previous`, keeping the buffer.
        mutating func restart(previous: [UInt8]) {
            bytes.removeAll(keepingCapacity: true)
            bytes += previous
        }

        private mutating func length(_ n: Int) {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: n).bigEndian) { bytes.append(contentsOf: $0) }
        }

        private mutating func field(_ column: Column, tag: UInt8) {
            length(column.nameBytes.count)
            bytes.append(contentsOf: column.nameBytes)
            bytes.append(tag)
        }

        mutating func integer(_ column: Column, _ value: Int64) {
            field(column, tag: UInt8(ascii: "i"))
            withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func real(_ column: Column, _ value: Double) {
            field(column, tag: UInt8(ascii: "r"))
            withUnsafeBytes(of: value.bitPattern.bigEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func text(_ column: Column, _ value: UnsafeRawBufferPointer) {
            field(column, tag: UInt8(ascii: "t"))
            length(value.count)
            bytes.append(contentsOf: value)
        }

        mutating func blob(_ column: Column, _ value: UnsafeRawBufferPointer) {
            field(column, tag: UInt8(ascii: "b"))
            length(value.count)
            bytes.append(contentsOf: value)
        }

        /// A value about to be bound.
        mutating func value(_ column: Column, _ value: SQLValue) {
            switch value {
            case .null: break
            case let .integer(v): integer(column, Int64(v))
            case let .real(v): real(column, v)
            case var .text(v): v.withUTF8 { text(column, UnsafeRawBufferPointer($0)) }
            case let .blob(v): v.withUnsafeBytes { blob(column, $0) }
            }
        }

        /// Column `i` of a row as SQLite stored it.
        mutating func stored(_ column: Column, _ row: Row, _ i: Int32) {
            let h = row.statement.handle
            switch sqlite3_column_type(h, i) {
            case SQLITE_INTEGER: integer(column, sqlite3_column_int64(h, i))
            case SQLITE_FLOAT: real(column, sqlite3_column_double(h, i))
            case SQLITE_TEXT:
                let p = sqlite3_column_text(h, i)
                text(column, UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(h, i))))
            case SQLITE_BLOB:
                let p = sqlite3_column_blob(h, i)
                blob(column, UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(h, i))))
            default: break  // NULL
            }
        }

        var hash: [UInt8] { Digest.blake2b(bytes: bytes) }
    }

    /// The hash of the row `row` (its first columns in `columns` order) after `previous`;
    /// `encoder` is a buffer kept from row to row.
    static func hash(of row: Row, after previous: [UInt8], using encoder: inout Encoder) -> [UInt8] {
        encoder.restart(previous: previous)
        for i in columns.indices { encoder.stored(columns[i], row, Int32(i)) }
        return encoder.hash
    }
}

extension Row {
    /// True when column `i` is a BLOB of exactly `bytes` (compared in place).
    func hasBlob(_ i: Int32, equalTo bytes: [UInt8]) -> Bool {
        let h = statement.handle
        guard sqlite3_column_type(h, i) == SQLITE_BLOB, Int(sqlite3_column_bytes(h, i)) == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        guard let p = sqlite3_column_blob(h, i) else { return false }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress!, p, bytes.count) == 0 }
    }
}

/// A value bound to one hashed column, as SQLite will store it.
enum SQLValue: SQLBindable {
    case null, integer(Int), real(Double), text(String), blob([UInt8])

    static func integer(_ value: Int?) -> SQLValue { value.map { .integer($0) } ?? .null }
    static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }

    func bind(to s: Statement, at i: Int32) throws {
        switch self {
        case .null: try s.bindNull(at: i)
        case let .integer(v): try s.bind(v, at: i)
        case let .real(v): try s.bind(v, at: i)
        case let .text(v): try s.bind(v, at: i)
        case let .blob(v): try s.bind(v, at: i)
        }
    }

    /// True when SQLite stores this value unchanged in a column of `storage` (INTEGER and TEXT
    /// affinity keep integers and text as they are), so the hash over the bound value is the
    /// hash over the stored one.
    func fits(_ storage: AuditChain.Column.Storage) -> Bool {
        switch (self, storage) {
        case (.null, _), (.integer, .integer), (.text, .text): true
        default: false
        }
    }
}

/// A point of the chain: an audit row's id and its hash (id 0: before the first row).
public struct AuditChainPoint: Sendable, Equatable {
    public let id: Int
    public let hash: [UInt8]

    public init(id: Int, hash: [UInt8]) {
        self.id = id
        self.hash = hash
    }

    /// The hash as 64 hexadecimal digits.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: hash.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }
}

/// What a walk of the audit chain found.
public struct AuditChainCheck: Sendable {
    /// The rows whose hash the walk checked and found sound.
    public let checked: Int
    /// The last sound row (where the walk started when it found none).
    public let last: AuditChainPoint
    /// The first place the chain breaks; nil when it holds.
    public let breach: AuditBreach?
}

/// The first broken place in the audit chain.
public struct AuditBreach: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The row's hash does not follow from the previous row's hash and its columns: it was
        /// changed, or put in, behind the application's back.
        case changed
        /// The rows `from...to` before this one are gone.
        case removedBefore(from: Int, to: Int)
        /// The last rows `from...to` (as far as `audit_head`) are gone; `id` is the last row left.
        case removedAtEnd(from: Int, to: Int)
        /// The row comes after the last one the application appended.
        case added
        /// The row where the previous start-up walk stopped is gone or has another hash.
        case verifiedPointChanged
        /// `audit_head` is gone.
        case headMissing
    }

    public let kind: Kind
    /// The row the walk stopped at (0 when there is none).
    public let id: Int
    /// When that row says it was written, and its action, when the row is there.
    public let at: Int?
    public let action: String?

    /// `№ 7 (2026-11-23 10:05, mark.change)`.
    public var entry: String {
        let when = at.map { SchoolDateTime(unixSeconds: $0, offsetMinutes: SchoolClock.systemUTCOffsetMinutes).description }
        let details = [when, action].compactMap { $0 }
        return "№ \(id)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }

    public var description: String {
        func ids(_ from: Int, _ to: Int) -> String { from == to ? "запись № \(from)" : "записи № \(from)–\(to)" }
        return switch kind {
        case .changed:
            "запись \(entry) изменена или вставлена в обход Tabel: её хэш не сходится с цепочкой"
        case let .removedBefore(from, to):
            "удалена \(ids(from, to)) (цепочка прерывается перед записью \(entry))"
        case let .removedAtEnd(from, to):
            "удалена последняя \(ids(from, to)) (" + (id == 0 ? "записей не осталось)" : "цепочка кончается записью № \(id))")
        case .added:
            "запись \(entry) добавлена в обход Tabel после последней записи, которую добавила программа"
        case .verifiedPointChanged:
            "запись \(entry), на которой остановилась прошлая проверка, удалена или её хэш заменён"
        case .headMissing:
            "нет головы цепочки (таблица audit_head пуста)"
        }
    }
}

extension Connection {
    /// Appends one audit row with its hash, and moves the head.
    ///
    /// - Important: the previous hash is read in the same transaction as the insert (the
    ///   writer's group commit gives each write a savepoint; a rolled-back savepoint takes its
    ///   row and the head's move with it, so no gap is left). Called outside a transaction, it
    ///   opens one.
    func appendChainedAudit(_ entry: AuditEntry) throws {
        if isAutocommit { return try transaction { try appendChainedAudit(entry) } }
        // One read: the head (the row is always there: migration 6 writes it, a trigger keeps it)
        // and the largest id, so a row put in behind the application's back takes no id from
        // the next append — the walk reports it instead.
        let read = try first("SELECT last_id, hash, (SELECT max(id) FROM audit) FROM audit_head WHERE id = 1") {
            (head: AuditChainPoint(id: $0.int(0), hash: $0.blob(1)), maxID: $0.int(2))
        }
        let head = read?.head ?? AuditChainPoint(id: 0, hash: AuditChain.genesis)
        let id = max(read?.maxID ?? 0, head.id) + 1
        var encoder = AuditChain.Encoder(previous: head.hash)
        var bindings: [(any SQLBindable)?] = []
        bindings.reserveCapacity(AuditChain.columns.count + 1)
        for column in AuditChain.columns {
            let value = column.value?(entry) ?? .integer(id)
            guard value.fits(column.storage) else {
                throw SQLiteError(code: 0, function: "appendAudit", message: "\(column.name): \(value) не для столбца \(column.storage)")
            }
            encoder.value(column, value)
            bindings.append(value)
        }
        let hash = encoder.hash
        bindings.append(hash)
        try run(AuditChain.insert, bindings: bindings)
        if try run("UPDATE audit_head SET last_id = ?, hash = ? WHERE id = 1", id, hash) == 0 {
            try run("INSERT INTO audit_head (id, last_id, hash) VALUES (1, ?, ?)", id, hash)
        }
    }

    /// Walks the chain from `start` (from the first row when nil) to the head.
    func walkAuditChain(from start: AuditChainPoint?) throws -> AuditChainCheck {
        let start = start ?? AuditChainPoint(id: 0, hash: AuditChain.genesis)
        func breach(_ kind: AuditBreach.Kind, at id: Int) throws -> AuditBreach {
            let row = try first("SELECT at, action FROM audit WHERE id = ?", id) { ($0.optionalInt(0), $0.optionalString(1)) }
            return AuditBreach(kind: kind, id: id, at: row?.0, action: row?.1)
        }
        if start.id > 0, try first("SELECT hash FROM audit WHERE id = ?", start.id, row: { $0.blob(0) }) != start.hash {
            return AuditChainCheck(checked: 0, last: start, breach: try breach(.verifiedPointChanged, at: start.id))
        }
        var previous = start
        var checked = 0
        var broken: (kind: AuditBreach.Kind, id: Int)?
        var encoder = AuditChain.Encoder(previous: [])
        let hashColumn = Int32(AuditChain.columns.count)
        try forEach(AuditChain.rowsAfter, start.id) { row in
            let id = row.int(0)
            let hash = AuditChain.hash(of: row, after: previous.hash, using: &encoder)
            guard row.hasBlob(hashColumn, equalTo: hash) else {
                broken = id > previous.id + 1 ? (.removedBefore(from: previous.id + 1, to: id - 1), id) : (.changed, id)
                return false
            }
            previous = AuditChainPoint(id: id, hash: hash)
            checked += 1
            return true
        }
        if let broken {
            return AuditChainCheck(checked: checked, last: previous, breach: try breach(broken.kind, at: broken.id))
        }
        guard let head = try first("SELECT last_id, hash FROM audit_head WHERE id = 1", row: { AuditChainPoint(id: $0.int(0), hash: $0.blob(1)) }) else {
            return AuditChainCheck(checked: checked, last: previous, breach: AuditBreach(kind: .headMissing, id: 0, at: nil, action: nil))
        }
        if previous.id < head.id {
            let gone = AuditBreach.Kind.removedAtEnd(from: previous.id + 1, to: head.id)
            return AuditChainCheck(checked: checked, last: previous, breach: try breach(gone, at: previous.id))
        }
        if previous.id > head.id {
            // Rows past the head chain correctly: they were put in with the hashes recomputed.
            let first = try first("SELECT id FROM audit WHERE id > ? ORDER BY id LIMIT 1", head.id) { $0.int(0) } ?? previous.id
            return AuditChainCheck(checked: checked, last: previous, breach: try breach(.added, at: first))
        }
        if previous.hash != head.hash {
            return AuditChainCheck(checked: checked, last: previous, breach: try breach(.changed, at: previous.id))
        }
        return AuditChainCheck(checked: checked, last: previous, breach: nil)
    }

    /// Migration 6: hashes the rows already in `audit`, in id order, and sets the head and the
    /// verified point to the last one.
    func chainExistingAuditRows() throws {
        var previous = AuditChainPoint(id: 0, hash: AuditChain.genesis)
        var encoder = AuditChain.Encoder(previous: [])
        while true {
            var batch: [AuditChainPoint] = []
            try forEach(AuditChain.batchAfter, previous.id) { row in
                previous = AuditChainPoint(id: row.int(0), hash: AuditChain.hash(of: row, after: previous.hash, using: &encoder))
                batch.append(previous)
                return true
            }
            if batch.isEmpty { break }
            for point in batch { try run("UPDATE audit SET hash = ? WHERE id = ?", point.hash, point.id) }
        }
        try run("INSERT INTO audit_head (id, last_id, hash) VALUES (1, ?, ?)", previous.id, previous.hash)
        try run("INSERT INTO audit_verified (id, last_id, hash) VALUES (1, ?, ?)", previous.id, previous.hash)
    }
}

extension Database {
    /// Walks the whole audit chain in one read snapshot (`tabel audit verify`).
    public func verifyAuditTrail() throws -> AuditChainCheck {
        try read { try $0.walkAuditChain(from: nil) }
    }

    /// Walks the rows appended since the last sound walk (the server's start-up), and moves
    /// the verified point to where it got when the chain holds.
    ///
    /// The walk reads a snapshot and takes no lock, so writers (another process, or the server
    /// already answering) go on meanwhile; only moving the point is a write.
    ///
    /// - Important: it checks that the last verified row still has its hash, but not what
    ///   changed before it: that is `verifyAuditTrail`'s job.
    public func verifyNewAuditEntries() throws -> AuditChainCheck {
        let (start, check) = try read { c in
            let start = try c.first("SELECT last_id, hash FROM audit_verified WHERE id = 1") { AuditChainPoint(id: $0.int(0), hash: $0.blob(1)) }
            return (start, try c.walkAuditChain(from: start))
        }
        if check.breach == nil, check.last != start {
            try write { c in
                try c.run("""
                    INSERT INTO audit_verified (id, last_id, hash) VALUES (1, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, hash = excluded.hash
                    WHERE excluded.last_id > audit_verified.last_id
                    """, check.last.id, check.last.hash)
            }
        }
        return check
    }
}
