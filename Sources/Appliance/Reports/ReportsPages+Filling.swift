import Desks
import Domain
import HTTP
import Routing
import Setup
import Storage
import WebUI
import Words

/// Накопляемость in the browser and as CSV: per teacher, class and subject, students with no
/// mark and with one, lessons with a topic and with homework. The administration reads the
/// whole school, a class teacher their class, a teacher their own teaching.
extension ReportsPages {
    /// The filters of the query; a visitor who does not read the whole school and names no
    /// class reads their own teaching.
    static func filter(_ visit: Visit) throws -> ReportsDesk.Filter {
        let q = try ReportQuery(visit)
        let actor = visit.actor!
        let whole = AccessPolicy.permits(actor, .viewReports, .school)
        let teacher = q.teacher ?? (q.classID == nil && !whole ? actor.personID : nil)
        return ReportsDesk.Filter(classID: q.classID, teacher: teacher, subject: q.subject, periodID: q.periodID, from: q.from, to: q.to, yearID: q.yearID)
    }

    @Sendable static func filterResource(_ visit: Visit) throws -> Resource { try filter(visit).resource }

    func fillingPage(_ visit: Visit) throws -> Response {
        let w = visit.words
        let scope = try Self.filter(visit)
        let report = try desk.filling(scope, today: visit.today, by: visit.editor)
        let form = try filterForm(visit, path: "/reports/filling", scope, report.period, report.from, report.to, periods: report.periods)
        let rows: [HTML] = report.rows.map { r in
            """
            <tr><td>\(r.teacher)</td><td>\(r.className)</td><td>\(r.subject)\(r.group.map { " (\($0))" } ?? "")</td><td>\(r.students)</td>
            \(r.marksEnabled ? "<td>\(w.reportNumber(r.noMarksPercent)) <small class=\"muted\">(\(r.noMarks))</small></td>" as HTML : "<td>—</td>")
            \(r.marksEnabled ? "<td>\(w.reportNumber(r.oneMarkPercent)) <small class=\"muted\">(\(r.oneMark))</small></td>" as HTML : "<td>—</td>")
            <td>\(r.lessons)</td><td>\(w.reportNumber(r.topicPercent))</td><td>\(w.reportNumber(r.homeworkPercent))</td></tr>
            """
        }
        return try tableReport(visit, title: w.fillingReportTitle, form: form, from: report.from, to: report.to, kind: "filling",
                               headings: [w.reportTeacher, w.reportClass, w.reportSubject, w.reportStudents, w.reportNoMarks, w.reportOneMark,
                                          w.reportLessonsHeld, w.reportWithTopic, w.reportWithHomework],
                               rows: rows, empty: w.reportNoLessons, explained: w.fillingReportExplained, chart: Self.fillingChart(report.rows, w).svg)
    }

    /// Each teacher's share of lessons with a topic, with the shares of topics and homework beside it.
    static func fillingChart(_ rows: [FillingRow], _ w: Words) -> BarChart {
        BarChart(
            id: "chart-filling", title: w.chartFillingTitle, description: w.chartFillingDescription,
            rows: FillingRow.perTeacher(rows).map { t in
                BarChart.Row(label: t.teacher, segments: [BarChart.Segment(t.topicPercent ?? 0, BarChart.palette[0])],
                             figures: w.chartFillingFigures(topic: w.reportNumber(t.topicPercent), homework: w.reportNumber(t.homeworkPercent)))
            },
            scale: 100)
    }

