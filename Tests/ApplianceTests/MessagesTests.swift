import Appliance
import Desks
import Domain
import Foundation
import HTTP
import Storage
import Testing

/// Messages (issue 15) on the fixture school: who may write to whom, threads nobody outside
/// sees, a class teacher's broadcast with private answers, read receipts, withdrawal, files,
/// the administration's search, and user text inert in every view.
@Suite struct MessagesTests {
    let app = FixtureSchool.app(try! FixtureSchool.copy())
    var database: Database { app.database }

    static let admin = "Соколова Ирина Павловна", kuznetsova = "Кузнецова Ольга Николаевна", pavlov = "Павлов Дмитрий Игоревич"
    static let orlova = "Орлова Татьяна Викторовна", secretary = "Фёдорова Галина Ивановна"
    static let belova = "Белова Наталья Викторовна", alekseev = "Алексеев Илья Викторович", zhukova = "Жукова Ирина Олеговна"
    static let artem = "Алексеев Артём Ильич", daria = "Белова Дарья Андреевна"

    func person(_ name: String) -> Int { FixtureSchool.id(name) }
    func object(_ r: Response) throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any]) }

    /// `POST /api/v1/messages` as `from`; the response.
    func write(_ from: Client, to: [String], subject: String = "Вопрос", body: String = "Добрый день!") throws -> Response {
        let payload = try JSONSerialization.data(withJSONObject: ["to": to.map(person), "subject": subject, "body": body])
        return try from.json(.post, "/api/v1/messages", String(decoding: payload, as: UTF8.self))
    }

    func thread(_ r: Response) throws -> Int { try #require(try object(r)["thread"] as? Int) }

    /// A multipart form with text fields and one file, posted with the last page's token.
    func postMultipart(_ client: Client, _ target: String, _ fields: [(String, String)], file: (name: String, bytes: [UInt8])?) throws -> Response {
        let boundary = "----tabel-test-boundary"
        var body: [UInt8] = []
        for (name, value) in fields + [("_csrf", client.lastCSRF)] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try client.send(.post, target, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
    }

    // MARK: Who may write to whom

    @Test func aGuardianWritesToTheirChildsTeacherAndReadsTheAnswer() throws {
        let guardian = try FixtureSchool.signedIn(app, Self.belova)
        let created = try write(guardian, to: [Self.kuznetsova], subject: "Контрольная", body: "Можно ли переписать?")
        #expect(created.status == 201)
        #expect(try object(created).keys.sorted() == ["thread"])
        let id = try thread(created)

        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        // The teacher's menu counts the unread message; the list and the API say so.
        #expect(try teacher.page("/").text.contains(">Сообщения (1)</a>"))
        let list = try object(try teacher.get("/api/v1/messages"))
        #expect(list["unread"] as? Int == 1)
        let first = try #require((list["threads"] as? [[String: Any]])?.first)
        #expect(first["thread"] as? Int == id && first["subject"] as? String == "Контрольная" && first["with"] as? [String] == ["Белова Н. В."])
        // The sender sees no receipt before the teacher opens it.
        #expect(try guardian.page("/messages/\(id)").text.contains("Ещё не прочитано"))
        let page = try teacher.page("/messages/\(id)")
        #expect(page.status == 200 && page.text.contains("Можно ли переписать?"))
        #expect(try !teacher.page("/").text.contains("Сообщения (1)"))
        #expect(try postMultipart(teacher, "/messages/\(id)", [("body", "Да, в четверг после уроков.")], file: nil).headers["location"] == "/messages/\(id)?sent=1")

        // Back at the guardian's: the answer, and the receipt of their own message.
        let read = try object(try guardian.get("/api/v1/messages/\(id)"))
        let messages = try #require(read["messages"] as? [[String: Any]])
        #expect(messages.map { $0["body"] as? String } == ["Можно ли переписать?", "Да, в четверг после уроков."])
        #expect(messages[0]["read_by"] as? [Int] == [person(Self.kuznetsova)])
        #expect(messages[1]["read_by"] == nil)
        #expect(try guardian.page("/messages/\(id)").text.contains("Прочитано: Кузнецова О. Н."))
        // Every message is audited, without its text.
        let rows = try database.read { try $0.auditEntries(AuditFilter()).filter { $0.action == "message.send" } }
        #expect(rows.count == 2 && rows.allSatisfy { !($0.newValue ?? "").contains("переписать") })
    }

    @Test func aGuardianCannotWriteToStaffUnrelatedToTheirChildrenNorToOtherFamilies() throws {
        let guardian = try FixtureSchool.signedIn(app, Self.belova)
        // The psychologist teaches no class of theirs; the secretary is not the administration; another family.
        for name in [Self.orlova, Self.secretary, Self.alekseev, Self.artem] {
            #expect(try write(guardian, to: [name]).status == 403, "\(name)")
        }
        // One refused recipient refuses the whole message: nothing is written.
        #expect(try write(guardian, to: [Self.kuznetsova, Self.orlova]).status == 403)
        #expect(try database.read { try $0.first("SELECT count(*) FROM message") { $0.int(0) } } == 0)
        // The administration and the class teacher are theirs to write to.
        #expect(try write(guardian, to: [Self.admin]).status == 201)
        #expect(try write(guardian, to: [Self.pavlov]).status == 201)
        // Nobody outside the school's people, nor oneself.
        #expect(try write(guardian, to: []).status == 422)
        #expect(try guardian.json(.post, "/api/v1/messages", #"{"to": [99999], "subject": "x", "body": "y"}"#).status == 422)
        #expect(try write(guardian, to: [Self.belova]).status == 403)
        // A student writes to their teachers, not to the administration nor to other students.
        let student = try FixtureSchool.signedIn(app, Self.artem)
        #expect(try write(student, to: [Self.kuznetsova]).status == 201)
        #expect(try write(student, to: [Self.admin]).status == 403)
        #expect(try write(student, to: [Self.daria]).status == 403)
        // The form offers only those one may write to.
        let form = try guardian.page("/messages/new").text
        #expect(form.contains("Кузнецова Ольга Николаевна") && !form.contains("Орлова Татьяна Викторовна") && !form.contains("Алексеев Илья"))
        // Bad input: a clear message, nothing lost.
        let empty = try write(guardian, to: [Self.kuznetsova], subject: "  ")
        #expect(try empty.status == 422 && object(empty)["error"] as? String == "invalid_subject")
    }

    @Test func anotherFamilyCannotReadAThread() throws {
        let guardian = try FixtureSchool.signedIn(app, Self.belova)
        let id = try thread(try write(guardian, to: [Self.kuznetsova]))
        let other = try FixtureSchool.signedIn(app, Self.alekseev)
        #expect(try other.get("/api/v1/messages/\(id)").status == 404)
        #expect(try other.get("/messages/\(id)").status == 404)
        #expect(try other.get("/api/v1/messages/\(id + 1000)").status == 404)
        #expect(try (object(try other.get("/api/v1/messages"))["threads"] as? [Any])?.isEmpty == true)
        // Nor another teacher, nor the director: a thread is its members' only.
        #expect(try FixtureSchool.signedIn(app, Self.pavlov).get("/api/v1/messages/\(id)").status == 404)
        #expect(try FixtureSchool.signedIn(app, "Морозов Андрей Викторович").get("/messages/\(id)").status == 404)
        // An answer to a thread not one's own is refused the same way.
        try other.page("/messages")
        #expect(try other.post("/messages/\(id)", [("body", "чужое")]).status == 404)
    }

    // MARK: Broadcasts

    @Test func aClassBroadcastReachesEveryGuardianOnceAndAnswersComeBackPrivately() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let classA = FixtureSchool.classID("5А")
        let created = try teacher.json(.post, "/api/v1/messages", #"{"class": \#(classA), "subject": "Собрание", "body": "В пятницу в 18:00."}"#)
        #expect(created.status == 201)
        let id = try thread(created)
        // The guardians of 5А: Alekseev (whose other child is in 5Б) and Belova — each once.
        let members = try database.read { try $0.thread(id)!.members.map(\.id) }
        #expect(Set(members) == [person(Self.kuznetsova), person(Self.alekseev), person(Self.belova)] && members.count == 3)
        let alekseev = try FixtureSchool.signedIn(app, Self.alekseev), belova = try FixtureSchool.signedIn(app, Self.belova)
        for family in [alekseev, belova] {
            let threads = try #require(try object(try family.get("/api/v1/messages"))["threads"] as? [[String: Any]])
            #expect(threads.count == 1 && threads[0]["thread"] as? Int == id && threads[0]["unread"] as? Int == 1)
        }
        // Belova answers: a private thread with the teacher; Alekseev sees nothing of it.
        let page = try belova.page("/messages/\(id)")
        #expect(page.text.contains("Ответить учителю лично"))
        let answered = try postMultipart(belova, "/messages/\(id)", [("body", "Приду.")], file: nil)
        let location = try #require(answered.headers["location"])
        let answerID = try #require(Int(location.dropFirst("/messages/".count).prefix { $0.isNumber }))
        #expect(answerID != id)
        #expect(try alekseev.get("/api/v1/messages/\(answerID)").status == 404)
        #expect(try (object(try alekseev.get("/api/v1/messages/\(id)"))["messages"] as? [Any])?.count == 1)
        // The teacher reads the answers under the broadcast, with how many have read it.
        let broadcast = try teacher.page("/messages/\(id)").text
        #expect(broadcast.contains("Ответы родителей") && broadcast.contains("/messages/\(answerID)") && broadcast.contains("Прочитали 2 из 2"))
        // A second answer goes to the same private thread.
        try belova.page("/messages/\(id)")
        #expect(try postMultipart(belova, "/messages/\(id)", [("body", "И муж тоже.")], file: nil).headers["location"] == "/messages/\(answerID)?sent=1")
        // Only a class teacher broadcasts, to their own class; never a student.
        #expect(try FixtureSchool.signedIn(app, Self.pavlov).json(.post, "/api/v1/messages", #"{"class": \#(classA), "subject": "x", "body": "y"}"#).status == 403)
        #expect(try FixtureSchool.signedIn(app, Self.artem).json(.post, "/api/v1/messages", #"{"class": \#(classA), "subject": "x", "body": "y"}"#).status == 403)
    }

    // MARK: Withdrawal, files, search

    @Test func aSenderWithdrawsAnUnreadMessageWhichIsKept() throws {
        let guardian = try FixtureSchool.signedIn(app, Self.belova)
        let id = try thread(try write(guardian, to: [Self.kuznetsova], body: "Отправлено по ошибке"))
        let message = try database.read { try $0.threadMessages(id)[0].id }
        try guardian.page("/messages/\(id)")
        #expect(try guardian.post("/messages/withdraw", [("message", String(message))]).status == 303)
        // Kept in the database, marked, audited; the teacher sees only that it was withdrawn.
        #expect(try database.read { try $0.message(message)?.withdrawnAt } != nil)
        #expect(try database.read { try $0.auditEntries(AuditFilter()).contains { $0.action == "message.withdraw" } })
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let seen = try teacher.page("/messages/\(id)").text
        #expect(seen.contains("Сообщение отозвано автором.") && !seen.contains("Отправлено по ошибке"))
        #expect(try (object(try teacher.get("/api/v1/messages/\(id)"))["messages"] as? [[String: Any]])?.first?["body"] as? String == "")
        // A message already read cannot be withdrawn.
        let second = try thread(try write(guardian, to: [Self.kuznetsova], body: "Второе"))
        try teacher.page("/messages/\(second)")
        let secondMessage = try database.read { try $0.threadMessages(second)[0].id }
        try guardian.page("/messages/\(second)")
        #expect(try guardian.post("/messages/withdraw", [("message", String(secondMessage))]).status == 422)
        // Nor someone else's.
        try teacher.page("/messages/\(second)")
        #expect(try teacher.post("/messages/withdraw", [("message", String(secondMessage))]).status == 404)
    }

    @Test func filesAreSentAsAttachmentsWithNosniffAndOnlyPDFOrImages() throws {
        let guardian = try FixtureSchool.signedIn(app, Self.belova)
        try guardian.page("/messages/new")
        let pdf = Array("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
        let sent = try postMultipart(guardian, "/messages", [("to", String(person(Self.kuznetsova))), ("subject", "Справка"), ("body", "Во вложении.")],
                                     file: ("справка из поликлиники.pdf", pdf))
        #expect(sent.status == 303)
        let id = try #require(Int((sent.headers["location"] ?? "").dropFirst("/messages/".count).prefix { $0.isNumber }))
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let attachments = try #require((object(try teacher.get("/api/v1/messages/\(id)"))["messages"] as? [[String: Any]])?.first?["attachments"] as? [[String: Any]])
        #expect(attachments.count == 1 && attachments[0]["type"] as? String == "application/pdf" && attachments[0]["name"] as? String == "справка из поликлиники.pdf")
        let url = try #require(attachments[0]["url"] as? String)
        let file = try teacher.get(url)
        #expect(file.status == 200 && file.body == pdf)
        #expect(file.headers["content-type"] == "application/pdf" && file.headers["x-content-type-options"] == "nosniff")
        #expect(file.headers["content-disposition"]?.hasPrefix("attachment; filename=\"") == true)
        #expect(try FixtureSchool.signedIn(app, Self.alekseev).get(url).status == 404)
        // HTML called a PDF is refused, the typed text comes back.
        try guardian.page("/messages/new")
        let html = try postMultipart(guardian, "/messages", [("to", String(person(Self.kuznetsova))), ("subject", "Ещё"), ("body", "Текст письма")],
                                     file: ("x.pdf", Array("<html><script>alert(1)</script></html>".utf8)))
        #expect(html.status == 422 && html.text.contains("Прикрепить можно PDF, PNG или JPEG.") && html.text.contains("Текст письма"))
        let big = try postMultipart(guardian, "/messages", [("to", String(person(Self.kuznetsova))), ("subject", "Ещё"), ("body", "Большой")],
                                    file: ("big.pdf", pdf + [UInt8](repeating: 32, count: 3 * 1024 * 1024)))
        #expect(big.status == 422 || big.status == 413)
    }

    @Test func theAdministrationSearchesMessagesAndEverySearchIsAudited() throws {
        let guardian = try FixtureSchool.signedIn(app, Self.belova)
        _ = try write(guardian, to: [Self.kuznetsova], subject: "Жалоба", body: "Учитель накричал на ребёнка")
        let admin = try FixtureSchool.signedIn(app, Self.admin)
        try admin.page("/messages/search")
        let found = try admin.post("/messages/search", [("q", "накричал")])
        #expect(found.status == 200 && found.text.contains("Учитель накричал на ребёнка") && found.text.contains("Найдено сообщений: 1"))
        #expect(try database.read { try $0.auditEntries(AuditFilter()).first { $0.action == "message.search" }?.newValue } == "накричал")
        #expect(try admin.post("/messages/search", [("q", "ab")]).status == 422)
        // A teacher cannot search.
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        #expect(try teacher.get("/messages/search").status == 403)
    }

    // MARK: User text is inert in every view

    @Test func scriptsInSubjectsBodiesAndFileNamesRenderInert() throws {
        let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        let guardian = try FixtureSchool.signedIn(app, Self.belova)
        try guardian.page("/messages/new")
        let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
        let sent = try postMultipart(guardian, "/messages", [("to", String(person(Self.kuznetsova))), ("subject", payload),
                                                             ("body", "\(payload)\nhttp://evil.example/\"><script>alert(3)</script> javascript:alert(4)")],
                                     file: ("<svg onload=alert(5)>\".pdf", pdf))
        #expect(sent.status == 303)
        let id = try #require(Int((sent.headers["location"] ?? "").dropFirst("/messages/".count).prefix { $0.isNumber }))
        func inert(_ text: String, _ view: String) {
            for bad in ["<script>alert", "<img src=x", "<svg onload", "href=\"javascript:", "\"><script>"] {
                #expect(!text.contains(bad), "\(view) contains \(bad)")
            }
        }
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let page = try teacher.page("/messages/\(id)").text
        inert(page, "thread page")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && page.contains("&lt;svg onload=alert(5)&gt;&quot;.pdf"))
        // The link is clickable, stops before the quote, and its text is escaped.
        #expect(page.contains("<a href=\"http://evil.example/\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">http://evil.example/</a>"))
        inert(try teacher.page("/messages").text, "list page")
        inert(try guardian.page("/messages/\(id)").text, "sender's page")
        let json = try teacher.get("/api/v1/messages/\(id)")
        #expect(json.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(try (object(json)["subject"] as? String) == payload)
        // The file's name in its header is quoted, never raw.
        let file = try teacher.get("/messages/files/\(try database.read { try $0.threadMessages(id)[0].attachments[0].id })")
        #expect(file.headers["content-disposition"] == "attachment; filename=\"<svg onload=alert(5)>_.pdf\"; filename*=UTF-8''%3Csvg%20onload%3Dalert%285%29%3E%22.pdf"
            || file.headers["content-disposition"]?.contains("filename=\"<svg onload=alert(5)>_.pdf\"") == true)
        // At the kiosk: the guardian's read-only view.
        let kiosk = Client(app)
        #expect(try kiosk.get("/kiosk/pair/\(FixtureSchool.kioskPairingCode)").status == 303)
        try kiosk.page("/kiosk")
        #expect(try kiosk.post("/kiosk/signin", [("login", FixtureSchool.login(Self.belova)), ("password", FixtureSchool.password)]).status == 303)
        let list = try kiosk.get("/kiosk/messages")
        #expect(list.status == 200 && list.text.contains("/kiosk/messages/\(id)"))
        inert(list.text, "kiosk list")
        let atKiosk = try kiosk.get("/kiosk/messages/\(id)").text
        inert(atKiosk, "kiosk thread")
        #expect(atKiosk.contains("&lt;script&gt;alert(1)") && !atKiosk.contains("<form method=\"post\" action=\"/messages"))
    }
}

