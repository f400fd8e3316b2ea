/// One numbered step of the schema. Released migrations are never edited; a change is a new one.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String
    /// Work SQL alone cannot do (hashing rows), run after `sql` in the same transaction.
    let then: (@Sendable (Connection) throws -> Void)?

    public init(version: Int, name: String, sql: String) {
        self.init(version: version, name: name, sql: sql, then: nil)
    }

    init(version: Int, name: String, sql: String, then: (@Sendable (Connection) throws -> Void)?) {
        self.version = version
        self.name = name
        self.sql = sql
        self.then = then
    }
}

/// Applies migrations newer than the file's `user_version`, all in one transaction: one that
/// fails rolls back every step before it too, and the file stays at its old version.
struct Migrator {
    let migrations: [Migration]

    func apply(to connection: Connection, from version: Int) throws {
        let pending = migrations.sorted(by: { $0.version < $1.version }).filter { $0.version > version }
        guard !pending.isEmpty else { return }
        try connection.transaction {
            for migration in pending {
                try connection.execute(migration.sql)
                try migration.then?(connection)
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