    func fillingCSV(_ visit: Visit) throws -> Response {
        let w = visit.words
        let report = try desk.filling(try Self.filter(visit), today: visit.today, by: visit.editor)
        var csv = CSVWriter(separator: ";")
        csv.row([w.fillingReportTitle, w.reportDateRange(report.from, report.to)])
        csv.row([w.reportTeacher, w.reportClass, w.reportSubject, w.reportGroup, w.reportStudents, w.reportNoMarks, w.reportNoMarksCount,
                 w.reportOneMark, w.reportOneMarkCount, w.reportLessonsHeld, w.reportWithTopic, w.reportWithHomework])
        for r in report.rows {
            csv.row([r.teacher, r.className, r.subject, r.group ?? "", String(r.students), r.noMarksPercent.map(w.weight) ?? "", String(r.noMarks),
                     r.oneMarkPercent.map(w.weight) ?? "", String(r.oneMark), String(r.lessons), r.topicPercent.map(w.weight) ?? "",
                     r.homeworkPercent.map(w.weight) ?? ""])
        }
        var response = Response(status: 200, contentType: "text/csv; charset=utf-8", body: [0xEF, 0xBB, 0xBF] + Array(csv.text.utf8))
        response.headers.add("Content-Disposition", "attachment; filename=\"filling-\(report.from.iso)-\(report.to.iso).csv\"")
        return response
    }

    /// The query of a filling report as shown, for its export.
    static func query(_ scope: ReportsDesk.Filter, _ period: Period?, _ from: CivilDate, _ to: CivilDate) -> String {
        var parts: [String] = []
        if let c = scope.classID { parts.append("class=\(c)") }
        if let t = scope.teacher { parts.append("teacher=\(t)") }
        if let s = scope.subject { parts.append("subject=\(s)") }
        if let y = scope.yearID { parts.append("year=\(y)") }
        parts.append(period.map { "period=\($0.id)" } ?? "from=\(from.iso)&to=\(to.iso)")
        return parts.joined(separator: "&")
    }

    /// The filters of a school-wide report: class, teacher (for those who read the whole school),
    /// subject, period or dates, with the export of what is shown.
    func filterForm(_ visit: Visit, path: String, _ scope: ReportsDesk.Filter, _ period: Period?, _ from: CivilDate, _ to: CivilDate,
                    periods: [Period]) throws -> HTML {
        let w = visit.words
        let whole = AccessPolicy.permits(visit.actor!, .viewReports, .school)
        let classes = try desk.classes(today: visit.today, year: scope.yearID, by: visit.editor)
        let (teachers, subjects) = try database.read { c in (whole ? try c.teacherList() : [], try c.subjectList()) }
        func options(_ items: [(id: Int, name: String)], _ selected: Int?) -> HTML {
            "<option value=\"\">\(w.all)</option>" + HTML(trusted: items.map {
                "<option value=\"\($0.id)\"\($0.id == selected ? " selected" : "")>\(HTML.escaped($0.name))</option>"
            }.joined())
        }
        let periodOptions = HTML(trusted: periods.map {
            "<option value=\"\($0.id)\"\($0.id == period?.id ? " selected" : "")>\(HTML.escaped(w.period($0)))</option>"
        }.joined())
        let teacherFilter: HTML = whole ? "<label>\(w.reportTeacher) <select name=\"teacher\">\(options(teachers, scope.teacher))</select></label>" : ""
        return """
            <form method="get" action="\(path)" class="card search">\(scope.yearID.map { "<input type=\"hidden\" name=\"year\" value=\"\($0)\">" as HTML })
            <label>\(w.reportClass) <select name="class">\(options(classes, scope.classID))</select></label>
            \(teacherFilter)
            <label>\(w.reportSubject) <select name="subject">\(options(subjects, scope.subject))</select></label>
            <label>\(w.reportPeriod) <select name="period">\(periodOptions)</select></label>
            <label>\(w.reportDates) \(w.reportFrom) <input type="date" name="from" value="\(period == nil ? from.iso : "")"></label>
            <label>\(w.reportTo) <input type="date" name="to" value="\(period == nil ? to.iso : "")"></label>
            <button>\(w.show)</button> <a class="button secondary" href="\(path).csv?\(Self.query(scope, period, from, to))">\(w.downloadCSV)</a>
            </form>
            """
    }
}
