import Appliance
import Domain
import HTTP
import Routing
import Storage
import Testing

/// Every route of the table against every role, in process over HTTP (issue 16): what the
/// policy permits answers, what it refuses answers 403 (404 where the route hides refusals)
/// and changes nothing, and no state-changing route takes a forged request.
@Suite struct RouteMatrixTests {
    /// GET routes no walk from `/` reaches, and why (every other page must be linked from some role's pages).
    static let unlinked: [String: String] = [
        "GET /healthz": "for monitoring", "GET /static/{name}": "assets", "GET /favicon.ico": "asset",
        "GET /login": "anonymous", "GET /kiosk": "the kiosk's idle screen", "GET /kiosk/pair/{code}": "a one-time address printed by `tabel kiosk register`",
        "GET /password": "reached after a first sign-in",
    ]

    @Test func everyPageIsReachedAndEveryRouteHasAnAddress() throws {
        let walk = try RouteWalk(database: try FixtureSchool.copy())
        try walk.walk()
        for route in walk.app.routes {
            #expect(throws: Never.self, "\(RouteWalk.key(route))") { _ = try walk.addresses(route) }
            guard route.method == .get, !route.pattern.hasPrefix("/api/") else { continue }
            let key = RouteWalk.key(route)
            #expect(walk.samples[key] != nil || Self.unlinked[key] != nil, "\(key): no role's pages link to it (add a link, or a reason to unlinked)")
        }
        // Every page walked answers without a server error.
        for (url, role, response) in walk.fetched { #expect(response.status < 500, "\(role) \(url): \(response.status)") }
    }

    /// What a status says against what the policy said.
    static func agrees(_ status: Int, _ expected: RouteWalk.Expected) -> Bool {
        switch expected {
        case .permitted: status < 400 || [400, 404, 409, 422].contains(status)
        case let .refused(code), let .fails(code): status == code
        }
    }

    @Test func everyRoleGetsWhatThePolicySaysOfEveryPage() throws {
        let walk = try RouteWalk(database: try FixtureSchool.copy())
        try walk.walk()
        let anonymous = Client(walk.app)
        var outcomes: [String: Int] = [:]
        for route in walk.app.routes where route.method == .get {
            for url in try walk.addresses(route) {
                let stranger = try anonymous.get(url)
                if route.action == nil {
                    #expect(stranger.status < 500, "anonymous \(url)")
                } else {
                    #expect(stranger.status == (url.hasPrefix("/api/") ? 401 : 303), "anonymous \(url): \(stranger.status)")
                }
                for (role, client) in walk.visitors {
                    guard let actor = try walk.actor(client), let expected = try walk.expected(route, .get, url, actor: actor) else { continue }
                    // A kiosk session lives on the kiosk's pages only: elsewhere it is no one.
                    if role == "kiosk", !url.hasPrefix("/kiosk") { continue }
                    let status = try client.get(url).status
                    #expect(Self.agrees(status, expected), "\(role) GET \(url): \(status), the policy says \(expected)")
                    outcomes["\(expected)", default: 0] += 1
                    if role.hasPrefix("group-"), url.contains("group=") { outcomes["group \(status)", default: 0] += 1 }
                }
            }
        }
        #expect(outcomes["permitted", default: 0] > 300 && outcomes["refused(403)", default: 0] > 300 && outcomes["refused(404)", default: 0] > 10)
        // A group's teacher opens their group's journal and is refused the other group's.
        #expect(outcomes["group 200", default: 0] > 0 && outcomes["group 403", default: 0] > 0)
    }

    @Test func noRefusedRoleChangesAnything() throws {
        let walk = try RouteWalk(database: try FixtureSchool.copy())
        try walk.walk(perRoute: 1)
        let before = try walk.fingerprint()
        var refused = 0
        for route in walk.app.routes where route.changesState && route.action != nil {
            for url in try walk.addresses(route) {
                for (role, client) in walk.visitors {
                    guard let actor = try walk.actor(client), case let .refused(code)? = try walk.expected(route, route.method, url, actor: actor) else { continue }
                    if role == "kiosk", !url.hasPrefix("/kiosk") { continue }
                    let response = url.hasPrefix("/api/") ? try client.json(route.method, url, "{}") : try client.post(url, [])
                    #expect(response.status == code, "\(role) \(route.method.rawValue) \(url): \(response.status), refused by the policy")
                    refused += 1
                }
            }
        }
        #expect(refused > 200)
        let after = try walk.fingerprint()
        for (table, rows) in before where after[table] != rows { Issue.record("\(table) changed by refused requests") }
    }

    @Test func forgeriesOfEveryStateChangingRouteAreRefused() throws {
        let walk = try RouteWalk(database: try FixtureSchool.copy())
        try walk.walk(perRoute: 1)
        let before = try walk.fingerprint()
        var forged = 0
        for route in walk.app.routes where route.changesState {
            let url = try walk.addresses(route)[0]
            // Forged on behalf of someone the policy lets do it (a stranger for an open route).
            var client = Client(walk.app)
            for (role, visitor) in walk.visitors where role != "kiosk" || url.hasPrefix("/kiosk") {
                if let actor = try walk.actor(visitor), try walk.expected(route, route.method, url, actor: actor) == .permitted {
                    client = visitor
                    break
                }
            }
            if route.action == nil { _ = try client.page(route.pattern.hasPrefix("/kiosk") ? "/kiosk" : "/login") }
            let key = "\(route.method.rawValue) \(url)"
            if url.hasPrefix("/api/") {
                for origin in ["http://evil.example", "null"] {
                    let r = try client.json(route.method, url, "{}", headers: [("Host", "tabel.school5.local"), ("Origin", origin)])
                    #expect(r.status == 403, "\(key) from Origin \(origin): \(r.status)")
                }
                // What a foreign page's form can send: no JSON.
                let plain = try client.send(route.method, url, headers: [("Content-Type", "text/plain")], body: Array("{}".utf8))
                #expect(plain.status == 415, "\(key) as text/plain: \(plain.status)")
            } else {
                let form = [("Content-Type", "application/x-www-form-urlencoded")]
                #expect(try client.send(route.method, url, headers: form, body: Array("a=1".utf8)).status == 403, "\(key) without a token")
                #expect(try client.send(route.method, url, headers: form, body: Array("_csrf=forged".utf8)).status == 403, "\(key) with a wrong token")
                let token = Array("_csrf=\(client.lastCSRF)".utf8)
                let foreign = try client.send(route.method, url, headers: form + [("Host", "tabel.school5.local"), ("Origin", "http://evil.example")], body: token)
                #expect(foreign.status == 403, "\(key) with its token from a foreign Origin: \(foreign.status)")
            }
            forged += 1
        }
        #expect(forged > 80)
        let after = try walk.fingerprint()
        for (table, rows) in before where after[table] != rows { Issue.record("\(table) changed by forged requests") }
    }
}
