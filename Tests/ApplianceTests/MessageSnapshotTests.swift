import Appliance
import Foundation
import HTTP
import Testing

/// The messages' pages as their people see them (issue 15), from the fixture school at 10:00 on
/// Monday 23 November 2026: a guardian's conversation with a teacher (a link and a file), a
/// class teacher's broadcast with a private answer, the form, the search, the kiosk's view.
@Suite struct MessageSnapshotTests {
    let app = PageSnapshots.fresh()
    static let kuznetsova = PageSnapshots.kuznetsova, mother = PageSnapshots.mother, admin = "Соколова Ирина Павловна"

    @Test func conversationsBroadcastsSearchAndKiosk() throws {
        let guardian = try FixtureSchool.signedIn(app, Self.mother), teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        try PageSnapshots.check(guardian, "/messages/new?to=\(FixtureSchool.id(Self.kuznetsova))", "guardian-message-new")
        let body = "Добрый день! Дарья болела, справка во вложении.\nЗадания смотрели здесь: https://school5.example/math?week=47."
        let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
        let boundary = "snapshot-boundary"
        var form: [UInt8] = []
        for (name, value) in [("to", String(FixtureSchool.id(Self.kuznetsova))), ("subject", "Пропуск 20 ноября"), ("body", body), ("_csrf", guardian.lastCSRF)] {
            form += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        form += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"справка.pdf\"\r\nContent-Type: application/pdf\r\n\r\n".utf8) + pdf
        form += Array("\r\n--\(boundary)--\r\n".utf8)
        let sent = try guardian.send(.post, "/messages", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: form)
        let thread = try #require(Int((sent.headers["location"] ?? "").dropFirst("/messages/".count).prefix { $0.isNumber }))
        try PageSnapshots.check(teacher, "/", "teacher-home-unread-message")
        try PageSnapshots.check(teacher, "/messages/\(thread)", "teacher-message-thread")
        #expect(try teacher.post("/messages/\(thread)", [("body", "Спасибо, справку получила.")]).status == 303)
        try PageSnapshots.check(guardian, "/messages/\(thread)", "guardian-message-thread")
        try PageSnapshots.check(guardian, "/messages", "guardian-messages")

        let classA = FixtureSchool.classID("5А")
        let broadcast = try teacher.json(.post, "/api/v1/messages", #"{"class": \#(classA), "subject": "Родительское собрание", "body": "В пятницу в 18:00, кабинет 21."}"#)
        let broadcastID = try #require(try JSONSerialization.jsonObject(with: Data(broadcast.body)) as? [String: Any])["thread"] as! Int
        try PageSnapshots.check(guardian, "/messages/\(broadcastID)", "guardian-message-broadcast")
        #expect(try guardian.post("/messages/\(broadcastID)", [("body", "Буду.")]).status == 303)
        try PageSnapshots.check(teacher, "/messages/\(broadcastID)", "teacher-message-broadcast")
        try PageSnapshots.check(teacher, "/messages/new", "teacher-message-new")

        let admin = try FixtureSchool.signedIn(app, Self.admin)
        try admin.page("/messages/search")
        ResponseSnapshot.check(try admin.post("/messages/search", [("q", "справк")]), "administrator-message-search")

        #expect(try admin.json(.post, "/api/v1/events", #"{"starts_on": "2026-11-27", "title": "День открытых дверей", "details": "С 10:00 до 14:00, актовый зал."}"#).status == 201)
        #expect(try teacher.json(.post, "/api/v1/events", #"{"class": \#(classA), "starts_on": "2026-11-24", "ends_on": "2026-11-25", "title": "Экскурсия в музей"}"#).status == 201)
        try PageSnapshots.check(teacher, "/events", "teacher-events")
        try PageSnapshots.check(guardian, "/", "guardian-home-events")
        try PageSnapshots.check(guardian, "/diary/\(FixtureSchool.id(PageSnapshots.daria))", "guardian-diary-week-events")

        let kiosk = Client(app)
        _ = try kiosk.get("/kiosk/pair/\(FixtureSchool.kioskPairingCode)")
        try PageSnapshots.check(kiosk, "/kiosk", "kiosk-idle-events")
        _ = try kiosk.post("/kiosk/signin", [("login", FixtureSchool.login(Self.mother)), ("password", FixtureSchool.password)])
        try PageSnapshots.check(kiosk, "/kiosk/messages", "kiosk-messages")
        try PageSnapshots.check(kiosk, "/kiosk/messages/\(thread)", "kiosk-message-thread")
    }
}
