import Domain
import HTTP
import Routing
import Storage
import WebUI

/// The signed-in start page: who you are, today's bells, and the sections you can open.
enum HomePage {
    static func routes(database: Database) -> [AppRoute] {
        [markReports(database), AppRoute(.get, "/", .school(.viewOwnAccount)) { visit in
            let actor = visit.actor!
            let (school, year, bells, person, children, classes) = try database.read { c in
                let year = try c.academicYear(containing: visit.today)
                return (try c.school(), year, try c.mainBells(), try c.personSummary(actor.personID, year: year?.id ?? -1),
                        try c.studentNames(actor.students.sorted()), try c.classesLed(by: actor.personID, year: year?.id ?? -1))
            }
            // A teacher sees the reports on marks from their own lessons.
            let reports = AccessPolicy.permits(actor, .teachLessons, .school) ? try database.read { try $0.markReports(teacher: actor.personID, limit: 20) } : []
            let changed = visit.request.query["password"] == "changed"
            return Layout.response(page(visit: visit, actor: actor, school: school, year: year, bells: bells, person: person,
                                        children: children, classes: classes, reports: reports, passwordChanged: changed))
        }]
    }

    /// The sections this actor may open (the gate checks each again when it is opened).
    static func sections(_ actor: Actor, children: [(id: Int, name: String)], classes: [SchoolClass] = []) -> [(String, String, String)] {
        var links: [(String, String, String)] = []
        for child in children {
            links.append(("/diary/\(child.id)", actor.personID == child.id ? "Мой дневник" : "Дневник: \(child.name)",
                          "Расписание, домашние задания, отметки и пропуски"))
        }
        if AccessPolicy.permits(actor, .teachLessons, .school) {
            links.append(("/day", "Мой день", "Сегодняшние уроки: тема, задание, посещаемость, отметки"))
        }
        if AccessPolicy.permits(actor, .listJournals, .school) {
            links.append(("/journal", "Журналы", "Классы и предметы: отметки, пропуски, средний балл, итоговые"))
        }
        if AccessPolicy.permits(actor, .grantUnlocks, .school) {
            links.append(("/unlocks", "Открытие журнала", "Разрешить исправления, перенос из бумажных журналов"))
        }
        if AccessPolicy.permits(actor, .viewTimetableChanges, .school) {
            links.append(("/changes", "Изменения расписания", "Замены, отмены и переносы уроков сегодня по всей школе"))
        }
        if AccessPolicy.permits(actor, .manageTimetable, .school) {
            links.append(("/day?teacher=", "Замены и изменения расписания", "Уроки любого учителя на любой день"))
        }
        if AccessPolicy.permits(actor, .viewTimetable, .school) || AccessPolicy.permits(actor, .viewTimetable, .person(id: actor.personID, classes: [], isStaff: true)) {
            links.append(("/timetable", "Расписание уроков", AccessPolicy.permits(actor, .manageTimetable, .school)
                ? "Неделя класса или учителя; изменения с даты, дополнительные уроки" : "Уроки недели по расписанию"))
        }
        if AccessPolicy.permits(actor, .changeSettings, .school) {
            links.append(("/settings", "Настройки журнала", "Срок исправления отметок, виды работ и веса, округление"))
        }
        if AccessPolicy.permits(actor, .viewAudit, .school) {
            links.append(("/audit", "Журнал изменений", "Кто, когда и что изменил в отметках и пропусках; выгрузка CSV"))
        }
        if AccessPolicy.permits(actor, .viewReports, .school) {
            links.append(("/mark-reports", "Сообщения об ошибках в отметках", "От учеников и родителей, по всей школе"))
        }
        if AccessPolicy.permits(actor, .viewPeople, .school) {
            links.append(("/people", "Люди и учётные записи", "Поиск, карточки, согласия, листки с логинами"))
        }
        // A class teacher's own class: its page, and its login slips.
        for schoolClass in classes where actor.classTeacherOf.contains(schoolClass.id) {
            if AccessPolicy.permits(actor, .viewPeople, .schoolClass(schoolClass.id)) {
                links.append(("/classes/\(schoolClass.id)", "Мой класс \(schoolClass.name)",
                              "Посещаемость и причины пропусков, родители, ознакомление с итоговыми, кто не входил"))
            }
            if AccessPolicy.permits(actor, .issueSlips, .schoolClass(schoolClass.id)) {
                links.append(("/classes/\(schoolClass.id)/slips", "Логины класса \(schoolClass.name)", "Листки с логинами для учеников и родителей"))
            }
        }
        links.append(("/password", "Сменить пароль", "Задать новый пароль для входа"))
        return links
    }