/// Announcements and events (issue 15): the administration posts the school's, a class teacher
/// their class's; each reaches the home page, the diary's week and, the school's only, the kiosk.
@Suite struct EventsTests {
    let app = FixtureSchool.app(try! FixtureSchool.copy())

    func post(_ client: Client, _ json: String) throws -> Response { try client.json(.post, "/api/v1/events", json) }

    @Test func whoPostsWhatAndWhoReadsIt() throws {
        let admin = try FixtureSchool.signedIn(app, MessagesTests.admin)
        let classA = FixtureSchool.classID("5А"), classB = FixtureSchool.classID("5Б")
        let school = try post(admin, #"{"starts_on": "2026-11-25", "title": "День открытых дверей <script>alert(1)</script>", "details": "С 10:00"}"#)
        #expect(school.status == 201)
        let teacherA = try FixtureSchool.signedIn(app, MessagesTests.kuznetsova)
        #expect(try post(teacherA, #"{"class": \#(classA), "starts_on": "2026-11-26", "ends_on": "2026-11-27", "title": "Экскурсия 5А"}"#).status == 201)
        // Not another class, not the school's; a plain teacher, a guardian: nothing.
        #expect(try post(teacherA, #"{"class": \#(classB), "starts_on": "2026-11-26", "title": "x"}"#).status == 403)
        #expect(try post(teacherA, #"{"starts_on": "2026-11-26", "title": "x"}"#).status == 403)
        #expect(try post(try FixtureSchool.signedIn(app, "Смирнова Анна Олеговна"), #"{"class": \#(classA), "starts_on": "2026-11-26", "title": "x"}"#).status == 403)
        #expect(try post(try FixtureSchool.signedIn(app, MessagesTests.belova), #"{"starts_on": "2026-11-26", "title": "x"}"#).status == 403)
        #expect(try post(admin, #"{"class": \#(classB), "starts_on": "2026-11-28", "title": "Олимпиада 5Б"}"#).status == 201)
        // Bad input.
        #expect(try post(admin, #"{"starts_on": "2026-11-30", "ends_on": "2026-11-29", "title": "x"}"#).status == 422)
        #expect(try post(admin, #"{"starts_on": "завтра", "title": "x"}"#).status == 422)
        #expect(try post(admin, #"{"starts_on": "2026-11-30", "title": " "}"#).status == 422)

        // A guardian of 5А: the school's and 5А's, not 5Б's.
        let guardian = try FixtureSchool.signedIn(app, MessagesTests.belova)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(guardian.get("/api/v1/events").body)) as? [String: Any])
        let titles = (listed["events"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
        #expect(titles == ["День открытых дверей <script>alert(1)</script>", "Экскурсия 5А"])
        let home = try guardian.page("/").text
        #expect(home.contains("Экскурсия 5А") && home.contains("День открытых дверей &lt;script&gt;") && !home.contains("<script>alert"))
        let diary = try guardian.page("/diary/\(FixtureSchool.id(MessagesTests.daria))").text
        #expect(diary.contains("События недели") && diary.contains("Экскурсия 5А") && !diary.contains("Олимпиада 5Б"))
        // The kiosk's idle screen: the school's only, escaped.
        let kiosk = Client(app)
        _ = try kiosk.get("/kiosk/pair/\(FixtureSchool.kioskPairingCode)")
        let idle = try kiosk.page("/kiosk").text
        #expect(idle.contains("День открытых дверей &lt;script&gt;") && !idle.contains("Экскурсия 5А") && !idle.contains("<script>alert"))
        // Audited.
        #expect(try app.database.read { try $0.auditEntries(AuditFilter()).filter { $0.action == "event.create" }.count } == 3)
    }
}

/// Notifications for families (issue 15): written by the journal's own transaction, shown in
/// the diary and at the kiosk, each kind chosen by the guardian; the weekly summary.
@Suite struct NotificationsTests {
    let app = FixtureSchool.app(try! FixtureSchool.copy())

