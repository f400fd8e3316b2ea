/// Rules for passwords people choose (DESIGN.md, "Security baseline"): length, not one of
/// the most common passwords, not the person's own login or name. No composition rules.
public enum PasswordPolicy {
    public static let minimumLength = 8
    public static let maximumLength = 128

    /// Why `password` is refused, in Russian, or nil when it is acceptable.
    public static func problem(with password: String, login: String, names: [String]) -> String? {
        let length = password.count
        if length < minimumLength { return "Пароль должен быть не короче \(minimumLength) символов." }
        if length > maximumLength { return "Пароль должен быть не длиннее \(maximumLength) символов." }
        let folded = password.lowercased()
        if CommonPasswords.all.contains(folded) { return "Это один из самых распространённых паролей: его легко подобрать." }
        if folded.contains(login.lowercased()) { return "Пароль не должен содержать ваш логин." }
        for name in names where name.count >= 3 && folded.contains(name.lowercased()) {
            return "Пароль не должен содержать ваше имя или фамилию."
        }
        if Set(folded).count <= 2 { return "Пароль из одного-двух повторяющихся символов легко подобрать." }
        return nil
    }
}

/// How long sign-in is refused after repeated failures: from the 5th failure in a row a
/// delay that doubles (2 s, 4 s, … up to an hour); after 100 the account is locked until
/// an administrator unlocks it.
public enum SignInThrottle {
    public static let firstDelayedFailure = 5
    public static let lockAfter = 100
    public static let maximumDelay = 3600

    /// Seconds to wait after the last of `failures` failures in a row.
    public static func delay(afterFailures failures: Int) -> Int {
        guard failures >= firstDelayedFailure else { return 0 }
        let exponent = failures - firstDelayedFailure + 1
        return exponent >= 12 ? maximumDelay : min(maximumDelay, 1 << exponent)
    }

    /// Seconds until another attempt is allowed, or 0.
    public static func retryAfter(failures: Int, lastFailureAt: Int?, now: Int) -> Int {
        guard let last = lastFailureAt else { return 0 }
        return max(0, last + delay(afterFailures: failures) - now)
    }
}

/// Session lifetimes.
public enum SessionRules {
    /// Staff, students and guardians on their own devices: 30 minutes idle, 12 hours at most.
    public static let idleSeconds = 30 * 60
    public static let absoluteSeconds = 12 * 3600
    /// `last_seen_at` is written at most this often (a write per request would cost a durable commit).
    public static let touchEverySeconds = 60
    /// Temporary passwords on slips stay valid this long unless used (a school setting).
    public static let slipValidDays = 14
}

/// The alphabet of printed codes: 32 symbols that cannot be confused in print (no 0, 1, O, I).
public enum SlipAlphabet {
    public static let symbols = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    /// 10 symbols of 32: 50 bits.
    public static let passwordLength = 10
}
