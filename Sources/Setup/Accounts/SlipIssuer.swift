import Domain
import Printing
import Secrets
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// Issues login slips: for each person an account (created with a transliterated login when
/// missing), a fresh temporary password and kiosk code, stored only as hashes. Each issue
/// voids the person's earlier slips and password, ends their sessions, and is audited.
public struct SlipIssuer {
    public let database: Database

    public init(database: Database) { self.database = database }

    /// Issues slips for `people` and returns them ready to print.
    public func issue(people: [Int], by issuer: (account: Int?, person: Int?), via: AuditEntry.Via, address: String = "",
                      now: Int, today: CivilDate, progress: (Int, Int) -> Void = { _, _ in }) throws -> [LoginSlip] {
        let (school, year, days) = try database.read { c in
            (try c.school(), try c.academicYear(containing: today), try c.schoolSettings().slipValidDays)
        }
        let yearID = year?.id ?? -1
        let validFor = days * 86400
        let validUntil = SchoolDateTime(unixSeconds: now + validFor, offsetMinutes: SchoolClock.systemUTCOffsetMinutes).date
        // Hash first (the slow part), then write every slip in one transaction: one durable
        // commit for a whole class or school, and all or nothing.
        var prepared: [(person: SlipPerson, password: String, kioskCode: String, hash: String)] = []
        for (n, id) in people.enumerated() {
            guard let person = try database.read({ try $0.slipPerson(id, year: yearID) }) else {
                throw SetupError("человек № \(id) не найден")
            }
            let password = Random.code(SlipAlphabet.passwordLength, from: SlipAlphabet.symbols)
            let kioskCode = Random.code(12, from: SlipAlphabet.symbols)
            prepared.append((person, password, kioskCode, try PasswordHash.hash(password, cost: .temporary)))
            progress(n + 1, people.count)
        }
        let logins = try database.write { c in
            try prepared.map { p -> String in
                let account = try c.account(person: p.person.id)?.id ?? c.insertAccount(
                    person: p.person.id, login: try uniqueLogin(for: p.person.card, c), passwordHash: nil, mustChangePassword: true, at: now)
                _ = try c.issueSlip(account: account, passwordHash: p.hash, kioskCodeHash: Digest.blake2b(p.kioskCode),
                                    issuedBy: issuer.person, at: now, expiresAt: now + validFor)
                try c.appendAudit(AuditEntry(at: now, account: issuer.account, via: via, action: .slipIssue, entity: "account",
                                             entityID: account, newValue: p.person.card.fullName, address: address))
                return try c.account(id: account)?.login ?? ""
            }
        }
        let slips = zip(prepared, logins).map { p, login in
            LoginSlip(school: school?.name ?? "", fullName: p.person.card.fullName, whoLine: whoLine(p.person), login: login,
                      password: p.password, address: Self.networkAddress(school), kioskCode: p.kioskCode, validUntil: validUntil)
        }
        return slips
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
