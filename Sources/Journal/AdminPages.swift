import Domain
import HTTP
import Setup
import Storage
import WebUI

/// The journal's administration: settings and work types (administrator), unlocks and
/// transfer windows (deputy), the change log with its CSV export (administrator), and the
/// thematic plan of a class's subject (its teacher).
struct AdminPages: Sendable {
    let database: Database
    let desk: JournalDesk

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/settings", .school(.changeSettings)) { visit in try settings(visit) },
            AppRoute(.post, "/settings", .school(.changeSettings)) { visit in try saveSettings(visit) },
            AppRoute(.post, "/settings/work-types", .school(.changeSettings)) { visit in try saveWorkTypes(visit) },
            AppRoute(.get, "/unlocks", .school(.grantUnlocks)) { visit in try unlocks(visit) },
            AppRoute(.post, "/unlocks", .school(.grantUnlocks)) { visit in try grantUnlock(visit) },
            AppRoute(.post, "/unlocks/transfer", .school(.grantUnlocks)) { visit in try openTransfer(visit) },
            AppRoute(.get, "/audit", .school(.viewAudit)) { visit in try auditPage(visit) },
            AppRoute(.get, "/audit.csv", .school(.viewAudit)) { visit in try auditCSV(visit) },
            AppRoute(.get, "/journal/{class:int}/{subject:int}/plan", .policy(.viewJournal, resource: classSubject)) { visit in try plan(visit) },
            AppRoute(.post, "/journal/{class:int}/{subject:int}/plan", .policy(.editJournal, resource: classSubject)) { visit in try importPlan(visit) },
        ]
    }

    func classSubject(_ visit: Visit) throws -> Resource {
        .classSubject(classID: try visit.request.pathParameters.int("class"), subjectID: try visit.request.pathParameters.int("subject"), groupID: nil)
    }

    /// Thrown inside a write to undo everything when one field of a form is wrong.
    struct Rollback: Error {}

    func csrf(_ visit: Visit) -> HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(visit.csrfToken)\">" }

    func editor(_ visit: Visit) -> Editor {
        Editor(actor: visit.actor!, session: visit.session?.id, via: .page, at: visit.now, address: visit.request.remoteAddress)
    }

    // MARK: Settings and work types

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
            <td><input name="weight_\(t.id)" value="\(GridPages.weight(t.weight))" inputmode="decimal" class="narrow"></td>
            <td><input type="checkbox" name="active_\(t.id)" value="1"\(t.active ? " checked" : "")></td></tr>
            """
        }
        return try JournalFrame.page(visit, database: database, title: "Настройки журнала", status: status, """
            <main>
            <h1>Настройки журнала</h1>
            \(visit.request.query["saved"] == "1" ? "<p class=\"notice ok\" role=\"status\">Сохранено.</p>" as HTML : "")
            \(errors.isEmpty ? "" as HTML : "<p class=\"notice warn\" role=\"alert\">Не сохранено: исправьте отмеченные поля.</p>")
            <form method="post" action="/settings" class="card">\(csrf(visit))
            \(each: fields)
            <p><button>Сохранить настройки</button></p>
            </form>
            <form method="post" action="/settings/work-types" class="card spaced">\(csrf(visit))
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
            if !errors.isEmpty { throw Rollback() }
        } } catch is Rollback {}
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
                guard !name.isEmpty, let w = weight(form["weight_\(t.id)"] ?? GridPages.weight(t.weight)) else {
                    problem = "\(t.code): нужно название и вес от 0,1 до 100."
                    throw Rollback()
                }
                let active = form["active_\(t.id)"] == "1"
                guard name != t.name || w != t.weight || active != t.active else { continue }
                try c.updateWorkType(t.id, name: name, weight: w, active: active)
                try c.appendAudit(AuditEntry(at: visit.now, account: visit.actor!.accountID, session: visit.session?.id, via: .page,
                                             action: "work_type.change", entity: "work_type", entityID: t.id,
                                             oldValue: "\(t.code) \(t.name), вес \(GridPages.weight(t.weight))\(t.active ? "" : ", не используется")",
                                             newValue: "\(t.code) \(name), вес \(GridPages.weight(w))\(active ? "" : ", не используется")",
                                             address: visit.request.remoteAddress))
            }
            let code = (form["new_code"] ?? "").trimmingWhitespace.uppercased()
            guard !code.isEmpty else { return }
            let name = (form["new_name"] ?? "").trimmingWhitespace
            guard code.count <= 6, code.allSatisfy({ $0.isLetter || $0.isNumber }), !name.isEmpty, let w = weight(form["new_weight"] ?? "") else {
                problem = "Новый вид работы: код до 6 букв, название и вес от 0,1 до 100."
                throw Rollback()
            }
            guard try !c.workTypes(includingInactive: true).contains(where: { $0.code == code }) else {
                problem = "Вид работы с кодом «\(code)» уже есть."
                throw Rollback()
            }
            let id = try c.addWorkType(code: code, name: name, weight: w)
            try c.appendAudit(AuditEntry(at: visit.now, account: visit.actor!.accountID, session: visit.session?.id, via: .page,
                                         action: "work_type.create", entity: "work_type", entityID: id, newValue: "\(code) \(name), вес \(GridPages.weight(w))",
                                         address: visit.request.remoteAddress))
        } } catch is Rollback {}
        if let problem {
            return try settings(visit, errors: ["work_types": problem],
                                typed: ["new_code": form["new_code"] ?? "", "new_name": form["new_name"] ?? "", "new_weight": form["new_weight"] ?? ""], status: 422)
        }
        return .redirect(to: "/settings?saved=1")
    }

    // MARK: Unlocks and transfer windows

    func unlocks(_ visit: Visit, error: String? = nil, status: Int = 200) throws -> Response {
        let (unlocks, windows, classes, subjects) = try database.read { c in
            (try c.activeUnlocks(now: visit.now), try c.activeTransferWindows(now: visit.now),
             try c.academicYear(containing: visit.today).map { try c.classList(year: $0.id) } ?? [], try c.subjectList())
        }
        let time = { (t: Int) -> String in
            let m = SchoolDateTime(unixSeconds: t, offsetMinutes: desk.utcOffsetMinutes)
            return "\(m.date.russian) \(m.time)"
        }
        let unlockRows: [HTML] = unlocks.map { "<tr><td>\($0.className)</td><td>\($0.subject)</td><td>\($0.from.russian)–\($0.to.russian)</td><td>\(time($0.until))</td><td>\($0.reason)</td></tr>" }
        let windowRows: [HTML] = windows.map { "<tr><td>\($0.from.russian)–\($0.to.russian)</td><td>\(time($0.until))</td><td>\($0.reason)</td></tr>" }
        let week = visit.today.adding(days: 7).iso
        return try JournalFrame.page(visit, database: database, title: "Открытие журнала", status: status, """
            <main>
            <h1>Открытие журнала</h1>
            \(error.map { "<p class=\"notice warn\" role=\"alert\">\($0)</p>" as HTML })
            \(visit.request.query["saved"] == "1" ? "<p class=\"notice ok\" role=\"status\">Сохранено.</p>" as HTML : "")
            <section class="card"><h2>Действующие разрешения</h2>
            \(unlockRows.isEmpty ? "<p class=\"muted\">Нет.</p>" as HTML : "<div class=\"table-wrap\"><table><thead><tr><th>Класс</th><th>Предмет</th><th>Даты уроков</th><th>До</th><th>Причина</th></tr></thead><tbody>\(each: unlockRows)</tbody></table></div>")
            </section>
            <form method="post" action="/unlocks" class="card spaced">\(csrf(visit))
            <h2>Разрешить исправления</h2>
            <p class="muted">Учитель сможет исправлять отметки и пропуски за эти даты (и итоговые, если в диапазон входит конец периода), пока действует разрешение.</p>
            <label>Класс <select name="class">\(each: classes.map { "<option value=\"\($0.id)\">\($0.name)</option>" as HTML })</select></label>
            <label>Предмет <select name="subject">\(each: subjects.map { "<option value=\"\($0.id)\">\($0.name)</option>" as HTML })</select></label>
            <label>Уроки с <input type="date" name="from" required></label>
            <label>по <input type="date" name="to" required></label>
            <label>Разрешение действует до конца дня <input type="date" name="until" value="\(week)" required></label>
            <label>Причина <input name="reason" maxlength="300" required></label>
            <p><button>Разрешить</button></p>
            </form>
            <section class="card spaced"><h2>Перенос из бумажных журналов</h2>
            \(windowRows.isEmpty ? "<p class=\"muted\">Окон переноса нет.</p>" as HTML : "<div class=\"table-wrap\"><table><thead><tr><th>Даты уроков</th><th>До</th><th>Причина</th></tr></thead><tbody>\(each: windowRows)</tbody></table></div>")
            </section>
            <form method="post" action="/unlocks/transfer" class="card spaced">\(csrf(visit))
            <h2>Открыть перенос после сбоя</h2>
            <p class="muted">Пока журнал был недоступен, учителя вели бумажные журналы. Записи за эти даты вносятся с исходными датами и помечаются как перенесённые.</p>
            <label>Даты сбоя с <input type="date" name="from" required></label>
            <label>по <input type="date" name="to" required></label>
            <label>Перенос открыт до конца дня <input type="date" name="until" value="\(JournalRules.addingWorkingDays(2, to: visit.today).iso)" required></label>
            <label>Причина <input name="reason" maxlength="300" required placeholder="Сбой электропитания"></label>
            <p><button>Открыть перенос</button></p>
            </form>
            </main>
            """)
    }

    /// The dates and deadline of an unlock or transfer form. - Throws: 422 with the message.
    func range(_ form: Parameters) throws -> (ClosedRange<CivilDate>, Int, String) {
        guard let from = CivilDate(iso: form["from"] ?? ""), let to = CivilDate(iso: form["to"] ?? ""), from <= to else {
            throw HTTPError(status: 422, message: "Укажите даты «с» и «по» (первая не позже второй).")
        }
        guard let until = CivilDate(iso: form["until"] ?? "") else { throw HTTPError(status: 422, message: "Укажите, до какого дня действует.") }
        let reason = (form["reason"] ?? "").trimmingWhitespace
        guard !reason.isEmpty else { throw HTTPError(status: 422, message: "Укажите причину.") }
        let end = SchoolDateTime(date: until.adding(days: 1), time: TimeOfDay(minutes: 0)).unixSeconds(offsetMinutes: desk.utcOffsetMinutes) - 1
        return (from...to, end, reason)
    }

    func grantUnlock(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        do {
            let (dates, until, reason) = try range(form)
            guard let classID = Int(form["class"] ?? ""), let subjectID = Int(form["subject"] ?? "") else { throw HTTPError(status: 422, message: "Выберите класс и предмет.") }
            do {
                _ = try desk.grantUnlock(classID: classID, subjectID: subjectID, dates: dates, until: until, reason: reason, by: editor(visit))
            } catch let error as JournalError { throw error.httpError }
        } catch let error as HTTPError where error.status == 422 {
            return try unlocks(visit, error: error.message, status: 422)
        }
        return .redirect(to: "/unlocks?saved=1")
    }

    func openTransfer(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        do {
            let (dates, until, reason) = try range(form)
            do {
                _ = try desk.openTransferWindow(dates: dates, until: until, reason: reason, by: editor(visit))
            } catch let error as JournalError { throw error.httpError }
        } catch let error as HTTPError where error.status == 422 {
            return try unlocks(visit, error: error.message, status: 422)
        }
        return .redirect(to: "/unlocks?saved=1")
    }

    // MARK: The change log

    static let actionNames: [String: String] = [
        "mark.create": "отметка поставлена", "mark.change": "отметка исправлена", "mark.delete": "отметка удалена",
        "absence.create": "пропуск отмечен", "absence.change": "причина пропуска изменена", "absence.delete": "пропуск снят",
        "period_mark.create": "итоговая поставлена", "period_mark.change": "итоговая исправлена", "period_mark.delete": "итоговая удалена",
        "topic.change": "тема урока", "homework.change": "домашнее задание", "homework.individual": "индивидуальное задание",
        "remark.create": "сообщение в дневник", "journal.unlock": "журнал открыт для исправлений", "journal.transfer_window": "открыт перенос",
        "timetable.substitution": "замена", "timetable.cancelled": "урок отменён", "timetable.moved": "урок перенесён",
        "timetable.replaced": "замена предмета", "access.denied": "отказ в доступе", "setting.change": "настройка изменена",
        "import.plan": "загружено КТП",
    ]

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
            let lesson: HTML = e.lesson.map { "<a href=\"/lessons/\($0)\">урок</a>" } ?? ""
            return """
                <tr><td>\(at.date.russian) \(at.time.description)</td><td>\(e.person ?? "система")<small class="muted"> \(e.login ?? "") · \(e.via)</small></td>
                <td>\(Self.actionNames[e.action] ?? e.action)</td><td>\(e.className ?? "")</td><td>\(e.studentName ?? "")</td><td>\(lesson)</td>
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
            csv.row(["\(at.date.russian) \(at.time)", e.person ?? "", e.login ?? "", e.via, Self.actionNames[e.action] ?? e.action, e.action,
                     e.className ?? "", e.studentName ?? "", e.lesson.map(String.init) ?? "", e.oldValue ?? "", e.newValue ?? "", e.reason])
        }
        // A byte-order mark: Excel then opens the file as UTF-8.
        var response = Response(status: 200, contentType: "text/csv; charset=utf-8", body: [0xEF, 0xBB, 0xBF] + Array(csv.text.utf8))
        response.headers.add("Content-Disposition", "attachment; filename=\"audit-\(visit.today.iso).csv\"")
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    // MARK: The thematic plan

    func plan(_ visit: Visit, problems: [String] = [], status: Int = 200) throws -> Response {
        let classID = try visit.request.pathParameters.int("class"), subjectID = try visit.request.pathParameters.int("subject")
        let (topics, names) = try database.read { c in
            (try c.planTopics(classID: classID, subjectID: subjectID),
             try c.first("SELECT c.name, s.name FROM school_class c, subject s WHERE c.id = ? AND s.id = ?", classID, subjectID) { ($0.string(0), $0.string(1)) })
        }
        guard let (className, subjectName) = names else { throw HTTPError.notFound }
        let rows: [HTML] = topics.map { "<tr><td>\($0.position)</td><td>\($0.title)</td><td>\($0.hours)</td></tr>" }
        let canEdit = AccessPolicy.permits(visit.actor!, .editJournal, .classSubject(classID: classID, subjectID: subjectID, groupID: nil))
        let upload: HTML = canEdit ? """
            <form method="post" action="/journal/\(classID)/\(subjectID)/plan" enctype="multipart/form-data" class="card spaced">\(csrf(visit))
            <h2>Загрузить КТП из CSV</h2>
            <p class="muted">Столбцы «Тема» и «Часы» (разделитель «;» или «,», UTF-8 или Windows-1251, как сохраняет Excel). Файл заменяет план; темы записываются в уроки года по порядку — каждая на столько уроков, сколько у неё часов, — там, где тема ещё не записана.</p>
            \(problems.isEmpty ? "" as HTML : "<div class=\"form-error\" role=\"alert\"><p>Файл не загружен, ничего не изменено:</p><ul>\(each: problems.map { "<li>\($0)</li>" as HTML })</ul></div>")
            <input type="file" name="file" accept=".csv,text/csv" required>
            <p><button>Загрузить</button></p>
            </form>
            """ : ""
        return try JournalFrame.page(visit, database: database, title: "КТП: \(className), \(subjectName)",
                                     nav: [("Журнал", "/journal/\(classID)/\(subjectID)")], status: status, """
            <main>
            <h1>КТП: \(subjectName), \(className)</h1>
            \(visit.request.query["saved"].map { "<p class=\"notice ok\" role=\"status\">КТП загружено; темы записаны в уроков: \($0).</p>" as HTML })
            <section class="card">
            \(rows.isEmpty ? "<p class=\"muted\">План ещё не загружен.</p>" as HTML : "<div class=\"table-wrap\"><table><thead><tr><th>№</th><th>Тема</th><th>Часов</th></tr></thead><tbody>\(each: rows)</tbody></table></div>")
            </section>
            \(upload)
            </main>
            """)
    }

    func importPlan(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("class"), subjectID = try visit.request.pathParameters.int("subject")
        guard let file = try visit.request.multipart().first(where: { $0.name == "file" }) else {
            return try plan(visit, problems: ["Выберите файл."], status: 422)
        }
        do {
            let outcome = try PlanImport.run(database, classID: classID, subjectID: subjectID, bytes: file.body, account: visit.actor!.accountID,
                                             session: visit.session?.id, via: .page, now: visit.now)
            return .redirect(to: "/journal/\(classID)/\(subjectID)/plan?saved=\(outcome.filled)")
        } catch let failure as ImportFailure {
            return try plan(visit, problems: failure.problems.map(\.description), status: 422)
        }
    }
}
