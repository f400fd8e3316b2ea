import Desks
import Domain
import HTTP
import Printing
import Routing
import Storage
import WebUI
import Words

/// The printed documents as downloads (DOMAIN.md, "Printed documents"): each a POST from a
/// button (the print is audited, so never a GET), drawn off the server's pool threads. The
/// gate lets in whoever has journals; the print desk decides which class, subject or student.
struct PrintPages: Sendable {
    let database: Database
    let clock: SchoolClock
    var desk: PrintDesk { PrintDesk(database: database) }

    var routes: [AppRoute] {
        [
            AppRoute(.post, "/print/journal", .school(.listJournals), slow: .computes) { visit in try journal(visit) },
            AppRoute(.post, "/print/summary", .school(.listJournals), slow: .computes) { visit in try summary(visit) },
            AppRoute(.post, "/print/diary", .school(.listJournals), slow: .computes) { visit in try diary(visit) },
            AppRoute(.post, "/print/blank", .school(.listJournals), slow: .computes) { visit in try blank(visit) },
        ]
    }

    /// `class`, and `period` (else the year), optionally `subject`.
    func journal(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        let copy = try desk.journal(classID: try Self.id(form, "class", visit.words), period: try Self.optionalID(form, "period", visit.words),
                                    subject: try Self.optionalID(form, "subject", visit.words), heldBy: visit.today, by: visit.editor)
        let range = copy.period.map(Words.russian.period) ?? Words.russian.printYear
        return Self.download(try JournalCopySheet.pdf(copy), name: Words.russian.journalCopyFile(copy.heading.className, range))
    }

    /// `class`: the summary sheet of its year.
    func summary(_ visit: Visit) throws -> Response {
        let sheet = try desk.summary(classID: try Self.id(visit.request.form(), "class", visit.words), by: visit.editor)
        return Self.download(try SummarySheetPDF.pdf(sheet), name: Words.russian.summaryFile(sheet.heading.className, sheet.heading.yearName))
    }

    /// `student`, `from`, `to`.
    func diary(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        let (from, to) = try Self.dates(form, visit.words)
        let printout = try desk.diary(student: try Self.id(form, "student", visit.words), from: from, to: to, utcOffsetMinutes: clock.utcOffsetMinutes, by: visit.editor)
        return Self.download(try DiaryPrintoutPDF.pdf(printout), name: Words.russian.diaryFile(printout.student, from))
    }

    /// `class`, `from`, `to`.
    func blank(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        let (from, to) = try Self.dates(form, visit.words)
        let copy = try desk.blank(classID: try Self.id(form, "class", visit.words), from: from, to: to, by: visit.editor)
        return Self.download(try JournalCopySheet.blank(copy), name: Words.russian.blankFile(copy.heading.className, from))
    }

    static func id(_ form: Parameters, _ name: String, _ w: Words) throws -> Int {
        guard let id = try optionalID(form, name, w) else { throw HTTPError.badRequest(w.numberExpected(name)) }
        return id
    }

    static func optionalID(_ form: Parameters, _ name: String, _ w: Words) throws -> Int? {
        guard let text = form[name], !text.isEmpty else { return nil }
        guard let id = Int(text), id > 0 else { throw HTTPError.badRequest(w.numberExpected(name)) }
        return id
    }

    static func dates(_ form: Parameters, _ w: Words) throws -> (CivilDate, CivilDate) {
        guard let from = form["from"].flatMap(CivilDate.init(iso:)) else { throw HTTPError.badRequest(w.isoDateExpected("from")) }
        guard let to = form["to"].flatMap(CivilDate.init(iso:)) else { throw HTTPError.badRequest(w.isoDateExpected("to")) }
        return (from, to)
    }

    static func download(_ pdf: PrintedPDF, name: String) -> Response {
        var response = Response(status: 200, contentType: "application/pdf", body: pdf.bytes)
        response.headers.add("Content-Disposition", PeoplePages.attachment(name + ".pdf"))
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
