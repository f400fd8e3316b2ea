/// Signing in and out, and the password page.
extension Words {
    public var signInTitle: String { pick("Вход", "Sign in") }
    public var signInHeading: String { pick("Вход в электронный журнал", "Sign in to the class journal") }
    public var loginLabel: String { pick("Логин", "Login") }
    public var passwordLabel: String { pick("Пароль", "Password") }
    public var signInButton: String { pick("Войти", "Sign in") }
    public var signInHint: String {
        pick("Логин и пароль выдаёт классный руководитель или администратор на листке с реквизитами. При первом входе система попросит придумать свой пароль.",
             "Your class teacher or the administrator gives you a login and a password on a login slip. The first time you sign in, you will be asked to choose a password of your own.")
    }
    public var enterLogin: String { pick("Введите логин.", "Enter your login.") }
    public var wrongCredentials: String { pick("Неверный логин или пароль.", "Wrong login or password.") }
    /// `wait` as `wait(_:)` says it.
    public func tooManyAttempts(wait: String) -> String {
        pick("Слишком много неудачных попыток. Попробуйте снова через \(wait).", "Too many failed attempts. Try again in \(wait).")
    }
    public var tooManyAttemptsShort: String { pick("Слишком много неудачных попыток.", "Too many failed attempts.") }
    public var accountLocked: String {
        pick("Учётная запись заблокирована. Обратитесь к администратору или классному руководителю.",
             "This account is locked. Ask the administrator or your class teacher.")
    }
    public var accountLockedShort: String { pick("Учётная запись заблокирована.", "This account is locked.") }

    /// «5 минут», «1 час», "5 minutes": how long to wait, in whole minutes from a minute on.
    public func wait(_ seconds: Int) -> String {
        if seconds < 60 { return pick("\(seconds) \(russianPlural(seconds, "секунду", "секунды", "секунд"))", seconds == 1 ? "1 second" : "\(seconds) seconds") }
        let minutes = (seconds + 59) / 60
        return pick("\(minutes) \(russianPlural(minutes, "минуту", "минуты", "минут"))", minutes == 1 ? "1 minute" : "\(minutes) minutes")
    }

    /// The Russian form of a noun after `n`: one (1, 21), few (2–4, 22–24), many (5–20, 11–14…).
    public func russianPlural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let tens = n % 100, units = n % 10
        if (11...14).contains(tens) { return many }
        if units == 1 { return one }
        if (2...4).contains(units) { return few }
        return many
    }

    // The password page
    public var passwordTitle: String { pick("Смена пароля", "Change password") }
    public var passwordFirstTitle: String { pick("Придумайте свой пароль", "Choose your own password") }
    public var passwordFirstText: String {
        pick("Вы вошли по временному паролю с листка. Чтобы продолжить, задайте свой пароль: временный после этого перестанет действовать.",
             "You signed in with the temporary password from your slip. To go on, set a password of your own: the temporary one then stops working.")
    }
    public var passwordTemporary: String { pick("Временный пароль с листка", "Temporary password from the slip") }
    public var passwordCurrent: String { pick("Текущий пароль", "Current password") }
    public var passwordNew: String { pick("Новый пароль", "New password") }
    public func passwordAdvice(minimumLength: Int) -> String {
        pick("Не короче \(minimumLength) символов. Удобно взять несколько слов подряд. Не используйте логин, имя и распространённые пароли.",
             "At least \(minimumLength) characters. A few words in a row work well. Do not use your login, your name or a common password.")
    }
    public var passwordRepeat: String { pick("Новый пароль ещё раз", "New password again") }
    public var passwordSave: String { pick("Сохранить пароль", "Save password") }
    public var passwordsDiffer: String { pick("Пароли не совпадают.", "The passwords do not match.") }
}
