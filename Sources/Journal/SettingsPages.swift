import Domain
import HTTP
import Storage
import WebUI

/// The administrator's settings of the journal: the school's settings and its work types with their weights.
struct SettingsPages: Sendable {
    let database: Database

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/settings", .school(.changeSettings)) { visit in try settings(visit) },
            AppRoute(.post, "/settings", .school(.changeSettings)) { visit in try saveSettings(visit) },
            AppRoute(.post, "/settings/work-types", .school(.changeSettings)) { visit in try saveWorkTypes(visit) },
        ]
    }

    func settings(_ visit: Visit, errors: [String: String] = [:], typed: [String: String] = [:], status: Int = 200) throws -> Response {
        let (values, types) = try database.read { c in
            (try SchoolSettings.all.map { ($0, try SchoolSettings.value($0.key, c)) }, try c.workTypes(includingInactive: true))
        }
        let fields: [HTML] = values.map { d, value in
            """
            <label for="s-\(d.key)">\(d.meaning.capitalizedFirst)</label>
            <input id="s-\(d.key)" name="\(d.key)" value="\(typed[d.key] ?? value)"\(errors[d.key] == nil ? "" as HTML : " aria-invalid=\"true\"")>
            <p class="hint">Допустимо: \(d.allowed)</p>
            \(errors[d.key].map { "<p class=\"field-error\">\($0)</p>" as HTML })
            """
        }
        let rows: [HTML] = types.map { t in
            """
            <tr><td><b>\(t.code)</b></td><td><input name="name_\(t.id)" value="\(t.name)" maxlength="60"></td>
            <td><input name="weight_\(t.id)" value="\(RussianNumber.weight(t.weight))" inputmode="decimal" class="narrow"></td>
            <td><input type="checkbox" name="active_\(t.id)" value="1"\(t.active ? " checked" : "")></td></tr>
            """
        }
        return try JournalFrame.page(visit, database: database, title: "Настройки журнала", status: status, """
            <main>
            <h1>Настройки журнала</h1>
            \(visit.request.query["saved"] == "1" ? "<p class=\"notice ok\" role=\"status\">Сохранено.</p>" as HTML : "")
            \(errors.isEmpty ? "" as HTML : "<p class=\"notice warn\" role=\"alert\">Не сохранено: исправьте отмеченные поля.</p>")
            <form method="post" action="/settings" class="card">\(JournalFrame.csrfField(visit))
            \(each: fields)
            <p><button>Сохранить настройки</button></p>
            </form>
            <form method="post" action="/settings/work-types" class="card spaced">\(JournalFrame.csrfField(visit))
            <h2>Виды работ и их веса</h2>
            <p class="muted">Средний балл — Σ(вес × отметка) / Σ весов. Снятый флажок убирает вид работы из выбора; поставленные отметки остаются.</p>
            <div class="table-wrap"><table><thead><tr><th>Код</th><th>Название</th><th>Вес</th><th>Используется</th></tr></thead>
            <tbody>\(each: rows)
            <tr><td><input name="new_code" maxlength="6" class="narrow" placeholder="новый" value="\(typed["new_code"] ?? "")"></td>
            <td><input name="new_name" maxlength="60" value="\(typed["new_name"] ?? "")"></td><td><input name="new_weight" class="narrow" inputmode="decimal" value="\(typed["new_weight"] ?? "")"></td><td></td></tr>
            </tbody></table></div>
            \(errors["work_types"].map { "<p class=\"field-error\">\($0)</p>" as HTML })
            <p><button>Сохранить виды работ</button></p>
            </form>
            </main>
            """)
    }

    func saveSettings(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        var errors: [String: String] = [:], typed: [String: String] = [:]
        do { try database.write { c in
            for d in SchoolSettings.all {
                guard let value = form[d.key]?.trimmingWhitespace else { continue }
                let old = try SchoolSettings.value(d.key, c)
                guard value != old else { continue }
                do {
                    try SchoolSettings.set(d.key, value, c)
                    try c.appendAudit(AuditEntry(at: visit.now, account: visit.actor!.accountID, session: visit.session?.id, via: .page,
                                                 action: "setting.change", entity: "setting", oldValue: "\(d.key)=\(old)", newValue: "\(d.key)=\(value)",
                                                 address: visit.request.remoteAddress))
                } catch let refusal as SchoolSettings.Refusal {
                    errors[d.key] = refusal.description
                    typed[d.key] = value
                }
            }
            // Nothing is saved unless everything is.
            if !errors.isEmpty { throw JournalFrame.Rollback() }
        } } catch is JournalFrame.Rollback {}
        if !errors.isEmpty { return try settings(visit, errors: errors, typed: typed, status: 422) }
        return .redirect(to: "/settings?saved=1")
    }

    func saveWorkTypes(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        func weight(_ text: String) -> Double? {
            Double(text.replacing(",", with: ".")).flatMap { (0.1...100).contains($0) ? $0 : nil }
        }
        var problem: String?
        do { try database.write { c in
            for t in try c.workTypes(includingInactive: true) {
                let name = (form["name_\(t.id)"] ?? t.name).trimmingWhitespace
                guard !name.isEmpty, let w = weight(form["weight_\(t.id)"] ?? RussianNumber.weight(t.weight)) else {
                    problem = "\(t.code): нужно название и вес от 0,1 до 100."
                    throw JournalFrame.Rollback()
                }
                let active = form["active_\(t.id)"] == "1"
                guard name != t.name || w != t.weight || active != t.active else { continue }
                try c.updateWorkType(t.id, name: name, weight: w, active: active)
                try c.appendAudit(AuditEntry(at: visit.now, account: visit.actor!.accountID, session: visit.session?.id, via: .page,
                                             action: "work_type.change", entity: "work_type", entityID: t.id,
                                             oldValue: "\(t.code) \(t.name), вес \(RussianNumber.weight(t.weight))\(t.active ? "" : ", не используется")",
                                             newValue: "\(t.code) \(name), вес \(RussianNumber.weight(w))\(active ? "" : ", не используется")",
                                             address: visit.request.remoteAddress))
            }
            let code = (form["new_code"] ?? "").trimmingWhitespace.uppercased()
            guard !code.isEmpty else { return }
            let name = (form["new_name"] ?? "").trimmingWhitespace
            guard code.count <= 6, code.allSatisfy({ $0.isLetter || $0.isNumber }), !name.isEmpty, let w = weight(form["new_weight"] ?? "") else {
                problem = "Новый вид работы: код до 6 букв, название и вес от 0,1 до 100."
                throw JournalFrame.Rollback()
            }
            guard try !c.workTypes(includingInactive: true).contains(where: { $0.code == code }) else {
                problem = "Вид работы с кодом «\(code)» уже есть."
                throw JournalFrame.Rollback()
            }
            let id = try c.addWorkType(code: code, name: name, weight: w)
            try c.appendAudit(AuditEntry(at: visit.now, account: visit.actor!.accountID, session: visit.session?.id, via: .page,
                                         action: "work_type.create", entity: "work_type", entityID: id, newValue: "\(code) \(name), вес \(RussianNumber.weight(w))",
                                         address: visit.request.remoteAddress))
        } } catch is JournalFrame.Rollback {}
        if let problem {
            return try settings(visit, errors: ["work_types": problem],
                                typed: ["new_code": form["new_code"] ?? "", "new_name": form["new_name"] ?? "", "new_weight": form["new_weight"] ?? ""], status: 422)
        }
        return .redirect(to: "/settings?saved=1")
    }
}
