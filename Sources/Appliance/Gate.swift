import Desks
import Domain
import HTTP
import Logging
import Routing
import Secrets
import Setup
import Storage
import WebUI
import Words

/// The one place every request passes on its way to a handler: it finds the session and the
/// actor, checks the CSRF rule of unsafe requests, and asks the access policy.
final class Gate: Sendable {
    let database: Database
    let clock: SchoolClock
    let logger: Logger

    static let sessionCookie = Cookie.session
    static let formCookie = Cookie.form
    static let kioskCookie = Cookie.kiosk
    static let kioskGraceSeconds = 5

    /// The actors of live sessions, under the version of what the policy reads about an
    /// account (`access_version`): a lock, a new role or class moves it, and the next request
    /// looks the account up afresh. nil: the account is locked.
    struct ActorKey: Hashable, Sendable {
        let session: Int
        let accessVersion: Int
        let today: CivilDate
    }
    let actors = PageCache<ActorKey, Actor?>(capacity: 4096)

    init(database: Database, clock: SchoolClock, logger: Logger) {
        self.database = database
        self.clock = clock
        self.logger = logger
    }

    func pass(_ route: AppRoute, _ request: Request) throws -> Response {
        let now = clock.unixNow()
        let today = clock.today
        let kioskID = try kiosk(request)
        let (session, actor) = try signedIn(request, now: now, today: today, kioskID: kioskID)
        let language = session?.language ?? cookieLanguage(request)
        try checkForgery(request, session: session, words: Words(language))
        // The menu's count of unread messages: pages only (the API has its own), one indexed count.
        let unread = actor?.channel == .web && !request.path.hasPrefix("/api/")
            ? (try? database.read { try $0.unreadMessages(of: actor!.personID) }) ?? 0 : 0
        let visit = Visit(request: request, now: now, today: today, actor: actor, session: session, kioskID: kioskID, language: language,
                          unreadMessages: unread)
        do {
            if case let .policy(action, resolve) = route.access {
                guard let actor else { return unauthenticated(request, kiosk: kioskID != nil, words: visit.words) }
                // Signed in with a temporary password: every page leads to setting a new one.
                if actor.mustChangePassword, action != .changeOwnPassword, request.method == .get, !request.path.hasPrefix("/api/") {
                    return .redirect(to: "/password")
                }
                let resource = try resolve(visit)
                guard AccessPolicy.permits(actor, action, resource) else { throw refuse(visit, route, entity: action.rawValue) }
            }
            do {
                return try route.handler(visit)
            } catch DeskError.forbidden {
                // A desk asked the policy about what the request only named (a student, a group).
                throw refuse(visit, route, entity: "desk")
            } catch let error as DeskError {
                throw error.httpError
            }
        } catch let error as HTTPError where actor != nil && actor?.channel == .web && !request.path.hasPrefix("/api/") {
            // A signed-in visitor keeps their menu on an error page.
            return errorPage(error, visit)
        }
    }

