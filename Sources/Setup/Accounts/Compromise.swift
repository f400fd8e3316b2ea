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
    static let informational: Set<AuditAction> = [.signInSuccess, .signInFailure, .signInLocked, .signInKiosk, .accessDenied]

    public static func handle(_ database: Database, login: String, since: Int, revert: Bool, now: Int, today: CivilDate) throws -> Report {
        try database.write { c in
            guard let account = try c.account(login: login) else { throw SetupError("логин «\(login)» не найден") }
            try c.lockAccount(account.id, reason: "скомпрометирована", at: now)
            try c.voidSlips(account: account.id, at: now)
            var report = Report()
            report.operations = try c.audit(account: account.id, since: since)
            try c.appendAudit(AuditEntry(at: now, via: .cli, action: .accountCompromised, entity: "account", entityID: account.id,
                                         newValue: "с \(SchoolDateTime(unixSeconds: since, offsetMinutes: SchoolClock.systemUTCOffsetMinutes))",
                                         reason: revert ? "с отменой действий" : "без отмены действий"))
            guard revert else { return report }
            let why = "отмена действий скомпрометированной учётной записи \(login)"
            // Audit rows after this one are the revert's own, not someone else's later change.
            let before = try c.lastAuditID()
            // Undone newest first, as an undo stack: a mark created and then changed is restored step by step.
            for op in report.operations.reversed() where !(op.action.map(informational.contains) ?? false) {
                let line = "\(op.action?.russian ?? "неизвестное действие") № \(op.id)"
                switch op.action {
                case .slipIssue:
                    guard let target = op.entityID else { continue }
                    for slip in try c.slipsIssued(by: account.personID, to: target, since: since) where slip.voidedAt == nil {
                        if slip.usedAt != nil {
                            report.flagged.append("\(line): листок уже использован владельцем — не отменён, проверьте учётную запись № \(target)")
                        } else {
                            try c.voidSlip(slip.id, at: now)
                            try c.appendAudit(AuditEntry(at: now, via: .cli, action: .slipVoid, entity: "account", entityID: target, reason: why))
                            report.reverted.append("\(line): листок для учётной записи № \(target) аннулирован")
                        }
                    }
                case .accountLock, .accountUnlock:
                    guard let target = op.entityID else { continue }
                    if try c.changedLaterByOthers(entity: "account", entityID: target, actions: [.accountLock, .accountUnlock], after: op.id, through: before, account: account.id) {
                        report.flagged.append("\(line): позже изменено другим пользователем — оставлено как есть")
                    } else if op.action == .accountLock {
                        try c.unlockAccount(target)
                        try c.appendAudit(AuditEntry(at: now, via: .cli, action: .accountUnlock, entity: "account", entityID: target, reason: why))
                        report.reverted.append("\(line): учётная запись № \(target) разблокирована")
                    } else {
                        try c.lockAccount(target, reason: why, at: now)
                        try c.appendAudit(AuditEntry(at: now, via: .cli, action: .accountLock, entity: "account", entityID: target, reason: why))
                        report.reverted.append("\(line): учётная запись № \(target) снова заблокирована")
                    }
                case .consentRecord:
                    guard let person = op.entityID else { continue }
                    let n = try c.revokeConsents(person: person, recordedBy: account.personID, at: op.at, on: today)
                    try c.appendAudit(AuditEntry(at: now, via: .cli, action: .consentRevoke, entity: "person", entityID: person,
                                                 oldValue: op.newValue, reason: why))
                    report.reverted.append("\(line): согласие человека № \(person) отозвано (\(n))")
                case .settingChange:
                    if try c.changedLaterByOthers(entity: "setting", entityID: nil, actions: [.settingChange], after: op.id, through: before, account: account.id) {
                        report.flagged.append("\(line): настройка позже изменена другим — оставлено как есть")
                    } else if case let .setting(key, value)? = op.oldData {
                        try c.setSetting(key, value)
                        try c.appendAudit(AuditEntry(at: now, via: .cli, action: .settingChange, entity: "setting", oldValue: op.newValue, newValue: op.oldValue,
                                                     oldData: op.newData, newData: op.oldData, reason: why))
                        report.reverted.append("\(line): \(key) снова \(value)")
                    } else {
                        report.flagged.append("\(line): прежнее значение не записано — проверьте вручную")
                    }
                case .markCreate, .markChange, .markDelete:
                    report.append(try revertMark(c, op, account: account.id, through: before, why: why, now: now), line)
                case .absenceCreate, .absenceChange, .absenceDelete:
                    report.append(try revertAbsence(c, op, account: account.id, through: before, why: why, now: now), line)
                case .passwordChange:
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
        guard let id = op.entityID, let lesson = op.lesson, let student = op.student, op.hasData else { return .flagged("неполная запись — проверьте вручную") }
        if try c.changedLaterByOthers(entity: "mark", entityID: id, actions: [.markChange, .markDelete], after: op.id, through: through, account: account) {
            return .flagged("отметку позже изменил другой пользователь — оставлено как есть")
        }
        let entry = { (action: AuditAction, old: Mark?, new: (value: MarkValue, workType: Int)?, markID: Int) in
            let code = { (type: Int) in try c.workTypes(includingInactive: true).first { $0.id == type }?.code ?? "" }
            try c.appendAudit(AuditEntry(at: now, via: .cli, action: action, entity: "mark", entityID: markID,
                                         oldValue: old.map { "\($0.value.text) \($0.workType)" }, newValue: try new.map { "\($0.value.text) \(try code($0.workType))" },
                                         oldData: old.map { .mark(value: $0.value, workType: $0.workTypeID) }, newData: new.map { .mark(value: $0.value, workType: $0.workType) },
                                         reason: why, lesson: lesson, student: student, schoolClass: op.schoolClass))
        }
        // What the mark was before the operation, as the application wrote it (never the display text).
        let before: (value: MarkValue, workType: Int)? = if case let .mark(value, workType)? = op.oldData { (value, workType) } else { nil }
        switch op.action {
        case .markCreate:
            guard let mark = try c.journalMark(id) else { return .reverted("отметка уже удалена") }
            try c.removeMark(id)
            try entry(.markDelete, mark, nil, id)
            return .reverted("отметка \(mark.value.text) \(mark.workType) удалена")
        case .markChange:
            guard let mark = try c.journalMark(id), let before else { return .flagged("отметки уже нет — проверьте вручную") }
            try c.changeMark(id, value: before.value, workType: before.workType, at: now, transferred: false)
            try entry(.markChange, mark, before, id)
            return .reverted("отметке возвращено «\(op.oldValue ?? "")»")
        default:
            guard let before else { return .flagged("удалённая отметка не записана — проверьте вручную") }
            if try c.journalMark(lesson: lesson, student: student, workType: before.workType) != nil {
                return .flagged("на месте удалённой отметки уже другая — оставлено как есть")
            }
            let markID = try c.addMark(lesson: lesson, student: student, value: before.value, workType: before.workType, by: nil, at: now, transferred: false)
            try entry(.markCreate, nil, before, markID)
            return .reverted("удалённая отметка «\(op.oldValue ?? "")» возвращена")
        }
    }

    /// Undoes one attendance operation: the code before it comes back.
    static func revertAbsence(_ c: Connection, _ op: AuditRecord, account: Int, through: Int, why: String, now: Int) throws -> Undo {
        guard let lesson = op.lesson, let student = op.student, op.hasData else { return .flagged("неполная запись — проверьте вручную") }
        if try c.attendanceChangedLaterByOthers(lesson: lesson, student: student, after: op.id, through: through, account: account) {
            return .flagged("посещаемость позже изменил другой пользователь — оставлено как есть")
        }
        let current = try c.absenceCode(lesson: lesson, student: student)
        let old: AbsenceCode? = if case let .absence(code)? = op.oldData { code } else { nil }
        if let old {
            try c.setAbsence(lesson: lesson, student: student, code: old, by: nil, at: now, transferred: false)
        } else {
            try c.clearAbsence(lesson: lesson, student: student)
        }
        try c.appendAudit(AuditEntry(at: now, via: .cli, action: old == nil ? .absenceDelete : current == nil ? .absenceCreate : .absenceChange,
                                     entity: "absence", oldValue: current?.rawValue, newValue: old?.rawValue,
                                     oldData: current.map(AuditValue.absence), newData: old.map(AuditValue.absence), reason: why,
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

extension AuditRecord {
    /// Whether the row carries its values for the application (rows written before migration 4 do not).
    var hasData: Bool { oldData != nil || newData != nil }
}
