import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// Who gets a new login slip of a class: the choice, then a confirmation that states how many
/// accounts will be reset and how many of them are in use, and only then the PDF.
enum SlipChoice: String, CaseIterable, Sendable {
    case fresh = "new", students, guardians, picked

    func label(_ w: Words) -> String {
        switch self {
        case .fresh: w.slipsForFresh
        case .students: w.slipsForStudents
        case .guardians: w.slipsForGuardians
        case .picked: w.slipsForPicked
        }
    }

    /// The part of the file's name after the class («слипы-5А-ученики.pdf»).
    func fileWord(_ w: Words) -> String {
        switch self {
        case .fresh: w.slipsFileFresh
        case .students: w.slipsFileStudents
        case .guardians: w.slipsFileGuardians
        case .picked: w.slipsFilePicked
        }
    }

    /// The class's members this choice names, in the class list's order.
    func select(_ members: [ClassMember], picked: Set<Int>) -> [ClassMember] {
        switch self {
        case .fresh: members.filter { $0.account != .inUse }
        case .students: members.filter { $0.kind == .student }
        case .guardians: members.filter { $0.kind == .guardian }
        case .picked: members.filter { picked.contains($0.id) }
        }
    }
}

extension PeoplePages {
    var slipRoutes: [AppRoute] {
        [
            AppRoute(.get, "/classes/{id:int}/slips", .policy(.issueSlips, resource: schoolClass)) { visit in
                try slipChoicePage(visit, error: nil)
            },
            AppRoute(.get, "/classes/{id:int}/slips/confirm", .policy(.issueSlips, resource: schoolClass)) { visit in
                try slipConfirmation(visit, parameters: visit.request.query, changed: false)
            },
            AppRoute(.post, "/classes/{id:int}/slips", .policy(.issueSlips, resource: schoolClass), slow: .computes) { visit in
                try printClassSlips(visit)
            },
        ]
    }

    func classMembers(_ visit: Visit) throws -> (SchoolClass, [ClassMember]) {
        let classID = try visit.request.pathParameters.int("id")
        return try database.read { c in
            guard let schoolClass = try c.schoolClass(classID) else { throw HTTPError.notFound }
            return (schoolClass, try c.classMembers(classID: classID))
        }
    }

    /// Whether this visitor may issue the member a slip (a class teacher never reissues staff's).
    func mayIssue(_ m: ClassMember, _ visit: Visit, classID: Int) -> Bool {
        AccessPolicy.permits(visit.actor!, .issueSlips, .person(id: m.id, classes: [classID], isStaff: m.isStaff))
    }

    func memberRow(_ m: ClassMember, _ w: Words) -> HTML {
        let who: HTML = m.kind == .student ? "\(w.slipsMemberStudent)" : "\(w.slipsMemberGuardian(of: m.children.joined(separator: ", ")))"
        let state: HTML = m.account == .inUse ? "<span class=\"tag warn\">\(w.accountState(m.account))</span>" : "<span class=\"tag\">\(w.accountState(m.account))</span>"
        return "<td><a href=\"/people/\(m.id)\">\(m.card.fullName)</a></td><td>\(who)</td><td>\(m.login ?? "—")</td><td>\(state)</td>"
    }

