import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI

/// The electronic diary for students and guardians: the week, marks by subject with the
/// average and forecast, final marks and attendance; acknowledgements and wrong-mark reports.
///
/// - Important: a student id outside what the session may see answers 404, exactly like an
///   id that does not exist (`hidesRefusal`), and personal pages are never cached.
public struct DiaryPages: Sendable {
    let database: Database
    /// Weeks as drawn, under the versions of the class's and the school's data.
    let weeks = PageCache<WeekKey, HTML>(capacity: 512)
    let api: DiaryAPI

    struct WeekKey: Hashable, Sendable {
        let student: Int
        let classID: Int
        let monday: CivilDate
        let today: CivilDate
        let classVersion: Int
        let schoolVersion: Int
    }

    public init(database: Database) {
        self.database = database
        api = DiaryAPI(database: database)
    }

    public var routes: [AppRoute] {
        [
            AppRoute(.get, "/diary", .school(.viewOwnAccount)) { visit in
                guard let first = visit.actor!.students.sorted().first else { throw HTTPError.notFound }
                return .redirect(to: "/diary/\(first)")
            },
            AppRoute(.get, "/diary/{id:int}", .policy(.viewDiary, resource: student), hidesRefusal: true) { visit in try weekPage(visit) },
            AppRoute(.get, "/diary/{id:int}/marks", .policy(.viewDiary, resource: student), hidesRefusal: true) { visit in try marksPage(visit) },
            AppRoute(.get, "/diary/{id:int}/finals", .policy(.viewDiary, resource: student), hidesRefusal: true) { visit in try finalsPage(visit) },
            AppRoute(.post, "/diary/{id:int}/acknowledge", .policy(.acknowledgeFinals, resource: student), hidesRefusal: true) { visit in
                try acknowledge(visit)
            },
            AppRoute(.post, "/diary/{id:int}/marks/{mark:int}/report", .policy(.reportMark, resource: student), hidesRefusal: true) { visit in
                try reportMark(visit)
            },
            AppRoute(.get, "/api/v1/students/{id:int}/diary", .policy(.viewDiary, resource: student), hidesRefusal: true) { visit in
                try api.diary(visit)
            },
            AppRoute(.get, "/api/v1/students/{id:int}/marks", .policy(.viewDiary, resource: student), hidesRefusal: true) { visit in
                try api.marks(visit)
            },
        ]
    }

    /// The student named in the path, with their class, for the policy.
    func student(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard let s = try database.read({ try $0.diaryStudent(id, on: visit.today) }) else { throw HTTPError.notFound }
        return .student(id: id, classID: s.classID)
    }

    func load(_ visit: Visit) throws -> DiaryStudent {
        let id = try visit.request.pathParameters.int("id")
        guard let s = try database.read({ try $0.diaryStudent(id, on: visit.today) }), s.classID != nil else { throw HTTPError.notFound }
        return s
    }

