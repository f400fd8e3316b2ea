import Domain
import Storage

/// Why a desk did not do what was asked. Typed until one place (`Routing`) maps each case to
/// a status, a JSON body or a message beside a form field.
public enum DeskError: Error, Equatable, Sendable {
    /// No such lesson, mark, student or other thing here (404).
    case notFound(String)
    /// A value the desk does not take, with the form field it belongs to (422).
    case invalid(String, field: String)
    /// A password that is wrong or too weak (422 with its own code, which the API documents).
    case credentials(String, field: String, code: String)
    /// Several fields of one form that are wrong, each with its message (422); nothing was saved.
    case invalidFields([String: String])
    /// A rule of the journal forbids it now (409, with the rule's code).
    case refused(JournalRefusal)
    /// The student already has a mark of this work type at this lesson (409 `mark_exists`).
    case markExists(id: Int)
    /// The access policy does not let this actor do it (403).
    case forbidden

    /// The message for the person.
    public var message: String {
        switch self {
        case let .notFound(message), let .invalid(message, _), let .credentials(message, _, _): message
        case let .invalidFields(fields): fields.sorted { $0.key < $1.key }.map(\.value).joined(separator: " ")
        case let .refused(refusal): refusal.message
        case .markExists: "У обучающегося уже есть отметка этого вида работы за урок: исправьте её."
        case .forbidden: "У вас нет доступа к этой странице."
        }
    }

    /// The form field a person should look at, when there is one.
    public var field: String? {
        switch self {
        case let .invalid(_, field), let .credentials(_, field, _): field
        default: nil
        }
    }
}

extension Database {
    /// `write`, with a change to a closed year (which the schema refuses) said as `year_closed`:
    /// every desk writes through this.
    func deskWrite<T>(_ body: (Connection) throws -> T) throws -> T {
        do {
            return try write(body)
        } catch let error as SQLiteError where error.isYearClosed {
            throw DeskError.refused(.yearClosed)
        }
    }
}

extension Connection {
    /// Throws `year_closed` for a year closed by starting the next one (the schema refuses the
    /// write anyway: this says so before the other rules speak).
    func requireOpen(year: Int?) throws {
        if let year, try isYearClosed(year) { throw DeskError.refused(.yearClosed) }
    }
}