    /// `GET /classes/{id}/slips`: whom to print slips for.
    func slipChoicePage(_ visit: Visit, error: String?, status: Int = 200) throws -> Response {
        let (schoolClass, everyone) = try classMembers(visit)
        let members = everyone.filter { mayIssue($0, visit, classID: schoolClass.id) }
        let w = visit.words
        let query = visit.request.query
        let chosen = query["who"].flatMap(SlipChoice.init(rawValue:)) ?? (error == nil ? .fresh : nil)
        let picked = Set(query.all("person").compactMap(Int.init))
        let radios: [HTML] = SlipChoice.allCases.map { choice in
            let count = choice == .picked ? "" : " (\(choice.select(members, picked: picked).count))"
            return """
                <label class="choice"><input type="radio" name="who" value="\(choice.rawValue)"\(choice == chosen ? " checked" : "")\(error == nil ? "" : " aria-describedby=\"who-error\"" as HTML)> \(choice.label(w))\(count)</label>
                """
        }
        let rows: [HTML] = everyone.map { m in
            guard members.contains(m) else {
                return "<tr><td></td>\(memberRow(m, w))</tr><tr><td></td><td colspan=\"4\" class=\"muted small\">\(w.slipsStaffMember)</td></tr>"
            }
            return "<tr><td><input type=\"checkbox\" name=\"person\" value=\"\(m.id)\" aria-label=\"\(m.card.fullName)\"\(picked.contains(m.id) ? " checked" : "")></td>\(memberRow(m, w))</tr>"
        }
        let inUse = members.filter { $0.account == .inUse }.count
        return try frame(visit, title: w.slipsTitle(schoolClass.name), """
            <main>
            <p><a href="/classes/\(schoolClass.id)">\(w.slipsBackToClass(schoolClass.name))</a></p>
            <h1>\(w.slipsHeading(schoolClass.name))</h1>
            <form method="get" action="/classes/\(schoolClass.id)/slips/confirm">
            <fieldset class="card">
            <legend>\(w.slipsWhom)</legend>
            <p class="muted">\(w.slipsIntro(inUse: inUse, of: members.count))</p>
            \(each: radios)
            \(error.map { "<p class=\"field-error\" id=\"who-error\">\($0)</p>" as HTML })
            <p><button type="submit">\(w.slipsNext)</button></p>
            </fieldset>
            <div class="table-wrap"><table class="members">
            <thead><tr><th scope="col"><span class="visually-hidden">\(w.slipsTick)</span></th><th>\(w.slipsName)</th><th>\(w.slipsWho)</th><th>\(w.slipsLogin)</th><th>\(w.slipsAccount)</th></tr></thead>
            <tbody>\(each: rows)</tbody></table></div>
            </form>
            </main>
            """, status: status)
    }

