import Domain
import Storage

extension DemoBuilder {
    /// An account for every person: a transliterated login (numbered on collision) and the
    /// demo password's Argon2id hash. Demo accounts need no password change.
    ///
    /// - Important: all demo accounts share one hash (one salt) of the one demo password, so
    ///   that thousands of accounts take one hash's time. Real accounts each get their own.
    mutating func createAccounts() throws -> [DemoLogin] {
        var used = Set<String>()
        var logins: [DemoLogin] = []
        let classTeacherOf = Dictionary(classes.compactMap { k in k.classTeacher.map { ($0, k.name.description) } }) { a, _ in a }
        let order: [Role] = [.administrator, .director, .deputy, .teacher, .psychologist, .secretary, .student, .guardian]
        for id in people.keys.sorted() {
            let card = people[id]!
            let base = Transliteration.login(lastName: card.lastName, firstName: card.firstName, middleName: card.middleName)
            var login = base
            var n = 1
            while used.contains(login) {
                n += 1
                login = base + String(n)
            }
            used.insert(login)
            _ = try c.insertAccount(person: id, login: login, passwordHash: passwordHash, mustChangePassword: false, at: createdAt)
            let held = roles[id] ?? []
            let role = order.first { held.contains($0) } ?? .guardian
            logins.append(DemoLogin(login: login, password: options.password, role: role, personID: id, fullName: card.fullName,
                                    className: studentClass[id] ?? classTeacherOf[id] ?? "", children: guardianChildren[id] ?? []))
        }
        progress("Учётных записей: \(logins.count)")
        return logins
    }
}
