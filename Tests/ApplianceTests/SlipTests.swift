import Desks
import Domain
import Foundation
import Printing
import Secrets
import Setup
import Storage
import Testing

/// Printed login slips: what pdftotext reads from them, and what issuing does to accounts.
@Suite(.serialized) struct SlipTests {
    static func text(of pdf: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("slips-\(getpid())-\(Int.random(in: 0..<1_000_000)).pdf").path
        try Data(pdf).write(to: URL(fileURLWithPath: path))
        let r = try CommandTests.run([path, "-"], executable: "/usr/bin/pdftotext")
        #expect(r.status == 0)
        return r.output
    }

    @Test func slipsCarryNameLoginPasswordAddressInReadableCyrillic() throws {
        let slip = LoginSlip(school: "Школа № 17", fullName: "Ёлкина Алёна Фёдоровна", whoLine: "Родитель: Ёлкин П. С., 5А",
                             login: "elkina.af", password: "AB23CD45EF", address: "http://tabel.local/", kioskCode: "KIOSK2345678",
                             validUntil: CivilDate(iso: "2026-12-07")!)
        let text = try Self.text(of: LoginSlipSheet.pdf(Array(repeating: slip, count: 9)))
        #expect(text.contains("Ёлкина Алёна Фёдоровна"))
        #expect(text.contains("Родитель: Ёлкин П. С., 5А"))
        #expect(text.contains("Логин: elkina.af"))
        #expect(text.contains("Пароль: AB23CD45EF"))
        #expect(text.contains("Адрес: http://tabel.local/"))
        #expect(text.contains("07.12.2026"))
        #expect(!text.contains("KIOSK2345678"))  // the kiosk code travels only in the QR code
        #expect(text.components(separatedBy: "\u{0C}").count >= 2)  // nine slips: two pages
    }

    @Test func aSlipAloneIsAnA7PageNotAWholeSheet() throws {
        let slip = LoginSlip(school: "Школа № 17", fullName: "Ёлкина Алёна Фёдоровна", whoLine: "Обучающийся, класс 5А",
                             login: "elkina.af", password: "AB23CD45EF", address: "http://tabel.local/", kioskCode: "KIOSK2345678",
                             validUntil: CivilDate(iso: "2026-12-07")!)
        func pageSize(_ pdf: [UInt8]) throws -> String {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("size-\(getpid())-\(Int.random(in: 0..<1_000_000)).pdf").path
            try Data(pdf).write(to: URL(fileURLWithPath: path))
            let r = try CommandTests.run([path], executable: "/usr/bin/pdfinfo")
            return r.output.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        }
        #expect(try pageSize(LoginSlipSheet.pdf([slip])).contains("297.64 x 209.76 pts"))  // A7 landscape
        #expect(try pageSize(LoginSlipSheet.pdf([slip, slip])).contains("595.28 x 841.89 pts (A4)"))
        #expect(try Self.text(of: LoginSlipSheet.pdf([slip])).contains("Пароль: AB23CD45EF"))
    }

    @Test func issuingVoidsTheOldPasswordAndIsAudited() throws {
        let db = try TestSchool.copy()
        let student = TestSchool.login(.student)
        let now = TestSchool.clock.unixNow()
        let first = try AccountsDesk(database: db).issueSlips(people: [student.personID], today: TestSchool.today, by: .console(at: now))
        let second = try AccountsDesk(database: db).issueSlips(people: [student.personID], today: TestSchool.today, by: .console(at: now))
        #expect(first[0].login == student.login && first[0].password != second[0].password)
        #expect(first[0].password.count == 10 && first[0].password.allSatisfy { SlipAlphabet.symbols.contains($0) })
        try db.read { c in
            let account = try #require(try c.account(login: student.login))
            #expect(account.passwordHash == nil && account.mustChangePassword)
            let usable = try c.usableSlips(account: account.id, now: now)
            #expect(usable.count == 1)
            #expect(PasswordHash.verify(second[0].password, against: usable[0].passwordHash))
            #expect(!PasswordHash.verify(first[0].password, against: usable[0].passwordHash))
            #expect(try c.query("SELECT action FROM audit WHERE action = 'slip.issue'") { $0.string(0) }.count == 2)
            // Nothing printed is stored in the clear.
            #expect(try c.first("SELECT count(*) FROM login_slip WHERE password_hash LIKE '%' || ? || '%'", second[0].password) { $0.int(0) } == 0)
        }
    }

    @Test func theCommandPrintsAClassWithItsGuardians() throws {
        let db = try TestSchool.copy()
        let path = db.path
        db.close()
        let out = path + ".pdf"
        let student = TestSchool.login(.student)
        let r = try CommandTests.run(["accounts", "issue", "--db", path, "--class", student.className, "--guardians", "--out", out])
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("Листки:"))
        let text = try Self.text(of: Array(try Data(contentsOf: URL(fileURLWithPath: out))))
        #expect(text.contains("Логин: \(student.login)"))
        #expect(text.contains("Родитель:"))
        let bad = try CommandTests.run(["accounts", "issue", "--db", path, "--class", "11Я", "--out", out])
        #expect(bad.status != 0)
        #expect(bad.output.contains("класс «11Я» не найден"))
        #expect(bad.output.contains("есть: 1А"))
    }
}
