import Appliance
import Desks
import Domain
import Foundation
import HTTP
import Storage
import Testing

/// People by hand in the fixture school (Monday 23 November 2026, 10:00; Кузнецова leads 5А,
/// Павлов 5Б): adding a student, guardian or member of staff by form, API and desk; the card;
/// consents and their withdrawal; guardians' links; a student's leaving and arrival and what the
/// journal lists then; families without electronic access; the audit rows of each.
@Suite struct PeopleTests {
    let app = PageSnapshots.fresh()
    var database: Database { app.database }
    static let kuznetsova = PageSnapshots.kuznetsova, pavlov = "Павлов Дмитрий Игоревич", admin = "Соколова Ирина Павловна"
    static let artem = PageSnapshots.artem, father = PageSnapshots.father, ilya = "Григорьев Илья Петрович", daria = PageSnapshots.daria
    var a: Int { FixtureSchool.classID("5А") }
    var b: Int { FixtureSchool.classID("5Б") }
    var desk: PeopleDesk { PeopleDesk(database: database) }
    let today = FixtureSchool.today

    /// `fullName` acting through a page at 10:00.
    func editor(_ fullName: String) throws -> Editor {
        let actor = try database.read { c in
            try c.actor(account: c.account(person: FixtureSchool.id(fullName))!, session: nil, today: FixtureSchool.today)
        }
        return Editor(actor: actor, session: nil, via: .page, at: FixtureSchool.at("2026-11-23T10:00"))
    }

    func audit(_ action: AuditAction) throws -> [(entityID: Int?, old: String?, new: String?, reason: String, student: Int?, schoolClass: Int?)] {
        try database.read { try $0.query("SELECT entity_id, old_value, new_value, reason, student_id, class_id FROM audit WHERE action = ? ORDER BY id", action.rawValue) {
            ($0.optionalInt(0), $0.optionalString(1), $0.optionalString(2), $0.string(3), $0.optionalInt(4), $0.optionalInt(5))
        } }
    }

