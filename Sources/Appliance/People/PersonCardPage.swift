import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// A person's card (`/people/{id}`): who they are to the school, their personal data as their
/// consent allows, their account, consents, guardians or children; and, for whoever may change
/// them, the forms — the card itself, consents and their withdrawal, guardians' links, a student's
/// leaving or enrolment and the family's refusal of electronic access, slips and locks.
extension PeoplePages {
    var cardRoutes: [AppRoute] {
        [
            AppRoute(.get, "/people/{id:int}", .policy(.viewPeople, resource: person)) { visit in try card(visit, errors: [:], status: 200) },
            AppRoute(.post, "/people/{id:int}/consent", .policy(.recordConsent, resource: person)) { visit in try recordConsent(visit) },
            AppRoute(.post, "/people/{id:int}/consent/revoke", .policy(.recordConsent, resource: person)) { visit in
                try onCard(visit) { id, _ in try people.revokeConsent(person: id, today: visit.today, by: visit.editor) }
            },
            AppRoute(.post, "/people/{id:int}/card", .policy(.editPeople, resource: person)) { visit in
                try onCard(visit) { id, form in
                    var request = PersonRequest(card: CardFields(
                        lastName: form["lastName"], firstName: form["firstName"], middleName: form["middleName"], gender: form["gender"],
                        birthDate: form["birthDate"], phone: form["phone"], email: form["email"]))
                    if form["roles_sent"] != nil { request.roles = form.all("roles") }
                    try people.update(person: id, request, today: visit.today, by: visit.editor)
                }
            },
            AppRoute(.post, "/people/{id:int}/guardians", .policy(.editPeople, resource: person)) { visit in
                try onCard(visit) { id, form in
                    _ = try people.linkGuardian(student: id, guardian: form["guardian"] ?? "", relation: form["relation"] ?? "",
                                                today: visit.today, by: visit.editor)
                }
            },
            // From the child's card or the guardian's: `back` says whose card to return to (the
            // child's when the guardian's is no longer the visitor's to open).
            AppRoute(.post, "/people/{id:int}/guardians/{guardian:int}/remove", .policy(.editPeople, resource: person)) { visit in
                let guardian = try visit.request.pathParameters.int("guardian")
                return try onCard(visit, back: {
                    guard try visit.request.form()["back"].flatMap(Int.init) == guardian,
                          let r = try people.resource(person: guardian, today: visit.today), AccessPolicy.permits(visit.actor!, .viewPeople, r) else { return nil }
                    return guardian
                }) { id, _ in
                    try people.unlinkGuardian(guardian, student: id, today: visit.today, by: visit.editor)
                }
            },
            AppRoute(.post, "/people/{id:int}/leave", .policy(.editPeople, resource: person)) { visit in
                try onCard(visit) { id, form in
                    try people.leave(student: id, date: form["date"] ?? "", reason: form["reason"] ?? "", today: visit.today, by: visit.editor)
                }
            },
            AppRoute(.post, "/people/{id:int}/enrol", .policy(.editPeople, resource: person)) { visit in
                try onCard(visit) { id, form in
                    guard let classID = form["class"].flatMap(Int.init) else { throw DeskError.invalid(visit.words.chooseClass, field: "class") }
                    try people.update(person: id, PersonRequest(classID: classID, joinedOn: form["joinedOn"] ?? ""), today: visit.today, by: visit.editor)
                }
            },
            AppRoute(.post, "/people/{id:int}/electronic-access", .policy(.editPeople, resource: person)) { visit in
                try onCard(visit) { id, form in
                    try people.update(person: id, PersonRequest(electronicAccessRefused: form["refused"] == "yes"), today: visit.today, by: visit.editor)
                }
            },
        ]
    }

    /// Runs a card's form through the desk: back to the card (or `back`'s) when it is done, the
    /// card again with the errors beside their fields when it is not.
    func onCard(_ visit: Visit, back: () throws -> Int? = { nil }, _ body: (Int, Parameters) throws -> Void) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        do {
            try body(id, try visit.request.form())
        } catch let DeskError.invalidFields(problems) {
            return try card(visit, errors: problems, status: 422)
        } catch let DeskError.invalid(message, field) {
            return try card(visit, errors: [field: message], status: 422)
        }
        return .redirect(to: "/people/\(try back() ?? id)?saved=1")
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

