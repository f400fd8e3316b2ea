/// The frame every page shares: header, menu, footer.
extension Words {
    public var signOut: String { pick("Выйти", "Sign out") }
    public var productLine: String { pick("Электронный журнал и дневник", "Class journal and student diary") }
    public var onThisPage: String { pick("На этой странице", "On this page") }
    public var menuHome: String { pick("Главная", "Home") }
    public var menuMyDay: String { pick("Мой день", "My day") }
    public var menuJournals: String { pick("Журналы", "Journals") }
    public var menuDiary: String { pick("Дневник", "Diary") }
    public var menuPeople: String { pick("Люди", "People") }
    /// The name of this language, in this language.
    public var languageName: String { pick("Русский", "English") }
    /// The name of the other language, in that language, for the switch.
    public var otherLanguageName: String { Words(language == .russian ? .english : .russian).languageName }
    public var languageLabel: String { pick("Язык страниц", "Page language") }
}
