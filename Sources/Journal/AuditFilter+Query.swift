import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

extension AuditFilter {
    /// Reads `lesson`, `student`, `class`, `teacher`, `from`, `to`. - Throws: 400 naming a bad one, in `w`.
    public init(_ q: Parameters, words w: Words) throws {
        func id(_ name: String) throws -> Int? {
            guard let text = q[name], !text.isEmpty else { return nil }
            guard let v = Int(text), v > 0 else { throw HTTPError.badRequest(w.numberExpected(name)) }
            return v
        }
        func date(_ name: String) throws -> CivilDate? {
            guard let text = q[name], !text.isEmpty else { return nil }
            guard let d = CivilDate(iso: text) else { throw HTTPError.badRequest(w.isoDateExpected(name)) }
            return d
        }
        self.init(lesson: try id("lesson"), student: try id("student"), classID: try id("class"), teacher: try id("teacher"),
                  from: try date("from"), to: try date("to"))
    }
}
