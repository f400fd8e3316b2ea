/// The language of the pages an account sees: Russian by default, English second.
public enum Language: String, Sendable, CaseIterable, Codable {
    case russian = "ru"
    case english = "en"
}
