import Desks
import Domain
import HTTP

extension DeskError {
    /// The one mapping of desk errors to HTTP: status, JSON `error` code and message. Pages
    /// that show an error beside its field read the typed error itself, never this.
    public var httpError: HTTPError {
        switch self {
        case let .notFound(message): HTTPError(status: 404, message: message)
        case let .invalid(message, field): HTTPError(status: 422, message: message, code: "invalid_" + field)
        case .invalidFields: HTTPError(status: 422, message: message, code: "invalid")
        case let .credentials(message, _, code): HTTPError(status: 422, message: message, code: code)
        case let .refused(refusal): HTTPError(status: 409, message: refusal.message, code: refusal.code)
        case .markExists: HTTPError(status: 409, message: message, code: "mark_exists")
        case .forbidden: HTTPError.forbidden
        }
    }
}

extension Visit {
    /// The signed-in visitor as a desk records them: through the JSON API or a page.
    public var editor: Editor {
        Editor(actor: actor!, session: session?.id, via: request.path.hasPrefix("/api/") ? .api : .page, at: now, address: request.remoteAddress,
               language: language)
    }
}
