import Domain

/// The school's settings: every key with its default, what it means, and the values it takes.
public enum SchoolSettings {
    public struct Definition: Sendable {
        public let key: String
        public let meaning: String
        public let defaultValue: String
        public let allowed: String
        let isValid: @Sendable (String) -> Bool
    }

    public static let all: [Definition] = [
        Definition(key: "edit_window", meaning: "сколько после даты урока отметки можно исправлять", defaultValue: "2w",
                   allowed: "never (до конца года), 1w, 2w, 3w, 1m", isValid: { ["never", "1w", "2w", "3w", "1m"].contains($0) }),
        Definition(key: "period_mark_days", meaning: "за сколько последних дней периода ставятся итоговые отметки",
                   defaultValue: "14", allowed: "от 3 до 31", isValid: { Int($0).map { (3...31).contains($0) } ?? false }),
        Definition(key: "absence_correction_days", meaning: "сколько рабочих дней после урока классный руководитель исправляет причину пропуска",
                   defaultValue: "2", allowed: "от 1 до 20", isValid: { Int($0).map { (1...20).contains($0) } ?? false }),
        Definition(key: "homework_deadline_minutes", meaning: "за сколько минут после последнего урока дня вносится домашнее задание",
                   defaultValue: "60", allowed: "60, 90, 180", isValid: { ["60", "90", "180"].contains($0) }),
        Definition(key: "slip_valid_days", meaning: "сколько дней действует временный пароль с листка", defaultValue: "14",
                   allowed: "от 1 до 60", isValid: { Int($0).map { (1...60).contains($0) } ?? false }),
        Definition(key: "rounding", meaning: "с какого среднего балла ставится 3, 4, 5 за период", defaultValue: "2.5/3.5/4.5",
                   allowed: "2.5/3.5/4.5 или 2.6/3.6/4.6", isValid: { ["2.5/3.5/4.5", "2.6/3.6/4.6"].contains($0) }),
        Definition(key: "kiosk_idle_seconds", meaning: "через сколько секунд бездействия киоск выходит из дневника", defaultValue: "60",
                   allowed: "от 20 до 600", isValid: { Int($0).map { (20...600).contains($0) } ?? false }),
    ]

    public static func definition(_ key: String) -> Definition? { all.first { $0.key == key } }

    /// The value in force: the stored one, else the default.
    public static func value(_ key: String, _ c: Connection) throws -> String {
        try c.setting(key) ?? definition(key)?.defaultValue ?? ""
    }

    /// The school's rule for turning an average into a period mark.
    public static func roundingRule(_ c: Connection) throws -> RoundingRule {
        RoundingRule(setting: try value("rounding", c))
    }

    /// Every value in force, read at once: stored ones over the defaults.
    public static func values(_ c: Connection) throws -> [String: String] {
        var values = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0.defaultValue) })
        for (key, value) in try c.query("SELECT key, value FROM setting", row: { ($0.string(0), $0.string(1)) }) { values[key] = value }
        return values
    }

    /// A setting that does not exist or a value it does not take.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Stores a value after checking it. - Throws: `Refusal` naming the allowed values.
    public static func set(_ key: String, _ value: String, _ c: Connection) throws {
        guard let d = definition(key) else {
            throw Refusal(description: "неизвестная настройка «\(key)» (есть: \(all.map(\.key).joined(separator: ", ")))")
        }
        guard d.isValid(value) else { throw Refusal(description: "\(key): «\(value)» не подходит; допустимо: \(d.allowed)") }
        try c.setSetting(key, value)
    }
}
