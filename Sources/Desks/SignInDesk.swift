import Domain
import Secrets
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// Checks a login and password and opens a session: Argon2id verification, per-account
/// back-off, the same answer for unknown and known logins.
///
/// - Important: hash only on slow routes: the server's worker pool runs them, and its size
///   caps the hashes at once (each holds 19 MiB for its whole run).
public final class SignInDesk: Sendable {
    public enum Outcome: Equatable {
        case signedIn(token: String, session: SessionRecord, account: AccountRecord)
        /// Wrong login or password: one answer for both.
        case refused
        case throttled(retryAfter: Int)
        /// The password was right but the account is locked.
        case locked
    }

    let database: Database
    /// Verified when the login is unknown, so that it costs the same time as a known one.
    private let decoy: String
    private let unknownFailures = FailureCounter()

    public init(database: Database) {
        self.database = database
        decoy = (try? PasswordHash.hash(Random.token())) ?? ""
    }

    public func attempt(login: String, password: String, address: String, via: AuditEntry.Via, now: Int) throws -> Outcome {
        let key = login.lowercased()
        guard let account = try database.read({ try $0.account(login: login) }) else {
            let retry = unknownFailures.retryAfter(key, now: now)
            if retry > 0 { return .throttled(retryAfter: retry) }
            _ = PasswordHash.verify(password, against: decoy)
            unknownFailures.fail(key, now: now)
            // Recording a failure must not fail the answer (a full disk): the refusal stands.
            _ = try? database.deskWrite { try $0.appendAudit(AuditEntry(at: now, via: via, action: .signInFailure, entity: "account",
                                                               newValue: String(login.prefix(64)), reason: "неизвестный логин", address: address)) }
            return .refused
        }
        let retry = max(SignInThrottle.retryAfter(failures: account.failedAttempts, lastFailureAt: account.lastFailedAt, now: now),
                        unknownFailures.retryAfter(key, now: now))
        if retry > 0 { return .throttled(retryAfter: retry) }
        var matched = false
        var viaSlip = false
        if let hash = account.passwordHash {
            matched = PasswordHash.verify(password, against: hash)
        } else {
            for slip in try database.read({ try $0.usableSlips(account: account.id, now: now) }) where PasswordHash.verify(password, against: slip.passwordHash) {
                matched = true
                viaSlip = true
                break
            }
            if !matched, try database.read({ try $0.usableSlips(account: account.id, now: now) }).isEmpty {
                _ = PasswordHash.verify(password, against: decoy)
            }
        }
        guard matched else {
            // A failure is counted in the file; when it cannot be written (a full disk), in
            // memory, and the refusal stands either way.
            do {
                try recordFailure(account, address: address, via: via, now: now)
            } catch {
                unknownFailures.fail(key, now: now)
            }
            return .refused
        }
        if account.lockedAt != nil {
            // Recording it must not fail the answer (a full disk): the refusal stands.
            _ = try? database.write { try $0.appendAudit(AuditEntry(at: now, account: account.id, via: via, action: .signInLocked,
                                                                    entity: "account", entityID: account.id, address: address)) }
            return .locked
        }
        let audit = AuditEntry(at: now, account: account.id, via: via, action: .signInSuccess, entity: "account", entityID: account.id,
                               reason: viaSlip ? "временный пароль" : "", address: address)
        let new = NewSession(account: account.id, mustChange: viaSlip || account.mustChangePassword, now: now)
        do {
            let session = try database.write { c in
                try c.recordSuccessfulSignIn(account: account.id)
                let session = try new.open(c, address: address)
                var audit = audit
                audit.session = session.id
                try c.appendAudit(audit)
                return session
            }
            return .signedIn(token: new.token, session: session, account: account)
        } catch let error as SQLiteError where error.isDiskFull {
            // A full disk does not keep a right password out: the session is held in memory
            // until a commit goes through (the failures' reset waits for the next sign-in; the
            // throttle only stays stricter meanwhile).
            let session = try database.holdSession(tokenHash: Digest.blake2b(new.token), account: account.id, kiosk: nil,
                                                   csrfToken: new.csrf, address: address, mustChangePassword: new.mustChange,
                                                   at: now, expiresAt: new.expires, audit: audit)
            return .signedIn(token: new.token, session: session, account: account)
        }
    }

