import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The class teacher's page of the class (`/classes/{id}`): the list with diaries and cards
/// (arrivals marked with their day), the day's and the week's absences with their reasons to
/// correct in one form, the families' acknowledgements of final marks, wrong-mark reports,
/// guardians' contacts (where a consent is recorded, hidden where it was withdrawn), families
/// without electronic access, those who left during the year, and who has never signed in.
extension PeoplePages {
    var classRoutes: [AppRoute] {
        [
            AppRoute(.get, "/classes/{id:int}", .policy(.viewPeople, resource: schoolClass)) { visit in
                try classPage(visit, typed: [:], errors: [:], status: 200)
            },
            AppRoute(.post, "/classes/{id:int}/attendance", .policy(.correctAbsences, resource: schoolClass)) { visit in
                try correctReasons(visit)
            },
            classFinalsRoute,
            AppRoute(.post, "/classes/{id:int}/promotion", .policy(.decidePromotion, resource: schoolClass)) { visit in
                try savePromotions(visit)
            },
        ] + slipRoutes
    }

    var journal: JournalDesk { JournalDesk(database: database, utcOffsetMinutes: clock.utcOffsetMinutes) }

    /// An absence on the page, with whether this visitor may change its reason now (and why not).
    struct AbsenceLine {
        let absence: ClassAbsence
        let student: String
        let editable: Bool
        let note: String

        var field: String { "a-\(absence.lessonID)-\(absence.studentID)" }
    }

    func classPage(_ visit: Visit, typed: [String: String], errors: [String: String], status: Int) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let actor = visit.actor!
        let w = visit.words
        let day = (visit.request.query["date"] ?? (try? visit.request.form()["date"]) ?? nil).flatMap { CivilDate(iso: $0) } ?? visit.today
        let monday = day.startOfWeek, saturday = day.startOfWeek.adding(days: 5)
        let data = try database.read { c in
            guard let schoolClass = try c.schoolClass(classID) else { throw HTTPError.notFound }
            let members = try c.classMembers(classID: classID)
            let students = members.filter { $0.kind == .student }
            let absences = try c.classAbsences(classID: classID, from: monday, to: saturday)
            var lessons: [Int: Lesson] = [:]
            for a in absences where lessons[a.lessonID] == nil { lessons[a.lessonID] = try c.journalLesson(a.lessonID) }
            var rules: [Int: JournalRules] = [:]
            for lesson in lessons.values where rules[lesson.subjectID] == nil {
                rules[lesson.subjectID] = try journal.rules(c, classID: classID, subjectID: lesson.subjectID, at: visit.now)
            }
            return (schoolClass: schoolClass, teacher: try c.classTeacherName(classID: classID), members: members,
                    guardians: try c.guardians(students: students.map(\.id)), absences: absences, lessons: lessons, rules: rules,
                    periods: try c.periods(classID: classID), acknowledgements: try c.classAcknowledgements(classID: classID),
                    reports: try c.markReports(classID: classID), enrolments: try c.classEnrolments(classID: classID),
                    yearStart: try c.currentAcademicYear(on: visit.today)?.startsOn)
        }
        let schoolClass = data.schoolClass
        let students = data.members.filter { $0.kind == .student }
        // Everyone the class had this year: a leaver's absences keep their name.
        let names = Dictionary(data.enrolments.map { ($0.enrolment.studentID, $0.card.fullName) }) { a, _ in a }
        let current = Dictionary(data.enrolments.filter { $0.enrolment.leftOn == nil }.map { ($0.enrolment.studentID, $0) }) { a, _ in a }
        let leavers = data.enrolments.filter { $0.enrolment.leftOn != nil && current[$0.enrolment.studentID] == nil }
        let paper = data.enrolments.filter { $0.electronicAccessRefusedOn != nil && current[$0.enrolment.studentID] != nil }
        let lines: [AbsenceLine] = data.absences.map { a in
            let lesson = data.lessons[a.lessonID]
            var editable = false, note = ""
            if let lesson, AccessPolicy.permits(actor, .correctAbsences, lesson.resource) || AccessPolicy.permits(actor, .editJournal, lesson.resource) {
                if let refusal = data.rules[lesson.subjectID]?.absenceCorrection(lesson.timing) { note = refusal.message } else { editable = true }
            }
            return AbsenceLine(absence: a, student: names[a.studentID] ?? "", editable: editable, note: note)
        }
        let canCorrect = AccessPolicy.permits(actor, .correctAbsences, .schoolClass(classID))

