import Desks
import Diary
import Domain
import HTTP
import Journal
import Kiosk
import Logging
import Routing
import Secrets
import Storage
import WebUI
import Words

/// The whole web application as one `Request -> Response` function: routes, the gate every
/// request passes, error pages. The daemon and the in-process tests both call it.
public struct App: Sendable {
    public static let version = "0.1.0"

    public let database: Database
    public let clock: SchoolClock
    public let logger: Logger
    /// Every route with its declared access; the router is built from this list.
    public let routes: [AppRoute]
    let router: Router
    let gate: Gate
    let signIn: SignInDesk

    /// `uploadLimit`: the largest request body the server takes (what the imports page says of a file's size).
    public init(database: Database, clock: SchoolClock, logger: Logger, uploadLimit: Int = 8 * 1024 * 1024) {
        self.database = database
        self.clock = clock
        self.logger = logger
        let gate = Gate(database: database, clock: clock, logger: logger)
        let signIn = SignInDesk(database: database)
        let routes = Self.systemRoutes(database: database)
            + HomePage.routes(database: database)
            + AccountRoutes(database: database, signIn: signIn).routes
            + PeoplePages(database: database, clock: clock).routes
            + ImportPages(database: database, uploadLimit: uploadLimit).routes
            + BackupsPage(database: database, clock: clock).routes
            + StructurePages(database: database).routes
            + YearPages(database: database).routes
            + TimetablePages(database: database, clock: clock).routes
            + GroupPages(database: database, clock: clock).routes
            + ReportsPages(database: database, clock: clock).routes
            + PrintPages(database: database, clock: clock).routes
            + MessagesPages(database: database, clock: clock).routes
            + EventsPages(database: database).routes
            + NotificationPages(database: database, clock: clock).routes
            + DiaryPages(database: database, clock: clock).routes
            + JournalRoutes(database: database, clock: clock).routes
            + KioskMode(database: database, clock: clock, verify: { PasswordHash.verify($0, against: $1) }).routes
        var router = Router()
        for route in routes {
            router.add(route.method, route.pattern) { request in try gate.pass(route, request) }
        }
        self.routes = routes
        self.router = router
        self.gate = gate
        self.signIn = signIn
    }

    /// The route table as JSON, for the check suite (`tabel routes --json`): method, pattern,
    /// the policy's action ("open" for none), whether it changes state and hides refusals.
    public var routeTableJSON: [UInt8] {
        var json = JSONBytes(capacity: 16 * 1024)
        json.array(routes) { j, route in
            j.object { o in
                o.field("method", route.method.rawValue)
                o.field("pattern", route.pattern)
                o.field("access", route.action?.rawValue ?? "open")
                o.field("changesState", route.changesState)
                o.field("hidesRefusal", route.hidesRefusal)
            }
        }
        return json.bytes
    }

    /// Answers one request; never throws: every error becomes its page (or JSON under `/api/`).
    public func respond(to request: Request) -> Response {
        switch router.match(request.method, request.path) {
        case let .found(route, parameters):
            var request = request
            request.pathParameters = parameters
            do {
                return try route.handler(request)
            } catch let error as HTTPError {
                return errorPage(error, path: request.path, words: gate.words(request))
            } catch let error as DeskError {
                return errorPage(error.httpError, path: request.path, words: gate.words(request))
            } catch let error as SQLiteError where error.isDiskFull {
                // Said as what it is; the database marks itself degraded (and logs it once).
                let w = gate.words(request)
                return errorPage(HTTPError(status: 507, message: w.diskFull, code: "disk_full"), path: request.path, words: w)
            } catch {
                logger.error("\(request.method.rawValue) \(request.path): \(String(describing: error))")
                let w = gate.words(request)
                return errorPage(HTTPError(status: 500, message: w.internalError), path: request.path, words: w)
            }
        case let .methodNotAllowed(allowed):
            let w = gate.words(request)
            var response = errorPage(HTTPError(status: 405, message: w.methodNotAllowed), path: request.path, words: w)
            response.headers.add("Allow", allowed.map(\.rawValue).joined(separator: ", "))
            return response
        case .notFound:
            return errorPage(.notFound, path: request.path, words: gate.words(request))
        }
    }

    /// How a request is answered off the server's pool threads, when its route is marked slow.
    public func slowWork(_ request: Request) -> SlowWork? {
        guard case let .found(route, _) = router.match(request.method, request.path) else { return nil }
        return routes.first { $0.method == route.method && $0.pattern == route.pattern }?.slow
    }

    /// The page (or JSON) for an error, in `words`; the school's name when it can be read.
    public func errorPage(_ error: HTTPError, path: String = "/", words: Words = .russian) -> Response {
        let school = try? database.read { try $0.school() }
        var response = ErrorPage.response(for: error, path: path, school: school ?? nil, words: words)
        if error.status == 429, let seconds = error.retryAfter { response.headers.add("Retry-After", String(seconds)) }
        return response
    }

    static func systemRoutes(database: Database) -> [AppRoute] {
        [
            AppRoute(.get, "/healthz", .open) { _ in
                var problem: String?
                do {
                    _ = try database.read { try $0.isReadable() }
                } catch {
                    problem = String(describing: error)
                }
                // Serving, but something is wrong (a full disk, a failed check): said, with why.
                let degraded = database.degradedReasons
                var json = JSONBytes(capacity: 64)
                json.object { j in
                    j.field("status", problem != nil ? "unavailable" : degraded.isEmpty ? "ok" : "degraded")
                    j.field("version", version)
                    j.field("database", problem ?? degraded.first?.cause ?? "ok")
                    if !degraded.isEmpty { j.field("reason", degraded.map(\.reason).joined(separator: "; ")) }
                }
                return JSONBody.response(json, status: problem == nil ? 200 : 503)
            },
            AppRoute(.get, "/static/{name}", .open) { visit in
                guard let name = visit.request.pathParameters["name"], let asset = Assets.all[name] else { throw HTTPError.notFound }
                return asset.response(to: visit.request)
            },
            AppRoute(.get, "/favicon.ico", .open) { visit in Assets.icon.response(to: visit.request) },
        ]
    }
}
