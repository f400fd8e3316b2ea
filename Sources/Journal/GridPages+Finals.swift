import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The grid's «Год и итог» tab (`?finals=1`): each student's period marks of the subject, and
/// the year, exam (grades 9 and 11, or where one was entered) and final marks to set — the
/// final one with the school's rule's suggestion from the year and exam marks. The subject's teacher sets them for their students, the class
/// teacher for every subject of the class (the policy's `setPeriodMarks`). With `grid.js` each
/// choice is saved at once through `PUT /api/v1/period-marks` with its `kind`; without it the
/// table is a plain form.
extension GridPages {
    /// What the tab shows, read once.
    struct Finals {
        let className: String
        let subjectName: String
        let scale: SubjectScale
        let periods: [Period]
        let students: [JournalStudent]
        let marks: [PeriodMark]
        let open: Bool
        /// The year's columns: `PeriodMarkKind.yearKinds` of the class's grade.
        let kinds: [PeriodMarkKind]

        func value(_ student: Int, _ kind: PeriodMarkKind, period: Int? = nil) -> MarkValue? {
            marks.first { $0.studentID == student && $0.kind == kind && (kind != .period || $0.periodID == period) }?.value
        }
    }

    func loadFinals(_ visit: Visit, _ scope: JournalSheet.Scope) throws -> Finals {
        try database.read { c in
            guard let schoolClass = try c.schoolClass(scope.classID), let subject = try c.subjectName(scope.subjectID) else { throw HTTPError.notFound }
            let periods = try c.periods(classID: scope.classID)
            guard let first = periods.first, let last = periods.last else { throw HTTPError.notFound }
            let students = try c.journalStudents(classID: scope.classID, groupID: scope.groupID, from: first.startsOn, to: last.endsOn)
            let rules = try desk.rules(c, classID: scope.classID, subjectID: scope.subjectID, at: visit.now)
            let yearEnds = try c.academicYear(containing: last.endsOn)?.endsOn ?? last.endsOn
            let open = AccessPolicy.permits(visit.actor!, .setPeriodMarks, scope.resource) && rules.finalMark(lastPeriod: last.dates, yearEnds: yearEnds) == nil
            let marks = try c.finalMarks(students: students.map(\.id), subject: scope.subjectID, year: schoolClass.yearID)
            return Finals(className: schoolClass.name, subjectName: subject, scale: try c.subjectScale(scope.subjectID) ?? .marks, periods: periods,
                          students: students, marks: marks, open: open,
                          kinds: PeriodMarkKind.yearKinds(grade: schoolClass.grade, anyExamMark: marks.contains { $0.kind == .exam }))
        }
    }

