import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The electronic diary for students and guardians: the week, marks by subject with the
/// average and forecast, final marks and attendance; acknowledgements and wrong-mark reports.
///
/// - Important: a student id outside what the session may see answers 404, exactly like an
///   id that does not exist (`hidesRefusal`), and personal pages are never cached.
public struct DiaryPages: Sendable {
    let database: Database
    /// The school's clock: its offset turns times of day into the school's dates.
    let clock: SchoolClock
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
        /// «Лично тебе» or «Лично для …»: the student and a parent see the week differently.
        let personal: String
        let language: Language
    }

    public init(database: Database, clock: SchoolClock) {
        self.database = database
        self.clock = clock
        api = DiaryAPI(database: database, clock: clock)
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
            AppRoute(.get, "/api/v1/students/{id:int}/finals", .policy(.viewDiary, resource: student), hidesRefusal: true) { visit in
                try api.finals(visit)
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
        // A leaver of an earlier year (a graduate) reads their last year.
        let s = try database.read { c in
            try c.diaryStudent(id, on: try Self.day(visit, c)).flatMap { $0.classID == nil ? nil : $0 }
                ?? c.studentYears(id).last.flatMap { try c.diaryStudent(id, on: $0.endsOn) }
        }
        guard let s, s.classID != nil else { throw HTTPError.notFound }
        return s
    }

    /// `?year=…` of an earlier year chosen, for the links that stay in it.
    static func yearQuery(_ visit: Visit) -> String { visit.request.query["year"].flatMap(Int.init).map { "?year=\($0)" } ?? "" }

    /// The day whose school year the diary shows: of `?year=` (an earlier year: its last day), of
    /// `?period=`, of `?week=`, else today.
    static func day(_ visit: Visit, _ c: Connection) throws -> CivilDate {
        let q = visit.request.query
        if let id = q["year"].flatMap(Int.init), let year = try c.academicYear(id: id) { return min(year.endsOn, max(year.startsOn, visit.today)) }
        if let id = q["period"].flatMap(Int.init), let period = try c.period(id) { return period.period.startsOn }
        if let week = q["week"].flatMap({ CivilDate(iso: $0) }) { return week }
        return visit.today
    }

    /// The page frame: child switcher, the three views, the content.
    func frame(_ visit: Visit, _ student: DiaryStudent, tab: String, title: String, _ content: HTML) throws -> Response {
        let actor = visit.actor!
        let (school, me, children, years, shown) = try database.read { c in
            (try c.school(), try c.personSummary(actor.personID, year: -1), try c.studentNames(actor.students.sorted()),
             try c.studentYears(student.id), try c.academicYear(containing: try Self.day(visit, c)))
        }
        let w = visit.words
        // The student's earlier years: each opens the same view of that year (moving up a year is
        // no leaving: the leaver's notice is for the last year only).
        let chooser: [HTML] = years.count < 2 ? [] : years.map {
            "<a href=\"/diary/\(student.id)\(tab)?year=\($0.id)\"\($0.id == shown?.id ? " aria-current=\"page\"" as HTML : "")>\($0.name)</a>"
        }
        let switcher: [HTML] = children.count > 1 ? children.map {
            "<a href=\"/diary/\($0.id)\"\($0.id == student.id ? " aria-current=\"page\"" as HTML : "")>\($0.name)</a>"
        } : []
        let page = Layout.page(title: title, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                               nav: [(w.menuHome, "/")], """
            <main class="diary">
            \(switcher.isEmpty ? "" as HTML : "<nav class=\"children\" aria-label=\"\(w.children)\">\(each: switcher)</nav>")\
            \(chooser.isEmpty ? "" as HTML : "<nav class=\"children years\" aria-label=\"\(w.archiveYear)\">\(each: chooser)</nav>")
            <h1>\(student.name)<small>, \(student.className)</small></h1>\(student.leftOn.flatMap { left in shown?.id == years.last?.id || years.count < 2 ? "\n<p class=\"notice\">\(w.diaryOfLeaver(w.date(left)))</p>" as HTML : nil })
            \(DiaryView.tabs(base: "/diary/\(student.id)", current: tab, query: Self.yearQuery(visit), w))
            \(content)
            </main>
            """)
        return Layout.response(page)
    }

    func weekPage(_ visit: Visit) throws -> Response {
        let student = try load(visit)
        var monday = try Self.monday(visit)
        if visit.request.query["week"] == nil, visit.request.query["year"] != nil {
            // An earlier year opens at its last week of lessons.
            let day = try database.read { c in try Self.day(visit, c) }
            let last = try database.read { c in try c.periods(classID: student.classID!).last?.endsOn } ?? day
            monday = min(day, last).startOfWeek
        }
        let base = "/diary/\(student.id)"
        // The school's and the class's announcements and events of the week, above it.
        let events = try student.classID.map { try EventsDesk(database: database).events(classID: $0, from: monday, to: monday.adding(days: 6)) } ?? []
        return try frame(visit, student, tab: "", title: visit.words.menuDiary, """
            \(try notices(visit, student: student.id))\(DiaryView.weekNav(base: base, monday: monday, today: visit.today, visit.words))\(EventView.card(visit.words.eventsWeekTitle, events, visit.words))
            \(try week(student, monday: monday, visit: visit))
            """)
    }

    /// The reader's unread notifications about `student` (a guardian's), with the way to all of them.
    func notices(_ visit: Visit, student: Int) throws -> HTML {
        let unread = try database.read { try $0.notifications(of: visit.actor!.personID, limit: 20) }.filter { !$0.read && $0.student == student }
        guard !unread.isEmpty else { return "" }
        let w = visit.words
        return """
            <section class="card notices"><h2>\(w.unreadNotifications(unread.count))</h2>\(NotificationPages.list(Array(unread.prefix(5)), offset: clock.utcOffsetMinutes, w))\
            <p><a href="/notifications">\(w.allNotifications)</a></p></section>
            """
    }

    /// The week of `student` from `monday` as `visit`'s reader sees it, drawn once per version
    /// of the class's and the school's data (shared with the kiosk).
    public func week(_ student: DiaryStudent, monday: CivilDate, visit: Visit) throws -> HTML {
        guard let classID = student.classID else { throw HTTPError.notFound }
        let w = visit.words
        let personal = DiaryView.personalLabel(student, readBy: visit.actor?.personID ?? 0, w)
        let version = try database.read { try $0.journalVersion(classID: classID) }
        let key = WeekKey(student: student.id, classID: classID, monday: monday, today: visit.today,
                          classVersion: version.class, schoolVersion: version.school, personal: personal, language: w.language)
        return try weeks.value(key) {
            let lessons = try database.read {
                try $0.diaryLessons(student: student.id, classID: classID, from: monday, to: monday.adding(days: 6), utcOffsetMinutes: clock.utcOffsetMinutes)
            }
            return DiaryView.week(monday: monday, lessons: lessons, today: visit.today, personal: personal, w)
        }
    }

    /// The Monday of `?week=` (any date of that week), or of today.
    public static func monday(_ visit: Visit) throws -> CivilDate {
        guard let text = visit.request.query["week"] else { return visit.today.startOfWeek }
        guard let date = CivilDate(iso: text) else { throw HTTPError.badRequest(visit.words.weekExpected) }
        return date.startOfWeek
    }

    /// The period of `?period=`, or the one containing today (else the last that began).
    static func period(_ visit: Visit, _ periods: [Period]) throws -> Period? {
        if let text = visit.request.query["period"] {
            guard let id = Int(text), let p = periods.first(where: { $0.id == id }) else { throw HTTPError(status: 404, message: visit.words.noSuchPeriod) }
            return p
        }
        return periods.first { $0.contains(visit.today) } ?? periods.last { $0.startsOn <= visit.today } ?? periods.first
    }

    /// Marks by subject in the period of `?period=` (shared with the kiosk, which passes no `report`).
    public func marks(_ student: DiaryStudent, base: String, visit: Visit, report: ((SubjectMark) -> HTML)? = nil) throws -> HTML {
        guard let classID = student.classID else { throw HTTPError.notFound }
        let periods = try database.read { try $0.periods(classID: classID) }
        guard let period = try Self.period(visit, periods) else { throw HTTPError.notFound }
        let (subjects, rule) = try database.read {
            (try $0.subjectMarks(student: student.id, classID: classID, from: period.startsOn, to: period.endsOn, period: period.id),
             try $0.schoolSettings().rounding)
        }
        return DiaryView.marks(base: base, subjects: subjects, periods: periods, period: period, rule: rule, report: report, visit.words)
    }

    func marksPage(_ visit: Visit) throws -> Response {
        let student = try load(visit)
        let canReport = AccessPolicy.permits(visit.actor!, .reportMark, .student(id: student.id, classID: student.classID))
        let w = visit.words
        let report: ((SubjectMark) -> HTML)? = canReport ? { m in
            """
            <details class="report"><summary>\(w.wrongMark)</summary>
            <form method="post" action="/diary/\(student.id)/marks/\(m.mark.id)/report">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <label for="r\(m.mark.id)">\(w.whatIsWrong(mark: m.mark.value, date: m.date))</label>
            <textarea id="r\(m.mark.id)" name="text" rows="2" maxlength="500" required></textarea>
            <button type="submit">\(w.tellTheTeacher)</button></form></details>
            """
        } : nil
        return try frame(visit, student, tab: "/marks", title: w.tabMarks, """
            \(visit.request.query["reported"] == "1" ? "<p class=\"notice\">\(w.reportSent)</p>" as HTML : "")
            \(try marks(student, base: "/diary/\(student.id)", visit: visit, report: report))
            """)
    }

    /// Final marks, acknowledgements and absences (shared with the kiosk, which passes no `acknowledge`).
    public func finals(_ student: DiaryStudent, visit: Visit, acknowledge: ((Period) -> HTML)? = nil) throws -> HTML {
        guard let classID = student.classID else { throw HTTPError.notFound }
        let (periods, finals, acks, year) = try database.read { c in
            (try c.periods(classID: classID), try c.studentFinals(student: student.id, classID: classID),
             try c.acknowledgements(student: student.id), try c.currentAcademicYear(on: visit.today))
        }
        let absences = try database.read {
            try $0.absenceCounts(student: student.id, from: year?.startsOn ?? visit.today, to: visit.today)
        }
        return DiaryView.finals(periods: periods, finals: finals,
                                acknowledgements: acks.map {
                                    DiaryView.Acknowledgement(periodID: $0.periodID, guardian: $0.guardian,
                                                              date: SchoolDateTime(unixSeconds: $0.at, offsetMinutes: clock.utcOffsetMinutes).date,
                                                              message: $0.message)
                                },
                                absences: absences, today: visit.today, acknowledge: acknowledge, visit.words)
    }

    func finalsPage(_ visit: Visit) throws -> Response {
        let student = try load(visit)
        let canAcknowledge = AccessPolicy.permits(visit.actor!, .acknowledgeFinals, .student(id: student.id, classID: student.classID))
        let acknowledge: ((Period) -> HTML)? = canAcknowledge ? { p in
            """
            <li><form method="post" action="/diary/\(student.id)/acknowledge" class="ack">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)"><input type="hidden" name="period" value="\(p.id)">
            <b>\(visit.words.period(p))</b>
            <label for="ack\(p.id)">\(visit.words.ackMessageLabel)</label>
            <textarea id="ack\(p.id)" name="message" rows="2" maxlength="1000"></textarea>
            <button type="submit">\(visit.words.acknowledge)</button></form></li>
            """
        } : nil
        return try frame(visit, student, tab: "/finals", title: visit.words.tabFinals, try finals(student, visit: visit, acknowledge: acknowledge))
    }

    func acknowledge(_ visit: Visit) throws -> Response {
        let student = try load(visit)
        guard let classID = student.classID else { throw HTTPError.notFound }
        let form = try visit.request.form()
        try DiaryDesk(database: database).acknowledge(student: student.id, classID: classID, period: Int(form["period"] ?? "") ?? 0,
                                                      message: form["message"] ?? "", today: visit.today, by: visit.editor)
        return .redirect(to: "/diary/\(student.id)/finals")
    }

    func reportMark(_ visit: Visit) throws -> Response {
        let student = try load(visit)
        let markID = try visit.request.pathParameters.int("mark")
        try DiaryDesk(database: database).reportMark(markID, student: student.id, classID: student.classID, text: try visit.request.form()["text"] ?? "",
                                                     by: visit.editor)
        return .redirect(to: "/diary/\(student.id)/marks?reported=1")
    }
}