    /// The error page of a signed-in visitor: the site's frame with their name and menu.
    func errorPage(_ error: HTTPError, _ visit: Visit) -> Response {
        let (school, me) = (try? database.read { c in (try c.school(), try c.personSummary(visit.actor!.personID, year: -1)) }) ?? (nil, nil)
        var response = ErrorPage.response(for: error, path: visit.request.path, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""))
        if error.status == 429, let seconds = error.retryAfter { response.headers.add("Retry-After", String(seconds)) }
        return response
    }

    /// Records a refusal in the audit trail; the error to answer with.
    func refuse(_ visit: Visit, _ route: AppRoute, entity: String) -> HTTPError {
        // Only a signed-in visitor is refused by the policy; an open route's desk has no one to name.
        if visit.actor != nil {
            RefusalLog(database: database).record(visit.editor, what: "\(visit.request.method.rawValue) \(visit.request.path)", entity: entity)
        }
        return route.hidesRefusal ? HTTPError.notFound : HTTPError.forbidden
    }

    /// The language chosen before signing in (the header's switch keeps it in a cookie).
    func cookieLanguage(_ request: Request) -> Language {
        request.cookie(Cookie.language).flatMap(Language.init(rawValue:)) ?? .russian
    }

    /// The words of a request that never reached a route's handler (no such page, a refusal
    /// before the visit): its session's language, else the cookie's.
    func words(_ request: Request) -> Words {
        let session = request.cookie(Self.sessionCookie).flatMap { token in
            token.isEmpty ? nil : (try? database.read { try database.session(tokenHash: Digest.blake2b(token), $0) }) ?? nil
        }
        return Words(session?.language ?? cookieLanguage(request))
    }

    /// The registered kiosk screen of the request's device cookie.
    func kiosk(_ request: Request) throws -> Int? {
        guard let token = request.cookie(Self.kioskCookie), !token.isEmpty else { return nil }
        return try database.read { try $0.kiosk(deviceTokenHash: Digest.blake2b(token))?.id }
    }

    /// The live session of the request's cookie and the actor behind it. A kiosk session
    /// lives only on its own kiosk screen and only for the kiosk's idle time.
    func signedIn(_ request: Request, now: Int, today: CivilDate, kioskID: Int?) throws -> (SessionRecord?, Actor?) {
        guard let token = request.cookie(Self.sessionCookie), !token.isEmpty else { return (nil, nil) }
        let found = try database.read { c -> (SessionRecord, Actor)? in
            guard let session = try database.session(tokenHash: Digest.blake2b(token), c) else { return nil }
            if session.kiosk {
                // A kiosk session exists only on its kiosk screen's own pages.
                guard request.path == "/kiosk" || request.path.hasPrefix("/kiosk/") else { return nil }
                // The screen signs itself out when its countdown ends; the server ends the session
                // a few seconds later in any case, so the screen's own sign-out always arrives in time.
                let idle = (try c.schoolSettings().kioskIdleSeconds) + Self.kioskGraceSeconds
                guard session.kioskID == kioskID, session.isLive(at: now, idleSeconds: idle) else { return nil }
            } else {
                guard session.isLive(at: now) else { return nil }
            }
            let key = ActorKey(session: session.id, accessVersion: try c.accessVersion(), today: today)
            let actor = try actors.value(key) {
                guard let account = try c.account(id: session.accountID), account.lockedAt == nil else { return nil }
                return try c.actor(account: account, session: session, today: today)
            }
            return actor.map { (session, $0) }
        }
        guard let (session, actor) = found else { return (nil, nil) }
        // Kiosk sessions are touched on every request: their idle time is counted in seconds.
        if session.kiosk || now - session.lastSeenAt >= SessionRules.touchEverySeconds {
            database.touchSession(session.id, at: now)
        }
        return (session, actor)
    }

    /// Unsafe requests must prove they come from our own pages: a foreign `Origin` is refused;
    /// forms carry the session's token (or, before sign-in, the token of the form cookie); the
    /// JSON API takes only JSON bodies.
    func checkForgery(_ request: Request, session: SessionRecord?, words w: Words) throws {
        guard ![.get, .head, .options].contains(request.method) else { return }
        // An Origin is checked with or without a Host: no Host cannot vouch for any origin.
        if let origin = request.headers["origin"] {
            let host = request.headers["host"] ?? ""
            guard !host.isEmpty, origin == "http://\(host)" || origin == "https://\(host)" else {
                throw HTTPError(status: 403, message: w.foreignOrigin, code: "foreign_origin")
            }
        }
        if request.path.hasPrefix("/api/") {
            if !request.body.isEmpty, request.headers["content-type"]?.lowercased().hasPrefix("application/json") != true {
                throw HTTPError(status: 415, message: w.jsonBodyExpected, code: "unsupported_media_type")
            }
            return
        }
        let sent = try request.form()["_csrf"] ?? ""
        let expected = session?.csrfToken ?? request.cookie(Self.formCookie) ?? ""
        guard !expected.isEmpty, constantTimeEqual(sent, expected) else {
            throw HTTPError(status: 403, message: w.staleForm, code: "csrf")
        }
    }

    func unauthenticated(_ request: Request, kiosk: Bool, words w: Words) -> Response {
        if request.path.hasPrefix("/api/") {
            return ErrorPage.json(HTTPError(status: 401, message: w.signInRequired, code: "unauthorized"), w)
        }
        if kiosk || request.path.hasPrefix("/kiosk") { return .redirect(to: "/kiosk") }
        let next = request.method == .get ? "?next=" + PercentDecoding.encode(request.path) : ""
        return .redirect(to: "/login" + next)
    }
}

/// Compares secrets in time that does not depend on where they differ.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var diff: UInt8 = 0
    for i in 0..<x.count { diff |= x[i] ^ y[i] }
    return diff == 0
}
