import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// A class's study groups (`/classes/{id}/groups`): the groups of each subject with their
/// teachers and a table of who is in which group, the cross-class groups its students are in,
/// and a form that splits a subject into two groups (and, for those who manage the timetable,
/// its lessons from a date). The administrator for any class, a class teacher for their own.
struct GroupPages: Sendable {
    let database: Database
    let clock: SchoolClock
    var desk: GroupsDesk { GroupsDesk(database: database, utcOffsetMinutes: clock.utcOffsetMinutes) }

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/classes/{id:int}/groups", .policy(.manageGroups, resource: schoolClass)) { visit in try page(visit) },
            AppRoute(.post, "/classes/{id:int}/groups/split", .policy(.manageGroups, resource: schoolClass)) { visit in try split(visit) },
            AppRoute(.post, "/classes/{id:int}/groups/members", .policy(.manageGroups, resource: schoolClass)) { visit in try members(visit) },
            AppRoute(.post, "/classes/{id:int}/groups/{group:int}", .policy(.manageGroups, resource: schoolClass)) { visit in try saveGroup(visit) },
        ] + GroupsAPI(database: database, desk: desk).routes
    }

    func schoolClass(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard try database.read({ try $0.schoolClass(id) }) != nil else { throw HTTPError.notFound }
        return .schoolClass(id)
    }

    /// What a failed form brings back: which form, what was typed, and the message.
    struct Typed {
        var form = ""
        var values = Parameters()
        var error: DeskError?
    }

    func page(_ visit: Visit, typed: Typed = Typed(), status: Int = 200) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let actor = visit.actor!, w = visit.words
        let data = try database.read { c in
            guard let schoolClass = try c.schoolClass(classID) else { throw HTTPError.notFound }
            return (schoolClass: schoolClass, school: try c.school(), me: try c.personSummary(actor.personID, year: -1),
                    groups: try c.studyGroups(classID: classID), subjects: try c.classSubjectList(classID: classID), teachers: try c.teacherList(),
                    students: try c.journalStudents(classID: classID, groupID: nil, from: visit.today, to: visit.today),
                    kept: try (visit.request.query["kept"] ?? "").split(separator: ",").compactMap { Int($0) }.prefix(200).compactMap { try c.journalLesson($0) })
        }
        let own = data.groups.filter { $0.classID == classID }
        let crossClass = data.groups.filter { $0.classID == nil }
        let csrf: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(visit.csrfToken)\">"
        func error(_ form: String) -> HTML {
            guard typed.form == form, let e = typed.error else { return "" }
            return "<p class=\"field-error\" role=\"alert\">\(e.message)</p>"
        }
        func teacherOptions(_ selected: Int?, none: Bool) -> HTML {
            (none ? "<option value=\"\"\(selected == nil ? " selected" : "")>\(w.noTeacher)</option>" as HTML : "")
                + HTML(trusted: data.teachers.map { "<option value=\"\($0.id)\"\($0.id == selected ? " selected" : "")>\(HTML.escaped($0.name))</option>" }.joined())
        }

        // Each subject taught in groups: the groups' names and teachers, then who is in which.
        let bySubject = Dictionary(grouping: own, by: { $0.subjectID ?? 0 })
        let sections: [HTML] = bySubject.keys.sorted { (bySubject[$0]?.first?.subjectName ?? "") < (bySubject[$1]?.first?.subjectName ?? "") }.map { subjectID in
            let groups = bySubject[subjectID]!
            let subject = groups.first?.subjectName ?? ""
            let cards: [HTML] = groups.map { g in
                let form = "group-\(g.id)"
                let values = typed.form == form ? typed.values : Parameters()
                return """
                    <form method="post" action="/classes/\(classID)/groups/\(g.id)" id="\(form)">\(csrf)
                    <h3>\(g.name)</h3>
                    <p class="muted small">\(w.studentsCount(g.members.count))\(g.teacherNames.count > 1 ? " · " + w.groupTeachers(g.teacherNames.joined(separator: ", ")) : "") · <a href="/journal/\(classID)/\(subjectID)?group=\(g.id)">\(w.groupJournal)</a></p>
                    <label>\(w.groupNameLabel) <input name="name" value="\(values["name"] ?? g.name)" maxlength="60" required></label>
                    <label>\(w.groupTeacherLabel) <select name="teacher">\(teacherOptions(values["teacher"].flatMap { Int($0) } ?? g.teacherIDs.first, none: true))</select></label>
                    \(error(form))
                    <p><button class="secondary">\(w.saveGroup)</button></p>
                    </form>
                    """
            }
            let header: [HTML] = groups.map { "<th scope=\"col\">\($0.name)</th>" }
            let rows: [HTML] = data.students.map { s in
                let current = typed.form == "members-\(subjectID)" ? typed.values["m_\(s.id)"].flatMap { Int($0) }
                    : groups.first { $0.members.contains { $0.id == s.id } }?.id
                let choices: [HTML] = groups.map { g in
                    "<td class=\"choice\"><input type=\"radio\" name=\"m_\(s.id)\" value=\"\(g.id)\"\(current == g.id ? " checked" : "") aria-label=\"\(s.name): \(g.name)\"></td>"
                }
                return "<tr><th scope=\"row\">\(s.name)</th>\(each: choices)</tr>"
            }
            return """
                <section class="card spaced groups-subject" id="subject-\(subjectID)">
                <h2>\(subject)</h2>
                <div class="group-cards">\(each: cards)</div>
                <form method="post" action="/classes/\(classID)/groups/members" id="members-\(subjectID)">\(csrf)
                <input type="hidden" name="subject" value="\(subjectID)">
                <h3>\(w.membersTitle(subject))</h3>
                <div class="table-wrap"><table class="group-members"><thead><tr><th scope="col">\(w.studentColumn)</th>\(each: header)</tr></thead>
                <tbody>\(each: rows)</tbody></table></div>
                \(error("members-\(subjectID)"))
                <p><button>\(w.saveMembers)</button></p>
                </form>
                </section>
                """
        }
        let crossItems: [HTML] = crossClass.map { g in
            let mine = g.members.filter { $0.classID == classID }.map(\.name).joined(separator: ", ")
            return "<li><b>\(g.name)</b> — \(w.crossClassLine(g.subjectName ?? "", g.teacherNames.first ?? w.noTeacher, mine))</li>"
        }

        // Splitting a subject not yet taught in groups.
        let splittable = data.subjects.filter { s in !own.contains { $0.subjectID == s.id } }
        let timetable = AccessPolicy.permits(actor, .manageTimetable, .school)
        let split: HTML
        if splittable.isEmpty {
            split = "<section class=\"card spaced\"><h2>\(w.splitTitle)</h2><p class=\"muted\">\(w.nothingToSplit)</p></section>"
        } else {
            let v = typed.form == "split" ? typed.values : Parameters()
            let half = (data.students.count + 1) / 2
            let subjectOptions = HTML(trusted: splittable.map { "<option value=\"\($0.id)\"\(String($0.id) == v["subject"] ? " selected" : "")>\(HTML.escaped($0.name))</option>" }.joined())
            let groupFields: [HTML] = (1...2).map { n in
                """
                <fieldset class="split-group"><legend>\(w.groupNumber(n))</legend>
                <label>\(w.groupNameLabel) <input name="name\(n)" value="\(v["name\(n)"] ?? w.defaultGroupName(n))" maxlength="60" required></label>
                <label>\(w.groupTeacherLabel) <select name="teacher\(n)" required><option value="">—</option>\(teacherOptions(v["teacher\(n)"].flatMap { Int($0) }, none: false))</select></label>
                \(timetable ? "<label>\(w.groupRoomLabel) <input name=\"room\(n)\" value=\"\(v["room\(n)"] ?? "")\" maxlength=\"30\" autocomplete=\"off\"></label>" as HTML : "")
                </fieldset>
                """
            }
            let rows: [HTML] = data.students.enumerated().map { i, s in
                let chosen = v["s_\(s.id)"].flatMap { Int($0) } ?? (i < half ? 1 : 2)
                let choices: [HTML] = (1...2).map { n in
                    "<td class=\"choice\"><input type=\"radio\" name=\"s_\(s.id)\" value=\"\(n)\"\(chosen == n ? " checked" : "") aria-label=\"\(s.name): \(w.groupNumber(n))\"></td>"
                }
                return "<tr><th scope=\"row\">\(s.name)</th>\(each: choices)</tr>"
            }
            let from = v["from"] ?? visit.today.startOfWeek.adding(days: 7).iso
            split = """
                <form method="post" action="/classes/\(classID)/groups/split" class="card spaced" id="split">\(csrf)
                <h2>\(w.splitTitle)</h2>
                <p class="muted">\(timetable ? w.splitHint : w.splitWithoutTimetable)</p>
                <label>\(w.subjectLabel) <select name="subject">\(subjectOptions)</select></label>
                \(timetable ? "<label>\(w.splitFromLabel) <input type=\"date\" name=\"from\" value=\"\(from)\" required></label>" as HTML : "")
                <div class="group-cards">\(each: groupFields)</div>
                \(timetable ? "<p class=\"muted small\">\(w.groupRoomHint)</p>" as HTML : "")
                <div class="table-wrap"><table class="group-members"><thead><tr><th scope="col">\(w.studentColumn)</th>
                <th scope="col">\(w.groupNumber(1))</th><th scope="col">\(w.groupNumber(2))</th></tr></thead><tbody>\(each: rows)</tbody></table></div>
                \(error("split"))
                <p><button>\(w.splitButton)</button></p>
                </form>
                """
        }

        var notices: [HTML] = []
        if visit.request.query["saved"] != nil { notices.append("<p class=\"notice ok\" role=\"status\">\(w.groupsSaved)</p>") }
        if let n = visit.request.query["replanned"] {
            let counts = n.split(separator: ".").compactMap { Int($0) }
            notices.append("<p class=\"notice ok\" role=\"status\">\(w.splitSaved)\(counts.count == 3 ? " " + w.replanned(updated: counts[0], created: counts[1], removed: counts[2]) : "")</p>")
        } else if visit.request.query["split"] != nil {
            notices.append("<p class=\"notice ok\" role=\"status\">\(w.splitSaved)</p>")
        }
        if !data.kept.isEmpty { notices.append(TimetablePages(database: database, clock: clock).keptList(w, data.kept.filter { $0.classID == classID })) }
        let title = w.groupsTitle(data.schoolClass.name)
        let timetableLink: HTML = AccessPolicy.permits(actor, .viewTimetable, .schoolClass(classID))
            ? "<p><a href=\"/timetable/classes/\(classID)\">\(w.classTimetableLink)</a></p>" : ""
        return Layout.response(Layout.page(title: title, school: data.school, user: SignedIn(visit, name: data.me?.card.shortName ?? ""),
                                           nav: [(label: w.menuHome, href: "/")], """
            <main class="groups">
            <h1>\(title)</h1>
            <p class="muted">\(w.groupsIntro)</p>
            \(each: notices)
            \(timetableLink)
            \(own.isEmpty ? "<p class=\"card\">\(w.noGroupsYet)</p>" as HTML : "")
            \(each: sections)
            \(crossItems.isEmpty ? "" as HTML : "<section class=\"card spaced\"><h2>\(w.crossClassTitle)</h2><ul>\(each: crossItems)</ul></section>")
            \(split)
            </main>
            """), status: status)
    }

    func split(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        let students = try database.read { try $0.students(classID: classID) }
        do {
            guard let subject = Int(form["subject"] ?? "") else { throw DeskError.invalid(visit.words.chooseSubject, field: "subject") }
            let groups: [GroupsDesk.SplitGroup] = try (1...2).map { n in
                guard let teacher = Int(form["teacher\(n)"] ?? "") else { throw DeskError.invalid(visit.words.chooseGroupTeacher(n), field: "teacher") }
                return GroupsDesk.SplitGroup(name: form["name\(n)"] ?? "", teacher: teacher, room: form["room\(n)"] ?? "",
                                             students: students.filter { form["s_\($0)"] == String(n) })
            }
            var from: CivilDate?
            if let text = form["from"] {
                guard let d = CivilDate(iso: text) else { throw DeskError.invalid(visit.words.giveDate, field: "date") }
                from = d
            }
            let outcome = try desk.split(classID: classID, subjectID: subject, groups: groups, from: from, by: visit.editor)
            var target = "/classes/\(classID)/groups?split=\(outcome.groups.count)"
            if let s = outcome.sync {
                target += "&replanned=\(s.updated.count).\(s.created).\(s.removed.count)"
                if !s.kept.isEmpty { target += "&kept=" + s.kept.prefix(200).map { String($0.id) }.joined(separator: ",") }
            }
            return .redirect(to: target + "#subject-\(subject)")
        } catch let error as DeskError where error != .forbidden && error.httpError.status != 404 {
            return try page(visit, typed: Typed(form: "split", values: form, error: error), status: error.httpError.status)
        }
    }

    func members(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        guard let subject = Int(form["subject"] ?? "") else { throw HTTPError.badRequest(visit.words.chooseSubject) }
        var chosen: [Int: Int] = [:]
        for pair in form.pairs where pair.name.hasPrefix("m_") {
            if let student = Int(pair.name.dropFirst(2)), let group = Int(pair.value) { chosen[student] = group }
        }
        do {
            try desk.assign(classID: classID, subjectID: subject, groups: chosen, by: visit.editor)
        } catch let error as DeskError where error != .forbidden && error.httpError.status != 404 {
            return try page(visit, typed: Typed(form: "members-\(subject)", values: form, error: error), status: error.httpError.status)
        }
        return .redirect(to: "/classes/\(classID)/groups?saved=1#subject-\(subject)")
    }

    func saveGroup(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("id"), id = try visit.request.pathParameters.int("group")
        let form = try visit.request.form()
        // The group must be this class's: the route's policy was asked about the class.
        guard let group = try database.read({ try $0.studyGroupRecord(id) }), group.classID == classID else { throw HTTPError.notFound }
        do {
            try desk.update(id, name: form["name"] ?? group.name, teacher: .some(Int(form["teacher"] ?? "")), by: visit.editor)
        } catch let error as DeskError where error != .forbidden && error.httpError.status != 404 {
            return try page(visit, typed: Typed(form: "group-\(id)", values: form, error: error), status: error.httpError.status)
        }
        return .redirect(to: "/classes/\(classID)/groups?saved=1#subject-\(group.subjectID ?? 0)")
    }
}