    func json(_ r: Response) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any])
    }

    /// The students of the lesson `teacher` gives on `date` at `bell`, by id.
    func lessonList(_ teacher: String, _ date: String, bell: Int) throws -> [Int] {
        let lesson = try PageSnapshots.lesson(app, teacher, bell: bell, on: date)
        return try database.read { c in
            let l = try c.journalLesson(lesson)!
            return try c.journalStudents(classID: l.classID, groupID: l.groupID, from: l.date, to: l.date).map(\.id)
        }
    }

    func student(_ card: CardFields = CardFields(lastName: "Сидоров", firstName: "Пётр", middleName: "Ильич"), classID: Int, joinedOn: String? = nil) -> PersonRequest {
        PersonRequest(kind: .student, card: card, classID: classID, joinedOn: joinedOn)
    }

    // MARK: Adding

    @Test func aClassTeacherAddsAStudentToTheirClassOnly() throws {
        let teacher = try editor(Self.kuznetsova)
        let added = try desk.add(student(classID: a), today: today, by: teacher)
        #expect(added.login == "sidorov.pi")
        let (enrolment, account) = try database.read { c in (try c.enrolments(student: added.id, year: c.academicYear(containing: today)!.id), try c.account(person: added.id)) }
        #expect(enrolment.map(\.classID) == [a] && enrolment.first?.joinedOn == today && enrolment.first?.leftOn == nil)
        // An account with a login and no password: a slip is printed later.
        #expect(account?.login == "sidorov.pi" && account?.passwordHash == nil)
        #expect(try audit(.personCreate).last?.new == "Сидоров Пётр Ильич; обучающийся, 5А, с 23.11.2026; логин sidorov.pi")
        #expect(try audit(.personCreate).last?.student == added.id && audit(.personCreate).last?.schoolClass == a)
        #expect(try audit(.enrolmentJoin).last?.new == "5А с 23.11.2026")

        #expect(throws: DeskError.forbidden) { try desk.add(student(classID: b), today: today, by: teacher) }
        #expect(throws: DeskError.forbidden) { try desk.add(PersonRequest(kind: .staff, card: CardFields(lastName: "Орлов", firstName: "Павел"), roles: ["teacher"]), today: today, by: teacher) }
        let vera = FixtureSchool.id(PageSnapshots.vera)
        #expect(throws: DeskError.forbidden) {
            try desk.add(PersonRequest(kind: .guardian, card: CardFields(lastName: "Алексеева", firstName: "Ольга"), students: [vera]), today: today, by: teacher)
        }
        // The same student again is refused, not doubled.
        #expect(throws: DeskError.invalidFields(["lastName": "В классе уже есть Сидоров Пётр Ильич: это не тот же человек?"])) {
            try desk.add(student(classID: a), today: today, by: teacher)
        }
    }

    @Test func badInputIsRefusedFieldByField() throws {
        let admin = try editor(Self.admin)
        let request = PersonRequest(kind: .student, card: CardFields(lastName: "", firstName: "Пётр2", gender: "x", birthDate: "31.02.2015", phone: "12", email: "нет"),
                                    classID: a, joinedOn: "2026-08-01")
        do {
            _ = try desk.add(request, today: today, by: admin)
            Issue.record("added")
        } catch let DeskError.invalidFields(problems) {
            #expect(Set(problems.keys) == ["lastName", "firstName", "gender", "birthDate", "phone", "email", "joinedOn"])
        }
        // Personal data without a consent is refused; with one recorded in the same request, kept.
        #expect(throws: DeskError.invalidFields(["phone": "Сначала запишите согласие на обработку персональных данных (152-ФЗ): без него хранятся только имя и класс."])) {
            _ = try desk.add(PersonRequest(kind: .guardian, card: CardFields(lastName: "Григорьева", firstName: "Анна", phone: "+7 900 111-22-33"),
                                           students: [FixtureSchool.id(Self.ilya)], relation: "мать"), today: today, by: admin)
        }
        let mother = try desk.add(PersonRequest(kind: .guardian, card: CardFields(lastName: "Григорьева", firstName: "Анна", phone: "+7 900 111-22-33"),
                                                students: [FixtureSchool.id(Self.ilya)], relation: "мать", consent: ConsentFields(givenOn: "2026-11-20", document: "№ 40")),
                                 today: today, by: admin)
        let (card, consent, relation) = try database.read { c in
            (try c.personSummary(mother.id, year: -1)!.card, try c.consentState(person: mother.id),
             try c.guardianRelation(guardian: mother.id, student: FixtureSchool.id(Self.ilya)))
        }
        #expect(card.phone == "+7 900 111-22-33" && consent == .given(CivilDate(iso: "2026-11-20")!) && relation == "мать")
        #expect(try audit(.consentRecord).last?.entityID == mother.id)
        #expect(try audit(.guardianLink).last?.student == FixtureSchool.id(Self.ilya))
        #expect(try audit(.guardianLink).last?.reason == "мать")
    }

    @Test func theAPIAddsChangesAndRefuses() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let created = try teacher.json(.post, "/api/v1/people", #"{"kind":"student","lastName":"Сидорова","firstName":"Мария","class":\#(a),"joinedOn":"2026-11-24","gender":"f"}"#)
        #expect(created.status == 201)
        let id = try #require(try json(created)["id"] as? Int)
        #expect(try json(created)["login"] as? String == "sidorova.m")
        // Another class, staff, a malformed body, bad fields, someone unknown.
        #expect(try teacher.json(.post, "/api/v1/people", #"{"kind":"student","lastName":"Иванов","firstName":"Иван","class":\#(b)}"#).status == 403)
        #expect(try teacher.json(.post, "/api/v1/people", #"{"kind":"staff","lastName":"Орлов","firstName":"Павел","roles":["teacher"]}"#).status == 403)
        #expect(try teacher.json(.post, "/api/v1/people", #"{"kind":"student","class":"5А"}"#).status == 400)
        let bad = try teacher.json(.post, "/api/v1/people", #"{"kind":"student","lastName":"","firstName":"Иван","class":\#(a),"birthDate":"2015-03-01"}"#)
        #expect(bad.status == 422)
        let body = try json(bad)
        #expect(body["error"] as? String == "invalid_birthDate")
        #expect(Set((body["fields"] as? [String: String])?.keys.map { $0 } ?? []) == ["lastName", "birthDate"])
        #expect(try json(try teacher.json(.post, "/api/v1/people", #"{"lastName":"Иванов"}"#))["error"] as? String == "invalid_kind")
        #expect(try teacher.json(.put, "/api/v1/people/999999", #"{"lastName":"Иванов"}"#).status == 404)
        // Changing: partial; a student of another class is not hers.
        #expect(try teacher.json(.put, "/api/v1/people/\(id)", #"{"middleName":"Петровна","consentOn":"2026-11-23","phone":"+7 900 000-11-22"}"#).status == 204)
        let card = try database.read { try $0.personSummary(id, year: -1)!.card }
        #expect(card.fullName == "Сидорова Мария Петровна" && card.phone == "+7 900 000-11-22" && card.gender == .female)
        #expect(try audit(.personChange).last?.reason == "изменено: отчество, телефон")
        #expect(try audit(.personChange).last?.new == "Сидорова Мария Петровна")
        #expect(try teacher.json(.put, "/api/v1/people/\(FixtureSchool.id(PageSnapshots.vera))", #"{"middleName":"Петровна"}"#).status == 403)
        // Families and teachers without a class add nobody.
        for who in [Self.father, Self.artem, PageSnapshots.smirnova] {
            let client = try FixtureSchool.signedIn(app, who)
            #expect(try client.json(.post, "/api/v1/people", #"{"kind":"student","lastName":"Иванов","firstName":"Иван","class":\#(a)}"#).status == 403, "\(who)")
            #expect(try client.json(.post, "/api/v1/people/\(id)/leave", #"{"reason":"переезд"}"#).status == 403, "\(who)")
        }
        // The administrator adds staff and sets their roles, but never drops their own administrator role.
        let admin = try FixtureSchool.signedIn(app, Self.admin)
        let staff = try admin.json(.post, "/api/v1/people", #"{"kind":"staff","lastName":"Орлов","firstName":"Павел","roles":["teacher","secretary"]}"#)
        #expect(staff.status == 201)
        let staffID = try #require(try json(staff)["id"] as? Int)
        #expect(try admin.json(.put, "/api/v1/people/\(staffID)", #"{"roles":["teacher"]}"#).status == 204)
        #expect(try database.read { try $0.staffRoles(person: staffID) } == [.teacher])
        let own = try admin.json(.put, "/api/v1/people/\(FixtureSchool.id(Self.admin))", #"{"roles":["teacher"]}"#)
        #expect(try own.status == 422 && json(own)["error"] as? String == "invalid_roles")
        #expect(try teacher.json(.put, "/api/v1/people/\(FixtureSchool.id(Self.artem))", #"{"roles":["teacher"]}"#).status == 403)
    }

    @Test func aStudentIsAddedByTheForm() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let form = try teacher.page("/people/new?kind=student&class=\(a)")
        #expect(form.status == 200)
        #expect(form.text.contains("<option value=\"\(a)\" selected>5А</option>") && !form.text.contains(">5Б</option>"))
        #expect(form.text.contains("name=\"joinedOn\" value=\"2026-11-23\""))
        #expect(!form.text.contains("?kind=staff"))
        let bad = try teacher.post("/people/new", [("kind", "student"), ("class", "\(a)"), ("lastName", "Сидоров"), ("firstName", ""), ("phone", "+7 900 000-00-00")])
        #expect(bad.status == 422)
        #expect(bad.text.contains("<p class=\"field-error\" id=\"firstName-error\">Заполните это поле.</p>"))
        #expect(bad.text.contains("id=\"phone-error\">Сначала запишите согласие"))
        #expect(bad.text.contains("name=\"lastName\" value=\"Сидоров\""))
        let done = try teacher.post("/people/new", [("kind", "student"), ("class", "\(a)"), ("joinedOn", "2026-11-23"), ("lastName", "Сидоров"),
                                                    ("firstName", "Пётр"), ("gender", "m"), ("electronicAccessRefused", "yes")])
        #expect(done.status == 303)
        let location = try #require(done.headers["location"])
        #expect(location.hasSuffix("?added=1"))
        let card = try teacher.page(location).text
        #expect(card.contains("Добавлен(а). Логин: sidorov.p."))
        #expect(card.contains("Семья отказалась от электронного доступа (записано 23.11.2026)"))
        let page = try teacher.page("/classes/\(a)").text
        #expect(page.contains("Сидоров Пётр</a> <small class=\"tag\">с 23.11</small> <small class=\"tag warn\">без эл. доступа</small>"))
        #expect(page.contains("<section class=\"card\" id=\"paper\"><h2>Без электронного доступа</h2>"))
        // A guardian is added from the child's card; staff is not offered to a class teacher.
        let guardianForm = try teacher.page("/people/new?kind=guardian&student=\(FixtureSchool.id(Self.ilya))").text
        #expect(guardianForm.contains("<input type=\"hidden\" name=\"students\" value=\"\(FixtureSchool.id(Self.ilya))\"><p>Ребёнок: <b>\(Self.ilya)</b>, 5А</p>"))
        let added = try teacher.post("/people/new", [("kind", "guardian"), ("students", "\(FixtureSchool.id(Self.ilya))"), ("relation", "отец"),
                                                     ("lastName", "Григорьев"), ("firstName", "Пётр"), ("middleName", "Олегович")])
        #expect(added.status == 303)
        #expect(try teacher.page("/people/\(FixtureSchool.id(Self.ilya))").text.contains("Григорьев Пётр Олегович</a> — отец"))
        #expect(try teacher.get("/people/new?kind=staff").text.contains("Добавить ученика"))
        #expect(try FixtureSchool.signedIn(app, PageSnapshots.smirnova).get("/people/new").status == 403)
    }

    /// The forms as whole pages (snapshots): a student into 5А, a guardian from Илья's card, a member of staff.
    @Test func theFormsAsTheirPeopleSeeThem() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        try PageSnapshots.check(teacher, "/people/new?kind=student&class=\(a)", "teacher-person-new-student")
        try PageSnapshots.check(teacher, "/people/new?kind=guardian&student=\(FixtureSchool.id(Self.ilya))", "teacher-person-new-guardian")
        let admin = try FixtureSchool.signedIn(app, Self.admin)
        try PageSnapshots.check(admin, "/people/new?kind=staff", "administrator-person-new-staff")
        try PageSnapshots.check(admin, "/people/new?kind=guardian", "administrator-person-new-guardian-class")
    }

    // MARK: The card and consents

    @Test func aWithdrawnConsentHidesPersonalDataEverywhere() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let fatherID = FixtureSchool.id(Self.father), artemID = FixtureSchool.id(Self.artem)
        #expect(try teacher.page("/classes/\(a)").text.contains("(отец) — +7 900 000-00-01"))
        try teacher.page("/people/\(fatherID)")
        #expect(try teacher.post("/people/\(fatherID)/consent/revoke", []).status == 303)
        let classPage = try teacher.page("/classes/\(a)").text
        #expect(!classPage.contains("+7 900 000-00-01"))
        #expect(classPage.contains("(отец) — <span class=\"muted\">скрыто: согласие отозвано</span>"))
        let child = try teacher.page("/people/\(artemID)").text
        #expect(!child.contains("+7 900 000-00-01") && child.contains("<small class=\"muted\">скрыто: согласие отозвано</small>"))
        let card = try teacher.page("/people/\(fatherID)").text
        #expect(!card.contains("+7 900 000-00-01"))
        #expect(card.contains("<dt>Телефон</dt><dd><span class=\"muted\">скрыто: согласие отозвано</span></dd>"))
        #expect(card.contains("<li>01.09.2026 — без номера, дал(а): \(Self.father) — <b>отозвано 23.11.2026</b></li>"))
        #expect(!card.contains("name=\"phone\""))  // nothing new is taken either
        #expect(try teacher.json(.put, "/api/v1/people/\(fatherID)", #"{"phone":"+7 900 000-00-02"}"#).status == 422)
        let revoked = try #require(try audit(.consentRevoke).last)
        #expect(revoked.entityID == fatherID && revoked.new == "с 23.11.2026")
        #expect(try database.read { try $0.consentState(person: fatherID) } == .revoked(today))
        // A second withdrawal has nothing to withdraw.
        #expect(try teacher.post("/people/\(fatherID)/consent/revoke", []).status == 422)
        // A student's own: the birth year leaves the people list too.
        let admin = try FixtureSchool.signedIn(app, Self.admin)
        #expect(try admin.page("/people?q=" + PercentDecoding.encode("Алексеев Артём")).text.contains("2015 г. р."))
        try admin.page("/people/\(artemID)")
        #expect(try admin.post("/people/\(artemID)/consent/revoke", []).status == 303)
        #expect(try !admin.page("/people?q=" + PercentDecoding.encode("Алексеев Артём")).text.contains("2015 г. р."))
        #expect(try admin.page("/people/\(artemID)").text.contains("<dt>Дата рождения</dt><dd><span class=\"muted\">скрыто: согласие отозвано</span></dd>"))
        // A new consent shows what is kept again.
        try admin.post("/people/\(fatherID)/consent", [("given_on", "23.11.2026"), ("document", "№ 99"), ("given_by", "")])
        #expect(try admin.page("/classes/\(a)").text.contains("(отец) — +7 900 000-00-01"))
    }

    @Test func theCardIsEditedWithErrorsBesideTheFields() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let artemID = FixtureSchool.id(Self.artem)
        try teacher.page("/people/\(artemID)")
        let bad = try teacher.post("/people/\(artemID)/card", [("lastName", "Алексеев"), ("firstName", "Артём"), ("middleName", "Ильич"), ("gender", "m"),
                                                               ("birthDate", "2030-01-01"), ("phone", ""), ("email", "artem@")])
        #expect(bad.status == 422)
        #expect(bad.text.contains("<details class=\"card\" open><summary><h2>Изменить личную карточку</h2>"))
        #expect(bad.text.contains("id=\"email-error\">Адрес почты вида name@example.ru.</p>"))
        #expect(bad.text.contains("name=\"email\" value=\"artem@\""))
        let good = try teacher.post("/people/\(artemID)/card", [("lastName", "Алексеев"), ("firstName", "Артём"), ("middleName", "Ильич"), ("gender", "m"),
                                                                ("birthDate", "2015-03-12"), ("phone", "+7 900 000-00-09"), ("email", "artem@example.ru")])
        #expect(good.status == 303 && good.headers["location"] == "/people/\(artemID)?saved=1")
        #expect(try teacher.page("/people/\(artemID)").text.contains("<a href=\"mailto:artem@example.ru\">artem@example.ru</a>"))
        let row = try #require(try audit(.personChange).last)
        #expect(row.reason == "изменено: телефон, email" && row.old == nil)
        #expect(!(row.new ?? "").contains("artem@") && !row.reason.contains("900"))
        // Not hers: a student of 5Б, a colleague.
        #expect(try teacher.post("/people/\(FixtureSchool.id(PageSnapshots.vera))/card", [("lastName", "Алексеева")]).status == 403)
        #expect(try teacher.post("/people/\(FixtureSchool.id(Self.pavlov))/card", [("lastName", "Павлов")]).status == 403)
    }

    @Test func guardiansAreLinkedAndUnlinked() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let dariaID = FixtureSchool.id(Self.daria), fatherID = FixtureSchool.id(Self.father)
        try teacher.page("/people/\(dariaID)")
        let unknown = try teacher.post("/people/\(dariaID)/guardians", [("guardian", "Нет Такого Человека"), ("relation", "отец")])
        #expect(unknown.status == 422 && unknown.text.contains("id=\"guardian-error\">Такого человека в Табеле нет"))
        #expect(try teacher.post("/people/\(dariaID)/guardians", [("guardian", Self.artem), ("relation", "брат")]).text.contains("Это обучающийся, а не родитель."))
        #expect(try teacher.post("/people/\(dariaID)/guardians", [("guardian", FixtureSchool.login(Self.father)), ("relation", "отчим")]).status == 303)
        #expect(try database.read { try $0.guardianRelation(guardian: fatherID, student: dariaID) } == "отчим")
        #expect(try audit(.guardianLink).last.map { ($0.entityID, $0.student, $0.reason) } ?? (nil, nil, "") == (fatherID, dariaID, "отчим"))
        // He reads her diary now; then he is unlinked from his card, and does not.
        let father = try FixtureSchool.signedIn(app, Self.father)
        #expect(try father.get("/diary/\(dariaID)").status == 200)
        let card = try teacher.page("/people/\(fatherID)").text
        #expect(card.contains("action=\"/people/\(dariaID)/guardians/\(fatherID)/remove\""))
        let removed = try teacher.post("/people/\(dariaID)/guardians/\(fatherID)/remove", [("back", "\(fatherID)")])
        #expect(removed.headers["location"] == "/people/\(fatherID)?saved=1")
        #expect(try database.read { try $0.guardianRelation(guardian: fatherID, student: dariaID) } == nil)
        #expect(try audit(.guardianUnlink).last?.student == dariaID)
        #expect(try father.get("/diary/\(dariaID)").status == 404)
        // Вера of 5Б is not hers to unlink.
        #expect(try teacher.post("/people/\(FixtureSchool.id(PageSnapshots.vera))/guardians/\(fatherID)/remove", []).status == 403)
    }

    // MARK: Leaving and arriving

    @Test func aLeaverKeepsTheMarksAndLeavesTheLaterLessons() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let ilya = FixtureSchool.id(Self.ilya)
        let marks = { try self.database.read { try $0.first("SELECT count(*) FROM mark WHERE student_id = ?", ilya) { $0.int(0) } ?? 0 } }
        let before = try marks()
        #expect(before > 0)
        try teacher.page("/people/\(ilya)")
        // Not before his last mark (18.11), not in the future, with a reason.
        let early = try teacher.post("/people/\(ilya)/leave", [("date", "2026-11-16"), ("reason", "переезд")])
        #expect(early.status == 422 && early.text.contains("по 18.11.2026 включительно: выбытие — не раньше 19.11.2026"))
        #expect(try teacher.post("/people/\(ilya)/leave", [("date", "2026-11-30"), ("reason", "переезд")]).text.contains("не заранее"))
        #expect(try teacher.post("/people/\(ilya)/leave", [("date", "2026-11-20"), ("reason", "")]).text.contains("id=\"reason-error\""))
        let left = try teacher.json(.post, "/api/v1/people/\(ilya)/leave", #"{"date":"2026-11-20","reason":"переезд, перевод в школу № 5"}"#)
        #expect(left.status == 204)
        #expect(try teacher.json(.post, "/api/v1/people/\(ilya)/leave", #"{"reason":"ещё раз"}"#).status == 404)

        #expect(try marks() == before)
        #expect(try lessonList(Self.kuznetsova, "2026-11-18", bell: 2).contains(ilya))
        #expect(try !lessonList(Self.kuznetsova, "2026-11-20", bell: 3).contains(ilya))
        #expect(try !lessonList(Self.kuznetsova, "2026-11-23", bell: 1).contains(ilya))
        // The grid keeps his row with his marks; the lessons from the 20th on are closed to him.
        let math = try PageSnapshots.subject(app, "Математика")
        let grid = try teacher.page("/journal/\(a)/\(math)").text
        let row = try #require(grid.components(separatedBy: "<tr data-student=\"\(ilya)\">").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(row.contains("Григорьев Илья <small class=\"enrolment\">выбыл(а) 20.11</small>"))
        #expect(row.contains("<sub>КР</sub>"))
        let later = try database.read { c in
            let quarter = try c.periods(classID: a).first { $0.scheme == .quarter && $0.contains(FixtureSchool.today) }!
            return try c.journalLessons(classID: a, subjectID: math, groupID: nil, from: CivilDate(iso: "2026-11-20")!, to: quarter.endsOn).count
        }
        #expect(later > 2 && row.components(separatedBy: "<td class=\"out\"").count - 1 == later)  // 20.11, 23.11 and those to come
        let today = try PageSnapshots.lesson(app, Self.kuznetsova, bell: 1)
        let refused = try teacher.json(.post, "/api/v1/lessons/\(today)/marks", #"{"student":\#(ilya),"value":5,"workType":"У"}"#)
        #expect(try refused.status == 422 && json(refused)["error"] as? String == "invalid_student")
        // The class page lists him among those who left; the people list says so.
        let page = try teacher.page("/classes/\(a)").text
        #expect(page.contains("<section class=\"card\" id=\"leavers\"><h2>Выбывшие</h2><ul class=\"people-list\"><li><a href=\"/people/\(ilya)\">\(Self.ilya)</a> — с 20.11.2026: переезд, перевод в школу № 5</li></ul></section>"))
        #expect(!page.contains("<td><a href=\"/people/\(ilya)\">"))
        #expect(try teacher.page("/people?class=\(a)").text.contains("<td>выбыл(а)</td><td>5А</td>"))
        #expect(try teacher.page("/people/\(ilya)").text.contains("Выбыл(а) из класса <a href=\"/classes/\(a)\">5А</a>, с 20.11.2026: переезд, перевод в школу № 5"))
        let row2 = try #require(try audit(.enrolmentLeave).last)
        #expect(row2.student == ilya && row2.schoolClass == a && row2.reason == "переезд, перевод в школу № 5" && row2.new == "5А с 20.11.2026")
        // His diary covers his time at school: the week of the 16th up to the 19th.
        let diary = try database.read { c in
            try c.diaryLessons(student: ilya, classID: a, from: CivilDate(iso: "2026-11-16")!, to: CivilDate(iso: "2026-11-22")!, utcOffsetMinutes: 180)
        }
        #expect(!diary.isEmpty && diary.allSatisfy { $0.date < CivilDate(iso: "2026-11-20")! })
        #expect(try database.read { try $0.diaryStudent(ilya, on: self.today) }?.leftOn == CivilDate(iso: "2026-11-20"))
        #expect(try teacher.page("/diary/\(ilya)").text.contains("Выбыл(а) из класса 20.11.2026: дневник — за время учёбы, отметки сохранены."))
        // Enrolled again (into 5Б, by the administrator) from Monday.
        let admin = try FixtureSchool.signedIn(app, Self.admin)
        #expect(try admin.json(.put, "/api/v1/people/\(ilya)", #"{"class":\#(b),"joinedOn":"2026-11-19"}"#).status == 422)
        #expect(try admin.json(.put, "/api/v1/people/\(ilya)", #"{"class":\#(b),"joinedOn":"2026-11-23"}"#).status == 204)
        #expect(try lessonList(Self.kuznetsova, "2026-11-23", bell: 2).contains(ilya))  // 5Б's mathematics
    }

    @Test func anArrivalIsOnTheLessonsFromTheDayOfEnrolment() throws {
        let teacher = try editor(Self.kuznetsova)
        let added = try desk.add(student(classID: a, joinedOn: "20.11.2026"), today: today, by: teacher)
        #expect(try !lessonList(Self.kuznetsova, "2026-11-18", bell: 2).contains(added.id))
        #expect(try lessonList(Self.kuznetsova, "2026-11-20", bell: 3).contains(added.id))
        #expect(try lessonList(Self.kuznetsova, "2026-11-23", bell: 1).contains(added.id))
        let client = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let math = try PageSnapshots.subject(app, "Математика")
        let grid = try client.page("/journal/\(a)/\(math)").text
        let row = try #require(grid.components(separatedBy: "<tr data-student=\"\(added.id)\">").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(row.contains("Сидоров Пётр <small class=\"enrolment\">с 20.11</small>"))
        let earlier = try database.read { c in
            let quarter = try c.periods(classID: a).first { $0.scheme == .quarter && $0.contains(FixtureSchool.today) }!
            return try c.journalLessons(classID: a, subjectID: math, groupID: nil, from: quarter.startsOn, to: CivilDate(iso: "2026-11-19")!).count
        }
        #expect(row.components(separatedBy: "<td class=\"out\"").count - 1 == earlier)
        let wednesday = try PageSnapshots.lesson(app, Self.kuznetsova, bell: 2, on: "2026-11-18")
        #expect(try client.json(.put, "/api/v1/lessons/\(wednesday)/attendance/\(added.id)", #"{"code":"Н"}"#).status == 422)
        let diary = try database.read { c in
            try c.diaryLessons(student: added.id, classID: a, from: CivilDate(iso: "2026-11-16")!, to: CivilDate(iso: "2026-11-22")!, utcOffsetMinutes: 180)
        }
        #expect(!diary.isEmpty && diary.allSatisfy { $0.date >= CivilDate(iso: "2026-11-20")! })
        #expect(try client.page("/classes/\(a)").text.contains("Сидоров Пётр Ильич</a> <small class=\"tag\">с 20.11</small>"))
        // The day of enrolment corrected: not after a mark of his.
        let friday = try PageSnapshots.lesson(app, Self.kuznetsova, bell: 3, on: "2026-11-20")
        let oral = try #require(try database.read { try $0.workTypes().first { $0.code == "У" }?.id })
        _ = try JournalDesk(database: database, utcOffsetMinutes: FixtureSchool.offset).addMark(lesson: friday, student: added.id, value: 4, workType: oral, by: teacher)
        #expect(throws: DeskError.invalidFields(["joinedOn": "В журнале у обучающегося есть отметки или пропуски с 20.11.2026: зачисление — не позже этого дня."])) {
            try desk.update(person: added.id, PersonRequest(joinedOn: "2026-11-23"), today: today, by: teacher)
        }
        try desk.update(person: added.id, PersonRequest(joinedOn: "2026-11-16"), today: today, by: teacher)
        #expect(try lessonList(Self.kuznetsova, "2026-11-18", bell: 2).contains(added.id))
        #expect(try audit(.enrolmentJoin).last.map { ($0.old, $0.new) } ?? (nil, nil) == ("20.11.2026", "16.11.2026"))
    }

    @Test func aFamilyRefusesElectronicAccess() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let dariaID = FixtureSchool.id(Self.daria)
        try teacher.page("/people/\(dariaID)")
        #expect(try teacher.post("/people/\(dariaID)/electronic-access", [("refused", "yes")]).status == 303)
        let page = try teacher.page("/classes/\(a)").text
        // With the form that prints her week's diary for the family.
        #expect(page.contains("<li><a href=\"/people/\(dariaID)\">\(Self.daria)</a> — Белова Н. В. <small class=\"muted\">с 23.11.2026</small><form method=\"post\" action=\"/print/diary\""))
        #expect(page.contains("<input type=\"hidden\" name=\"student\" value=\"\(dariaID)\"><label>с <input type=\"date\" name=\"from\" value=\"2026-11-23\" required>"))
        #expect(try audit(.electronicAccessRefuse).last?.student == dariaID)
        #expect(try teacher.json(.put, "/api/v1/people/\(dariaID)", #"{"electronicAccessRefused":false}"#).status == 204)
        #expect(try audit(.electronicAccessRestore).last?.student == dariaID)
        #expect(try teacher.page("/classes/\(a)").text.contains("Все семьи класса пользуются электронным дневником."))
        #expect(try teacher.json(.put, "/api/v1/people/\(FixtureSchool.id(Self.father))", #"{"electronicAccessRefused":true}"#).status == 422)
    }
}
