import Domain
import HTTP
import Routing

/// A report's filters as the query gives them: `class`, `teacher`, `subject`, `period`, or
/// `from` and `to` (both, in order, at most a year apart).
struct ReportQuery {
    let classID: Int?
    let teacher: Int?
    let subject: Int?
    let periodID: Int?
    let from: CivilDate?
    let to: CivilDate?
    /// `?year=`: an earlier school year's reports (the archive).
    let yearID: Int?

    /// - Throws: 400 naming the bad parameter, in the visitor's words.
    init(_ visit: Visit) throws {
        let q = visit.request.query
        let w = visit.words
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
        (classID, teacher, subject, periodID) = (try id("class"), try id("teacher"), try id("subject"), try id("period"))
        (from, to) = (try date("from"), try date("to"))
        yearID = try id("year")
        if (from == nil) != (to == nil) { throw HTTPError.badRequest(w.bothFromAndTo) }
        if let from, let to {
            guard from <= to else { throw HTTPError.badRequest(w.fromAfterTo) }
            guard to.dayNumber - from.dayNumber <= 366 else { throw HTTPError.badRequest(w.atMostAYear) }
        }
    }
}