        // The class list: card and diary of each student.
        let studentRows: [HTML] = students.enumerated().map { n, s in
            let diary: HTML = AccessPolicy.permits(actor, .viewDiary, .student(id: s.id, classID: classID)) ? "<a href=\"/diary/\(s.id)\">\(w.diaryLink)</a>" : ""
            let week = data.absences.filter { $0.studentID == s.id }.count
            // An arrival during the year shows the day; a family without electronic access, a tag.
            var tags: [HTML] = []
            if let e = current[s.id] {
                if let start = data.yearStart, e.enrolment.joinedOn > start { tags.append(" <small class=\"tag\">\(w.arrivedTag(e.enrolment.joinedOn.shortRussian))</small>") }
                if e.electronicAccessRefusedOn != nil { tags.append(" <small class=\"tag warn\">\(w.paperTag)</small>") }
            }
            return "<tr><td>\(n + 1)</td><td><a href=\"/people/\(s.id)\">\(s.card.fullName)</a>\(each: tags)</td><td>\(diary)</td><td>\(week == 0 ? "—" : "\(week)")</td></tr>"
        }

        // Attendance: the chosen day, the week's grid, the reasons to correct.
        let days = (0..<6).map { monday.adding(days: $0) }
        let dayLines = lines.filter { $0.absence.date == day }
        let dayItems: [HTML] = dayLines.map {
            "<li><b>\($0.student)</b> — \(w.lessonNumber($0.absence.bell)), \($0.absence.subject): <span class=\"absence\">\($0.absence.code.rawValue)</span> <small class=\"muted\">\(w.absence($0.absence.code))</small></li>"
        }
        let dayHeads: [HTML] = days.map { d in
            "<th scope=\"col\"\(d == day ? " class=\"chosen\"" as HTML : "")><a href=\"/classes/\(classID)?date=\(d.iso)#attendance\">\(w.weekdayShort(d)) \(w.shortDate(d))</a></th>"
        }
        // The week's rows: the class now, and whoever left it during the week (their days after it hatched).
        let weekRows: [HTML] = data.enrolments.filter { e in e.enrolment.leftOn.map { $0 > monday && current[e.enrolment.studentID] == nil } ?? true }.map { e in
            let s = e.enrolment
            let cells: [HTML] = days.map { d in
                let codes = data.absences.filter { $0.studentID == s.studentID && $0.date == d }.map(\.code.rawValue)
                let classes = [d == day ? "chosen" : nil, s.leftOn.map { d >= $0 } == true ? "out" : nil].compactMap { $0 }.joined(separator: " ")
                return "<td\(classes.isEmpty ? "" : " class=\"\(classes)\"" as HTML)>\(codes.isEmpty ? "" : codes.joined(separator: " "))</td>"
            }
            return "<tr><th scope=\"row\">\(e.card.shortName)</th>\(each: cells)</tr>"
        }
        // A day's absences of one student: one choice for the whole day beside each lesson's own.
        var dayCounts: [String: Int] = [:]
        for line in lines where line.editable { dayCounts[Self.dayField(line.absence.studentID, line.absence.date), default: 0] += 1 }
        var reasonRows: [HTML] = [], closedRows: [HTML] = []
        var seenDays = Set<String>()
        for line in lines {
            let a = line.absence
            let dayField = Self.dayField(a.studentID, a.date)
            if canCorrect, let count = dayCounts[dayField], count > 1, seenDays.insert(dayField).inserted {
                let chosen = typed[dayField] ?? ""
                let options: [HTML] = [HTML("<option value=\"\"\(chosen.isEmpty ? " selected" : "")>\(w.byLessons)</option>")] + AbsenceCode.allCases.filter(\.meansAbsent).map {
                    "<option value=\"\($0.rawValue)\"\($0.rawValue == chosen ? " selected" : "")>\($0.rawValue) — \(w.absence($0))</option>"
                }
                let error = errors[dayField]
                reasonRows.append("""
                    <tr class="whole-day"><td>\(a.date.shortRussian)</td><td colspan="3"><b>\(line.student)</b> — \(w.wholeDay(count))</td>
                    <td><select name="\(dayField)" aria-label="\(w.reasonForDay(line.student, a.date.shortRussian))"\(error == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(dayField)-error\"" as HTML)>\(each: options)</select>
                    \(error.map { "<p class=\"field-error\" id=\"\(dayField)-error\">\($0)</p>" as HTML })</td></tr>
                    """)
            }
            let value = typed[line.field] ?? a.code.rawValue
            let cell: HTML
            if line.editable && canCorrect {
                let options: [HTML] = AbsenceCode.allCases.filter(\.meansAbsent).map {
                    "<option value=\"\($0.rawValue)\"\($0.rawValue == value ? " selected" : "")>\($0.rawValue) — \(w.absence($0))</option>"
                }
                let error = errors[line.field]
                cell = """
                    <select name="\(line.field)" aria-label="\(w.reasonFor(line.student, a.date.shortRussian, bell: a.bell))"\(error == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(line.field)-error\"" as HTML)>\(each: options)</select>
                    \(error.map { "<p class=\"field-error\" id=\"\(line.field)-error\">\($0)</p>" as HTML })
                    """
            } else {
                cell = "<span class=\"absence\">\(a.code.rawValue)</span> <small class=\"muted\">\(line.note.isEmpty ? w.absence(a.code) : line.note)</small>"
            }
            let row: HTML = "<tr><td>\(a.date.shortRussian)</td><td>\(a.bell)</td><td>\(a.subject)</td><td>\(line.student)</td><td>\(cell)</td></tr>"
            // For the class teacher, the reasons past their window fold away below the ones to correct.
            if canCorrect && !line.editable { closedRows.append(row) } else { reasonRows.append(row) }
        }
        let anyEditable = canCorrect && lines.contains { $0.editable }
        let head: HTML = "<thead><tr><th>\(w.columnDate)</th><th>\(w.columnLesson)</th><th>\(w.columnSubject)</th><th>\(w.columnStudent)</th><th>\(w.columnReason)</th></tr></thead>"
        let closed: HTML = closedRows.isEmpty ? "" : """
            <details class="closed-reasons"><summary>\(w.closedReasons(closedRows.count))</summary>
            <div class="table-wrap"><table>\(head)<tbody>\(each: closedRows)</tbody></table></div>
            </details>
            """
        let reasons: HTML = lines.isEmpty ? "<p class=\"muted\">\(w.noWeekAbsences)</p>" : """
            <form method="post" action="/classes/\(classID)/attendance" class="reasons">
            <input type="hidden" name="_csrf" value="\(visit.csrfToken)">
            <input type="hidden" name="date" value="\(day.iso)">
            \(reasonRows.isEmpty ? HTML.empty : "<div class=\"table-wrap\"><table>\(head)<tbody>\(each: reasonRows)</tbody></table></div>")
            \(anyEditable ? "<p><button type=\"submit\">\(w.saveReasons)</button></p>" as HTML : "")
            \(closed)
            </form>
            """
        let saved = visit.request.query["saved"].flatMap(Int.init)

        // Acknowledgements of the finished periods' final marks.
        let finished = data.periods.filter { $0.endsOn < visit.today }
        let ackHeads: [HTML] = finished.map { "<th scope=\"col\">\($0.name)</th>" }
        let ackRows: [HTML] = students.map { s in
            let cells: [HTML] = finished.map { p in
                let acks = data.acknowledgements.filter { $0.studentID == s.id && $0.periodID == p.id }
                guard !acks.isEmpty else { return "<td class=\"muted\">\(w.consentNone)</td>" }
                // With the guardian's message to the class teacher, where they wrote one.
                let who: [HTML] = acks.map {
                    "✓ \($0.guardian.shortName), \(SchoolDateTime(unixSeconds: $0.at, offsetMinutes: clock.utcOffsetMinutes).date.shortRussian)\($0.message.isEmpty ? "" as HTML : "<br><q class=\"ack-message\">\($0.message)</q>")"
                }
                return "<td>\(each: who.enumerated().map { $0.offset == 0 ? $0.element : "<br>" + $0.element })</td>"
            }
            return "<tr><th scope=\"row\">\(s.card.shortName)</th>\(each: cells)</tr>"
        }
        let acknowledgements: HTML = finished.isEmpty ? "<p class=\"muted\">\(w.noPeriodFinished)</p>" : """
            <div class="table-wrap"><table>
            <thead><tr><th>\(w.columnStudent)</th>\(each: ackHeads)</tr></thead><tbody>\(each: ackRows)</tbody></table></div>
            """

        // Guardians' contacts: only where a consent is recorded.
        let contactRows: [HTML] = students.map { s in
            let mine = data.guardians.filter { $0.studentID == s.id }
            let items: [HTML] = mine.map { g in
                let contact: HTML = g.contacts.map { c in
                    let parts = [c.phone, c.email].filter { !$0.isEmpty }.joined(separator: ", ")
                    return " — \(parts)"
                } ?? (g.consentWithdrawn ? " — <span class=\"muted\">\(w.hiddenConsentWithdrawn)</span>" : " — <span class=\"muted\">\(w.noContactConsent)</span>")
                return "<li><a href=\"/people/\(g.id)\">\(g.name.fullName)</a>\(g.relation.isEmpty ? "" : " (\(g.relation))")\(contact)</li>"
            }
            return "<tr><th scope=\"row\">\(s.card.shortName)</th><td>\(items.isEmpty ? "<span class=\"muted\">\(w.notRecordedPlural)</span>" as HTML : "<ul class=\"people-list\">\(each: items)</ul>")</td></tr>"
        }

        // Families without electronic access (the weekly printout), and who left the class this year.
        let mayPrintDiary = AccessPolicy.permits(actor, .viewDiary, .student(id: 0, classID: classID))
        let paperItems: [HTML] = paper.map { e in
            let guardians = data.guardians.filter { $0.studentID == e.enrolment.studentID }.map(\.name.shortName).joined(separator: ", ")
            let print = mayPrintDiary
                ? PrintButton.form(visit, "diary", w.printDiaryButton, fields: [("student", String(e.enrolment.studentID))], dates: (monday, saturday)) : ""
            return "<li><a href=\"/people/\(e.enrolment.studentID)\">\(e.card.fullName)</a>\(guardians.isEmpty ? "" : " — \(guardians)") <small class=\"muted\">\(w.since(w.date(e.electronicAccessRefusedOn!)))</small>\(print)</li>"
        }
        let leaverItems: [HTML] = leavers.map { e in
            "<li><a href=\"/people/\(e.enrolment.studentID)\">\(e.card.fullName)</a> — \(w.since(w.date(e.enrolment.leftOn!)))\(e.enrolment.leftReason.isEmpty ? "" : ": \(e.enrolment.leftReason)")</li>"
        }

        // Who has never signed in.
        let waiting = data.members.filter { $0.account != .inUse }
        let waitingItems: [HTML] = waiting.map {
            "<li><a href=\"/people/\($0.id)\">\($0.card.fullName)</a> <small class=\"muted\">\($0.kind == .student ? w.studentLower : w.guardianLower) · \(w.accountState($0.account))</small></li>"
        }
        let slipsAllowed = AccessPolicy.permits(actor, .issueSlips, .schoolClass(classID))
        var tools: [HTML] = []
        if slipsAllowed { tools.append("<a class=\"button\" href=\"/classes/\(classID)/slips\">\(w.slipsButton)</a>") }
        if AccessPolicy.permits(actor, .editPeople, .schoolClass(classID)) {
            tools.append("<a class=\"button secondary\" href=\"/people/new?kind=student&amp;class=\(classID)\">\(w.addStudent)</a>")
        }
        if AccessPolicy.permits(actor, .viewPeople, .schoolClass(classID)) {
            tools.append("<a class=\"button secondary\" href=\"/people?class=\(classID)\">\(w.accountsOfClass)</a>")
        }
        if AccessPolicy.permits(actor, .listJournals, .school) { tools.append("<a class=\"button secondary\" href=\"/journal\">\(w.menuJournals)</a>") }
        if AccessPolicy.permits(actor, .viewTimetable, .schoolClass(classID)) {
            tools.append("<a class=\"button secondary\" href=\"/timetable/classes/\(classID)\">\(w.timetableTitle)</a>")
        }
        if AccessPolicy.permits(actor, .manageGroups, .schoolClass(classID)) {
            tools.append("<a class=\"button secondary\" href=\"/classes/\(classID)/groups\">\(w.classGroupsLink(schoolClass.name))</a>")
        }

        return try frame(visit, title: w.classTitle(schoolClass.name), """
            <main class="class-page">
            <h1>\(w.classTitle(schoolClass.name))</h1>
            <p class="muted">\(w.classSummary(teacher: data.teacher, students: students.count))</p>
            <p class="tools">\(each: tools)</p>
            <nav class="tabs" aria-label="\(w.pageSections)"><a href="#students">\(w.studentsHeading)</a><a href="#attendance">\(w.attendanceHeading)</a><a href="#finals">\(w.finalsTab)</a><a href="#reports">\(w.reportsTab)</a><a href="#contacts">\(w.guardiansHeading)</a>\(AccessPolicy.permits(actor, .viewJournal, .schoolClass(classID)) ? "<a href=\"#print\">\(w.printSection)</a>" as HTML : "")<a href="#paper">\(w.noElectronicAccessTitle)</a>\(leavers.isEmpty ? "" : "<a href=\"#leavers\">\(w.leaversTitle)</a>" as HTML)<a href="#signin">\(w.notSignedInTab)</a></nav>
            <section class="card" id="students"><h2>\(w.studentsHeading)</h2>
            <div class="table-wrap"><table><thead><tr><th>\(w.columnNumber)</th><th>\(w.columnName)</th><th>\(w.columnDiary)</th><th>\(w.columnWeekAbsences)</th></tr></thead><tbody>\(each: studentRows)</tbody></table></div>
            </section>
            <section class="card" id="attendance"><h2>\(w.attendanceHeading)</h2>
            \(saved.map { "<p class=\"notice ok\">\(w.reasonsSaved($0))</p>" as HTML })
            \(errors.isEmpty ? HTML.empty : "<p class=\"form-error\">\(w.reasonsPartlySaved)</p>")
            <p class="week-nav"><a href="/classes/\(classID)?date=\(day.adding(days: -7).iso)#attendance">\(w.classPreviousWeek)</a>
            <span class="range">\(monday.shortRussian)–\(saturday.shortRussian)</span>
            <a href="/classes/\(classID)?date=\(day.adding(days: 7).iso)#attendance">\(w.classNextWeek)</a>
            \(day == visit.today ? HTML.empty : "<a href=\"/classes/\(classID)#attendance\">\(w.todayLink)</a>")</p>
            <h3>\(RussianCalendar.weekdays[day.weekday - 1].capitalizedFirst), \(RussianCalendar.long(day))</h3>
            \(dayItems.isEmpty ? "<p class=\"muted\">\(w.noAbsences)</p>" as HTML : "<ul class=\"people-list\">\(each: dayItems)</ul>")
            <h3>\(w.weekHeading)</h3>
            <div class="table-wrap"><table class="week-grid"><thead><tr><th>\(w.columnStudent)</th>\(each: dayHeads)</tr></thead><tbody>\(each: weekRows)</tbody></table></div>
            <h3>\(w.weekReasonsHeading)</h3>
            <p class="muted small">\(w.reasonsExplained)</p>
            \(reasons)
            </section>
            <section class="card" id="finals"><h2>\(w.finalsHeading)</h2>
            \(AccessPolicy.permits(actor, .viewJournal, .schoolClass(classID)) ? "<p><a class=\"button secondary\" href=\"/classes/\(classID)/finals\">\(w.classFinalsLink)</a></p>" as HTML : "")
            \(acknowledgements)</section>
            <div id="reports">\(HomePage.reportList(w.reportsHeading, data.reports, w))</div>
            <section class="card" id="contacts"><h2>\(w.contactsHeading)</h2>
            <p class="muted small">\(w.contactsExplained)</p>
            <div class="table-wrap"><table><thead><tr><th>\(w.columnStudent)</th><th>\(w.columnGuardians)</th></tr></thead><tbody>\(each: contactRows)</tbody></table></div>
            </section>
            \(printSection(visit, classID: classID, periods: data.periods, week: (monday, saturday)))
            <section class="card" id="paper"><h2>\(w.noElectronicAccessTitle)</h2>
            \(paper.isEmpty ? "<p class=\"muted\">\(w.noElectronicAccessNone)</p>" as HTML : "<p class=\"muted small\">\(w.noElectronicAccessExplained)</p><ul class=\"people-list\">\(each: paperItems)</ul>")
            </section>\(leavers.isEmpty ? HTML.empty : "\n<section class=\"card\" id=\"leavers\"><h2>\(w.leaversTitle)</h2><ul class=\"people-list\">\(each: leaverItems)</ul></section>")
            <section class="card" id="signin"><h2>\(w.notSignedInHeading)</h2>
            \(waiting.isEmpty ? "<p class=\"muted\">\(w.everyoneSignedIn)</p>" as HTML : "<ul class=\"people-list\">\(each: waitingItems)</ul>")
            \(slipsAllowed && !waiting.isEmpty ? "<p><a class=\"button secondary\" href=\"/classes/\(classID)/slips?who=new\">\(w.printSlipsForNew(waiting.count))</a></p>" as HTML : "")
            </section>
            </main>
            """, status: status)
    }

    /// `POST /classes/{id}/attendance`: each changed reason through `JournalDesk.setAttendance`;
    /// refusals come back beside their field with what was chosen, the others are saved.
    func correctReasons(_ visit: Visit) throws -> Response {
        let classID = try visit.request.pathParameters.int("id")
        let form = try visit.request.form()
        var typed: [String: String] = [:], errors: [String: String] = [:]
        var saved = 0
        var handled = Set<String>()
        func correct(_ field: String, lesson: Int, student: Int, code: AbsenceCode) throws {
            let current = try database.read { try $0.absenceCode(lesson: lesson, student: student) }
            guard current != code else { return }
            do {
                try journal.setAttendance(lesson: lesson, student: student, code: code, by: visit.editor)
                saved += 1
            } catch let error as DeskError {
                errors[field] = error == .forbidden ? visit.words.reasonCannotBeCorrected : error.message
            }
        }
        // The whole day first: it applies to every absence of the student that day.
        for pair in form.pairs where pair.name.hasPrefix("d-") && !pair.value.isEmpty {
            let parts = pair.name.split(separator: "-", maxSplits: 2)
            guard parts.count == 3, let student = Int(parts[1]), let date = CivilDate(iso: parts[2]) else { continue }
            typed[pair.name] = pair.value
            guard let code = AbsenceCode(rawValue: pair.value) else {
                errors[pair.name] = visit.words.chooseAbsenceCode
                continue
            }
            for absence in try database.read({ try $0.classAbsences(classID: classID, from: date, to: date) }) where absence.studentID == student {
                let field = "a-\(absence.lessonID)-\(student)"
                handled.insert(field)
                try correct(pair.name, lesson: absence.lessonID, student: student, code: code)
            }
        }
        for pair in form.pairs where pair.name.hasPrefix("a-") && !handled.contains(pair.name) {
            let parts = pair.name.split(separator: "-")
            guard parts.count == 3, let lesson = Int(parts[1]), let student = Int(parts[2]) else { continue }
            typed[pair.name] = pair.value
            guard let code = AbsenceCode(rawValue: pair.value) else {
                errors[pair.name] = visit.words.chooseAbsenceCode
                continue
            }
            guard try database.read({ try $0.lessonResource(lesson) }).map({ r in
                if case let .lesson(lessonClass, _, _, _) = r { return lessonClass == classID }
                return false
            }) == true else {
                errors[pair.name] = visit.words.lessonNotOfClass
                continue
            }
            try correct(pair.name, lesson: lesson, student: student, code: code)
        }
        let date = form["date"].flatMap { CivilDate(iso: $0) }
        guard errors.isEmpty else { return try classPage(visit, typed: typed, errors: errors, status: 422) }
        return .redirect(to: "/classes/\(classID)?\(date.map { "date=\($0.iso)&" } ?? "")saved=\(saved)#attendance")
    }

    static func dayField(_ student: Int, _ date: CivilDate) -> String { "d-\(student)-\(date.iso)" }

    /// The class's printed documents: the journal's copy for a period or the year, the summary
    /// sheet, blank pages for an outage (the class teacher's and the administration's).
    func printSection(_ visit: Visit, classID: Int, periods: [Period], week: (CivilDate, CivilDate)) -> HTML {
        let w = visit.words
        guard AccessPolicy.permits(visit.actor!, .viewJournal, .schoolClass(classID)) else { return "" }
        let current = periods.first { $0.dates.contains(visit.today) }?.id
        let options = HTML(trusted: periods.map {
            "<option value=\"\($0.id)\"\($0.id == current ? " selected" : "")>\(HTML.escaped(w.period($0)))</option>"
        }.joined() + "<option value=\"\">\(HTML.escaped(w.printWholeYear))</option>")
        return """
            <section class="card" id="print"><h2>\(w.printSection)</h2>
            <form method="post" action="/print/journal" class="print-form"><input type="hidden" name="_csrf" value="\(visit.csrfToken)"><input type="hidden" name="class" value="\(classID)">
            <label>\(w.reportPeriod) <select name="period">\(options)</select></label> <button type="submit" class="secondary">\(w.printJournalButton)</button></form>
            \(PrintButton.form(visit, "summary", w.printSummaryButton, fields: [("class", String(classID))]))
            \(PrintButton.form(visit, "blank", w.printBlankButton, fields: [("class", String(classID))], dates: week))
            </section>
            """
    }
}
