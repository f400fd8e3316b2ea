import Appliance
import Desks
import Domain
import HTTP
import Setup
import Storage
import Testing

/// Every page as the person who normally opens it sees it, from the fixture school at
/// 10:00 on Monday 23 November 2026: whole responses compared with `Snapshots/*.txt`.
/// Each suite works on its own copy of the school.
enum PageSnapshots {
    /// Loads `target` in `client` and compares the whole response with `Snapshots/<name>.txt`.
    static func check(_ client: Client, _ target: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        ResponseSnapshot.check(try client.page(target), name, sourceLocation: sourceLocation)
    }

    static func fresh() -> App { FixtureSchool.app(try! FixtureSchool.copy()) }

    static let kuznetsova = "Кузнецова Ольга Николаевна", smirnova = "Смирнова Анна Олеговна", volkova = "Волкова Елена Сергеевна"
    static let artem = "Алексеев Артём Ильич", vera = "Алексеева Вера Ильинична", daria = "Белова Дарья Андреевна"
    static let father = "Алексеев Илья Викторович", mother = "Белова Наталья Викторовна"

    /// The lesson `teacher` gives today (or on `date`) at `bell`.
    static func lesson(_ app: App, _ teacher: String, bell: Int, on date: String = "2026-11-23") throws -> Int {
        try #require(try app.database.read { try $0.teacherDay(FixtureSchool.id(teacher), on: CivilDate(iso: date)!) }.first { $0.summary.bell == bell }).summary.id
    }

    static func subject(_ app: App, _ name: String) throws -> Int {
        try #require(try app.database.read { try $0.subjectID(named: name) })
    }
}

extension PageSnapshots {
    @Suite struct Anonymous {
        let app = PageSnapshots.fresh()

        @Test func signInAndErrorPages() throws {
            let visitor = Client(app)
            try check(visitor, "/login", "anonymous-login")
            try check(visitor, "/", "anonymous-home-redirect")
            try check(visitor, "/no-such-page", "anonymous-404")
            ResponseSnapshot.check(try visitor.send(.delete, "/login"), "anonymous-405")
            let wrong = try visitor.post("/login", [("login", FixtureSchool.login(kuznetsova)), ("password", "not-her-password")])
            ResponseSnapshot.check(wrong, "anonymous-login-refused")
        }

        @Test func aFirstSignInWithASlip() throws {
            let slip = try AccountsDesk(database: app.database).issueSlips(people: [FixtureSchool.id("Васильев Тимофей Романович")], today: FixtureSchool.today,
                                                                          by: .console(at: app.clock.unixNow()))[0]
            let student = Client(app)
            try student.page("/login")
            ResponseSnapshot.check(try student.post("/login", [("login", slip.login), ("password", slip.password)]), "first-signin-redirect")
            try check(student, "/password", "first-signin-password")
            try check(student, "/", "first-signin-home-redirect")
        }

        @Test func kioskScreens() throws {
            let kiosk = Client(app)
            try check(kiosk, "/kiosk", "kiosk-unregistered")
            try check(kiosk, "/kiosk/pair/\(FixtureSchool.kioskPairingCode)", "kiosk-pair")
            try check(kiosk, "/kiosk", "kiosk-idle")
            #expect(try kiosk.post("/kiosk/signin", [("login", FixtureSchool.login(artem)), ("password", FixtureSchool.password)]).status == 303)
            try check(kiosk, "/kiosk/diary", "kiosk-diary-redirect")
            try check(kiosk, "/kiosk/diary/\(FixtureSchool.id(artem))", "kiosk-diary")
            try check(kiosk, "/kiosk/diary/\(FixtureSchool.id(artem))?week=2026-11-16", "kiosk-diary-last-week")
            try check(kiosk, "/kiosk/diary/\(FixtureSchool.id(artem))/marks", "kiosk-diary-marks")
            try check(kiosk, "/kiosk/diary/\(FixtureSchool.id(artem))/finals", "kiosk-diary-finals")
            try check(kiosk, "/kiosk/diary/\(FixtureSchool.id(daria))", "kiosk-diary-other-404")
        }
    }

    @Suite struct Teacher {
        let app = PageSnapshots.fresh()

