import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The frame of the journal's pages: the signed-in header and a way back.
enum JournalFrame {
    /// The hidden field with the session's CSRF token that every form carries.
    static func csrfField(_ visit: Visit) -> HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(visit.csrfToken)\">" }

    static func page(_ visit: Visit, database: Database, title: String, nav: [(String, String)] = [], status: Int = 200,
                     scripts: [Asset] = [], _ content: HTML) throws -> Response {
        Layout.response(try html(visit, database: database, title: title, nav: nav, scripts: scripts, content), status: status)
    }

    static func html(_ visit: Visit, database: Database, title: String, nav: [(String, String)], scripts: [Asset], _ content: HTML) throws -> HTML {
        let (school, me) = try database.read { c in (try c.school(), try c.personSummary(visit.actor!.personID, year: -1)) }
        return Layout.page(title: title, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                           nav: [(visit.words.menuHome, "/")] + nav.map { (label: $0.0, href: $0.1) }, scripts: scripts, content)
    }

    /// Where `page(…, splicing:)` puts its bytes.
    static let spliceMark: HTML = "<!--splice-->"

    /// A page whose content holds `spliceMark` once; `bytes` go there as they are, without
    /// turning the journal grid's tens of kilobytes into a `String` and back.
    static func page(_ visit: Visit, database: Database, title: String, nav: [(String, String)], scripts: [Asset], _ content: HTML,
                     splicing bytes: HTMLBytes) throws -> Response {
        let page = Array(try html(visit, database: database, title: title, nav: nav, scripts: scripts, content).text.utf8)
        // Searched as bytes: `String` search walks characters and costs more than the page.
        let mark = Array(spliceMark.text.utf8)
        guard let at = page.indices.dropLast(mark.count - 1).first(where: { page[$0] == mark[0] && page[$0..<$0 + mark.count].elementsEqual(mark) }) else {
            preconditionFailure("the page has no splice mark")
        }
        var body: [UInt8] = []
        body.reserveCapacity(page.count - mark.count + bytes.bytes.count)
        body += page[..<at]
        body += bytes.bytes
        body += page[(at + mark.count)...]
        var response = Response(status: 200, contentType: "text/html; charset=utf-8", body: body)
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
