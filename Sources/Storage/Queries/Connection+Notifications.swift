import Domain

/// One notification as a family reads it.
public struct NotificationRecord: Sendable, Equatable {
    public let id: Int
    public let kind: NotificationKind
    public let student: Int?
    public let at: Int
    public let text: String
    public let read: Bool
}

/// An e-mail waiting in the queue.
public struct QueuedMail: Sendable, Equatable {
    public let id: Int
    public let to: String
    public let subject: String
    public let body: String
    public let attempts: Int
}

extension Connection {
    /// Whether a person wants `choice` (a notification kind, "email", "weekly"); on unless turned off.
    public func notificationChoice(person: Int, _ choice: String) throws -> Bool {
        try first("SELECT enabled FROM notification_choice WHERE person_id = ? AND kind = ?", person, choice) { $0.bool(0) } ?? true
    }

    public func setNotificationChoice(person: Int, _ choice: String, enabled: Bool) throws {
        _ = try run("INSERT INTO notification_choice (person_id, kind, enabled) VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET enabled = ?3",
                    person, choice, enabled)
    }

    /// A notification for a person, when they want it (`choice`, by default its kind); also
    /// queued as e-mail when they want e-mail, have an address, and the school has a relay
    /// (`mailFrom` not empty). Returns whether it was written.
    @discardableResult
    public func notify(person: Int, student: Int?, kind: NotificationKind, choice: String? = nil, at: Int, text: String, mailSubject: String,
                       mailFrom: String) throws -> Bool {
        guard try notificationChoice(person: person, choice ?? kind.rawValue) else { return false }
        _ = try run("INSERT INTO notification (person_id, student_id, kind, at, text) VALUES (?, ?, ?, ?, ?)", person, student, kind.rawValue, at, text)
        if !mailFrom.isEmpty, try notificationChoice(person: person, "email"),
           let address = try first("SELECT email FROM person WHERE id = ?", person, row: { $0.string(0) }), address.contains("@") {
            try enqueueMail(to: address, subject: mailSubject, body: text, at: at)
        }
        return true
    }

    /// The sender's address of e-mail when the school has a relay (`smtp_host` and `smtp_from` set); "" otherwise.
    public func mailFrom() throws -> String {
        let settings = try schoolSettings()
        return settings.smtpHost.isEmpty ? "" : settings.smtpFrom
    }

    /// A person's notifications, newest first.
    public func notifications(of person: Int, limit: Int = 100) throws -> [NotificationRecord] {
        try query("SELECT id, kind, student_id, at, text, read_at IS NOT NULL FROM notification WHERE person_id = ? ORDER BY id DESC LIMIT ?",
                  person, limit) { r in
            NotificationRecord(id: r.int(0), kind: NotificationKind(rawValue: r.string(1)) ?? .message, student: r.optionalInt(2), at: r.int(3),
                               text: r.string(4), read: r.bool(5))
        }
    }

    public func unreadNotifications(of person: Int) throws -> Int {
        try first("SELECT count(*) FROM notification WHERE person_id = ? AND read_at IS NULL", person) { $0.int(0) } ?? 0
    }

    public func markNotificationsRead(person: Int, at: Int) throws {
        _ = try run("UPDATE notification SET read_at = ? WHERE person_id = ? AND read_at IS NULL", at, person)
    }

    /// Whether a person is a student in a class now.
    public func isEnrolledNow(_ person: Int) throws -> Bool {
        try first("SELECT 1 FROM enrolment WHERE student_id = ? AND left_on IS NULL", person) { _ in true } ?? false
    }

    /// The guardians of a student, for the family's notifications.
    public func guardianIDs(of student: Int) throws -> [Int] {
        try query("SELECT guardian_id FROM guardian_link WHERE student_id = ? ORDER BY guardian_id", student) { $0.int(0) }
    }

    /// Every guardian and child.
    public func guardianLinks() throws -> [(guardian: Int, student: Int)] {
        try query("SELECT guardian_id, student_id FROM guardian_link ORDER BY guardian_id, student_id") { ($0.int(0), $0.int(1)) }
    }

    /// A student's marks, absences (missed lessons) and remarks in lessons from `from` to `to`.
    public func studentWeek(_ student: Int, from: CivilDate, to: CivilDate) throws -> (marks: Int, absences: Int, remarks: Int) {
        try first("""
            SELECT (SELECT count(*) FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE m.student_id = ?1 AND l.date BETWEEN ?2 AND ?3),
                   (SELECT count(*) FROM absence a JOIN lesson l ON l.id = a.lesson_id WHERE a.student_id = ?1 AND l.date BETWEEN ?2 AND ?3
                        AND a.code IN ('Н', 'Б', 'У')),
                   (SELECT count(*) FROM remark r JOIN lesson l ON l.id = r.lesson_id WHERE r.student_id = ?1 AND l.date BETWEEN ?2 AND ?3)
            """, student, from, to) { ($0.int(0), $0.int(1), $0.int(2)) } ?? (0, 0, 0)
    }

    // MARK: The e-mail queue

    public func enqueueMail(to: String, subject: String, body: String, at: Int) throws {
        _ = try run("INSERT INTO mail_queue (to_address, subject, body, queued_at, next_at) VALUES (?, ?, ?, ?, ?)", to, subject, body, at, at)
    }

    /// Mail due by `now`, oldest first.
    public func dueMail(now: Int, limit: Int = 20) throws -> [QueuedMail] {
        try query("SELECT id, to_address, subject, body, attempts FROM mail_queue WHERE sent_at IS NULL AND next_at <= ? ORDER BY id LIMIT ?",
                  now, limit) { r in QueuedMail(id: r.int(0), to: r.string(1), subject: r.string(2), body: r.string(3), attempts: r.int(4)) }
    }

    public func mailSent(_ id: Int, at: Int) throws {
        _ = try run("UPDATE mail_queue SET sent_at = ?, attempts = attempts + 1, last_error = '' WHERE id = ?", at, id)
    }

    /// A failed attempt: tried again at `nextAt`.
    public func mailFailed(_ id: Int, error: String, nextAt: Int) throws {
        _ = try run("UPDATE mail_queue SET attempts = attempts + 1, last_error = ?, next_at = ? WHERE id = ?", error, nextAt, id)
    }
}
