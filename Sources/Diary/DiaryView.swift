import Domain
import WebUI
import Words

/// How the diary looks: the week, marks by subject and final marks, shared by the diary
/// pages and the kiosk. Links are built from `base` (`/diary/7` or `/kiosk/diary/7`);
/// whatever writes (reporting a mark, acknowledging) is passed in by the page that may.
public enum DiaryView {
    /// A mark as a coloured badge with its work type.
    static func badge(_ m: DiaryMark, _ w: Words) -> HTML {
        // A pass or fail has no weight in any average: its title says only the work.
        let title = m.value.number == nil ? "\(m.workTypeName), \(w.passFailNoAverage)" : "\(m.workTypeName), \(w.weightOf(m.weight))"
        return "<span class=\"mark \(m.value.cssClass)\" title=\"\(title)\">\(w.markFull(m.value))<small>\(m.workType)</small></span>"
    }

    /// The class of an absence's badge: each reason its own colour («У» is not «Н»).
    static func absenceClass(_ code: AbsenceCode) -> String {
        switch code {
        case .unexcused: "a-unexcused"
        case .ill: "a-ill"
        case .excused: "a-excused"
        case .late: "a-late"
        }
    }

    static func absence(_ code: AbsenceCode, _ w: Words) -> HTML {
        "<span class=\"absence \(absenceClass(code))\" title=\"\(w.absence(code))\">\(code.rawValue) — \(w.absence(code))</span>"
    }

    /// «на 15.11» after the homework's label, when the day it is due is known.
    static func due(_ date: CivilDate?, _ w: Words) -> HTML {
        date.map { " <span class=\"due\">\(w.due($0))</span>" as HTML } ?? ""
    }

    /// Who is reading: the student («Лично тебе») or a parent, teacher or the administration
    /// («Лично для Артёма»).
    public static func personalLabel(_ student: DiaryStudent, readBy personID: Int, _ w: Words) -> String {
        personID == student.id || student.firstName.isEmpty ? w.personalForYou : w.personalFor(firstName: student.firstName, genitive: student.firstNameGenitive)
    }

    /// One day of the week: its lessons with everything the diary shows.
    public static func day(_ date: CivilDate, lessons: [DiaryLesson], today: CivilDate, personal: String, _ w: Words) -> HTML {
        let items: [HTML] = lessons.map { l in
            let marks: [HTML] = l.marks.map { badge($0, w) }
            let remarks: [HTML] = l.remarks.map { "<p class=\"remark \($0.praise ? "praise" : "")\">\($0.text) <small>— \($0.author)</small></p>" }
            return """
                <li class="lesson\(l.changed ? " changed" : "")\(l.cancelled ? " cancelled" : "")">
                <div class="when"><b>\(l.bell)</b><small>\(l.start.description)–\(l.end.description)</small></div>
                <div class="what">
                <div class="subject">\(l.subject)\(l.changeNote.isEmpty ? "" as HTML : " <span class=\"change\">\(w.message(l.changeNote))</span>")</div>
                \(l.topic.isEmpty ? "" as HTML : "<div class=\"topic\">\(l.topic)</div>")
                \(l.homework.isEmpty ? "" as HTML : "<div class=\"homework\"><b>\(w.homeworkShort)</b>\(due(l.homeworkDue, w)): \(l.homework)</div>")
                \(l.individualHomework.map { "<div class=\"homework own\"><b>\(personal)</b>\(due(l.individualHomeworkDue, w)): \($0)</div>" as HTML })
                \(each: remarks)
                </div>
                <div class="marks">\(each: marks)\(l.attendance.map { absence($0, w) })</div>
                </li>
                """
        }
        let title = "\(w.weekday(date).capitalizedFirst), \(w.dayAndMonth(date))"
        return """
            <section class="day\(date == today ? " today" : "")" id="d\(date.iso)">
            <h2>\(title)\(date == today ? " <span class=\"pill\">\(w.todayTag)</span>" as HTML : "")</h2>
            \(items.isEmpty ? "<p class=\"muted\">\(w.noLessons)</p>" as HTML : "<ol class=\"lessons\">\(each: items)</ol>")
            </section>
            """
    }

