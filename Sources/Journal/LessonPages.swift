import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The teacher's day and the lesson page: topic, homework, attendance, marks and remarks
/// through plain forms (every change also works without JavaScript).
struct LessonPages: Sendable {
    let database: Database
    let desk: JournalDesk
    let timetable: TimetableDesk

    var routes: [AppRoute] {
        [
            AppRoute(.get, "/day", .school(.viewTeachersDay)) { visit in try day(visit) },
            AppRoute(.get, "/lessons/{id:int}", .policy(.viewJournal, resource: lesson)) { visit in try lessonPage(visit) },
            AppRoute(.post, "/lessons/{id:int}", .policy(.editJournal, resource: lesson)) { visit in try saveContent(visit) },
            AppRoute(.post, "/lessons/{id:int}/entries", .policy(.recordAttendance, resource: lesson)) { visit in try saveEntries(visit) },
            AppRoute(.post, "/lessons/{id:int}/marks/{mark:int}/delete", .policy(.editJournal, resource: lesson)) { visit in
                let id = try visit.request.pathParameters.int("id")
                try desk.deleteMark(try visit.request.pathParameters.int("mark"), by: visit.editor)
                return .redirect(to: "/lessons/\(id)?saved=1")
            },
            AppRoute(.post, "/lessons/{id:int}/remarks", .policy(.editJournal, resource: lesson)) { visit in try saveRemark(visit) },
            AppRoute(.post, "/lessons/{id:int}/change", .school(.manageTimetable)) { visit in try changeTimetable(visit) },
            AppRoute(.get, "/changes", .school(.viewTimetableChanges)) { visit in try changes(visit) },
        ]
    }

    func lesson(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard let resource = try database.read({ try $0.lessonResource(id) }) else { throw HTTPError(status: 404, message: visit.words.noSuchLesson) }
        return resource
    }

    // MARK: The teacher's day

    func day(_ visit: Visit) throws -> Response {
        let actor = visit.actor!
        let w = visit.words
        let date = try visit.request.query["date"].map { text -> CivilDate in
            guard let d = CivilDate(iso: text) else { throw HTTPError.badRequest(w.dateExpected) }
            return d
        } ?? visit.today
        // Those who manage the timetable open any teacher's day (to enter substitutions); a teacher their own.
        let anyTeacher = AccessPolicy.permits(actor, .manageTimetable, .school)
        let teacher = anyTeacher ? Int(visit.request.query["teacher"] ?? "") ?? actor.personID : actor.personID
        let (lessons, teachers) = try database.read { c in
            (try c.teacherDay(teacher, on: date), anyTeacher ? try c.teacherList() : [])
        }
        let picker: HTML = teachers.isEmpty ? "" : """
            <form method="get" action="/day" class="card search"><label>\(w.teacherLabel) <select name="teacher">
            <option value="">\(w.chooseTeacher)</option>
            \(each: teachers.map { "<option value=\"\($0.id)\"\($0.id == teacher ? " selected" : "")>\($0.name)</option>" as HTML })</select></label>
            <label>\(w.dateLabel) <input type="date" name="date" value="\(date.iso)"></label><button>\(w.show)</button></form>
            """
        let who = teacher == actor.personID ? "" : "&teacher=\(teacher)"
        let rows: [HTML] = lessons.map { day in
            let l = day.summary
            // What is already entered, so a teacher sees at a glance what is left to do.
            let filled: HTML = l.cancelled ? "<span class=\"tag warn\">\(w.tagCancelled)</span>" : """
                <span class="tag\(l.topic.isEmpty ? "" : " ok")">\(l.topic.isEmpty ? w.tagNoTopic : w.tagTopic)</span>
                <span class="tag\(l.homework.isEmpty ? "" : " ok")">\(l.homework.isEmpty ? w.tagNoHomework : w.tagHomework)</span>
                \(day.marks + day.absences > 0 ? "<span class=\"tag ok\">\(w.tagEntries(marks: day.marks, absences: day.absences))</span>" as HTML : "")
                """
            let time = [l.startsAt?.description, day.endsAt?.description].compactMap { $0 }.joined(separator: "–")
            return """
                <a class="lesson-row\(l.cancelled ? " cancelled" : "")" href="/lessons/\(l.id)">
                <span class="n">\(l.bell)</span><span class="t">\(time)\(day.room.map { "<br>\($0.first?.isNumber == true ? w.roomPrefix : "")\($0)" as HTML })</span>
                <span class="what"><b>\(l.className)\(l.groupName.map { " · \($0)" } ?? "")</b> \(l.subjectName)
                \(l.changeNote.isEmpty ? "" as HTML : "<span class=\"tag change\">\(w.message(l.changeNote))</span>")
                \(l.topic.isEmpty || l.cancelled ? "" as HTML : "<small>\(l.topic)</small>")<small class="filled">\(filled)</small></span></a>
                """
        }
        let title = teacher != actor.personID ? w.teachersLessons : date == visit.today ? w.menuMyDay : w.lessonsOn(date)
        return try JournalFrame.page(visit, database: database, title: title, nav: [(w.menuJournals, "/journal")], """
            <main class="teacher-day">
            <h1>\(title)</h1>
            <p class="muted">\(w.dayLine(date))</p>
            \(picker)
            <nav class="week-nav"><a href="/day?date=\(Self.schoolDay(date, -1).iso)\(who)">\(w.previousDay)</a>
            \(date == visit.today ? "" as HTML : "<a href=\"/day?date=\(visit.today.iso)\(who)\">\(w.today)</a>")
            <a href="/day?date=\(Self.schoolDay(date, 1).iso)\(who)">\(w.nextDay)</a></nav>
            \(lessons.isEmpty ? "<p class=\"card\">\(w.noLessonsThatDay)</p>" as HTML : "<div class=\"lessons\">\(each: rows)</div>")
            </main>
            """)
    }

