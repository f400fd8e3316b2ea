import Appliance
import HTTP
import Storage
import Testing

/// The `Request -> Response` seam with a temporary database: no sockets.
@Suite struct InProcessTests {
    let app = TestSchool.app(try! Database.open(path: TestSchool.path))

    func get(_ target: String, headers: [(String, String)] = []) throws -> Response {
        app.respond(to: try Request(method: .get, target: target, headers: Headers(headers)))
    }

    @Test func healthz() throws {
        let r = try get("/healthz")
        #expect(r.status == 200)
        #expect(r.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(r.text == "{\"status\":\"ok\",\"version\":\"\(App.version)\",\"database\":\"ok\"}")
    }

    @Test func healthzSays503WhenTheDatabaseCannotBeRead() throws {
        let db = try TestSchool.copy()
        try db.withWriter { try $0.execute("PRAGMA foreign_keys = OFF; DROP TABLE school") }
        let r = TestSchool.app(db).respond(to: Request(method: .get, path: "/healthz"))
        #expect(r.status == 503)
        #expect(r.text.contains("\"status\":\"unavailable\""))
        #expect(r.text.contains("no such table"))
    }

    @Test func anonymousVisitorsGoToTheSignInPage() throws {
        let r = try get("/")
        #expect(r.status == 303)
        #expect(r.headers["location"] == "/login?next=%2F")
    }

    @Test func frontPageShowsTheSchool() throws {
        let client = Client(app)
        #expect(try client.signIn(TestSchool.login(.teacher).login).status == 303)
        let r = try client.get("/")
        #expect(r.status == 200)
        #expect(r.headers["cache-control"] == "no-store")
        #expect(r.text.contains("<html lang=\"ru\">"))
        #expect(r.text.contains("Школа № 17"))
        #expect(r.text.contains("23 ноября 2026 г."))
        #expect(r.text.contains("Сменить пароль"))
        #expect(!r.text.contains("/people"))  // a teacher has no people pages
        #expect(r.text.contains("2026/2027 учебный год"))
        #expect(r.text.contains("08:30–09:15"))
    }

    @Test func unknownPathGetsTheRussianNotFoundPage() throws {
        let r = try get("/нет-такой")
        #expect(r.status == 404)
        #expect(r.text.contains("Страница не найдена"))
        #expect(r.text.contains("href=\"/static/tabel.css?v="))
    }

    @Test func apiErrorsAreJSON() throws {
        let r = try get("/api/v1/nothing")
        #expect(r.status == 404)
        #expect(r.text == "{\"error\":\"not_found\",\"message\":\"Такой страницы нет.\"}")
    }

    @Test func wrongMethodIs405WithAllow() {
        let r = app.respond(to: Request(method: .post, path: "/healthz"))
        #expect(r.status == 405)
        #expect(r.headers["allow"] == "GET")
    }

    @Test func assetsHaveETagsAndRevalidate() throws {
        let r = try get("/static/tabel.css")
        #expect(r.status == 200)
        #expect(r.headers["content-type"] == "text/css; charset=utf-8")
        let etag = try #require(r.headers["etag"])
        let again = try get("/static/tabel.css", headers: [("If-None-Match", etag)])
        #expect(again.status == 304 && again.body.isEmpty)
        #expect(try get("/static/missing.css").status == 404)
        #expect(try get("/static/icon.svg").headers["content-type"] == "image/svg+xml")
    }

    @Test func headAnswersLikeGet() throws {
        let r = app.respond(to: Request(method: .head, path: "/healthz"))
        #expect(r.status == 200)
    }

    @Test func kioskIdleScreenShowsNothingPersonal() throws {
        let client = Client(app)
        try KioskTests.pair(client, database: try Database.open(path: TestSchool.path), name: "Тест \(Int.random(in: 0..<1_000_000))")
        let r = try client.get("/kiosk")
        #expect(r.status == 200)
        #expect(r.text.contains("Звонки"))
        #expect(r.text.contains("08:30–09:15"))
        #expect(r.text.contains("понедельник, 23 ноября 2026 г."))
        // No student's, guardian's or teacher's name appears on the idle screen.
        let db = try Database.open(path: TestSchool.path)
        let surnames = try db.read { try $0.query("SELECT DISTINCT last_name FROM person") { $0.string(0) } }
        #expect(!surnames.isEmpty)
        for surname in surnames { #expect(!r.text.contains(surname), "«\(surname)» on the kiosk idle screen") }
    }

    @Test func failingHandlerGivesA500PageWithNothingInternal() throws {
        let db = try TestSchool.copy()
        let client = Client(TestSchool.app(db))
        try KioskTests.pair(client, database: db, name: "Холл")
        try db.withWriter { try $0.execute("PRAGMA foreign_keys = OFF; DROP TABLE bell") }
        let r = try client.get("/kiosk")
        #expect(r.status == 500)
        #expect(r.text.contains("Произошла внутренняя ошибка"))
        #expect(!r.text.contains("bell"))
        #expect(!r.text.lowercased().contains("sqlite"))
    }

    @Test func userTextIsEscaped() throws {
        let db = try TestSchool.copy()
        _ = try db.write { try $0.run("UPDATE school SET name = '<script>alert(1)</script> & «Ёлочка»', short_name = ''") }
        let r = TestSchool.app(db).respond(to: Request(method: .get, path: "/login"))
        #expect(r.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; «Ёлочка»"))
        #expect(!r.text.contains("<script>alert"))
    }

    @Test func errorPagesForTheDaemon() {
        let r = app.errorPage(.payloadTooLarge)
        #expect(r.status == 413)
        #expect(r.text.contains("Слишком большой запрос"))
    }
}
