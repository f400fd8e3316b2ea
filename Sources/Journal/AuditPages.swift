import Desks
import Domain
import HTTP
import Routing
import Setup
import Storage
import WebUI
import Words

/// The administrator's change log: filters by class, teacher, student and dates, and its CSV export.
struct AuditPages: Sendable {
    let database: Database
    let desk: JournalDesk

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/audit", .school(.viewAudit)) { visit in try auditPage(visit) },
            AppRoute(.get, "/audit.csv", .school(.viewAudit)) { visit in try auditCSV(visit) },
        ]
    }

    /// An action and a channel as the change log shows them, in words.
    static func action(_ code: String, _ w: Words) -> String { AuditAction(rawValue: code).map(w.auditAction) ?? code }
    static func via(_ code: String, _ w: Words) -> String { AuditEntry.Via(rawValue: code).map(w.via) ?? code }

    /// «5А, Алгебра, 13.11, 2-й урок»: the lesson a row belongs to.
    static func lessonLabel(_ e: AuditListing, _ w: Words) -> String? {
        guard let date = e.lessonDate, let bell = e.lessonBell else { return nil }
        return [e.className, e.lessonSubject, w.shortDate(date), w.bell(bell)].compactMap { $0 }.joined(separator: ", ")
    }

    func filter(_ visit: Visit) throws -> AuditFilter {
        var f = try AuditFilter(visit.request.query, words: visit.words)
        f.journalOnly = visit.request.query["all"] != "1"
        return f
    }

    func auditPage(_ visit: Visit) throws -> Response {
        let f = try filter(visit)
        let w = visit.words
        let (entries, classes, teachers, students) = try database.read { c in
            (try c.auditEntries(f, offsetMinutes: desk.utcOffsetMinutes, limit: 500),
             try c.currentAcademicYear(on: visit.today).map { try c.classList(year: $0.id) } ?? [], try c.teacherList(),
             try f.classID.map { try c.journalStudents(classID: $0, groupID: nil, from: visit.today.adding(days: -366), to: visit.today) } ?? [])
        }
        func options(_ items: [(id: Int, name: String)], _ selected: Int?) -> HTML {
            "<option value=\"\">\(w.all)</option>" + HTML(trusted: items.map { "<option value=\"\($0.id)\"\($0.id == selected ? " selected" : "")>\(HTML.escaped($0.name))</option>" }.joined())
        }
        let rows: [HTML] = entries.map { e in
            let at = SchoolDateTime(unixSeconds: e.at, offsetMinutes: desk.utcOffsetMinutes)
            let lesson: HTML = e.lesson.map { "<a href=\"/lessons/\($0)\">\(Self.lessonLabel(e, w) ?? w.lessonWord)</a>" } ?? ""
            return """
                <tr><td>\(w.dateTime(at))</td><td>\(e.person ?? w.system)<small class="muted">\(e.login.map { " " + $0 } ?? "") · \(Self.via(e.via, w))</small></td>
                <td>\(Self.action(e.action, w))</td><td>\(e.className ?? "")</td><td>\(e.studentName ?? "")</td><td>\(lesson)</td>
                <td>\(e.oldValue ?? "")</td><td>\(e.newValue ?? "")</td><td>\(e.reason)</td></tr>
                """
        }
        let query = visit.request.query.pairs.map { "\(PercentDecoding.encode($0.name))=\(PercentDecoding.encode($0.value))" }.joined(separator: "&")
        return try JournalFrame.page(visit, database: database, title: w.sectionAudit, """
            <main class="journal">
            <h1>\(w.sectionAudit)</h1>
            <form method="get" action="/audit" class="card search">
            <label>\(w.classHeading) <select name="class">\(options(classes, f.classID))</select></label>
            <label>\(w.teacherLabel) <select name="teacher">\(options(teachers, f.teacher))</select></label>
            \(f.classID == nil ? "" as HTML : "<label>\(w.studentHeading) <select name=\"student\">\(options(students.map { (id: $0.id, name: $0.name) }, f.student))</select></label>")
            <label>\(w.fromLabel) <input type="date" name="from" value="\(f.from?.iso ?? "")"></label>
            <label>\(w.toLabel) <input type="date" name="to" value="\(f.to?.iso ?? "")"></label>
            <label><input type="checkbox" name="all" value="1"\(f.journalOnly ? "" : " checked")> \(w.notOnlyJournal)</label>
            <button>\(w.show)</button> <a class="button secondary" href="/audit.csv?\(query)">\(w.downloadCSV)</a>
            </form>
            <p class="muted">\(w.auditShown(entries.count))</p>
            <div class="table-wrap"><table class="audit"><thead><tr><th>\(w.whenHeading)</th><th>\(w.whoHeading)</th><th>\(w.whatHeading)</th><th>\(w.classHeading)</th><th>\(w.studentHeading)</th><th>\(w.lessonHeading)</th><th>\(w.beforeHeading)</th><th>\(w.afterHeading)</th><th>\(w.reasonLabel)</th></tr></thead>
            <tbody>\(each: rows)</tbody></table></div>
            \(rows.isEmpty ? "<p class=\"card\">\(w.noAuditEntries)</p>" as HTML : "")
            </main>
            """)
    }

    func auditCSV(_ visit: Visit) throws -> Response {
        let f = try filter(visit)
        let entries = try database.read { try $0.auditEntries(f, offsetMinutes: desk.utcOffsetMinutes, limit: 100_000) }
        let w = visit.words
        var csv = CSVWriter(separator: ";")
        csv.row([w.whenHeading, w.whoHeading, w.loginHeading, w.viaHeading, w.actionHeading, w.actionCodeHeading, w.classHeading, w.studentHeading,
                 w.lessonHeading, w.beforeHeading, w.afterHeading, w.reasonLabel])
        for e in entries {
            let at = SchoolDateTime(unixSeconds: e.at, offsetMinutes: desk.utcOffsetMinutes)
            csv.row([w.dateTime(at), e.person ?? "", e.login ?? "", Self.via(e.via, w), Self.action(e.action, w), e.action,
                     e.className ?? "", e.studentName ?? "", Self.lessonLabel(e, w) ?? e.lesson.map(String.init) ?? "", e.oldValue ?? "", e.newValue ?? "", e.reason])
        }
        // A byte-order mark: Excel then opens the file as UTF-8.
        var response = Response(status: 200, contentType: "text/csv; charset=utf-8", body: [0xEF, 0xBB, 0xBF] + Array(csv.text.utf8))
        response.headers.add("Content-Disposition", "attachment; filename=\"audit-\(visit.today.iso).csv\"")
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