    /// The day before or after, passing over Sunday (no school).
    static func schoolDay(_ date: CivilDate, _ step: Int) -> CivilDate {
        let next = date.adding(days: step)
        return next.weekday == 7 ? next.adding(days: step) : next
    }

    // MARK: The school's changes of a day

    /// Every substitution, cancellation, move and replacement of a day, school-wide: what the
    /// staff room board shows.
    func changes(_ visit: Visit) throws -> Response {
        let w = visit.words
        let date = try visit.request.query["date"].map { text -> CivilDate in
            guard let d = CivilDate(iso: text) else { throw HTTPError.badRequest(w.dateExpected) }
            return d
        } ?? visit.today
        let changes = try database.read { try $0.timetableChanges(on: date) }
        let rows: [HTML] = changes.map { ch in
            """
            <tr><td>\(ch.className)</td><td>\(ch.bellNumber)</td><td><a href="/lessons/\(ch.lessonID)">\(ch.subject)</a></td>
            <td>\(ch.note.isEmpty ? w.changeKind(ch).capitalizedFirst : w.message(ch.note))</td><td>\(ch.reason)</td></tr>
            """
        }
        return try JournalFrame.page(visit, database: database, title: w.sectionChanges, """
            <main>
            <h1>\(w.sectionChanges)</h1>
            \(AccessPolicy.permits(visit.actor!, .viewTimetable, .school) ? "<p><a href=\"/timetable\">\(w.timetableTitle)</a></p>" as HTML : "")
            <p class="muted">\(w.dayLine(date))</p>
            <nav class="week-nav"><a href="/changes?date=\(Self.schoolDay(date, -1).iso)">\(w.previousDay)</a>
            \(date == visit.today ? "" as HTML : "<a href=\"/changes\">\(w.today)</a>")
            <a href="/changes?date=\(Self.schoolDay(date, 1).iso)">\(w.nextDay)</a></nav>
            \(rows.isEmpty ? "<p class=\"card\">\(w.noChanges)</p>" as HTML : """
              <div class="table-wrap card"><table><thead><tr><th>\(w.classHeading)</th><th>\(w.lessonHeading)</th><th>\(w.subjectHeading)</th><th>\(w.changeHeading)</th><th>\(w.reasonLabel)</th></tr></thead>
              <tbody>\(each: rows)</tbody></table></div>
              """)
            </main>
            """)
    }

    // MARK: The lesson page

    /// Per-student problems and the values typed, to show the form again next to its fields.
    struct Typed {
        var errors: [String: String] = [:]
        var values: [String: String] = [:]
        /// Students marked absent whose typed mark waits for the teacher's confirmation.
        var confirm: Set<Int> = []
    }

