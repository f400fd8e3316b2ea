/// Whom one adds to the school by hand (a page's form or `POST /api/v1/people`).
public enum PersonKind: String, CaseIterable, Sendable {
    /// Into a class, from a date of enrolment (зачисление).
    case student
    /// Linked to one or more students.
    case guardian
    /// A member of staff with their roles.
    case staff
}

/// A person's consent to the processing of personal data (152-ФЗ) as it stands.
public enum ConsentState: Sendable, Equatable {
    /// Never recorded: only the name and the class are kept.
    case none
    /// Given on that date and not withdrawn.
    case given(CivilDate)
    /// Withdrawn on that date (and none given since): the personal data stored earlier is hidden
    /// on every page, and no new personal data is taken.
    case revoked(CivilDate)

    /// Whether birth date, phone and email may be stored and shown.
    public var allowsPersonalData: Bool {
        if case .given = self { return true }
        return false
    }
}

extension PersonCard {
    /// Whether the card holds personal data beyond the name (what needs a consent).
    public var hasPersonalData: Bool { birthDate != nil || !phone.isEmpty || !email.isEmpty }

    /// The card without what a consent protects: what pages show without one.
    public var withoutPersonalData: PersonCard {
        PersonCard(lastName: lastName, firstName: firstName, middleName: middleName, gender: gender)
    }

    /// A surname, name or patronymic as people write them: letters, hyphens, spaces and
    /// apostrophes, at most 60 characters (the CSV imports use the same rule).
    public static func isPlausibleName(_ text: String) -> Bool {
        text.count <= 60 && text.allSatisfy { $0.isLetter || $0 == "-" || $0 == " " || $0 == "'" }
    }

    /// A birth date in the past, and not before 1920.
    public static func isPlausibleBirthDate(_ date: CivilDate, today: CivilDate) -> Bool {
        date.year >= 1920 && date <= today
    }

    /// Digits with the usual signs (`+7 (900) 000-00-01`): 5 to 15 digits, at most 30 characters.
    public static func isPlausiblePhone(_ text: String) -> Bool {
        let digits = text.filter(\.isASCIIDigit).count
        return text.count <= 30 && (5...15).contains(digits) && text.allSatisfy { $0.isASCIIDigit || " +-()".contains($0) }
    }

    /// One `@` with something on each side, no spaces, at most 120 characters.
    public static func isPlausibleEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return text.count <= 120 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}

