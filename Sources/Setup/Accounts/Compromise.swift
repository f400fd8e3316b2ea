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

    /// Kinds of operation that undo nothing: sign-ins and refusals.
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
            // Audit rows after this one are the revert's own, not someone else's later change.
            let before = try c.lastAuditID()
            // Undone newest first, as an undo stack: a mark created and then changed is restored step by step.
            for op in report.operations.reversed() where !informational.contains(op.action) {
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
                    if try c.changedLaterByOthers(entity: "account", entityID: target, actions: ["account.lock", "account.unlock"], after: op.id, through: before, account: account.id) {
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
                    if try c.changedLaterByOthers(entity: "setting", entityID: nil, actions: ["setting.change"], after: op.id, through: before, account: account.id) {
                        report.flagged.append("\(line): настройка позже изменена другим — оставлено как есть")
                    } else if let old = op.oldValue, let eq = old.firstIndex(of: "=") {
                        let key = String(old[..<eq]), value = String(old[old.index(after: eq)...])
                        try c.setSetting(key, value)
                        try c.appendAudit(AuditEntry(at: now, via: .cli, action: "setting.change", entity: "setting",
                                                     oldValue: op.newValue, newValue: old, reason: why))
                        report.reverted.append("\(line): \(key) снова \(value)")
                    }
                case "mark.create", "mark.change", "mark.delete":
                    report.append(try revertMark(c, op, account: account.id, through: before, why: why, now: now), line)
                case "absence.create", "absence.change", "absence.delete":
                    report.append(try revertAbsence(c, op, account: account.id, through: before, why: why, now: now), line)
                case "password.change":
                    report.flagged.append("\(line): пароль сменён — выдайте владельцу новый листок (tabel accounts reset \(login))")
                default:
                    report.flagged.append("\(line): такое действие автоматически не отменяется — проверьте вручную")
                }
            }
            return report
        }
    }

    enum Undo {
        case reverted(String)
        case flagged(String)
    }

    /// Undoes one mark operation: a created mark is deleted, a changed one gets its old value
    /// back, a deleted one is put back — unless someone else has changed it since.
    static func revertMark(_ c: Connection, _ op: AuditRecord, account: Int, through: Int, why: String, now: Int) throws -> Undo {
        guard let id = op.entityID, let lesson = op.lesson, let student = op.student else { return .flagged("неполная запись — проверьте вручную") }
        if try c.changedLaterByOthers(entity: "mark", entityID: id, actions: ["mark.change", "mark.delete"], after: op.id, through: through, account: account) {
            return .flagged("отметку позже изменил другой пользователь — оставлено как есть")
        }
        let types = try c.workTypes(includingInactive: true)
        /// "4 КР" → (4, id of КР).
        func parse(_ text: String?) -> (Int, Int)? {
            let parts = (text ?? "").split(separator: " ")
            guard parts.count == 2, let v = Int(parts[0]), let t = types.first(where: { $0.code == parts[1] }) else { return nil }
            return (v, t.id)
        }
        let entry = { (action: String, old: String?, new: String?, markID: Int) in
            try c.appendAudit(AuditEntry(at: now, via: .cli, action: action, entity: "mark", entityID: markID, oldValue: old, newValue: new, reason: why,
                                         lesson: lesson, student: student, schoolClass: op.schoolClass))
        }
        switch op.action {
        case "mark.create":
            guard let mark = try c.journalMark(id) else { return .reverted("отметка уже удалена") }
            try c.removeMark(id)
            try entry("mark.delete", "\(mark.value) \(mark.workType)", nil, id)
            return .reverted("отметка \(mark.value) \(mark.workType) удалена")
        case "mark.change":
            guard let mark = try c.journalMark(id), let (value, type) = parse(op.oldValue) else { return .flagged("отметки уже нет — проверьте вручную") }
            try c.changeMark(id, value: value, workType: type, at: now, transferred: false)
            try entry("mark.change", "\(mark.value) \(mark.workType)", op.oldValue, id)
            return .reverted("отметке возвращено «\(op.oldValue ?? "")»")
        default:
            guard let (value, type) = parse(op.oldValue) else { return .flagged("не прочитать удалённую отметку — проверьте вручную") }
            if try c.journalMark(lesson: lesson, student: student, workType: type) != nil {
                return .flagged("на месте удалённой отметки уже другая — оставлено как есть")
            }
            let markID = try c.addMark(lesson: lesson, student: student, value: value, workType: type, by: nil, at: now, transferred: false)
            try entry("mark.create", nil, op.oldValue, markID)
            return .reverted("удалённая отметка «\(op.oldValue ?? "")» возвращена")
        }
    }

    /// Undoes one attendance operation: the code before it comes back.
    static func revertAbsence(_ c: Connection, _ op: AuditRecord, account: Int, through: Int, why: String, now: Int) throws -> Undo {
        guard let lesson = op.lesson, let student = op.student else { return .flagged("неполная запись — проверьте вручную") }
        if try c.attendanceChangedLaterByOthers(lesson: lesson, student: student, after: op.id, through: through, account: account) {
            return .flagged("посещаемость позже изменил другой пользователь — оставлено как есть")
        }
        let current = try c.absenceCode(lesson: lesson, student: student)
        let old = op.oldValue.flatMap(AbsenceCode.init(rawValue:))
        if let old {
            try c.setAbsence(lesson: lesson, student: student, code: old, by: nil, at: now, transferred: false)
        } else {
            try c.clearAbsence(lesson: lesson, student: student)
        }
        try c.appendAudit(AuditEntry(at: now, via: .cli, action: old == nil ? "absence.delete" : current == nil ? "absence.create" : "absence.change",
                                     entity: "absence", oldValue: current?.rawValue, newValue: old?.rawValue, reason: why,
                                     lesson: lesson, student: student, schoolClass: op.schoolClass))
        return .reverted("посещаемость: снова «\(old?.rawValue ?? "был")»")
    }
}

extension Compromise.Report {
    mutating func append(_ undo: Compromise.Undo, _ line: String) {
        switch undo {
        case let .reverted(text): reverted.append("\(line): \(text)")
        case let .flagged(text): flagged.append("\(line): \(text)")
        }
    }
}