    /// Counts a wrong password (locking the account at `SignInThrottle.lockAfter`), audited.
    private func recordFailure(_ account: AccountRecord, address: String, via: AuditEntry.Via, now: Int) throws {
        try database.deskWrite { c in
            let failures = try c.recordFailedSignIn(account: account.id, at: now)
            try c.appendAudit(AuditEntry(at: now, account: account.id, via: via, action: .signInFailure, entity: "account",
                                         entityID: account.id, reason: "неверный пароль (\(failures) подряд)", address: address))
            if failures >= SignInThrottle.lockAfter, account.lockedAt == nil {
                try c.lockAccount(account.id, reason: "\(failures) неудачных попыток входа подряд", at: now)
                try c.appendAudit(AuditEntry(at: now, account: account.id, via: .system, action: .accountLock, entity: "account",
                                             entityID: account.id, reason: "\(failures) неудачных попыток входа подряд", address: address))
            }
        }
    }

    /// A new session's fresh random token (only its hash is stored) and its CSRF token.
    struct NewSession {
        let token = Random.token(bytes: 32)
        let csrf = Random.token(bytes: 24)
        let account: Int
        let mustChange: Bool
        let now: Int
        var expires: Int { now + SessionRules.absoluteSeconds }

        /// Writes the session's row.
        func open(_ c: Connection, address: String) throws -> SessionRecord {
            let id = try c.createSession(tokenHash: Digest.blake2b(token), account: account, kiosk: nil, csrfToken: csrf, address: address,
                                         mustChangePassword: mustChange, at: now, expiresAt: expires)
            return SessionRecord(id: id, accountID: account, kiosk: false, csrfToken: csrf, createdAt: now, lastSeenAt: now,
                                 expiresAt: expires, mustChangePassword: mustChange)
        }
    }
}

extension SignInDesk {
    /// Sets a new password after checking the current one (the person's own, or the
    /// temporary one from a slip). Every session of the account ends; a new one is returned.
    /// - Throws: `DeskError.credentials` for `current` (`wrong_current_password`) or `new` (`weak_password`).
    public func changePassword(actor: Actor, session: SessionRecord, current: String, new: String, address: String,
                        via: AuditEntry.Via, now: Int) throws -> (token: String, session: SessionRecord) {
        guard let account = try database.read({ try $0.account(id: actor.accountID) }),
              let person = try database.read({ try $0.personSummary(actor.personID, year: -1) }) else { throw DeskError.forbidden }
        let hashes = try account.passwordHash.map { [$0] } ?? database.read { try $0.usableSlips(account: account.id, now: now).map(\.passwordHash) }
        guard hashes.contains(where: { PasswordHash.verify(current, against: $0) }) else {
            throw DeskError.credentials("Текущий пароль указан неверно.", field: "current", code: "wrong_current_password")
        }
        if let problem = PasswordPolicy.problem(with: new, login: account.login,
                                                names: [person.card.lastName, person.card.firstName, person.card.middleName]) {
            throw DeskError.credentials(problem, field: "new", code: "weak_password")
        }
        let hash = try PasswordHash.hash(new)
        return try database.deskWrite { c in
            try c.setPassword(account: account.id, hash: hash, at: now)
            try c.endSessions(account: account.id, at: now)
            let new = NewSession(account: account.id, mustChange: false, now: now)
            let fresh = try new.open(c, address: address)
            try c.appendAudit(AuditEntry(at: now, account: account.id, session: session.id, via: via, action: .passwordChange,
                                         entity: "account", entityID: account.id, address: address))
            return (new.token, fresh)
        }
    }
}
