import Domain
import Storage

/// People and their cards: adding a student, guardian or member of staff by hand, the personal
/// card, consents to personal data (152-ФЗ) and their withdrawal, guardians' links, a student's
/// enrolment (arrival, leaving), a family's refusal of electronic access, and account locks.
/// Each operation asks the policy, checks its rules, writes and appends its audit rows in one
/// transaction (`PeopleDesk+Add.swift`, `PeopleDesk+Enrolment.swift`, `PeopleDesk+Guardians.swift`).
public struct PeopleDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// What the policy knows of a person: their classes this year and whether they are staff;
    /// nil when there is no such person.
    public func resource(person id: Int, today: CivilDate) throws -> Resource? {
        try database.read { c in try resource(c, person: id, year: try c.currentAcademicYear(on: today)?.id ?? -1) }
    }

    func resource(_ c: Connection, person id: Int, year: Int) throws -> Resource? {
        try c.personScope(id, year: year).map { .person(id: id, classes: $0.classes, isStaff: $0.isStaff) }
    }

    /// The person's resource, or `notFound`.
    func existing(_ c: Connection, person id: Int, year: Int) throws -> Resource {
        guard let resource = try resource(c, person: id, year: year) else { throw DeskError.notFound("Такого человека нет.") }
        return resource
    }

    /// Withdraws the person's consent to the processing of personal data from today: their
    /// birth date, phone and email are hidden on every page from then on (and no new ones are
    /// taken) until a consent is recorded again. - Throws: `forbidden`, `notFound`, `invalid`
    /// when no consent is in force.
    public func revokeConsent(person id: Int, today: CivilDate, by editor: Editor) throws {
        try database.deskWrite { c in
            try editor.require(.recordConsent, try existing(c, person: id, year: try c.currentAcademicYear(on: today)?.id ?? -1))
            guard case .given = try c.consentState(person: id) else {
                throw DeskError.invalid("Согласия, которое можно отозвать, нет.", field: "consent")
            }
            let count = try c.revokeConsents(person: id, on: today)
            try c.appendAudit(editor.entry(.consentRevoke, entity: "person", id: id, new: "с \(today.russian)",
                                           reason: count > 1 ? "отозвано согласий: \(count)" : ""))
        }
    }

    /// Records a consent as a form sends it («ДД.ММ.ГГГГ»). - Throws: `invalidFields` for
    /// each wrong field (nothing is saved), `forbidden`, `notFound`.
    public func recordConsent(person id: Int, givenOn: String, document: String, givenBy: String, today: CivilDate, by editor: Editor) throws {
        guard let resource = try resource(person: id, today: today) else { throw DeskError.notFound("Такого человека нет.") }
        try editor.require(.recordConsent, resource)
        var problems: [String: String] = [:]
        let date = CivilDate(russian: givenOn.trimmingWhitespace)
        if let date { if date > today { problems["given_on"] = "Дата согласия не может быть в будущем." } } else { problems["given_on"] = "Укажите дату в виде ДД.ММ.ГГГГ." }
        let document = document.trimmingWhitespace, givenBy = givenBy.trimmingWhitespace
        if document.count > 200 { problems["document"] = "Не длиннее 200 символов." }
        if givenBy.count > 200 { problems["given_by"] = "Не длиннее 200 символов." }
        guard problems.isEmpty, let date else { throw DeskError.invalidFields(problems) }
        try database.deskWrite { c in
            try c.insertConsent(person: id, givenOn: date, document: document, givenBy: givenBy, recordedBy: editor.recorder, at: editor.at)
            try c.appendAudit(editor.entry(.consentRecord, entity: "person", id: id, new: "\(date.iso) \(document)"))
        }
    }

    /// Locks or unlocks a person's account (a lock ends their sessions at the next request).
    public func setLock(person id: Int, locked: Bool, reason: String, by editor: Editor) throws {
        try editor.require(.lockAccounts, .school)
        try database.deskWrite { c in
            guard let account = try c.account(person: id) else { throw DeskError.notFound("У этого человека нет учётной записи.") }
            try setLock(c, account: account.id, locked: locked, reason: reason, by: editor)
        }
    }

    /// The same by login, for the console.
    public func setLock(login: String, locked: Bool, reason: String, by editor: Editor) throws {
        try editor.require(.lockAccounts, .school)
        try database.deskWrite { c in
            guard let account = try c.account(login: login) else { throw DeskError.notFound("логин «\(login)» не найден") }
            try setLock(c, account: account.id, locked: locked, reason: reason, by: editor)
        }
    }

    func setLock(_ c: Connection, account: Int, locked: Bool, reason: String, by editor: Editor) throws {
        if locked { try c.lockAccount(account, reason: reason, at: editor.at) } else { try c.unlockAccount(account) }
        try c.appendAudit(editor.entry(locked ? .accountLock : .accountUnlock, entity: "account", id: account, reason: reason))
    }
}
