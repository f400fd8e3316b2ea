import Desks
import Diary
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// Announcements and events (issue 15): `/events` lists the coming two months with a form for
/// those who may post (the administration for the school, a class teacher for their class);
/// `GET|POST /api/v1/events` do the same from the API. The home page, the diary's week and the
/// kiosk's idle screen show them too.
struct EventsPages: Sendable {
    let database: Database
    var desk: EventsDesk { EventsDesk(database: database) }

    /// `POST /api/v1/events`.
    struct Body: Decodable {
        let `class`: Int?
        let starts_on: String
        let ends_on: String?
        let title: String
        let details: String?
    }

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/events", .school(.viewEvents)) { visit in try page(visit) },
            AppRoute(.post, "/events", .policy(.postEvents) { visit in try scope(try visit.request.form()["class"]) }) { visit in
                let form = try visit.request.form()
                do {
                    guard let starts = CivilDate(iso: form["starts_on"] ?? "") else { throw DeskError.invalid(Words.russian.dateExpected, field: "starts_on") }
                    let ends = (form["ends_on"] ?? "").isEmpty ? nil : CivilDate(iso: form["ends_on"] ?? "")
                    guard ends != nil || (form["ends_on"] ?? "").isEmpty else { throw DeskError.invalid(Words.russian.dateExpected, field: "ends_on") }
                    _ = try desk.post(classID: form["class"].flatMap { Int($0) }, startsOn: starts, endsOn: ends, title: form["title"] ?? "",
                                      details: form["details"] ?? "", by: visit.editor)
                    return .redirect(to: "/events?posted=1")
                } catch let error as DeskError where error.field != nil {
                    return try page(visit, values: form, error: error, status: 422)
                }
            },
            AppRoute(.get, "/api/v1/events", .school(.viewEvents)) { visit in
                let from = try visit.request.query["from"].map { try Self.date($0, visit) } ?? visit.today
                let to = try visit.request.query["to"].map { try Self.date($0, visit) } ?? from.adding(days: 60)
                guard from <= to else { throw HTTPError.badRequest(visit.words.fromAfterTo) }
                guard to.dayNumber - from.dayNumber <= 366 else { throw HTTPError.badRequest(visit.words.atMostAYear) }
                let events = try desk.events(for: visit.actor!, from: from, to: to)
                var json = JSONBytes(capacity: 128 + events.count * 128)
                json.object { j in
                    j.key("events")
                    j.array(events) { j, e in
                        j.object { j in
                            j.field("class", e.classID)
                            j.field("details", e.details)
                            j.field("ends_on", e.endsOn.iso)
                            j.field("id", e.id)
                            j.field("starts_on", e.startsOn.iso)
                            j.field("title", e.title)
                        }
                    }
                }
                return JSONBody.response(json)
            },
            AppRoute(.post, "/api/v1/events", .policy(.postEvents) { visit in
                try scope(try JSONBody.decode(Body.self, from: visit.request).class.map(String.init))
            }) { visit in
                let body = try JSONBody.decode(Body.self, from: visit.request)
                guard let starts = CivilDate(iso: body.starts_on) else { throw DeskError.invalid(Words.russian.dateExpected, field: "starts_on") }
                let ends = try body.ends_on.map { text in
                    guard let d = CivilDate(iso: text) else { throw DeskError.invalid(Words.russian.dateExpected, field: "ends_on") }
                    return d
                }
                let id = try desk.post(classID: body.class, startsOn: starts, endsOn: ends, title: body.title, details: body.details ?? "", by: visit.editor)
                var json = JSONBytes(capacity: 16)
                json.object { $0.field("id", id) }
                return JSONBody.response(json, status: 201)
            },
        ]
    }

    /// Where an event goes, as the policy sees it: its class, or the school.
    func scope(_ classText: String?) throws -> Resource {
        guard let text = classText, !text.isEmpty else { return .school }
        guard let id = Int(text), try database.read({ try $0.schoolClass(id) }) != nil else { throw HTTPError.notFound }
        return .schoolClass(id)
    }

    static func date(_ text: String, _ visit: Visit) throws -> CivilDate {
        guard let d = CivilDate(iso: text) else { throw HTTPError.badRequest(visit.words.dateExpected) }
        return d
    }

    func page(_ visit: Visit, values: Parameters = Parameters(), error: DeskError? = nil, status: Int = 200) throws -> Response {
        let w = visit.words, actor = visit.actor!
        let events = try desk.events(for: actor, from: visit.today, to: visit.today.adding(days: 60))
        let (school, me, classes) = try database.read { c in
            let year = try c.academicYear(containing: visit.today)?.id ?? -1
            return (try c.school(), try c.personSummary(actor.personID, year: -1),
                    try c.classNames(year: year).compactMap { name in try c.classID(name: name, year: year).map { ($0, name) } })
        }
        var choices: [HTML] = AccessPolicy.permits(actor, .postEvents, .school)
            ? ["<option value=\"\"\(values["class"].map { $0.isEmpty } ?? true ? " selected" : "")>\(w.wholeSchool)</option>"] : []
        for (id, name) in classes where AccessPolicy.permits(actor, .postEvents, .schoolClass(id)) {
            choices.append("<option value=\"\(id)\"\(values["class"] == String(id) ? " selected" : "")>\(w.eventForClass(name))</option>")
        }
        let form: HTML = choices.isEmpty ? "" : """
            <form method="post" action="/events" class="card message-form"><input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <h2>\(w.newEvent)</h2>
            <label for="class">\(w.eventForLabel)</label><select id="class" name="class">\(each: choices)</select>
            <label for="title">\(w.eventTitleLabel)</label><input id="title" name="title" maxlength="200" required value="\(values["title"] ?? "")">
            <label for="starts_on">\(w.eventStartsLabel)</label><input id="starts_on" name="starts_on" type="date" required value="\(values["starts_on"] ?? visit.today.iso)">
            <label for="ends_on">\(w.eventEndsLabel)</label><input id="ends_on" name="ends_on" type="date" value="\(values["ends_on"] ?? "")">
            <label for="details">\(w.eventDetailsLabel)</label><textarea id="details" name="details" rows="4" maxlength="2000">\(values["details"] ?? "")</textarea>
            \(error.map { "<p class=\"form-error\" role=\"alert\">\($0.message(in: w))</p>" as HTML })
            <p><button>\(w.postEvent)</button></p>
            </form>
            """
        return Layout.response(Layout.page(title: w.eventsTitle, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [(label: w.menuHome, href: "/")], """
            <main class="events-page">
            <h1>\(w.eventsTitle)</h1>
            \(visit.request.query["posted"] != nil ? "<p class=\"notice ok\" role=\"status\">\(w.eventPosted)</p>" as HTML : "")
            <section class="card">\(events.isEmpty ? "<p class=\"muted\">\(w.noEvents)</p>" as HTML : EventView.list(events, w))</section>
            \(form)
            </main>
            """), status: status)
    }
}