    /// The six school days of the week starting on `monday`, grouped from `lessons`.
    public static func week(monday: CivilDate, lessons: [DiaryLesson], today: CivilDate, personal: String, _ w: Words) -> HTML {
        var days: [HTML] = []
        for offset in 0..<6 {
            let date = monday.adding(days: offset)
            let todays = lessons.filter { $0.date == date }
            if offset == 5, todays.isEmpty { continue }  // Saturday only when the school works
            days.append(day(date, lessons: todays, today: today, personal: personal, w))
        }
        return "\(each: days)"
    }

    /// The three views of a diary: the week, marks by subject, final marks.
    public static func tabs(base: String, current tab: String, query: String = "", _ w: Words) -> HTML {
        let links: [HTML] = [("", w.tabWeek), ("/marks", w.tabMarks), ("/finals", w.tabFinals)].map {
            "<a href=\"\(base)\($0.0)\(query)\"\($0.0 == tab ? " aria-current=\"page\"" as HTML : "")>\($0.1)</a>"
        }
        return "<nav class=\"tabs\">\(each: links)</nav>"
    }

    /// The previous and next weeks, and back to this one.
    public static func weekNav(base: String, monday: CivilDate, today: CivilDate, _ w: Words) -> HTML {
        """
        <div class="week-nav">
        <a class="button secondary" href="\(base)?week=\(monday.adding(days: -7).iso)" rel="prev">\(w.previousWeek)</a>
        <span class="range">\(w.schoolWeek(monday))</span>
        <a class="button secondary" href="\(base)?week=\(monday.adding(days: 7).iso)" rel="next">\(w.nextWeek)</a>
        \(monday == today.startOfWeek ? "" as HTML : "<a class=\"button\" href=\"\(base)\">\(w.today)</a>")
        </div>
        """
    }

    /// Marks by subject in `period`, every subject of the student's timetable (also those with
    /// no marks yet), with the average, its formula and the forecast. `report` adds the form
    /// to report a wrong mark where the reader may.
    public static func marks(base: String, subjects: [SubjectMarks], periods: [Period], period: Period, rule: RoundingRule,
                             report: ((SubjectMark) -> HTML)? = nil, _ w: Words) -> HTML {
        let periodLinks: [HTML] = periods.map {
            "<a href=\"\(base)/marks?period=\($0.id)\"\($0.id == period.id ? " aria-current=\"page\"" as HTML : "")>\(w.period($0))</a>"
        }
        let cards: [HTML] = subjects.map { s in
            let chips: [HTML] = s.marks.map { m in
                // The family's reports on this mark, with the teacher's answers.
                let answers: [HTML] = s.reports.filter { $0.markID == m.mark.id }.map { r in
                    """
                    <div class="report-answer"><small>\(w.yourReport): \(r.text)</small>\(r.answer.isEmpty ? "" as HTML : "<p><b>\(w.teachersAnswer)</b>\(r.answeredBy.isEmpty ? "" : " (\(r.answeredBy))"): \(r.answer)</p>")<small class="state">\(r.closed ? w.reportClosed : w.reportOpen)</small></div>
                    """
                }
                return "<li>\(badge(m.mark, w))<small>\(w.shortDate(m.date))</small>\(each: answers)\(report?(m) ?? "")</li>"
            }
            let forecast = s.forecast(rule)
            let forecastLine: HTML = forecast.map { f in
                let next: HTML = f.nextMark.map { "\(w.toNextMark($0, fives: f.fivesNeeded ?? 1))" } ?? ""
                return "<p class=\"forecast\">\(w.averageBefore) <b>\(w.decimal(f.average))</b>\(w.averageGives)<b>\(f.mark)</b>\(next)</p>"
            } ?? (s.passFailOnly ? "<p class=\"muted\">\(w.passFailNoAverage)</p>" : "<p class=\"muted\">\(w.noMarksYet)</p>")
            return """
                <section class="card subject-marks\(s.marks.isEmpty ? " empty" : "")">
                <h2>\(s.subject)\(s.periodMark.map { " <span class=\"final\">\(w.finalOf($0))</span>" as HTML })</h2>
                \(chips.isEmpty ? "" as HTML : "<ul class=\"chips\">\(each: chips)</ul>")
                \(forecastLine)
                \(forecast == nil ? "" as HTML : "<details><summary>\(w.howItWorks)</summary><p class=\"formula\">\(w.formulaExplained(w.averageFormula(s.weighted), rounding: w.rounding(rule)))</p></details>")
                </section>
                """
        }
        return """
            <nav class="periods">\(each: periodLinks)</nav>
            \(cards.isEmpty ? "<p class=\"muted\">\(w.noSubjectsYet)</p>" as HTML : "<div class=\"subject-list\">\(each: cards)</div>")
            """
    }

    /// A family's acknowledgement of a period's marks, with its day.
    public struct Acknowledgement: Sendable {
        public let periodID: Int
        public let guardian: String
        public let date: CivilDate
        /// What the guardian wrote to the class teacher.
        public let message: String

        public init(periodID: Int, guardian: String, date: CivilDate, message: String = "") {
            self.periodID = periodID
            self.guardian = guardian
            self.date = date
            self.message = message
        }
    }

    /// Final marks: a row per subject, a column per period, one for the year, and the exam
    /// and final marks where any is given (short heads, so the table fits a phone); the
    /// acknowledgements of finished periods, absences by reason. `acknowledge` is the form for a
    /// period not yet acknowledged, where the reader may.
    public static func finals(periods: [Period], finals: [SubjectFinals], acknowledgements: [Acknowledgement], absences: [AbsenceCode: Int],
                              today: CivilDate, acknowledge: ((Period) -> HTML)? = nil, _ w: Words) -> HTML {
        let kinds: [PeriodMarkKind] = [.year] + [PeriodMarkKind.exam, .final].filter { k in finals.contains { $0.mark(k) != nil } }
        // Column heads: «I», «II»…, the full name on hover; then the year's.
        let header: [HTML] = periods.map { p in
            "<th scope=\"col\" title=\"\(w.period(p))\">\(w.periodShort(p))</th>"
        } + kinds.map { "<th scope=\"col\" title=\"\(w.kindName($0))\">\(w.kindHeading($0))</th>" }
        func cell(_ value: MarkValue?) -> HTML {
            "<td>\(value.map { "<span class=\"mark \($0.cssClass)\"\($0.number == nil ? " title=\"\(w.markTitle($0))\"" as HTML : "")>\(w.markShort($0))</span>" as HTML } ?? "—")</td>"
        }
        let rows: [HTML] = finals.map { sub in
            let cells: [HTML] = periods.map { p in cell(sub.mark(.period, period: p.id)) } + kinds.map { cell(sub.mark($0)) }
            return "<tr><th scope=\"row\">\(sub.subject)</th>\(each: cells)</tr>"
        }
        let ackItems: [HTML] = periods.filter { p in p.endsOn < today && finals.contains { $0.mark(.period, period: p.id) != nil } }.map { p in
            if let a = acknowledgements.first(where: { $0.periodID == p.id }) {
                return "<li>\(w.period(p)): <b>\(w.acknowledgedOn(a.date))</b> — \(a.guardian)\(a.message.isEmpty ? "" as HTML : "<br><q>\(a.message)</q>")</li>"
            }
            guard let acknowledge else { return "<li>\(w.period(p)): \(w.notAcknowledged)</li>" }
            return acknowledge(p)
        }
        let attendance: [HTML] = AbsenceCode.allCases.map { "<li>\(absence($0, w)): <b>\(absences[$0] ?? 0)</b></li>" }
        let table: HTML = """
            <div class="table-wrap"><table class="finals"><thead><tr><th scope="col">\(w.subjectHeading)</th>\(each: header)</tr></thead><tbody>\(each: rows)</tbody></table></div>
            """
        return """
            <section class="card"><h2>\(w.finalMarksTitle)</h2>
            \(rows.isEmpty ? "<p class=\"muted\">\(w.noFinalMarksYet)</p>" as HTML : table)
            \(ackItems.isEmpty ? "" as HTML : "<ul class=\"acks\">\(each: ackItems)</ul>")
            </section>
            <section class="card"><h2>\(w.absencesThisYear)</h2><ul class="attendance">\(each: attendance)</ul></section>
            """
    }
}