        @Test func aClassTeachersPages() throws {
            let teacher = try FixtureSchool.signedIn(app, kuznetsova)
            let math = try subject(app, "Математика"), a = FixtureSchool.classID("5А"), b = FixtureSchool.classID("5Б")
            try check(teacher, "/", "teacher-home")
            try check(teacher, "/day", "teacher-day")
            try check(teacher, "/day?date=2026-11-25", "teacher-day-wednesday")
            try check(teacher, "/lessons/\(try lesson(app, kuznetsova, bell: 1))", "teacher-lesson-held")
            try check(teacher, "/lessons/\(try lesson(app, kuznetsova, bell: 2))", "teacher-lesson-running")
            try check(teacher, "/lessons/\(try lesson(app, kuznetsova, bell: 2, on: "2026-11-25"))", "teacher-lesson-ahead")
            try check(teacher, "/journal", "teacher-journals")
            try check(teacher, "/journal/\(a)/\(math)", "teacher-grid-5a-math")
            try check(teacher, "/journal/\(a)/\(math)?finals=1", "teacher-grid-5a-math-finals")
            try check(teacher, "/journal/\(b)/\(math)", "teacher-grid-5b-math")
            try check(teacher, "/journal/\(a)/\(math)/plan", "teacher-plan-5a-math")
            try check(teacher, "/classes/\(a)/slips", "teacher-class-slips")
            try check(teacher, "/classes/\(a)/slips/confirm?who=students", "teacher-class-slips-confirm")
            try check(teacher, "/classes/\(a)/slips/confirm?who=picked", "teacher-class-slips-none-picked")
            try check(teacher, "/classes/\(a)", "teacher-class-page")
            try check(teacher, "/classes/\(a)?date=2026-11-18", "teacher-class-page-last-week")
            try check(teacher, "/classes/\(b)", "teacher-class-page-other-403")
            try check(teacher, "/people?class=\(a)", "teacher-people-5a")
            try check(teacher, "/people/\(FixtureSchool.id(artem))", "teacher-person-student")
            try check(teacher, "/password", "teacher-password")
            try check(teacher, "/settings", "teacher-settings-403")
            try check(teacher, "/lessons/999999", "teacher-lesson-404")
            try check(teacher, "/timetable/teachers/\(FixtureSchool.id(kuznetsova))", "teacher-timetable")
            try check(teacher, "/classes/\(a)/groups", "teacher-class-groups")
        }

        @Test func aGroupTeachersPages() throws {
            let teacher = try FixtureSchool.signedIn(app, smirnova)
            let english = try subject(app, "Иностранный язык (английский)")
            try check(teacher, "/", "group-teacher-home")
            try check(teacher, "/day", "group-teacher-day")
            try check(teacher, "/lessons/\(try lesson(app, smirnova, bell: 3))", "group-teacher-lesson-ahead")
            try check(teacher, "/journal", "group-teacher-journals")
            let group = try #require(try app.database.read { try $0.groupID(named: "Английский 1", classID: FixtureSchool.classID("5А")) })
            try check(teacher, "/journal/\(FixtureSchool.classID("5А"))/\(english)?group=\(group)", "group-teacher-grid-5a-english-1")
        }
    }

    @Suite struct Administration {
        let app = PageSnapshots.fresh()

        @Test func theAdministratorsPages() throws {
            let admin = try FixtureSchool.signedIn(app, "Соколова Ирина Павловна")
            try check(admin, "/", "administrator-home")
            try check(admin, "/settings", "administrator-settings")
            try check(admin, "/audit", "administrator-audit")
            try check(admin, "/audit?all=1", "administrator-audit-everything")
            try check(admin, "/mark-reports", "administrator-mark-reports")
            try check(admin, "/people", "administrator-people")
            try check(admin, "/people?q=Алексеев", "administrator-people-search")
            try check(admin, "/people?q=Софья%20Ильина", "administrator-people-search-name-order")
            try check(admin, "/people?class=\(FixtureSchool.classID("5Б"))", "administrator-people-5b")
            try check(admin, "/classes/\(FixtureSchool.classID("5Б"))", "administrator-class-page-5b")
            try check(admin, "/people/\(FixtureSchool.id(artem))", "administrator-person-student")
            try check(admin, "/people/\(FixtureSchool.id(father))", "administrator-person-guardian")
            try check(admin, "/people/\(FixtureSchool.id(mother))", "administrator-person-guardian-no-consent")
            try check(admin, "/people/\(FixtureSchool.id("Жукова Ирина Олеговна"))", "administrator-person-no-account")
            try check(admin, "/people/\(FixtureSchool.id(kuznetsova))", "administrator-person-teacher")
            try check(admin, "/classes/\(FixtureSchool.classID("5Б"))/slips", "administrator-class-slips")
            try check(admin, "/imports", "administrator-imports")
            try check(admin, "/school", "administrator-school")
            for section in ["periods", "holidays", "bells", "rooms", "subjects", "classes", "assignments"] {
                try check(admin, "/school/\(section)", "administrator-school-\(section)")
            }
            try check(admin, "/classes/\(FixtureSchool.classID("5Б"))/groups", "administrator-class-groups-5b")
        }

