import Domain
import WebUI
import Words

/// How the diary looks: the week, marks by subject and final marks, shared by the diary
/// pages and the kiosk. Links are built from `base` (`/diary/7` or `/kiosk/diary/7`);
/// whatever writes (reporting a mark, acknowledging) is passed in by the page that may.
public enum DiaryView {
    /// A mark as a coloured badge with its work type.
    static func badge(_ m: DiaryMark, _ w: Words) -> HTML {
        "<span class=\"mark m\(m.value)\" title=\"\(m.workTypeName), \(w.weightOf(m.weight))\">\(m.value)<small>\(m.workType)</small></span>"
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
    public static func tabs(base: String, current tab: String, _ w: Words) -> HTML {
        let links: [HTML] = [("", w.tabWeek), ("/marks", w.tabMarks), ("/finals", w.tabFinals)].map {
            "<a href=\"\(base)\($0.0)\"\($0.0 == tab ? " aria-current=\"page\"" as HTML : "")>\($0.1)</a>"
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
            let chips: [HTML] = s.marks.map { m in "<li>\(badge(m.mark, w))<small>\(w.shortDate(m.date))</small>\(report?(m) ?? "")</li>" }
            let forecast = s.forecast(rule)
            let forecastLine: HTML = forecast.map { f in
                let next: HTML = f.nextMark.map { "\(w.toNextMark($0, fives: f.fivesNeeded ?? 1))" } ?? ""
                return "<p class=\"forecast\">\(w.averageBefore) <b>\(w.decimal(f.average))</b>\(w.averageGives)<b>\(f.mark)</b>\(next)</p>"
            } ?? "<p class=\"muted\">\(w.noMarksYet)</p>"
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

    /// A period mark of the finals table.
    public struct FinalMark: Sendable {
        public let subject: String
        /// 0 for a year mark.
        public let periodID: Int
        public let kind: String
        public let value: Int

        public init(subject: String, periodID: Int, kind: String, value: Int) {
            self.subject = subject
            self.periodID = periodID
            self.kind = kind
            self.value = value
        }
    }

    /// A family's acknowledgement of a period's marks, with its day.
    public struct Acknowledgement: Sendable {
        public let periodID: Int
        public let guardian: String
        public let date: CivilDate

        public init(periodID: Int, guardian: String, date: CivilDate) {
            self.periodID = periodID
            self.guardian = guardian
            self.date = date
        }
    }

    /// Final marks: a row per subject, a column per period and one for the year (short heads,
    /// so the table fits a phone), the acknowledgements of finished periods, absences by reason.
    /// `acknowledge` is the form for a period not yet acknowledged, where the reader may.
    public static func finals(periods: [Period], finals: [FinalMark], acknowledgements: [Acknowledgement], absences: [AbsenceCode: Int],
                              today: CivilDate, acknowledge: ((Period) -> HTML)? = nil, _ w: Words) -> HTML {
        let subjects = Array(Set(finals.map(\.subject))).sorted()
        // Column heads: «I», «II»…, the full name on hover; then the year.
        let header: [HTML] = periods.map { p in
            "<th scope=\"col\" title=\"\(w.period(p))\">\(w.periodShort(p))</th>"
        }
        func cell(_ value: Int?) -> HTML { "<td>\(value.map { "<span class=\"mark m\($0)\">\($0)</span>" as HTML } ?? "—")</td>" }
        let rows: [HTML] = subjects.map { subject in
            let cells: [HTML] = periods.map { p in cell(finals.first { $0.subject == subject && $0.kind == "period" && $0.periodID == p.id }?.value) }
            let year = finals.first { $0.subject == subject && $0.kind == "year" }?.value
            return "<tr><th scope=\"row\">\(subject)</th>\(each: cells)\(cell(year))</tr>"
        }
        let ackItems: [HTML] = periods.filter { p in p.endsOn < today && finals.contains { $0.periodID == p.id } }.map { p in
            if let a = acknowledgements.first(where: { $0.periodID == p.id }) {
                return "<li>\(w.period(p)): <b>\(w.acknowledgedOn(a.date))</b> — \(a.guardian)</li>"
            }
            guard let acknowledge else { return "<li>\(w.period(p)): \(w.notAcknowledged)</li>" }
            return acknowledge(p)
        }
        let attendance: [HTML] = AbsenceCode.allCases.map { "<li>\(absence($0, w)): <b>\(absences[$0] ?? 0)</b></li>" }
        let table: HTML = """
            <div class="table-wrap"><table class="finals"><thead><tr><th scope="col">\(w.subjectHeading)</th>\(each: header)<th scope="col" title="\(w.yearMark)">\(w.yearHeading)</th></tr></thead><tbody>\(each: rows)</tbody></table></div>
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