    func notifications(_ client: Client) throws -> [[String: Any]] {
        let body = try #require(try JSONSerialization.jsonObject(with: Data(client.get("/api/v1/notifications").body)) as? [String: Any])
        #expect(body.keys.sorted() == ["notifications"])
        return try #require(body["notifications"] as? [[String: Any]])
    }

    func firstLesson() throws -> Int { try PageSnapshots.lesson(app, MessagesTests.kuznetsova, bell: 1) }

    @Test func aTeacherMarkingAbsentTodayNotifiesTheGuardianWithinTheRequest() throws {
        let teacher = try FixtureSchool.signedIn(app, MessagesTests.kuznetsova)
        let guardian = try FixtureSchool.signedIn(app, MessagesTests.belova)
        let daria = FixtureSchool.id(MessagesTests.daria), lesson = try firstLesson()
        #expect(try teacher.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(daria)", #"{"code": null}"#).status == 204)
        let before = try notifications(guardian).count
        #expect(try teacher.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(daria)", #"{"code": "Н"}"#).status == 204)
        // Right after the request: in the database, in the API, in the diary.
        let list = try notifications(guardian)
        #expect(list.count == before + 1)
        let n = try #require(list.first)
        #expect(n.keys.sorted() == ["at", "kind", "read", "student", "text"])
        #expect(n["kind"] as? String == "absence" && n["student"] as? Int == daria && n["read"] as? Bool == false)
        #expect(n["at"] as? String == "2026-11-23T10:00" && (n["text"] as? String)?.contains("Математика") == true)
        #expect(try guardian.page("/diary/\(daria)").text.contains("отсутствует на уроке «Математика»"))
        // A reason corrected later (Н → Б) tells nothing new; nor does the other family hear of it.
        #expect(try notifications(try FixtureSchool.signedIn(app, MessagesTests.alekseev)).allSatisfy { $0["student"] as? Int != daria })
        // Read: marked read, the diary's card goes.
        try guardian.page("/notifications")
        #expect(try guardian.post("/notifications/read", []).status == 303)
        #expect(try notifications(guardian).allSatisfy { $0["read"] as? Bool == true })
        #expect(try !guardian.page("/diary/\(daria)").text.contains("Новых уведомлений"))
    }

