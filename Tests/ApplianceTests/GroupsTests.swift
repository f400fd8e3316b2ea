import Appliance
import Desks
import Domain
import Foundation
import HTTP
import Storage
import Testing

/// Study groups (`GroupsDesk`, `/classes/{id}/groups`, `/api/v1/groups`) on the fixture school:
/// the administrator for any class, a class teacher for their own; splitting a subject splits
/// its timetable from a date, each group with its teacher; a student is in one group of a subject.
@Suite struct GroupsTests {
    let app = FixtureSchool.app(try! FixtureSchool.copy())
    var database: Database { app.database }

    static let admin = "Соколова Ирина Павловна", kuznetsova = "Кузнецова Ольга Николаевна", smirnova = "Смирнова Анна Олеговна"
    static let volkova = "Волкова Елена Сергеевна", lebedev = "Лебедев Максим Андреевич", pavlov = "Павлов Дмитрий Игоревич"
    static let artem = "Алексеев Артём Ильич", daria = "Белова Дарья Андреевна", ilya = "Григорьев Илья Петрович"
    static let maria = "Егорова Мария Сергеевна", nikita = "Зайцев Никита Олегович", sofia = "Ильина Софья Денисовна"
    static let vera = "Алексеева Вера Ильинична"

    var classA: Int { FixtureSchool.classID("5А") }
    var classB: Int { FixtureSchool.classID("5Б") }
    func subject(_ name: String) throws -> Int { try #require(try database.read { try $0.subjectID(named: name) }) }
    func person(_ name: String) -> Int { FixtureSchool.id(name) }

    func editor(_ name: String) throws -> Editor {
        let actor = try database.read { c in try c.actor(account: c.account(person: FixtureSchool.id(name))!, session: nil, today: FixtureSchool.today) }
        return Editor(actor: actor, session: nil, via: .page, at: FixtureSchool.at("2026-11-23T10:00"))
    }

    func object(_ r: Response) throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any]) }

    func members(_ group: Int) throws -> Set<Int> { Set(try database.read { try $0.studyGroup(group)?.members.map(\.id) ?? [] }) }

    func english(_ n: Int, _ classID: Int) throws -> Int {
        try #require(try database.read { try $0.groupID(named: "Английский \(n)", classID: classID) })
    }

    // MARK: The API contract

    @Test func postGroupsCreatesAGroupWithItsTeacherAndStudents() throws {
        let admin = try FixtureSchool.signedIn(app, Self.admin)
        let pe = try subject("Физическая культура")
        let created = try admin.json(.post, "/api/v1/groups", """
            {"class": \(classA), "subject": \(pe), "name": "Мальчики", "teacher": \(person(Self.lebedev)), "students": [\(person(Self.artem)), \(person(Self.ilya)), \(person(Self.nikita))]}
            """)
        #expect(created.status == 201)
        let id = try #require(try object(created)["id"] as? Int)
        #expect(try object(created).keys.sorted() == ["id"])
        let group = try object(try admin.get("/api/v1/groups/\(id)"))
        #expect(group["class"] as? Int == classA && group["subject"] as? Int == pe && group["name"] as? String == "Мальчики")
        #expect(group["teacher"] as? Int == person(Self.lebedev))
        #expect((group["students"] as? [[String: Any]])?.compactMap { $0["id"] as? Int }.sorted() == [person(Self.artem), person(Self.ilya), person(Self.nikita)].sorted())
        // The group's teacher teaches it (its journal is theirs), and the journal lists its members only.
        let assignment = try database.read { try $0.first("SELECT teacher_id FROM teaching_assignment WHERE group_id = ?", id) { $0.int(0) } }
        #expect(assignment == person(Self.lebedev))
        let journal = try database.read { try $0.journalStudents(classID: classA, groupID: id, from: FixtureSchool.today, to: FixtureSchool.today) }
        #expect(journal.count == 3)
        #expect(try database.read { try $0.auditEntries(AuditFilter()).first { $0.action == "group.create" }?.newValue }
            == "«Мальчики», Физическая культура, учитель: Лебедев М. А., учеников: 3")
        // A cross-class group (no class) is the administrator's.
        let cross = try admin.json(.post, "/api/v1/groups", """
            {"class": null, "subject": \(pe), "name": "Сборная школы", "teacher": null, "students": [\(person(Self.daria)), \(person(Self.vera))]}
            """)
        #expect(cross.status == 201)
        let crossID = try #require(try object(cross)["id"] as? Int)
        #expect(try database.read { try $0.studyGroup(crossID)?.classID } == nil)
        // Daria was moved out of no group of PE; adding her to «Мальчики» takes her out of the cross-class one.
        #expect(try admin.json(.put, "/api/v1/groups/\(id)/students/\(person(Self.daria))").status == 204)
        #expect(try members(crossID) == [person(Self.vera)])
        #expect(try admin.json(.delete, "/api/v1/groups/\(id)/students/\(person(Self.daria))").status == 204)
        #expect(try members(id).count == 3)
        // Wrong input: the desk's messages with their codes.
        let stranger = try admin.json(.post, "/api/v1/groups", #"{"class": \#(classA), "subject": \#(pe), "name": "Девочки", "students": [\#(person(Self.vera))]}"#)
        #expect(try stranger.status == 422 && object(stranger)["error"] as? String == "invalid_students")
        let twice = try admin.json(.post, "/api/v1/groups", #"{"class": \#(classA), "subject": \#(pe), "name": "Мальчики"}"#)
        #expect(try twice.status == 422 && object(twice)["error"] as? String == "invalid_name")
        #expect(try admin.json(.post, "/api/v1/groups", #"{"class": \#(classA)}"#).status == 422)
    }

    @Test func aClassTeacherManagesTheGroupsOfTheirClassOnly() throws {
        let teacher = try FixtureSchool.signedIn(app, Self.kuznetsova)
        let pe = try subject("Физическая культура")
        #expect(try teacher.json(.post, "/api/v1/groups", #"{"class": \#(classA), "subject": \#(pe), "name": "Мальчики", "students": [\#(person(Self.artem))]}"#).status == 201)
        #expect(try teacher.json(.post, "/api/v1/groups", #"{"class": \#(classB), "subject": \#(pe), "name": "Мальчики"}"#).status == 403)
        #expect(try teacher.json(.post, "/api/v1/groups", #"{"class": null, "subject": \#(pe), "name": "Сборная"}"#).status == 403)
        let otherClass = try english(1, classB)
        #expect(try teacher.json(.put, "/api/v1/groups/\(otherClass)", #"{"name": "Чужая"}"#).status == 403)
        #expect(try teacher.json(.put, "/api/v1/groups/\(otherClass)/students/\(person(Self.vera))").status == 403)
        // Her own class's English: a student moves from group 1 to group 2, and a group gets another teacher.
        let one = try english(1, classA), two = try english(2, classA)
        #expect(try teacher.json(.put, "/api/v1/groups/\(two)/students/\(person(Self.artem))").status == 204)
        #expect(try !members(one).contains(person(Self.artem)) && members(two).contains(person(Self.artem)))
        #expect(try database.read { try $0.studyGroup(classID: classA, subjectID: try subject("Иностранный язык (английский)"), student: person(Self.artem)) } == two)
        // The new teacher is the group's; the one the timetable still has giving its lessons keeps them meanwhile.
        #expect(try teacher.json(.put, "/api/v1/groups/\(two)", #"{"teacher": \#(person(Self.smirnova))}"#).status == 204)
        #expect(try database.read { try $0.studyGroup(two)?.teacherIDs } == [person(Self.smirnova), person(Self.lebedev)])
        #expect(try object(try teacher.get("/api/v1/groups/\(two)"))["teacher"] as? Int == person(Self.smirnova))
        // A teacher who leads no class manages no groups; the pages say the same.
        let smirnova = try FixtureSchool.signedIn(app, Self.smirnova)
        #expect(try smirnova.json(.put, "/api/v1/groups/\(one)", #"{"name": "Моя"}"#).status == 403)
        #expect(try smirnova.get("/classes/\(classA)/groups").status == 403)
        #expect(try teacher.get("/classes/\(classB)/groups").status == 403)
        let page = try teacher.page("/classes/\(classA)/groups")
        #expect(page.status == 200 && page.text.contains("<h1>Группы 5А</h1>") && page.text.contains("Английский 1"))
        // The page's table moves students; the split form has no timetable part for her.
        #expect(!page.text.contains("name=\"from\""))
        let moved = try teacher.post("/classes/\(classA)/groups/members", [("subject", String(try subject("Иностранный язык (английский)"))),
                                                                           ("m_\(person(Self.artem))", String(one))])
        #expect(moved.status == 303)
        #expect(try members(one).contains(person(Self.artem)))
        #expect(try database.read { try $0.auditEntries(AuditFilter(student: person(Self.artem))).first?.action } == "group.members")
    }

    // MARK: Splitting a subject

    @Test func splittingASubjectSplitsItsTimetableFromADate() throws {
        let admin = try editor(Self.admin)
        let history = try subject("История")
        let groupOne = [Self.artem, Self.daria, Self.ilya].map(person), groupTwo = [Self.maria, Self.nikita, Self.sofia].map(person)
        // Павлов teaches 5Б at Wednesday's third bell: he cannot take a group of 5А then, and nothing is written.
        #expect(throws: DeskError.invalid("Павлов Д. И. в это время ведёт урок: 5Б, Литература — Ср, 3-й урок.", field: "teacher")) {
            try GroupsDesk(database: database).split(classID: classA, subjectID: history, groups: [
                .init(name: "1 группа", teacher: person(Self.volkova), students: groupOne),
                .init(name: "2 группа", teacher: person(Self.pavlov), room: "15", students: groupTwo),
            ], from: CivilDate(iso: "2026-11-30")!, by: admin)
        }
        #expect(try database.read { try $0.studyGroups(classID: classA) }.filter { $0.subjectID == history }.isEmpty)
        // Every student goes into a group.
        #expect(throws: DeskError.self) {
            try GroupsDesk(database: database).split(classID: classA, subjectID: history, groups: [
                .init(name: "1 группа", teacher: person(Self.volkova), students: groupOne),
                .init(name: "2 группа", teacher: person(Self.lebedev), students: Array(groupTwo.dropLast())),
            ], from: CivilDate(iso: "2026-11-30")!, by: admin)
        }
        let before = try #require(try database.read { try $0.first("SELECT id FROM lesson WHERE class_id = ? AND date = '2026-12-02' AND bell_number = 3", classA) { $0.int(0) } })
        let outcome = try GroupsDesk(database: database).split(classID: classA, subjectID: history, groups: [
            .init(name: "1 группа", teacher: person(Self.volkova), students: groupOne),
            .init(name: "2 группа", teacher: person(Self.lebedev), room: "15", students: groupTwo),
        ], from: CivilDate(iso: "2026-11-30")!, by: admin)
        #expect(outcome.groups.count == 2)
        let (g1, g2) = (outcome.groups[0], outcome.groups[1])
        // From the date the class's entry is one entry per group at the same bell, each with its teacher and room.
        let week = try database.read { try $0.timetableEntries(classID: classA, dates: CivilDate(iso: "2026-11-30")!...CivilDate(iso: "2026-12-05")!) }
            .filter { $0.weekday == 3 && $0.bell == 3 }
        #expect(week.map(\.groupID) == [g1, g2])
        #expect(week.map(\.teacherName) == ["Волкова Е. С.", "Лебедев М. А."] && week.map(\.roomName) == ["14", "15"])
        let earlier = try database.read { try $0.timetableEntries(classID: classA, dates: CivilDate(iso: "2026-11-23")!...CivilDate(iso: "2026-11-28")!) }
            .filter { $0.weekday == 3 && $0.bell == 3 }
        #expect(earlier.count == 1 && earlier[0].groupID == nil && earlier[0].validTo == CivilDate(iso: "2026-11-29")!)
        // Wednesday's lessons: the class's lesson became the first group's, the second group's is new; each lists its members.
        let lessons = try database.read { try $0.query("SELECT id, group_id FROM lesson WHERE class_id = ? AND date = '2026-12-02' AND bell_number = 3 ORDER BY id", classA) {
            ($0.int(0), $0.optionalInt(1)) } }
        #expect(lessons.count == 2 && lessons[0].0 == before && lessons[0].1 == g1 && lessons[1].1 == g2)
        let listed = try database.read { try $0.journalStudents(classID: classA, groupID: g2, from: FixtureSchool.today, to: FixtureSchool.today) }.map(\.id)
        #expect(Set(listed) == Set(groupTwo))
        #expect(outcome.sync.map { $0.created > 10 && $0.updated.count > 10 && $0.kept.isEmpty } == true)
        let actions = try database.read { try $0.auditEntries(AuditFilter(classID: classA)).map(\.action) }
        for action in ["group.split", "group.create", "timetable.entry_change", "lesson.replan_update", "lesson.replan_create"] { #expect(actions.contains(action), "\(action)") }
        // Split once: the next time the students move between the groups.
        #expect(throws: DeskError.self) {
            try GroupsDesk(database: database).split(classID: classA, subjectID: history, groups: [
                .init(name: "А", teacher: person(Self.volkova), students: groupOne), .init(name: "Б", teacher: person(Self.lebedev), students: groupTwo),
            ], from: nil, by: admin)
        }
    }

    @Test func aClassTeacherSplitsTheGroupsButNotTheTimetable() throws {
        let teacher = try editor(Self.kuznetsova)
        let history = try subject("История")
        let groups: [GroupsDesk.SplitGroup] = [
            .init(name: "1 группа", teacher: person(Self.volkova), students: [Self.artem, Self.daria, Self.ilya].map(person)),
            .init(name: "2 группа", teacher: person(Self.lebedev), students: [Self.maria, Self.nikita, Self.sofia].map(person)),
        ]
        #expect(throws: DeskError.forbidden) {
            try GroupsDesk(database: database).split(classID: classA, subjectID: history, groups: groups, from: CivilDate(iso: "2026-11-30")!, by: teacher)
        }
        let outcome = try GroupsDesk(database: database).split(classID: classA, subjectID: history, groups: groups, from: nil, by: teacher)
        #expect(outcome.sync == nil && outcome.groups.count == 2)
        #expect(try database.read { try $0.timetableEntries(classID: classA, subjectID: history, from: FixtureSchool.today) }.allSatisfy { $0.groupID == nil })
        #expect(throws: DeskError.forbidden) {
            try GroupsDesk(database: database).split(classID: classB, subjectID: history, groups: groups, from: nil, by: teacher)
        }
    }
}