    func lessonPage(_ visit: Visit, typed: Typed = Typed(), status: Int = 200) throws -> Response {
        let actor = visit.actor!
        let w = visit.words
        let id = try visit.request.pathParameters.int("id")
        let (lesson, students, marks, absences, workTypes, plan, individual, remarks, rules, clashes, closed, scale, yearClosed) = try database.read { c in
            guard let l = try c.journalLesson(id) else { throw HTTPError.notFound }
            return (l, try c.journalStudents(classID: l.classID, groupID: l.groupID, from: l.date, to: l.date), try c.journalMarks(lessons: [id]),
                    try c.journalAbsences(lessons: [id]), try c.workTypes(), try c.planTopics(classID: l.classID, subjectID: l.subjectID),
                    try c.individualHomework(lesson: id), try c.remarks(lesson: id),
                    try desk.rules(c, classID: l.classID, subjectID: l.subjectID, at: visit.now),
                    try l.actualTeacherID.map { try c.teacherLessons($0, on: l.date, bell: l.bell, except: l.id) } ?? [],
                    try l.period.map { try c.studentsWithPeriodMark(subject: l.subjectID, period: $0.id) } ?? [],
                    try c.subjectScale(l.subjectID) ?? .marks, try c.isYearClosed(l.yearID))
        }
        // A closed year's lesson is read as it was.
        let canEdit = !yearClosed && AccessPolicy.permits(actor, .editJournal, lesson.resource)
        let canCorrect = !yearClosed && AccessPolicy.permits(actor, .correctAbsences, lesson.resource)
        let begun = rules.hasBegun(lesson.timing)
        let entryState: Result<JournalRules.Entry, JournalRefusal> = rules.entry(lesson.timing)
        let csrf: HTML = "<input type=\"hidden\" name=\"_csrf\" value=\"\(visit.csrfToken)\">"
        let typeOptions = { (selected: Int?) -> HTML in
            HTML(trusted: workTypes.map { t in
                "<option value=\"\(t.id)\"\(t.id == selected ? " selected" : "")>\(HTML.escaped(t.code)) — \(HTML.escaped(t.name))</option>"
            }.joined())
        }
        let defaultType = workTypes.first { $0.code == WorkType.defaultCode }?.id ?? workTypes.first?.id
        // Fields only where a save can succeed: outside the edit window the values are shown
        // read-only with the reason; the class teacher may still correct reasons in their own window.
        let editOpen = canEdit && begun && !lesson.cancelled && (try? entryState.get()) != nil
        let correctOpen = !editOpen && canCorrect && begun && !lesson.cancelled && rules.absenceCorrection(lesson.timing) == nil
        let entriesOpen = editOpen || correctOpen
        // The first mark field takes the focus: the teacher types marks straight away.
        // A period mark already set closes that period's marks of the student (unless the deputy
        // has unlocked the date): the journal's own rule decides, per student.
        let periodClosed = { (student: Int) in
            closed.contains(student) && rules.entry(lesson.timing, periodMarkSet: true) == .failure(.periodClosed)
        }
        let firstMarkable = editOpen && lesson.marksEnabled ? students.first { !periodClosed($0.id) }?.id : nil
        let rows: [HTML] = students.enumerated().map { n, s in
            let editOpen = editOpen && !periodClosed(s.id)
            let own = marks.filter { $0.studentID == s.id }
            let absence = absences.first { $0.studentID == s.id }?.code
            let typedAbsence = typed.values["a_\(s.id)"] ?? absence?.rawValue ?? ""
            // The class teacher corrects the reason of an absence already there, nothing else.
            let attendance: HTML = editOpen || (correctOpen && absence?.meansAbsent == true)
                ? """
                  <select name="a_\(s.id)" aria-label="\(w.attendanceOf(s.name))">
                  \(correctOpen ? "" as HTML : "<option value=\"\"\(typedAbsence.isEmpty ? " selected" : "")>\(w.present)</option>")
                  \(each: AbsenceCode.allCases.filter { !correctOpen || $0.meansAbsent }.map { c in "<option value=\"\(c.rawValue)\"\(typedAbsence == c.rawValue ? " selected" : "")>\(c.rawValue) — \(w.absence(c))</option>" })
                  </select>
                  """
                : HTML(trusted: absence.map { "<b class=\"absence\">\($0.rawValue)</b>" } ?? "")
            let existing: [HTML] = own.map { m in
                editOpen
                    ? "<span class=\"mark \(m.value.cssClass)\">\(w.markShort(m.value))<sub>\(m.workType)</sub></span><button class=\"link small\" form=\"delete-\(m.id)\" aria-label=\"\(w.removeMark(m.value, m.workType, of: s.name))\">✕</button>"
                    : "<span class=\"mark \(m.value.cssClass)\">\(w.markShort(m.value))<sub>\(m.workType)</sub></span>"
            }
            let markError = typed.errors["m_\(s.id)"]
            // A pass/fail subject takes «з» or «н» (typed; «зач», «незач», + and − too).
            let markField: HTML = scale == .passFail
                ? "inputmode=\"text\" maxlength=\"7\" placeholder=\"\(w.passFailPlaceholder)\" title=\"\(w.passFailTyped)\""
                : "inputmode=\"numeric\" maxlength=\"1\" pattern=\"[1-5]\""
            let newMark: HTML = editOpen && lesson.marksEnabled && scale != .unmarked ? """
                <input name="m_\(s.id)" class="mark-input\(scale == .passFail ? " passfail" : "")" \(markField) autocomplete="off"
                 value="\(typed.values["m_\(s.id)"] ?? "")" aria-label="\(w.markOf(s.name))"\(markError == nil ? "" as HTML : " aria-invalid=\"true\"")\(s.id == firstMarkable ? " autofocus" as HTML : "")>
                <select name="w_\(s.id)" aria-label="\(w.workTypeOf(s.name))">\(typeOptions(Int(typed.values["w_\(s.id)"] ?? "") ?? defaultType))</select>
                """ : ""
            let hw = individual[s.id].map { "<div class=\"muted small\">\(w.individualHomeworkShort($0))</div>" as HTML } ?? ""
            let closedNote: HTML = periodClosed(s.id) && canEdit ? "<div class=\"muted small\">\(w.periodMarkClosesMarks)</div>" : ""
            let notes: [HTML] = remarks.filter { $0.student == s.id }.map { "<div class=\"small \($0.praise ? "praise" : "remark")\">\($0.text)</div>" }
            let errors: [HTML] = [typed.errors["a_\(s.id)"], markError].compactMap { $0 }.map { "<p class=\"field-error\">\($0)</p>" }
                + (typed.confirm.contains(s.id) ? ["<label class=\"confirm\"><input type=\"checkbox\" name=\"c_\(s.id)\" value=\"1\"> \(w.markAlthoughAbsent)</label>"] : [])
            return """
                <tr><td>\(n + 1)</td><td>\(s.name)\(closedNote)\(hw)\(each: notes)</td><td>\(attendance)</td>
                <td class="mark-cell">\(each: existing) \(newMark)\(each: errors)</td></tr>
                """
        }
        var notice: HTML = ""
        if lesson.cancelled {
            notice = "<p class=\"notice warn\">\(w.lessonCancelled)\(lesson.changeNote.isEmpty ? "" : ": " + w.message(lesson.changeNote)).</p>"
        } else if !begun {
            notice = "<p class=\"notice\">\(w.lessonNotBegun)</p>"
        } else if case let .failure(refusal) = entryState, canEdit {
            notice = "<p class=\"notice warn\">\(w.refusal(refusal)) \(w.entriesReadOnly)</p>"
        } else if case .success(.transferred) = entryState, canEdit {
            notice = "<p class=\"notice\">\(w.transferOpen)</p>"
        }
        if !clashes.isEmpty {
            // The substitute cannot be in two rooms at once: the deputy sees it at once.
            let what = clashes.map { "\($0.className), \($0.subjectName)" }.joined(separator: "; ")
            notice = "<p class=\"notice warn\" role=\"alert\">\(w.substituteBusy(what))</p>" + notice
        }
        if !typed.errors.isEmpty { notice = "<p class=\"notice warn\" role=\"alert\">\(w.notAllSaved)</p>" + notice }
        if visit.request.query["saved"] == "1", typed.errors.isEmpty { notice = "<p class=\"notice ok\" role=\"status\">\(w.saved)</p>" + notice }
        let planOptions: [HTML] = plan.map { "<option value=\"\($0.title)\">" }
        let contentForm: HTML = canEdit && !lesson.cancelled ? """
            <form method="post" action="/lessons/\(id)" class="card spaced lesson-content">\(csrf)
            <label>\(w.topicLabel) <input name="topic" list="plan" value="\(typed.values["topic"] ?? lesson.topic)" maxlength="500"
              placeholder="\(plan.isEmpty ? w.topicLabel : w.topicFromPlan)"></label>
            \(typed.errors["topic"].map { "<p class=\"field-error\">\($0)</p>" as HTML })
            <datalist id="plan">\(each: planOptions)</datalist>
            <label>\(w.homeworkLabel) <textarea name="homework" rows="2" maxlength="2000">\(typed.values["homework"] ?? lesson.homework)</textarea></label>
            \(typed.errors["homework"].map { "<p class=\"field-error\">\($0)</p>" as HTML })
            <button>\(w.saveTopicAndHomework)</button>
            </form>
            """ : """
            <div class="card spaced"><p><b>\(w.topicColon)</b> \(lesson.topic.isEmpty ? "—" : lesson.topic)</p><p><b>\(w.homeworkColon)</b> \(lesson.homework.isEmpty ? "—" : lesson.homework)</p></div>
            """
        let table: HTML = """
            <div class="table-wrap"><table class="entries"><thead><tr><th>\(w.numberHeading)</th><th>\(w.studentHeading)</th><th>\(w.attendanceHeading)</th><th>\(w.marksHeading)</th></tr></thead>
            <tbody>\(each: rows)</tbody></table></div>
            """
        // Each ✕ submits a small form of its own, outside the entries form: Enter in a mark
        // field submits the entries form with its own button, never a deletion.
        let deleteForms: [HTML] = editOpen ? marks.map { m in
            "<form method=\"post\" action=\"/lessons/\(id)/marks/\(m.id)/delete\" id=\"delete-\(m.id)\" hidden>\(csrf)</form>"
        } : []
        let entries: HTML = entriesOpen ? """
            <form method="post" action="/lessons/\(id)/entries" class="card spaced" id="entries">\(csrf)
            <h2>\(w.attendanceAndMarks)</h2>
            \(table)
            <p class="hint">\(w.entriesHint)</p>
            <button>\(w.saveEntries)</button>
            </form>
            \(each: deleteForms)
            """ : "<section class=\"card spaced\"><h2>\(w.attendanceAndMarks)</h2>\(table)</section>"
        // Individual homework may be set in advance; remarks once the lesson has begun (the desk decides).
        let remarkForm: HTML = canEdit && !lesson.cancelled && !students.isEmpty ? """
            <form method="post" action="/lessons/\(id)/remarks" class="card spaced">\(csrf)
            <h2>\(w.remarkTitle)</h2>
            <p class="muted small">\(w.remarkAudience)</p>
            <label>\(w.remarkTo) <select name="student">\(each: students.map { "<option value=\"\($0.id)\">\($0.name)</option>" as HTML })</select></label>
            <label>\(w.whatLabel) <select name="kind">\(begun ? "<option value=\"remark\">\(w.remarkKindRemark)</option><option value=\"praise\">\(w.remarkKindPraise)</option>" as HTML : "")
            <option value="homework">\(w.remarkKindHomework)</option></select></label>
            <label>\(w.remarkText) <textarea name="text" rows="2" maxlength="2000"></textarea></label>
            \(typed.errors["remark"].map { "<p class=\"field-error\">\($0)</p>" as HTML })
            <button>\(w.send)</button>
            </form>
            """ : ""
        let changeForm: HTML = AccessPolicy.permits(actor, .manageTimetable, .school) && !lesson.cancelled
            ? try timetableForm(visit, lesson, error: typed.errors["change"]) : ""
        let teacher = lesson.actualTeacherName.map { w.substitutedTeacher($0, for: lesson.teacherName) } ?? lesson.teacherName
        let grid = "/journal/\(lesson.classID)/\(lesson.subjectID)" + (lesson.groupID.map { "?group=\($0)" } ?? "")
        return try JournalFrame.page(visit, database: database, title: "\(lesson.className) · \(lesson.subjectName) · \(w.shortDate(lesson.date))",
                                     nav: [(w.menuMyDay, "/day"), (w.journalLink, grid)], status: status, """
            <main class="lesson">
            <h1>\(lesson.subjectName), \(lesson.className)\(lesson.groupName.map { " · \($0)" } ?? "")</h1>
            <p class="muted">\(w.weekday(lesson.date).capitalizedFirst), \(w.date(lesson.date)) · \(w.bell(lesson.bell).capitalizedFirst)\(lesson.startsAt.map { ", \($0.description)" } ?? "")\(lesson.endsAt.map { "–\($0.description)" } ?? "") · \(teacher)</p>
            \(notice)
            \(contentForm)
            \(entries)
            \(remarkForm)
            \(changeForm)
            </main>
            """)
    }

