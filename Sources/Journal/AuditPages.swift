import Desks
import Domain
import HTTP
import Routing
import Setup
import Storage
import WebUI

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
    static func action(_ code: String) -> String { AuditAction(rawValue: code)?.russian ?? code }
    static func via(_ code: String) -> String { AuditEntry.Via(rawValue: code)?.russian ?? code }

    func filter(_ visit: Visit) throws -> AuditFilter {
        var f = try AuditFilter(visit.request.query)
        f.journalOnly = visit.request.query["all"] != "1"
        return f
    }

    func auditPage(_ visit: Visit) throws -> Response {
        let f = try filter(visit)
        let (entries, classes, teachers, students) = try database.read { c in
            (try c.auditEntries(f, offsetMinutes: desk.utcOffsetMinutes, limit: 500),
             try c.academicYear(containing: visit.today).map { try c.classList(year: $0.id) } ?? [], try c.teacherList(),
             try f.classID.map { try c.journalStudents(classID: $0, groupID: nil, from: visit.today.adding(days: -366), to: visit.today) } ?? [])
        }
        func options(_ items: [(id: Int, name: String)], _ selected: Int?) -> HTML {
            "<option value=\"\">все</option>" + HTML(trusted: items.map { "<option value=\"\($0.id)\"\($0.id == selected ? " selected" : "")>\(HTML.escaped($0.name))</option>" }.joined())
        }
        let rows: [HTML] = entries.map { e in
            let at = SchoolDateTime(unixSeconds: e.at, offsetMinutes: desk.utcOffsetMinutes)
            let lesson: HTML = e.lesson.map { "<a href=\"/lessons/\($0)\">\(e.lessonLabel ?? "урок")</a>" } ?? ""
            return """
                <tr><td>\(at.date.russian) \(at.time.description)</td><td>\(e.person ?? "система")<small class="muted">\(e.login.map { " " + $0 } ?? "") · \(Self.via(e.via))</small></td>
                <td>\(Self.action(e.action))</td><td>\(e.className ?? "")</td><td>\(e.studentName ?? "")</td><td>\(lesson)</td>
                <td>\(e.oldValue ?? "")</td><td>\(e.newValue ?? "")</td><td>\(e.reason)</td></tr>
                """
        }
        let query = visit.request.query.pairs.map { "\(PercentDecoding.encode($0.name))=\(PercentDecoding.encode($0.value))" }.joined(separator: "&")
        return try JournalFrame.page(visit, database: database, title: "Журнал изменений", """
            <main class="journal">
            <h1>Журнал изменений</h1>
            <form method="get" action="/audit" class="card search">
            <label>Класс <select name="class">\(options(classes, f.classID))</select></label>
            <label>Учитель <select name="teacher">\(options(teachers, f.teacher))</select></label>
            \(f.classID == nil ? "" as HTML : "<label>Обучающийся <select name=\"student\">\(options(students.map { (id: $0.id, name: $0.name) }, f.student))</select></label>")
            <label>С <input type="date" name="from" value="\(f.from?.iso ?? "")"></label>
            <label>По <input type="date" name="to" value="\(f.to?.iso ?? "")"></label>
            <label><input type="checkbox" name="all" value="1"\(f.journalOnly ? "" : " checked")> и не только журнал</label>
            <button>Показать</button> <a class="button secondary" href="/audit.csv?\(query)">Скачать CSV</a>
            </form>
            <p class="muted">Показаны последние \(entries.count) записей (не больше 500; в CSV — до 100 000).</p>
            <div class="table-wrap"><table class="audit"><thead><tr><th>Когда</th><th>Кто</th><th>Что</th><th>Класс</th><th>Обучающийся</th><th>Урок</th><th>Было</th><th>Стало</th><th>Причина</th></tr></thead>
            <tbody>\(each: rows)</tbody></table></div>
            \(rows.isEmpty ? "<p class=\"card\">Записей за выбранное время нет.</p>" as HTML : "")
            </main>
            """)
    }

    func auditCSV(_ visit: Visit) throws -> Response {
        let f = try filter(visit)
        let entries = try database.read { try $0.auditEntries(f, offsetMinutes: desk.utcOffsetMinutes, limit: 100_000) }
        var csv = CSVWriter(separator: ";")
        csv.row(["Когда", "Кто", "Логин", "Через", "Действие", "Код действия", "Класс", "Обучающийся", "Урок", "Было", "Стало", "Причина"])
        for e in entries {
            let at = SchoolDateTime(unixSeconds: e.at, offsetMinutes: desk.utcOffsetMinutes)
            csv.row(["\(at.date.russian) \(at.time)", e.person ?? "", e.login ?? "", Self.via(e.via), Self.action(e.action), e.action,
                     e.className ?? "", e.studentName ?? "", e.lessonLabel ?? e.lesson.map(String.init) ?? "", e.oldValue ?? "", e.newValue ?? "", e.reason])
        }
        // A byte-order mark: Excel then opens the file as UTF-8.
        var response = Response(status: 200, contentType: "text/csv; charset=utf-8", body: [0xEF, 0xBB, 0xBF] + Array(csv.text.utf8))
        response.headers.add("Content-Disposition", "attachment; filename=\"audit-\(visit.today.iso).csv\"")
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
