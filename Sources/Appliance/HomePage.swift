import Desks
import Diary
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The signed-in start page: who you are, today's bells, and the sections you can open.
enum HomePage {
    static func routes(database: Database) -> [AppRoute] {
        [markReports(database), answerReport(database), AppRoute(.get, "/", .school(.viewOwnAccount)) { visit in
            let actor = visit.actor!
            let (school, year, bells, person, children, classes) = try database.read { c in
                let year = try c.currentAcademicYear(on: visit.today)
                return (try c.school(), year, try c.mainBells(), try c.personSummary(actor.personID, year: year?.id ?? -1),
                        try c.studentNames(actor.students.sorted()), try c.classesLed(by: actor.personID, year: year?.id ?? -1))
            }
            // A teacher sees the reports on marks from their own lessons.
            let reports = AccessPolicy.permits(actor, .teachLessons, .school) ? try database.read { try $0.markReports(teacher: actor.personID, limit: 20) } : []
            let changed = visit.request.query["password"] == "changed"
            // The announcements and events of the coming two weeks.
            let events = try EventsDesk(database: database).events(for: actor, from: visit.today, to: visit.today.adding(days: 14))
            let more: HTML = "<p><a href=\"/events\">\(visit.words.allEvents)</a></p>"
            return Layout.response(page(visit: visit, actor: actor, school: school, year: year, bells: bells, person: person,
                                        children: children, classes: classes, reports: reports, passwordChanged: changed,
                                        backupWarning: BackupsPage.homeWarning(visit, database: database),
                                        events: events.isEmpty ? .empty : EventView.card(visit.words.eventsTitle, events, visit.words, more: more)))
        }]
    }

    /// The sections this actor may open (the gate checks each again when it is opened).
    static func sections(_ actor: Actor, children: [(id: Int, name: String)], classes: [SchoolClass] = [], _ w: Words) -> [(String, String, String)] {
        var links: [(String, String, String)] = []
        for child in children {
            links.append(("/diary/\(child.id)", actor.personID == child.id ? w.sectionMyDiary : w.sectionChildDiary(child.name), w.sectionDiaryText))
        }
        if AccessPolicy.permits(actor, .viewNotifications, .school) {
            links.append(("/notifications", w.notificationsTitle, w.notificationsHomeHint))
        }
        if AccessPolicy.permits(actor, .teachLessons, .school) {
            links.append(("/day", w.menuMyDay, w.sectionMyDayText))
        }
        if AccessPolicy.permits(actor, .listJournals, .school) {
            links.append(("/journal", w.menuJournals, w.sectionJournalsText))
        }
        if AccessPolicy.permits(actor, .grantUnlocks, .school) {
            links.append(("/unlocks", w.sectionUnlocks, w.sectionUnlocksText))
        }
        if AccessPolicy.permits(actor, .viewTimetableChanges, .school) {
            links.append(("/changes", w.sectionChanges, w.sectionChangesText))
        }
        if AccessPolicy.permits(actor, .manageTimetable, .school) {
            links.append(("/day?teacher=", w.sectionSubstitutions, w.sectionSubstitutionsText))
        }
        if AccessPolicy.permits(actor, .viewTimetable, .school) || AccessPolicy.permits(actor, .viewTimetable, .person(id: actor.personID, classes: [], isStaff: true)) {
            links.append(("/timetable", w.timetableTitle, AccessPolicy.permits(actor, .manageTimetable, .school)
                ? w.timetableHomeHintManager : w.timetableHomeHint))
        }
        if AccessPolicy.permits(actor, .changeSettings, .school) {
            links.append(("/settings", w.sectionSettings, w.sectionSettingsText))
            links.append(("/backups", w.backupsTitle, w.backupsLinkHint))
        }
        if AccessPolicy.permits(actor, .viewAudit, .school) {
            links.append(("/audit", w.sectionAudit, w.sectionAuditText))
        }
        if AccessPolicy.permits(actor, .viewReports, .school) || !actor.classTeacherOf.isEmpty
            || AccessPolicy.permits(actor, .viewReports, .person(id: actor.personID, classes: [], isStaff: true)) {
            links.append(("/reports", w.reportsSection, w.reportsSectionText))
        }
        if AccessPolicy.permits(actor, .viewReports, .school) {
            links.append(("/mark-reports", w.sectionReports, w.sectionReportsText))
        }
        if AccessPolicy.permits(actor, .viewPeople, .school) {
            links.append(("/people", w.sectionPeople, w.sectionPeopleText))
        }
        if AccessPolicy.permits(actor, .viewStructure, .school) {
            links.append(("/school", w.structureTitle, w.structureMenuHint))
        }
        if AccessPolicy.permits(actor, .postEvents, .school) || actor.classTeacherOf.contains(where: { AccessPolicy.permits(actor, .postEvents, .schoolClass($0)) }) {
            links.append(("/events", w.eventsTitle, w.eventsHomeHint))
        }
        if AccessPolicy.permits(actor, .importData, .school) {
            links.append(("/imports", w.importsTitle, w.importsHomeHint))
        }
        // A class teacher's own class: its page, and its login slips.
        for schoolClass in classes where actor.classTeacherOf.contains(schoolClass.id) {
            if AccessPolicy.permits(actor, .viewPeople, .schoolClass(schoolClass.id)) {
                links.append(("/classes/\(schoolClass.id)", w.sectionMyClass(schoolClass.name), w.sectionMyClassText))
            }
            if AccessPolicy.permits(actor, .issueSlips, .schoolClass(schoolClass.id)) {
                links.append(("/classes/\(schoolClass.id)/slips", w.sectionClassSlips(schoolClass.name), w.sectionClassSlipsText))
            }
        }
        links.append(("/password", w.sectionPassword, w.sectionPasswordText))
        return links
    }