        @Test func theDeputysPages() throws {
            let deputy = try FixtureSchool.signedIn(app, volkova)
            try check(deputy, "/", "deputy-home")
            try check(deputy, "/unlocks", "deputy-unlocks")
            try check(deputy, "/day?teacher=", "deputy-any-day")
            try check(deputy, "/day?teacher=\(FixtureSchool.id("Павлов Дмитрий Игоревич"))", "deputy-substitute-day")
            try check(deputy, "/lessons/\(try lesson(app, volkova, bell: 3))", "deputy-lesson-substituted")
            try check(deputy, "/journal", "deputy-journals")
            try check(deputy, "/changes", "deputy-changes-today")
            try check(deputy, "/changes?date=2026-11-25", "deputy-changes-wednesday")
            try check(deputy, "/timetable", "deputy-timetable")
            try check(deputy, "/timetable/classes/\(FixtureSchool.classID("5А"))?date=2026-11-30", "deputy-timetable-5a")
            let history = try #require(try app.database.read { try $0.timetableEntries(classID: FixtureSchool.classID("5А"), subjectID: try $0.subjectID(named: "История")!,
                                                                                      from: FixtureSchool.today) }.first)
            try check(deputy, "/timetable/entries/\(history.id)", "deputy-timetable-entry")
            try check(deputy, "/timetable/lessons/\(try lesson(app, volkova, bell: 3))/room", "deputy-lesson-room")
        }

        @Test func theDirectorsPages() throws {
            let director = try FixtureSchool.signedIn(app, "Морозов Андрей Викторович")
            try check(director, "/", "director-home")
            try check(director, "/journal", "director-journals")
            let grid = "/journal/\(FixtureSchool.classID("5А"))/\(try subject(app, "Математика"))"
            try check(director, grid, "director-grid-5a-math")
            try check(director, "/school/classes", "director-school-classes")
            // The director reads: no editing, no keyboard script; the formula one click away.
            let page = try director.get(grid).text
            #expect(page.contains("data-editable=\"false\"") && !page.contains("tabindex") && !page.contains("grid.js"))
            #expect(page.contains("<details><summary>") && page.contains("<th class=\"name\" scope=\"row\">"))
        }
    }

    @Suite struct OtherStaff {
        let app = PageSnapshots.fresh()

        @Test func thePsychologistsPages() throws {
            let psychologist = try FixtureSchool.signedIn(app, "Орлова Татьяна Викторовна")
            try check(psychologist, "/", "psychologist-home")
            try check(psychologist, "/day", "psychologist-day")
        }

        @Test func theSecretarysPages() throws {
            let secretary = try FixtureSchool.signedIn(app, "Фёдорова Галина Ивановна")
            try check(secretary, "/", "secretary-home")
            try check(secretary, "/people", "secretary-people")
        }
    }

    @Suite struct Diary {
        let app = PageSnapshots.fresh()

        @Test func aStudentsDiary() throws {
            let student = try FixtureSchool.signedIn(app, artem)
            let own = "/diary/\(FixtureSchool.id(artem))"
            try check(student, "/", "student-home")
            try check(student, "/diary", "student-diary-redirect")
            try check(student, own, "student-diary-week")
            try check(student, "\(own)?week=2026-11-16", "student-diary-last-week")
            try check(student, "\(own)/marks", "student-diary-marks")
            try check(student, "\(own)/finals", "student-diary-finals")
            try check(student, "/diary/\(FixtureSchool.id(daria))", "student-diary-other-404")
            try check(student, "/journal", "student-journals-refused")
        }

        @Test func aGuardianWithTwoChildren() throws {
            let guardian = try FixtureSchool.signedIn(app, father)
            let son = "/diary/\(FixtureSchool.id(artem))", daughter = "/diary/\(FixtureSchool.id(vera))"
            try check(guardian, "/", "guardian-home")
            try check(guardian, daughter, "guardian-diary-week")
            try check(guardian, "\(daughter)/marks", "guardian-diary-marks")
            try check(guardian, "\(daughter)/finals", "guardian-diary-finals")
            try check(guardian, "\(son)/finals", "guardian-diary-finals-acknowledged")
        }

        @Test func aGuardianBeforeAcknowledging() throws {
            let guardian = try FixtureSchool.signedIn(app, mother)
            try check(guardian, "/diary/\(FixtureSchool.id(daria))/finals", "guardian-finals-to-acknowledge")
        }
    }
}

