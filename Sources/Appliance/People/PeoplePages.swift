import Desks
import Domain
import HTTP
import Printing
import Routing
import Setup
import Storage
import WebUI

/// The administrator's people and accounts pages, and the class teacher's slips page.
struct PeoplePages {
    let database: Database
    var people: PeopleDesk { PeopleDesk(database: database) }

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/people", .policy(.viewPeople) { visit in
                visit.request.query["class"].flatMap(Int.init).map { .schoolClass($0) } ?? .school
            }) { visit in try list(visit) },
            AppRoute(.get, "/people/{id:int}", .policy(.viewPeople, resource: person)) { visit in try card(visit, errors: [:], status: 200) },
            AppRoute(.post, "/people/{id:int}/consent", .policy(.recordConsent, resource: person)) { visit in try recordConsent(visit) },
            AppRoute(.post, "/people/{id:int}/slip", .policy(.issueSlips, resource: person), slow: .computes) { visit in
                let id = try visit.request.pathParameters.int("id")
                return try slips(visit, people: [id], name: "login-\(id)")
            },
            AppRoute(.post, "/people/{id:int}/lock", .school(.lockAccounts)) { visit in try setLock(visit, locked: true) },
            AppRoute(.post, "/people/{id:int}/unlock", .school(.lockAccounts)) { visit in try setLock(visit, locked: false) },
            AppRoute(.get, "/classes/{id:int}/slips", .policy(.issueSlips, resource: schoolClass)) { visit in try classSlipsPage(visit) },
            AppRoute(.post, "/classes/{id:int}/slips", .policy(.issueSlips, resource: schoolClass), slow: .computes) { visit in
                let classID = try visit.request.pathParameters.int("id")
                let withGuardians = try visit.request.form()["guardians"] == "on"
                let people = try database.read { c in
                    let students = try c.students(classID: classID)
                    return students + (withGuardians ? try c.guardians(of: students) : [])
                }
                return try slips(visit, people: people, name: "class-\(classID)")
            },
        ]
    }

    /// The person a `/people/{id}` request names, with what the policy needs to know.
    func person(_ visit: Visit) throws -> Resource {
        guard let resource = try people.resource(person: try visit.request.pathParameters.int("id"), today: visit.today) else { throw HTTPError.notFound }
        return resource
    }

    func schoolClass(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard try database.read({ try $0.className(id: id) }) != nil else { throw HTTPError.notFound }
        return .schoolClass(id)
    }

    func frame(_ visit: Visit, title: String, _ content: HTML, status: Int = 200) throws -> Response {
        let (school, me) = try database.read { c in (try c.school(), try c.personSummary(visit.actor!.personID, year: -1)) }
        return Layout.response(Layout.page(title: title, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [("Главная", "/")], content), status: status)
    }

    func list(_ visit: Visit) throws -> Response {
        let q = (visit.request.query["q"] ?? "").trimmingWhitespace
        let classID = visit.request.query["class"].flatMap(Int.init)
        let (rows, classes) = try database.read { c -> ([PersonListing], [(Int, String)]) in
            let year = try c.academicYear(containing: visit.today)?.id ?? -1
            let classes = try c.classList(year: year).map { ($0.id, $0.name) }
            return (try c.people(year: year, classID: classID), classes)
        }
        let needle = q.lowercased()
        let found = rows.filter { needle.isEmpty || $0.card.fullName.lowercased().contains(needle) || ($0.login ?? "").contains(needle) }
        let shown = found.prefix(300)
        let options: [HTML] = classes.map { "<option value=\"\($0.0)\"\($0.0 == classID ? " selected" : "")>\($0.1)</option>" }
        let lines: [HTML] = shown.map { p in
            """
            <tr><td><a href="/people/\(p.id)">\(p.card.fullName)</a></td><td>\(p.kind)</td><td>\(p.classes.joined(separator: ", "))</td>
            <td>\(p.login ?? "—")\(p.locked ? " (заблокирована)" : "")</td><td>\(p.consentOn?.russian ?? "нет")</td></tr>
            """
        }
        let more: HTML = found.count > shown.count ? "<p class=\"muted\">Показаны первые \(shown.count) из \(found.count): уточните поиск.</p>" : ""
        return try frame(visit, title: "Люди", """
            <main>
            <h1>Люди и учётные записи</h1>
            <form method="get" action="/people" class="card search">
            <div><label for="q">Фамилия, имя или логин</label>
            <input id="q" name="q" value="\(q)" autocomplete="off"></div>
            <div><label for="class">Класс</label>
            <select id="class" name="class"><option value="">все</option>\(each: options)</select></div>
            <button type="submit">Найти</button>
            </form>
            <p class="muted">Найдено: \(found.count)</p>
            <div class="table-wrap"><table>
            <thead><tr><th>ФИО</th><th>Кто</th><th>Класс</th><th>Логин</th><th>Согласие на обработку ПДн</th></tr></thead>
            <tbody>\(each: lines)</tbody></table></div>
            \(more)
            </main>
            """)
    }

    func card(_ visit: Visit, errors: [String: String], status: Int) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let (person, consents, account) = try database.read { c in
            let year = try c.academicYear(containing: visit.today)?.id ?? -1
            return (try c.slipPerson(id, year: year), try c.consents(person: id), try c.account(person: id))
        }
        guard let person else { throw HTTPError.notFound }
        let actor = visit.actor!
        let resource = try self.person(visit)
        let consentRows: [HTML] = consents.map { "<li>\($0.givenOn.russian) — \($0.document.isEmpty ? "без номера" : $0.document)\($0.givenBy.isEmpty ? "" : ", дал(а): \($0.givenBy)")</li>" }
        let form = try? visit.request.form()
        func field(_ name: String, _ label: String, _ hint: String) -> HTML {
            let error = errors[name]
            return """
                <label for="\(name)">\(label)</label>
                <input id="\(name)" name="\(name)" value="\(form?[name] ?? "")" aria-invalid="\(error == nil ? "false" : "true")" aria-describedby="\(name)-error">
                \(error.map { "<p class=\"field-error\" id=\"\(name)-error\">\($0)</p>" as HTML } ?? "<p class=\"muted hint\">\(hint)</p>")
                """
        }
        var blocks: [HTML] = []
        if AccessPolicy.permits(actor, .recordConsent, resource) {
            blocks.append("""
                <form method="post" action="/people/\(id)/consent" class="card" novalidate>
                <h2>Записать согласие</h2>
                <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                \(field("given_on", "Дата согласия", "ДД.ММ.ГГГГ"))
                \(field("document", "Документ", "Например, «Согласие № 15 от 01.09.2026»"))
                \(field("given_by", "Кто дал согласие", "Сам человек или законный представитель"))
                <p><button type="submit">Записать</button></p>
                </form>
                """)
        }
        if AccessPolicy.permits(actor, .issueSlips, resource) {
            blocks.append("""
                <form method="post" action="/people/\(id)/slip" class="card">
                <h2>Листок с логином</h2>
                <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                <p>Новый листок содержит временный пароль. Прежний пароль и прежние листки этого человека сразу перестанут действовать.</p>
                <p><button type="submit">\(account == nil ? "Создать учётную запись и напечатать листок" : "Напечатать новый листок (PDF)")</button></p>
                </form>
                """)
        }
        if let account, AccessPolicy.permits(actor, .lockAccounts, .school) {
            let locked = account.lockedAt != nil
            blocks.append("""
                <form method="post" action="/people/\(id)/\(locked ? "unlock" : "lock")" class="card">
                <h2>Блокировка</h2>
                <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                <p>\(locked ? "Учётная запись заблокирована." : "Блокировка завершает все сеансы и запрещает вход.")</p>
                <p><button type="submit" class="secondary">\(locked ? "Разблокировать" : "Заблокировать")</button></p>
                </form>
                """)
        }
        let who = person.className.map { "Обучающийся, класс \($0)" }
            ?? (person.children.isEmpty ? person.staffRoles.map(\.russian).joined(separator: ", ").capitalizedFirst
                : "Родитель: " + person.children.map { "\($0.name) (\($0.className))" }.joined(separator: ", "))
        return try frame(visit, title: person.card.fullName, """
            <main>
            <p><a href="/people">← Все люди</a></p>
            <h1>\(person.card.fullName)</h1>
            <div class="card">
            <p>\(who)</p>
            <p>Логин: <b>\(account?.login ?? "нет учётной записи")</b>\(account?.lockedAt != nil ? " — заблокирована" : "")\(account?.mustChangePassword == true ? " — ждёт первого входа" : "")</p>
            <h2>Согласия на обработку персональных данных</h2>
            \(consentRows.isEmpty ? "<p class=\"muted\">Не записано. Пока согласия нет, хранятся только имя и класс.</p>" as HTML : "<ul>\(each: consentRows)</ul>")
            </div>
            \(each: blocks)
            </main>
            """, status: status)
    }

    func recordConsent(_ visit: Visit) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        do {
            try people.recordConsent(person: id, givenOn: form["given_on"] ?? "", document: form["document"] ?? "", givenBy: form["given_by"] ?? "",
                                     today: visit.today, by: visit.editor)
        } catch let DeskError.invalidFields(problems) {
            return try card(visit, errors: problems, status: 422)
        }
        return .redirect(to: "/people/\(id)")
    }

    func setLock(_ visit: Visit, locked: Bool) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        try people.setLock(person: id, locked: locked, reason: locked ? "заблокирована администратором" : "", by: visit.editor)
        return .redirect(to: "/people/\(id)")
    }

    func classSlipsPage(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let (name, students) = try database.read { c in
            (try c.className(id: classID) ?? "", try c.people(year: c.academicYear(containing: visit.today)?.id ?? -1, classID: classID))
        }
        let rows: [HTML] = students.map {
            "<tr><td><a href=\"/people/\($0.id)\">\($0.card.fullName)</a></td><td>\($0.kind)</td><td>\($0.login ?? "—")</td></tr>"
        }
        return try frame(visit, title: "Логины \(name)", """
            <main>
            <h1>Листки с логинами: \(name)</h1>
            <form method="post" action="/classes/\(classID)/slips" class="card">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <p>Будет напечатан PDF: по восемь листков на странице A4, с линиями разреза. У каждого, кому напечатан листок, прежний пароль перестанет действовать.</p>
            <label><input type="checkbox" name="guardians" checked> и для родителей</label>
            <p><button type="submit">Напечатать листки класса (PDF)</button></p>
            </form>
            <div class="table-wrap"><table><thead><tr><th>ФИО</th><th>Кто</th><th>Логин</th></tr></thead><tbody>\(each: rows)</tbody></table></div>
            </main>
            """)
    }

    /// Issues slips and answers with the PDF as a download.
    func slips(_ visit: Visit, people: [Int], name: String) throws -> Response {
        let slips = try AccountsDesk(database: database).issueSlips(people: people, today: visit.today, by: visit.editor)
        var response = Response(status: 200, contentType: "application/pdf", body: try LoginSlipSheet.pdf(slips))
        response.headers.add("Content-Disposition", "attachment; filename=\"\(name).pdf\"")
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
