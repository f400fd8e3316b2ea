/// The hallway kiosk: its idle screen, the sign-in panel, the diary on a shared screen.
extension Words {
    public var kioskTitle: String { pick("Киоск", "Kiosk") }
    public var kioskUnregistered: String { pick("Этот экран не зарегистрирован", "This screen is not registered") }
    /// Before the command that registers a kiosk.
    public var kioskRegisterBefore: String { pick("Администратор регистрирует киоск командой", "The administrator registers a kiosk with the command") }
    /// The placeholder of the kiosk's name in that command.
    public var kioskNamePlaceholder: String { pick("НАЗВАНИЕ", "NAME") }
    public var kioskRegisterAfter: String { pick("и открывает на нём выданный адрес.", "and opens the address it gives on the kiosk.") }
    public var kioskScanCode: String { pick("Поднесите QR-код с листка к сканеру", "Hold the QR code on your slip up to the scanner") }
    public var kioskOrLogin: String { pick("или войдите по логину и паролю", "or sign in with your login and password") }
    public func kioskWait(seconds: Int) -> String {
        pick("Слишком много неудачных попыток. Подождите \(seconds) с.", "Too many failed attempts. Wait \(seconds) s.")
    }
    public var kioskCodeRefused: String { pick("Код не подходит: возможно, листок заменён новым.", "The code does not work: the slip may have been replaced by a new one.") }
    /// Around the seconds left before the kiosk signs out: «Выход через 60 с».
    public var kioskSignOutIn: String { pick("Выход через", "Signing out in") }
    public var secondsShort: String { pick("с", "s") }
    public var kioskNoLessonsToday: String { pick("Сегодня уроков нет.", "No lessons today.") }
    public var kioskChanges: String { pick("Изменения в расписании", "Timetable changes") }
    public var kioskNoChanges: String { pick("Изменений в расписании на сегодня нет.", "No timetable changes today.") }
}
