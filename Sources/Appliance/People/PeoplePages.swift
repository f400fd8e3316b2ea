import Desks
import Domain
import HTTP
import Printing
import Routing
import Setup
import Storage
import WebUI

/// The people and accounts pages: the list, a person's card, a class's page and its login slips.
struct PeoplePages {
    let database: Database
    let clock: SchoolClock
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
                let card = try database.read { try $0.personSummary(id, year: -1)?.card }
                return try slips(visit, people: [id], name: "слип-" + [card?.lastName ?? "", card?.firstName ?? ""].filter { !$0.isEmpty }.joined(separator: "-"))
            },
            AppRoute(.post, "/people/{id:int}/lock", .school(.lockAccounts)) { visit in try setLock(visit, locked: true) },
            AppRoute(.post, "/people/{id:int}/unlock", .school(.lockAccounts)) { visit in try setLock(visit, locked: false) },
        ] + classRoutes
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
        let (rows, classes) = try database.read { c -> ([PersonListing], [(id: Int, name: String)]) in
            let year = try c.academicYear(containing: visit.today)?.id ?? -1
            return (try c.people(year: year, classID: classID), try c.classList(year: year))
        }
        let actor = visit.actor!
        let query = NameQuery(q)
        let found = rows.filter { query.isEmpty || query.matches($0.card, login: $0.login) }
        let shown = found.prefix(300)
        // Namesakes are told apart by class and birth year, shown beside the name.
        let options: [HTML] = classes.map { "<option value=\"\($0.id)\"\($0.id == classID ? " selected" : "")>\($0.name)</option>" }
        let lines: [HTML] = shown.map { p in
            """
            <tr><td><a href="/people/\(p.id)">\(p.card.fullName)</a>\(p.birthYear.map { " <small class=\"muted\">\($0) г. р.</small>" as HTML })</td><td>\(p.kind)</td><td>\(p.classes.joined(separator: ", "))</td>
            <td>\(p.login ?? "—")\(p.locked ? " (заблокирована)" : "")</td><td>\(p.consentOn?.russian ?? "нет")</td></tr>
            """
        }
        let more: HTML = found.count > shown.count ? "<p class=\"muted\">Показаны первые \(shown.count) из \(found.count): уточните поиск.</p>" : ""
        // The classes' own pages and slips, where the policy lets the visitor go.
        let classLinks: [HTML] = classes.filter { classID == nil || $0.id == classID }.compactMap { c in
            guard AccessPolicy.permits(actor, .viewPeople, .schoolClass(c.id)) else { return nil }
            let slips: HTML = AccessPolicy.permits(actor, .issueSlips, .schoolClass(c.id))
                ? " <a class=\"small\" href=\"/classes/\(c.id)/slips\">листки</a>" : ""
            return "<li><a href=\"/classes/\(c.id)\">\(c.name)</a>\(slips)</li>"
        }
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
            \(classLinks.isEmpty ? HTML.empty : "<nav class=\"card class-links\" aria-label=\"Классы\"><h2>\(classID == nil ? "Классы" : "Класс")</h2><ul>\(each: classLinks)</ul></nav>")
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
        let (person, consents, account, state, schoolClass, guardians, children, ledClasses) = try database.read { c in
            let year = try c.academicYear(containing: visit.today)?.id ?? -1
            return (try c.slipPerson(id, year: year), try c.consents(person: id), try c.account(person: id), try c.accountState(person: id),
                    try c.enrolledClass(student: id, year: year), try c.guardians(students: [id]), try c.children(of: id, year: year),
                    try c.classesLed(by: id, year: year))
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
        /// A person's name as a link to their card, when the policy lets the visitor open it.
        func cardLink(_ personID: Int, _ name: String) throws -> HTML {
            guard let r = try people.resource(person: personID, today: visit.today), AccessPolicy.permits(actor, .viewPeople, r) else { return "\(name)" }
            return "<a href=\"/people/\(personID)\">\(name)</a>"
        }
        func classLink(_ classID: Int?, _ name: String) -> HTML {
            guard let classID, AccessPolicy.permits(actor, .viewPeople, .schoolClass(classID)) else { return "\(name)" }
            return "<a href=\"/classes/\(classID)\">\(name)</a>"
        }
        var facts: [HTML] = []
        if let schoolClass {
            facts.append("<p>Обучающийся, класс \(classLink(schoolClass.id, schoolClass.name))</p>")
            if AccessPolicy.permits(actor, .viewDiary, .student(id: id, classID: schoolClass.id)) {
                facts.append("<p><a class=\"button secondary\" href=\"/diary/\(id)\">Дневник ученика</a></p>")
            }
        } else if !person.staffRoles.isEmpty {
            facts.append("<p>\(person.staffRoles.map(\.russian).joined(separator: ", ").capitalizedFirst)</p>")
        }
        if !ledClasses.isEmpty {
            let links: [HTML] = ledClasses.map { classLink($0.id, $0.name) }
            facts.append("<p>Классный руководитель: \(each: links)</p>")
        }
        if !guardians.isEmpty {
            let rows: [HTML] = try guardians.map { g in
                let contacts: HTML = g.contacts.map { c in
                    let parts: [HTML] = [c.phone.isEmpty ? nil : "<a href=\"tel:\(c.phone.filter { $0 != " " && $0 != "-" })\">\(c.phone)</a>" as HTML,
                                         c.email.isEmpty ? nil : "<a href=\"mailto:\(c.email)\">\(c.email)</a>" as HTML].compactMap { $0 }
                    return "<br><small>\(each: parts.enumerated().map { $0.offset == 0 ? $0.element : ", " + $0.element })</small>"
                } ?? "<br><small class=\"muted\">контакты — только с согласием на обработку ПДн</small>"
                return "<li>\(try cardLink(g.id, g.name.fullName))\(g.relation.isEmpty ? "" : " — \(g.relation)")\(contacts)</li>"
            }
            facts.append("<h2>Родители</h2><ul class=\"people-list\">\(each: rows)</ul>")
        } else if schoolClass != nil {
            facts.append("<h2>Родители</h2><p class=\"muted\">Родители не записаны.</p>")
        }
        if !children.isEmpty {
            let rows: [HTML] = try children.map { child in
                let diary: HTML = AccessPolicy.permits(actor, .viewDiary, .student(id: child.id, classID: child.classID))
                    ? " · <a href=\"/diary/\(child.id)\">дневник</a>" : ""
                return "<li>\(try cardLink(child.id, child.card.fullName))\(child.className.map { ", класс " + classLink(child.classID, $0) } ?? "")\(diary)</li>"
            }
            facts.append("<h2>Дети</h2><ul class=\"people-list\">\(each: rows)</ul>")
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
            let warning: HTML = state == .inUse
                ? "<p class=\"notice warn\">Этот человек уже пользуется Табелем. Новый листок сразу отключит его пароль и завершит его сеансы.</p>"
                : "<p>Новый листок содержит временный пароль. Прежний пароль и прежние листки этого человека сразу перестанут действовать.</p>"
            blocks.append("""
                <form method="post" action="/people/\(id)/slip" class="card">
                <h2>Листок с логином</h2>
                <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                \(account == nil ? "<p>Учётной записи ещё нет: листок создаст её.</p>" as HTML : warning)
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
        // «Все люди» only where the visitor may go: the school's list, else their class's page.
        let back: HTML
        if AccessPolicy.permits(actor, .viewPeople, .school) {
            back = "<p><a href=\"/people\">← Все люди</a></p>"
        } else if let classID = actor.classTeacherOf.sorted().first(where: { leads in
            schoolClass?.id == leads || children.contains { $0.classID == leads } }) ?? actor.classTeacherOf.sorted().first,
                  AccessPolicy.permits(actor, .viewPeople, .schoolClass(classID)) {
            let name = try database.read { try $0.className(id: classID) } ?? ""
            back = "<p><a href=\"/classes/\(classID)\">← Класс \(name)</a></p>"
        } else {
            back = ""
        }
        let accountLine: HTML = "<p>Логин: <b>\(account?.login ?? "нет учётной записи")</b>\(account?.lockedAt != nil ? " — заблокирована" : "")\(account == nil ? "" : " — \(state.russian)")</p>"
        return try frame(visit, title: person.card.fullName, """
            <main>
            \(back)
            <h1>\(person.card.fullName)</h1>
            <div class="card person-card">
            \(each: facts)
            <h2>Учётная запись</h2>
            \(accountLine)
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

    /// Issues slips and answers with the PDF as a download.
    func slips(_ visit: Visit, people: [Int], name: String) throws -> Response {
        let slips = try AccountsDesk(database: database).issueSlips(people: people, today: visit.today, by: visit.editor)
        var response = Response(status: 200, contentType: "application/pdf", body: try LoginSlipSheet.pdf(slips))
        response.headers.add("Content-Disposition", Self.attachment(name + ".pdf"))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// `Content-Disposition` of a download (RFC 6266): an ASCII `filename` for old clients and
    /// the real name as `filename*=UTF-8''…` (RFC 8187).
    static func attachment(_ name: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
        var encoded = ""
        for byte in name.utf8 {
            if unreserved.contains(byte) { encoded.append(Character(Unicode.Scalar(byte))) } else {
                let hex = Array("0123456789ABCDEF")
                encoded += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return "attachment; filename=\"\(Transliteration.fileName(name))\"; filename*=UTF-8''\(encoded)"
    }
}
