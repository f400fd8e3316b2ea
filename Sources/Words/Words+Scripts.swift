/// What the page scripts say (`grid.js`, `kiosk.js`). A script holds both languages and speaks
/// the one of its page's `lang`; `{0}`, `{1}` stand for the values it puts in.
extension Words {
    // The journal grid
    public var scriptError: String { pick("Ошибка {0}", "Error {0}") }
    public var scriptPeriodMarkSaved: String { pick("Итоговая отметка сохранена.", "Final mark saved.") }
    public var scriptPadLabel: String { pick("Отметка в выбранной клетке", "Mark in the chosen cell") }
    public var scriptRemove: String { pick("Удалить", "Remove") }
    public var scriptDone: String { pick("Готово", "Done") }
    public var scriptConfirmMark: String { pick("Поставить отметку {0}?", "Give the mark {0} anyway?") }
    public var scriptMarkSaved: String { pick("Сохранено: {0} ({1}).", "Saved: {0} ({1}).") }
    public var scriptAbsenceSaved: String { pick("Сохранено: {0}.", "Saved: {0}.") }
    public var scriptAttendanceCleared: String { pick("Отметка о посещаемости снята.", "Attendance mark removed.") }
    public var scriptMarkRemoved: String { pick("Отметка удалена.", "Mark removed.") }

    // The kiosk's on-screen keyboard: its keys of the slip's alphabet, Latin and Russian letters
    public var keyboardSlipCode: String { pick("Код листка", "Slip code") }
    public var keyboardShift: String { pick("⇧ Shift", "⇧ Shift") }
    public var keyboardCaps: String { pick("⇪ Caps", "⇪ Caps") }
    /// The Russian letters' key, named by its first letters in both languages: it types Russian.
    public static let russianKeyboardName = "абв"
    public static let russianKeyboardRows = ["йцукенгшщзхъ", "фывапролджэ", "ячсмитьбюё"]
}

/// What the stylesheet writes itself (CSS `content`), per language.
extension Words {
    /// Around a lesson's bell number in the class page's absence list on a phone: «3-й урок,», "Lesson 3,".
    public var cssBellBefore: String { pick("", "Lesson ") }
    public var cssBellAfter: String { pick("-й урок,", ",") }
}