    func finalsGrid(_ visit: Visit) throws -> Response {
        let w = visit.words
        let scope = try sheetScope(visit)
        let f = try loadFinals(visit, scope)
        let group = scope.groupID.map { "group=\($0)" }
        let query = group.map { "&\($0)" } ?? ""
        let tabs: [HTML] = f.periods.map { "<a href=\"?period=\($0.id)\(query)\">\(w.period($0))</a>" }
            + ["<a href=\"?finals=1\(query)\" aria-current=\"page\">\(w.yearAndFinalTab)</a>"]
        let choices = MarkValue.finalChoices(f.scale)
        let rows: [HTML] = f.students.map { s in
            let periodCells: [HTML] = f.periods.map { p in "<td class=\"pm\">\(Self.badge(f.value(s.id, .period, period: p.id), w))</td>" }
            let suggestion = FinalMarkRule.suggest(year: f.value(s.id, .year), exam: f.value(s.id, .exam))
            let yearCells: [HTML] = f.kinds.map { kind in
                let current = f.value(s.id, kind)
                let hint: HTML = kind == .final && suggestion != nil && suggestion != current
                    ? "<small class=\"forecast\">\(w.bySchoolRule(suggestion!))</small>" : ""
                guard f.open else { return "<td class=\"pm\">\(Self.badge(current, w))\(hint)</td>" }
                var options = HTMLBytes(capacity: 256)
                Self.options(&options, choices, current, w)
                return """
                    <td class="pm"><select name="\(kind.rawValue)_\(s.id)" aria-label="\(w.kindMarkOf(kind, s.name))"><option value=""></option>\(HTML(trusted: String(decoding: options.bytes, as: UTF8.self)))</select>\(hint)</td>
                    """
            }
            return "<tr data-student=\"\(s.id)\"><th class=\"name\" scope=\"row\">\(s.name)</th>\(each: periodCells)\(each: yearCells)</tr>"
        }
        let heads: [HTML] = f.periods.map { "<th class=\"pm\" scope=\"col\" title=\"\(w.period($0))\">\(w.periodShort($0))</th>" }
            + f.kinds.map { "<th class=\"pm\" scope=\"col\" title=\"\(w.kindName($0))\">\(w.kindHeading($0))</th>" }
        let action = "/journal/\(scope.classID)/\(scope.subjectID)/finals" + (group.map { "?\($0)" } ?? "")
        let api = "/api/v1/period-marks?class=\(scope.classID)&subject=\(scope.subjectID)" + query
        let table: HTML = """
            <form method="post" action="\(action)"><input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <div class="table-wrap grid-wrap"><table class="journal-grid finals-grid" data-editable="false" data-scale="\(f.scale.rawValue)" data-period="0" data-period-api="\(api)">
            <thead><tr><th class="name">\(w.studentHeading)</th>\(each: heads)</tr></thead><tbody>\(each: rows)</tbody></table></div>
            \(f.open ? "<p><label>\(w.yearReasonLabel) <input name=\"reason\" id=\"year-reason\" maxlength=\"500\"></label></p><p><button>\(w.saveYearMarks)</button></p>" as HTML : "")
            </form>
            """
        let title = "\(f.className) · \(f.subjectName)"
        return try JournalFrame.page(visit, database: database, title: title,
                                     nav: [(w.menuJournals, "/journal"), (w.menuMyDay, "/day")],
                                     scripts: f.open ? [Assets.gridScript] : [], """
            <main class="journal">
            <h1>\(f.subjectName), \(f.className)</h1>
            <nav class="tabs">\(each: tabs)</nav>
            <p class="muted small">\(f.open ? w.finalRuleExplained : w.finalsWindowClosed)</p>
            <p id="grid-status" class="grid-status" role="status" aria-live="polite"></p>
            \(table)
            \(f.students.isEmpty ? "<p class=\"card\">\(w.noStudents)</p>" as HTML : "")
            </main>
            """)
    }

    static func badge(_ v: MarkValue?, _ w: Words) -> HTML {
        guard let v else { return "—" }
        var out = HTMLBytes(capacity: 64)
        badge(&out, v, w)
        return HTML(trusted: String(decoding: out.bytes, as: UTF8.self))
    }

    /// The plain form of the tab: every choice saved on its own; the refusals listed.
    func saveFinals(_ visit: Visit) throws -> Response {
        let scope = try sheetScope(visit)
        let form = try visit.request.form()
        let w = visit.words
        let f = try loadFinals(visit, scope)
        var problems: [String] = []
        for s in f.students {
            for kind in f.kinds {
                guard let text = form["\(kind.rawValue)_\(s.id)"] else { continue }
                let value = MarkValue(text: text) ?? MarkValue.typed(text)
                if !text.isEmpty, value == nil {
                    problems.append(w.finalMarkRange(s.name, typed: text))
                    continue
                }
                guard value != f.value(s.id, kind) else { continue }
                do {
                    try desk.setFinalMark(classID: scope.classID, subjectID: scope.subjectID, kind: kind, period: nil, student: s.id,
                                          value: value, reason: form["reason"] ?? "", by: visit.editor)
                } catch let error as DeskError {
                    problems.append("\(s.name), \(w.kindName(kind)): \(error.message(in: w))")
                }
            }
        }
        let back = "/journal/\(scope.classID)/\(scope.subjectID)?finals=1" + (scope.groupID.map { "&group=\($0)" } ?? "")
        guard !problems.isEmpty else { return .redirect(to: back) }
        let items: [HTML] = problems.map { "<li>\($0)</li>" }
        return try JournalFrame.page(visit, database: database, title: w.finalMarksTitle, status: 409, """
            <main><div class="card"><h1>\(w.notAllFinalMarksSaved)</h1><ul>\(each: items)</ul>
            <p><a class="button" href="\(back)">\(w.backToJournal)</a></p></div></main>
            """)
    }
}
