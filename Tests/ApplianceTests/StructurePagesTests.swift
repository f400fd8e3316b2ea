import Desks
import Appliance
import Domain
import HTTP
import Setup
import Storage
import Testing

/// The structure pages over HTTP: who may open and change them, wrong values back beside
/// their field, the re-plan's outcome and the lessons it left outside the plan.
@Suite struct StructurePagesTests {
    let database = try! TestSchool.copy()
    var app: App { TestSchool.app(database) }
    static let pages = ["/school", "/school/periods", "/school/holidays", "/school/bells", "/school/rooms", "/school/subjects", "/school/classes", "/school/assignments"]

    func signedIn(_ role: Role) throws -> Client {
        let c = Client(app)
        #expect(try c.signIn(TestSchool.login(role).login).status == 303)
        return c
    }

    var yearID: Int { try! database.read { try $0.academicYear(containing: TestSchool.today)!.id } }

    @Test func theAdministrationReadsAndOnlyTheAdministratorEdits() throws {
        let admin = try signedIn(.administrator)
        #expect(try admin.page("/").text.contains("<a href=\"/school\">Школа</a>"))
        for page in Self.pages {
            let r = try admin.page(page)
            #expect(r.status == 200, "\(page)")
            #expect(page == "/school" || r.text.contains("class=\"card add-form\""), "\(page)")
        }
        for role in [Role.director, .deputy] {
            let reader = try signedIn(role)
            #expect(try reader.page("/").text.contains("<a href=\"/school\">Школа</a>"))
            for page in Self.pages {
                let r = try reader.page(page)
                #expect(r.status == 200, "\(role) \(page)")
                #expect(!r.text.contains("add-form") && !r.text.contains(" form=\""), "\(role) \(page)")
            }
            #expect(try reader.post("/school/rooms", [("name", "Кабинет завуча")]).status == 403)
            #expect(try reader.post("/school/holidays", [("year", "\(yearID)"), ("name", "Каникулы"), ("starts_on", "2026-12-07"), ("ends_on", "2026-12-08")]).status == 403)
        }
        let teacher = try signedIn(.teacher)
        #expect(!(try teacher.page("/").text.contains("href=\"/school\"")))
        #expect(try teacher.get("/school").status == 403)
        #expect(try teacher.get("/school/classes").status == 403)
        #expect(try teacher.post("/school/rooms", [("name", "Кабинет учителя")]).status == 403)
        #expect(try database.read { try $0.rooms() }.allSatisfy { !$0.name.hasPrefix("Кабинет ") })
        // A refusal is in the trail like the gate's others.
        RefusalLog(database: database).flush()
        #expect(try database.read { try $0.auditEntries(AuditFilter()) }.contains { $0.action == "access.denied" && $0.entity == "manageStructure" })
    }

    @Test func aWrongValueComesBackBesideItsFieldAsTyped() throws {
        let admin = try signedIn(.administrator)
        try admin.page("/school/holidays")
        let r = try admin.post("/school/holidays", [("year", "\(yearID)"), ("name", "Карантин по гриппу"), ("starts_on", "2026-12-11"), ("ends_on", "2026-12-07"),
                                                    ("min_grade", "1"), ("max_grade", "11")])
        #expect(r.status == 422)
        #expect(r.text.contains("id=\"new-name\" name=\"name\" type=\"text\" value=\"Карантин по гриппу\""))
        #expect(r.text.contains("value=\"2026-12-07\" min=\"2026-09-01\" max=\"2027-08-31\" aria-invalid=\"true\" aria-describedby=\"new-ends_on-error\">"))
        #expect(r.text.contains("<p class=\"field-error\" id=\"new-ends_on-error\">Конец раньше начала.</p>"))
        #expect(r.text.contains("role=\"alert\">Не сохранено"))
        #expect(try database.read { try $0.holidays(year: yearID) }.allSatisfy { $0.name != "Карантин по гриппу" })

        // A row's form comes back in its row: the period's dates as typed, the others as stored.
        let periods = try database.read { try $0.periods(year: yearID) }
        let second = try #require(periods.first { $0.scheme == .quarter && $0.number == 2 })
        try admin.page("/school/periods")
        let overlap = try admin.post("/school/periods/\(second.id)", [("number", "2"), ("name", second.name), ("starts_on", "2026-10-19"), ("ends_on", second.endsOn.iso)])
        #expect(overlap.status == 422)
        #expect(overlap.text.contains("id=\"p\(second.id)-starts_on\" name=\"starts_on\" type=\"date\" value=\"2026-10-19\""))
        #expect(overlap.text.contains("<p class=\"field-error\" id=\"p\(second.id)-starts_on-error\">Пересекается с периодом «I четверть».</p>"))
        let first = try #require(periods.first { $0.scheme == .quarter && $0.number == 1 })
        #expect(overlap.text.contains("id=\"p\(first.id)-starts_on\" name=\"starts_on\" type=\"date\" value=\"\(first.startsOn.iso)\""))

        // A delete refused for what refers to it says so beside the row's buttons.
        try admin.page("/school/subjects")
        let subject = try #require(try database.read { try $0.subjects() }.first { $0.name == "Математика" })
        let used = try admin.post("/school/subjects/\(subject.id)/delete", [])
        #expect(used.status == 422)
        #expect(used.text.contains("id=\"s\(subject.id)-delete-error\">Не удалить: на это ссылаются уроки: "))
    }

