import Domain
import Secrets
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// Accounts and login slips: for each person an account (created with a transliterated login
/// when missing), a fresh temporary password and kiosk code, stored only as hashes. Each issue
/// voids the person's earlier slips and password, ends their sessions, and is audited.
public struct AccountsDesk: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    /// Issues slips for `people` and returns them ready to print. - Throws: `forbidden` when
    /// the editor may not issue a slip to one of them (nothing is issued then), `notFound`.
    public func issueSlips(people: [Int], today: CivilDate, by editor: Editor, progress: (Int, Int) -> Void = { _, _ in }) throws -> [LoginSlip] {
        let now = editor.at
        let (school, year, days) = try database.read { c in
            (try c.school(), try c.currentAcademicYear(on: today), try c.schoolSettings().slipValidDays)
        }
        let yearID = year?.id ?? -1
        let validFor = days * 86400
        let validUntil = SchoolDateTime(unixSeconds: now + validFor, offsetMinutes: SchoolClock.systemUTCOffsetMinutes).date
        // Hash first (the slow part), then write every slip in one transaction: one durable
        // commit for a whole class or school, and all or nothing.
        var prepared: [(person: SlipPerson, password: String, kioskCode: String, hash: String)] = []
        for (n, id) in people.enumerated() {
            guard let person = try database.read({ try $0.slipPerson(id, year: yearID) }),
                  let scope = try database.read({ try $0.personScope(id, year: yearID) }) else {
                throw DeskError.notFound("Человек № \(id) не найден.")
            }
            try editor.require(.issueSlips, .person(id: id, classes: scope.classes, isStaff: scope.isStaff))
            let password = Random.code(SlipAlphabet.passwordLength, from: SlipAlphabet.symbols)
            let kioskCode = Random.code(12, from: SlipAlphabet.symbols)
            prepared.append((person, password, kioskCode, try PasswordHash.hash(password, cost: .temporary)))
            progress(n + 1, people.count)
        }
        let logins = try database.deskWrite { c in
            try prepared.map { p -> String in
                let account = try c.account(person: p.person.id)?.id ?? c.insertAccount(
                    person: p.person.id, login: try uniqueLogin(for: p.person.card, c), passwordHash: nil, mustChangePassword: true, at: now)
                _ = try c.issueSlip(account: account, passwordHash: p.hash, kioskCodeHash: Digest.blake2b(p.kioskCode),
                                    issuedBy: editor.actor.accountID == 0 ? nil : editor.actor.personID, at: now, expiresAt: now + validFor)
                try c.appendAudit(editor.entry(.slipIssue, entity: "account", id: account, new: p.person.card.fullName))
                return try c.account(id: account)?.login ?? ""
            }
        }
        let slips = zip(prepared, logins).map { p, login in
            LoginSlip(school: school?.name ?? "", fullName: p.person.card.fullName, whoLine: whoLine(p.person), login: login,
                      password: p.password, address: Self.networkAddress(school), kioskCode: p.kioskCode, validUntil: validUntil)
        }
        return slips
    }

    /// Signs a session out (a page's «Выйти», the kiosk's sign-out, the API's DELETE); one held
    /// in memory on a full disk ends there at once.
    public func signOut(session: Int, at now: Int) throws {
        try database.endSession(session, at: now)
    }

    /// The language of the editor's own pages, from their next request on.
    public func setLanguage(_ language: Language, by editor: Editor) throws {
        try editor.require(.viewOwnAccount, .school)
        try database.deskWrite { c in
            try c.setLanguage(account: editor.actor.accountID, language)
            try c.appendAudit(editor.entry(.languageChange, entity: "account", id: editor.actor.accountID, new: language.rawValue))
        }
    }

    func uniqueLogin(for card: PersonCard, _ c: Connection) throws -> String {
        let base = Transliteration.login(lastName: card.lastName, firstName: card.firstName, middleName: card.middleName)
        var login = base.isEmpty ? "user" : base
        var n = 1
        while try c.loginExists(login) {
            n += 1
            login = base + String(n)
        }
        return login
    }

    func whoLine(_ p: SlipPerson) -> String {
        if let className = p.className { return "Обучающийся, класс \(className)" }
        if !p.children.isEmpty {
            return "Родитель: " + p.children.map { $0.className.isEmpty ? $0.name : "\($0.name), \($0.className)" }.joined(separator: "; ")
        }
        return p.staffRoles.map(\.russian).joined(separator: ", ").capitalizedFirst
    }

    /// The address printed on slips: the school's configured one, else this machine's name.
    public static func networkAddress(_ school: School?) -> String {
        if let address = school?.networkAddress, !address.isEmpty { return address }
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count)
        return "http://" + String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/"
    }
}
