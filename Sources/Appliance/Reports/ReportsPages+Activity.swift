import Desks
import Domain
import HTTP
import Routing
import Setup
import Storage
import WebUI
import Words

/// Sign-ins and changes per account and role, week by week, from the audit trail (the administration's).
extension ReportsPages {
    func activity(_ visit: Visit) throws -> ReportsDesk.Activity {
        try desk.activity(try Self.filter(visit), today: visit.today, utcOffsetMinutes: clock.utcOffsetMinutes, by: visit.editor)
    }

    func activityPage(_ visit: Visit) throws -> Response {
        let w = visit.words
        let report = try activity(visit)
        let periodOptions = HTML(trusted: report.periods.map {
            "<option value=\"\($0.id)\"\($0.id == report.period?.id ? " selected" : "")>\(HTML.escaped(w.period($0)))</option>"
        }.joined())
        let range = report.period.map { "period=\($0.id)" } ?? "from=\(report.from.iso)&to=\(report.to.iso)"
        let roles: [HTML] = ActivityRow.byRole(report.rows).map { r in
            "<tr><th scope=\"row\">\(w.role(r.role))</th><td>\(r.accounts)</td><td>\(r.signIns)</td><td>\(r.changes)</td></tr>"
        }
        let rows: [HTML] = report.rows.map { r in
            """
            <tr><td>\(w.reportDateRange(r.week, r.week.adding(days: 6)))</td><td>\(r.person) <small class="muted">\(r.login)</small></td>
            <td>\(r.roles.map(w.role).joined(separator: ", "))</td><td>\(r.signIns)</td><td>\(r.changes)</td></tr>
            """
        }
        return try frame(visit, title: w.activityReportTitle, """
            <main class="reports">
            <h1>\(w.activityReportTitle)</h1>
            <form method="get" action="/reports/activity" class="card search">
            <label>\(w.reportPeriod) <select name="period">\(periodOptions)</select></label>
            <label>\(w.reportDates) \(w.reportFrom) <input type="date" name="from" value="\(report.period == nil ? report.from.iso : "")"></label>
            <label>\(w.reportTo) <input type="date" name="to" value="\(report.period == nil ? report.to.iso : "")"></label>
            <button>\(w.show)</button> <a class="button secondary" href="/reports/activity.csv?\(range)">\(w.downloadCSV)</a>
            </form>
            <p class="muted">\(w.reportRange): \(w.reportDateRange(report.from, report.to))</p>
            <h2>\(w.reportByRole)</h2>
            <div class="table-wrap"><table class="report activity-roles"><thead><tr><th scope="col">\(w.reportRole)</th><th scope="col">\(w.reportAccountsActive)</th>
            <th scope="col">\(w.reportSignIns)</th><th scope="col">\(w.reportChanges)</th></tr></thead><tbody>\(each: roles)</tbody></table></div>
            <h2>\(w.reportByWeek)</h2>
            <div class="table-wrap"><table class="report activity"><thead><tr><th scope="col">\(w.reportWeek)</th><th scope="col">\(w.reportUser)</th>
            <th scope="col">\(w.reportRole)</th><th scope="col">\(w.reportSignIns)</th><th scope="col">\(w.reportChanges)</th></tr></thead>
            <tbody>\(each: rows)</tbody></table></div>
            \(rows.isEmpty ? "<p class=\"card\">\(w.reportNoActivity)</p>" as HTML : "")
            <p class="muted">\(w.activityReportExplained)</p>
            </main>
            """)
    }

    func activityCSV(_ visit: Visit) throws -> Response {
        let w = visit.words
        let report = try activity(visit)
        var csv = CSVWriter(separator: ";")
        csv.row([w.activityReportTitle, w.reportDateRange(report.from, report.to)])
        csv.row([w.reportWeek, w.reportUser, w.reportLogin, w.reportRole, w.reportSignIns, w.reportChanges])
        for r in report.rows {
            csv.row([w.date(r.week), r.person, r.login, r.roles.map(w.role).joined(separator: ", "), String(r.signIns), String(r.changes)])
        }
        var response = Response(status: 200, contentType: "text/csv; charset=utf-8", body: [0xEF, 0xBB, 0xBF] + Array(csv.text.utf8))
        response.headers.add("Content-Disposition", "attachment; filename=\"activity-\(report.from.iso)-\(report.to.iso).csv\"")
        return response
    }
}
