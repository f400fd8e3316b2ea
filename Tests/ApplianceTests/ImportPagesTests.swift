import Desks
import Appliance
import Domain
import Foundation
import HTTP
import Logging
import Storage
import Testing

/// The administrator's CSV imports page: upload, dry-run preview, confirmation; the same import
/// as `tabel setup import`.
@Suite struct ImportPagesTests {
    let database: Database
    let app: App
    static let admin = "Соколова Ирина Павловна"
    static let teacher = "Кузнецова Ольга Николаевна"

    init() throws {
        database = try FixtureSchool.copy()
        app = FixtureSchool.app(database)
    }

    /// A mid-year arrival, a move to the other class from a date, and a student left as he is.
    static let students = """
        Фамилия;Имя;Отчество;Класс;Дата зачисления
        Орлов;Глеб;Игоревич;5А;16.11.2026
        Белова;Дарья;Андреевна;5Б;23.11.2026
        Григорьев;Илья;Петрович;5А;
        Соколов;Павел;;5Б;
        """

    /// The form as a browser sends it: `_csrf` (unless nil), the choices and the file.
    func upload(_ client: Client, kind: String, file: [UInt8], name: String = "ученики.csv", csrf: String?,
                fields: [(String, String)] = []) throws -> Response {
        let boundary = "----TabelTestBoundary7MA4YWxk"
        var body: [UInt8] = []
        func part(_ header: String, _ content: [UInt8]) {
            body += Array("--\(boundary)\r\n\(header)\r\n\r\n".utf8) + content + Array("\r\n".utf8)
        }
        if let csrf { part("Content-Disposition: form-data; name=\"_csrf\"", Array(csrf.utf8)) }
        part("Content-Disposition: form-data; name=\"kind\"", Array(kind.utf8))
        for (k, v) in fields { part("Content-Disposition: form-data; name=\"\(k)\"", Array(v.utf8)) }
        part("Content-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv", file)
        body += Array("--\(boundary)--\r\n".utf8)
        return try client.send(.post, "/imports", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
    }

    func signedInAdmin() throws -> Client {
        let client = try FixtureSchool.signedIn(app, Self.admin)
        #expect(try client.page("/imports").status == 200)
        return client
    }

    static func token(_ page: Response) -> String? {
        guard let range = page.text.range(of: "name=\"token\" value=\"") else { return nil }
        return String(page.text[range.upperBound...].prefix { $0 != "\"" })
    }

    /// What an import can change in the school, without the moments rows were written at.
    static func school(_ db: Database) throws -> [String] {
        try db.read { c in
            try c.query("SELECT id, last_name, first_name, middle_name, coalesce(birth_date, ''), phone, email FROM person ORDER BY id") {
                "person \($0.int(0)) \($0.string(1)) \($0.string(2)) \($0.string(3)) \($0.string(4)) \($0.string(5)) \($0.string(6))"
            } + c.query("SELECT student_id, class_id, joined_on, coalesce(left_on, '') FROM enrolment ORDER BY student_id, class_id") {
                "enrolment \($0.int(0)) \($0.int(1)) \($0.string(2))…\($0.string(3))"
            } + c.query("SELECT person_id, given_on, document FROM consent ORDER BY person_id, given_on") {
                "consent \($0.int(0)) \($0.string(1)) \($0.string(2))"
            } + c.query("SELECT person_id, role FROM staff_role ORDER BY person_id, role") { "role \($0.int(0)) \($0.string(1))" }
            + c.query("SELECT guardian_id, student_id, relation FROM guardian_link ORDER BY guardian_id, student_id") {
                "guardian \($0.int(0)) \($0.int(1)) \($0.string(2))"
            } + c.query("SELECT id, class_id, coalesce(group_id, 0), weekday, bell_number, subject_id, teacher_id, coalesce(room_id, 0) FROM timetable_entry ORDER BY id") {
                "entry \($0.int(0)) \($0.int(1)) \($0.int(2)) \($0.int(3)) \($0.int(4)) \($0.int(5)) \($0.int(6)) \($0.int(7))"
            } + c.query("SELECT id, class_id, coalesce(group_id, 0), date, bell_number, subject_id, teacher_id, status, topic FROM lesson ORDER BY id") {
                "lesson \($0.int(0)) \($0.int(1)) \($0.int(2)) \($0.string(3)) \($0.int(4)) \($0.int(5)) \($0.int(6)) \($0.string(7)) \($0.string(8))"
            } + c.query("SELECT class_id, subject_id, position, title, hours FROM plan_topic ORDER BY class_id, subject_id, position") {
                "plan \($0.int(0)) \($0.int(1)) \($0.int(2)) \($0.string(3)) \($0.int(4))"
            } + [ "audit rows \(try c.first("SELECT count(*) FROM audit") { $0.int(0) } ?? 0)" ]
        }
    }

    func uploadsKept() throws -> Int { try database.read { try $0.first("SELECT count(*) FROM import_upload") { $0.int(0) } ?? 0 } }

    @Test func aTeacherIsRefused() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.teacher)
        #expect(try teacher.page("/imports").status == 403)
        _ = try teacher.page("/")
        let before = try Self.school(database)
        let r = try upload(teacher, kind: "students", file: Array(Self.students.utf8), csrf: teacher.lastCSRF)
        #expect(r.status == 403)
        #expect(try teacher.post("/imports/confirm", [("token", "anything")]).status == 403)
        // Nothing changed but the refusals, which the audit trail records.
        #expect(try Self.school(database).dropLast() == before.dropLast())
        RefusalLog(database: database).flush()
        #expect(try database.read { try $0.first("SELECT count(*) FROM audit WHERE action = 'access.denied' AND new_value LIKE '%/imports%'") { $0.int(0) } } == 3)
        #expect(try uploadsKept() == 0)
    }

    @Test func anUploadWithoutItsFormTokenIsRefused() throws {
        let admin = try signedInAdmin()
        let before = try Self.school(database)
        let forged = try upload(admin, kind: "students", file: Array(Self.students.utf8), csrf: nil)
        #expect(forged.status == 403)
        let wrong = try upload(admin, kind: "students", file: Array(Self.students.utf8), csrf: "not-the-token")
        #expect(wrong.status == 403)
        #expect(try Self.school(database) == before)
        #expect(try uploadsKept() == 0)
    }

    @Test func thePreviewNamesEveryBadLineAndChangesNothing() throws {
        let admin = try signedInAdmin()
        let before = try Self.school(database)
        let bad = """
            Фамилия;Имя;Класс;Дата зачисления
            Орлов;Глеб;5А;16.11.2026
            Сидоров;Иван;99Я;
            Кузьмин;Олег;5Б;31.11.2026
            Белова;Дарья;5Б;01.09.2027
            """
        let r = try upload(admin, kind: "students", file: Array(bad.utf8), csrf: admin.lastCSRF)
        #expect(r.status == 422)
        #expect(r.text.contains("В файле есть ошибки — ничего не загружено"))
        #expect(r.text.contains("строка 3: класс «99Я» не найден (есть: 5А, 5Б)"))
        #expect(r.text.contains("строка 4: «Дата зачисления»: «31.11.2026» — ожидается дата ДД.ММ.ГГГГ"))
        #expect(r.text.contains("строка 5: «Дата зачисления»: «01.09.2027» — не в 2026/2027 учебном году"))
        #expect(!r.text.contains("строка 2"))
        #expect(!r.text.contains("/imports/confirm"))
        // The form again, the kind still chosen.
        #expect(r.text.contains("value=\"students\" checked"))
        #expect(try Self.school(database) == before)
        #expect(try uploadsKept() == 0)

        let good = try upload(admin, kind: "students", file: Array(Self.students.utf8), csrf: admin.lastCSRF)
        #expect(good.status == 200)
        #expect(good.text.contains("Проверка файла «ученики.csv»"))
        #expect(good.text.contains("добавится: <b>2</b> · изменится: <b>1</b> (из них переводов в другой класс: <b>1</b>) · без изменений: <b>1</b>"))
        #expect(good.text.contains("<td>2</td><td>Орлов Глеб Игоревич, 5А — новый обучающийся с 16.11.2026</td>"))
        #expect(good.text.contains("<td>3</td><td>Белова Дарья Андреевна — перевод в 5Б с 23.11.2026</td>"))
        #expect(Self.token(good) != nil)
        #expect(try Self.school(database) == before)
        #expect(try uploadsKept() == 1)
    }

    @Test func aFileOfAnotherEncodingAndSeparatorIsReadAsTheConsoleReadsIt() throws {
        let admin = try signedInAdmin()
        // Excel's «CSV (разделители — запятые)» in Windows-1251, and UTF-8 with a BOM.
        let text = "Фамилия,Имя,Класс\r\nЁлкин,Семён,5А\r\n"
        let r = try upload(admin, kind: "students", file: Self.windows1251(text), csrf: admin.lastCSRF)
        #expect(r.status == 200)
        #expect(r.text.contains("Ёлкин Семён, 5А — новый обучающийся с 23.11.2026"))
        let bom = try upload(admin, kind: "students", file: [0xEF, 0xBB, 0xBF] + Array(text.utf8), csrf: admin.lastCSRF)
        #expect(bom.text.contains("Ёлкин Семён, 5А — новый обучающийся"))
        // A session keeps one upload: the newer replaced the older.
        #expect(try uploadsKept() == 1)
    }

    @Test func confirmingImportsWhatTheConsoleWould() throws {
        let timetable = "Класс;День;Урок;Предмет;Учитель;Группа;Кабинет\n5А;Пн;1;Математика;Волкова Е. С.;;21\n5Б;Сб;1;Музыка;Павлов Д. И.;;\n"
        // The console's import of the same files into another copy of the same school, on the same day.
        let cli = try FixtureSchool.copy()
        let cliPath = cli.path
        cli.close()
        for (kind, text) in [("students", Self.students), ("timetable", timetable)] {
            let file = temporaryPath("import") + ".csv"
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            let run = try CommandTests.run(["setup", "import", kind, "--db", cliPath, "--file", file, "--today", "2026-11-23"])
            #expect(run.status == 0, "\(run.output)")
        }
        let console = try Database.open(path: cliPath)
        defer { console.close() }

        let admin = try signedInAdmin()
        for (kind, text) in [("students", Self.students), ("timetable", timetable)] {
            let preview = try upload(admin, kind: kind, file: Array(text.utf8), csrf: admin.lastCSRF)
            let token = try #require(Self.token(preview))
            let done = try admin.post("/imports/confirm", [("token", token)])
            #expect(done.status == 200)
            #expect(done.text.contains("Файл загружен"))
            _ = try admin.page("/imports")
        }
        // Everything but the audit trail, which has the administrator's sign-in besides.
        let (page, cliSchool) = (Array(try Self.school(database).dropLast()), Array(try Self.school(console).dropLast()))
        #expect(page == cliSchool, "only on the page: \(page.filter { !cliSchool.contains($0) }.prefix(5)); only by the console: \(cliSchool.filter { !page.contains($0) }.prefix(5))")
        #expect(try uploadsKept() == 0)
        // Both audited as imports: the page's with the administrator's account and session.
        let audit = try database.read { c in
            try c.query("SELECT action, via, reason, account_id IS NOT NULL, session_id IS NOT NULL FROM audit WHERE action LIKE 'import.%' ORDER BY id DESC LIMIT 2") {
                "\($0.string(0)) \($0.string(1)) \($0.string(2)) \($0.bool(3)) \($0.bool(4))"
            }
        }
        #expect(audit == ["import.timetable import страница true true", "import.students import страница true true"])
        let consoleAudit = try console.read { c in
            try c.query("SELECT action, reason, account_id IS NULL FROM audit WHERE action LIKE 'import.%' ORDER BY id DESC LIMIT 2") {
                "\($0.string(0)) \($0.string(1)) \($0.bool(2))"
            }
        }
        #expect(consoleAudit == ["import.timetable командная строка true", "import.students командная строка true"])
        // The arrival is on the journal from the day of enrolment only.
        let arrival = try database.read { c in
            try c.first("SELECT e.joined_on FROM enrolment e JOIN person p ON p.id = e.student_id WHERE p.last_name = 'Орлов'") { $0.string(0) }
        }
        #expect(arrival == "2026-11-16")
    }

    @Test func anExpiredForeignOrUsedTokenIsRefused() throws {
        let admin = try signedInAdmin()
        let preview = try upload(admin, kind: "students", file: Array(Self.students.utf8), csrf: admin.lastCSRF)
        let token = try #require(Self.token(preview))
        let before = try Self.school(database)

        // The same administrator in another browser: another session, whose preview this is not.
        let other = try signedInAdmin()
        let foreign = try other.post("/imports/confirm", [("token", token)])
        #expect(foreign.status == 410)
        #expect(foreign.text.contains("Эта проверка устарела или начата в другом сеансе"))
        #expect(try admin.post("/imports/confirm", [("token", "made-up-token")]).status == 410)
        #expect(try Self.school(database).dropLast() == before.dropLast())

        // Sixteen minutes later the preview has expired (the session has not).
        let later = Client(FixtureSchool.app(database, at: "2026-11-23T10:16"))
        later.cookies = admin.cookies
        _ = try later.page("/imports")
        #expect(try later.post("/imports/confirm", [("token", token)]).status == 410)
        #expect(try Self.school(database).dropLast() == before.dropLast())

        // A fresh preview is confirmed once; a second confirmation finds nothing.
        let again = try upload(later, kind: "students", file: Array(Self.students.utf8), csrf: later.lastCSRF)
        let fresh = try #require(Self.token(again))
        #expect(try later.post("/imports/confirm", [("token", fresh)]).status == 200)
        #expect(try later.post("/imports/confirm", [("token", fresh)]).status == 410)
    }

    @Test func aPlanNeedsItsClassAndSubjectAndFillsLessons() throws {
        let admin = try signedInAdmin()
        let plan = "Тема;Часы\nПовторение;2\nНовая глава;3\n"
        let missing = try upload(admin, kind: "plan", file: Array(plan.utf8), csrf: admin.lastCSRF)
        #expect(missing.status == 422)
        #expect(missing.text.contains("Для КТП выберите класс и предмет."))
        let (classID, subjectID) = try database.read { c in (FixtureSchool.classID("5Б"), try c.subjectID(named: "Русский язык")!) }
        let before = try Self.school(database)
        let preview = try upload(admin, kind: "plan", file: Array(plan.utf8), csrf: admin.lastCSRF,
                                 fields: [("class", String(classID)), ("subject", String(subjectID))])
        #expect(preview.status == 200)
        #expect(preview.text.contains("Что загружается: КТП класса по предмету: Русский язык, 5Б"))
        #expect(preview.text.contains("<td>3</td><td>Новая глава — 3 ч.</td>"))
        #expect(preview.text.contains("тем 2, часов 5; темы будут записаны в "))
        #expect(try Self.school(database) == before)
        let done = try admin.post("/imports/confirm", [("token", try #require(Self.token(preview)))])
        #expect(done.status == 200)
        #expect(try database.read { try $0.planTopics(classID: classID, subjectID: subjectID) }.map(\.title) == ["Повторение", "Новая глава"])
    }

    @Test func cancellingForgetsTheFile() throws {
        let admin = try signedInAdmin()
        let preview = try upload(admin, kind: "students", file: Array(Self.students.utf8), csrf: admin.lastCSRF)
        let token = try #require(Self.token(preview))
        #expect(try admin.post("/imports/cancel", [("token", token)]).status == 303)
        #expect(try uploadsKept() == 0)
        #expect(try admin.post("/imports/confirm", [("token", token)]).status == 410)
    }

    @Test func aFileOverTheImportLimitIsRefusedBeforeItIsParsed() throws {
        // A server that takes large bodies still refuses an import over 20 MB, keeping nothing.
        var logger = Logger(label: "fixture")
        logger.logLevel = .critical
        let roomy = App(database: database, clock: FixtureSchool.clock(), logger: logger, uploadLimit: 64 * 1024 * 1024)
        let admin = try FixtureSchool.signedIn(roomy, Self.admin)
        #expect(try admin.page("/imports").text.contains("Не больше 20 МБ."))
        let file = Array(Self.students.utf8) + [UInt8](repeating: 0x41, count: 21 * 1024 * 1024)
        let started = Date()
        let r = try upload(admin, kind: "students", file: file, csrf: admin.lastCSRF)
        #expect(r.status == 413)
        #expect(r.text.contains("Файл больше 20 МБ"))
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(try uploadsKept() == 0)
    }

    /// Cyrillic text as Windows-1251 (А–я, Ё, ё; ASCII as it is).
    static func windows1251(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { s -> UInt8 in
            switch s.value {
            case 0x410...0x44F: UInt8(s.value - 0x410 + 0xC0)
            case 0x401: 0xA8
            case 0x451: 0xB8
            default: UInt8(truncatingIfNeeded: s.value)
            }
        }
    }
}
