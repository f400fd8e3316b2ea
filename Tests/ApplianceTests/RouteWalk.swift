import Appliance
import Desks
import Domain
import Foundation
import HTTP
import Routing
import Secrets
import Storage

/// The check suite's view of the route table (`App.routes`): every route, the people who
/// visit it, and sample addresses for each, so a new route is walked without anyone listing it.
/// Samples come from following the links of every role's pages from `/`, and, for routes no
/// page links to (the JSON API, forms' targets), from filling the pattern's parameters with
/// ids of the fixture school (`ids(for:)`; a parameter it cannot fill fails the suite).
final class RouteWalk: @unchecked Sendable {
    let database: Database
    let app: App
    let router: Router
    /// Signed-in visitors by a short name of their role.
    var visitors: [(role: String, client: Client)] = []
    /// Addresses found for each route (`METHOD pattern`), in the order found.
    var samples: [String: [String]] = [:]
    /// Every page fetched while walking: address, visitor's role, response.
    var fetched: [(url: String, role: String, response: Response)] = []

    /// The fixture school's people the suite signs in as: every role, both study groups of a
    /// subject, a second family. The kiosk is the hallway screen with a student signed in.
    static let people: [(role: String, name: String)] = [
        ("admin", "Соколова Ирина Павловна"), ("director", "Морозов Андрей Викторович"),
        ("deputy", "Волкова Елена Сергеевна"), ("class-teacher", "Кузнецова Ольга Николаевна"),
        ("class-teacher-5b", "Павлов Дмитрий Игоревич"), ("group-1-teacher", "Смирнова Анна Олеговна"),
        ("group-2-teacher", "Лебедев Максим Андреевич"), ("psychologist", "Орлова Татьяна Викторовна"),
        ("secretary", "Фёдорова Галина Ивановна"), ("guardian", "Алексеев Илья Викторович"),
        ("guardian-2", "Белова Наталья Викторовна"), ("student", "Алексеев Артём Ильич"), ("student-2", "Белова Дарья Андреевна"),
    ]

    init(database: Database) throws {
        self.database = database
        app = FixtureSchool.app(database)
        var router = Router()
        for route in app.routes { router.add(route.method, route.pattern) { _ in Response(status: 200) } }
        self.router = router
        for (role, name) in Self.people { visitors.append((role, try FixtureSchool.signedIn(app, name))) }
        let kiosk = Client(app)
        _ = try kiosk.get("/kiosk/pair/\(FixtureSchool.kioskPairingCode)")
        _ = try kiosk.page("/kiosk")
        guard try kiosk.post("/kiosk/signin", [("login", FixtureSchool.login("Белова Дарья Андреевна")), ("password", FixtureSchool.password)]).status == 303 else {
            throw FixtureSchool.FixtureError("the kiosk cannot sign in")
        }
        visitors.append(("kiosk", kiosk))
        try converse()
    }

