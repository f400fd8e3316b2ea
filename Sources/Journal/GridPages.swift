import Domain
import HTTP
import Storage
import WebUI

/// The journal grid (class × subject × period) and the list of journals one may open.
///
/// Keyboard first with `grid.js`: arrows and Tab move, 1–5 sets a mark of the chosen work
/// type, н/б/у/о the attendance, Delete removes; each change is saved through the JSON API
/// at once. Without JavaScript every date leads to its lesson page's forms, and the period
/// marks are a plain form.
struct GridPages: Sendable {
    let database: Database
    let desk: JournalDesk

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/journal", .school(.viewOwnAccount)) { visit in try list(visit) },
            AppRoute(.get, "/journal/{class:int}/{subject:int}", .policy(.viewJournal, resource: scope)) { visit in try grid(visit) },
            AppRoute(.post, "/journal/{class:int}/{subject:int}/period-marks", .policy(.setPeriodMarks, resource: scope)) { visit in
                try savePeriodMarks(visit)
            },
        ]
    }

    func scope(_ visit: Visit) throws -> Resource { try sheetScope(visit).resource }

    func sheetScope(_ visit: Visit) throws -> JournalSheet.Scope {
        try JournalSheet.Scope(visit.request.query, classID: try visit.request.pathParameters.int("class"),
                               subjectID: try visit.request.pathParameters.int("subject"))
    }

    // MARK: The list of journals

    func list(_ visit: Visit) throws -> Response {
        let actor = visit.actor!
        let listings = try database.read { c in
            try c.academicYear(containing: visit.today).map { try c.journalListings(year: $0.id) } ?? []
        }
        let mine = listings.filter {
            AccessPolicy.permits(actor, .viewJournal, .classSubject(classID: $0.classID, subjectID: $0.subjectID, groupID: $0.groupID))
        }
        var byClass: [(String, [JournalListing])] = []
        for l in mine {
            if byClass.last?.0 == l.className { byClass[byClass.count - 1].1.append(l) } else { byClass.append((l.className, [l])) }
        }
        let sections: [HTML] = byClass.map { name, items in
            let links: [HTML] = items.map { l in
                let own = l.teacherID == actor.personID
                return "<a href=\"/journal/\(l.classID)/\(l.subjectID)\(l.groupID.map { "?group=\($0)" } ?? "")\"\(own ? " class=\"own\"" : "")>\(l.subjectName)\(l.groupName.map { " · \($0)" } ?? "")<small>\(l.teacherName)</small></a>"
            }
            return "<section class=\"card spaced\"><h2>\(name)</h2><div class=\"journal-links\">\(each: links)</div></section>"
        }
        return try JournalFrame.page(visit, database: database, title: "Журналы", nav: [("Мой день", "/day")], """
            <main>
            <h1>Журналы</h1>
            \(sections.isEmpty ? "<p class=\"card\">Нет журналов, которые вам можно открыть.</p>" as HTML : HTML(trusted: sections.map(\.text).joined()))
            </main>
            """)
    }

    // MARK: The grid

    func grid(_ visit: Visit) throws -> Response {
        let actor = visit.actor!
        let scope = try sheetScope(visit)
        let (sheet, periods, workTypes, rules) = try database.read { c in
            let sheet = try JournalSheet.load(c, scope, today: visit.today)
            return (sheet, try c.periods(classID: scope.classID), try c.workTypes(),
                    try desk.rules(c, classID: scope.classID, subjectID: scope.subjectID, at: visit.now))
        }
        let editable = AccessPolicy.permits(actor, .editJournal, scope.resource)
        let periodMarksOpen = sheet.period.map { AccessPolicy.permits(actor, .setPeriodMarks, scope.resource) && rules.periodMark($0.dates) == nil } ?? false
        let query = scope.groupID.map { "&group=\($0)" } ?? ""
        let periodLinks: [HTML] = periods.map {
            "<a href=\"?period=\($0.id)\(query)\"\($0.id == sheet.period?.id ? " aria-current=\"page\"" : "")>\($0.name)</a>"
        }
        let types: [HTML] = workTypes.map { "<option value=\"\($0.code)\"\($0.code == "У" ? " selected" : "")>\($0.code) — \($0.name) (вес \(Self.weight($0.weight)))</option>" }
        let table = HTML(trusted: table(sheet, rules: rules, editable: editable, periodMarksOpen: periodMarksOpen, csrf: visit.csrfToken))
        let controls: HTML = editable ? """
            <div class="grid-tools"><label>Вид работы для новых отметок <select id="work-type">\(each: types)</select></label>
            <span class="hint">Стрелки и Tab — по клеткам, 1–5 — отметка, н/б/у/о — пропуск, Delete — удалить. Сохраняется сразу.</span></div>
            """ : "<p class=\"muted\">Только просмотр.</p>"
        let title = "\(sheet.className) · \(sheet.subjectName)"
        return try JournalFrame.page(visit, database: database, title: title,
                                     nav: [("Журналы", "/journal"), ("Мой день", "/day"), ("КТП", "/journal/\(scope.classID)/\(scope.subjectID)/plan")],
                                     scripts: editable || periodMarksOpen ? [Assets.gridScript] : [], """
            <main class="journal">
            <h1>\(sheet.subjectName), \(sheet.className)</h1>
            <nav class="tabs">\(each: periodLinks)</nav>
            \(controls)
            <p id="grid-status" class="grid-status" role="status" aria-live="polite"></p>
            \(table)
            </main>
            """)
    }

    /// The grid's table, written straight into one string (the page is the journal's hot path).
    func table(_ sheet: JournalSheet, rules: JournalRules, editable: Bool, periodMarksOpen: Bool, csrf: String) -> String {
        var out = ""
        out.reserveCapacity(4096 + sheet.students.count * sheet.lessons.count * 40)
        let byStudent = sheet.marksByStudent()
        var cellMarks: [Int: [Int: [JournalMark]]] = [:]
        for m in sheet.marks { cellMarks[m.studentID, default: [:]][m.lessonID, default: []].append(m) }
        var cellAbsence: [Int: [Int: AbsenceCode]] = [:]
        for a in sheet.absences { cellAbsence[a.studentID, default: [:]][a.lessonID] = a.code }
        let periodMark = Dictionary(sheet.periodMarks.map { ($0.studentID, $0.value) }, uniquingKeysWith: { a, _ in a })

        let api = "/api/v1/period-marks?class=\(sheet.classID)&subject=\(sheet.subjectID)"
        out += "<form method=\"post\" action=\"/journal/\(sheet.classID)/\(sheet.subjectID)/period-marks\(sheet.groupID.map { "?group=\($0)" } ?? "")\">"
        out += "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">"
        if let p = sheet.period { out += "<input type=\"hidden\" name=\"period\" value=\"\(p.id)\">" }
        out += "<div class=\"table-wrap grid-wrap\"><table class=\"journal-grid\" data-editable=\"\(editable)\" data-period=\"\(sheet.period?.id ?? 0)\" data-period-api=\"\(api)\"><thead><tr><th class=\"name\">Обучающийся</th>"
        for l in sheet.lessons {
            let future = !rules.hasBegun(l.timingHint)
            out += "<th class=\"d\(l.cancelled ? " cancelled" : "")\(future ? " future" : "")\" data-lesson=\"\(l.id)\"><a href=\"/lessons/\(l.id)\" title=\""
            HTML.escape(l.topic.isEmpty ? "Тема не записана" : l.topic, into: &out)
            out += "\">\(l.date.shortRussian)</a></th>"
        }
        out += "<th class=\"avg\">Ср. балл</th><th class=\"pm\">\(sheet.period.map { HTML.escaped($0.name) } ?? "Итог")</th></tr></thead><tbody>"
        for s in sheet.students {
            out += "<tr data-student=\"\(s.id)\"><th class=\"name\" scope=\"row\">"
            HTML.escape(s.name, into: &out)
            out += "</th>"
            let marks = cellMarks[s.id] ?? [:]
            let absences = cellAbsence[s.id] ?? [:]
            for l in sheet.lessons {
                out += "<td data-lesson=\"\(l.id)\"\(editable ? " tabindex=\"-1\"" : "")>"
                if let code = absences[l.id] { out += "<span class=\"a\">\(code.rawValue)</span>" }
                for m in marks[l.id] ?? [] {
                    out += "<span class=\"m m\(m.value)\" data-id=\"\(m.id)\" data-w=\""
                    HTML.escape(m.workType, into: &out)
                    out += "\" title=\""
                    HTML.escape(m.workType, into: &out)
                    out += "\">\(m.value)<sub>"
                    HTML.escape(m.workType, into: &out)
                    out += "</sub></span>"
                }
                out += "</td>"
            }
            let own = byStudent[s.id] ?? []
            if let f = sheet.forecast(own) {
                out += "<td class=\"avg\"><details><summary>\(Self.decimal(f.average))</summary><div class=\"formula\">"
                out += Self.formula(own)
                out += " → \(f.mark)</div></details></td>"
            } else {
                out += "<td class=\"avg\">—</td>"
            }
            out += "<td class=\"pm\">"
            let current = periodMark[s.id]
            if periodMarksOpen {
                out += "<select name=\"pm_\(s.id)\" aria-label=\"Итоговая отметка: "
                HTML.escape(s.name, into: &out)
                out += "\"><option value=\"\"></option>"
                for v in [5, 4, 3, 2, 1] { out += "<option\(current == v ? " selected" : "")>\(v)</option>" }
                out += "</select>"
                if current == nil, let f = sheet.forecast(own) { out += "<small class=\"forecast\">прогноз \(f.mark)</small>" }
            } else if let current {
                out += "<b class=\"m m\(current)\">\(current)</b>"
            } else if let f = sheet.forecast(own) {
                out += "<small class=\"forecast\">прогноз \(f.mark)</small>"
            }
            out += "</td></tr>"
        }
        out += "</tbody></table></div>"
        if periodMarksOpen { out += "<p><button>Сохранить итоговые отметки</button></p>" }
        out += "</form>"
        if sheet.students.isEmpty { out += "<p class=\"card\">В списке нет обучающихся.</p>" }
        return out
    }

    /// Σ(w·m)/Σw written out: «(5·2 + 3·5) / (2 + 5) = 3,57».
    static func formula(_ marks: [JournalMark]) -> String {
        let top = marks.map { "\($0.value)·\(weight($0.weight))" }.joined(separator: " + ")
        let bottom = marks.map { weight($0.weight) }.joined(separator: " + ")
        let average = weightedAverage(marks.map { WeightedMark(value: $0.value, weight: $0.weight) }) ?? 0
        return HTML.escaped("(\(top)) / (\(bottom)) = \(decimal(average))")
    }

    static func weight(_ w: Double) -> String { w == w.rounded() ? String(Int(w)) : decimal(w) }

    /// Two decimals with a comma, as Russian schools write them.
    static func decimal(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100),\(pad(hundredths % 100, 2))"
    }

    /// The plain-form way of setting period marks (the grid's script saves each at once).
    func savePeriodMarks(_ visit: Visit) throws -> Response {
        let scope = try sheetScope(visit)
        let form = try visit.request.form()
        guard let period = Int(form["period"] ?? "") else { throw HTTPError.badRequest("Не указан период.") }
        var problems: [String] = []
        let students = try database.read { c in try JournalSheet.load(c, scope, today: visit.today).students }
        for s in students {
            guard let text = form["pm_\(s.id)"] else { continue }
            do {
                try JournalAccess.perform(visit, database: database, via: .page) {
                    try desk.setPeriodMark(classID: scope.classID, subjectID: scope.subjectID, period: period, student: s.id,
                                           value: text.isEmpty ? nil : MarkScale.parse(text), by: $0)
                }
            } catch let error as HTTPError where [403, 409, 422].contains(error.status) {
                problems.append("\(s.name): \(error.message)")
            }
        }
        let back = "/journal/\(scope.classID)/\(scope.subjectID)?period=\(period)" + (scope.groupID.map { "&group=\($0)" } ?? "")
        guard !problems.isEmpty else { return .redirect(to: back) }
        let items: [HTML] = problems.map { "<li>\($0)</li>" }
        return try JournalFrame.page(visit, database: database, title: "Итоговые отметки", status: 409, """
            <main><div class="card"><h1>Не все итоговые отметки сохранены</h1><ul>\(each: items)</ul>
            <p><a class="button" href="\(back)">Вернуться к журналу</a></p></div></main>
            """)
    }
}

extension LessonSummary {
    /// For marking future columns in the grid; a cancelled lesson is shown as such separately.
    var timingHint: LessonTiming { LessonTiming(date: date, startsAt: startsAt) }
}