    /// The confirmation: how many slips, how many accounts reset and how many of them in use.
    func slipConfirmation(_ visit: Visit, parameters: Parameters, changed: Bool) throws -> Response {
        let (schoolClass, everyone) = try classMembers(visit)
        let members = everyone.filter { mayIssue($0, visit, classID: schoolClass.id) }
        let staff = everyone.count - members.count
        let w = visit.words
        guard let choice = parameters["who"].flatMap(SlipChoice.init(rawValue:)) else {
            return try slipChoicePage(visit, error: w.slipsChooseWhom, status: 422)
        }
        let picked = Set(parameters.all("person").compactMap(Int.init))
        if choice == .picked, picked.isEmpty {
            return try slipChoicePage(visit, error: w.slipsTickSomeone, status: 422)
        }
        let chosen = choice.select(members, picked: picked)
        let back = "/classes/\(schoolClass.id)/slips?who=\(choice.rawValue)" + picked.sorted().map { "&person=\($0)" }.joined()
        guard !chosen.isEmpty else {
            return try frame(visit, title: w.slipsTitle(schoolClass.name), """
                <main>
                <h1>\(w.slipsHeading(schoolClass.name))</h1>
                <div class="card"><p>\(choice == .fresh ? w.slipsNobodyFresh : w.slipsNobody)</p>
                <p><a class="button secondary" href="\(back)">\(w.slipsChooseOthers)</a></p></div>
                </main>
                """)
        }
        let inUse = chosen.filter { $0.account == .inUse }
        let reset = chosen.filter { $0.account != .none }.count
        let created = chosen.count - reset
        let hidden: [HTML] = chosen.map { "<input type=\"hidden\" name=\"person\" value=\"\($0.id)\">" }
        let rows: [HTML] = chosen.map { "<tr>\(memberRow($0, w))</tr>" }
        let names: [HTML] = inUse.map { "<li>\($0.card.fullName)</li>" }
        let fileName = w.slipsFileName(className: schoolClass.name, word: choice.fileWord(w)) + ".pdf"
        let warning: HTML = inUse.isEmpty
            ? "<p class=\"notice ok\">\(w.slipsNoneInUse)</p>"
            : """
              <div class="notice warn"><p><b>\(w.slipsInUse(inUse.count))</b> \(w.slipsInUseText)</p>
              <ul>\(each: names)</ul></div>
              """
        return try frame(visit, title: w.slipsConfirmTitle(schoolClass.name), """
            <main>
            <p><a href="\(back)">\(w.slipsChangeChoice)</a></p>
            <h1>\(w.slipsConfirmHeading(schoolClass.name))</h1>
            \(changed ? "<p class=\"notice warn\">\(w.slipsChangedMeanwhile)</p>" as HTML : "")
            <form method="post" action="/classes/\(schoolClass.id)/slips" class="card slip-confirm">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <input type="hidden" name="who" value="\(choice.rawValue)">
            <input type="hidden" name="in_use" value="\(inUse.count)">
            <input type="hidden" name="confirm" value="yes">
            \(each: hidden)
            <p class="counts">\(w.slipsCount) <b>\(chosen.count)</b> · \(w.slipsResetCount) <b>\(reset)</b>\(w.slipsResetInUse) <b>\(inUse.count)</b>\(created == 0 ? "" : w.slipsNewAccounts(created))</p>
            <p>\(w.slipsChoiceAndFile(choice.label(w), fileName))</p>
            \(staff == 0 ? HTML.empty : "<p class=\"muted\">\(w.slipsStaffElsewhere(staff))</p>")
            \(warning)
            <p class="tools"><button type="submit">\(w.slipsPrint(reset: reset, slips: chosen.count))</button>
            <a class="button secondary" href="/classes/\(schoolClass.id)">\(w.slipsCancel)</a></p>
            </form>
            <div class="table-wrap"><table>
            <thead><tr><th>\(w.slipsName)</th><th>\(w.slipsWho)</th><th>\(w.slipsLogin)</th><th>\(w.slipsAccount)</th></tr></thead>
            <tbody>\(each: rows)</tbody></table></div>
            </main>
            """, status: changed ? 409 : 200)
    }

    /// `POST /classes/{id}/slips`: prints exactly the people confirmed, if nothing changed since.
    func printClassSlips(_ visit: Visit) throws -> Response {
        let form = try visit.request.form()
        let classID = try visit.request.pathParameters.int("id")
        let choice = form["who"].flatMap(SlipChoice.init(rawValue:))
        let requested = form.all("person").compactMap(Int.init)
        // Nothing is voided without the confirmation step: anything else goes back to it.
        guard form["confirm"] == "yes", let choice, !requested.isEmpty else {
            let target = "/classes/\(classID)/slips/confirm?who=\(choice?.rawValue ?? "")" + requested.map { "&person=\($0)" }.joined()
            return .redirect(to: target)
        }
        let (schoolClass, members) = try classMembers(visit)
        let byID = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        guard requested.allSatisfy({ byID[$0] != nil }) else {
            throw HTTPError(status: 422, message: visit.words.slipsNotInClass(schoolClass.name), code: "not_in_class")
        }
        let chosen = members.filter { Set(requested).contains($0.id) }
        if String(chosen.filter { $0.account == .inUse }.count) != form["in_use"] {
            var again = Parameters([("who", choice == .fresh ? SlipChoice.picked.rawValue : choice.rawValue)])
            again = Parameters(again.pairs.map { ($0.name, $0.value) } + chosen.map { ("person", String($0.id)) })
            return try slipConfirmation(visit, parameters: again, changed: true)
        }
        return try slips(visit, people: chosen.map(\.id), name: visit.words.slipsFileName(className: schoolClass.name, word: choice.fileWord(visit.words)))
    }
}
