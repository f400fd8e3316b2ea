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

/// Applies migrations newer than the file's `user_version`, each in its own transaction.
struct Migrator {
    let migrations: [Migration]

    func apply(to connection: Connection, from version: Int) throws {
        for migration in migrations.sorted(by: { $0.version < $1.version }) where migration.version > version {
            try connection.transaction {
                try connection.execute(migration.sql)
                try migration.then?(connection)
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