    /// Messages for the message routes to be walked: a guardian writes to the class teacher
    /// with a file, and the class teacher to the student signed in at the kiosk.
    func converse() throws {
        let desk = MessagesDesk(database: database)
        func editor(_ role: String) throws -> Editor {
            guard let actor = try actor(visitors.first { $0.role == role }!.client) else { throw FixtureSchool.FixtureError("\(role) is not signed in") }
            return Editor(actor: actor, session: nil, via: .page, at: FixtureSchool.at("2026-11-23T09:00"))
        }
        let pdf = Array("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
        _ = try desk.write(to: [FixtureSchool.id("Кузнецова Ольга Николаевна")], subject: "Справка", body: "Справка о болезни во вложении.",
                           attachments: [.init(fileName: "справка.pdf", bytes: pdf)], today: FixtureSchool.today, by: try editor("guardian"))
        _ = try desk.write(to: [FixtureSchool.id("Белова Дарья Андреевна")], subject: "Олимпиада", body: "Дарья, запишись на олимпиаду.",
                           today: FixtureSchool.today, by: try editor("class-teacher"))
    }

    /// The route an address and method reach.
    func route(_ method: HTTP.Method, _ url: String) -> AppRoute? {
        let path = String(url.prefix { $0 != "?" })
        guard case let .found(found, _) = router.match(method, path) else { return nil }
        return app.routes.first { $0.method == found.method && $0.pattern == found.pattern }
    }

    static func key(_ route: AppRoute) -> String { "\(route.method.rawValue) \(route.pattern)" }

    /// Follows the links of every visitor's pages from their start (each route's first few
    /// addresses per visitor, so a page of a thousand lessons is not walked a thousand times).
    func walk(perRoute: Int = 3) throws {
        for (role, client) in visitors {
            var queue = [role == "kiosk" ? "/kiosk/diary" : "/"], seen = Set(queue), perRouteSeen: [String: Int] = [:]
            while !queue.isEmpty {
                let url = queue.removeFirst()
                guard let route = route(.get, url) else { continue }
                let key = Self.key(route)
                guard perRouteSeen[key, default: 0] < perRoute else { continue }
                perRouteSeen[key, default: 0] += 1
                let response = try client.page(url)
                fetched.append((url, role, response))
                if !(samples[key]?.contains(url) ?? false) { samples[key, default: []].append(url) }
                if response.status == 303, let location = response.headers["location"], location.hasPrefix("/"), !seen.contains(location) {
                    seen.insert(location)
                    queue.append(location)
                }
                guard response.status == 200, response.headers["content-type"]?.hasPrefix("text/html") == true else { continue }
                for link in Self.links(response.text) where !seen.contains(link) && !link.hasPrefix("/static/") {
                    seen.insert(link)
                    queue.append(link)
                }
            }
        }
    }

    /// The same-site addresses a page links to (and its forms that only read, as sent empty).
    static func links(_ html: String) -> [String] {
        let links = html.matches(of: /href="(\/[^"#]*)"/).map { String($0.output.1) }
        let forms = html.matches(of: /<form(?![^>]*method="post")[^>]*action="(\/[^"#]*)"/).map { String($0.output.1) }
        return (links + forms).map { $0.replacing("&amp;", with: "&") }
    }

    /// An address for every route: a walked one, or its pattern filled with the first ids of
    /// the school that fit its parameters. - Throws: naming a parameter nothing fills.
    func addresses(_ route: AppRoute) throws -> [String] {
        if let found = samples[Self.key(route)], route.method == .get { return found }
        var url = route.pattern
        var previous = ""
        for segment in route.pattern.split(separator: "/") {
            if segment.hasPrefix("{") {
                let name = String(segment.dropFirst().prefix { $0 != ":" && $0 != "}" })
                // A text parameter (an asset's name, a pairing code) gets a value that names nothing.
                let value = segment.hasSuffix(":int}") ? String(try ids(for: name, after: previous).first ?? 999_999) : "unknown"
                url = url.replacing(String(segment), with: value)
            }
            previous = String(segment)
        }
        return [url]
    }

    struct UnknownParameter: Error, CustomStringConvertible {
        let description: String
    }

    /// Ids of the fixture school a path parameter may name, chosen by its name or the segment
    /// before it (the table of that name when this list does not say).
    func ids(for parameter: String, after segment: String) throws -> [Int] {
        // Where the name does not say the table.
        let tables = ["class": "school_class", "student": "enrolment", "guardian": "guardian_link", "group": "study_group", "number": "bell",
                      "thread": "message_thread"]
        let bySegment = [
            "people": "person", "classes": "school_class", "students": "enrolment", "diary": "enrolment", "groups": "study_group",
            "entries": "timetable_entry", "teachers": "staff_role", "bells": "bell_schedule", "assignments": "teaching_assignment",
            "unlocks": "journal_unlock", "transfer": "transfer_window", "files": "message_attachment",
        ]
        // A new route's entity is found by its name too: `/messages/{id}` in the table `message`.
        let guessed = (parameter == "id" ? String(segment.dropLast(segment.hasSuffix("s") ? 1 : 0)) : parameter).replacing("-", with: "_")
        let exists = try database.read { try $0.first("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", guessed) { $0.int(0) } } != nil
        guard let table = (parameter == "id" ? bySegment[segment] : tables[parameter]) ?? (exists ? guessed : nil) else {
            throw UnknownParameter(description: "no ids for {\(parameter)} after /\(segment)/: add its table to RouteWalk.ids")
        }
        let column = ["enrolment": "student_id", "guardian_link": "guardian_id", "staff_role": "person_id", "bell": "number"][table] ?? "id"
        return try database.read { try $0.query("SELECT DISTINCT \(column) FROM \(table) ORDER BY 1 LIMIT 3") { $0.int(0) } }
    }

    /// The actor behind a visitor's session, as the gate sees it.
    func actor(_ client: Client) throws -> Actor? {
        try database.read { c in
            for token in client.cookies.values {
                guard let session = try c.session(tokenHash: Digest.blake2b(token)), let account = try c.account(id: session.accountID) else { continue }
                return try c.actor(account: account, session: session, today: FixtureSchool.today)
            }
            return nil
        }
    }

    /// What the policy says of `actor` at `url` on `route`: permitted, refused, or the error
    /// the route's resource already raises (no such lesson). nil for an open route.
    enum Expected: Equatable { case permitted, refused(Int), fails(Int) }

    func expected(_ route: AppRoute, _ method: HTTP.Method, _ url: String, actor: Actor) throws -> Expected? {
        guard case let .policy(action, resolve) = route.access else { return nil }
        var request = try Request(method: method, target: url, headers: Headers([]))
        guard case let .found(_, parameters) = router.match(method, request.path) else { return nil }
        request.pathParameters = parameters
        let visit = Visit(request: request, now: FixtureSchool.at("2026-11-23T10:00"), today: FixtureSchool.today, actor: actor, session: nil)
        do {
            let resource = try resolve(visit)
            return AccessPolicy.permits(actor, action, resource) ? .permitted : .refused(route.hidesRefusal ? 404 : 403)
        } catch let error as HTTPError {
            return .fails(error.status)
        } catch let error as DeskError {
            return .fails(error.httpError.status)
        }
    }

    /// The school's data, table by table, to tell that nothing changed (sessions, the
    /// trail's refusal rows and its head aside: a refusal is recorded, which is the point).
    func fingerprint() throws -> [String: String] {
        try database.read { c in
            var tables: [String: String] = [:]
            let names = try c.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('session', 'audit_head')") { $0.string(0) }
            for table in names {
                let columns = try c.query("SELECT name FROM pragma_table_info('\(table)')") { $0.string(0) }
                let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || ',' || ")
                let filter = table == "audit" ? " WHERE action <> 'access.denied'" : ""
                tables[table] = try c.first("SELECT group_concat(r, char(10)) FROM (SELECT \(row) AS r FROM \"\(table)\"\(filter) ORDER BY r)") { $0.optionalString(0) } ?? ""
            }
            return tables
        }
    }
}
