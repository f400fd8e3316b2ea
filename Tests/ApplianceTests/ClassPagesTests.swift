import Appliance
import Desks
import Domain
import HTTP
import Storage
import Testing

/// The class teacher's page of the class, the class's login slips chosen and confirmed before
/// anything is voided, finding people and a person's card — in the fixture school, where in 5А
/// Артём and Дарья and their parents already use Tabel and the other four students never signed in.
@Suite struct ClassPagesTests {
    let app = PageSnapshots.fresh()
    static let kuznetsova = PageSnapshots.kuznetsova, artem = PageSnapshots.artem, father = PageSnapshots.father
    var a: Int { FixtureSchool.classID("5А") }
    var b: Int { FixtureSchool.classID("5Б") }

    func slipCount() throws -> Int { try app.database.read { try $0.first("SELECT count(*) FROM login_slip") { $0.int(0) } ?? 0 } }

    func canSignIn(_ fullName: String) throws -> Bool {
        try Client(app).signIn(FixtureSchool.login(fullName), FixtureSchool.password).status == 303
    }

    @Test func choosingWhoGetsSlipsShowsTheCountsBeforeAnything() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let choice = try teacher.page("/classes/\(a)/slips")
        #expect(choice.status == 200)
        #expect(choice.text.contains("value=\"new\" checked"))  // the choice that voids nothing in use
        #expect(choice.text.contains("Только тем, кто ещё не входил и не задал свой пароль (4)"))  // both parents of 5А use Tabel
        let students = try teacher.page("/classes/\(a)/slips/confirm?who=students").text
        #expect(students.contains("Листков: <b>6</b> · учётных записей будет сброшено: <b>6</b>, из них рабочих: <b>2</b>"))
        #expect(students.contains("<li>\(Self.artem)</li>") && students.contains("<li>\(PageSnapshots.daria)</li>"))
        #expect(students.contains("Файл: «слипы-5А-ученики.pdf»"))
        let guardians = try teacher.page("/classes/\(a)/slips/confirm?who=guardians").text
        #expect(guardians.contains("Листков: <b>2</b> · учётных записей будет сброшено: <b>2</b>, из них рабочих: <b>2</b>"))
        let fresh = try teacher.page("/classes/\(a)/slips/confirm?who=new").text
        #expect(fresh.contains("Листков: <b>4</b> · учётных записей будет сброшено: <b>4</b>, из них рабочих: <b>0</b>"))
        #expect(!fresh.contains("name=\"person\" value=\"\(FixtureSchool.id(Self.artem))\""))
        let ilya = FixtureSchool.id("Григорьев Илья Петрович")
        let picked = try teacher.page("/classes/\(a)/slips/confirm?who=picked&person=\(ilya)&person=\(FixtureSchool.id(Self.artem))").text
        #expect(picked.contains("Листков: <b>2</b> · учётных записей будет сброшено: <b>2</b>, из них рабочих: <b>1</b>"))
        let none = try teacher.page("/classes/\(a)/slips/confirm?who=picked")
        #expect(none.status == 422)
        #expect(none.text.contains("<p class=\"field-error\" id=\"who-error\">Отметьте в списке хотя бы одного человека.</p>"))
        #expect(none.text.contains("value=\"picked\" checked"))
    }

    @Test func nothingIsVoidedBeforeConfirming() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let before = try slipCount()
        try teacher.page("/classes/\(a)/slips")
        try teacher.page("/classes/\(a)/slips/confirm?who=students")
        // A post without the confirmation (the old one-click form) goes back to the confirmation.
        let unconfirmed = try teacher.post("/classes/\(a)/slips", [("who", "students"), ("person", "\(FixtureSchool.id(Self.artem))")])
        #expect(unconfirmed.status == 303)
        #expect(unconfirmed.headers["location"]?.hasPrefix("/classes/\(a)/slips/confirm?who=students") == true)
        #expect(try slipCount() == before)
        #expect(try canSignIn(Self.artem))

        // Confirmed: only those who never signed in get a slip; Артём keeps his password.
        let confirm = try teacher.page("/classes/\(a)/slips/confirm?who=new").text
        let people = confirm.components(separatedBy: "<input type=\"hidden\" name=\"person\" value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(people.count == 4)
        let pdf = try teacher.post("/classes/\(a)/slips", [("who", "new"), ("in_use", "0"), ("confirm", "yes")] + people.map { ("person", $0) })
        #expect(pdf.status == 200 && pdf.headers["content-type"] == "application/pdf")
        let disposition = try #require(pdf.headers["content-disposition"])
        #expect(disposition == "attachment; filename=\"slipy-5a-novye.pdf\"; filename*=UTF-8''%D1%81%D0%BB%D0%B8%D0%BF%D1%8B-5%D0%90-%D0%BD%D0%BE%D0%B2%D1%8B%D0%B5.pdf")
        #expect(try slipCount() == before + 4)
        #expect(try canSignIn(Self.artem))
        #expect(try SlipTests.text(of: pdf.body).contains("Григорьев Илья Петрович"))
    }

    @Test func aConfirmationThatNoLongerHoldsIsShownAgain() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        try teacher.page("/classes/\(a)/slips/confirm?who=students")
        // The page said no account was in use; Артём's is: nothing is printed, the page says so.
        let r = try teacher.post("/classes/\(a)/slips", [("who", "students"), ("in_use", "0"), ("confirm", "yes"), ("person", "\(FixtureSchool.id(Self.artem))")])
        #expect(r.status == 409 && r.headers["content-type"]?.hasPrefix("text/html") == true)
        #expect(r.text.contains("Пока вы подтверждали"))
        #expect(try canSignIn(Self.artem))
    }

    @Test func aClassTeacherCannotPrintSlipsForAnotherClass() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let before = try slipCount()
        #expect(try teacher.get("/classes/\(b)/slips").status == 403)
        #expect(try teacher.get("/classes/\(b)/slips/confirm?who=students").status == 403)
        try teacher.page("/classes/\(a)/slips")
        let vera = FixtureSchool.id(PageSnapshots.vera)
        #expect(try teacher.post("/classes/\(b)/slips", [("who", "picked"), ("confirm", "yes"), ("in_use", "0"), ("person", "\(vera)")]).status == 403)
        // Nor through their own class's address.
        #expect(try teacher.post("/classes/\(a)/slips", [("who", "picked"), ("confirm", "yes"), ("in_use", "0"), ("person", "\(vera)")]).status == 422)
        #expect(try slipCount() == before)
    }

    @Test func aParentOnTheStaffIsLeftToTheAdministrator() throws {
        try app.database.write { _ = try $0.run("INSERT INTO staff_role (person_id, role) VALUES (?, 'teacher')", FixtureSchool.id(PageSnapshots.mother)) }
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        #expect(try teacher.page("/classes/\(a)/slips").text.contains("Сотрудник школы: листок выдаёт администратор."))
        let confirm = try teacher.page("/classes/\(a)/slips/confirm?who=guardians").text
        #expect(confirm.contains("Листков: <b>1</b>") && confirm.contains("Сотрудникам школы среди родителей (1) листки печатает администратор"))
        #expect(!confirm.contains("name=\"person\" value=\"\(FixtureSchool.id(PageSnapshots.mother))\""))
        let admin = try FixtureSchool.signedIn(app, "Соколова Ирина Павловна")
        #expect(try admin.page("/classes/\(a)/slips/confirm?who=guardians").text.contains("Листков: <b>2</b>"))
    }

    @Test func theClassPageForItsClassTeacherOnly() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let home = try teacher.page("/").text
        #expect(home.contains("href=\"/classes/\(a)\">Мой класс 5А"))
        let page = try teacher.page("/classes/\(a)")
        #expect(page.status == 200)
        let artem = FixtureSchool.id(Self.artem)
        #expect(page.text.contains("href=\"/people/\(artem)\">\(Self.artem)</a>") && page.text.contains("href=\"/diary/\(artem)\">дневник</a>"))
        #expect(page.text.contains("href=\"/classes/\(a)/slips\""))
        // Contacts only where consent is recorded: the father has one, the mother not.
        #expect(page.text.contains("\(Self.father)</a> (отец) — +7 900 000-00-01"))
        #expect(page.text.contains("\(PageSnapshots.mother)</a> (мать) — <span class=\"muted\">нет согласия на контакты</span>"))
        #expect(page.text.contains("✓ Алексеев И. В., 23.11"))
        #expect(page.text.contains("Я решил все задачи контрольной"))
        #expect(page.text.contains("Григорьев Илья Петрович</a> <small class=\"muted\">ученик · ещё не входил(а)</small>"))
        // Today's absence of Никита.
        #expect(page.text.contains("<b>Зайцев Никита Олегович</b> — 1-й урок, Математика: <span class=\"absence\">Н</span>"))

        #expect(try FixtureSchool.signedIn(app, "Павлов Дмитрий Игоревич").get("/classes/\(a)").status == 403)
        #expect(try FixtureSchool.signedIn(app, PageSnapshots.smirnova).get("/classes/\(a)").status == 403)
        #expect(try teacher.get("/classes/\(b)").status == 403)
        #expect(try teacher.get("/classes/999999").status == 404)
        let admin = try FixtureSchool.signedIn(app, "Соколова Ирина Павловна")
        #expect(try admin.get("/classes/\(b)").status == 200)
        #expect(try admin.get("/people").text.contains("href=\"/classes/\(b)\">5Б</a>"))
    }

    @Test func theClassTeacherCorrectsReasonsInOnePlace() throws {
        let nikita = FixtureSchool.id("Зайцев Никита Олегович")
        // Friday's English lesson of group 2 (Лебедев): Никита was marked «Н».
        let english = try PageSnapshots.lesson(app, "Лебедев Максим Андреевич", bell: 1, on: "2026-11-20")
        let lebedev = try app.database.read { c in
            try c.actor(account: c.account(person: FixtureSchool.id("Лебедев Максим Андреевич"))!, session: nil, today: CivilDate(iso: "2026-11-20")!)
        }
        try JournalDesk(database: app.database, utcOffsetMinutes: FixtureSchool.offset)
            .setAttendance(lesson: english, student: nikita, code: .unexcused, by: Editor(actor: lebedev, session: nil, via: .page, at: FixtureSchool.at("2026-11-20T09:30")))
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let page = try teacher.page("/classes/\(a)?date=2026-11-20")
        let field = "a-\(english)-\(nikita)"
        #expect(page.text.contains("<select name=\"\(field)\""))
        let bad = try teacher.post("/classes/\(a)/attendance", [("date", "2026-11-20"), (field, "Х")])
        #expect(bad.status == 422)
        #expect(bad.text.contains("<p class=\"field-error\" id=\"\(field)-error\">Выберите Н, Б, У или О.</p>"))
        let good = try teacher.post("/classes/\(a)/attendance", [("date", "2026-11-20"), (field, "Б")])
        #expect(good.status == 303)
        #expect(good.headers["location"] == "/classes/\(a)?date=2026-11-20&saved=1#attendance")
        #expect(try app.database.read { try $0.absenceCode(lesson: english, student: nikita) } == .ill)
        // A whole day at once: both of Friday's absences become «У».
        let math = try PageSnapshots.lesson(app, Self.kuznetsova, bell: 3, on: "2026-11-20")
        let kuznetsova = try app.database.read { c in
            try c.actor(account: c.account(person: FixtureSchool.id(Self.kuznetsova))!, session: nil, today: CivilDate(iso: "2026-11-20")!)
        }
        try JournalDesk(database: app.database, utcOffsetMinutes: FixtureSchool.offset)
            .setAttendance(lesson: math, student: nikita, code: .unexcused, by: Editor(actor: kuznetsova, session: nil, via: .page, at: FixtureSchool.at("2026-11-20T12:00")))
        let day = "d-\(nikita)-2026-11-20"
        #expect(try teacher.page("/classes/\(a)?date=2026-11-20").text.contains("<select name=\"\(day)\""))
        let whole = try teacher.post("/classes/\(a)/attendance", [("date", "2026-11-20"), (day, "У"), (field, "Б"), ("a-\(math)-\(nikita)", "Н")])
        #expect(whole.status == 303)
        #expect(whole.headers["location"] == "/classes/\(a)?date=2026-11-20&saved=2#attendance")
        #expect(try app.database.read { [try $0.absenceCode(lesson: english, student: nikita), try $0.absenceCode(lesson: math, student: nikita)] } == [.excused, .excused])
        // The administrator reads the page but does not correct reasons.
        let admin = try FixtureSchool.signedIn(app, "Соколова Ирина Павловна")
        #expect(!(try admin.page("/classes/\(a)?date=2026-11-20").text.contains("<select name=\"\(field)\"")))
        #expect(try admin.post("/classes/\(a)/attendance", [("date", "2026-11-20"), (field, "У")]).status == 403)
    }

    @Test func findingPeopleInAnyOrderWithYoAndYe() throws {
        let admin = try FixtureSchool.signedIn(app, "Соколова Ирина Павловна")
        let order = try admin.get("/people?q=" + PercentDecoding.encode("Софья Ильина")).text
        #expect(order.contains("Ильина Софья Денисовна") && order.contains("Найдено: 1"))
        let ye = try admin.get("/people?q=" + PercentDecoding.encode("артем алексеев")).text
        #expect(ye.contains(Self.artem) && ye.contains("Найдено: 1"))
        let yo = try admin.get("/people?q=" + PercentDecoding.encode("Фёдорова")).text
        #expect(yo.contains("Фёдорова Галина Ивановна"))
        #expect(try admin.get("/people?q=" + PercentDecoding.encode("федорова")).text.contains("Фёдорова Галина Ивановна"))
        // A namesake in the other class is told apart by class and birth year (kept with a consent).
        try app.database.write { c in
            _ = try c.run("INSERT INTO person (last_name, first_name, middle_name, birth_date, created_at) VALUES ('Алексеев', 'Артём', 'Ильич', '2014-05-02', 0)")
            let id = c.lastInsertID
            _ = try c.run("INSERT INTO enrolment (student_id, class_id, joined_on) VALUES (?, ?, '2026-09-01')", id, b)
            _ = try c.run("INSERT INTO consent (person_id, given_on, recorded_at) VALUES (?, '2026-09-01', 0)", id)
        }
        let namesakes = try admin.get("/people?q=" + PercentDecoding.encode("Артём Алексеев")).text
        #expect(namesakes.contains("Найдено: 2"))
        #expect(namesakes.contains("\(Self.artem)</a> <small class=\"muted\">2015 г. р.</small></td><td>обучающийся</td><td>5А</td>"))
        #expect(namesakes.contains("\(Self.artem)</a> <small class=\"muted\">2014 г. р.</small></td><td>обучающийся</td><td>5Б</td>"))
    }

    @Test func aPersonsSlipIsNamedAfterThem() throws {
        let admin = try FixtureSchool.signedIn(app, "Соколова Ирина Павловна")
        let ilya = FixtureSchool.id("Григорьев Илья Петрович")
        let card = try admin.page("/people/\(ilya)").text
        #expect(card.contains("ещё не входил(а)") && !card.contains("уже пользуется Табелем"))
        #expect(try admin.page("/people/\(FixtureSchool.id(Self.artem))").text.contains("Этот человек уже пользуется Табелем"))
        let pdf = try admin.post("/people/\(ilya)/slip", [])
        #expect(pdf.headers["content-disposition"] == "attachment; filename=\"slip-grigorev-ilia.pdf\"; filename*=UTF-8''%D1%81%D0%BB%D0%B8%D0%BF-%D0%93%D1%80%D0%B8%D0%B3%D0%BE%D1%80%D1%8C%D0%B5%D0%B2-%D0%98%D0%BB%D1%8C%D1%8F.pdf")
    }

    @Test func theCardShowsGuardiansChildrenDiaryAndClass() throws {
        let admin = try FixtureSchool.signedIn(app, "Соколова Ирина Павловна")
        let artem = FixtureSchool.id(Self.artem), father = FixtureSchool.id(Self.father)
        let student = try admin.get("/people/\(artem)").text
        #expect(student.contains("href=\"/diary/\(artem)\""))
        #expect(student.contains("Обучающийся, класс <a href=\"/classes/\(a)\">5А</a>"))
        #expect(student.contains("<a href=\"/people/\(father)\">\(Self.father)</a> — отец"))
        #expect(student.contains("+7 900 000-00-01"))
        #expect(student.contains("<p><a href=\"/people\">← Все люди</a></p>"))
        let guardian = try admin.get("/people/\(father)").text
        #expect(guardian.contains("<h2>Дети</h2>"))
        #expect(guardian.contains("<a href=\"/people/\(artem)\">\(Self.artem)</a>, класс <a href=\"/classes/\(a)\">5А</a>"))
        #expect(guardian.contains("<a href=\"/people/\(FixtureSchool.id(PageSnapshots.vera))\">\(PageSnapshots.vera)</a>, класс <a href=\"/classes/\(b)\">5Б</a>"))
        // The class teacher goes back to the class, not to a list she may not open.
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let card = try teacher.get("/people/\(artem)").text
        #expect(!card.contains("href=\"/people\"") && card.contains("<p><a href=\"/classes/\(a)\">← Класс 5А</a></p>"))
        #expect(try teacher.get("/people").status == 403)
    }
}
