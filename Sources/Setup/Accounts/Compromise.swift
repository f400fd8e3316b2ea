import Domain
import Storage

/// `tabel accounts compromised`: after a person reports that someone else used their login,
/// every operation made with it since then is void (DOMAIN.md, "Journal rules").
///
/// The account is locked, its sessions end and its slips are voided; the operations made
/// with it since the moment are listed from the audit trail. With `revert`, each one is
/// undone by a new audited action; one that someone else has changed since is flagged and
/// left as it is.
public enum Compromise {
    public struct Report: Sendable {
        public var operations: [AuditRecord] = []
        public var reverted: [String] = []
        public var flagged: [String] = []
    }

    /// Kinds of operation and what undoing them means; the journal adds marks and absences.
    static let informational: Set<String> = ["signin.success", "signin.failure", "signin.locked", "access.denied"]

    public static func handle(_ database: Database, login: String, since: Int, revert: Bool, now: Int, today: CivilDate) throws -> Report {
        try database.write { c in
            guard let account = try c.account(login: login) else { throw SetupError("логин «\(login)» не найден") }
            try c.lockAccount(account.id, reason: "скомпрометирована", at: now)
            try c.voidSlips(account: account.id, at: now)
            var report = Report()
            report.operations = try c.audit(account: account.id, since: since)
            try c.appendAudit(AuditEntry(at: now, via: .cli, action: "account.compromised", entity: "account", entityID: account.id,
                                         newValue: "с \(SchoolDateTime(unixSeconds: since, offsetMinutes: SchoolClock.systemUTCOffsetMinutes))",
                                         reason: revert ? "с отменой действий" : "без отмены действий"))
            guard revert else { return report }
            let why = "отмена действий скомпрометированной учётной записи \(login)"
            for op in report.operations where !informational.contains(op.action) {
                let line = "\(op.action) № \(op.id)"
                switch op.action {
                case "slip.issue":
                    guard let target = op.entityID else { continue }
                    for slip in try c.slipsIssued(by: account.personID, to: target, since: since) where slip.voidedAt == nil {
                        if slip.usedAt != nil {
                            report.flagged.append("\(line): листок уже использован владельцем — не отменён, проверьте учётную запись № \(target)")
                        } else {
                            try c.voidSlip(slip.id, at: now)
                            try c.appendAudit(AuditEntry(at: now, via: .cli, action: "slip.void", entity: "account", entityID: target, reason: why))
                            report.reverted.append("\(line): листок для учётной записи № \(target) аннулирован")
                        }
                    }
                case "account.lock", "account.unlock":
                    guard let target = op.entityID else { continue }
                    if try c.changedLaterByOthers(entity: "account", entityID: target, actions: ["account.lock", "account.unlock"], after: op.id, account: account.id) {
                        report.flagged.append("\(line): позже изменено другим пользователем — оставлено как есть")
                    } else if op.action == "account.lock" {
                        try c.unlockAccount(target)
                        try c.appendAudit(AuditEntry(at: now, via: .cli, action: "account.unlock", entity: "account", entityID: target, reason: why))
                        report.reverted.append("\(line): учётная запись № \(target) разблокирована")
                    } else {
                        try c.lockAccount(target, reason: why, at: now)
                        try c.appendAudit(AuditEntry(at: now, via: .cli, action: "account.lock", entity: "account", entityID: target, reason: why))
                        report.reverted.append("\(line): учётная запись № \(target) снова заблокирована")
                    }
                case "consent.record":
                    guard let person = op.entityID else { continue }
                    let n = try c.revokeConsents(person: person, recordedBy: account.personID, at: op.at, on: today)
                    try c.appendAudit(AuditEntry(at: now, via: .cli, action: "consent.revoke", entity: "person", entityID: person,
                                                 oldValue: op.newValue, reason: why))
                    report.reverted.append("\(line): согласие человека № \(person) отозвано (\(n))")
                case "setting.change":
                    if try c.changedLaterByOthers(entity: "setting", entityID: nil, actions: ["setting.change"], after: op.id, account: account.id) {
                        report.flagged.append("\(line): настройка позже изменена другим — оставлено как есть")
                    } else if let old = op.oldValue, let eq = old.firstIndex(of: "=") {
                        let key = String(old[..<eq]), value = String(old[old.index(after: eq)...])
                        try c.setSetting(key, value)
                        try c.appendAudit(AuditEntry(at: now, via: .cli, action: "setting.change", entity: "setting",
                                                     oldValue: op.newValue, newValue: old, reason: why))
                        report.reverted.append("\(line): \(key) снова \(value)")
                    }
                case "password.change":
                    report.flagged.append("\(line): пароль сменён — выдайте владельцу новый листок (tabel accounts reset \(login))")
                default:
                    report.flagged.append("\(line): такое действие автоматически не отменяется — проверьте вручную")
                }
            }
            return report
        }
    }
}
