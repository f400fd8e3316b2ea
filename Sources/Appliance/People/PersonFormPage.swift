import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// Adding a person by hand (`/people/new?kind=student|guardian|staff`): a student into a class
/// from a day of enrolment (today unless told), a guardian to a child of the class, a member of
/// staff with roles (the administrator). The consent goes in the same form, before the personal
/// data it allows. Done, the new person's card says their login; a slip is printed from there.
extension PeoplePages {
    var formRoutes: [AppRoute] {
        [
            AppRoute(.get, "/people/new", .policy(.editPeople, resource: anyOwnClass)) { visit in try newPerson(visit, errors: [:], status: 200) },
            AppRoute(.post, "/people/new", .policy(.editPeople, resource: anyOwnClass)) { visit in try addPerson(visit) },
        ]
    }

    /// Who may open the form at all: the administrator, or a class teacher (the desk then checks
    /// the class or the child the form names).
    func anyOwnClass(_ visit: Visit) -> Resource { visit.actor.map(PeopleDesk.anyOwnClass) ?? .school }

    func addPerson(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        let kind = PersonKind(rawValue: form["kind"] ?? "")
        var request = PersonRequest(kind: kind, card: CardFields(
            lastName: form["lastName"] ?? "", firstName: form["firstName"] ?? "", middleName: form["middleName"] ?? "", gender: form["gender"] ?? "",
            birthDate: form["birthDate"] ?? "", phone: form["phone"] ?? "", email: form["email"] ?? ""))
        switch kind {
        case .student:
            request.classID = form["class"].flatMap(Int.init)
            request.joinedOn = form["joinedOn"] ?? ""
            request.electronicAccessRefused = form["electronicAccessRefused"] == "yes"
        case .guardian:
            request.students = form.all("students").compactMap(Int.init)
            request.relation = form["relation"] ?? ""
        case .staff:
            request.roles = form.all("roles")
        case nil:
            break
        }
        request.consent = ConsentFields(givenOn: form["consentOn"] ?? "", document: form["consentDocument"] ?? "", givenBy: form["consentGivenBy"] ?? "")
        do {
            let added = try people.add(request, today: visit.today, by: visit.editor)
            return .redirect(to: "/people/\(added.id)?added=1")
        } catch let DeskError.invalidFields(problems) {
            return try newPerson(visit, errors: problems, status: 422)
        } catch let DeskError.invalid(message, field) {
            return try newPerson(visit, errors: [field: message], status: 422)
        }
    }

