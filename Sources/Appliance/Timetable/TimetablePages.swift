import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The timetable in the browser: the week of a class or of a teacher as a grid (days × bells),
/// as the timetable stands on those days; for the deputy and the administrator, entries changed
/// or removed from a date, entries added, extra lessons on a date and a room for one lesson —
/// each a plain form through `TimetableDesk`, which re-plans the journal's lessons and lists
/// the lessons it kept because something was entered in them.
struct TimetablePages: Sendable {
    let database: Database
    let clock: SchoolClock
    var desk: TimetableDesk { TimetableDesk(database: database, utcOffsetMinutes: clock.utcOffsetMinutes) }

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/timetable", .policy(.viewTimetable, resource: overviewScope)) { visit in try overview(visit) },
            AppRoute(.get, "/timetable/classes/{id:int}", .policy(.viewTimetable, resource: schoolClass)) { visit in try classWeek(visit) },
            AppRoute(.get, "/timetable/teachers/{id:int}", .policy(.viewTimetable, resource: teacher)) { visit in try teacherWeek(visit) },
            AppRoute(.post, "/timetable/classes/{id:int}/entries", .policy(.manageTimetable, resource: schoolClass)) { visit in try addEntry(visit) },
            AppRoute(.post, "/timetable/classes/{id:int}/lessons", .policy(.manageTimetable, resource: schoolClass)) { visit in try addLesson(visit) },
            AppRoute(.get, "/timetable/entries/{id:int}", .policy(.manageTimetable, resource: entry)) { visit in try entryPage(visit) },
            AppRoute(.post, "/timetable/entries/{id:int}", .policy(.manageTimetable, resource: entry)) { visit in try changeEntry(visit) },
            AppRoute(.post, "/timetable/entries/{id:int}/remove", .policy(.manageTimetable, resource: entry)) { visit in try removeEntry(visit) },
            AppRoute(.get, "/timetable/lessons/{id:int}/room", .policy(.manageTimetable, resource: lesson)) { visit in try roomPage(visit) },
            AppRoute(.post, "/timetable/lessons/{id:int}/room", .policy(.manageTimetable, resource: lesson)) { visit in try changeRoom(visit) },
        ]
    }

    // MARK: Resources

    /// The whole school's timetable for those who read it all; a teacher's own week for a teacher.
    func overviewScope(_ visit: Visit) throws -> Resource {
        AccessPolicy.permits(visit.actor!, .viewTimetable, .school) ? .school : .person(id: visit.actor!.personID, classes: [], isStaff: true)
    }

    func schoolClass(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard try database.read({ try $0.schoolClass(id) }) != nil else { throw HTTPError.notFound }
        return .schoolClass(id)
    }

    func teacher(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard try database.read({ try $0.teacherShortName(id) }) != nil else { throw HTTPError.notFound }
        return .person(id: id, classes: [], isStaff: true)
    }

    func entry(_ visit: Visit) throws -> Resource {
        guard let entry = try database.read({ try $0.timetableEntryView(try visit.request.pathParameters.int("id")) }) else { throw HTTPError.notFound }
        return .schoolClass(entry.classID)
    }

    func lesson(_ visit: Visit) throws -> Resource {
        guard let lesson = try database.read({ try $0.lessonResource(try visit.request.pathParameters.int("id")) }) else { throw HTTPError.notFound }
        guard case let .lesson(classID, _, _, _) = lesson else { throw HTTPError.notFound }
        return .schoolClass(classID)
    }

    // MARK: Frame

    func frame(_ visit: Visit, title: String, status: Int = 200, _ content: HTML) throws -> Response {
        let (school, me) = try database.read { c in (try c.school(), try c.personSummary(visit.actor!.personID, year: -1)) }
        let w = visit.words
        let nav = AccessPolicy.permits(visit.actor!, .viewTimetable, .school) ? [(label: w.wholeTimetableLink, href: "/timetable")] : []
        return Layout.response(Layout.page(title: title, school: school, user: SignedIn(visit, name: me?.card.shortName ?? ""),
                                           nav: [(label: w.menuHome, href: "/")] + nav, content), status: status)
    }

    /// The date the page shows (`?date=`, else today); the week is the one containing it.
    func date(_ visit: Visit) throws -> CivilDate {
        guard let text = visit.request.query["date"], !text.isEmpty else { return visit.today }
        guard let d = CivilDate(iso: text) else { throw HTTPError.badRequest(visit.words.isoDateExpected) }
        return d
    }

    // MARK: Overview

    func overview(_ visit: Visit) throws -> Response {
        let actor = visit.actor!
        let date = try date(visit)
        guard AccessPolicy.permits(actor, .viewTimetable, .school) else {
            return .redirect(to: "/timetable/teachers/\(actor.personID)?date=\(date.iso)")
        }
        let w = visit.words
        let (classes, teachers) = try database.read { c in
            (try c.academicYear(containing: date).map { try c.classList(year: $0.id) } ?? [], try c.teacherList())
        }
        let classLinks: [HTML] = classes.map { "<li><a href=\"/timetable/classes/\($0.id)?date=\(date.iso)\">\($0.name)</a></li>" }
        let teacherLinks: [HTML] = teachers.map { "<li><a href=\"/timetable/teachers/\($0.id)?date=\(date.iso)\">\($0.name)</a></li>" }
        return try frame(visit, title: w.timetableTitle, """
            <main class="timetable">
            <h1>\(w.timetableTitle)</h1>
            <p class="muted">\(w.timetableIntro)</p>
            \(datePicker(w, action: "/timetable", date: date))
            <nav class="card class-links" aria-label="\(w.classesHeading)"><h2>\(w.classesHeading)</h2><ul>\(each: classLinks)</ul></nav>
            <nav class="card teacher-links" aria-label="\(w.teachersHeading)"><h2>\(w.teachersHeading)</h2><ul>\(each: teacherLinks)</ul></nav>
            <p><a href="/changes">\(w.changesLink)</a></p>
            </main>
            """)
    }

    func datePicker(_ w: Words, action: String, date: CivilDate) -> HTML {
        """
        <form method="get" action="\(action)" class="card search"><div><label for="date">\(w.asOfDate)</label>
        <input type="date" id="date" name="date" value="\(date.iso)"></div><button>\(w.show)</button></form>
        """
    }

    func weekNav(_ w: Words, path: String, date: CivilDate, today: CivilDate) -> HTML {
        let monday = date.startOfWeek
        return """
            <nav class="week-nav"><a href="\(path)?date=\(monday.adding(days: -7).iso)">\(w.classPreviousWeek)</a>
            \(monday == today.startOfWeek ? "" as HTML : "<a href=\"\(path)?date=\(today.iso)\">\(w.thisWeek)</a>")
            <a href="\(path)?date=\(monday.adding(days: 7).iso)">\(w.classNextWeek)</a>
            <span class="range">\(w.weekRange(monday, monday.adding(days: 5)))</span></nav>
            """
    }

    // MARK: The grid

    /// Days × bells of the week containing `date`: each day shows the entries in force that day.
    func grid(_ w: Words, date: CivilDate, bells: [Bell], entries: [TimetableEntryView], cell: (TimetableEntryView) -> HTML,
              empty: ((Int, Int) -> HTML)?) -> HTML {
        let monday = date.startOfWeek
        let saturday = entries.contains { $0.weekday == 6 }
        let days = (0..<(saturday ? 6 : 5)).map { monday.adding(days: $0) }
        let numbers = Set(bells.map(\.number)).union(entries.map(\.bell)).sorted()
        let times = Dictionary(bells.map { ($0.number, $0) }) { a, _ in a }
        let head: [HTML] = days.map { d in "<th scope=\"col\"\(d == date ? " class=\"chosen\"" as HTML : "")>\(w.weekdayShort(d.weekday)) <small>\(d.shortRussian)</small></th>" }
        let rows: [HTML] = numbers.map { n in
            let cells: [HTML] = days.map { d in
                let here = entries.filter { $0.weekday == d.weekday && $0.bell == n && $0.validFrom <= d && d <= $0.validTo }
                let content: HTML = here.isEmpty ? (empty?(d.weekday, n) ?? "") : "\(each: here.map(cell))"
                return "<td\(here.isEmpty ? " class=\"free\"" as HTML : "")>\(content)</td>"
            }
            let time = times[n].map { "<small>\($0.startsAt.description)–\($0.endsAt.description)</small>" as HTML } ?? ""
            return "<tr><th scope=\"row\"><b>\(n)</b> \(time)</th>\(each: cells)</tr>"
        }
        return """
            <div class="table-wrap"><table class="timetable-grid">
            <thead><tr><th scope="col">\(w.lessonColumn)</th>\(each: head)</tr></thead>
            <tbody>\(each: rows)</tbody></table></div>
            """
    }

    // MARK: A class's week

    /// What a failed form brings back: which form, what was typed, the message and its field.
    struct Typed {
        var form = ""
        var values = Parameters()
        var error: DeskError?
    }

    func classWeek(_ visit: Visit, typed: Typed = Typed(), status: Int = 200) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let actor = visit.actor!, w = visit.words
        let date = try typed.values["week"].flatMap { CivilDate(iso: $0) } ?? date(visit)
        let monday = date.startOfWeek
        let manage = AccessPolicy.permits(actor, .manageTimetable, .schoolClass(classID))
        let kept = (visit.request.query["kept"] ?? "").split(separator: ",").compactMap { Int($0) }.prefix(200)
        let data = try database.read { c in
            guard let schoolClass = try c.schoolClass(classID) else { throw HTTPError.notFound }
            return (schoolClass: schoolClass, bells: try c.bells(classID: classID),
                    entries: try c.timetableEntries(classID: classID, dates: monday...monday.adding(days: 6)),
                    lists: manage ? try FormLists(c, classID: classID) : nil,
                    kept: try kept.compactMap { try c.journalLesson($0) }.filter { $0.classID == classID })
        }
        let cell = { (e: TimetableEntryView) -> HTML in
            let body: HTML = """
                <b>\(e.subjectName)</b>\(e.groupName.map { "<span class=\"group\">\($0)</span>" as HTML })
                <span>\(e.teacherName)</span>\(e.roomName.map { "<span class=\"room\">\(w.roomShort($0))</span>" as HTML })
                """
            return manage ? "<a class=\"entry\" href=\"/timetable/entries/\(e.id)?date=\(monday.iso)\" title=\"\(w.editEntry(e.subjectName))\">\(body)</a>"
                : "<div class=\"entry\">\(body)</div>"
        }
        let add: ((Int, Int) -> HTML)? = manage ? { weekday, bell in
            "<a class=\"add\" href=\"/timetable/classes/\(classID)?date=\(monday.iso)&weekday=\(weekday)&bell=\(bell)#add\" aria-label=\"\(w.addLessonAt(weekday, bell))\">+</a>"
        } : nil
        var notices: [HTML] = []
        if let n = visit.request.query["replanned"] {
            let counts = n.split(separator: ".").compactMap { Int($0) }
            if counts.count == 3 { notices.append("<p class=\"notice\" role=\"status\">\(w.replanned(updated: counts[0], created: counts[1], removed: counts[2]))</p>") }
        }
        if visit.request.query["added"] != nil { notices.append("<p class=\"notice\" role=\"status\">\(w.extraLessonSaved)</p>") }
        if !data.kept.isEmpty { notices.append(keptList(w, data.kept)) }
        var forms: [HTML] = []
        if let lists = data.lists {
            let query = visit.request.query
            let values = typed.form == "add" ? typed.values : Parameters([("weekday", query["weekday"] ?? ""), ("bell", query["bell"] ?? ""),
                                                                          ("from", max(visit.today, monday).iso)])
            forms.append(entryForm(visit, id: "add", action: "/timetable/classes/\(classID)/entries", title: w.addEntryTitle, lists: lists, values: values,
                                   error: typed.form == "add" ? typed.error : nil, weekday: true, dateField: ("from", w.fromDateLabel), button: w.addButton))
            let extra = typed.form == "extra" ? typed.values : Parameters([("date", max(visit.today, monday).iso)])
            forms.append(entryForm(visit, id: "extra", action: "/timetable/classes/\(classID)/lessons", title: w.extraLessonTitle, lists: lists, values: extra,
                                   error: typed.form == "extra" ? typed.error : nil, weekday: false, dateField: ("date", w.dateLabel), button: w.addExtraButton,
                                   hint: w.extraLessonHint))
        }
        let groupsLink: HTML = AccessPolicy.permits(actor, .manageGroups, .schoolClass(classID))
            ? "<a href=\"/classes/\(classID)/groups\">\(w.groupsOfClassLink)</a>" : ""
        let title = w.timetableOfClass(data.schoolClass.name)
        return try frame(visit, title: title, status: status, """
            <main class="timetable">
            <h1>\(title)</h1>
            \(each: notices)
            \(weekNav(w, path: "/timetable/classes/\(classID)", date: date, today: visit.today))
            \(data.entries.isEmpty ? "<p class=\"card\">\(w.noLessonsThisWeek)</p>" as HTML : grid(w, date: date, bells: data.bells, entries: data.entries, cell: cell, empty: add))
            <p class="tools">\(groupsLink) <a href="/changes">\(w.changesLink)</a></p>
            \(each: forms)
            </main>
            """)
    }

    func keptList(_ w: Words, _ lessons: [Lesson]) -> HTML {
        let items: [HTML] = lessons.map { l in
            """
            <li><a href="/lessons/\(l.id)">\(l.className)\(l.groupName.map { " · \($0)" } ?? ""), \(l.date.russian), \(w.lessonNumber(l.bell)): \(l.subjectName), \(l.teacherName)</a>
            \(l.topic.isEmpty ? "" as HTML : "<small class=\"muted\">— \(l.topic)</small>")</li>
            """
        }
        return """
            <section class="notice warn kept" role="status"><h2>\(w.keptTitle(lessons.count))</h2>
            <p>\(w.keptHint)</p><ul>\(each: items)</ul></section>
            """
    }

    /// The choices of the timetable's forms for a class.
    struct FormLists {
        /// The class's subjects (those with a teaching assignment for it), then the school's others.
        let classSubjects: [(id: Int, name: String)]
        let otherSubjects: [(id: Int, name: String)]
        let teachers: [(id: Int, name: String)]
        let groups: [(id: Int, name: String)]
        let bells: [Int]
        let rooms: [String]

        init(_ c: Connection, classID: Int) throws {
            let taught = try c.schoolClass(classID).map { year in
                Set(try c.classSubjects(year: year.yearID).filter { $0.classID == classID }.map(\.subjectID))
            } ?? []
            let subjects = try c.subjectList()
            classSubjects = subjects.filter { taught.contains($0.id) }
            otherSubjects = subjects.filter { !taught.contains($0.id) }
            teachers = try c.teacherList()
            groups = try c.studyGroups(classID: classID).map { g in (id: g.id, name: g.subjectName.map { "\(g.name) — \($0)" } ?? g.name) }
            bells = try c.bellNumbers(classID: classID)
            rooms = try c.roomNames()
        }
    }

    func options(_ items: [(id: Int, name: String)], selected: String?, none: String? = nil) -> HTML {
        let first: HTML = none.map { "<option value=\"\"\(selected == nil || selected == "" ? " selected" : "")>\($0)</option>" } ?? ""
        return first + HTML(trusted: items.map { "<option value=\"\($0.id)\"\(String($0.id) == selected ? " selected" : "")>\(HTML.escaped($0.name))</option>" }.joined())
    }

    /// The subject choice: the class's subjects, then the others in a group of their own.
    func subjectOptions(_ lists: FormLists, selected: String?, _ w: Words) -> HTML {
        guard !lists.classSubjects.isEmpty, !lists.otherSubjects.isEmpty else {
            return options(lists.classSubjects + lists.otherSubjects, selected: selected)
        }
        return options(lists.classSubjects, selected: selected)
            + "<optgroup label=\"\(w.otherSubjects)\">\(options(lists.otherSubjects, selected: selected))</optgroup>"
    }

    /// One entry's fields: what, who, where, which group, when — with the error beside its field.
    func entryForm(_ visit: Visit, id: String, action: String, title: String, lists: FormLists, values: Parameters, error: DeskError?,
                   weekday: Bool, dateField: (name: String, label: String), button: String, hint: String? = nil) -> HTML {
        let w = visit.words
        func problem(_ field: String) -> HTML {
            guard let error, error.field == field || (field == "subject" && error.field == nil) else { return "" }
            return "<p class=\"field-error\" role=\"alert\">\(error.message)</p>"
        }
        let weekdays: [(id: Int, name: String)] = (1...6).map { (id: $0, name: w.weekdayName($0)) }
        let bells: [(id: Int, name: String)] = lists.bells.map { (id: $0, name: w.lessonNumber($0)) }
        return """
            <form method="post" action="\(action)" class="card spaced timetable-form" id="\(id)">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <input type="hidden" name="week" value="\(values["week"] ?? (visit.request.query["date"] ?? visit.today.iso))">
            <h2>\(title)</h2>
            \(hint.map { "<p class=\"muted\">\($0)</p>" as HTML })
            <div class="fields">
            <label>\(dateField.label) <input type="date" name="\(dateField.name)" value="\(values[dateField.name] ?? "")" required></label>\(problem("date"))
            \(weekday ? "<label>\(w.weekdayLabel) <select name=\"weekday\">\(options(weekdays, selected: values["weekday"]))</select></label>\(problem("weekday"))" as HTML : "")
            <label>\(w.bellLabel) <select name="bell">\(options(bells, selected: values["bell"]))</select></label>\(problem("bell"))
            <label>\(w.subjectLabel) <select name="subject">\(subjectOptions(lists, selected: values["subject"], w))</select></label>\(problem("subject"))
            <label>\(w.teacherLabel) <select name="teacher">\(options(lists.teachers, selected: values["teacher"]))</select></label>\(problem("teacher"))
            <label>\(w.groupLabel) <select name="group">\(options(lists.groups, selected: values["group"], none: w.wholeClass))</select></label>\(problem("group"))
            <label>\(w.roomLabel) <input name="room" value="\(values["room"] ?? "")" list="rooms-\(id)" maxlength="30" autocomplete="off"></label>\(problem("room"))
            <datalist id="rooms-\(id)">\(each: lists.rooms.map { "<option value=\"\($0)\">" as HTML })</datalist>
            <label>\(w.reasonOptionalLabel) <input name="reason" value="\(values["reason"] ?? "")" maxlength="500" placeholder="\(w.reasonPlaceholder)"></label>\(problem("reason"))
            </div>
            <p><button>\(button)</button></p>
            </form>
            """
    }

    /// An entry's fields from a form. - Throws: 400 for a form that is not the page's.
    func draft(_ w: Words, _ form: Parameters, weekday: Int? = nil) throws -> EntryDraft {
        guard let subject = Int(form["subject"] ?? ""), let teacher = Int(form["teacher"] ?? ""), let bell = Int(form["bell"] ?? ""),
              let day = weekday ?? Int(form["weekday"] ?? "") else { throw HTTPError.badRequest(w.entryFieldsMissing) }
        return EntryDraft(subject: subject, teacher: teacher, room: form["room"] ?? "", group: Int(form["group"] ?? ""), weekday: day, bell: bell)
    }

    /// The date of a form's field; a wrong one is the desk's kind of error, shown beside the field.
    func formDate(_ w: Words, _ form: Parameters, _ name: String) throws -> CivilDate {
        guard let d = CivilDate(iso: form[name] ?? "") else { throw DeskError.invalid(w.giveDate, field: "date") }
        return d
    }

    /// Where a change of the timetable leads: the class's week from its date, with what the re-plan did.
    func after(_ outcome: TimetableOutcome, classID: Int) -> Response {
        let s = outcome.sync
        var target = "/timetable/classes/\(classID)?date=\(outcome.from.iso)&replanned=\(s.updated.count).\(s.created).\(s.removed.count)"
        if !s.kept.isEmpty { target += "&kept=" + s.kept.prefix(200).map { String($0.id) }.joined(separator: ",") }
        return .redirect(to: target)
    }

    func addEntry(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        do {
            let outcome = try desk.addEntry(classID: classID, try draft(visit.words, form), from: try formDate(visit.words, form, "from"), reason: form["reason"] ?? "", by: visit.editor)
            return after(outcome, classID: classID)
        } catch let error as DeskError where error.field != nil {
            return try classWeek(visit, typed: Typed(form: "add", values: form, error: error), status: 422)
        }
    }

    func addLesson(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        do {
            let date = try formDate(visit.words, form, "date")
            _ = try desk.addLesson(classID: classID, on: date, try draft(visit.words, form, weekday: date.weekday == 7 ? 1 : date.weekday), reason: form["reason"] ?? "",
                                   by: visit.editor)
            return .redirect(to: "/timetable/classes/\(classID)?date=\(date.iso)&added=1")
        } catch let error as DeskError where error.field != nil {
            return try classWeek(visit, typed: Typed(form: "extra", values: form, error: error), status: 422)
        }
    }

    // MARK: A teacher's week

    func teacherWeek(_ visit: Visit) throws -> Response {
        let teacherID = try visit.request.pathParameters.int("id")
        let actor = visit.actor!, w = visit.words
        let date = try date(visit)
        let monday = date.startOfWeek
        let (name, bells, entries, led) = try database.read { c in
            (try c.teacherShortName(teacherID) ?? "", try c.mainBells(), try c.timetableEntries(teacher: teacherID, dates: monday...monday.adding(days: 6)),
             teacherID == actor.personID ? try c.classesLed(by: teacherID, year: try c.academicYear(containing: date)?.id ?? -1) : [])
        }
        // A class teacher's own class: its week and its groups.
        let classLinks: [HTML] = led.flatMap { k -> [HTML] in
            [AccessPolicy.permits(actor, .viewTimetable, .schoolClass(k.id)) ? "<a href=\"/timetable/classes/\(k.id)?date=\(date.iso)\">\(w.timetableOfClass(k.name))</a>" : nil,
             AccessPolicy.permits(actor, .manageGroups, .schoolClass(k.id)) ? "<a href=\"/classes/\(k.id)/groups\">\(w.classGroupsLink(k.name))</a>" : nil].compactMap { $0 }
        }
        let manage = AccessPolicy.permits(actor, .manageTimetable, .school)
        let cell = { (e: TimetableEntryView) -> HTML in
            let body: HTML = """
                <b>\(e.classLabel)</b><span>\(e.subjectName)</span>\(e.roomName.map { "<span class=\"room\">\(w.roomShort($0))</span>" as HTML })
                """
            return manage ? "<a class=\"entry\" href=\"/timetable/entries/\(e.id)?date=\(monday.iso)\" title=\"\(w.editEntry(e.subjectName))\">\(body)</a>"
                : "<div class=\"entry\">\(body)</div>"
        }
        let title = teacherID == actor.personID ? w.myTimetable : w.timetableOfTeacher(name)
        return try frame(visit, title: title, """
            <main class="timetable">
            <h1>\(title)</h1>
            \(teacherID == actor.personID ? "" as HTML : "<p class=\"muted\">\(name)</p>")
            \(weekNav(w, path: "/timetable/teachers/\(teacherID)", date: date, today: visit.today))
            \(entries.isEmpty ? "<p class=\"card\">\(w.noLessonsThisWeek)</p>" as HTML : grid(w, date: date, bells: bells, entries: entries, cell: cell, empty: nil))
            <p class="tools">\(each: classLinks) <a href="/changes">\(w.changesLink)</a></p>
            </main>
            """)
    }

    // MARK: An entry

    func entryPage(_ visit: Visit, typed: Typed = Typed(), status: Int = 200) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let w = visit.words
        let (entry, lists) = try database.read { c -> (TimetableEntryView, FormLists) in
            guard let entry = try c.timetableEntryView(id) else { throw HTTPError.notFound }
            return (entry, try FormLists(c, classID: entry.classID))
        }
        let shown = (try? date(visit)) ?? visit.today
        let from = max(visit.today, entry.validFrom, shown).iso
        let values = typed.form == "change" ? typed.values : Parameters([
            ("subject", String(entry.subjectID)), ("teacher", String(entry.teacherID)), ("room", entry.roomName ?? ""),
            ("group", entry.groupID.map(String.init) ?? ""), ("weekday", String(entry.weekday)), ("bell", String(entry.bell)), ("from", from),
            ("week", shown.iso),
        ])
        let removeError: HTML = typed.form == "remove" ? typed.error.map { "<p class=\"field-error\" role=\"alert\">\($0.message)</p>" as HTML } ?? "" : ""
        let title = w.entryTitle(entry.classLabel, entry.weekday, entry.bell)
        return try frame(visit, title: title, status: status, """
            <main class="timetable">
            <h1>\(title)</h1>
            <p class="card"><b>\(entry.subjectName)</b>\(entry.groupName.map { " · \($0)" as HTML } ?? ""), \(entry.teacherName)\(entry.roomName.map { ", \(w.roomShort($0))" as HTML } ?? "")<br>
            <span class="muted">\(w.validRange(entry.validFrom, entry.validTo))</span></p>
            <p><a href="/timetable/classes/\(entry.classID)?date=\(shown.iso)">\(w.backToWeek)</a></p>
            \(entryForm(visit, id: "change", action: "/timetable/entries/\(id)", title: w.changeFromDate, lists: lists, values: values,
                        error: typed.form == "change" ? typed.error : nil, weekday: true, dateField: ("from", w.fromDateLabel), button: w.saveChange, hint: w.replanHint))
            <form method="post" action="/timetable/entries/\(id)/remove" class="card spaced" id="remove">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <h2>\(w.removeFromDate)</h2>
            <label>\(w.fromDateLabel) <input type="date" name="from" value="\(typed.form == "remove" ? typed.values["from"] ?? from : from)" required></label>
            \(removeError)
            <label>\(w.reasonOptionalLabel) <input name="reason" maxlength="500" placeholder="\(w.reasonPlaceholder)"></label>
            <p><button class="secondary">\(w.removeButton)</button></p>
            </form>
            </main>
            """)
    }

    func changeEntry(_ visit: Visit) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        do {
            let outcome = try desk.changeEntry(id, to: try draft(visit.words, form), from: try formDate(visit.words, form, "from"), reason: form["reason"] ?? "", by: visit.editor)
            let classID = try database.read { try $0.timetableEntryView(outcome.entry ?? id)?.classID } ?? 0
            return after(outcome, classID: classID)
        } catch let error as DeskError where error.field != nil {
            return try entryPage(visit, typed: Typed(form: "change", values: form, error: error), status: 422)
        }
    }

    func removeEntry(_ visit: Visit) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        let classID = try database.read { try $0.timetableEntryView(id)?.classID } ?? 0
        do {
            return after(try desk.removeEntry(id, from: try formDate(visit.words, form, "from"), reason: form["reason"] ?? "", by: visit.editor), classID: classID)
        } catch let error as DeskError where error.field != nil {
            return try entryPage(visit, typed: Typed(form: "remove", values: form, error: error), status: 422)
        }
    }

    // MARK: A room for one lesson

    func roomPage(_ visit: Visit, typed: Typed = Typed(), status: Int = 200) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let w = visit.words
        let (lesson, room, rooms) = try database.read { c in
            guard let lesson = try c.journalLesson(id) else { throw HTTPError.notFound }
            return (lesson, try c.lessonRoom(id)?.name, try c.roomNames())
        }
        let title = w.roomForLessonTitle
        return try frame(visit, title: title, status: status, """
            <main class="timetable">
            <h1>\(title)</h1>
            <p class="card"><a href="/lessons/\(id)"><b>\(lesson.subjectName)</b>, \(lesson.className)\(lesson.groupName.map { " · \($0)" } ?? "")</a><br>
            \(w.weekdayName(lesson.date.weekday)), \(lesson.date.russian), \(w.lessonNumber(lesson.bell)) · \(w.currentRoom): \(room ?? w.noRoom)</p>
            <form method="post" action="/timetable/lessons/\(id)/room" class="card spaced" id="room">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <p class="muted">\(w.roomForLessonHint)</p>
            <label>\(w.newRoomLabel) <input name="room" value="\(typed.values["room"] ?? "")" list="rooms" maxlength="30" autocomplete="off" required autofocus></label>
            <datalist id="rooms">\(each: rooms.map { "<option value=\"\($0)\">" as HTML })</datalist>
            \(typed.error.map { "<p class=\"field-error\" role=\"alert\">\($0.message)</p>" as HTML })
            <label>\(w.reasonOptionalLabel) <input name="reason" value="\(typed.values["reason"] ?? "")" maxlength="500"></label>
            <p><button>\(w.changeRoomButton)</button></p>
            </form>
            </main>
            """)
    }

    func changeRoom(_ visit: Visit) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        do {
            try desk.changeTimetable(lesson: id, .room(form["room"] ?? ""), reason: form["reason"] ?? "", by: visit.editor)
        } catch let error as DeskError where error != .forbidden && error.httpError.status != 404 {
            return try roomPage(visit, typed: Typed(form: "room", values: form, error: error), status: error.httpError.status)
        }
        return .redirect(to: "/lessons/\(id)?saved=1")
    }
}
