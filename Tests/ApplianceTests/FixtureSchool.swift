import Appliance
import Desks
import Domain
import Foundation
import HTTP
import Journal
import Logging
import Secrets
import Setup
import Storage

/// A small school built by hand for the page snapshots, the way a school sets itself up:
/// `setup init`, the CSV imports of `Tests/Resources/fixture/`, login slips and first
/// sign-ins, then a few lessons' worth of journal through `JournalDesk` and diary actions
/// through the pages. Classes 5А and 5Б of six students each, English in two groups, five
/// teachers, three guardians (one with a child in each class). Monday 23 November 2026,
/// 10:00 at UTC+3: the first lesson is over, the second running, the third not begun.
///
/// Built once per test run into a temporary file; every suite takes its own `copy()`.
enum FixtureSchool {
    static let offset = 180
    static let today = CivilDate(iso: "2026-11-23")!
    /// The password of every account whose person has signed in once and set their own.
    static let password = "kvadrat-sinij-97"
    /// The pairing code of the hallway kiosk, as `tabel kiosk register` would print it.
    static let kioskPairingCode = "KQ7XH2M9PR4TWZ8N"

    /// Seconds since the epoch of a moment on the school's clock.
    static func at(_ iso: String) -> Int { SchoolDateTime(iso: iso)!.unixSeconds(offsetMinutes: offset) }

    /// A clock that reads `iso` now (and runs on: a page shows minutes, a test takes seconds).
    static func clock(_ iso: String = "2026-11-23T10:00") -> SchoolClock {
        .starting(at: SchoolDateTime(iso: iso)!, utcOffsetMinutes: offset)
    }

    static func app(_ database: Database, at iso: String = "2026-11-23T10:00") -> App {
        var logger = Logger(label: "fixture")
        logger.logLevel = .critical
        return App(database: database, clock: clock(iso), logger: logger)
    }

    /// The built school's file and the ids and logins of its people by full name.
    struct Built {
        let path: String
        let people: [String: Int]
        let logins: [String: String]
        let classes: [String: Int]
    }

    static let built: Built = {
        do { return try build() } catch { fatalError("the fixture school: \(error)") }
    }()

    static func id(_ fullName: String) -> Int { built.people[fullName]! }
    static func login(_ fullName: String) -> String { built.logins[fullName]! }
    static func classID(_ name: String) -> Int { built.classes[name]! }

    /// A fresh copy of the school, so a suite may change it.
    static func copy() throws -> Database {
        let target = temporaryPath("fixture-copy")
        let db = try Database.open(path: built.path)
        defer { db.close() }
        try db.withWriter { try $0.execute("VACUUM INTO '\(target)'") }
        return try Database.open(path: target)
    }

    /// A browser signed in as `fullName`.
    static func signedIn(_ app: App, _ fullName: String) throws -> Client { try signedIn(app, login: login(fullName)) }