    /// A student is greeted by first name («Здравствуй, Артём!»), grown-ups by name and patronymic.
    static func greeting(_ actor: Actor, _ person: PersonSummary?, _ w: Words) -> String {
        guard let card = person?.card else { return w.greeting }
        if actor.roles == [.student] { return w.greetStudent(card.firstName) }
        return w.greetAdult([card.firstName, card.middleName].filter { !$0.isEmpty }.joined(separator: " "))
    }

    static func page(visit: Visit, actor: Actor, school: School?, year: AcademicYear?, bells: [Bell],
                     person: PersonSummary?, children: [(id: Int, name: String)], classes: [SchoolClass], reports: [MarkReport],
                     passwordChanged: Bool, backupWarning: HTML = .empty, events: HTML = .empty) -> HTML {
        let today = visit.today
        let w = visit.words
        let bellRows: [HTML] = bells.map {
            "<tr><td>\($0.number)</td><td>\($0.startsAt.description)–\($0.endsAt.description)</td></tr>"
        }
        let links: [HTML] = sections(actor, children: children, classes: classes, w).map { "<a href=\"\($0.0)\">\($0.1)<small>\($0.2)</small></a>" }
        let roles = actor.roles.sorted { $0.rawValue < $1.rawValue }.map(w.role).joined(separator: ", ")
        let notice: HTML = year == nil ? "<p class=\"notice\">\(w.noSchoolYear)</p>" : ""
        return Layout.page(title: w.homeTitle, school: school,
                           user: SignedIn(visit, name: person?.card.shortName ?? ""), """
            <main>
            \(passwordChanged ? "<p class=\"notice\">\(w.passwordChanged)</p>" as HTML : "")\(visit.request.query["answered"] == "1" ? "<p class=\"notice\">\(w.reportAnswered)</p>" as HTML : "")
            <h1>\(greeting(actor, person, w))</h1>
            <p class="muted">\(w.dayLine(today))\(year.map { " · \(w.schoolYear($0.name))" } ?? "") · \(roles)</p>
            \(notice)\(backupWarning)
            <div class="links">\(each: links)</div>
            \(reports.isEmpty ? "" as HTML : reportList(w.reportsAboutYourMarks, reports, w, answer: answerForm(visit, back: "/")))\(events)
            <div class="card spaced"><h2>\(w.bellsTitle)</h2>
            <div class="table-wrap"><table><thead><tr><th>\(w.bellsLesson)</th><th>\(w.bellsTime)</th></tr></thead><tbody>\(each: bellRows)</tbody></table></div>
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
            let w = visit.words
            return Layout.response(Layout.page(title: w.reportsTitle, school: school,
                                               user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                               nav: [(w.menuHome, "/")],
                                               "<main>\(visit.request.query["answered"] == "1" ? "<p class=\"notice\">\(w.reportAnswered)</p>" as HTML : "")\(reportList(w.sectionReports, reports, w, answer: answerForm(visit, back: "/mark-reports")))</main>"))
        }
    }

    /// `POST /mark-reports/{id}/answer`: the teacher of the mark's lesson (or the deputy, the
    /// administrator) answers a report, and with `close` closes it; back to `back`.
    static func answerReport(_ database: Database) -> AppRoute {
        AppRoute(.post, "/mark-reports/{id:int}/answer", .policy(.answerMarkReports) { visit in
            let id = try visit.request.pathParameters.int("id")
            guard let resource = try database.read({ c in try c.markReportTarget(id).flatMap { try c.lessonResource($0.lesson) } }) else {
                throw HTTPError.notFound
            }
            return resource
        }) { visit in
            let form = try visit.request.form()
            try DiaryDesk(database: database).answerReport(try visit.request.pathParameters.int("id"), answer: form["answer"] ?? "",
                                                           close: form["close"] == "1", by: visit.editor)
            let back = form["back"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
            return .redirect(to: back + (back.contains("?") ? "&" : "?") + "answered=1")
        }
    }

    /// The answer form of one report, for a list the visitor may answer from.
    static func answerForm(_ visit: Visit, back: String) -> (MarkReport) -> HTML {
        let w = visit.words
        return { r in
            """
            <form method="post" action="/mark-reports/\(r.id)/answer" class="report-answer-form">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)"><input type="hidden" name="back" value="\(back)">
            <label for="answer\(r.id)">\(w.answerLabel)</label>
            <textarea id="answer\(r.id)" name="answer" rows="2" maxlength="1000">\(r.answer)</textarea>
            <button type="submit">\(w.answerButton)</button>
            <button type="submit" name="close" value="1" class="secondary">\(w.answerAndClose)</button>
            </form>
            """
        }
    }

    /// The reports as a table under `title` (a class page shows its class's with its own words);
    /// `answer` adds the answer form to each row where the visitor may answer.
    static func reportList(_ title: String, _ reports: [MarkReport], _ w: Words = .russian, answer: ((MarkReport) -> HTML)? = nil) -> HTML {
        let rows: [HTML] = reports.map {
            let answered: HTML = $0.answer.isEmpty ? "" : "<p class=\"small\"><b>\(w.teachersAnswer):</b> \($0.answer)</p>"
            return "<tr><td>\(w.date($0.date))</td><td>\($0.className)</td><td>\($0.subject)</td><td>\($0.student)</td><td><span class=\"mark \($0.value.cssClass)\">\(w.markShort($0.value))</span></td><td>\($0.text) <small class=\"muted\">— \($0.reportedBy)</small>\(answer == nil ? answered : "")\(answer?($0) ?? "")</td></tr>"
        }
        return """
            <section class="card spaced"><h2>\(title)</h2>
            \(rows.isEmpty ? "<p class=\"muted\">\(w.reportsNone)</p>" as HTML : "<div class=\"table-wrap\"><table><thead><tr><th>\(w.reportsLesson)</th><th>\(w.reportsClass)</th><th>\(w.reportsSubject)</th><th>\(w.reportsStudent)</th><th>\(w.reportsMark)</th><th>\(w.reportsMessage)</th></tr></thead><tbody>\(each: rows)</tbody></table></div>")
            </section>
            """
    }
}
