import Desks
import Domain
import HTTP
import Printing
import Routing
import Setup
import Storage
import WebUI
import Words

/// The people and accounts pages: the list, a person's card, a class's page and its login slips.
struct PeoplePages {
    let database: Database
    let clock: SchoolClock
    var people: PeopleDesk { PeopleDesk(database: database) }

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/people", .policy(.viewPeople) { visit in
                visit.request.query["class"].flatMap(Int.init).map { .schoolClass($0) } ?? .school
            }) { visit in try list(visit) },
            AppRoute(.post, "/people/{id:int}/slip", .policy(.issueSlips, resource: person), slow: .computes) { visit in
                let id = try visit.request.pathParameters.int("id")
                let card = try database.read { try $0.personSummary(id, year: -1)?.card }
                return try slips(visit, people: [id], name: visit.words.slipFileName([card?.lastName ?? "", card?.firstName ?? ""].filter { !$0.isEmpty }))
            },
            AppRoute(.post, "/people/{id:int}/lock", .school(.lockAccounts)) { visit in try setLock(visit, locked: true) },
            AppRoute(.post, "/people/{id:int}/unlock", .school(.lockAccounts)) { visit in try setLock(visit, locked: false) },
        ] + cardRoutes + formRoutes + classRoutes + PeopleAPI(database: database).routes
    }

    /// The person a `/people/{id}` request names, with what the policy needs to know.
    func person(_ visit: Visit) throws -> Resource {
        guard let resource = try people.resource(person: try visit.request.pathParameters.int("id"), today: visit.today) else { throw HTTPError.notFound }
        return resource
    }

    func schoolClass(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard try database.read({ try $0.className(id: id) }) != nil else { throw HTTPError.notFound }
        return .schoolClass(id)
    }

    func frame(_ visit: Visit, title: String, _ content: HTML, status: Int = 200) throws -> Response {
        let (school, me) = try database.read { c in (try c.school(), try c.personSummary(visit.actor!.personID, year: -1)) }
        return Layout.response(Layout.page(title: title, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [(visit.words.menuHome, "/")], content), status: status)
    }

    func list(_ visit: Visit) throws -> Response {
        let q = (visit.request.query["q"] ?? "").trimmingWhitespace
        let classID = visit.request.query["class"].flatMap(Int.init)
        let (rows, classes) = try database.read { c -> ([PersonListing], [(id: Int, name: String)]) in
            let year = try c.currentAcademicYear(on: visit.today)?.id ?? -1
            return (try c.people(year: year, classID: classID), try c.classList(year: year))
        }
        let actor = visit.actor!
        let w = visit.words
        let query = NameQuery(q)
        let found = rows.filter { query.isEmpty || query.matches($0.card, login: $0.login) }
        let shown = found.prefix(300)
        // Namesakes are told apart by class and birth year, shown beside the name.
        let options: [HTML] = classes.map { "<option value=\"\($0.id)\"\($0.id == classID ? " selected" : "")>\($0.name)</option>" }
        let lines: [HTML] = shown.map { p in
            """
            <tr><td><a href="/people/\(p.id)">\(p.card.fullName)</a>\(p.birthYear.map { " <small class=\"muted\">\(w.bornIn($0))</small>" as HTML })</td><td>\(p.kind)</td><td>\(p.classes.joined(separator: ", "))</td>
            <td>\(p.login ?? "—")\(p.locked ? w.lockedInList : "")</td><td>\(p.consentOn.map(w.date) ?? w.consentNone)</td></tr>
            """
        }
        let more: HTML = found.count > shown.count ? "<p class=\"muted\">\(w.shownFirst(shown.count, of: found.count))</p>" : ""
        // The classes' own pages and slips, where the policy lets the visitor go.
        let classLinks: [HTML] = classes.filter { classID == nil || $0.id == classID }.compactMap { c in
            guard AccessPolicy.permits(actor, .viewPeople, .schoolClass(c.id)) else { return nil }
            let slips: HTML = AccessPolicy.permits(actor, .issueSlips, .schoolClass(c.id))
                ? " <a class=\"small\" href=\"/classes/\(c.id)/slips\">\(w.slipsShort)</a>" : ""
            return "<li><a href=\"/classes/\(c.id)\">\(c.name)</a>\(slips)</li>"
        }
        let add: HTML
        if AccessPolicy.permits(actor, .editPeople, .school) {
            add = "<p class=\"tools\"><a class=\"button secondary\" href=\"/people/new\(classID.map { "?kind=student&amp;class=\($0)" as HTML } ?? "")\">\(w.addPerson)</a></p>"
        } else if let classID, AccessPolicy.permits(actor, .editPeople, .schoolClass(classID)) {
            add = "<p class=\"tools\"><a class=\"button secondary\" href=\"/people/new?kind=student&amp;class=\(classID)\">\(w.addStudent)</a></p>"
        } else {
            add = ""
        }
        return try frame(visit, title: w.peopleTitle, """
            <main>
            <h1>\(w.peopleHeading)</h1>
            \(add)
            <form method="get" action="/people" class="card search">
            <div><label for="q">\(w.searchLabel)</label>
            <input id="q" name="q" value="\(q)" autocomplete="off"></div>
            <div><label for="class">\(w.classLabel)</label>
            <select id="class" name="class"><option value="">\(w.allClasses)</option>\(each: options)</select></div>
            <button type="submit">\(w.findButton)</button>
            </form>
            \(classLinks.isEmpty ? HTML.empty : "<nav class=\"card class-links\" aria-label=\"\(w.classesHeading)\"><h2>\(classID == nil ? w.classesHeading : w.classLabel)</h2><ul>\(each: classLinks)</ul></nav>")
            <p class="muted">\(w.peopleFound(found.count))</p>
            <div class="table-wrap"><table>
            <thead><tr><th>\(w.columnName)</th><th>\(w.columnWho)</th><th>\(w.classLabel)</th><th>\(w.columnLogin)</th><th>\(w.columnConsent)</th></tr></thead>
            <tbody>\(each: lines)</tbody></table></div>
            \(more)
            </main>
            """)
    }

    func setLock(_ visit: Visit, locked: Bool) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        try people.setLock(person: id, locked: locked, reason: locked ? Words.russian.lockedByAdministrator : "", by: visit.editor)
        return .redirect(to: "/people/\(id)")
    }

    /// Issues slips and answers with the PDF as a download.
    func slips(_ visit: Visit, people: [Int], name: String) throws -> Response {
        let slips = try AccountsDesk(database: database).issueSlips(people: people, today: visit.today, by: visit.editor)
        var response = Response(status: 200, contentType: "application/pdf", body: try LoginSlipSheet.pdf(slips))
        response.headers.add("Content-Disposition", Self.attachment(name + ".pdf"))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// `Content-Disposition` of a download (RFC 6266): an ASCII `filename` for old clients and
    /// the real name as `filename*=UTF-8''…` (RFC 8187).
    static func attachment(_ name: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        var encoded = ""
        for byte in name.utf8 {
            if unreserved.contains(byte) { encoded.append(Character(Unicode.Scalar(byte))) } else {
                let hex = Array("0123456789ABCDEF")
                encoded += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return "attachment; filename=\"\(Transliteration.fileName(name))\"; filename*=UTF-8''\(encoded)"
    }
}