    static func signedIn(_ app: App, login: String) throws -> Client {
        let client = Client(app)
        let r = try client.signIn(login, password)
        guard r.status == 303 else { throw FixtureError("\(login) cannot sign in: \(r.status)") }
        return client
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func resource(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: CommandTests.packageRoot.appendingPathComponent("Tests/Resources/fixture/\(name)")))
    }

    // MARK: Building

    static func build() throws -> Built {
        let path = temporaryPath("fixture")
        let db = try Database.open(path: path)
        defer { db.close() }
        let setupDay = CivilDate(iso: "2026-09-01")!, setupAt = at("2026-09-01T08:00")
        let school = School(name: "МБОУ «Школа № 5»", shortName: "Школа № 5", address: "г. Энск, ул. Садовая, 1",
                            networkAddress: "http://tabel.school5.local/")
        _ = try SchoolSetup.initialize(db, SchoolSetup.Options(school: school, startYear: 2026, classes: try SchoolSetup.parseClasses("5А-5Б")),
                                       now: setupAt)
        let importer = Importer(database: db, today: setupDay, now: setupAt)
        for kind in [Importer.Kind.staff, .students, .guardians] {
            _ = try importer.run(kind, bytes: try resource("\(kind.rawValue).csv"), dryRun: false)
        }
        let (people, classes, year) = try db.read { c in
            var people: [String: Int] = [:]
            var id = 1
            while let p = try c.personSummary(id, year: -1) {
                people[p.card.fullName] = id
                id += 1
            }
            let year = try c.academicYear(containing: setupDay)!.id
            return (people, ["5А": try c.classID(name: "5А", year: year)!, "5Б": try c.classID(name: "5Б", year: year)!], year)
        }
        // Study groups have no import yet: the two English groups of each class, written directly.
        try db.write { c in
            let english = try c.subjectID(named: "Иностранный язык (английский)")
            let members = ["5А": [["Алексеев Артём Ильич", "Белова Дарья Андреевна", "Григорьев Илья Петрович"],
                                  ["Егорова Мария Сергеевна", "Зайцев Никита Олегович", "Ильина Софья Денисовна"]],
                           "5Б": [["Алексеева Вера Ильинична", "Васильев Тимофей Романович", "Дмитриева Алиса Максимовна"],
                                  ["Жуков Лев Артёмович", "Комарова Ева Павловна", "Новиков Марк Денисович"]]]
            for name in ["5А", "5Б"] {
                for (n, group) in members[name]!.enumerated() {
                    let gid = try c.insertGroup(year: year, class: classes[name]!, subject: english, name: "Английский \(n + 1)")
                    for student in group { try c.insertGroupMember(group: gid, student: people[student]!) }
                }
            }
        }
        _ = try importer.run(.timetable, bytes: try resource("timetable.csv"), dryRun: false)
        let math = try db.read { try $0.subjectID(named: "Математика")! }
        _ = try PlanImport.run(db, classID: classes["5А"]!, subjectID: math, bytes: try resource("plan-5a-math.csv"), by: .console(at: setupAt))

        // Slips for everyone but one guardian; staff and four families sign in and set a password.
        let slips = try AccountsDesk(database: db).issueSlips(people: people.filter { $0.key != "Жукова Ирина Олеговна" }.values.sorted(),
                                                              today: setupDay, by: .console(at: setupAt))
        let firstDay = app(db, at: "2026-09-01T09:00")
        let settled: Set = ["Алексеев Артём Ильич", "Белова Дарья Андреевна", "Алексеев Илья Викторович", "Белова Наталья Викторовна"]
        for slip in slips where !(slip.whoLine.hasPrefix("Обучающийся") || slip.whoLine.hasPrefix("Родитель")) || settled.contains(slip.fullName) {
            let client = Client(firstDay)
            guard try client.signIn(slip.login, slip.password).headers["location"] == "/password" else { throw FixtureError("slip of \(slip.fullName)") }
            try client.page("/password")
            guard try client.post("/password", [("current", slip.password), ("new", password), ("repeat", password)]).status == 303 else {
                throw FixtureError("password of \(slip.fullName)")
            }
        }
        let logins = Dictionary(uniqueKeysWithValues: slips.map { ($0.fullName, $0.login) })
        let built = Built(path: path, people: people, logins: logins, classes: classes)
        try FixtureJournal(database: db, built: built, math: math).fill()
        try db.write { _ = try $0.registerKiosk(name: "Холл, 1 этаж", pairingCodeHash: Digest.blake2b(kioskPairingCode), at: at("2026-09-01T12:00")) }
        return built
    }
}

/// The journal of the fixture: marks, absences, remarks, homework, period marks, a timetable
/// change and an unlock through `JournalDesk`; an acknowledgement and a wrong-mark report
/// through the diary's pages.
struct FixtureJournal {
    let database: Database
    let built: FixtureSchool.Built
    let math: Int
    let desk: JournalDesk

    init(database: Database, built: FixtureSchool.Built, math: Int) {
        self.database = database
        self.built = built
        self.math = math
        desk = JournalDesk(database: database, utcOffsetMinutes: FixtureSchool.offset)
    }

    func editor(_ fullName: String, at iso: String) throws -> Editor {
        let actor = try database.read { c in
            try c.actor(account: c.account(person: built.people[fullName]!)!, session: nil, today: CivilDate(iso: String(iso.prefix(10)))!)
        }
        return Editor(actor: actor, session: nil, via: .page, at: FixtureSchool.at(iso))
    }

    /// The lesson `teacher` gives on `date` at `bell`.
    func lesson(_ teacher: String, _ date: String, bell: Int) throws -> Int {
        let lessons = try database.read { try $0.teacherDay(built.people[teacher]!, on: CivilDate(iso: date)!) }.map(\.summary)
        guard let lesson = lessons.first(where: { $0.bell == bell }) else { throw FixtureSchool.FixtureError("no lesson of \(teacher) on \(date) at \(bell)") }
        return lesson.id
    }

