import Domain
import Sync

/// Sessions opened while their row could not be written (a full disk): `Database` keeps them
/// here, finds them as it finds written ones, and the first commit that goes through writes
/// them (with their sign-ins' audit rows) into the `session` table, then forgets them.
///
/// - Important: memory only. A restart after space returned loses nothing (the first commit
///   wrote them); a restart while the disk is still full signs these people out.
struct HeldSessions {
    struct Session {
        let id: Int
        let tokenHash: [UInt8]
        let account: Int
        let kiosk: Int?
        let csrfToken: String
        let address: String
        let createdAt: Int
        var lastSeenAt: Int
        let expiresAt: Int
        let mustChangePassword: Bool
        /// Ended (signed out) while held: never found again, written as ended.
        var endedAt: Int?
        /// The sign-in's audit row, written after the session's own row.
        let audit: AuditEntry
        /// The account's `revocationMark` when the session opened.
        let mark: String

        func record(language: Language) -> SessionRecord {
            SessionRecord(id: id, accountID: account, kiosk: kiosk != nil, kioskID: kiosk, csrfToken: csrfToken, createdAt: createdAt,
                          lastSeenAt: lastSeenAt, expiresAt: expiresAt, mustChangePassword: mustChangePassword, language: language)
        }
    }

    var sessions: [Session] = []
    /// The highest id given to a held session: ids are never given twice, ended or not.
    var lastID = 0

    /// Applies `change` to the held session `id`; false when it is not held.
    mutating func update(_ id: Int, _ change: (inout Session) -> Void) -> Bool {
        guard let i = sessions.firstIndex(where: { $0.id == id }) else { return false }
        change(&sessions[i])
        return true
    }
}

extension Database {
    /// Keeps a new session in memory when its row cannot be written (a full disk); it gets
    /// the id it will be written with. The sign-in's `audit` row is queued with it.
    public func holdSession(tokenHash: [UInt8], account: Int, kiosk: Int?, csrfToken: String, address: String,
                            mustChangePassword: Bool, at now: Int, expiresAt: Int, audit: AuditEntry) throws -> SessionRecord {
        // Under the writer's lock: no commit can take the id meanwhile.
        try withWriter { c in
            let last = try c.lastSessionID()
            let language = try c.language(account: account)
            let mark = try c.revocationMark(account: account)
            return held.withLock { h in
                h.lastID = max(h.lastID, last) + 1
                var audit = audit
                audit.session = h.lastID
                let session = HeldSessions.Session(id: h.lastID, tokenHash: tokenHash, account: account, kiosk: kiosk, csrfToken: csrfToken,
                                                   address: address, createdAt: now, lastSeenAt: now, expiresAt: expiresAt,
                                                   mustChangePassword: mustChangePassword, audit: audit, mark: mark)
                h.sessions.append(session)
                return session.record(language: language)
            }
        }
    }

    /// The session of a token that has not been ended, written or held, read with `c`. A held
    /// one is ended too when its account's sessions were ended since it opened (a lock, a new
    /// password or slip written by another process, the console).
    public func session(tokenHash: [UInt8], _ c: Connection) throws -> SessionRecord? {
        guard let h = held.withLock({ $0.sessions.first { $0.tokenHash == tokenHash } }) else {
            return try c.session(tokenHash: tokenHash)
        }
        guard h.endedAt == nil, try c.revocationMark(account: h.account) == h.mark else { return nil }
        return h.record(language: try c.language(account: h.account))
    }

    /// Notes that a session was seen: a held one in memory; a written one in the file, unless
    /// that cannot be written (a full disk costs the session a little idle time, not the request).
    public func touchSession(_ id: Int, at now: Int) {
        _ = held.withLock { $0.update(id) { $0.lastSeenAt = now } }
        _ = try? write { try $0.touchSession(id, at: now) }
    }

    /// Ends a session (a sign-out): a held one at once in memory (written later as ended), a
    /// written one in the file. Ending all of an account's sessions needs no twin: the commit
    /// that ends them writes the held ones first.
    public func endSession(_ id: Int, at now: Int) throws {
        // Under the writer's lock: a held session is either still held or written, not half-way.
        let ended = try withWriter { _ in held.withLock { $0.update(id) { $0.endedAt = $0.endedAt ?? now } } }
        if !ended { try write { try $0.endSession(id, at: now) } }
    }

    /// In the commit's open transaction, first: writes the held sessions (as ended when their
    /// account's sessions were ended meanwhile) and their audit rows; their ids, to forget once
    /// the commit went through. A failure fails the commit, as a full disk does.
    func writeHeldSessions(_ c: Connection) throws -> [Int] {
        let sessions = held.withLock { $0.sessions }
        for var s in sessions {
            if s.endedAt == nil, try c.revocationMark(account: s.account) != s.mark { s.endedAt = s.lastSeenAt }
            try c.insertHeldSession(s)
            try c.appendAudit(s.audit)
        }
        return sessions.map(\.id)
    }

    /// Forgets the held sessions a commit wrote.
    func forgetHeldSessions(_ ids: [Int]) {
        guard !ids.isEmpty else { return }
        held.withLock { h in h.sessions.removeAll { ids.contains($0.id) } }
    }

    /// True while sessions wait in memory for a commit.
    var holdsSessions: Bool { held.withLock { !$0.sessions.isEmpty } }
}