    /// The page frame: child switcher, the three views, the content.
    func frame(_ visit: Visit, _ student: DiaryStudent, tab: String, title: String, _ content: HTML) throws -> Response {
        let actor = visit.actor!
        let (school, me, children) = try database.read { c in
            (try c.school(), try c.personSummary(actor.personID, year: -1), try c.studentNames(actor.students.sorted()))
        }
        let switcher: [HTML] = children.count > 1 ? children.map {
            "<a href=\"/diary/\($0.id)\"\($0.id == student.id ? " aria-current=\"page\"" as HTML : "")>\($0.name)</a>"
        } : []
        let tabs: [HTML] = [("", "Неделя"), ("/marks", "Оценки"), ("/finals", "Итоги")].map {
            "<a href=\"/diary/\(student.id)\($0.0)\"\($0.0 == tab ? " aria-current=\"page\"" as HTML : "")>\($0.1)</a>"
        }
        let page = Layout.page(title: title, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                               nav: [("Главная", "/")], """
            <main class="diary">
            \(switcher.isEmpty ? "" as HTML : "<nav class=\"children\" aria-label=\"Дети\">\(each: switcher)</nav>")
            <h1>\(student.name)<small>, \(student.className)</small></h1>
            <nav class="tabs">\(each: tabs)</nav>
            \(content)
            </main>
            """)
        return Layout.response(page)
    }

    func weekPage(_ visit: Visit) throws -> Response {
        let student = try load(visit)
        let monday = try Self.monday(visit)
        let classID = student.classID!
        let version = try database.read { try $0.journalVersion(classID: classID) }
        let key = WeekKey(student: student.id, classID: classID, monday: monday, today: visit.today,
                          classVersion: version.class, schoolVersion: version.school)
        let week = try weeks.value(key) {
            let lessons = try database.read { try $0.diaryLessons(student: student.id, classID: classID, from: monday, to: monday.adding(days: 6)) }
            return DiaryView.week(monday: monday, lessons: lessons, today: visit.today)
        }
        let base = "/diary/\(student.id)"
        return try frame(visit, student, tab: "", title: "Дневник", """
            <div class="week-nav">
            <a class="button secondary" href="\(base)?week=\(monday.adding(days: -7).iso)" rel="prev">← Неделя</a>
            <span class="range">\(DiaryView.range(monday))</span>
            <a class="button secondary" href="\(base)?week=\(monday.adding(days: 7).iso)" rel="next">Неделя →</a>
            \(monday == visit.today.startOfWeek ? "" as HTML : "<a class=\"button\" href=\"\(base)\">Сегодня</a>")
            </div>
            \(week)
            """)
    }

    /// The Monday of `?week=` (any date of that week), or of today.
    static func monday(_ visit: Visit) throws -> CivilDate {
        guard let text = visit.request.query["week"] else { return visit.today.startOfWeek }
        guard let date = CivilDate(iso: text) else { throw HTTPError.badRequest("Неделя задаётся датой ГГГГ-ММ-ДД.") }
        return date.startOfWeek
    }

    /// The period of `?period=`, or the one containing today (else the last that began).
    static func period(_ visit: Visit, _ periods: [Period]) throws -> Period? {
        if let text = visit.request.query["period"] {
            guard let id = Int(text), let p = periods.first(where: { $0.id == id }) else { throw HTTPError(status: 404, message: "Такого периода нет.") }
            return p
        }
        return periods.first { $0.contains(visit.today) } ?? periods.last { $0.startsOn <= visit.today } ?? periods.first
    }

    func marksPage(_ visit: Visit) throws -> Response {
        let student = try load(visit)
        let periods = try database.read { try $0.periods(classID: student.classID!) }
        guard let period = try Self.period(visit, periods) else { throw HTTPError.notFound }
        let (subjects, rule) = try database.read {
            (try $0.subjectMarks(student: student.id, classID: student.classID!, from: period.startsOn, to: period.endsOn, period: period.id),
             try $0.schoolSettings().rounding)
        }
        let canReport = AccessPolicy.permits(visit.actor!, .reportMark, .student(id: student.id, classID: student.classID))
        let periodLinks: [HTML] = periods.map {
            "<a href=\"/diary/\(student.id)/marks?period=\($0.id)\"\($0.id == period.id ? " aria-current=\"page\"" as HTML : "")>\($0.name)</a>"
        }
        let cards: [HTML] = subjects.filter { !$0.marks.isEmpty || $0.periodMark != nil }.map { s in
            let chips: [HTML] = s.marks.map { m in
                let report: HTML = canReport ? """
                    <details class="report"><summary>ошибка?</summary>
                    <form method="post" action="/diary/\(student.id)/marks/\(m.mark.id)/report">
                    <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                    <label for="r\(m.mark.id)">Что не так с отметкой \(m.mark.value) за \(m.date.shortRussian)?</label>
                    <textarea id="r\(m.mark.id)" name="text" rows="2" maxlength="500" required></textarea>
                    <button type="submit">Сообщить учителю</button></form></details>
                    """ : ""
                return "<li>\(DiaryView.badge(m.mark))<small>\(m.date.shortRussian)</small>\(report)</li>"
            }
            let forecast = s.forecast(rule)
            let forecastLine: HTML = forecast.map { f in
                let next: HTML = f.nextMark.map { "; до «\($0)» — ещё \(f.fivesNeeded ?? 1) \(Self.fives(f.fivesNeeded ?? 1)) за устный ответ" } ?? ""
                return "<p class=\"forecast\">Средний балл <b>\(RussianNumber.decimal(f.average))</b> — сейчас выходит <b>\(f.mark)</b>\(next)</p>"
            } ?? "<p class=\"muted\">Отметок пока нет.</p>"
            return """
                <section class="card subject-marks">
                <h2>\(s.subject)\(s.periodMark.map { " <span class=\"final\">итог: \($0)</span>" as HTML })</h2>
                <ul class="chips">\(each: chips)</ul>
                \(forecastLine)
                \(forecast == nil ? "" as HTML : "<details><summary>Как считается</summary><p class=\"formula\">Средний взвешенный: Σ(вес × отметка) / Σ веса = \(averageFormula(s.weighted)). Округление: \(rule.russian).</p></details>")
                </section>
                """
        }
        return try frame(visit, student, tab: "/marks", title: "Оценки", """
            <nav class="periods">\(each: periodLinks)</nav>
            \(visit.request.query["reported"] == "1" ? "<p class=\"notice\">Сообщение отправлено учителю.</p>" as HTML : "")
            \(cards.isEmpty ? "<p class=\"muted\">В этом периоде отметок нет.</p>" as HTML : "\(each: cards)")
            """)
    }

    func finalsPage(_ visit: Visit) throws -> Response {
        let student = try load(visit)
        let actor = visit.actor!
        let (periods, finals, acks, year) = try database.read { c in
            (try c.periods(classID: student.classID!), try c.periodMarks(student: student.id, classID: student.classID!),
             try c.acknowledgements(student: student.id), try c.academicYear(containing: visit.today))
        }
        let absences = try database.read {
            try $0.absenceCounts(student: student.id, from: year?.startsOn ?? visit.today, to: visit.today)
        }
        let subjects = Array(Set(finals.map(\.subject))).sorted()
        // Column heads: «I», «II»…, the full name on hover.
        let header: [HTML] = periods.map { p in
            let roman = p.name.split(separator: " ").first.map(String.init) ?? p.name
            return "<th title=\"\(p.name)\">\(roman)</th>"
        }
        let rows: [HTML] = subjects.map { subject in
            let cells: [HTML] = periods.map { p in
                let v = finals.first { $0.subject == subject && $0.periodID == p.id }?.value
                return "<td>\(v.map { "<span class=\"mark m\($0)\">\($0)</span>" as HTML } ?? "—")</td>"
            }
            return "<tr><th scope=\"row\">\(subject)</th>\(each: cells)</tr>"
        }
        let canAcknowledge = AccessPolicy.permits(actor, .acknowledgeFinals, .student(id: student.id, classID: student.classID))
        let ackItems: [HTML] = periods.filter { p in p.endsOn < visit.today && finals.contains { $0.periodID == p.id } }.map { p in
            if let a = acks.first(where: { $0.periodID == p.id }) {
                return "<li>\(p.name): ознакомлен(а) — \(a.guardian)</li>"
            }
            guard canAcknowledge else { return "<li>\(p.name): родители ещё не ознакомились</li>" }
            return """
                <li><form method="post" action="/diary/\(student.id)/acknowledge" class="inline">
                <input type="hidden" name="_csrf" value="\(visit.csrfToken)"><input type="hidden" name="period" value="\(p.id)">
                \(p.name): <button type="submit">Ознакомлен(а) с итоговыми отметками</button></form></li>
                """
        }
        let attendance: [HTML] = AbsenceCode.allCases.map { "<li>\(DiaryView.absence($0)): <b>\(absences[$0] ?? 0)</b></li>" }
        return try frame(visit, student, tab: "/finals", title: "Итоги", """
            <section class="card"><h2>Итоговые отметки</h2>
            \(rows.isEmpty ? "<p class=\"muted\">Итоговых отметок пока нет.</p>" as HTML : "<div class=\"table-wrap\"><table class=\"finals\"><thead><tr><th>Предмет</th>\(each: header)</tr></thead><tbody>\(each: rows)</tbody></table></div>")
            \(ackItems.isEmpty ? "" as HTML : "<ul class=\"acks\">\(each: ackItems)</ul>")
            </section>
            <section class="card"><h2>Пропуски за учебный год</h2><ul class="attendance">\(each: attendance)</ul></section>
            """)
    }

    func acknowledge(_ visit: Visit) throws -> Response {
        let student = try load(visit)
        guard let classID = student.classID else { throw HTTPError.notFound }
        try DiaryDesk(database: database).acknowledge(student: student.id, classID: classID, period: Int(try visit.request.form()["period"] ?? "") ?? 0,
                                                      today: visit.today, by: visit.editor)
        return .redirect(to: "/diary/\(student.id)/finals")
    }

    func reportMark(_ visit: Visit) throws -> Response {
        let student = try load(visit)
        let markID = try visit.request.pathParameters.int("mark")
        try DiaryDesk(database: database).reportMark(markID, student: student.id, classID: student.classID, text: try visit.request.form()["text"] ?? "",
                                                     by: visit.editor)
        return .redirect(to: "/diary/\(student.id)/marks?reported=1")
    }

    static func fives(_ n: Int) -> String {
        let tens = n % 100, units = n % 10
        if (11...14).contains(tens) { return "пятёрок" }
        return units == 1 ? "пятёрка" : (2...4).contains(units) ? "пятёрки" : "пятёрок"
    }
}
