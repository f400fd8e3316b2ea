import Appliance
import Desks
import Domain
import Foundation
import Mail
import Storage
import Testing

/// E-mail notifications (issue 15): queued in the database by the request, sent by the
/// background sender through libcurl's SMTP to a local sink (tests/smtp/sink.py), retried
/// with a growing pause when the relay refuses.
@Suite(.serialized) struct MailTests {
    /// A running SMTP sink: its port and the directory it writes messages to.
    final class Sink {
        let process = Process()
        let directory: URL
        let port: Int

        init(refuse: Int = 0) throws {
            directory = URL(fileURLWithPath: "/tmp/tabel-test-smtp-\(getpid())-\(Int.random(in: 0..<1_000_000_000))")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [CommandTests.packageRoot.appendingPathComponent("tests/smtp/sink.py").path, directory.path, "--refuse", String(refuse)]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                guard !chunk.isEmpty else { break }
                line.append(chunk)
            }
            port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }

        /// The messages received, in order (the raw text).
        var messages: [String] {
            (1...50).compactMap { try? String(contentsOf: directory.appendingPathComponent("\($0).eml"), encoding: .utf8) }
        }

        func envelope(_ n: Int) -> String { (try? String(contentsOf: directory.appendingPathComponent("\(n).env"), encoding: .utf8)) ?? "" }

        deinit {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// The base64 body of a message, decoded.
    static func text(_ message: String) -> String {
        let body = message.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
        return Data(base64Encoded: body).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    func configured(_ database: Database, port: Int) throws {
        try database.write { c in
            try c.setSetting("smtp_host", "127.0.0.1")
            try c.setSetting("smtp_port", String(port))
            try c.setSetting("smtp_from", "tabel@school5.example")
            // The guardian has an address on her card and wants e-mail (the default).
            _ = try c.run("UPDATE person SET email = 'belova@example.org' WHERE id = ?", FixtureSchool.id(MessagesTests.belova))
        }
    }

    @Test func anAbsenceReachesTheSinkThroughTheQueue() throws {
        let sink = try Sink()
        #expect(sink.port > 0)
        let app = FixtureSchool.app(try FixtureSchool.copy())
        try configured(app.database, port: sink.port)
        let teacher = try FixtureSchool.signedIn(app, MessagesTests.kuznetsova)
        let daria = FixtureSchool.id(MessagesTests.daria), lesson = try PageSnapshots.lesson(app, MessagesTests.kuznetsova, bell: 1)
        #expect(try teacher.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(daria)", #"{"code": null}"#).status == 204)
        #expect(try teacher.json(.put, "/api/v1/lessons/\(lesson)/attendance/\(daria)", #"{"code": "Н"}"#).status == 204)
        // The request only queued it.
        let queued = try app.database.read { try $0.dueMail(now: app.clock.unixNow()) }
        #expect(queued.count == 1 && queued[0].to == "belova@example.org")
        #expect(sink.messages.isEmpty)
        let sender = MailSender(database: app.database, now: { app.clock.unixNow() }, log: { _ in })
        let result = try sender.deliverDue()
        #expect(result.sent == 1 && result.failed == 0)
        let message = try #require(sink.messages.first)
        #expect(message.contains("To: <belova@example.org>") && message.contains("From: <tabel@school5.example>"))
        #expect(message.contains("Subject: =?UTF-8?B?") && message.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(Self.text(message).contains("отсутствует на уроке «Математика»"))
        #expect(sink.envelope(1).contains("<belova@example.org>"))
        // Sent once: nothing due any more; the row is kept, marked sent.
        #expect(try app.database.read { try $0.dueMail(now: app.clock.unixNow() + 86_400) }.isEmpty)
        #expect(try app.database.read { try $0.first("SELECT count(*) FROM mail_queue WHERE sent_at IS NOT NULL") { $0.int(0) } } == 1)
    }

    @Test func aRefusingRelayIsTriedAgainLater() throws {
        let sink = try Sink(refuse: 1)
        let app = FixtureSchool.app(try FixtureSchool.copy())
        try configured(app.database, port: sink.port)
        let now = app.clock.unixNow()
        try app.database.write { try $0.enqueueMail(to: "belova@example.org", subject: "Проверка", body: "Текст", at: now) }
        let clock = Clock(now)
        let sender = MailSender(database: app.database, now: { clock.value }, log: { _ in })
        #expect(try sender.deliverDue() == (0, 1))
        #expect(try app.database.read { try $0.dueMail(now: now) }.isEmpty)
        clock.value = now + MailSender.backoff(attempts: 0)
        #expect(try sender.deliverDue() == (1, 0))
        #expect(sink.messages.count == 1)
        #expect(MailSender.backoff(attempts: 0) == 60 && MailSender.backoff(attempts: 3) == 480 && MailSender.backoff(attempts: 30) == 6 * 3600)
        // No relay configured: nothing is sent, nothing lost.
        try app.database.write { try $0.setSetting("smtp_host", "") }
        try app.database.write { try $0.enqueueMail(to: "belova@example.org", subject: "x", body: "y", at: now) }
        #expect(try sender.deliverDue() == (0, 0))
    }

    @Test func messagesRefuseHeaderInjection() {
        #expect(!MailMessage.isUsable("a@b.c\r\nBcc: x@y.z") && !MailMessage.isUsable("<a@b.c>") && MailMessage.isUsable("a.b@school.ru"))
        let text = String(decoding: MailMessage.format(from: "a@b.c", to: "d@e.f", subject: "Тема\r\nBcc: x@y.z", body: "Текст", date: "d", messageID: "1@t"), as: UTF8.self)
        #expect(!text.contains("Bcc:"))
        #expect(MailMessage.date(unixSeconds: 0) == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(MailMessage.date(unixSeconds: 1_795_424_400) == "Mon, 23 Nov 2026 09:00:00 +0000")
    }
}

/// A settable clock for the retry test.
final class Clock: @unchecked Sendable {
    var value: Int
    init(_ value: Int) { self.value = value }
}
