/// An account as sign-in sees it.
public struct AccountRecord: Sendable, Equatable {
    public let id: Int
    public let personID: Int
    public let login: String
    /// The person's own password (Argon2id), or nil until they set one.
    public let passwordHash: String?
    public let mustChangePassword: Bool
    public let failedAttempts: Int
    public let lastFailedAt: Int?
    public let lockedAt: Int?

    public init(id: Int, personID: Int, login: String, passwordHash: String?, mustChangePassword: Bool,
                failedAttempts: Int, lastFailedAt: Int?, lockedAt: Int?) {
        self.id = id
        self.personID = personID
        self.login = login
        self.passwordHash = passwordHash
        self.mustChangePassword = mustChangePassword
        self.failedAttempts = failedAttempts
        self.lastFailedAt = lastFailedAt
        self.lockedAt = lockedAt
    }
}

/// A printed slip still able to sign in: its temporary password's hash.
public struct SlipRecord: Sendable, Equatable {
    public let id: Int
    public let passwordHash: String
    public let expiresAt: Int

    public init(id: Int, passwordHash: String, expiresAt: Int) {
        self.id = id
        self.passwordHash = passwordHash
        self.expiresAt = expiresAt
    }
}

/// A signed-in session, found by the hash of its cookie token.
public struct SessionRecord: Sendable, Equatable {
    public let id: Int
    public let accountID: Int
    public let kiosk: Bool
    /// The kiosk screen a kiosk session is bound to.
    public let kioskID: Int?
    public let csrfToken: String
    public let createdAt: Int
    public let lastSeenAt: Int
    public let expiresAt: Int
    /// Signed in with a temporary password: only a new password may be set.
    public let mustChangePassword: Bool
    /// The language the account chose for its pages.
    public let language: Language

    public init(id: Int, accountID: Int, kiosk: Bool, kioskID: Int? = nil, csrfToken: String, createdAt: Int, lastSeenAt: Int,
                expiresAt: Int, mustChangePassword: Bool, language: Language = .russian) {
        self.id = id
        self.accountID = accountID
        self.kiosk = kiosk
        self.kioskID = kioskID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.mustChangePassword = mustChangePassword
        self.language = language
    }

    /// True while neither the idle nor the absolute timeout has passed.
    public func isLive(at now: Int, idleSeconds: Int = SessionRules.idleSeconds) -> Bool {
        now < expiresAt && now - lastSeenAt < idleSeconds
    }
}

/// Who a person is, for headers, `/api/v1/me` and slips.
public struct PersonSummary: Sendable, Equatable {
    public let id: Int
    public let card: PersonCard
    public let login: String?
    /// The student's class name, or the class teacher's class.
    public let className: String?

    public init(id: Int, card: PersonCard, login: String?, className: String?) {
        self.id = id
        self.card = card
        self.login = login
        self.className = className
    }
}
