import Desks
import Domain
import HTTP
import Routing
import Setup
import Storage
import WebUI
import Words

/// The reports in the browser and as CSV (DOMAIN.md, "Reports"): a list of the classes whose
/// reports the visitor reads, and each class's progress and attendance over a period or
/// dates, with its export. Who reads which is the access policy's `viewReports`.
struct ReportsPages: Sendable {
    let database: Database
    let clock: SchoolClock
    var desk: ReportsDesk { ReportsDesk(database: database) }

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/reports", .policy(.viewReports, resource: Self.overview)) { visit in try overview(visit) },
            AppRoute(.get, "/reports/progress", .policy(.viewReports, resource: Self.schoolClass)) { visit in try progressPage(visit) },
            AppRoute(.get, "/reports/progress.csv", .policy(.viewReports, resource: Self.schoolClass)) { visit in try progressCSV(visit) },
            AppRoute(.get, "/reports/filling", .policy(.viewReports, resource: Self.filterResource)) { visit in try fillingPage(visit) },
            AppRoute(.get, "/reports/filling.csv", .policy(.viewReports, resource: Self.filterResource)) { visit in try fillingCSV(visit) },
            AppRoute(.get, "/reports/substitutions", .policy(.viewReports, resource: Self.filterResource)) { visit in try substitutionsPage(visit) },
            AppRoute(.get, "/reports/substitutions.csv", .policy(.viewReports, resource: Self.filterResource)) { visit in try substitutionsCSV(visit) },
            AppRoute(.get, "/reports/forecast", .policy(.viewReports, resource: Self.forecastResource)) { visit in try forecastPage(visit) },
            AppRoute(.get, "/reports/forecast.csv", .policy(.viewReports, resource: Self.forecastResource)) { visit in try forecastCSV(visit) },
            AppRoute(.get, "/reports/timeliness", .policy(.viewReports, resource: Self.filterResource)) { visit in try timelinessPage(visit) },
            AppRoute(.get, "/reports/timeliness.csv", .policy(.viewReports, resource: Self.filterResource)) { visit in try timelinessCSV(visit) },
            AppRoute(.get, "/reports/activity", .school(.viewReports)) { visit in try activityPage(visit) },
            AppRoute(.get, "/reports/activity.csv", .school(.viewReports)) { visit in try activityCSV(visit) },
        ] + ReportsAPI(database: database, clock: clock).routes
    }

    /// The whole school for the administration; a class teacher's first class; a teacher's own teaching.
    @Sendable static func overview(_ visit: Visit) throws -> Resource {
        let actor = visit.actor!
        if AccessPolicy.permits(actor, .viewReports, .school) { return .school }
        return actor.classTeacherOf.min().map { .schoolClass($0) } ?? .person(id: actor.personID, classes: [], isStaff: true)
    }

    /// The `class` of the query: the report's class.
    @Sendable static func schoolClass(_ visit: Visit) throws -> Resource {
        .schoolClass(try scope(visit).classID)
    }

    /// The progress report's scope: `class` (required), `period` or `from` and `to`.
    static func scope(_ visit: Visit) throws -> ReportsDesk.Scope {
        let q = try ReportQuery(visit)
        guard let classID = q.classID else { throw HTTPError.badRequest(visit.words.numberExpected("class")) }
        return ReportsDesk.Scope(classID: classID, periodID: q.periodID, from: q.from, to: q.to)
    }

    func frame(_ visit: Visit, title: String, _ content: HTML) throws -> Response {
        let (school, me) = try database.read { c in (try c.school(), try c.personSummary(visit.actor!.personID, year: -1)) }
        let w = visit.words
        return Layout.response(Layout.page(title: title, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [(label: w.menuHome, href: "/"), (label: w.reportsSection, href: "/reports")], content))
    }

    /// A report that is one table: its title, the filter form, the dates it counts, the table
    /// (or `empty` when it has no row) and how it is counted.
    func tableReport(_ visit: Visit, title: String, form: HTML, from: CivilDate, to: CivilDate, kind: String,
                     headings: [String], rows: [HTML], empty: String, explained: String, chart: HTML = "") throws -> Response {
        let w = visit.words
        let heads: [HTML] = headings.map { "<th scope=\"col\">\($0)</th>" }
        return try frame(visit, title: title, """
            <main class="reports">
            <h1>\(title)</h1>
            \(form)
            <p class="muted">\(w.reportRange): \(w.reportDateRange(from, to))</p>\(chart)
            <div class="table-wrap"><table class="report \(kind)"><thead><tr>\(each: heads)</tr></thead>
            <tbody>\(each: rows)</tbody></table></div>
            \(rows.isEmpty ? "<p class=\"card\">\(empty)</p>" as HTML : "")
            <p class="muted">\(explained)</p>
            </main>
            """)
    }

    func overview(_ visit: Visit) throws -> Response {
        let w = visit.words
        // The reports of a chosen year (`?year=`): an earlier one's classes and periods.
        let (years, current) = try database.read { c in (try c.academicYears(), try c.currentAcademicYear(on: visit.today)) }
        let year = years.first { $0.id == visit.request.query["year"].flatMap(Int.init) } ?? current
        let past = year != nil && year?.id != current?.id
        let classes = try desk.classes(today: visit.today, year: year?.id, by: visit.editor)
        let links: [HTML] = classes.map { "<li><a href=\"/reports/progress?class=\($0.id)\">\($0.name)</a></li>" }
        let forecasts = past ? [] : try forecastLinks(visit, classes: classes)
        let inYear = past ? "?year=\(year!.id)" : ""
        let choice: HTML = years.count < 2 ? "" : """
            <form method="get" action="/reports" class="year-choice"><label for="year">\(w.archiveYear)</label>
            <select id="year" name="year">\(each: years.map { "<option value=\"\($0.id)\"\($0.id == year?.id ? " selected" : "")>\($0.name)</option>" as HTML })</select>
            <button type="submit" class="secondary">\(w.archiveShow)</button></form>
            """
        return try frame(visit, title: w.reportsSection, """
            <main class="reports">
            <h1>\(w.reportsSection)\(years.count < 2 ? "" : year.map { " <small>\($0.name)</small>" as HTML } ?? "")</h1>\(choice)
            <p class="muted">\(w.reportsIntro)</p>
            <nav class="card"><h2><a href="/reports/filling\(inYear)">\(w.fillingReportTitle)</a></h2>
            <h2><a href="/reports/substitutions\(inYear)">\(w.substitutionsReportTitle)</a></h2>
            <h2><a href="/reports/timeliness\(inYear)">\(w.timelinessReportTitle)</a></h2>
            \(AccessPolicy.permits(visit.actor!, .viewReports, .school) ? "<h2><a href=\"/reports/activity\">\(w.activityReportTitle)</a></h2>" as HTML : "")</nav>
            <nav class="card class-links" aria-label="\(w.progressReportTitle)"><h2>\(w.progressReportTitle)</h2>
            \(classes.isEmpty ? "<p>\(w.reportsNoClasses)</p>" as HTML : "<ul>\(each: links)</ul>")</nav>
            <nav class="card class-links" aria-label="\(w.forecastReportTitle)"><h2>\(w.forecastReportTitle)</h2>
            \(forecasts.isEmpty ? "<p>\(w.reportsNoClasses)</p>" as HTML : "<ul>\(each: forecasts)</ul>")</nav>
            </main>
            """)
    }

    // MARK: Progress

    func progressPage(_ visit: Visit) throws -> Response {
        let w = visit.words
        let report = try desk.progress(try Self.scope(visit), today: visit.today, by: visit.editor)
        // The classes of the report's class's year (an earlier year's from the archive).
        let classes = try desk.classes(today: visit.today, year: try database.read { try $0.yearID(class: report.classID) }, by: visit.editor)
        let f = report.figures
        let subjectRows: [HTML] = f.subjects.map { s in
            "<tr><th scope=\"row\">\(s.name)</th><td>\(s.students)</td><td>\(s.rated)</td><td>\(s.average.map(w.decimal) ?? "—")</td>"
                + "<td>\(w.reportNumber(s.quality))</td><td>\(w.reportNumber(s.success))</td>"
                + HTML(trusted: s.counts.map { "<td>\($0)</td>" }.joined()) + "</tr>"
        }
        let studentRows: [HTML] = f.students.map { st in
            let averages = HTML(trusted: f.subjects.map { s in "<td>\(st.averages[s.id].map(w.decimal) ?? "")</td>" }.joined())
            let absences = HTML(trusted: AbsenceCode.allCases.map { "<td>\(st.absences[$0].map { String($0.lessons) } ?? "")</td>" }.joined())
            return "<tr><th scope=\"row\">\(st.name)</th>\(averages)\(absences)\(st.missed.lessons == 0 ? "<td></td><td></td>" as HTML : "<td>\(st.missed.lessons)</td><td>\(w.weight(st.missed.hours))</td>")</tr>"
        }
        let subjectHeads = HTML(trusted: f.subjects.map { "<th scope=\"col\">\(HTML.escaped($0.name))</th>" }.joined())
        let codeHeads = HTML(trusted: AbsenceCode.allCases.map { "<th scope=\"col\" title=\"\(HTML.escaped(w.absence($0)))\">\($0.rawValue)</th>" }.joined())
        let countHeads = HTML(trusted: [5, 4, 3, 2].map { "<th scope=\"col\">\(HTML.escaped(w.reportMarkCount($0)))</th>" }.joined())
        let classOptions = HTML(trusted: classes.map {
            "<option value=\"\($0.id)\"\($0.id == report.classID ? " selected" : "")>\(HTML.escaped($0.name))</option>"
        }.joined())
        let periodOptions = HTML(trusted: report.periods.map {
            "<option value=\"\($0.id)\"\($0.id == report.period?.id ? " selected" : "")>\(HTML.escaped(w.period($0)))</option>"
        }.joined())
        let range = report.period == nil ? "from=\(report.from.iso)&to=\(report.to.iso)" : "period=\(report.period!.id)"
        let preliminary: HTML = report.timing.isPreliminary
            ? "<p class=\"card notice preliminary\">\(w.reportPreliminary(report.timing.endsOn, due: report.timing.preliminaryDue))</p>" : ""
        return try frame(visit, title: w.progressReportOf(report.className), """
            <main class="reports">
            <h1>\(w.progressReportOf(report.className))</h1>
            <form method="get" action="/reports/progress" class="card search">
            <label>\(w.reportClass) <select name="class">\(classOptions)</select></label>
            <label>\(w.reportPeriod) <select name="period">\(periodOptions)</select></label>
            <label>\(w.reportDates) \(w.reportFrom) <input type="date" name="from" value="\(report.period == nil ? report.from.iso : "")"></label>
            <label>\(w.reportTo) <input type="date" name="to" value="\(report.period == nil ? report.to.iso : "")"></label>
            <button>\(w.show)</button> <a class="button secondary" href="/reports/progress.csv?class=\(report.classID)&\(range)">\(w.downloadCSV)</a>
            </form>
            <p class="muted">\(w.reportRange): \(w.reportDateRange(report.from, report.to))</p>
            \(preliminary)
            <h2>\(w.reportBySubject)</h2>
            <div class="table-wrap"><table class="report progress-subjects"><thead><tr><th scope="col">\(w.reportSubject)</th><th scope="col">\(w.reportStudents)</th>
            <th scope="col">\(w.reportRated)</th><th scope="col">\(w.reportAverage)</th><th scope="col">\(w.reportQuality)</th><th scope="col">\(w.reportSuccess)</th>\(countHeads)</tr></thead>
            <tbody>\(each: subjectRows)</tbody></table></div>
            <p class="muted">\(w.progressReportExplained)</p>
            \(Self.marksChart(report, w).svg)
            \(printForms(visit, report))
            <h2>\(w.reportByStudent)</h2>
            <div class="table-wrap"><table class="report progress-students"><thead><tr><th scope="col">\(w.reportStudent)</th>\(subjectHeads)\(codeHeads)
            <th scope="col">\(w.reportMissedLessons)</th><th scope="col">\(w.reportMissedHours)</th></tr></thead>
            <tbody>\(each: studentRows)</tbody></table></div>
            \(Self.attendanceChart(report, w).svg)
            </main>
            """)
    }

    /// The progress report's subjects as bars: the students whose average gives each mark.
    static func marksChart(_ report: ReportsDesk.Progress, _ w: Words) -> BarChart {
        let marks = [5, 4, 3, 2]
        return BarChart(
            id: "chart-marks", title: w.chartMarksTitle, description: w.chartMarksDescription(report.className),
            rows: report.figures.subjects.filter { $0.rated > 0 }.map { s in
                BarChart.Row(label: s.name, segments: zip(s.counts, BarChart.palette).map { BarChart.Segment(Double($0), $1) },
                             figures: zip(marks, s.counts).filter { $1 > 0 }.map { w.chartCount($0, $1) }.joined(separator: " "))
            },
            legend: zip(marks, BarChart.palette).map { (colour: $1, label: w.reportMarkCount($0)) })
    }

    /// The lessons the class missed each week of the report, by reason.
    static func attendanceChart(_ report: ReportsDesk.Progress, _ w: Words) -> BarChart {
        let codes = AbsenceCode.allCases
        let colours = Array(BarChart.palette.reversed())
        return BarChart(
            id: "chart-attendance", title: w.chartAttendanceTitle, description: w.chartAttendanceDescription,
            rows: report.absencesByWeek.map { week in
                let counted = codes.filter { (week.lessons[$0] ?? 0) > 0 }
                return BarChart.Row(label: w.chartWeek(week.week), segments: zip(codes, colours).map { BarChart.Segment(Double(week.lessons[$0] ?? 0), $1) },
                                    figures: counted.isEmpty ? w.chartNoAbsences : counted.map { "\($0.rawValue) \(week.lessons[$0]!)" }.joined(separator: " · "))
            },
            legend: zip(codes, colours).map { (colour: $1, label: $0.rawValue) })
    }

    /// The class's printed documents beside its report: the journal's copy of the period shown
    /// and the summary sheet (for those who read the class's journal).
    func printForms(_ visit: Visit, _ report: ReportsDesk.Progress) -> HTML {
        guard AccessPolicy.permits(visit.actor!, .viewJournal, .schoolClass(report.classID)) else { return "" }
        let w = visit.words
        let period: [(String, String)] = report.period.map { [("period", String($0.id))] } ?? []
        return """
            <div class="tools print-tools">\(PrintButton.form(visit, "journal", w.printJournalButton, fields: [("class", String(report.classID))] + period))\
            \(PrintButton.form(visit, "summary", w.printSummaryButton, fields: [("class", String(report.classID))]))</div>
            """
    }

    /// The progress report as CSV: the subjects' table, a blank line, the students' table.
    func progressCSV(_ visit: Visit) throws -> Response {
        let w = visit.words
        let report = try desk.progress(try Self.scope(visit), today: visit.today, by: visit.editor)
        let f = report.figures
        var csv = CSVWriter(separator: ";")
        csv.row([w.progressReportOf(report.className), w.reportDateRange(report.from, report.to)]
                + (report.timing.isPreliminary ? [w.reportPreliminary(report.timing.endsOn, due: report.timing.preliminaryDue)] : []))
        csv.row([w.reportSubject, w.reportStudents, w.reportRated, w.reportAverage, w.reportQuality, w.reportSuccess] + [5, 4, 3, 2].map(w.reportMarkCount))
        for s in f.subjects {
            csv.row([s.name, String(s.students), String(s.rated), s.average.map(w.decimal) ?? "", s.quality.map(w.weight) ?? "",
                     s.success.map(w.weight) ?? ""] + s.counts.map(String.init))
        }
        csv.row([])
        csv.row([w.reportStudent] + f.subjects.map(\.name) + AbsenceCode.allCases.flatMap { [w.reportAbsenceLessons($0), w.reportAbsenceHours($0)] }
                + [w.reportMissedLessons, w.reportMissedHours])
        for st in f.students {
            csv.row([st.name] + f.subjects.map { st.averages[$0.id].map(w.decimal) ?? "" }
                    + AbsenceCode.allCases.flatMap { c in [String(st.absences[c]?.lessons ?? 0), w.weight(st.absences[c]?.hours ?? 0)] }
                    + [String(st.missed.lessons), w.weight(st.missed.hours)])
        }
        var response = Response(status: 200, contentType: "text/csv; charset=utf-8", body: [0xEF, 0xBB, 0xBF] + Array(csv.text.utf8))
        response.headers.add("Content-Disposition", "attachment; filename=\"progress-\(report.classID)-\(report.from.iso)-\(report.to.iso).csv\"")
        return response
    }

    /// The forecasts the visitor reads: each class they read, and each class subject they teach.
    func forecastLinks(_ visit: Visit, classes: [(id: Int, name: String)]) throws -> [HTML] {
        let actor = visit.actor!
        let read = Set(classes.map(\.id))
        let taught = actor.assignments.filter { !read.contains($0.classID) }
        guard !taught.isEmpty else { return classes.map { "<li><a href=\"/reports/forecast?class=\($0.id)\">\($0.name)</a></li>" } }
        let (names, subjects) = try database.read { c in
            (try c.currentAcademicYear(on: visit.today).map { try c.classList(year: $0.id) } ?? [], try c.subjectList())
        }
        let className = Dictionary(names.map { ($0.id, $0.name) }) { a, _ in a }
        let subjectName = Dictionary(subjects.map { ($0.id, $0.name) }) { a, _ in a }
        let pairs = Set(taught.map { [$0.classID, $0.subjectID] }).sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        return classes.map { "<li><a href=\"/reports/forecast?class=\($0.id)\">\($0.name)</a></li>" }
            + pairs.compactMap { p in
                guard let c = className[p[0]], let s = subjectName[p[1]] else { return nil }
                return "<li><a href=\"/reports/forecast?class=\(p[0])&amp;subject=\(p[1])\">\(c) · \(s)</a></li>"
            }
    }
}
