extension Schema {
    /// Migration 6: a tamper-evident audit trail. Each row gets a BLAKE2b hash over the previous
    /// row's hash and its own columns (`AuditChain`); `audit_head` holds the last row appended
    /// and its hash, so a removed last row shows too; `audit_verified` remembers how far the
    /// server's start-up walk got. The rows already there are chained in id order.
    static let auditChain = """
    ALTER TABLE audit ADD COLUMN hash BLOB;

    -- The newest row appended and its hash, moved by every append in the same transaction.
    CREATE TABLE audit_head (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        hash    BLOB NOT NULL
    );
    CREATE TRIGGER audit_head_kept BEFORE DELETE ON audit_head
        BEGIN SELECT RAISE(ABORT, 'audit head is kept'); END;

    -- How far the start-up walk found the chain sound: the next start walks only the rows after it.
    CREATE TABLE audit_verified (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        last_id INTEGER NOT NULL,
        hash    BLOB NOT NULL
    );

    -- The rows already there get their hash once (chainAuditRows), then UPDATE is refused again.
    DROP TRIGGER audit_append_only_update;
    """

    /// Chains the rows already in `audit`, sets the head and the verified point, and restores
    /// the trigger that refuses UPDATE.
    static let chainAuditRows: @Sendable (Connection) throws -> Void = { c in
        try c.chainExistingAuditRows()
        try c.execute("""
            CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END;
            """)
    }
}
