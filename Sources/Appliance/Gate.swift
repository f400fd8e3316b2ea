import Domain
import HTTP
import Logging
import Secrets
import Storage
import WebUI

/// The one place every request passes on its way to a handler: it finds the session and the
/// actor, checks the CSRF rule of unsafe requests, and asks the access policy.
final class Gate: Sendable {
    let database: Database
    let clock: SchoolClock
    let logger: Logger

    static let sessionCookie = "tabel_session"
    /// Double-submit token of forms sent before sign-in (the sign-in form).
    static let formCookie = "tabel_csrf"

    init(database: Database, clock: SchoolClock, logger: Logger) {
        self.database = database
        self.clock = clock
        self.logger = logger
    }

    func pass(_ route: AppRoute, _ request: Request) throws -> Response {
        let now = clock.unixNow()
        let today = clock.today
        let (session, actor) = try signedIn(request, now: now, today: today)
        try checkForgery(request, session: session)
        let visit = Visit(request: request, now: now, today: today, actor: actor, session: session)
        if case let .policy(action, resolve) = route.access {
            guard let actor else { return unauthenticated(request) }
            // Signed in with a temporary password: every page leads to setting a new one.
            if actor.mustChangePassword, action != .changeOwnPassword, request.method == .get, !request.path.hasPrefix("/api/") {
                return .redirect(to: "/password")
            }
            let resource = try resolve(visit)
            guard AccessPolicy.permits(actor, action, resource) else {
                try? database.write { try $0.appendAudit(AuditEntry(
                    at: now, account: actor.accountID, session: session?.id, via: request.path.hasPrefix("/api/") ? .api : .page,
                    action: "access.denied", entity: action.rawValue, newValue: "\(request.method.rawValue) \(request.path)",
                    address: request.remoteAddress)) }
                throw route.hidesRefusal ? HTTPError.notFound : HTTPError.forbidden
            }
        }
        return try route.handler(visit)
    }

    /// The live session of the request's cookie and the actor behind it.
    func signedIn(_ request: Request, now: Int, today: CivilDate) throws -> (SessionRecord?, Actor?) {
        guard let token = request.cookies[Self.sessionCookie], !token.isEmpty else { return (nil, nil) }
        let found = try database.read { c -> (SessionRecord, Actor)? in
            guard let session = try c.session(tokenHash: Digest.blake2b(token)), session.isLive(at: now),
                  let account = try c.account(id: session.accountID), account.lockedAt == nil else { return nil }
            return (session, try c.actor(account: account, session: session, today: today))
        }
        guard let (session, actor) = found else { return (nil, nil) }
        if now - session.lastSeenAt >= SessionRules.touchEverySeconds {
            try database.write { try $0.touchSession(session.id, at: now) }
        }
        return (session, actor)
    }

    /// Unsafe requests must prove they come from our own pages: forms carry the session's
    /// token (or, before sign-in, the token of the form cookie); the JSON API takes only
    /// JSON bodies and refuses a foreign `Origin`.
    func checkForgery(_ request: Request, session: SessionRecord?) throws {
        guard ![.get, .head, .options].contains(request.method) else { return }
        if request.path.hasPrefix("/api/") {
            if let origin = request.headers["origin"], let host = request.headers["host"],
               origin != "http://\(host)", origin != "https://\(host)" {
                throw HTTPError(status: 403, message: "Запрос с чужого сайта отклонён.", code: "foreign_origin")
            }
            if !request.body.isEmpty, request.headers["content-type"]?.lowercased().hasPrefix("application/json") != true {
                throw HTTPError(status: 415, message: "Ожидается тело application/json.", code: "unsupported_media_type")
            }
            return
        }
        let sent = try request.form()["_csrf"] ?? ""
        let expected = session?.csrfToken ?? request.cookies[Self.formCookie] ?? ""
        guard !expected.isEmpty, constantTimeEqual(sent, expected) else {
            throw HTTPError(status: 403, message: "Форма устарела или отправлена не с этой страницы. Обновите страницу и отправьте её ещё раз.",
                            code: "csrf")
        }
    }

    func unauthenticated(_ request: Request) -> Response {
        if request.path.hasPrefix("/api/") {
            return ErrorPage.json(HTTPError(status: 401, message: "Нужно войти.", code: "unauthorized"))
        }
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

/// `Set-Cookie` values: HttpOnly, SameSite=Strict, Path=/, and Secure behind a TLS proxy.
enum Cookie {
    static func set(_ name: String, _ value: String, for request: Request) -> String {
        "\(name)=\(value); HttpOnly; SameSite=Strict; Path=/" + (overTLS(request) ? "; Secure" : "")
    }

    static func clear(_ name: String, for request: Request) -> String {
        "\(name)=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0" + (overTLS(request) ? "; Secure" : "")
    }

    /// True when a TLS-terminating proxy on this machine says the browser used HTTPS.
    static func overTLS(_ request: Request) -> Bool {
        request.headers["x-forwarded-proto"]?.lowercased() == "https"
            && (request.remoteAddress == "127.0.0.1" || request.remoteAddress == "::1")
    }
}
