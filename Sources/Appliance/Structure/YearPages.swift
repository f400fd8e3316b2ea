import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The new year (`/school/year`), the administrator's: a date, a preview (the desk's dry run:
/// everything worked out and rolled back) and a confirmation that does it — one `YearDesk` call each.
struct YearPages: Sendable {
    let database: Database
    var desk: YearDesk { YearDesk(database: database) }

    var routes: [AppRoute] {
        let manage = Access.school(.manageStructure)
        return [
            AppRoute(.get, "/school/year", manage) { visit in try page(visit, outcome: nil, error: nil, status: 200) },
            AppRoute(.post, "/school/year/preview", manage) { visit in try run(visit, dryRun: true) },
            AppRoute(.post, "/school/year", manage) { visit in try run(visit, dryRun: false) },
        ]
    }

    /// Runs the desk on the form's date: a preview renders what would be done, a start goes
    /// back to the page saying so; a refusal shows its message beside the date.
    func run(_ visit: Visit, dryRun: Bool) throws -> Response {
        let form = try visit.request.form()
        guard let starts = CivilDate(typed: form["starts"] ?? "") else {
            return try page(visit, outcome: nil, error: visit.words.yearDateExpected, status: 422)
        }
        do {
            let outcome = try desk.startYear(starts: starts, dryRun: dryRun, by: visit.editor)
            if dryRun { return try page(visit, outcome: outcome, error: nil, status: 200) }
            return .redirect(to: "/school/year?started=\(outcome.year.id)")
        } catch let error as DeskError where error.field != nil {
            return try page(visit, outcome: nil, error: error.message(in: visit.words), status: 422)
        }
    }

    func page(_ visit: Visit, outcome: YearDesk.Outcome?, error: String?, status: Int) throws -> Response {
        let w = visit.words
        let (school, me, newest, closed) = try database.read { c in
            let newest = try c.newestAcademicYear()
            return (try c.school(), try c.personSummary(visit.actor!.personID, year: -1), newest, try newest.map { try c.isYearClosed($0.id) } ?? false)
        }
        let csrf: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(visit.csrfToken)\">"
        // The next year is started from one under way (the desk refuses it otherwise).
        let begun = newest.map { $0.startsOn <= visit.today } ?? true
        let typed = (try? visit.request.form()["starts"]).flatMap { $0 } ?? newest.map { $0.endsOn.adding(days: 1).russian } ?? ""
        let started: HTML = visit.request.query["started"] != nil && newest != nil
            ? "<p class=\"notice ok\" role=\"status\">\(w.yearStarted(newest!.name))</p>" : ""
        let problem: HTML = error.map { "<p class=\"field-error\" id=\"starts-error\">\($0)</p>" } ?? ""
        let ask: HTML = """
            <form method="post" action="/school/year/preview" class="card add-form">
            \(csrf)
            <div class="fields"><div><label for="starts">\(w.yearStarts)</label>\
            <input id="starts" name="starts" type="text" inputmode="numeric" value="\(typed)"\(error == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"starts-error\"" as HTML)>\(problem)</div></div>
            <p><button type="submit">\(w.yearPreview)</button></p>
            </form>
            """
        return Layout.response(Layout.page(title: w.yearTitle, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [(w.menuHome, "/"), (w.menuSchool, "/school")], """
            <main class="structure new-year">
            <h1>\(w.yearTitle)</h1>\(started)
            \(newest.map { "<p>\(w.yearCurrent($0.name, closed: closed))</p>" as HTML })
            <p class="muted">\(w.yearExplain)</p>
            \(begun ? ask : "<p class=\"notice\">\(w.yearNotBegun(newest!.name))</p>" as HTML)\(outcome.map { preview(visit, $0, csrf: csrf) })
            </main>
            """), status: status)
    }

    /// What the dry run found, and the form that does it.
    func preview(_ visit: Visit, _ o: YearDesk.Outcome, csrf: HTML) -> HTML {
        let w = visit.words
        let classes: [HTML] = o.classes.map {
            "<tr><td>\($0.from ?? ($0.grade == 1 ? w.yearNewFirstGrade : w.yearKeptBackOnly))</td><td>\($0.name)</td><td class=\"num\">\($0.students)</td></tr>"
        }
        let exceptions: [HTML] = o.exceptions.map { "<tr><td>\($0.name)</td><td>\($0.className)</td><td>\(w.transfer($0.transfer))</td></tr>" }
        return """
            <section class="card spaced year-preview" aria-labelledby="preview-title">
            <h2 id="preview-title">\(w.yearPreviewTitle(o.year.name, o.year.startsOn, o.year.endsOn))</h2>
            \(o.periodsRunUntil.map { "<p class=\"notice warn\" role=\"alert\">\(w.yearStillRuns(o.from.name, until: $0))</p>" as HTML })
            <p>\(w.yearFigures(promoted: o.promoted, conditional: o.conditional, keptBack: o.keptBack, graduates: o.graduates, leavers: o.leavers))</p>
            <p>\(w.yearCalendar(periods: o.periods, holidays: o.holidays, groups: o.groups, assignments: o.assignments))</p>
            <h3>\(w.yearClassMoves)</h3>
            <div class="table-wrap"><table class="structure-table"><thead><tr><th scope="col">\(w.yearFromClass)</th><th scope="col">\(w.yearToClass)</th>\
            <th scope="col">\(w.yearStudents)</th></tr></thead><tbody>\(each: classes)</tbody></table></div>\(exceptions.isEmpty ? "" : """
                <h3>\(w.yearExceptions)</h3>
                <div class="table-wrap"><table class="structure-table"><thead><tr><th scope="col">\(w.yearStudent)</th><th scope="col">\(w.yearClass)</th>\
                <th scope="col">\(w.yearWhere)</th></tr></thead><tbody>\(each: exceptions)</tbody></table></div>
                """ as HTML)
            <form method="post" action="/school/year">\(csrf)<input type="hidden" name="starts" value="\(o.year.startsOn.russian)">
            <p><button type="submit">\(w.yearConfirm)</button></p></form>
            </section>
            """
    }
}
