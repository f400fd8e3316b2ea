import Domain

/// Registered kiosk screens and the codes printed for them.
extension Connection {
    public func registerKiosk(name: String, pairingCodeHash: [UInt8], at now: Int) throws -> Int {
        try run("""
            INSERT INTO kiosk (name, pairing_code_hash, registered_at) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET pairing_code_hash = excluded.pairing_code_hash, device_token_hash = NULL,
                registered_at = excluded.registered_at, paired_at = NULL, revoked_at = NULL
            """, name, pairingCodeHash, now)
        return try first("SELECT id FROM kiosk WHERE name = ?", name) { $0.int(0) } ?? lastInsertID
    }

    /// Pairs the browser holding the one-time code: its device token replaces the code.
    public func pairKiosk(codeHash: [UInt8], deviceTokenHash: [UInt8], at now: Int) throws -> (id: Int, name: String)? {
        guard let kiosk = try first("SELECT id, name FROM kiosk WHERE pairing_code_hash = ? AND revoked_at IS NULL", codeHash, row: { ($0.int(0), $0.string(1)) })
        else { return nil }
        try run("UPDATE kiosk SET pairing_code_hash = NULL, device_token_hash = ?, paired_at = ? WHERE id = ?", deviceTokenHash, now, kiosk.0)
        return kiosk
    }

    /// The registered kiosk a device cookie belongs to.
    public func kiosk(deviceTokenHash: [UInt8]) throws -> (id: Int, name: String)? {
        try first("SELECT id, name FROM kiosk WHERE device_token_hash = ? AND revoked_at IS NULL", deviceTokenHash) { ($0.int(0), $0.string(1)) }
    }

    /// The account whose current slip carries this kiosk code (voided slips sign in to nothing).
    public func accountForKioskCode(hash: [UInt8]) throws -> AccountRecord? {
        guard let id = try first("SELECT account_id FROM login_slip WHERE kiosk_code_hash = ? AND voided_at IS NULL", hash, row: { $0.int(0) })
        else { return nil }
        return try account(id: id)
    }

    public func createKioskSession(tokenHash: [UInt8], account: Int, kiosk: Int, csrfToken: String, address: String, at now: Int, expiresAt: Int) throws -> Int {
        try run("""
            INSERT INTO session (token_hash, account_id, kind, kiosk_id, csrf_token, address, created_at, last_seen_at, expires_at)
            VALUES (?, ?, 'kiosk', ?, ?, ?, ?, ?, ?)
            """, tokenHash, account, kiosk, csrfToken, address, now, now, expiresAt)
        return lastInsertID
    }
}
