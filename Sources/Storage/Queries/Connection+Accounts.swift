import Domain

extension Connection {
    public func account(login: String) throws -> AccountRecord? {
        try first("""
            SELECT id, person_id, login, password_hash, must_change_password, failed_attempts, last_failed_at, locked_at
            FROM account WHERE login = ?
            """, login, row: Self.accountRecord)
    }

    public func account(id: Int) throws -> AccountRecord? {
        try first("""
            SELECT id, person_id, login, password_hash, must_change_password, failed_attempts, last_failed_at, locked_at
            FROM account WHERE id = ?
            """, id, row: Self.accountRecord)
    }

    public func account(person: Int) throws -> AccountRecord? {
        try first("""
            SELECT id, person_id, login, password_hash, must_change_password, failed_attempts, last_failed_at, locked_at
            FROM account WHERE person_id = ?
            """, person, row: Self.accountRecord)
    }

    static func accountRecord(_ r: Row) -> AccountRecord {
        AccountRecord(id: r.int(0), personID: r.int(1), login: r.string(2), passwordHash: r.optionalString(3),
                      mustChangePassword: r.bool(4), failedAttempts: r.int(5), lastFailedAt: r.optionalInt(6),
                      lockedAt: r.optionalInt(7))
    }

    /// Slips of the account that may still sign in (not voided, used or expired), newest first.
    public func usableSlips(account: Int, now: Int) throws -> [SlipRecord] {
        try query("""
            SELECT id, password_hash, expires_at FROM login_slip
            WHERE account_id = ? AND voided_at IS NULL AND used_at IS NULL AND expires_at > ?
            ORDER BY id DESC
            """, account, now) { SlipRecord(id: $0.int(0), passwordHash: $0.string(1), expiresAt: $0.int(2)) }
    }

    public func recordFailedSignIn(account: Int, at now: Int) throws -> Int {
        try run("UPDATE account SET failed_attempts = failed_attempts + 1, last_failed_at = ? WHERE id = ?", now, account)
        return try first("SELECT failed_attempts FROM account WHERE id = ?", account) { $0.int(0) } ?? 0
    }

    public func recordSuccessfulSignIn(account: Int) throws {
        try run("UPDATE account SET failed_attempts = 0, last_failed_at = NULL WHERE id = ? AND failed_attempts <> 0", account)
    }

    public func lockAccount(_ account: Int, reason: String, at now: Int) throws {
        try run("UPDATE account SET locked_at = ?, locked_reason = ? WHERE id = ?", now, reason, account)
        try endSessions(account: account, at: now)
    }

    public func unlockAccount(_ account: Int) throws {
        try run("UPDATE account SET locked_at = NULL, locked_reason = '', failed_attempts = 0, last_failed_at = NULL WHERE id = ?", account)
    }

    /// Sets the person's own password; every slip of the account stops working.
    public func setPassword(account: Int, hash: String, at now: Int) throws {
        try run("UPDATE account SET password_hash = ?, must_change_password = 0, password_changed_at = ? WHERE id = ?", hash, now, account)
        try run("UPDATE login_slip SET used_at = coalesce(used_at, ?) WHERE account_id = ? AND voided_at IS NULL", now, account)
    }

    /// A new slip: earlier slips are voided, the old password stops working, sessions end.
    public func issueSlip(account: Int, passwordHash: String, kioskCodeHash: [UInt8], issuedBy: Int?, at now: Int, expiresAt: Int) throws -> Int {
        try run("UPDATE login_slip SET voided_at = ? WHERE account_id = ? AND voided_at IS NULL", now, account)
        try run("UPDATE account SET password_hash = NULL, must_change_password = 1 WHERE id = ?", account)
        try endSessions(account: account, at: now)
        try run("""
            INSERT INTO login_slip (account_id, password_hash, kiosk_code_hash, issued_by, issued_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, account, passwordHash, kioskCodeHash, issuedBy, now, expiresAt)
        return lastInsertID
    }

    public func voidSlips(account: Int, at now: Int) throws {
        try run("UPDATE login_slip SET voided_at = ? WHERE account_id = ? AND voided_at IS NULL", now, account)
    }

    // MARK: Sessions

    public func createSession(tokenHash: [UInt8], account: Int, kiosk: Int?, csrfToken: String, address: String,
                              mustChangePassword: Bool, at now: Int, expiresAt: Int) throws -> Int {
        try run("""
            INSERT INTO session (token_hash, account_id, kind, kiosk_id, csrf_token, address, created_at, last_seen_at, expires_at, must_change_password)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, tokenHash, account, kiosk == nil ? "web" : "kiosk", kiosk, csrfToken, address, now, now, expiresAt, mustChangePassword)
        return lastInsertID
    }

