import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The journal grid (class × subject × period) and the list of journals one may open.
///
/// Keyboard first with `grid.js`: arrows and Tab move, 1–5 sets a mark of the chosen work
/// type, н/б/у/о the attendance, Delete removes; each change is saved through the JSON API
/// at once. Without JavaScript every date leads to its lesson page's forms, and the period
/// marks are a plain form.
struct GridPages: Sendable {
    let database: Database
    let desk: JournalDesk
    let cache: PageCache<GridCache.Key, GridCache.Grid>

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/journal", .school(.listJournals)) { visit in try list(visit) },
            AppRoute(.get, "/journal/{class:int}/{subject:int}", .policy(.viewJournal, resource: scope)) { visit in try grid(visit) },
            AppRoute(.post, "/journal/{class:int}/{subject:int}/period-marks", .policy(.setPeriodMarks, resource: scope)) { visit in
                try savePeriodMarks(visit)
            },
            AppRoute(.post, "/journal/{class:int}/{subject:int}/finals", .policy(.setPeriodMarks, resource: scope)) { visit in
                try saveFinals(visit)
            },
        ]
    }

    func scope(_ visit: Visit) throws -> Resource { try sheetScope(visit).narrowed(for: visit.actor).resource }

    func sheetScope(_ visit: Visit) throws -> JournalSheet.Scope {
        try JournalSheet.Scope(visit.request.query, classID: try visit.request.pathParameters.int("class"),
                               subjectID: try visit.request.pathParameters.int("subject"), words: visit.words)
    }

    // MARK: The list of journals

    func list(_ visit: Visit) throws -> Response {
        let actor = visit.actor!
        let w = visit.words
        // This year's journals, or (`?year=`) an earlier year's: the archive, read-only.
        let (year, years, closed, listings) = try database.read { c in
            let years = try c.academicYears()
            let asked = visit.request.query["year"].flatMap(Int.init)
            let year = try years.first { $0.id == asked } ?? c.currentAcademicYear(on: visit.today)
            return (year, years, try year.map { try c.isYearClosed($0.id) } ?? false, try year.map { try c.journalListings(year: $0.id) } ?? [])
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
                return "<a href=\"/journal/\(l.classID)/\(l.subjectID)\(l.groupID.map { "?group=\($0)" } ?? "")\"\(own ? " class=\"own\"" as HTML : "")>\(l.subjectName)\(l.groupName.map { " · \($0)" } ?? "")<small>\(l.teacherName)</small></a>"
            }
            return "<section class=\"card spaced\"><h2>\(name)</h2><div class=\"journal-links\">\(each: links)</div></section>"
        }
        let choice: HTML = years.count < 2 ? "" : """
            <form method="get" action="/journal" class="year-choice"><label for="year">\(w.archiveYear)</label>
            <select id="year" name="year">\(each: years.map { "<option value=\"\($0.id)\"\($0.id == year?.id ? " selected" : "")>\($0.name)</option>" as HTML })</select>
            <button type="submit" class="secondary">\(w.archiveShow)</button></form>
            """
        return try JournalFrame.page(visit, database: database, title: w.menuJournals, nav: [(w.menuMyDay, "/day")], """
            <main>
            <h1>\(w.menuJournals)\(years.count < 2 ? "" : year.map { " <small>\($0.name)</small>" as HTML } ?? "")</h1>\(choice)\(closed ? "<p class=\"notice\">\(w.archiveClosed)</p>" as HTML : "")
            \(sections.isEmpty ? "<p class=\"card\">\(w.noJournals)</p>" as HTML : HTML(trusted: sections.map(\.text).joined()))
            </main>
            """)
    }

    // MARK: The grid

    func grid(_ visit: Visit) throws -> Response {
        if visit.request.query["finals"] != nil { return try finalsGrid(visit) }
        let actor = visit.actor!
        let w = visit.words
        let scope = try sheetScope(visit)
        // A group's teacher naming no group is led to their group (the group rule for reads).
        if let group = scope.narrowed(for: actor).groupID, scope.groupID == nil {
            let rest = (scope.periodID.map { "&period=\($0)" } ?? "") + (scope.from.map { "&from=\($0.iso)" } ?? "") + (scope.to.map { "&to=\($0.iso)" } ?? "")
            return .redirect(to: "/journal/\(scope.classID)/\(scope.subjectID)?group=\(group)" + rest)
        }
        // The version is read before the sheet: a grid cached under it is never older than it.
        let (range, version, rules, scale, closed) = try database.read { c in
            (try JournalSheet.range(c, scope, today: visit.today), try c.journalVersion(classID: scope.classID),
             try desk.rules(c, classID: scope.classID, subjectID: scope.subjectID, at: visit.now), try c.subjectScale(scope.subjectID) ?? .marks,
             try c.isYearClosed(classID: scope.classID))
        }
        // A closed year's journal is read as it was: nothing in it opens for editing.
        let editable = !closed && AccessPolicy.permits(actor, .editJournal, scope.resource)
        let periodMarksOpen = !closed && range.period.map { AccessPolicy.permits(actor, .setPeriodMarks, scope.resource) && rules.periodMark($0.dates) == nil } ?? false
        let key = GridCache.Key(classID: scope.classID, subjectID: scope.subjectID, groupID: scope.groupID, from: range.from, to: range.to,
                                editable: editable, periodMarksOpen: periodMarksOpen, classVersion: version.class, schoolVersion: version.school, language: w.language)
        let grid = try cache.value(key) {
            let (sheet, workTypes) = try database.read { (try JournalSheet.load($0, scope, range), try $0.workTypes()) }
            let types: [HTML] = workTypes.map {
                "<option value=\"\($0.code)\"\($0.code == WorkType.defaultCode ? " selected" : "")>\($0.code) — \($0.name) (\(w.weightOf($0.weight)))</option>"
            }
            return GridCache.Grid(className: sheet.className, subjectName: sheet.subjectName, lessons: sheet.lessons,
                                  rows: Self.rows(sheet, editable: editable, periodMarksOpen: periodMarksOpen, w), workTypeOptions: "\(each: types)")
        }
        let query = scope.groupID.map { "&group=\($0)" } ?? ""
        let periodLinks: [HTML] = range.periods.map {
            "<a href=\"?period=\($0.id)\(query)\"\($0.id == range.period?.id ? " aria-current=\"page\"" as HTML : "")>\(w.period($0))</a>"
        } + ["<a href=\"?finals=1\(query)\">\(w.yearAndFinalTab)</a>"]
        var table = Self.head(scope, range, grid.lessons, rules: rules, editable: editable, scale: scale, csrf: visit.csrfToken, w)
        table.append(grid.rows)
        let codes = AbsenceCode.allCases.map { $0.rawValue.lowercased() }.joined(separator: "/")
        let controls: HTML = editable ? """
            <div class="grid-tools"><label>\(w.workTypeForNewMarks) <select id="work-type">\(grid.workTypeOptions)</select></label>
            <span class="hint">\(scale == .passFail ? w.gridHintPassFail(codes: codes) : w.gridHint(codes: codes))</span></div>
            """ : "<p class=\"muted\">\(w.viewOnly)</p>"
        let title = "\(grid.className) · \(grid.subjectName)"
        return try JournalFrame.page(visit, database: database, title: title,
                                     nav: [(w.menuJournals, "/journal"), (w.menuMyDay, "/day"), (w.planLink, "/journal/\(scope.classID)/\(scope.subjectID)/plan" + (scope.groupID.map { "?group=\($0)" } ?? ""))],
                                     scripts: editable || periodMarksOpen ? [Assets.gridScript] : [], """
            <main class="journal">
            <h1>\(grid.subjectName), \(grid.className)\((scope.groupID == nil ? nil : grid.lessons.first?.groupName).map { " · \($0)" } ?? "")</h1>
            <nav class="tabs">\(each: periodLinks)</nav>
            \(controls)
            <p id="grid-status" class="grid-status" role="status" aria-live="polite"></p>
            \(JournalFrame.spliceMark)
            <div class="tools">\(PrintButton.form(visit, "journal", w.printJournalButton, fields: [("class", String(scope.classID)), ("subject", String(scope.subjectID))]
                                                + (range.period.map { [("period", String($0.id))] } ?? [])))</div>
            </main>
            """, splicing: table)
    }

    /// The form's start and the table's header: what depends on the visitor and the moment
    /// (the CSRF token, which lessons have begun).
    static func head(_ scope: JournalSheet.Scope, _ range: JournalSheet.Range, _ lessons: [LessonSummary], rules: JournalRules,
                     editable: Bool, scale: SubjectScale, csrf: String, _ w: Words) -> HTMLBytes {
        var out = HTMLBytes(capacity: 1024 + lessons.count * 120)
        out.raw("<form method=\"post\" action=\"/journal/"); out.int(scope.classID); out.raw("/"); out.int(scope.subjectID)
        out.raw("/period-marks")
        if let g = scope.groupID { out.raw("?group="); out.int(g) }
        out.raw("\"><input type=\"hidden\" name=\"_csrf\" value=\""); out.escaped(csrf); out.raw("\">")
        if let p = range.period { out.raw("<input type=\"hidden\" name=\"period\" value=\""); out.int(p.id); out.raw("\">") }
        out.raw("<div class=\"table-wrap grid-wrap\"><table class=\"journal-grid\" data-editable=\"")
        out.raw(editable ? "true" : "false")
        out.raw("\" data-scale=\""); out.escaped(scale.rawValue)
        out.raw("\" data-period=\""); out.int(range.period?.id ?? 0)
        out.raw("\" data-period-api=\"/api/v1/period-marks?class="); out.int(scope.classID); out.raw("&amp;subject="); out.int(scope.subjectID)
        if let g = scope.groupID { out.raw("&amp;group="); out.int(g) }
        out.raw("\"><thead><tr><th class=\"name\">"); out.escaped(w.studentHeading); out.raw("</th>")
        for l in lessons {
            out.raw("<th class=\"d")
            if l.cancelled { out.raw(" cancelled") }
            if !rules.hasBegun(l.timingHint) { out.raw(" future") }
            out.raw("\" data-lesson=\""); out.int(l.id); out.raw("\"><a href=\"/lessons/"); out.int(l.id); out.raw("\" title=\"")
            out.escaped(l.topic.isEmpty ? w.noTopicYet : l.topic)
            out.raw("\">"); out.escaped(w.shortDate(l.date)); out.raw("</a></th>")
        }
        out.raw("<th class=\"avg\">"); out.escaped(w.averageHeading); out.raw("</th><th class=\"pm\">")
        out.escaped(range.period.map(w.period) ?? w.finalHeading)
        out.raw("</th></tr></thead>")
        return out
    }

    /// The table's body and the form's end: the same for everyone who may edit (or not) and
    /// may set period marks (or not), so it is cached under the journal's version.
    /// Cells carry no attributes: `grid.js` finds a cell's lesson from its column.
    static func rows(_ sheet: JournalSheet, editable: Bool, periodMarksOpen: Bool, _ w: Words) -> HTMLBytes {
        let columns = sheet.lessons.count
        var out = HTMLBytes(capacity: 1024 + sheet.students.count * (columns * 12 + 200))
        // One cell per student and lesson: its marks and absence.
        let row = Dictionary(uniqueKeysWithValues: sheet.students.enumerated().map { ($1.id, $0) })
        let column = Dictionary(uniqueKeysWithValues: sheet.lessons.enumerated().map { ($1.id, $0) })
        var cellMarks = [[Mark]](repeating: [], count: sheet.students.count * columns)
        var cellAbsence = [AbsenceCode?](repeating: nil, count: sheet.students.count * columns)
        var studentMarks = [[Mark]](repeating: [], count: sheet.students.count)
        for m in sheet.marks {
            guard let r = row[m.studentID], let c = column[m.lessonID] else { continue }
            cellMarks[r * columns + c].append(m)
        }
        for i in cellMarks.indices where !cellMarks[i].isEmpty { studentMarks[i / columns] += cellMarks[i] }
        for a in sheet.absences {
            guard let r = row[a.studentID], let c = column[a.lessonID] else { continue }
            cellAbsence[r * columns + c] = a.code
        }
        let periodMark = Dictionary(sheet.periodMarks.map { ($0.studentID, $0.value) }, uniquingKeysWith: { a, _ in a })
        let choices = MarkValue.finalChoices(sheet.scale)

        out.raw("<tbody>")
        for (r, s) in sheet.students.enumerated() {
            out.raw("<tr data-student=\""); out.int(s.id); out.raw("\"><th class=\"name\" scope=\"row\">"); out.escaped(s.name)
            // An arrival or a leaver within the grid's dates: the day they came or left.
            if let left = s.leftOn, left <= sheet.to {
                out.raw(" <small class=\"enrolment\">"); out.escaped(w.gridLeft(w.shortDate(left))); out.raw("</small>")
            } else if s.joinedOn > sheet.from {
                out.raw(" <small class=\"enrolment\">"); out.escaped(w.gridJoined(w.shortDate(s.joinedOn))); out.raw("</small>")
            }
            out.raw("</th>")
            for c in 0..<columns {
                // A lesson before the student came or after they left is not theirs (the desk refuses entries there).
                if s.isEnrolled(on: sheet.lessons[c].date) { out.raw("<td>") } else { out.raw("<td class=\"out\" title=\""); out.escaped(w.gridNotEnrolled); out.raw("\">") }
                if let code = cellAbsence[r * columns + c] { out.raw("<span class=\"a\">"); out.escaped(code.rawValue); out.raw("</span>") }
                for m in cellMarks[r * columns + c] {
                    out.raw("<span class=\"m "); out.escaped(m.value.cssClass); out.raw("\" data-id=\""); out.int(m.id); out.raw("\" data-w=\"")
                    out.escaped(m.workType); out.raw("\">"); out.escaped(w.markShort(m.value)); out.raw("<sub>"); out.escaped(m.workType); out.raw("</sub></span>")
                }
                out.raw("</td>")
            }
            let own = studentMarks[r]
            let forecast = sheet.forecast(own)
            if let f = forecast {
                out.raw("<td class=\"avg\"><details><summary>"); out.escaped(w.decimal(f.average)); out.raw("</summary><div class=\"formula\">")
                out.escaped(w.averageFormula(own.compactMap(\.weighted))); out.raw(" → "); out.int(f.mark); out.raw("</div></details></td>")
            } else if sheet.scale == .passFail {
                // A pass or fail never averages.
                out.raw("<td class=\"avg\" title=\""); out.escaped(w.passFailNoAverage); out.raw("\">—</td>")
            } else {
                out.raw("<td class=\"avg\">—</td>")
            }
            out.raw("<td class=\"pm\">")
            let current = periodMark[s.id]
            if periodMarksOpen {
                out.raw("<select name=\"pm_"); out.int(s.id); out.raw("\" aria-label=\""); out.escaped(w.finalMarkOf(s.name))
                out.raw("\"><option value=\"\"></option>")
                Self.options(&out, choices, current, w)
                out.raw("</select>")
                if current == nil, let f = forecast { out.raw("<small class=\"forecast\">"); out.escaped(w.forecastPrefix); out.int(f.mark); out.raw("</small>") }
            } else if let current {
                Self.badge(&out, current, w)
            } else if let f = forecast {
                out.raw("<small class=\"forecast\">"); out.escaped(w.forecastPrefix); out.int(f.mark); out.raw("</small>")
            }
            out.raw("</td></tr>")
        }
        out.raw("</tbody></table></div>")
        if periodMarksOpen { out.raw("<p><button>"); out.escaped(w.saveFinalMarks); out.raw("</button></p>") }
        out.raw("</form>")
        if sheet.students.isEmpty { out.raw("<p class=\"card\">"); out.escaped(w.noStudents); out.raw("</p>") }
        return out
    }

    /// The plain-form way of setting period marks (the grid's script saves each at once).
    func savePeriodMarks(_ visit: Visit) throws -> Response {
        let scope = try sheetScope(visit)
        let form = try visit.request.form()
        let w = visit.words
        guard let period = Int(form["period"] ?? "") else { throw HTTPError.badRequest(w.periodMissing) }
        var problems: [String] = []
        let students = try database.read { c in
            guard let p = try c.periods(classID: scope.classID).first(where: { $0.id == period }) else { throw HTTPError.notFound }
            return try c.journalStudents(classID: scope.classID, groupID: scope.groupID, from: p.startsOn, to: p.endsOn)
        }
        for s in students {
            guard let text = form["pm_\(s.id)"] else { continue }
            let value = MarkValue(text: text) ?? MarkValue.typed(text)
            if !text.isEmpty, value == nil {
                problems.append(w.finalMarkRange(s.name, typed: text))
                continue
            }
            do {
                try desk.setPeriodMark(classID: scope.classID, subjectID: scope.subjectID, period: period, student: s.id,
                                       value: text.isEmpty ? nil : value, by: visit.editor)
            } catch let error as DeskError {
                problems.append("\(s.name): \(error.message(in: w))")
            }
        }
        let back = "/journal/\(scope.classID)/\(scope.subjectID)?period=\(period)" + (scope.groupID.map { "&group=\($0)" } ?? "")
        guard !problems.isEmpty else { return .redirect(to: back) }
        let items: [HTML] = problems.map { "<li>\($0)</li>" }
        return try JournalFrame.page(visit, database: database, title: w.finalMarksTitle, status: 409, """
            <main><div class="card"><h1>\(w.notAllFinalMarksSaved)</h1><ul>\(each: items)</ul>
            <p><a class="button" href="\(back)">\(w.backToJournal)</a></p></div></main>
            """)
    }
}

extension GridPages {
    /// A final mark's choices, the current one selected; values are the API's canonical texts.
    static func options(_ out: inout HTMLBytes, _ choices: [MarkValue], _ current: MarkValue?, _ w: Words) {
        for v in choices {
            out.raw("<option value=\""); out.escaped(v.text); out.raw(current == v ? "\" selected>" : "\">")
            out.escaped(w.markShort(v)); out.raw("</option>")
        }
    }

    static func badge(_ out: inout HTMLBytes, _ v: MarkValue, _ w: Words) {
        out.raw("<b class=\"m "); out.escaped(v.cssClass); out.raw("\" title=\""); out.escaped(w.markTitle(v)); out.raw("\">")
        out.escaped(w.markShort(v)); out.raw("</b>")
    }
}

extension LessonSummary {
    /// For marking future columns in the grid; a cancelled lesson is shown as such separately.
    var timingHint: LessonTiming { LessonTiming(date: date, startsAt: startsAt) }
}
