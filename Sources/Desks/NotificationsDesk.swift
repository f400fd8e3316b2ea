import Domain
import Storage
import Words

/// A family's notifications (issue 15): what the journal and messages told them, which kinds
/// each person wants (all by default; e-mail too when they have an address and the school a
/// relay), and the weekly summary.
public struct NotificationsDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// The choices a form offers: each kind, the weekly summary, e-mail.
    public static let choices = NotificationKind.allCases.map(\.rawValue) + ["weekly", "email"]

    public func notifications(for actor: Actor, limit: Int = 100) throws -> [NotificationRecord] {
        guard AccessPolicy.permits(actor, .viewNotifications, .school) else { throw DeskError.forbidden }
        return try database.read { try $0.notifications(of: actor.personID, limit: limit) }
    }

    public func choices(for actor: Actor) throws -> [String: Bool] {
        try database.read { c in
            Dictionary(uniqueKeysWithValues: try Self.choices.map { ($0, try c.notificationChoice(person: actor.personID, $0)) })
        }
    }

    /// Marks every notification of the editor read.
    public func markRead(by editor: Editor) throws {
        try editor.require(.viewNotifications, .school)
        try database.write { try $0.markNotificationsRead(person: editor.actor.personID, at: editor.at) }
    }

    /// Sets which notifications the editor wants (those not named are turned off); audited.
    public func choose(_ enabled: Set<String>, by editor: Editor) throws {
        try editor.require(.viewNotifications, .school)
        try database.write { c in
            var changed: [String] = []
            for choice in Self.choices {
                let on = enabled.contains(choice)
                if try c.notificationChoice(person: editor.actor.personID, choice) != on {
                    try c.setNotificationChoice(person: editor.actor.personID, choice, enabled: on)
                    changed.append("\(choice): \(on ? "да" : "нет")")
                }
            }
            guard !changed.isEmpty else { return }
            try c.appendAudit(editor.entry(.notificationChoice, entity: "person", id: editor.actor.personID, new: changed.joined(separator: ", ")))
        }
    }

    /// The weekly summary for every guardian who wants it: each child's marks, absences and
    /// remarks of the week before `monday`. Written once per week (a second call does nothing).
    @discardableResult
    public func weeklySummary(monday: CivilDate, at: Int) throws -> Int {
        try database.write { c in
            let from = monday.adding(days: -7), to = monday.adding(days: -1)
            guard try c.setting("weekly_summary_done") != monday.iso else { return 0 }
            let mailFrom = try c.mailFrom()
            var written = 0
            for (guardian, student) in try c.guardianLinks() {
                guard try c.notificationChoice(person: guardian, "weekly") else { continue }
                let week = try c.studentWeek(student, from: from, to: to)
                guard week.marks + week.absences + week.remarks > 0 else { continue }
                let child = try c.shortNames([student])[student] ?? ""
                let text = Words.russian.weeklyNotice(child, marks: week.marks, absences: week.absences, remarks: week.remarks)
                // Chosen on its own ("weekly"); in the diary it reads with the marks.
                if try c.notify(person: guardian, student: student, kind: .mark, choice: "weekly", at: at, text: text, mailSubject: text, mailFrom: mailFrom) {
                    written += 1
                }
            }
            try c.setSetting("weekly_summary_done", monday.iso)
            return written
        }
    }
}