    @Test func aHolidayAddedReplansAndListsTheLessonsItLeavesOutside() throws {
        let admin = try signedIn(.administrator)
        // A mark in a lesson of the week to come, for the holiday to fall on.
        let (lesson, className) = try database.write { c -> (Int, String) in
            let (id, classID, teacher, name) = try c.query("""
                SELECT l.id, l.class_id, l.teacher_id, c.name FROM lesson l JOIN school_class c ON c.id = l.class_id
                WHERE l.date = '2026-12-08' AND c.grade = 7 AND l.group_id IS NULL ORDER BY l.bell_number LIMIT 1
                """) { ($0.int(0), $0.int(1), $0.int(2), $0.string(3)) }[0]
            let student = try c.journalStudents(classID: classID, groupID: nil, from: CivilDate(iso: "2026-12-08")!, to: CivilDate(iso: "2026-12-08")!)[0].id
            try c.insertMark(lesson: id, student: student, value: 4, workType: try c.workTypes()[0].id, by: teacher, at: TestSchool.clock.unixNow())
            return (id, name)
        }
        try admin.page("/school/holidays")
        let r = try admin.post("/school/holidays", [("year", "\(yearID)"), ("name", "Карантин"), ("starts_on", "2026-12-07"), ("ends_on", "2026-12-11"),
                                                    ("min_grade", "7"), ("max_grade", "7")])
        #expect(r.status == 303)
        let target = try #require(r.headers["location"])
        #expect(target.hasPrefix("/school/holidays?saved=1&year=\(yearID)&created=0&removed="))
        let page = try admin.page(target)
        #expect(page.text.contains("role=\"status\">Сохранено. Уроки перепланированы: добавлено 0, удалено "))
        #expect(page.text.contains("<h2>Уроки вне плана с записями: 1</h2>"))
        #expect(page.text.contains("<td>08.12.2026</td>") && page.text.contains("<td>\(className)</td>") && page.text.contains("<td>отметок: 1</td>"))
        #expect(page.text.contains("<a href=\"/lessons/\(lesson)\">открыть урок</a>"))
        #expect(try admin.get("/lessons/\(lesson)").status == 200)
        // The index lists them too; the trail has the holiday with what the re-plan did.
        #expect(try admin.page("/school").text.contains("href=\"/lessons/\(lesson)\""))
        let row = try #require(try database.read { try $0.auditEntries(AuditFilter()) }.first { $0.action == "structure.holiday" })
        #expect(row.newValue == "Карантин: 07.12.2026–11.12.2026, 7 класс" && row.reason.hasSuffix("вне плана с записями 1"))
    }

    @Test func theAdministratorAddsRenamesAndDeletesARoom() throws {
        let admin = try signedIn(.administrator)
        try admin.page("/school/rooms")
        #expect(try admin.post("/school/rooms", [("name", "Кабинет химии")]).headers["location"] == "/school/rooms?saved=1")
        let room = try #require(try database.read { try $0.rooms() }.first { $0.name == "Кабинет химии" })
        let page = try admin.page("/school/rooms?saved=1")
        #expect(page.text.contains("role=\"status\">Сохранено.</p>"))
        #expect(page.text.contains("<form id=\"r\(room.id)\" method=\"post\" action=\"/school/rooms/\(room.id)\">"))
        #expect(try admin.post("/school/rooms/\(room.id)", [("name", "Лаборатория")]).status == 303)
        #expect(try admin.post("/school/rooms/\(room.id)/delete", []).status == 303)
        let rows = try database.read { try $0.auditEntries(AuditFilter()) }.filter { $0.action == "structure.room" }
        #expect(rows.map { [$0.oldValue ?? "", $0.newValue ?? ""] } == [["Лаборатория", ""], ["Кабинет химии", "Лаборатория"], ["", "Кабинет химии"]])
        // The change log names the action in words.
        #expect(try admin.page("/audit?all=1").text.contains("<td>Кабинеты изменены</td>"))
    }

    @Test func thePagesSpeakTheAccountsLanguage() throws {
        let admin = try signedIn(.administrator)
        try admin.page("/")
        #expect(try admin.post("/language", [("language", "en")]).status == 303)
        let page = try admin.page("/school/bells")
        #expect(page.text.contains("<h1>Bells <small>2026/2027</small></h1>") && page.text.contains("<a href=\"/school\">School</a>"))
        let main = try #require(try database.read { try $0.bellSchedules() }.first)
        let r = try admin.post("/school/bells/\(main.id)/bells/1", [("starts_at", "09:00"), ("ends_at", "08:00")])
        #expect(r.status == 422 && r.text.contains(">It ends before it starts.</p>"))
    }
}
