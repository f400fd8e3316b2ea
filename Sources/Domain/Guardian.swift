/// A student's guardian (родитель / законный представитель) as the class teacher and the
/// administration read it: the name, who they are to the child, and how to reach them.
public struct Guardian: Sendable, Equatable {
    /// Phone and email, stored and shown only for a person with a recorded consent (152-ФЗ).
    public struct Contacts: Sendable, Equatable {
        public let phone: String
        public let email: String
    }

    public let id: Int
    /// The child this guardian is linked to.
    public let studentID: Int
    public let name: PersonCard
    /// «мать», «отец», «опекун»… as imported; may be empty.
    public let relation: String
    /// nil without a recorded consent, or when nothing is stored.
    public let contacts: Contacts?
    /// The consent was withdrawn: whatever is stored is hidden («скрыто: согласие отозвано»).
    public let consentWithdrawn: Bool

    /// - Important: contacts are dropped unless `consented`: a guardian without a recorded
    ///   consent (or whose consent was withdrawn) shows only their name, whatever the row holds.
    public init(id: Int, studentID: Int, lastName: String, firstName: String, middleName: String, relation: String,
                phone: String, email: String, consented: Bool, withdrawn: Bool = false) {
        self.id = id
        self.studentID = studentID
        name = PersonCard(lastName: lastName, firstName: firstName, middleName: middleName)
        self.relation = relation
        contacts = consented && !(phone.isEmpty && email.isEmpty) ? Contacts(phone: phone, email: email) : nil
        consentWithdrawn = !consented && withdrawn
    }
}

/// Whether a person's account is in use: what a new login slip would interrupt.
public enum AccountState: Sendable, Equatable {
    /// No account yet: a slip creates one.
    case none
    /// An account nobody has signed in with and whose password was never set by its person.
    case neverSignedIn
    /// Signed in at least once or holds a password of the person's own: a new slip stops it.
    case inUse

    public var russian: String {
        switch self {
        case .none: "нет учётной записи"
        case .neverSignedIn: "ещё не входил(а)"
        case .inUse: "пользуется"
        }
    }
}

/// Finding people by name: case, ё/е and the order of the words do not matter
/// («Софья Зайцева» finds «Зайцева Софья Денисовна»).
public struct NameQuery: Sendable, Equatable {
    /// The query's words, folded.
    public let words: [String]

    public init(_ text: String) {
        words = Self.fold(text).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
    }

    public var isEmpty: Bool { words.isEmpty }

    /// Lower case with ё as е.
    public static func fold(_ text: String) -> String {
        String(text.lowercased().map { $0 == "ё" ? "е" : $0 })
    }

    /// Whether every word of the query is found in the name (or the login, when given).
    public func matches(_ card: PersonCard, login: String? = nil) -> Bool {
        let name = Self.fold(card.fullName), login = login.map(Self.fold) ?? ""
        return words.allSatisfy { name.contains($0) || login.contains($0) }
    }
}
