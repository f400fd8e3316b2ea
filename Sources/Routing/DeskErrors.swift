import Desks
import Domain
import HTTP
import Words

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

extension DeskError {
    /// The message for the person in `words`: a page that shows the error beside its field
    /// reads this (the desks write Russian; the catalogue knows their English).
    public func message(in words: Words) -> String {
        switch self {
        case let .invalidFields(fields): fields.sorted { $0.key < $1.key }.map { words.message($0.value) }.joined(separator: " ")
        case let .refused(refusal): words.refusal(refusal)
        default: words.message(message)
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