    /// A student is greeted by first name («Здравствуй, Артём!»), grown-ups by name and patronymic.
    static func greeting(_ actor: Actor, _ person: PersonSummary?) -> String {
        guard let card = person?.card else { return "Здравствуйте!" }
        if actor.roles == [.student] { return "Здравствуй, \(card.firstName)!" }
        return "Здравствуйте, \([card.firstName, card.middleName].filter { !$0.isEmpty }.joined(separator: " "))!"
    }

    static func page(visit: Visit, actor: Actor, school: School?, year: AcademicYear?, bells: [Bell],
                     person: PersonSummary?, children: [(id: Int, name: String)], classes: [SchoolClass], reports: [MarkReport],
                     passwordChanged: Bool) -> HTML {
        let today = visit.today
        let bellRows: [HTML] = bells.map {
            "<tr><td>\($0.number)</td><td>\($0.startsAt.description)–\($0.endsAt.description)</td></tr>"
        }
        let links: [HTML] = sections(actor, children: children, classes: classes).map { "<a href=\"\($0.0)\">\($0.1)<small>\($0.2)</small></a>" }
        let roles = actor.roles.sorted { $0.rawValue < $1.rawValue }.map(\.russian).joined(separator: ", ")
        let notice: HTML = year == nil ? "<p class=\"notice\">На эту дату учебный год не задан.</p>" : ""
        return Layout.page(title: "Главная", school: school,
                           user: SignedIn(visit, name: person?.card.shortName ?? ""), """
            <main>
            \(passwordChanged ? "<p class=\"notice\">Пароль изменён.</p>" as HTML : "")
            <h1>\(greeting(actor, person))</h1>
            <p class="muted">\(RussianCalendar.weekdays[today.weekday - 1].capitalizedFirst), \(RussianCalendar.long(today))\(year.map { " · \($0.name) учебный год" } ?? "") · \(roles)</p>
            \(notice)
            <div class="links">\(each: links)</div>
            \(reports.isEmpty ? "" as HTML : reportList("Сообщения об ошибках в ваших отметках", reports))
            <div class="card spaced"><h2>Звонки</h2>
            <div class="table-wrap"><table><thead><tr><th>Урок</th><th>Время</th></tr></thead><tbody>\(each: bellRows)</tbody></table></div>
            </div>
            </main>
            """)
    }
}

extension HomePage {
    /// `GET /mark-reports`: every open report, for the administration.
    static func markReports(_ database: Database) -> AppRoute {
        AppRoute(.get, "/mark-reports", .school(.viewReports)) { visit in
            let (school, me, reports) = try database.read { c in
                (try c.school(), try c.personSummary(visit.actor!.personID, year: -1), try c.markReports(teacher: Int?.none))
            }
            return Layout.response(Layout.page(title: "Сообщения об ошибках", school: school,
                                               user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                               nav: [("Главная", "/")], "<main>\(reportList("Сообщения об ошибках в отметках", reports))</main>"))
        }
    }

    static func reportList(_ title: String, _ reports: [MarkReport]) -> HTML {
        let rows: [HTML] = reports.map {
            "<tr><td>\($0.date.russian)</td><td>\($0.className)</td><td>\($0.subject)</td><td>\($0.student)</td><td><span class=\"mark m\($0.value)\">\($0.value)</span></td><td>\($0.text) <small class=\"muted\">— \($0.reportedBy)</small></td></tr>"
        }
        return """
            <section class="card spaced"><h2>\(title)</h2>
            \(rows.isEmpty ? "<p class=\"muted\">Сообщений нет.</p>" as HTML : "<div class=\"table-wrap\"><table><thead><tr><th>Урок</th><th>Класс</th><th>Предмет</th><th>Ученик</th><th>Отметка</th><th>Сообщение</th></tr></thead><tbody>\(each: rows)</tbody></table></div>")
            </section>
            """
    }
}