    func card(_ visit: Visit, errors: [String: String], status: Int) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let w = visit.words
        let data = try database.read { c in
            let year = try c.currentAcademicYear(on: visit.today)?.id ?? -1
            return (person: try c.slipPerson(id, year: year), consents: try c.consents(person: id), account: try c.account(person: id),
                    state: try c.accountState(person: id), schoolClass: try c.enrolledClass(student: id, year: year),
                    guardians: try c.guardians(students: [id]), children: try c.children(of: id, year: year),
                    ledClasses: try c.classesLed(by: id, year: year), consent: try c.consentState(person: id),
                    enrolments: try c.enrolments(student: id, year: year), refusedOn: try c.electronicAccessRefusedOn(person: id),
                    classes: try c.classList(year: year))
        }
        guard let person = data.person else { throw HTTPError.notFound }
        let (consents, account, state, schoolClass, guardians, children, ledClasses) =
            (data.consents, data.account, data.state, data.schoolClass, data.guardians, data.children, data.ledClasses)
        let actor = visit.actor!
        let resource = try self.person(visit)
        let canEdit = AccessPolicy.permits(actor, .editPeople, resource)
        let className = Dictionary(data.classes.map { ($0.id, $0.name) }) { a, _ in a }
        // A leaver: the class they left this year (their card and diary stay with it).
        let leftEnrolment = schoolClass == nil ? data.enrolments.last { $0.leftOn != nil } : nil
        let isStudent = schoolClass != nil || leftEnrolment != nil
        let consentRows: [HTML] = consents.map {
            "<li>\($0.givenOn.russian) — \($0.document.isEmpty ? w.noNumber : $0.document)\($0.givenBy.isEmpty ? "" : w.givenBy($0.givenBy))\($0.revokedOn.map { " — <b>\(w.consentRevokedOn($0.russian))</b>" as HTML })</li>"
        }
        let form = try? visit.request.form()
        func typed(_ name: String, _ stored: String = "") -> String { form?[name] ?? stored }
        func field(_ name: String, _ label: String, _ hint: String) -> HTML {
            FormField.input(name, label, value: typed(name), error: errors[name], hint: hint)
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
        /// «отвязать»: a button of its own form beside a guardian or a child.
        func unlink(student: Int, guardian: Int, back: Int?, name: String) throws -> HTML {
            // On a student's card the student is this card's person; on a guardian's, each child asks the policy.
            let allowed = try student == id ? canEdit : people.resource(person: student, today: visit.today).map { AccessPolicy.permits(actor, .editPeople, $0) } ?? false
            guard allowed else { return "" }
            return """
                 <form method="post" action="/people/\(student)/guardians/\(guardian)/remove" class="inline"><input type="hidden" name="_csrf" value="\(visit.csrfToken)">\(back.map { "<input type=\"hidden\" name=\"back\" value=\"\($0)\">" as HTML })<button class="link small" aria-label="\(w.unlinkLabel(name))">\(w.unlink)</button></form>
                """
        }
        var facts: [HTML] = []
        if let schoolClass {
            facts.append("<p>\(w.studentOfClass) \(classLink(schoolClass.id, schoolClass.name))</p>")
            if AccessPolicy.permits(actor, .viewDiary, .student(id: id, classID: schoolClass.id)) {
                facts.append("<p><a class=\"button secondary\" href=\"/diary/\(id)\">\(w.studentsDiary)</a></p>")
                if AccessPolicy.permits(actor, .listJournals, .school) {
                    let monday = visit.today.startOfWeek
                    facts.append(PrintButton.form(visit, "diary", w.printDiaryButton, fields: [("student", String(id))], dates: (monday, monday.adding(days: 5))))
                }
            }
        } else if let left = leftEnrolment, let leftOn = left.leftOn {
            facts.append("<p>\(w.leftFromClass) \(classLink(left.classID, className[left.classID] ?? "")), \(w.since(leftOn.russian))\(left.leftReason.isEmpty ? "" : ": \(left.leftReason)")</p>")
            if AccessPolicy.permits(actor, .viewDiary, .student(id: id, classID: left.classID)) {
                facts.append("<p><a class=\"button secondary\" href=\"/diary/\(id)\">\(w.studentsDiary)</a></p>")
            }
        } else if !person.staffRoles.isEmpty {
            facts.append("<p>\(person.staffRoles.map(w.role).joined(separator: ", ").capitalizedFirst)</p>")
        }
        if let open = data.enrolments.first(where: { $0.leftOn == nil }) {
            facts.append("<p class=\"muted\">\(open.joinedOn > visit.today ? w.arrivesOn(open.joinedOn.russian) : w.enrolledOn(open.joinedOn.russian))</p>")
        }
        if isStudent, let refusedOn = data.refusedOn {
            facts.append("<p class=\"notice\">\(w.electronicAccessRefused(refusedOn.russian))</p>")
        }
        if !ledClasses.isEmpty {
            let links: [HTML] = ledClasses.map { classLink($0.id, $0.name) }
            facts.append("<p>\(w.classTeacherOf) \(each: links)</p>")
        }
        if !guardians.isEmpty {
            let rows: [HTML] = try guardians.map { g in
                let contacts: HTML
                if let c = g.contacts {
                    let parts: [HTML] = [c.phone.isEmpty ? nil : "<a href=\"tel:\(c.phone.filter { $0 != " " && $0 != "-" })\">\(c.phone)</a>" as HTML,
                                         c.email.isEmpty ? nil : "<a href=\"mailto:\(c.email)\">\(c.email)</a>" as HTML].compactMap { $0 }
                    contacts = "<br><small>\(each: parts.enumerated().map { $0.offset == 0 ? $0.element : ", " + $0.element })</small>"
                } else if g.consentWithdrawn {
                    contacts = "<br><small class=\"muted\">\(w.hiddenConsentWithdrawn)</small>"
                } else {
                    contacts = "<br><small class=\"muted\">\(w.contactsNeedConsent)</small>"
                }
                return "<li>\(try cardLink(g.id, g.name.fullName))\(g.relation.isEmpty ? "" : " — \(g.relation)")\(try unlink(student: id, guardian: g.id, back: nil, name: g.name.fullName))\(contacts)</li>"
            }
            facts.append("<h2>\(w.guardiansHeading)</h2><ul class=\"people-list\">\(each: rows)</ul>")
        } else if isStudent {
            facts.append("<h2>\(w.guardiansHeading)</h2><p class=\"muted\">\(w.noGuardians)</p>")
        }
        if !children.isEmpty {
            let rows: [HTML] = try children.map { child in
                let diary: HTML = AccessPolicy.permits(actor, .viewDiary, .student(id: child.id, classID: child.classID))
                    ? " · <a href=\"/diary/\(child.id)\">\(w.diaryLink)</a>" : ""
                return "<li>\(try cardLink(child.id, child.card.fullName))\(child.className.map { "\(w.classComma)" + classLink(child.classID, $0) } ?? "")\(diary)\(try unlink(student: child.id, guardian: id, back: id, name: child.card.fullName))</li>"
            }
            facts.append("<h2>\(w.childrenHeading)</h2><ul class=\"people-list\">\(each: rows)</ul>")
        }
        facts.append(personalData(person.card, consent: data.consent, w))

        var blocks: [HTML] = []
        if canEdit { blocks.append(try cardForm(visit, person: person, consent: data.consent, errors: errors)) }
        if AccessPolicy.permits(actor, .recordConsent, resource) {
            blocks.append("""
                <form method="post" action="/people/\(id)/consent" class="card" novalidate>
                <h2>\(w.recordConsentTitle)</h2>
                <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                \(field("given_on", w.consentOnLabel, w.consentDateHint))
                \(field("document", w.consentShortDocumentLabel, w.consentDocumentHint))
                \(field("given_by", w.consentGivenByLabel, w.consentGivenByHint))
                <p><button type="submit">\(w.recordButton)</button></p>
                </form>
                """)
            if case let .given(since) = data.consent {
                blocks.append("""
                    <form method="post" action="/people/\(id)/consent/revoke" class="card">
                    <h2>\(w.revokeConsentTitle)</h2>
                    <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                    <p>\(w.revokeConsentExplained(since.russian))</p>
                    \(FormField.message("consent", error: errors["consent"], hint: nil))<p><button type="submit" class="secondary">\(w.revokeConsentButton)</button></p>
                    </form>
                    """)
            }
        }
        if canEdit, isStudent {
            blocks.append(try guardianForm(visit, student: id, errors: errors))
            if schoolClass != nil {
                blocks.append(leaveForm(visit, errors: errors))
                let refused = data.refusedOn != nil
                blocks.append("""
                    <form method="post" action="/people/\(id)/electronic-access" class="card">
                    <h2>\(w.electronicAccessTitle)</h2>
                    <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                    <input type="hidden" name="refused" value="\(refused ? "no" : "yes")">
                    <p>\(refused ? w.electronicAccessRestoreExplained : w.electronicAccessRefuseExplained)</p>
                    <p><button type="submit" class="secondary">\(refused ? w.electronicAccessRestoreButton : w.electronicAccessRefuseButton)</button></p>
                    </form>
                    """)
            } else {
                blocks.append(enrolForm(visit, classes: data.classes, errors: errors))
            }
        }
        if AccessPolicy.permits(actor, .issueSlips, resource) {
            let warning: HTML = state == .inUse
                ? "<p class=\"notice warn\">\(w.slipWarningInUse)</p>"
                : "<p>\(w.slipExplained)</p>"
            blocks.append("""
                <form method="post" action="/people/\(id)/slip" class="card">
                <h2>\(w.slipTitle)</h2>
                <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                \(account == nil ? "<p>\(w.noAccountYet)</p>" as HTML : warning)
                <p><button type="submit">\(account == nil ? w.createAccountAndPrint : w.printNewSlip)</button></p>
                </form>
                """)
        }
        if let account, AccessPolicy.permits(actor, .lockAccounts, .school) {
            let locked = account.lockedAt != nil
            blocks.append("""
                <form method="post" action="/people/\(id)/\(locked ? "unlock" : "lock")" class="card">
                <h2>\(w.lockTitle)</h2>
                <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
                <p>\(locked ? w.accountIsLocked : w.lockExplained)</p>
                <p><button type="submit" class="secondary">\(locked ? w.unlockButton : w.lockButton)</button></p>
                </form>
                """)
        }
        // «Все люди» only where the visitor may go: the school's list, else their class's page.
        let back: HTML
        if AccessPolicy.permits(actor, .viewPeople, .school) {
            back = "<p><a href=\"/people\">\(w.allPeople)</a></p>"
        } else if let classID = actor.classTeacherOf.sorted().first(where: { leads in
            schoolClass?.id == leads || leftEnrolment?.classID == leads || children.contains { $0.classID == leads } }) ?? actor.classTeacherOf.sorted().first,
                  AccessPolicy.permits(actor, .viewPeople, .schoolClass(classID)) {
            back = "<p><a href=\"/classes/\(classID)\">\(w.backToClass(className[classID] ?? ""))</a></p>"
        } else {
            back = ""
        }
        var notices: [HTML] = []
        if visit.request.query["added"] != nil {
            notices.append("<p class=\"notice ok\" role=\"status\">\(w.personAdded(account?.login ?? ""))</p>")
        } else if visit.request.query["saved"] != nil {
            notices.append("<p class=\"notice ok\" role=\"status\">\(w.saved)</p>")
        }
        if !errors.isEmpty { notices.append(FormField.summary(errors, w.notSavedSeeFields)) }
        let accountLine: HTML = "<p>\(w.loginColon) <b>\(account?.login ?? w.noAccount)</b>\(account?.lockedAt != nil ? w.lockedSuffix : "")\(account == nil ? "" : " — \(w.accountState(state))")</p>"
        return try frame(visit, title: person.card.fullName, """
            <main>
            \(back)
            <h1>\(person.card.fullName)</h1>\(each: notices.map { "\n" + $0 })
            <div class="card person-card">
            \(each: facts)
            <h2>\(w.accountHeading)</h2>
            \(accountLine)
            <h2>\(w.consentsHeading)</h2>
            \(consentRows.isEmpty ? "<p class=\"muted\">\(w.noConsent)</p>" as HTML : "<ul>\(each: consentRows)</ul>")
            </div>
            \(each: blocks)
            </main>
            """, status: status)
    }

