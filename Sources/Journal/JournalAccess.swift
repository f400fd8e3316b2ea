import Domain
import HTTP
import Storage
import WebUI

extension AuditFilter {
    /// Reads `lesson`, `student`, `class`, `teacher`, `from`, `to`. - Throws: 400 naming a bad one.
    public init(_ q: Parameters) throws {
        func id(_ name: String) throws -> Int? {
            guard let text = q[name], !text.isEmpty else { return nil }
            guard let v = Int(text) else { throw HTTPError.badRequest("\(name): ожидается номер.") }
            return v
        }
        func date(_ name: String) throws -> CivilDate? {
            guard let text = q[name], !text.isEmpty else { return nil }
            guard let d = CivilDate(iso: text) else { throw HTTPError.badRequest("\(name): дата в виде ГГГГ-ММ-ДД.") }
            return d
        }
        self.init(lesson: try id("lesson"), student: try id("student"), classID: try id("class"), teacher: try id("teacher"),
                  from: try date("from"), to: try date("to"))
    }
}

enum JournalAccess {
    /// Runs a desk operation as the visit's actor; desk errors become HTTP errors, and a
    /// refusal for lack of rights is audited as the gate audits its own.
    static func perform<T>(_ visit: Visit, database: Database, via: AuditEntry.Via, _ body: (Editor) throws -> T) throws -> T {
        let actor = visit.actor!
        let editor = Editor(actor: actor, session: visit.session?.id, via: via, at: visit.now, address: visit.request.remoteAddress)
        do {
            return try body(editor)
        } catch let error as JournalError {
            if error == .forbidden {
                try? database.write { try $0.appendAudit(AuditEntry(
                    at: visit.now, account: actor.accountID, session: visit.session?.id, via: via, action: "access.denied", entity: "journal",
                    newValue: "\(visit.request.method.rawValue) \(visit.request.path)", address: visit.request.remoteAddress)) }
            }
            throw error.httpError
        }
    }
}
