import Domain
import HTTP
import Kiosk
import Logging
import Storage
import WebUI

/// The whole web application as one `Request -> Response` function: routes, error pages,
/// and the headers every response carries. The daemon and the in-process tests both call it.
public struct App: Sendable {
    public static let version = "0.1.0"

    public let database: Database
    public let clock: SchoolClock
    public let logger: Logger
    public let router: Router

    public init(database: Database, clock: SchoolClock, logger: Logger) {
        self.database = database
        self.clock = clock
        self.logger = logger
        var router = Router()
        Self.registerSystemRoutes(into: &router, database: database)
        HomePage.register(into: &router, database: database, clock: clock)
        KioskIdleScreen.register(into: &router, database: database, clock: clock)
        self.router = router
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
                return errorPage(error, path: request.path)
            } catch {
                logger.error("\(request.method.rawValue) \(request.path): \(String(describing: error))")
                return errorPage(HTTPError(status: 500, message: "Произошла внутренняя ошибка. Попробуйте ещё раз; если она повторится, сообщите администратору."), path: request.path)
            }
        case let .methodNotAllowed(allowed):
            var response = errorPage(HTTPError(status: 405, message: "Этот адрес не принимает такой запрос."), path: request.path)
            response.headers.add("Allow", allowed.map(\.rawValue).joined(separator: ", "))
            return response
        case .notFound:
            return errorPage(.notFound, path: request.path)
        }
    }

    /// The page (or JSON) for an error; the school's name when it can be read.
    public func errorPage(_ error: HTTPError, path: String = "/") -> Response {
        let school = try? database.read { try $0.school() }
        return ErrorPage.response(for: error, path: path, school: school ?? nil)
    }

    static func registerSystemRoutes(into router: inout Router, database: Database) {
        router.get("/healthz") { _ in
            var body = "{\"status\":"
            var status = 200
            do {
                _ = try database.read { try $0.isReadable() }
                body += "\"ok\",\"version\":\"\(version)\",\"database\":\"ok\"}"
            } catch {
                status = 503
                body += "\"unavailable\",\"version\":\"\(version)\",\"database\":"
                JSONText.appendString(String(describing: error), to: &body)
                body += "}"
            }
            var response = Response.json(Array(body.utf8), status: status)
            response.headers.add("Cache-Control", "no-store")
            return response
        }
        router.get("/static/{name}") { request in
            guard let name = request.pathParameters["name"], let asset = Assets.all[name] else { throw HTTPError.notFound }
            return asset.response(to: request)
        }
        router.get("/favicon.ico") { request in Assets.icon.response(to: request) }
    }
}
