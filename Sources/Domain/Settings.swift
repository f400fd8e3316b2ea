/// The school's settings as one typed value: every key with its meaning, default and valid
/// values is defined here and nowhere else.
public struct SchoolSettings: Sendable, Equatable {
    /// How long after a lesson its marks and absences may be changed.
    public var editWindow: EditWindow
    /// In how many last days of a period its period marks are set.
    public var periodMarkDays: Int
    /// For how many working days after a lesson the class teacher corrects an absence's reason.
    public var absenceCorrectionDays: Int
    public var homeworkDeadlineMinutes: Int
    /// How long a login slip's temporary password works.
    public var slipValidDays: Int
    public var rounding: RoundingRule
    /// After how many idle seconds the kiosk signs out of a diary.
    public var kioskIdleSeconds: Int
    /// The school's SMTP relay for e-mail notifications: none when the host or the sender is empty.
    public var smtpHost: String
    public var smtpPort: Int
    public var smtpFrom: String

    /// One setting: its key (as stored and as the CLI takes it), what it means, its default
    /// and the values it takes.
    public struct Definition: Sendable {
        public let key: String
        public let meaning: String
        public let defaultValue: String
        /// The values it takes, for a person («от 1 до 60»).
        public let allowed: String
        /// The values a form offers as a choice (value, label); empty for a number field.
        public let choices: [(value: String, label: String)]
        let isValid: @Sendable (String) -> Bool

        public func accepts(_ value: String) -> Bool { isValid(value) }

        /// A number field (not a choice, not text).
        public var isNumber: Bool { choices.isEmpty && Int(defaultValue) != nil }
    }

    static func number(_ key: String, _ meaning: String, _ defaultValue: Int, _ range: ClosedRange<Int>) -> Definition {
        Definition(key: key, meaning: meaning, defaultValue: String(defaultValue), allowed: "от \(range.lowerBound) до \(range.upperBound)",
                   choices: [], isValid: { Int($0).map(range.contains) ?? false })
    }

    static func choice(_ key: String, _ meaning: String, _ defaultValue: String, _ choices: [(value: String, label: String)]) -> Definition {
        let values = choices.map(\.value)
        return Definition(key: key, meaning: meaning, defaultValue: defaultValue, allowed: choices.map(\.value).joined(separator: ", "),
                          choices: choices, isValid: { values.contains($0) })
    }

    static func text(_ key: String, _ meaning: String, _ allowed: String, _ isValid: @escaping @Sendable (String) -> Bool) -> Definition {
        Definition(key: key, meaning: meaning, defaultValue: "", allowed: allowed, choices: [], isValid: { $0.isEmpty || isValid($0) })
    }

    public static let definitions: [Definition] = [
        choice("edit_window", "сколько после даты урока отметки можно исправлять", "2w",
               [("never", "до конца года"), ("1w", "неделю"), ("2w", "две недели"), ("3w", "три недели"), ("1m", "месяц")]),
        number("period_mark_days", "за сколько последних дней периода ставятся итоговые отметки", 14, 3...31),
        number("absence_correction_days", "сколько рабочих дней после урока классный руководитель исправляет причину пропуска", 2, 1...20),
        choice("homework_deadline_minutes", "за сколько минут после последнего урока дня вносится домашнее задание", "60",
               [("60", "60 минут"), ("90", "90 минут"), ("180", "180 минут")]),
        number("slip_valid_days", "сколько дней действует временный пароль с листка", 14, 1...60),
        choice("rounding", "с какого среднего балла ставится 3, 4, 5 за период", "2.5/3.5/4.5",
               [("2.5/3.5/4.5", "с 2,5 / 3,5 / 4,5"), ("2.6/3.6/4.6", "с 2,6 / 3,6 / 4,6")]),
        number("kiosk_idle_seconds", "через сколько секунд бездействия киоск выходит из дневника", 60, 20...600),
        text("smtp_host", "почтовый сервер школы для уведомлений (пусто — без почты)", "имя или адрес в сети школы") { host in
            host.utf8.count <= 253 && host.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ".-:".unicodeScalars.contains($0) || ("0"..."9").contains($0) }
        },
        number("smtp_port", "порт почтового сервера", 25, 1...65535),
        text("smtp_from", "адрес отправителя писем", "адрес вида tabel@school.ru") { address in
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && address.utf8.count <= 254
                && !address.unicodeScalars.contains { $0.value <= 0x20 || $0.value >= 0x7F || "<>\"(),;:\\[]".unicodeScalars.contains($0) }
        },
    ]

    public static func definition(_ key: String) -> Definition? { definitions.first { $0.key == key } }

    /// The settings in force: each stored value that is valid, else the default.
    public init(stored: [String: String] = [:]) {
        func value(_ key: String) -> String {
            let d = Self.definition(key)!
            return stored[key].flatMap { d.isValid($0) ? $0 : nil } ?? d.defaultValue
        }
        editWindow = EditWindow(rawValue: value("edit_window")) ?? .twoWeeks
        periodMarkDays = Int(value("period_mark_days")) ?? 14
        absenceCorrectionDays = Int(value("absence_correction_days")) ?? 2
        homeworkDeadlineMinutes = Int(value("homework_deadline_minutes")) ?? 60
        slipValidDays = Int(value("slip_valid_days")) ?? 14
        rounding = RoundingRule(setting: value("rounding"))
        kioskIdleSeconds = Int(value("kiosk_idle_seconds")) ?? 60
        smtpHost = value("smtp_host")
        smtpPort = Int(value("smtp_port")) ?? 25
        smtpFrom = value("smtp_from")
    }
}