    /// A session held in memory (`Database.holdSession`), written with the id it was given and,
    /// when it was ended meanwhile, as ended.
    func insertHeldSession(_ s: HeldSessions.Session) throws {
        try run("""
            INSERT INTO session (id, token_hash, account_id, kind, kiosk_id, csrf_token, address, created_at, last_seen_at, expires_at,
                                 ended_at, must_change_password)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, s.id, s.tokenHash, s.account, s.kiosk == nil ? "web" : "kiosk", s.kiosk, s.csrfToken, s.address, s.createdAt, s.lastSeenAt,
            s.expiresAt, s.endedAt, s.mustChangePassword)
    }

    /// The highest session id in the file (0 when there is none).
    func lastSessionID() throws -> Int { try first("SELECT coalesce(max(id), 0) FROM session") { $0.int(0) } ?? 0 }

    /// What ends every session of an account when it changes (its password, its newest slip,
    /// a lock): a held session whose mark changed since it opened is ended too.
    func revocationMark(account: Int) throws -> String {
        try first("""
            SELECT coalesce(password_hash, '') || '|' || (locked_at IS NOT NULL) || '|'
                   || (SELECT coalesce(max(id), 0) FROM login_slip WHERE account_id = a.id)
            FROM account a WHERE id = ?
            """, account) { $0.string(0) } ?? ""
    }

    /// The language an account's pages are shown in.
    func language(account: Int) throws -> Language {
        try first("SELECT language FROM account WHERE id = ?", account) { $0.string(0) }.flatMap(Language.init(rawValue:)) ?? .russian
    }

    /// A session that has not been ended, by the hash of its token (in the file only: the gate
    /// asks `Database.session(tokenHash:_:)`, which knows the held ones too).
    public func session(tokenHash: [UInt8]) throws -> SessionRecord? {
        try first("""
            SELECT s.id, s.account_id, s.kind, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, s.must_change_password, s.kiosk_id, a.language
            FROM session s JOIN account a ON a.id = s.account_id WHERE s.token_hash = ? AND s.ended_at IS NULL
            """, tokenHash) { r in
            SessionRecord(id: r.int(0), accountID: r.int(1), kiosk: r.string(2) == "kiosk", kioskID: r.optionalInt(8), csrfToken: r.string(3),
                          createdAt: r.int(4), lastSeenAt: r.int(5), expiresAt: r.int(6), mustChangePassword: r.bool(7),
                          language: Language(rawValue: r.string(9)) ?? .russian)
        }
    }

    /// The language an account's pages are shown in.
    public func setLanguage(account: Int, _ language: Language) throws {
        try run("UPDATE account SET language = ? WHERE id = ?", language.rawValue, account)
    }

    public func touchSession(_ id: Int, at now: Int) throws {
        try run("UPDATE session SET last_seen_at = ? WHERE id = ?", now, id)
    }

    public func endSession(_ id: Int, at now: Int) throws {
        try run("UPDATE session SET ended_at = ? WHERE id = ? AND ended_at IS NULL", now, id)
    }

    public func endSessions(account: Int, at now: Int) throws {
        try run("UPDATE session SET ended_at = ? WHERE account_id = ? AND ended_at IS NULL", now, account)
    }

    // MARK: Who the account is

    /// The version of everything `actor(account:…)` reads (`access_version`).
    public func accessVersion() throws -> Int {
        try first("SELECT version FROM access_version WHERE id = 1") { $0.int(0) } ?? 0
    }

    /// Everything the access policy needs about an account's person in the current year (see
    /// `currentAcademicYear(on:)`); a draft teaching assignment gives no access yet.
    public func actor(account: AccountRecord, session: SessionRecord?, today: CivilDate) throws -> Actor {
        let person = account.personID
        var roles = Set(try query("SELECT role FROM staff_role WHERE person_id = ?", person) { Role(rawValue: $0.string(0)) }.compactMap { $0 })
        let year = try currentAcademicYear(on: today)?.id ?? -1
        let classTeacherOf = Set(try query("SELECT id FROM school_class WHERE class_teacher_id = ? AND year_id = ?", person, year) { $0.int(0) })
        let assignments = try query("SELECT class_id, subject_id, group_id FROM teaching_assignment WHERE teacher_id = ? AND year_id = ? AND draft = 0", person, year) {
            TeachingAssignment(classID: $0.int(0), subjectID: $0.int(1), groupID: $0.optionalInt(2))
        }
        var students = Set<Int>()
        // A student who left, during the year or as a leaver at its end, still reads the diary of
        // their time at school (so do their guardians, whose links stay): marks stay theirs.
        if try first("SELECT 1 FROM enrolment WHERE student_id = ?", person, row: { _ in true }) != nil {
            roles.insert(.student)
            students.insert(person)
        }
        let children = try query("SELECT student_id FROM guardian_link WHERE guardian_id = ?", person) { $0.int(0) }
        if !children.isEmpty {
            roles.insert(.guardian)
            students.formUnion(children)
        }
        let familyClasses = try familyClasses(of: students, year: year)
        return Actor(accountID: account.id, personID: person, roles: roles, classTeacherOf: classTeacherOf,
                     assignments: assignments, students: students, familyClasses: familyClasses, channel: session?.kiosk == true ? .kiosk : .web,
                     mustChangePassword: session?.mustChangePassword ?? false)
    }

    public func personSummary(_ id: Int, year: Int) throws -> PersonSummary? {
        try first("""
            SELECT p.last_name, p.first_name, p.middle_name, p.gender, p.birth_date, p.phone, p.email, a.login,
                   coalesce((SELECT c.name FROM enrolment e JOIN school_class c ON c.id = e.class_id
                             WHERE e.student_id = p.id AND c.year_id = ?2 AND \(Self.onListAtYearEnd)),
                            (SELECT c.name FROM school_class c WHERE c.class_teacher_id = p.id AND c.year_id = ?2 ORDER BY c.grade LIMIT 1))
            FROM person p LEFT JOIN account a ON a.person_id = p.id WHERE p.id = ?1
            """, id, year) { r in
            PersonSummary(id: id, card: PersonCard(lastName: r.string(0), firstName: r.string(1), middleName: r.string(2),
                                                   gender: r.optionalString(3).flatMap(PersonCard.Gender.init(rawValue:)),
                                                   birthDate: try r.optionalDate(4), phone: r.string(5), email: r.string(6)),
                          login: r.optionalString(7), className: r.optionalString(8))
        }
    }
}

/// One row of the audit trail as read back.
public struct AuditRecord: Sendable {
    public let id: Int
    public let at: Int
    public let account: Int?
    public let via: String
    /// nil for an action this build does not know (written by a newer one).
    public let action: AuditAction?
    public let entity: String
    public let entityID: Int?
    public let oldValue: String?
    public let newValue: String?
    public let oldData: AuditValue?
    public let newData: AuditValue?
    public let reason: String
    public let address: String
    public let lesson: Int?
    public let student: Int?
    public let schoolClass: Int?
}

extension Connection {
    /// What an account did since a moment, oldest first.
    public func audit(account: Int, since: Int) throws -> [AuditRecord] {
        try query("""
            SELECT id, at, account_id, via, action, entity, entity_id, old_value, new_value, reason, address, lesson_id, student_id, class_id,
                   old_data, new_data
            FROM audit WHERE account_id = ? AND at >= ? ORDER BY id
            """, account, since, row: Self.auditRecord)
    }

    /// Whether another account acted on the same entity after audit row `after` (and up to
    /// row `through`: later rows are the revert's own).
    public func changedLaterByOthers(entity: String, entityID: Int?, actions: [AuditAction], after: Int, through: Int = .max, account: Int) throws -> Bool {
        let list = actions.map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try first("""
            SELECT 1 FROM audit WHERE entity = ? AND coalesce(entity_id, -1) = coalesce(?, -1) AND id > ? AND id <= ?
              AND coalesce(account_id, -1) <> ? AND action IN (\(list)) LIMIT 1
            """, entity, entityID, after, through, account) { _ in true } ?? false
    }

    /// The newest audit row's id (0 when there is none).
    public func lastAuditID() throws -> Int { try first("SELECT coalesce(max(id), 0) FROM audit") { $0.int(0) } ?? 0 }

    /// Whether another account changed a student's attendance at a lesson after audit row `after`.
    public func attendanceChangedLaterByOthers(lesson: Int, student: Int, after: Int, through: Int, account: Int) throws -> Bool {
        try first("""
            SELECT 1 FROM audit WHERE entity = 'absence' AND lesson_id = ? AND student_id = ? AND id > ? AND id <= ? AND coalesce(account_id, -1) <> ? LIMIT 1
            """, lesson, student, after, through, account) { _ in true } ?? false
    }

    static func auditRecord(_ r: Row) -> AuditRecord {
        AuditRecord(id: r.int(0), at: r.int(1), account: r.optionalInt(2), via: r.string(3), action: AuditAction(rawValue: r.string(4)), entity: r.string(5),
                    entityID: r.optionalInt(6), oldValue: r.optionalString(7), newValue: r.optionalString(8),
                    oldData: r.optionalString(14).flatMap(AuditValue.init(encoded:)), newData: r.optionalString(15).flatMap(AuditValue.init(encoded:)),
                    reason: r.string(9),
                    address: r.string(10), lesson: r.optionalInt(11), student: r.optionalInt(12), schoolClass: r.optionalInt(13))
    }

    /// Slips a person issued to an account since a moment.
    public func slipsIssued(by person: Int, to account: Int, since: Int) throws -> [(id: Int, usedAt: Int?, voidedAt: Int?)] {
        try query("SELECT id, used_at, voided_at FROM login_slip WHERE issued_by = ? AND account_id = ? AND issued_at >= ?", person, account, since) {
            ($0.int(0), $0.optionalInt(1), $0.optionalInt(2))
        }
    }

    public func voidSlip(_ id: Int, at now: Int) throws {
        try run("UPDATE login_slip SET voided_at = ? WHERE id = ? AND voided_at IS NULL", now, id)
    }

    /// Revokes the consents a person recorded for someone at a moment.
    public func revokeConsents(person: Int, recordedBy: Int, at moment: Int, on date: CivilDate) throws -> Int {
        try run("UPDATE consent SET revoked_on = ? WHERE person_id = ? AND recorded_by = ? AND recorded_at = ? AND revoked_on IS NULL",
                date, person, recordedBy, moment)
    }
}