    /// The person's own data as the consent allows it: shown with a consent in force, «скрыто:
    /// согласие отозвано» after a withdrawal, not kept without one.
    func personalData(_ card: PersonCard, consent: ConsentState, _ w: Words) -> HTML {
        func row(_ label: String, _ value: HTML) -> HTML { "<dt>\(label)</dt><dd>\(value)</dd>" }
        let gender: HTML = "\(card.gender.map { $0 == .male ? w.genderMale : w.genderFemale } ?? w.notRecorded)"
        var rows: [HTML] = [row(w.genderLabel, gender)]
        switch consent {
        case .given:
            let none: HTML = "<span class=\"muted\">\(w.notRecorded)</span>"
            rows.append(row(w.birthDateLabel, card.birthDate.map { "\($0.russian)" } ?? none))
            rows.append(row(w.phoneLabel, card.phone.isEmpty ? none : "<a href=\"tel:\(card.phone.filter { $0 != " " && $0 != "-" })\">\(card.phone)</a>"))
            rows.append(row(w.emailLabel, card.email.isEmpty ? none : "<a href=\"mailto:\(card.email)\">\(card.email)</a>"))
        case .revoked:
            let hidden: HTML = "<span class=\"muted\">\(w.hiddenConsentWithdrawn)</span>"
            rows += [row(w.birthDateLabel, hidden), row(w.phoneLabel, hidden), row(w.emailLabel, hidden)]
        case .none:
            rows.append(row(w.personalDataLabel, "<span class=\"muted\">\(w.personalDataNeedsConsent)</span>"))
        }
        return "<h2>\(w.personalCardTitle)</h2><dl class=\"facts\">\(each: rows)</dl>"
    }