    func workType(_ code: String) throws -> Int {
        try database.read { try $0.workTypes().first { $0.code == code }!.id }
    }

    /// Marks of one lesson, entered by its teacher at `iso`; returns their ids by student.
    @discardableResult
    func marks(_ teacher: String, _ date: String, bell: Int, _ code: String, _ values: [(String, Int)], at iso: String) throws -> [String: Int] {
        let lesson = try lesson(teacher, date, bell: bell), type = try workType(code), by = try editor(teacher, at: iso)
        var ids: [String: Int] = [:]
        for (student, value) in values {
            ids[student] = try desk.addMark(lesson: lesson, student: built.people[student]!, value: value, workType: type, by: by).id
        }
        return ids
    }

    func absent(_ teacher: String, _ date: String, bell: Int, _ student: String, _ code: AbsenceCode, at iso: String) throws {
        try desk.setAttendance(lesson: try lesson(teacher, date, bell: bell), student: built.people[student]!, code: code, by: try editor(teacher, at: iso))
    }

    func fill() throws {
        let kuznetsova = "Кузнецова Ольга Николаевна", smirnova = "Смирнова Анна Олеговна", lebedev = "Лебедев Максим Андреевич"
        let volkova = "Волкова Елена Сергеевна", pavlov = "Павлов Дмитрий Игоревич"
        let artem = "Алексеев Артём Ильич", daria = "Белова Дарья Андреевна", ilya = "Григорьев Илья Петрович"
        let maria = "Егорова Мария Сергеевна", nikita = "Зайцев Никита Олегович", sofia = "Ильина Софья Денисовна"
        let vera = "Алексеева Вера Ильинична", timofei = "Васильев Тимофей Романович"

        // First quarter: 5А and 5Б mathematics, and the quarter's marks.
        try marks(kuznetsova, "2026-09-16", bell: 2, "КР", [(artem, 5), (daria, 4), (ilya, 3), (maria, 5), (nikita, 4), (sofia, 4)], at: "2026-09-16T15:00")
        try marks(kuznetsova, "2026-10-09", bell: 3, "СР", [(artem, 5), (daria, 4), (ilya, 3), (maria, 5), (sofia, 5)], at: "2026-10-09T15:00")
        try marks(kuznetsova, "2026-10-14", bell: 1, "СР", [(vera, 5), (timofei, 4)], at: "2026-10-14T15:00")
        let quarters = try database.read { try $0.periods(classID: built.classes["5А"]!) }.filter { $0.scheme == .quarter }
        let q1 = quarters.first { $0.number == 1 }!
        let closing = try editor(kuznetsova, at: "2026-10-22T16:00")
        for (student, value) in [(artem, 5), (daria, 4), (ilya, 3), (maria, 5), (nikita, 4), (sofia, 5)] {
            try desk.setPeriodMark(classID: built.classes["5А"]!, subjectID: math, period: q1.id, student: built.people[student]!, value: value, by: closing)
        }
        for (student, value) in [(vera, 5), (timofei, 4)] {
            try desk.setPeriodMark(classID: built.classes["5Б"]!, subjectID: math, period: q1.id, student: built.people[student]!, value: value, by: closing)
        }

        // Second quarter so far.
        try marks(kuznetsova, "2026-11-09", bell: 1, "У", [(artem, 5), (ilya, 3)], at: "2026-11-09T09:10")
        try marks(kuznetsova, "2026-11-11", bell: 2, "СР", [(artem, 5), (daria, 4), (ilya, 3), (maria, 5), (nikita, 4), (sofia, 5)], at: "2026-11-11T14:00")
        try absent(kuznetsova, "2026-11-13", bell: 3, nikita, .ill, at: "2026-11-13T11:00")
        try marks(kuznetsova, "2026-11-13", bell: 3, "ДЗ", [(daria, 4)], at: "2026-11-13T11:00")
        let test = try marks(kuznetsova, "2026-11-18", bell: 2, "КР", [(artem, 4), (daria, 5), (ilya, 2), (maria, 5), (sofia, 4)], at: "2026-11-18T16:00")
        try absent(kuznetsova, "2026-11-18", bell: 2, nikita, .ill, at: "2026-11-18T16:00")
        try desk.changeMark(test[ilya]!, value: 3, workType: nil, reason: "пересчёт баллов", by: try editor(kuznetsova, at: "2026-11-19T15:00"))
        let slip = try marks(kuznetsova, "2026-11-20", bell: 3, "ДЗ", [(maria, 5), (sofia, 3)], at: "2026-11-20T12:30")
        try desk.deleteMark(slip[sofia]!, reason: "поставлена не тому ученику", by: try editor(kuznetsova, at: "2026-11-20T12:35"))
        try marks(kuznetsova, "2026-11-18", bell: 1, "СР", [(vera, 5), (timofei, 3)], at: "2026-11-18T15:00")
        try marks(smirnova, "2026-11-20", bell: 1, "У", [(artem, 4), (daria, 5)], at: "2026-11-20T09:20")
        try marks(lebedev, "2026-11-20", bell: 1, "У", [(nikita, 3)], at: "2026-11-20T09:20")
        // Homework for Monday's English, set in advance.
        try desk.setContent(lesson: try lesson(smirnova, "2026-11-23", bell: 3), topic: "My family: vocabulary", planTopic: nil,
                            homework: "Ex. 3, p. 27; выучить новые слова", by: try editor(smirnova, at: "2026-11-20T10:00"))

        // The deputy: a transfer of October's corrections and two changes to today's timetable.
        let deputy = try editor(volkova, at: "2026-11-20T16:00")
        _ = try desk.grantUnlock(classID: built.classes["5А"]!, subjectID: math, dates: CivilDate(iso: "2026-10-05")!...CivilDate(iso: "2026-10-09")!,
                                 until: FixtureSchool.at("2026-11-27T18:00"), reason: "Исправление отметок за самостоятельную работу", by: deputy)
        try TimetableDesk(database: database).changeTimetable(lesson: try lesson(volkova, "2026-11-23", bell: 3), .substitution(teacher: built.people[pavlov]!),
                                 reason: "Волкова Е. С. — на совещании в управлении образования", by: deputy)
        try TimetableDesk(database: database).changeTimetable(lesson: try lesson(volkova, "2026-11-25", bell: 3), .cancelled, reason: "Экскурсия в краеведческий музей", by: deputy)

        // Today: the first lesson of 5А, held.
        let first = try lesson(kuznetsova, "2026-11-23", bell: 1)
        let teacher = try editor(kuznetsova, at: "2026-11-23T09:10")
        let planned = try database.read { try $0.journalLesson(first)! }
        try desk.setContent(lesson: first, topic: planned.topic, planTopic: planned.planTopicID,
                            homework: "№ 312, 315 «Сравнение дробей» — стр. 84 & повторить <правило>", by: teacher)
        try marks(kuznetsova, "2026-11-23", bell: 1, "У", [(artem, 5), (daria, 4)], at: "2026-11-23T09:10")
        try absent(kuznetsova, "2026-11-23", bell: 1, nikita, .unexcused, at: "2026-11-23T09:10")
        try desk.addRemark(lesson: first, student: built.people[ilya]!, text: "Не выполнил домашнее задание: «забыл тетрадь» & <дневник>", praise: false, by: teacher)
        try desk.addRemark(lesson: first, student: built.people[maria]!, text: "Отличная работа у доски!", praise: true, by: teacher)
        try desk.setIndividualHomework(lesson: first, student: built.people[ilya]!, text: "Работа над ошибками контрольной (№ 298)", by: teacher)

        // A guardian acknowledges the first quarter; a student reports a mark he thinks wrong.
        let morning = FixtureSchool.app(database, at: "2026-11-23T09:40")
        let father = try FixtureSchool.signedIn(morning, login: built.logins["Алексеев Илья Викторович"]!)
        try father.page("/diary/\(built.people[artem]!)/finals")
        guard try father.post("/diary/\(built.people[artem]!)/acknowledge", [("period", String(q1.id))]).status == 303 else {
            throw FixtureSchool.FixtureError("acknowledgement")
        }
        let son = try FixtureSchool.signedIn(morning, login: built.logins[artem]!)
        try son.page("/diary/\(built.people[artem]!)/marks")
        guard try son.post("/diary/\(built.people[artem]!)/marks/\(test[artem]!)/report",
                           [("text", "Я решил все задачи контрольной, проверьте, пожалуйста, вторую")]).status == 303 else {
            throw FixtureSchool.FixtureError("mark report")
        }
    }
}