    func newPerson(_ visit: Visit, errors: [String: String], status: Int) throws -> Response {
        let w = visit.words, actor = visit.actor!
        let form = visit.request.method == .post ? try visit.request.form() : visit.request.query
        let mayAddStaff = AccessPolicy.permits(actor, .editPeople, .school)
        let kind = PersonKind(rawValue: form["kind"] ?? "").flatMap { $0 == .staff && !mayAddStaff ? nil : $0 } ?? .student
        let fixedStudent = (form["student"] ?? form["students"]).flatMap(Int.init)
        let data = try database.read { c in
            let year = try c.currentAcademicYear(on: visit.today)?.id ?? -1
            let classes = try c.classList(year: year).filter { AccessPolicy.permits(actor, .editPeople, .schoolClass($0.id)) }
            return (classes: classes, child: try fixedStudent.flatMap { try c.slipPerson($0, year: year) })
        }
        // A guardian's child: the one whose card the form came from, else one of a class's students.
        let classID = form["class"].flatMap(Int.init) ?? (data.classes.count == 1 ? data.classes.first?.id : nil)
        let classStudents: [(id: Int, name: String)] = try kind == .guardian && data.child == nil ? database.read { c in
            guard let classID, data.classes.contains(where: { $0.id == classID }) else { return [] }
            return try c.classMembers(classID: classID).filter { $0.kind == .student }.map { ($0.id, $0.card.fullName) }
        } : []
        func value(_ name: String, _ fallback: String = "") -> String { form[name] ?? fallback }
        func input(_ name: String, _ label: String, hint: String? = nil, type: String = "text", attributes: HTML = "") -> HTML {
            FormField.input(name, label, value: value(name), error: errors[name], hint: hint, type: type, attributes: attributes)
        }
        let tabs: [HTML] = PersonKind.allCases.filter { $0 != .staff || mayAddStaff }.map { k in
            "<a href=\"/people/new?kind=\(k.rawValue)\(classID.map { "&amp;class=\($0)" as HTML } ?? "")\"\(k == kind ? " aria-current=\"page\"" as HTML : "")>\(w.kindName(k))</a>"
        }
        var specific: [HTML] = []
        switch kind {
        case .student:
            guard !data.classes.isEmpty else { throw HTTPError.forbidden }
            specific.append(FormField.select("class", w.classLabel, options: [("", "—")] + data.classes.map { (String($0.id), $0.name) },
                                             selected: classID.map(String.init) ?? "", error: errors["class"]))
            specific.append(FormField.input("joinedOn", w.joinedOnLabel, value: value("joinedOn", visit.today.iso), error: errors["joinedOn"],
                                            hint: w.joinedOnHint, type: "date"))
        case .guardian:
            if let child = data.child {
                specific.append("<input type=\"hidden\" name=\"students\" value=\"\(child.id)\"><p>\(w.childLabel): <b>\(child.card.fullName)</b>\(child.className.map { ", \($0)" } ?? "")</p>")
                specific.append(FormField.message("students", error: errors["students"], hint: nil))
            } else if classID == nil {
                // First the class (a plain GET form), then its students.
                return try frame(visit, title: w.addPersonTitle(kind), """
                    <main>
                    <h1>\(w.addPersonTitle(kind))</h1>
                    <nav class="tabs">\(each: tabs)</nav>
                    <form method="get" action="/people/new" class="card">
                    <input type="hidden" name="kind" value="guardian">
                    \(FormField.select("class", w.childClassLabel, options: data.classes.map { (String($0.id), $0.name) }, selected: "", error: nil))
                    <p><button type="submit">\(w.showStudents)</button></p>
                    </form>
                    </main>
                    """, status: status)
            } else {
                specific.append("<input type=\"hidden\" name=\"class\" value=\"\(classID!)\">")
                specific.append(FormField.select("students", w.childLabel, options: [("", "—")] + classStudents.map { (String($0.id), $0.name) },
                                                 selected: value("students"), error: errors["students"]))
            }
            specific.append(FormField.input("relation", w.relationLabel, value: value("relation"), error: errors["relation"], hint: w.relationHint))
        case .staff:
            specific.append(rolesFieldset(chosen: Set(form.all("roles")), error: errors["roles"], w))
        }
        let gender = FormField.select("gender", w.genderLabel, options: [("", "—"), ("m", w.genderMale), ("f", w.genderFemale)],
                                      selected: value("gender"), error: errors["gender"])
        let refusal: HTML = kind == .student ? """
            <label class="choice"><input type="checkbox" name="electronicAccessRefused" value="yes"\(value("electronicAccessRefused") == "yes" ? " checked" : "")> \(w.electronicAccessRefusedBox)</label>
            """ : ""
        return try frame(visit, title: w.addPersonTitle(kind), """
            <main>
            <h1>\(w.addPersonTitle(kind))</h1>
            <nav class="tabs">\(each: tabs)</nav>
            \(FormField.summary(errors, w.notAddedSeeFields))
            <form method="post" action="/people/new" class="card person-form" novalidate>
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <input type="hidden" name="kind" value="\(kind.rawValue)">
            \(each: specific)
            \(input("lastName", w.lastNameLabel, attributes: " required autocomplete=\"off\""))
            \(input("firstName", w.firstNameLabel, attributes: " required autocomplete=\"off\""))
            \(input("middleName", w.middleNameLabel, attributes: " autocomplete=\"off\""))
            \(gender)
            <fieldset class="consent"><legend>\(w.consentLegend)</legend>
            <p class="muted hint">\(w.consentExplained)</p>
            \(input("consentOn", w.consentOnLabel, type: "date"))
            \(input("consentDocument", w.consentDocumentLabel, hint: w.consentDocumentHint))
            \(input("consentGivenBy", w.consentGivenByLabel, hint: w.consentGivenByHint))
            \(input("birthDate", w.birthDateLabel, type: "date"))
            \(input("phone", w.phoneLabel, hint: w.phoneHint, type: "tel"))
            \(input("email", w.emailLabel, type: "email"))
            </fieldset>
            \(refusal)
            <p><button type="submit">\(w.addButton(kind))</button></p>
            </form>
            </main>
            """, status: status)
    }
}
