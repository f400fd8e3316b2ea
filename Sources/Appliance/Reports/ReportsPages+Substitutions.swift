import Desks
import Domain
import HTTP
import Routing
import Setup
import Storage
import WebUI
import Words

/// Missed, cancelled and substituted lessons per teacher and class, in the browser and as CSV.
extension ReportsPages {
    func substitutionsPage(_ visit: Visit) throws -> Response {
        let w = visit.words
        let scope = try Self.filter(visit)
        let report = try desk.substitutions(scope, today: visit.today, by: visit.editor)
        let form = try filterForm(visit, path: "/reports/substitutions", scope, report.period, report.from, report.to, periods: report.periods)
        let rows: [HTML] = report.rows.map { r in
            "<tr><td>\(r.teacher)</td><td>\(r.className)</td><td>\(r.missed)</td><td>\(r.cancelled)</td><td>\(r.substituted)</td></tr>"
        }
        return try tableReport(visit, title: w.substitutionsReportTitle, form: form, from: report.from, to: report.to, kind: "substitutions",
                               headings: [w.reportTeacher, w.reportClass, w.reportMissedByTeacher, w.reportCancelled, w.reportSubstituted],
                               rows: rows, empty: w.reportNoChanges, explained: w.substitutionsReportExplained)
    }

    func substitutionsCSV(_ visit: Visit) throws -> Response {
        let w = visit.words
        let report = try desk.substitutions(try Self.filter(visit), today: visit.today, by: visit.editor)
        var csv = CSVWriter(separator: ";")
        csv.row([w.substitutionsReportTitle, w.reportDateRange(report.from, report.to)])
        csv.row([w.reportTeacher, w.reportClass, w.reportMissedByTeacher, w.reportCancelled, w.reportSubstituted])
        for r in report.rows {
            csv.row([r.teacher, r.className, String(r.missed), String(r.cancelled), String(r.substituted)])
        }
        var response = Response(status: 200, contentType: "text/csv; charset=utf-8", body: [0xEF, 0xBB, 0xBF] + Array(csv.text.utf8))
        response.headers.add("Content-Disposition", "attachment; filename=\"substitutions-\(report.from.iso)-\(report.to.iso).csv\"")
        return response
    }
}
