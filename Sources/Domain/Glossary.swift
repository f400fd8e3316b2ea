/// Roles a person may hold (DOMAIN.md, "Roles and what each may do"). One person may hold several.
public enum Role: String, CaseIterable, Sendable, Codable {
    case administrator, director, deputy, teacher, psychologist, secretary, student, guardian

    /// What users see.
    public var russian: String {
        switch self {
        case .administrator: "администратор"
        case .director: "директор"
        case .deputy: "заместитель директора"
        case .teacher: "учитель"
        case .psychologist: "педагог-психолог"
        case .secretary: "секретарь"
        case .student: "обучающийся"
        case .guardian: "родитель (законный представитель)"
        }
    }

    /// Roles held by school staff (as opposed to students and guardians).
    public var isStaff: Bool { self != .student && self != .guardian }
}

/// Attendance codes of the journal: Н, Б, У, О.
public enum AbsenceCode: String, CaseIterable, Sendable, Codable {
    /// The code as typed: Н Б У О in either case, or the Latin N B U O of a keyboard in the wrong layout.
    public init?(letter: String) {
        let latin = ["N": "Н", "B": "Б", "U": "У", "O": "О"]
        let upper = letter.trimmingWhitespace.uppercased()
        self.init(rawValue: latin[upper] ?? upper)
    }

    /// Неявка по неуважительной причине.
    case unexcused = "Н"
    /// Болеет.
    case ill = "Б"
    /// По уважительной причине.
    case excused = "У"
    /// Опоздал.
    case late = "О"

    public var russian: String {
        switch self {
        case .unexcused: "не явился без уважительной причины"
        case .ill: "болел"
        case .excused: "отсутствовал по уважительной причине"
        case .late: "опоздал"
        }
    }
}

/// How a class's year is divided for reporting.
public enum PeriodScheme: String, CaseIterable, Sendable, Codable {
    case quarter, half

    /// Grades 2–9 report by quarters, 10–11 by half-years; the school may change this per class.
    public static func standard(forGrade grade: Int) -> PeriodScheme { grade >= 10 ? .half : .quarter }

    public func russianName(number: Int) -> String {
        let roman = ["I", "II", "III", "IV"]
        let r = (1...4).contains(number) ? roman[number - 1] : String(number)
        return self == .quarter ? "\(r) четверть" : "\(r) полугодие"
    }
}

/// Kinds of period marks (итоговые отметки).
public enum PeriodMarkKind: String, CaseIterable, Sendable, Codable {
    case period, year, exam, final
}

/// A class name such as `5А`: a grade 1–11 and a Cyrillic capital letter.
public struct ClassName: Hashable, Sendable, CustomStringConvertible {
    public let grade: Int
    public let letter: Character

    public init?(grade: Int, letter: Character) {
        guard (1...11).contains(grade), ClassName.letters.contains(letter) else { return nil }
        self.grade = grade
        self.letter = letter
    }

    /// Parses `5А`, `11Б`, also `5 а` or `5-А` as people type them.
    public init?(_ text: some StringProtocol) {
        var digits = ""
        var rest = ""
        for ch in text where ch != " " && ch != "-" {
            if ch.isASCII, ch.isNumber, rest.isEmpty { digits.append(ch) } else { rest.append(ch) }
        }
        guard let g = Int(digits), rest.count == 1, let l = rest.uppercased().first else { return nil }
        self.init(grade: g, letter: l)
    }

    public var description: String { "\(grade)\(letter)" }

    /// Letters schools use for parallel classes, in order.
    public static let letters: [Character] = ["А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н"]
}

/// Russian names of months in the genitive (as in «22 ноября»), and in the nominative.
public enum RussianCalendar {
    public static let monthsGenitive = ["января", "февраля", "марта", "апреля", "мая", "июня",
                                        "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    public static let months = ["январь", "февраль", "март", "апрель", "май", "июнь",
                                "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"]
    public static let weekdays = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
    public static let weekdaysShort = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]

    /// «22 ноября 2026 г.»
    public static func long(_ d: CivilDate) -> String {
        "\(d.day) \(monthsGenitive[d.month - 1]) \(d.year) г."
    }
}

extension String {
    /// The string with its first letter in upper case («понедельник» → «Понедельник»).
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// Without leading and trailing white space.
    public var trimmingWhitespace: String {
        var s = self[...]
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