    func saveContent(_ visit: Visit) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        let topic = form["topic"] ?? "", homework = form["homework"] ?? ""
        do {
            let plan = try database.read { c in try c.journalLesson(id).map { try c.planTopics(classID: $0.classID, subjectID: $0.subjectID) } ?? [] }
            try desk.setContent(lesson: id, topic: topic, planTopic: plan.first { $0.title == topic.trimmingWhitespace }?.id, homework: homework, by: visit.editor)
        } catch let error as DeskError where error.field != nil {
            let field = error.field == "homework" ? "homework" : "topic"
            return try lessonPage(visit, typed: Typed(errors: [field: error.message(in: visit.words)], values: ["topic": topic, "homework": homework]), status: 422)
        }
        return .redirect(to: "/lessons/\(id)?saved=1")
    }

    /// The attendance and marks form: every row is saved on its own; the rows that could not
    /// be come back with the message next to the field and the value as typed.
    func saveEntries(_ visit: Visit) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        let w = visit.words
        var typed = Typed()
        let (students, scale) = try database.read { c -> ([JournalStudent], SubjectScale) in
            guard let l = try c.journalLesson(id) else { throw HTTPError.notFound }
            return (try c.journalStudents(classID: l.classID, groupID: l.groupID, from: l.date, to: l.date), try c.subjectScale(l.subjectID) ?? .marks)
        }
        for s in students {
            if let text = form["a_\(s.id)"] {
                do {
                    let code = text.isEmpty ? nil : AbsenceCode(letter: text)
                    if !text.isEmpty, code == nil { throw DeskError.invalid(w.absenceCodeExpected, field: "code") }
                    try desk.setAttendance(lesson: id, student: s.id, code: code, by: visit.editor)
                } catch let error as DeskError {
                    typed.errors["a_\(s.id)"] = error.message(in: w)
                    typed.values["a_\(s.id)"] = text
                }
            }
            guard let text = form["m_\(s.id)"]?.trimmingWhitespace, !text.isEmpty else { continue }
            typed.values["w_\(s.id)"] = form["w_\(s.id)"] ?? ""
            do {
                let value: MarkValue
                if scale == .passFail {
                    guard let v = MarkValue.typed(text), case .pass = v else { throw DeskError.invalid(w.passFailExpected, field: "value") }
                    value = v
                } else {
                    guard let v = MarkScale.parse(text) else { throw DeskError.invalid(w.markDigitExpected, field: "value") }
                    value = .mark(v)
                }
                guard let workType = Int(form["w_\(s.id)"] ?? "") else { throw DeskError.invalid(w.chooseWorkType, field: "workType") }
                _ = try desk.addMark(lesson: id, student: s.id, value: value, workType: workType, confirmAbsent: form["c_\(s.id)"] == "1", by: visit.editor)
                typed.values["w_\(s.id)"] = nil
            } catch let error as DeskError {
                if error == .refused(.studentAbsent) { typed.confirm.insert(s.id) }
                typed.errors["m_\(s.id)"] = error.message(in: w)
                typed.values["m_\(s.id)"] = text
            }
        }
        if typed.errors.isEmpty { return .redirect(to: "/lessons/\(id)?saved=1") }
        return try lessonPage(visit, typed: typed, status: 422)
    }

    /// The deputy's form for a dated change of this lesson: substitution, cancellation, move, replacement.
    func timetableForm(_ visit: Visit, _ lesson: Lesson, error: String?) throws -> HTML {
        let (teachers, subjects) = try database.read { c in (try c.teacherList(), try c.subjectList()) }
        let w = visit.words
        let teacherOptions = HTML(trusted: teachers.map { "<option value=\"\($0.id)\"\($0.id == lesson.actualTeacherID ? " selected" : "")>\(HTML.escaped($0.name))</option>" }.joined())
        return """
            <form method="post" action="/lessons/\(lesson.id)/change" class="card spaced tt-change">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <h2>\(w.timetableChange)</h2>
            \(lesson.changeNote.isEmpty ? "" as HTML : "<p><span class=\"tag change\">\(w.message(lesson.changeNote))</span></p>")
            \(error.map { "<p class=\"field-error\" role=\"alert\">\($0)</p>" as HTML })
            <label>\(w.whatLabel) <select name="kind">
            <option value="substitution">\(w.changeSubstitution)</option><option value="unsubstitute">\(w.changeUnsubstitute)</option>
            <option value="cancelled">\(w.changeCancelled)</option><option value="moved">\(w.changeMoved)</option>
            <option value="replaced">\(w.changeReplaced)</option></select></label>
            <label class="f f-teacher">\(w.changeTeacher) <select name="teacher">\(teacherOptions)</select></label>
            <span class="f f-move"><label>\(w.changeNewDate) <input type="date" name="date" value="\(lesson.date.iso)"></label> <input name="bell" class="narrow" inputmode="numeric" value="\(lesson.bell)" aria-label="\(w.lessonNumber)"></span>
            <label class="f f-subject">\(w.changeSubject) <select name="subject">\(each: subjects.map { "<option value=\"\($0.id)\"\($0.id == lesson.subjectID ? " selected" : "")>\($0.name)</option>" as HTML })</select></label>
            <label>\(w.reasonLabel) <input name="reason" maxlength="500" placeholder="\(w.changeReasonExample)"></label>
            <p><button>\(w.recordChange)</button></p>
            <p><a href="/timetable/lessons/\(lesson.id)/room">\(w.roomForLessonLink)</a></p>
            </form>
            """
    }

    func changeTimetable(_ visit: Visit) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        let teacher = Int(form["teacher"] ?? "")
        let w = visit.words
        let change: TimetableDesk.Change
        switch form["kind"] ?? "" {
        case "substitution": change = .substitution(teacher: teacher)
        case "unsubstitute": change = .substitution(teacher: nil)
        case "cancelled": change = .cancelled
        case "moved":
            guard let date = CivilDate(iso: form["date"] ?? ""), let bell = Int(form["bell"] ?? "") else {
                return try lessonPage(visit, typed: Typed(errors: ["change": w.moveNeedsDate]), status: 422)
            }
            change = .moved(date: date, bell: bell)
        case "replaced":
            guard let subject = Int(form["subject"] ?? ""), let teacher else {
                return try lessonPage(visit, typed: Typed(errors: ["change": w.chooseSubjectAndTeacher]), status: 422)
            }
            change = .replaced(subject: subject, teacher: teacher)
        default: throw HTTPError.badRequest(w.unknownChange)
        }
        do {
            try timetable.changeTimetable(lesson: id, change, reason: form["reason"] ?? "", by: visit.editor)
        } catch let error as DeskError where error != .forbidden {
            return try lessonPage(visit, typed: Typed(errors: ["change": error.message(in: w)]), status: error.httpError.status)
        }
        return .redirect(to: "/lessons/\(id)?saved=1")
    }

    func saveRemark(_ visit: Visit) throws -> Response {
        let id = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        guard let student = Int(form["student"] ?? "") else { throw HTTPError.badRequest(visit.words.chooseStudent) }
        let text = form["text"] ?? ""
        do {
            if form["kind"] == "homework" {
                try desk.setIndividualHomework(lesson: id, student: student, text: text, by: visit.editor)
            } else {
                try desk.addRemark(lesson: id, student: student, text: text, praise: form["kind"] == "praise", by: visit.editor)
            }
        } catch let error as DeskError where error != .forbidden {
            return try lessonPage(visit, typed: Typed(errors: ["remark": error.message(in: visit.words)]), status: error.httpError.status)
        }
        return .redirect(to: "/lessons/\(id)?saved=1")
    }
}
