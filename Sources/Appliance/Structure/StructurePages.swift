import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The school's structure (`/school/…`): the year's periods and holidays, bells, rooms,
/// subjects, classes and teaching assignments. The administrator edits them through
/// `StructureDesk`, in a table whose rows are forms and an add form below it; the director and
/// the deputy read the same tables. A change to the dates lessons fall on re-plans them, and
/// the pages list the lessons with entries that the plan has left outside.
struct StructurePages: Sendable {
    let database: Database
    var desk: StructureDesk { StructureDesk(database: database) }

    /// The parts of the structure, each a page.
    enum Section: String, CaseIterable, Sendable {
        case periods, holidays, bells, rooms, subjects, classes, assignments
    }

    var routes: [AppRoute] {
        let view = Access.school(.viewStructure)
        return [AppRoute(.get, "/school", view) { visit in try index(visit) }]
            + calendarRoutes + bellRoutes + teachingRoutes
    }

    // MARK: Routes

    /// A change a page's form makes through the desk, and what it re-planned (nil: nothing).
    typealias Change = @Sendable (Visit, Parameters) throws -> StructureDesk.Replan?
    typealias RowChange = @Sendable (Visit, Int, Parameters) throws -> StructureDesk.Replan?

    /// A section's page and its writes: `GET /school/x`, `POST /school/x` (the add form),
    /// `POST /school/x/{id}` (a row's form, `row` followed by the id) and `POST /school/x/{id}/delete`.
    func section(_ section: Section, row: String, render: @escaping @Sendable (Visit, Draft) throws -> Response,
                 add: @escaping Change, change: @escaping RowChange, delete: @escaping RowChange) -> [AppRoute] {
        let path = "/school/\(section.rawValue)", manage = Access.school(.manageStructure)
        return [
            AppRoute(.get, path, .school(.viewStructure)) { visit in try render(visit, Draft()) },
            AppRoute(.post, path, manage) { visit in try save(visit, section, form: "new", render: render) { try add(visit, $0) } },
            AppRoute(.post, path + "/{id:int}", manage) { visit in
                let id = try pathID(visit)
                return try save(visit, section, form: row + String(id), render: render) { try change(visit, id, $0) }
            },
            AppRoute(.post, path + "/{id:int}/delete", manage) { visit in
                let id = try pathID(visit)
                return try save(visit, section, form: row + String(id), render: render) { try delete(visit, id, $0) }
            },
        ]
    }

    /// The year a form names (its hidden field).
    func formYear(_ f: Parameters) -> Int { Int(f["year"] ?? "") ?? -1 }

    // MARK: A form sent back

    /// What a refused form brings back to its page: which form it was, what was typed and the
    /// problem of each field.
    struct Draft {
        var form = ""
        var typed = Parameters()
        var errors: [String: String] = [:]
        var status = 200

        /// The value of a field of the form `formID`: as typed when that form came back, else as stored.
        func value(_ formID: String, _ name: String, _ stored: String) -> String { form == formID ? typed[name] ?? "" : stored }
        func error(_ formID: String, _ name: String) -> String? { form == formID ? errors[name] : nil }
        func checked(_ formID: String, _ name: String, _ stored: Bool) -> Bool { form == formID ? typed[name] != nil : stored }
    }

    /// Runs a change from a form; a refusal renders the page again with the form as typed (422),
    /// success goes back to the page with what the re-plan did.
    func save(_ visit: Visit, _ section: Section, form formID: String, render: (Visit, Draft) throws -> Response,
              _ change: (Parameters) throws -> StructureDesk.Replan?) throws -> Response {
        let form = try visit.request.form()
        do {
            let replan = try change(form)
            var target = "/school/\(section.rawValue)?saved=1"
            for name in ["year", "class"] where Int(form[name] ?? "") != nil { target += "&\(name)=\(form[name]!)" }
            if let replan { target += "&created=\(replan.created)&removed=\(replan.removed)" }
            return .redirect(to: target)
        } catch let DeskError.invalidFields(errors) {
            return try render(visit, Draft(form: formID, typed: form, errors: errors, status: 422))
        } catch let DeskError.invalid(message, field) {
            return try render(visit, Draft(form: formID, typed: form, errors: [field: message], status: 422))
        }
    }