    @Test func marksRemarksAndMessagesNotifyOnlyTheKindsChosen() throws {
        let teacher = try FixtureSchool.signedIn(app, MessagesTests.kuznetsova)
        let guardian = try FixtureSchool.signedIn(app, MessagesTests.belova)
        let daria = FixtureSchool.id(MessagesTests.daria), lesson = try firstLesson()
        // The guardian wants no marks.
        try guardian.page("/notifications")
        #expect(try guardian.post("/notifications/settings", [("choice", "absence"), ("choice", "remark"), ("choice", "message")]).status == 303)
        #expect(try app.database.read { try $0.auditEntries(AuditFilter()).contains { $0.action == "notification.choice" } })
        let before = try notifications(guardian).count
        #expect(try teacher.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(daria)", #"{"code": null}"#).status == 204)
        let editor = try FixtureJournal(database: app.database, built: FixtureSchool.built, math: 0).editor(MessagesTests.kuznetsova, at: "2026-11-23T10:00")
        let desk = JournalDesk(database: app.database, utcOffsetMinutes: FixtureSchool.offset)
        let type = try app.database.read { try $0.workTypes().first!.id }
        _ = try desk.addMark(lesson: lesson, student: daria, value: MarkValue.mark(5), workType: type, by: editor)
        #expect(try notifications(guardian).count == before)
        try desk.addRemark(lesson: lesson, student: daria, text: "Отлично работала у доски", praise: true, by: editor)
        _ = try MessagesDesk(database: app.database).write(to: [FixtureSchool.id(MessagesTests.belova)], subject: "Об уроке", body: "Всё хорошо.",
                                                            today: FixtureSchool.today, by: editor)
        let kinds = try notifications(guardian).prefix(2).map { $0["kind"] as? String }
        #expect(kinds == ["message", "remark"])
        // At the kiosk, read-only.
        let kiosk = Client(app)
        _ = try kiosk.get("/kiosk/pair/\(FixtureSchool.kioskPairingCode)")
        try kiosk.page("/kiosk")
        _ = try kiosk.post("/kiosk/signin", [("login", FixtureSchool.login(MessagesTests.belova)), ("password", FixtureSchool.password)])
        let screen = try kiosk.get("/kiosk/messages").text
        #expect(screen.contains("Отлично работала у доски") && screen.contains("Об уроке"))
        // Staff have no notifications.
        #expect(try teacher.get("/api/v1/notifications").status == 403)
    }

    @Test func theWeeklySummaryIsWrittenOncePerWeek() throws {
        let desk = NotificationsDesk(database: app.database)
        let written = try desk.weeklySummary(monday: FixtureSchool.today, at: FixtureSchool.at("2026-11-23T07:00"))
        #expect(written > 0)
        #expect(try desk.weeklySummary(monday: FixtureSchool.today, at: FixtureSchool.at("2026-11-23T08:00")) == 0)
        let guardian = try FixtureSchool.signedIn(app, MessagesTests.alekseev)
        #expect(try notifications(guardian).contains { ($0["text"] as? String)?.contains("за неделю") == true })
    }
}