    /// «Личная карточка»: the name, gender and — with a consent in force — birth date, phone,
    /// email; a member of staff's roles for the administrator. Folded until it has an error.
    func cardForm(_ visit: Visit, person: SlipPerson, consent: ConsentState, errors: [String: String]) throws -> HTML {
        let w = visit.words, card = person.card
        let form = try? visit.request.form()
        let sent = form?["lastName"] != nil
        func value(_ name: String, _ stored: String) -> String { sent ? form?[name] ?? "" : stored }
        var fields: [HTML] = [
            FormField.input("lastName", w.lastNameLabel, value: value("lastName", card.lastName), error: errors["lastName"], attributes: " required autocomplete=\"off\""),
            FormField.input("firstName", w.firstNameLabel, value: value("firstName", card.firstName), error: errors["firstName"], attributes: " required autocomplete=\"off\""),
            FormField.input("middleName", w.middleNameLabel, value: value("middleName", card.middleName), error: errors["middleName"], attributes: " autocomplete=\"off\""),
            FormField.select("gender", w.genderLabel, options: [("", "—"), ("m", w.genderMale), ("f", w.genderFemale)],
                             selected: value("gender", card.gender?.rawValue ?? ""), error: errors["gender"]),
        ]
        if consent.allowsPersonalData {
            fields += [
                FormField.input("birthDate", w.birthDateLabel, value: value("birthDate", card.birthDate?.iso ?? ""), error: errors["birthDate"], type: "date"),
                FormField.input("phone", w.phoneLabel, value: value("phone", card.phone), error: errors["phone"], hint: w.phoneHint, type: "tel"),
                FormField.input("email", w.emailLabel, value: value("email", card.email), error: errors["email"], type: "email"),
            ]
        } else {
            fields.append("<p class=\"muted\">\(consent == .none ? w.personalDataNeedsConsent : w.personalDataWithdrawn)</p>")
        }
        if !person.staffRoles.isEmpty, AccessPolicy.permits(visit.actor!, .editPeople, .school) {
            let chosen = sent ? Set(form?.all("roles") ?? []) : Set(person.staffRoles.map(\.rawValue))
            fields.append(rolesFieldset(chosen: chosen, error: errors["roles"], w))
        }
        let open = errors.keys.contains { ["lastName", "firstName", "middleName", "gender", "birthDate", "phone", "email", "roles"].contains($0) }
        return """
            <details class="card"\(open ? " open" as HTML : "")><summary><h2>\(w.editCardTitle)</h2></summary>
            <form method="post" action="/people/\(person.id)/card" novalidate>
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            \(each: fields)
            <p><button type="submit">\(w.save)</button></p>
            </form>
            </details>
            """
    }

