import Desks
import Domain
import HTTP
import Routing
import Setup
import Storage
import WebUI
import Words

/// Marks and homework entered later than the school's deadlines, per teacher, in the browser and as CSV.
extension ReportsPages {
    func timeliness(_ visit: Visit) throws -> (ReportsDesk.Filter, ReportsDesk.Timeliness) {
        let scope = try Self.filter(visit)
        return (scope, try desk.timeliness(scope, today: visit.today, utcOffsetMinutes: clock.utcOffsetMinutes, by: visit.editor))
    }

    func timelinessPage(_ visit: Visit) throws -> Response {
        let w = visit.words
        let (scope, report) = try timeliness(visit)
        let form = try filterForm(visit, path: "/reports/timeliness", scope, report.period, report.from, report.to, periods: report.periods)
        let rows: [HTML] = report.rows.map { r in
            """
            <tr><td>\(r.teacher)</td><td>\(r.marks)</td><td>\(r.lateMarks)</td><td>\(w.reportNumber(r.lateMarksPercent))</td>
            <td>\(r.homework)</td><td>\(r.lateHomework)</td><td>\(w.reportNumber(r.lateHomeworkPercent))</td></tr>
            """
        }
        return try tableReport(visit, title: w.timelinessReportTitle, form: form, from: report.from, to: report.to, kind: "timeliness",
                               headings: [w.reportTeacher, w.reportMarksGiven, w.reportLate, w.reportLatePercent, w.reportHomeworkGiven, w.reportLate, w.reportLatePercent],
                               rows: rows, empty: w.reportNoEntries, explained: w.timelinessReportExplained(homeworkMinutes: report.homeworkMinutes))
    }

    func timelinessCSV(_ visit: Visit) throws -> Response {
        let w = visit.words
        let report = try timeliness(visit).1
        var csv = CSVWriter(separator: ";")
        csv.row([w.timelinessReportTitle, w.reportDateRange(report.from, report.to)])
        csv.row([w.reportTeacher, w.reportMarksGiven, w.reportLate, w.reportLatePercent, w.reportHomeworkGiven, w.reportLate, w.reportLatePercent])
        for r in report.rows {
            csv.row([r.teacher, String(r.marks), String(r.lateMarks), r.lateMarksPercent.map(w.weight) ?? "",
                     String(r.homework), String(r.lateHomework), r.lateHomeworkPercent.map(w.weight) ?? ""])
        }
        var response = Response(status: 200, contentType: "text/csv; charset=utf-8", body: [0xEF, 0xBB, 0xBF] + Array(csv.text.utf8))
        response.headers.add("Content-Disposition", "attachment; filename=\"timeliness-\(report.from.iso)-\(report.to.iso).csv\"")
        return response
    }
}