    /// The id in the path, as `{id:int}`.
    func pathID(_ visit: Visit, _ name: String = "id") throws -> Int { try visit.request.pathParameters.int(name) }

    /// The year the page shows: the one asked for, else the one containing today, else the last.
    func years(_ c: Connection, _ visit: Visit) throws -> (year: AcademicYear?, all: [AcademicYear]) {
        let all = try c.academicYears()
        let asked = visit.request.query["year"].flatMap(Int.init) ?? (visit.request.method == .post ? (try? visit.request.form()["year"]).flatMap { $0.flatMap(Int.init) } : nil)
        return (all.first { $0.id == asked } ?? all.first { $0.dates.contains(visit.today) } ?? all.last, all)
    }

    func canEdit(_ visit: Visit) -> Bool { AccessPolicy.permits(visit.actor!, .manageStructure, .school) }

    // MARK: The frame

    func title(_ section: Section?, _ w: Words) -> String {
        switch section {
        case nil: w.structureTitle
        case .periods: w.structurePeriods
        case .holidays: w.structureHolidays
        case .bells: w.structureBells
        case .rooms: w.structureRooms
        case .subjects: w.structureSubjects
        case .classes: w.structureClasses
        case .assignments: w.structureAssignments
        }
    }

    /// A structure page: the sections as tabs, the year (and a choice of years), what was saved, the content.
    func frame(_ visit: Visit, _ section: Section?, year: AcademicYear?, years: [AcademicYear], status: Int, _ content: HTML) throws -> Response {
        let w = visit.words
        let (school, me) = try database.read { c in (try c.school(), try c.personSummary(visit.actor!.personID, year: -1)) }
        let query = year.map { "?year=\($0.id)" } ?? ""
        let tabs: [HTML] = Section.allCases.map { s in
            "<a href=\"/school/\(s.rawValue)\(query)\"\(s == section ? " aria-current=\"page\"" as HTML : "")>\(title(s, w))</a>"
        }
        let choice: HTML = years.count < 2 ? "" : """
            <form method="get" action="/school\(section.map { "/" + $0.rawValue } ?? "")" class="year-choice">
            <label for="year">\(w.structureYear)</label>
            <select id="year" name="year">\(each: years.map { "<option value=\"\($0.id)\"\($0.id == year?.id ? " selected" : "")>\($0.name)</option>" as HTML })</select>
            <button type="submit" class="secondary">\(w.structureShow)</button>
            </form>
            """
        let saved: HTML
        if status != 200 {
            saved = "<p class=\"notice warn\" role=\"alert\">\(w.structureNotSaved)</p>"
        } else if visit.request.query["saved"] == "1" {
            let q = visit.request.query
            if let created = q["created"].flatMap(Int.init), let removed = q["removed"].flatMap(Int.init) {
                saved = "<p class=\"notice ok\" role=\"status\">\(w.structureSavedReplanned(created: created, removed: removed))</p>"
            } else {
                saved = "<p class=\"notice ok\" role=\"status\">\(w.structureSaved)</p>"
            }
        } else {
            saved = ""
        }
        let heading = title(section, w)
        return Layout.response(Layout.page(title: heading, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [(w.menuHome, "/"), (w.menuSchool, "/school")], """
            <main class="structure">
            <nav class="tabs" aria-label="\(w.structureTitle)">\(each: tabs)</nav>
            <h1>\(heading)\(year.map { " <small>\($0.name)</small>" as HTML })</h1>
            \(choice)
            \(saved)
            \(content)
            </main>
            """), status: status)
    }

    // MARK: Fields

    /// An input of form `formID` with its problem below it. In a table row (`row`) it belongs to
    /// the row's form by the `form` attribute and is named by `aria-label`; elsewhere it has its label.
    func field(_ d: Draft, _ formID: String, _ name: String, _ label: String, _ stored: String, type: String = "text",
               attributes: HTML = "", row: Bool) -> HTML {
        let id = "\(formID)-\(name)"
        let error = d.error(formID, name)
        return """
            \(row ? "" : "<label for=\"\(id)\">\(label)</label>" as HTML)<input id="\(id)" name="\(name)" type="\(type)" value="\(d.value(formID, name, stored))"\
            \(row ? " form=\"\(formID)\" aria-label=\"\(label)\"" as HTML : "")\(attributes)\(invalid(id, error))>\(problem(id, error))
            """
    }

    /// A choice of `options` (value, label) in form `formID`.
    func select(_ d: Draft, _ formID: String, _ name: String, _ label: String, _ stored: String, _ options: [(String, String)], row: Bool) -> HTML {
        let id = "\(formID)-\(name)"
        let error = d.error(formID, name)
        let chosen = d.value(formID, name, stored)
        let items: [HTML] = options.map { "<option value=\"\($0.0)\"\($0.0 == chosen ? " selected" : "")>\($0.1)</option>" }
        return """
            \(row ? "" : "<label for=\"\(id)\">\(label)</label>" as HTML)<select id="\(id)" name="\(name)"\
            \(row ? " form=\"\(formID)\" aria-label=\"\(label)\"" as HTML : "")\(invalid(id, error))>\(each: items)</select>\(problem(id, error))
            """
    }

    func checkbox(_ d: Draft, _ formID: String, _ name: String, _ label: String, _ stored: Bool, row: Bool) -> HTML {
        let id = "\(formID)-\(name)"
        let box: HTML = "<input id=\"\(id)\" name=\"\(name)\" type=\"checkbox\" value=\"1\"\(d.checked(formID, name, stored) ? " checked" : "")\(row ? " form=\"\(formID)\" aria-label=\"\(label)\"" as HTML : "")>"
        return row ? box : "<label class=\"choice\" for=\"\(id)\">\(box) \(label)</label>"
    }

    func invalid(_ id: String, _ error: String?) -> HTML { error == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(id)-error\"" }
    func problem(_ id: String, _ error: String?) -> HTML { error.map { "<p class=\"field-error\" id=\"\(id)-error\">\($0)</p>" as HTML } ?? "" }

    /// The last cell of an editable row: its form with Save, a Delete form, and the refusal of a delete.
    func actions(_ visit: Visit, _ d: Draft, _ formID: String, save: String, delete: String?, label: String) -> HTML {
        let w = visit.words
        let csrf: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(visit.csrfToken)\">"
        let error = d.error(formID, "delete")
        return """
            <td class="actions"><form id="\(formID)" method="post" action="\(save)">\(csrf)<button type="submit" aria-label="\(w.structureSave): \(label)">\(w.structureSave)</button></form>\
            \(delete.map { "<form method=\"post\" action=\"\($0)\">\(csrf)<button type=\"submit\" class=\"secondary\" aria-label=\"\(w.structureDelete): \(label)\">\(w.structureDelete)</button></form>" as HTML })\
            \(problem("\(formID)-delete", error))</td>
            """
    }

    /// The add form of a page: its fields in a grid and the button.
    func addForm(_ visit: Visit, action: String, year: AcademicYear?, title: String, button: String, _ fields: [HTML]) -> HTML {
        guard canEdit(visit) else { return "" }
        return """
            <form method="post" action="\(action)" class="card add-form">
            <h2>\(title)</h2>
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">\(year.map { "<input type=\"hidden\" name=\"year\" value=\"\($0.id)\">" as HTML })
            <div class="fields">\(each: fields.map { "<div>\($0)</div>" as HTML })</div>
            <p><button type="submit">\(button)</button></p>
            </form>
            """
    }

    /// A table of what exists: a header and rows; rows of an editable table are forms.
    func table(_ heads: [String], _ rows: [HTML], empty: String, editable: Bool) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"muted\">\(empty)</p>" }
        let cells: [HTML] = heads.map { "<th scope=\"col\">\($0)</th>" }
        return """
            <div class="table-wrap"><table class="structure-table\(editable ? " edit-table" : "")"><thead><tr>\(each: cells)</tr></thead>
            <tbody>\(each: rows)</tbody></table></div>
            """
    }

    // MARK: Lessons outside the plan

    /// The lessons with entries that the plan has left outside (on a holiday, in no period), with links to them.
    func outsidePlan(_ visit: Visit, _ lessons: [LessonOutsidePlan]) -> HTML {
        guard !lessons.isEmpty else { return "" }
        let w = visit.words
        let shown = lessons.prefix(300)
        let rows: [HTML] = shown.map { l in
            let entered = [l.marks > 0 ? w.structureMarksCount(l.marks) : nil, l.absences > 0 ? w.structureAbsencesCount(l.absences) : nil,
                           l.topic ? w.structureTopicEntered : nil, l.homework ? w.structureHomeworkEntered : nil,
                           l.remarks ? w.structureRemarksEntered : nil, l.changed ? w.structureTimetableChanged : nil]
                .compactMap { $0 }.joined(separator: ", ")
            return """
                <tr><td>\(l.date.russian)</td><td>\(l.bell)</td><td>\(l.className)</td><td>\(l.subject)\(l.group.map { " <small class=\"muted\">\($0)</small>" as HTML })</td>
                <td>\(entered)</td><td class="nowrap"><a href="/lessons/\(l.id)">\(w.structureOpenLesson)</a></td></tr>
                """
        }
        return """
            <section class="card spaced outside-plan" id="outside-plan">
            <h2>\(w.structureOutsidePlan(lessons.count))</h2>
            <p class="muted">\(w.structureOutsidePlanHint)</p>
            \(table([w.structureDate, w.structureBellNumber, w.structureClass, w.structureSubject, w.structureEntered, ""], rows, empty: "", editable: false))
            \(lessons.count > shown.count ? "<p class=\"muted\">\(w.structureMore(lessons.count - shown.count))</p>" as HTML : "")
            </section>
            """
    }

    // MARK: The index

    func index(_ visit: Visit) throws -> Response {
        let w = visit.words
        let data = try database.read { c in
            let (year, all) = try years(c, visit)
            let id = year?.id ?? -1
            return (year: year, all: all, periods: try c.periods(year: id), holidays: try c.holidays(year: id), schedules: try c.bellSchedules(),
                    rooms: try c.rooms(), subjects: try c.subjects(), classes: try c.classProfiles(year: id),
                    assignments: try c.teachingAssignments(year: id), outside: try c.lessonsOutsidePlan(year: id))
        }
        let query = data.year.map { "?year=\($0.id)" } ?? ""
        let quarters = data.periods.filter { $0.scheme == .quarter }.count
        let summaries: [(Section, String, String)] = [
            (.periods, w.structurePeriodsHint, w.structurePeriodsCount(quarters: quarters, halves: data.periods.count - quarters)),
            (.holidays, w.structureHolidaysHint, w.structureCount(data.holidays.count)),
            (.bells, w.structureBellsHint, w.structureSchedulesCount(data.schedules.count)),
            (.rooms, w.structureRoomsHint, w.structureCount(data.rooms.count)),
            (.subjects, w.structureSubjectsHint, w.structureCount(data.subjects.count)),
            (.classes, w.structureClassesHint, w.structureCount(data.classes.count)),
            (.assignments, w.structureAssignmentsHint,
             w.structureAssignmentsCount(data.assignments.count, hours: RussianNumber.weight(data.assignments.reduce(0) { $0 + $1.hours }))),
        ]
        let links: [HTML] = summaries.map { s, hint, count in
            "<a href=\"/school/\(s.rawValue)\(query)\">\(title(s, w))<small>\(hint)</small><small class=\"count\">\(count)</small></a>"
        } + (canEdit(visit) ? ["<a href=\"/school/year\">\(w.yearTitle)<small>\(w.yearHint)</small></a>"] : [])
        return try frame(visit, nil, year: data.year, years: data.all, status: 200, """
            \(data.year == nil ? "<p class=\"notice\">\(w.structureNoYear)</p>" as HTML : "")
            <div class="links">\(each: links)</div>
            \(outsidePlan(visit, data.outside))
            """)
    }
}