    /// Staff roles as boxes to tick (with a marker: none ticked is a choice too).
    func rolesFieldset(chosen: Set<String>, error: String?, _ w: Words) -> HTML {
        let boxes: [HTML] = Role.allCases.filter(\.isStaff).map { role in
            "<label class=\"choice\"><input type=\"checkbox\" name=\"roles\" value=\"\(role.rawValue)\"\(chosen.contains(role.rawValue) ? " checked" : "")> \(w.role(role))</label>"
        }
        return """
            <fieldset class="roles"\(FormField.described("roles", error: error, hint: nil))><legend>\(w.rolesLabel)</legend>
            <input type="hidden" name="roles_sent" value="1">
            \(each: boxes)
            \(FormField.message("roles", error: error, hint: nil))
            </fieldset>
            """
    }

    /// Linking a guardian already in Tabel (by login or full name), or adding a new one.
    func guardianForm(_ visit: Visit, student: Int, errors: [String: String]) throws -> HTML {
        let w = visit.words
        let form = try? visit.request.form()
        return """
            <form method="post" action="/people/\(student)/guardians" class="card" novalidate>
            <h2>\(w.linkGuardianTitle)</h2>
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            \(FormField.input("guardian", w.guardianLoginOrName, value: form?["guardian"] ?? "", error: errors["guardian"], hint: w.guardianLoginOrNameHint, attributes: " autocomplete=\"off\""))
            \(FormField.input("relation", w.relationLabel, value: form?["relation"] ?? "", error: errors["relation"], hint: w.relationHint))
            <p class="tools"><button type="submit">\(w.linkGuardianButton)</button>
            <a class="button secondary" href="/people/new?kind=guardian&amp;student=\(student)">\(w.addNewGuardian)</a></p>
            </form>
            """
    }

