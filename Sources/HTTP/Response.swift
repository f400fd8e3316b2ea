/// A complete response: status, headers and body bytes.
public struct Response: Sendable {
    public var status: Int
    public var headers: Headers
    public var body: [UInt8]

    public init(status: Int = 200, headers: Headers = Headers(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: Int = 200, contentType: String, body: [UInt8]) {
        self.init(status: status, headers: Headers([("Content-Type", contentType)]), body: body)
    }

    /// `text/html; charset=utf-8`.
    public static func html(_ text: String, status: Int = 200) -> Response {
        Response(status: status, contentType: "text/html; charset=utf-8", body: Array(text.utf8))
    }

    /// `application/json`, from already-encoded bytes.
    public static func json(_ bytes: [UInt8], status: Int = 200) -> Response {
        Response(status: status, contentType: "application/json; charset=utf-8", body: bytes)
    }

    /// `303 See Other` to `location` (Post/Redirect/Get).
    public static func redirect(to location: String) -> Response {
        Response(status: 303, headers: Headers([("Location", location)]))
    }

    /// `204 No Content`: done, nothing to say; never cached.
    public static var noContent: Response { Response(status: 204, headers: Headers([("Cache-Control", "no-store")])) }

    /// The body as UTF-8 text (for tests and logs).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// An error that maps to an HTTP status; thrown by parsers and handlers, turned into a
/// page or JSON once, at the edge.
public struct HTTPError: Error, Sendable, Equatable {
    public let status: Int
    /// A message for the person, in Russian; never internal detail.
    public let message: String
    /// A stable machine-readable reason (for JSON bodies), such as `locked_period`.
    public let code: String
    /// Seconds to wait before trying again (429), sent as `Retry-After`.
    public let retryAfter: Int?

    public init(status: Int, message: String, code: String = "", retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.code = code.isEmpty ? HTTPError.defaultCode(status) : code
        self.retryAfter = retryAfter
    }

    public static func badRequest(_ message: String) -> HTTPError { HTTPError(status: 400, message: message) }
    public static let notFound = HTTPError(status: 404, message: "Такой страницы нет.")
    public static let forbidden = HTTPError(status: 403, message: "У вас нет доступа к этой странице.")
    public static let payloadTooLarge = HTTPError(status: 413, message: "Отправленные данные слишком велики.")
    /// The server is stopping or too busy to take a slow request.
    public static let unavailable = HTTPError(status: 503, message: "Сервер сейчас занят или перезапускается. Попробуйте ещё раз через несколько секунд.")

    static func defaultCode(_ status: Int) -> String {
        switch status {
        case 400: "bad_request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 409: "conflict"
        case 413: "payload_too_large"
        case 422: "unprocessable"
        case 429: "too_many_requests"
        case 503: "unavailable"
        default: "error"
        }
    }

    /// The standard reason phrase of a status.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 303: "See Other"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        default: "Internal Server Error"
        }
    }
}
