import Desks
import Domain
import HTTP
import Routing
import Setup
import Storage
import WebUI
import Words

/// The forecast of period marks by the current averages: a class's (its class teacher's, the
/// administration's) or one subject of it (its teacher's too).
extension ReportsPages {
    /// The class's subject when `subject` is named (a group's teacher's, their group), else the class.
    @Sendable static func forecastResource(_ visit: Visit) throws -> Resource {
        ReportsDesk.forecastResource(classID: try scope(visit).classID, subject: try ReportQuery(visit).subject, for: visit.actor)
    }

    func forecast(_ visit: Visit) throws -> ReportsDesk.Progress {
        try desk.forecast(try Self.scope(visit), subject: try ReportQuery(visit).subject, today: visit.today, by: visit.editor)
    }

    func forecastPage(_ visit: Visit) throws -> Response {
        let w = visit.words
        let report = try forecast(visit)
        let subject = try ReportQuery(visit).subject
        let f = report.figures
        let periodOptions = HTML(trusted: report.periods.map {
            "<option value=\"\($0.id)\"\($0.id == report.period?.id ? " selected" : "")>\(HTML.escaped(w.period($0)))</option>"
        }.joined())
        let heads = HTML(trusted: f.subjects.map { "<th scope=\"col\">\(HTML.escaped($0.name))</th>" }.joined())
        let rows: [HTML] = f.students.map { st in
            let cells = HTML(trusted: f.subjects.map { s in
                guard let a = st.averages[s.id] else { return "<td></td>" }
                return "<td><strong>\(report.rule.periodMark(for: a))</strong> <small class=\"muted\">\(HTML.escaped(w.decimal(a)))</small></td>"
            }.joined())
            return "<tr><th scope=\"row\">\(st.name)</th>\(cells)</tr>"
        }
        let totals: [HTML] = [5, 4, 3, 2].enumerated().map { i, mark in
            "<tr><th scope=\"row\">\(w.reportMarkCount(mark))</th>" + HTML(trusted: f.subjects.map { "<td>\($0.counts[i])</td>" }.joined()) + "</tr>"
        }
        let keep = "class=\(report.classID)" + (subject.map { "&subject=\($0)" } ?? "")
        let range = report.period.map { "period=\($0.id)" } ?? "from=\(report.from.iso)&to=\(report.to.iso)"
        let due: HTML = report.timing.isPreliminary ? "<p class=\"card notice\">\(w.forecastDue(report.timing.endsOn, due: report.timing.forecastDue))</p>" : ""
        return try frame(visit, title: w.forecastReportOf(report.className), """
            <main class="reports">
            <h1>\(w.forecastReportOf(report.className))</h1>\(report.group.map { "\n<p class=\"muted\">\(w.reportGroup): \($0.name)</p>" as HTML })
            <form method="get" action="/reports/forecast" class="card search">
            <input type="hidden" name="class" value="\(report.classID)">\(subject.map { "<input type=\"hidden\" name=\"subject\" value=\"\($0)\">" as HTML } ?? "")
            <label>\(w.reportPeriod) <select name="period">\(periodOptions)</select></label>
            <label>\(w.reportDates) \(w.reportFrom) <input type="date" name="from" value="\(report.period == nil ? report.from.iso : "")"></label>
            <label>\(w.reportTo) <input type="date" name="to" value="\(report.period == nil ? report.to.iso : "")"></label>
            <button>\(w.show)</button> <a class="button secondary" href="/reports/forecast.csv?\(keep)&\(range)">\(w.downloadCSV)</a>
            </form>
            <p class="muted">\(w.reportRange): \(w.reportDateRange(report.from, report.to)). \(w.forecastRule(report.rule))</p>
            \(due)
            <div class="table-wrap"><table class="report forecast"><thead><tr><th scope="col">\(w.reportStudent)</th>\(heads)</tr></thead>
            <tbody>\(each: rows)</tbody><tfoot>\(each: totals)</tfoot></table></div>
            </main>
            """)
    }

    func forecastCSV(_ visit: Visit) throws -> Response {
        let w = visit.words
        let report = try forecast(visit)
        let f = report.figures
        var csv = CSVWriter(separator: ";")
        csv.row([w.forecastReportOf(report.className), w.reportDateRange(report.from, report.to)] + (report.group.map { ["\(w.reportGroup): \($0.name)"] } ?? []))
        csv.row([w.reportStudent] + f.subjects.flatMap { [$0.name, w.reportAverage] })
        for st in f.students {
            csv.row([st.name] + f.subjects.flatMap { s in
                st.averages[s.id].map { [String(report.rule.periodMark(for: $0)), w.decimal($0)] } ?? ["", ""]
            })
        }
        var response = Response(status: 200, contentType: "text/csv; charset=utf-8", body: [0xEF, 0xBB, 0xBF] + Array(csv.text.utf8))
        response.headers.add("Content-Disposition", "attachment; filename=\"forecast-\(report.classID)-\(report.from.iso)-\(report.to.iso).csv\"")
        return response
    }
}
