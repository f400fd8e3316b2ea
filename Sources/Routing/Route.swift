import Domain
import HTTP
import Words

/// One request as a route's handler sees it: the request, the moment, and who is asking.
public struct Visit: Sendable {
    public let request: Request
    /// Unix seconds on the school's clock.
    public let now: Int
    public let today: CivilDate
    /// nil for anonymous visitors.
    public let actor: Actor?
    public let session: SessionRecord?
    /// The registered kiosk screen this browser is, from its device cookie.
    public let kioskID: Int?
    /// The language of the pages: the account's choice, or the sign-in page's switch.
    public let language: Language
    /// Messages of others the visitor has not read (the menu shows the count on pages).
    public let unreadMessages: Int

    public init(request: Request, now: Int, today: CivilDate, actor: Actor?, session: SessionRecord?, kioskID: Int? = nil,
                language: Language = .russian, unreadMessages: Int = 0) {
        self.request = request
        self.now = now
        self.today = today
        self.actor = actor
        self.session = session
        self.kioskID = kioskID
        self.language = language
        self.unreadMessages = unreadMessages
    }

    /// The same visit with the unread count as it is now (a page that has just marked messages read).
    public func with(unreadMessages count: Int) -> Visit {
        Visit(request: request, now: now, today: today, actor: actor, session: session, kioskID: kioskID, language: language, unreadMessages: count)
    }

    /// The words of this visit's pages.
    public var words: Words { Words(language) }

    /// The CSRF token forms of this visit carry (the session's; empty when anonymous).
    public var csrfToken: String { session?.csrfToken ?? "" }
}

/// Who may use a route. Every route declares one; the gate in `App` enforces it.
public enum Access: Sendable {
    /// Anyone, signed in or not (sign-in page, health check, assets, kiosk idle screen).
    case open
    /// A signed-in actor whom the policy permits `action` on the resource the request names.
    case policy(Action, resource: @Sendable (Visit) throws -> Resource)

    /// `action` on the school as a whole.
    public static func school(_ action: Action) -> Access { .policy(action) { _ in .school } }
}

/// A route of the application: method, pattern, access and handler.
public struct AppRoute: Sendable {
    public let method: Method
    public let pattern: String
    public let access: Access
    /// Answered off the server's pool threads: password hashing and PDF printing compute,
    /// journal writes wait for their group commit.
    public let slow: SlowWork?
    /// Refusals answer 404, as if the resource did not exist (diaries: a foreign student's
    /// id reveals nothing, not even that the student exists).
    public let hidesRefusal: Bool
    public let handler: @Sendable (Visit) throws -> Response

    public init(_ method: Method, _ pattern: String, _ access: Access, slow: SlowWork? = nil, hidesRefusal: Bool = false,
                _ handler: @escaping @Sendable (Visit) throws -> Response) {
        self.method = method
        self.pattern = pattern
        self.access = access
        self.slow = slow
        self.hidesRefusal = hidesRefusal
        self.handler = handler
    }

    /// Whether the route writes (its requests must prove they come from our pages).
    public var changesState: Bool { ![.get, .head, .options].contains(method) }

    /// The policy's action the route asks for; nil for an open route.
    public var action: Action? {
        if case let .policy(action, _) = access { return action }
        return nil
    }
}