extension PersonCard.Gender {
    /// М/Ж as typed in Russian or Latin (`m`, `f`, «муж», «женский»…).
    public init?(text: String) {
        switch text.trimmingWhitespace.lowercased() {
        case "m", "м", "муж", "мужской": self = .male
        case "f", "ж", "жен", "женский": self = .female
        default: return nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// A date as a form (ДД.ММ.ГГГГ, or what `<input type="date">` sends) or the API (ГГГГ-ММ-ДД) writes it.
extension CivilDate {
    public init?(typed text: String) {
        let text = text.trimmingWhitespace
        guard let date = CivilDate(iso: text) ?? CivilDate(russian: text) else { return nil }
        self = date
    }
}

/// The fields of a person's card as a form or the API sends them; nil is a field not sent,
/// which keeps its value (the API's `PUT` is partial), "" clears an optional one.
public struct CardFields: Sendable, Equatable {
    public var lastName: String?
    public var firstName: String?
    public var middleName: String?
    /// `m`/`f` (or М/Ж); "" for not recorded.
    public var gender: String?
    public var birthDate: String?
    public var phone: String?
    public var email: String?

    public init(lastName: String? = nil, firstName: String? = nil, middleName: String? = nil, gender: String? = nil,
                birthDate: String? = nil, phone: String? = nil, email: String? = nil) {
        self.lastName = lastName
        self.firstName = firstName
        self.middleName = middleName
        self.gender = gender
        self.birthDate = birthDate
        self.phone = phone
        self.email = email
    }

    /// Whether any field was sent.
    public var isEmpty: Bool { self == CardFields() }

    /// `card` with these fields applied, and what is wrong with each field, by the field's
    /// name (`lastName`, `birthDate`…). Birth date, phone and email are taken only while
    /// `consent` allows personal data (152-ФЗ); clearing them is always allowed.
    public func applied(to card: PersonCard, consent: Bool, today: CivilDate) -> (card: PersonCard, problems: [String: String]) {
        var card = card, problems: [String: String] = [:]
        func name(_ value: String?, _ field: String, required: Bool, _ set: (String) -> Void) {
            guard let value = value?.trimmingWhitespace.split(whereSeparator: \.isWhitespace).joined(separator: " ") else { return }
            if value.isEmpty, required {
                problems[field] = "Заполните это поле."
            } else if !PersonCard.isPlausibleName(value) {
                problems[field] = "Только буквы, дефис, апостроф и пробел, до 60 знаков."
            } else {
                set(value)
            }
        }
        name(lastName, "lastName", required: true) { card.lastName = $0 }
        name(firstName, "firstName", required: true) { card.firstName = $0 }
        name(middleName, "middleName", required: false) { card.middleName = $0 }
        if let text = gender?.trimmingWhitespace {
            if text.isEmpty { card.gender = nil } else if let g = PersonCard.Gender(text: text) { card.gender = g } else {
                problems["gender"] = "Пол — М или Ж."
            }
        }
        let personal = "Сначала запишите согласие на обработку персональных данных (152-ФЗ): без него хранятся только имя и класс."
        if let text = birthDate?.trimmingWhitespace {
            if text.isEmpty {
                card.birthDate = nil
            } else if let date = CivilDate(typed: text), PersonCard.isPlausibleBirthDate(date, today: today) {
                if consent { card.birthDate = date } else { problems["birthDate"] = personal }
            } else {
                problems["birthDate"] = "Дата рождения — ДД.ММ.ГГГГ, не позже сегодняшней и не раньше 1920 года."
            }
        }
        if let text = phone?.trimmingWhitespace {
            if text.isEmpty { card.phone = "" } else if !PersonCard.isPlausiblePhone(text) {
                problems["phone"] = "Телефон — цифры (от 5 до 15), можно с +, пробелами, скобками и дефисами."
            } else if consent { card.phone = text } else { problems["phone"] = personal }
        }
        if let text = email?.trimmingWhitespace {
            if text.isEmpty { card.email = "" } else if !PersonCard.isPlausibleEmail(text) {
                problems["email"] = "Адрес почты вида name@example.ru."
            } else if consent { card.email = text } else { problems["email"] = personal }
        }
        return (card, problems)
    }
}

/// A consent as a form records it with a new person (date, document, who gave it).
public struct ConsentFields: Sendable, Equatable {
    public var givenOn: String
    public var document: String
    public var givenBy: String

    public init(givenOn: String, document: String = "", givenBy: String = "") {
        self.givenOn = givenOn
        self.document = document
        self.givenBy = givenBy
    }

    /// The consent's date, with problems by field (`consentOn`, `consentDocument`, `consentGivenBy`).
    public func validated(today: CivilDate, prefix: String = "consent") -> (date: CivilDate?, problems: [String: String]) {
        var problems: [String: String] = [:]
        let date = CivilDate(typed: givenOn)
        if let date { if date > today { problems[prefix + "On"] = "Дата согласия не может быть в будущем." } } else {
            problems[prefix + "On"] = "Укажите дату согласия (ДД.ММ.ГГГГ)."
        }
        if document.trimmingWhitespace.count > 200 { problems[prefix + "Document"] = "Не длиннее 200 символов." }
        if givenBy.trimmingWhitespace.count > 200 { problems[prefix + "GivenBy"] = "Не длиннее 200 символов." }
        return (problems.isEmpty ? date : nil, problems)
    }
}

/// When a student is on a class's lists (and so on its lessons): from the day of enrolment
/// (`joined_on`, inclusive) up to the day they left (`left_on`, exclusive: «выбыл 15.12» means
/// not at school from the 15th on), the convention the journal's queries have always used.
public struct Enrolment: Sendable, Equatable {
    public let studentID: Int
    public let classID: Int
    public let joinedOn: CivilDate
    public let leftOn: CivilDate?
    public let leftReason: String

    public init(studentID: Int, classID: Int, joinedOn: CivilDate, leftOn: CivilDate?, leftReason: String = "") {
        self.studentID = studentID
        self.classID = classID
        self.joinedOn = joinedOn
        self.leftOn = leftOn
        self.leftReason = leftReason
    }

    /// Whether the student is on the class's lists on `date`.
    public func covers(_ date: CivilDate) -> Bool { Self.covers(date, joinedOn: joinedOn, leftOn: leftOn) }

    /// The rule itself, for lists that carry the two dates without the rest.
    public static func covers(_ date: CivilDate, joinedOn: CivilDate, leftOn: CivilDate?) -> Bool {
        joinedOn <= date && (leftOn.map { date < $0 } ?? true)
    }
}