    /// A student leaves: the date (today by default) and the reason.
    func leaveForm(_ visit: Visit, errors: [String: String]) -> HTML {
        let w = visit.words
        let form = try? visit.request.form()
        let id = (try? visit.request.pathParameters.int("id")) ?? 0
        return """
            <details class="card"\(errors["date"] != nil || errors["reason"] != nil ? " open" as HTML : "")><summary><h2>\(w.leaveTitle)</h2></summary>
            <form method="post" action="/people/\(id)/leave" novalidate>
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <p class="muted">\(w.leaveExplained)</p>
            \(FormField.input("date", w.leaveDateLabel, value: form?["date"] ?? visit.today.iso, error: errors["date"], type: "date"))
            \(FormField.input("reason", w.leaveReasonLabel, value: form?["reason"] ?? "", error: errors["reason"], hint: w.leaveReasonHint))
            <p><button type="submit" class="secondary">\(w.leaveButton)</button></p>
            </form>
            </details>
            """
    }

    /// A student who left (or is on no list) is enrolled again: the class and the day.
    func enrolForm(_ visit: Visit, classes: [(id: Int, name: String)], errors: [String: String]) -> HTML {
        let w = visit.words
        let form = try? visit.request.form()
        let id = (try? visit.request.pathParameters.int("id")) ?? 0
        let allowed = classes.filter { AccessPolicy.permits(visit.actor!, .editPeople, .schoolClass($0.id)) }
        guard !allowed.isEmpty else { return "" }
        return """
            <form method="post" action="/people/\(id)/enrol" class="card" novalidate>
            <h2>\(w.enrolTitle)</h2>
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            \(FormField.select("class", w.classLabel, options: [("", "—")] + allowed.map { (String($0.id), $0.name) }, selected: form?["class"] ?? "", error: errors["class"]))
            \(FormField.input("joinedOn", w.joinedOnLabel, value: form?["joinedOn"] ?? visit.today.iso, error: errors["joinedOn"], type: "date"))
            <p><button type="submit">\(w.enrolButton)</button></p>
            </form>
            """
    }
}
