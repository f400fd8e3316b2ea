/// One numbered step of the schema. Released migrations are never edited; a change is a new one.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Applies migrations newer than the file's `user_version`, each in its own transaction.
struct Migrator {
    let migrations: [Migration]

    func apply(to connection: Connection, from version: Int) throws {
        for migration in migrations.sorted(by: { $0.version < $1.version }) where migration.version > version {
            try connection.transaction {
                try connection.execute(migration.sql)
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
