import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The administrator's settings of the journal: the school's settings and its work types with their weights.
struct SettingsPages: Sendable {
    let database: Database
    let desk: SettingsDesk

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/settings", .school(.changeSettings)) { visit in try settings(visit) },
            AppRoute(.post, "/settings", .school(.changeSettings)) { visit in try saveSettings(visit) },
            AppRoute(.post, "/settings/work-types", .school(.changeSettings)) { visit in try saveWorkTypes(visit) },
        ]
    }

    /// `errors` are shown as they are (the desk's messages put in the visitor's words by the caller).
    func settings(_ visit: Visit, errors: [String: String] = [:], typed: [String: String] = [:], status: Int = 200) throws -> Response {
        let w = visit.words
        let (stored, types) = try database.read { c in
            (try SchoolSettings.definitions.map { ($0, try c.setting($0.key) ?? $0.defaultValue) }, try c.workTypes(includingInactive: true))
        }
        // A setting with a few values is a labelled choice; a number is a field with its range.
        let fields: [HTML] = stored.map { d, value in
            let current = typed[d.key] ?? value
            let invalid: HTML = errors[d.key] == nil ? "" : " aria-invalid=\"true\""
            let input: HTML = d.choices.isEmpty
                ? (d.isNumber ? "<input id=\"s-\(d.key)\" name=\"\(d.key)\" value=\"\(current)\" inputmode=\"numeric\" class=\"narrow\"\(invalid)>"
                    : "<input id=\"s-\(d.key)\" name=\"\(d.key)\" value=\"\(current)\" autocapitalize=\"none\" spellcheck=\"false\"\(invalid)>")
                : "<select id=\"s-\(d.key)\" name=\"\(d.key)\"\(invalid)>\(each: d.choices.map { "<option value=\"\($0.value)\"\($0.value == current ? " selected" : "")>\(w.settingChoice(d, $0))</option>" as HTML })</select>"
            return """
                <label for="s-\(d.key)">\(w.settingMeaning(d).capitalizedFirst)</label>
                \(input)
                \(d.choices.isEmpty ? "<p class=\"hint\">\(w.settingAllowed(d).capitalizedFirst)</p>" as HTML : "")
                \(errors[d.key].map { "<p class=\"field-error\">\($0)</p>" as HTML })
                """
        }
        let rows: [HTML] = types.map { t in
            """
            <tr><td><b>\(t.code)</b></td><td><input name="name_\(t.id)" value="\(t.name)" maxlength="60" aria-label="\(w.nameHeading): \(t.code)"></td>
            <td><input name="weight_\(t.id)" value="\(w.weight(t.weight))" inputmode="decimal" class="narrow" aria-label="\(w.weightHeading): \(t.code)"></td>
            <td><input type="checkbox" name="active_\(t.id)" value="1"\(t.active ? " checked" : "") aria-label="\(w.inUseHeading): \(t.code)"></td></tr>
            """
        }
        return try JournalFrame.page(visit, database: database, title: w.sectionSettings, status: status, """
            <main>
            <h1>\(w.sectionSettings)</h1>
            \(visit.request.query["saved"] == "1" ? "<p class=\"notice ok\" role=\"status\">\(w.saved)</p>" as HTML : "")
            \(errors.isEmpty ? "" as HTML : "<p class=\"notice warn\" role=\"alert\">\(w.notSaved)</p>")
            <form method="post" action="/settings" class="card">\(JournalFrame.csrfField(visit))
            \(each: fields)
            <p><button>\(w.saveSettings)</button></p>
            </form>
            <form method="post" action="/settings/work-types" class="card spaced">\(JournalFrame.csrfField(visit))
            <h2>\(w.workTypesTitle)</h2>
            <p class="muted">\(w.workTypesText)</p>
            <div class="table-wrap"><table><thead><tr><th>\(w.codeHeading)</th><th>\(w.nameHeading)</th><th>\(w.weightHeading)</th><th>\(w.inUseHeading)</th></tr></thead>
            <tbody>\(each: rows)
            <tr><td><input name="new_code" maxlength="6" class="narrow" placeholder="\(w.newPlaceholder)" value="\(typed["new_code"] ?? "")" aria-label="\(w.codeHeading): \(w.newPlaceholder)"></td>
            <td><input name="new_name" maxlength="60" value="\(typed["new_name"] ?? "")" aria-label="\(w.nameHeading): \(w.newPlaceholder)"></td><td><input name="new_weight" class="narrow" inputmode="decimal" value="\(typed["new_weight"] ?? "")" aria-label="\(w.weightHeading): \(w.newPlaceholder)"></td><td></td></tr>
            </tbody></table></div>
            \(errors["work_types"].map { "<p class=\"field-error\">\($0)</p>" as HTML })
            <p><button>\(w.saveWorkTypes)</button></p>
            </form>
            </main>
            """)
    }

    func saveSettings(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        let changes = SchoolSettings.definitions.compactMap { d in form[d.key].map { (key: d.key, value: $0.trimmingWhitespace) } }
        do {
            try desk.change(changes, by: visit.editor)
        } catch let DeskError.invalidFields(problems) {
            return try settings(visit, errors: problems.mapValues(visit.words.message), typed: Dictionary(changes, uniquingKeysWith: { a, _ in a }), status: 422)
        }
        return .redirect(to: "/settings?saved=1")
    }

    func saveWorkTypes(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        let types = try database.read { try $0.workTypes(includingInactive: true) }
        let changes = types.map { t in
            SettingsDesk.WorkTypeChange(id: t.id, name: form["name_\(t.id)"] ?? t.name, weight: form["weight_\(t.id)"] ?? RussianNumber.weight(t.weight),
                                        active: form["active_\(t.id)"] == "1")
        }
        do {
            try desk.saveWorkTypes(changes, new: (form["new_code"] ?? "", form["new_name"] ?? "", form["new_weight"] ?? ""), by: visit.editor)
        } catch let error as DeskError where error.field == "work_types" {
            return try settings(visit, errors: ["work_types": error.message(in: visit.words)],
                                typed: ["new_code": form["new_code"] ?? "", "new_name": form["new_name"] ?? "", "new_weight": form["new_weight"] ?? ""], status: 422)
        }
        return .redirect(to: "/settings?saved=1")
    }
}