extension PageSnapshots {
    /// The second language: the same pages as an English-speaking teacher, deputy, student,
    /// guardian or kiosk visitor sees them after pressing the header's switch.
    @Suite struct English {
        let app = PageSnapshots.fresh()

        /// Presses the language switch of the page last loaded.
        static func switchToEnglish(_ client: Client, from page: String = "/") throws {
            try client.page(page)
            #expect(try client.post("/language", [("language", "en")]).status == 303)
        }

        @Test func beforeSigningIn() throws {
            let visitor = Client(app)
            try Self.switchToEnglish(visitor, from: "/login")
            try check(visitor, "/login", "english-login")
            ResponseSnapshot.check(try visitor.post("/login", [("login", FixtureSchool.login(kuznetsova)), ("password", "not-her-password")]),
                                   "english-login-refused")
            try check(visitor, "/no-such-page", "english-404")
            // The kiosk screen follows its browser's choice until someone signs in.
            try visitor.get("/kiosk/pair/\(FixtureSchool.kioskPairingCode)")
            try check(visitor, "/kiosk", "english-kiosk-idle")
        }

        @Test func aTeachersPages() throws {
            let teacher = try FixtureSchool.signedIn(app, kuznetsova)
            try Self.switchToEnglish(teacher)
            let math = try subject(app, "Математика"), a = FixtureSchool.classID("5А")
            try check(teacher, "/", "english-teacher-home")
            try check(teacher, "/day", "english-teacher-day")
            try check(teacher, "/lessons/\(try lesson(app, kuznetsova, bell: 1))", "english-teacher-lesson-held")
            try check(teacher, "/lessons/\(try lesson(app, kuznetsova, bell: 2, on: "2026-11-25"))", "english-teacher-lesson-ahead")
            try check(teacher, "/journal/\(a)/\(math)", "english-teacher-grid-5a-math")
            try check(teacher, "/classes/\(a)/slips/confirm?who=students", "english-teacher-class-slips-confirm")
            try check(teacher, "/password", "english-teacher-password")
            // A refusal of the journal's rules comes in English through the API too; its code does not change.
            let refused = try teacher.json(.post, "/api/v1/lessons/\(try lesson(app, kuznetsova, bell: 2, on: "2026-11-25"))/marks",
                                           #"{"student": \#(FixtureSchool.id(artem)), "value": 5, "workType": "У"}"#)
            #expect(refused.status == 409 && refused.text.contains(#""error":"future_lesson""#) && refused.text.contains("has not begun"))
            // And back: the account keeps Russian again.
            try teacher.page("/")
            #expect(try teacher.post("/language", [("language", "ru")]).status == 303)
            #expect(try teacher.get("/").text.contains("<html lang=\"ru\">"))
        }

        @Test func theDeputysAndAdministratorsPages() throws {
            let deputy = try FixtureSchool.signedIn(app, volkova)
            try Self.switchToEnglish(deputy)
            try check(deputy, "/lessons/\(try lesson(app, volkova, bell: 3))", "english-deputy-lesson-substituted")
            try check(deputy, "/changes?date=2026-11-25", "english-deputy-changes-wednesday")
            try check(deputy, "/unlocks", "english-deputy-unlocks")
            let admin = try FixtureSchool.signedIn(app, "Соколова Ирина Павловна")
            try Self.switchToEnglish(admin)
            try check(admin, "/settings", "english-administrator-settings")
            try check(admin, "/audit", "english-administrator-audit")
        }

        @Test func aStudentsDiary() throws {
            let student = try FixtureSchool.signedIn(app, artem)
            try Self.switchToEnglish(student)
            let own = "/diary/\(FixtureSchool.id(artem))"
            try check(student, own, "english-student-diary-week")
            try check(student, "\(own)/marks", "english-student-diary-marks")
            try check(student, "\(own)/finals", "english-student-diary-finals")
            let guardian = try FixtureSchool.signedIn(app, father)
            try Self.switchToEnglish(guardian)
            try check(guardian, "/diary/\(FixtureSchool.id(vera))", "english-guardian-diary-week")
        }
    }
}
