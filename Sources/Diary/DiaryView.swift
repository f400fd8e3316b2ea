import Domain
import WebUI

/// How the diary looks: the week, marks by subject and final marks, shared by the diary
/// pages and the kiosk. Links are built from `base` (`/diary/7` or `/kiosk/diary/7`);
/// whatever writes (reporting a mark, acknowledging) is passed in by the page that may.
public enum DiaryView {
    /// A mark as a coloured badge with its work type.
    static func badge(_ m: DiaryMark) -> HTML {
        "<span class=\"mark m\(m.value)\" title=\"\(m.workTypeName), вес \(RussianNumber.weight(m.weight))\">\(m.value)<small>\(m.workType)</small></span>"
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

    static func absence(_ code: AbsenceCode) -> HTML {
        "<span class=\"absence \(absenceClass(code))\" title=\"\(code.russian)\">\(code.rawValue) — \(code.russian)</span>"
    }

    /// «на 15.11» after the homework's label, when the day it is due is known.
    static func due(_ date: CivilDate?) -> HTML {
        date.map { " <span class=\"due\">на \($0.shortRussian)</span>" as HTML } ?? ""
    }

    /// Who is reading: the student («Лично тебе») or a parent, teacher or the administration
    /// («Лично для Артёма»).
    public static func personalLabel(_ student: DiaryStudent, readBy personID: Int) -> String {
        personID == student.id || student.firstName.isEmpty ? "Лично тебе" : "Лично для \(student.firstNameGenitive)"
    }

    /// One day of the week: its lessons with everything the diary shows.
    public static func day(_ date: CivilDate, lessons: [DiaryLesson], today: CivilDate, personal: String = "Лично тебе") -> HTML {
        let items: [HTML] = lessons.map { l in
            let marks: [HTML] = l.marks.map(badge)
            let remarks: [HTML] = l.remarks.map { "<p class=\"remark \($0.praise ? "praise" : "")\">\($0.text) <small>— \($0.author)</small></p>" }
            return """
                <li class="lesson\(l.changed ? " changed" : "")\(l.cancelled ? " cancelled" : "")">
                <div class="when"><b>\(l.bell)</b><small>\(l.start.description)–\(l.end.description)</small></div>
                <div class="what">
                <div class="subject">\(l.subject)\(l.changeNote.isEmpty ? "" as HTML : " <span class=\"change\">\(l.changeNote)</span>")</div>
                \(l.topic.isEmpty ? "" as HTML : "<div class=\"topic\">\(l.topic)</div>")
                \(l.homework.isEmpty ? "" as HTML : "<div class=\"homework\"><b>ДЗ</b>\(due(l.homeworkDue)): \(l.homework)</div>")
                \(l.individualHomework.map { "<div class=\"homework own\"><b>\(personal)</b>\(due(l.individualHomeworkDue)): \($0)</div>" as HTML })
                \(each: remarks)
                </div>
                <div class="marks">\(each: marks)\(l.attendance.map(absence))</div>
                </li>
                """
        }
        let title = "\(RussianCalendar.weekdays[date.weekday - 1].capitalizedFirst), \(date.day) \(RussianCalendar.monthsGenitive[date.month - 1])"
        return """
            <section class="day\(date == today ? " today" : "")" id="d\(date.iso)">
            <h2>\(title)\(date == today ? " <span class=\"pill\">сегодня</span>" as HTML : "")</h2>
            \(items.isEmpty ? "<p class=\"muted\">Уроков нет.</p>" as HTML : "<ol class=\"lessons\">\(each: items)</ol>")
            </section>
            """
    }

    /// The six school days of the week starting on `monday`, grouped from `lessons`.
    public static func week(monday: CivilDate, lessons: [DiaryLesson], today: CivilDate, personal: String = "Лично тебе") -> HTML {
        var days: [HTML] = []
        for offset in 0..<6 {
            let date = monday.adding(days: offset)
            let todays = lessons.filter { $0.date == date }
            if offset == 5, todays.isEmpty { continue }  // Saturday only when the school works
            days.append(day(date, lessons: todays, today: today, personal: personal))
        }
        return "\(each: days)"
    }

    /// «16–21 ноября 2026 г.»
    public static func range(_ monday: CivilDate) -> String {
        let end = monday.adding(days: 5)
        let startText = monday.month == end.month ? "\(monday.day)" : "\(monday.day) \(RussianCalendar.monthsGenitive[monday.month - 1])"
        return "\(startText)–\(end.day) \(RussianCalendar.monthsGenitive[end.month - 1]) \(end.year) г."
    }

    /// The three views of a diary: the week, marks by subject, final marks.
    public static func tabs(base: String, current tab: String) -> HTML {
        let links: [HTML] = [("", "Неделя"), ("/marks", "Оценки"), ("/finals", "Итоги")].map {
            "<a href=\"\(base)\($0.0)\"\($0.0 == tab ? " aria-current=\"page\"" as HTML : "")>\($0.1)</a>"
        }
        return "<nav class=\"tabs\">\(each: links)</nav>"
    }

    /// The previous and next weeks, and back to this one.
    public static func weekNav(base: String, monday: CivilDate, today: CivilDate) -> HTML {
        """
        <div class="week-nav">
        <a class="button secondary" href="\(base)?week=\(monday.adding(days: -7).iso)" rel="prev">← Неделя</a>
        <span class="range">\(range(monday))</span>
        <a class="button secondary" href="\(base)?week=\(monday.adding(days: 7).iso)" rel="next">Неделя →</a>
        \(monday == today.startOfWeek ? "" as HTML : "<a class=\"button\" href=\"\(base)\">Сегодня</a>")
        </div>
        """
    }

    /// Marks by subject in `period`, every subject of the student's timetable (also those with
    /// no marks yet), with the average, its formula and the forecast. `report` adds the form
    /// to report a wrong mark where the reader may.
    public static func marks(base: String, subjects: [SubjectMarks], periods: [Period], period: Period, rule: RoundingRule,
                             report: ((SubjectMark) -> HTML)? = nil) -> HTML {
        let periodLinks: [HTML] = periods.map {
            "<a href=\"\(base)/marks?period=\($0.id)\"\($0.id == period.id ? " aria-current=\"page\"" as HTML : "")>\($0.name)</a>"
        }
        let cards: [HTML] = subjects.map { s in
            let chips: [HTML] = s.marks.map { m in "<li>\(badge(m.mark))<small>\(m.date.shortRussian)</small>\(report?(m) ?? "")</li>" }
            let forecast = s.forecast(rule)
            let forecastLine: HTML = forecast.map { f in
                let next: HTML = f.nextMark.map { "; до «\($0)» — ещё \(f.fivesNeeded ?? 1) \(fives(f.fivesNeeded ?? 1)) за устный ответ" } ?? ""
                return "<p class=\"forecast\">Средний балл <b>\(RussianNumber.decimal(f.average))</b> — сейчас выходит <b>\(f.mark)</b>\(next)</p>"
            } ?? "<p class=\"muted\">Отметок пока нет.</p>"
            return """
                <section class="card subject-marks\(s.marks.isEmpty ? " empty" : "")">
                <h2>\(s.subject)\(s.periodMark.map { " <span class=\"final\">итог: \($0)</span>" as HTML })</h2>
                \(chips.isEmpty ? "" as HTML : "<ul class=\"chips\">\(each: chips)</ul>")
                \(forecastLine)
                \(forecast == nil ? "" as HTML : "<details><summary>Как считается</summary><p class=\"formula\">Средний взвешенный: Σ(вес × отметка) / Σ веса = \(averageFormula(s.weighted)). Округление: \(rule.russian).</p></details>")
                </section>
                """
        }
        return """
            <nav class="periods">\(each: periodLinks)</nav>
            \(cards.isEmpty ? "<p class=\"muted\">В расписании класса пока нет предметов.</p>" as HTML : "<div class=\"subject-list\">\(each: cards)</div>")
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
                              today: CivilDate, acknowledge: ((Period) -> HTML)? = nil) -> HTML {
        let subjects = Array(Set(finals.map(\.subject))).sorted()
        // Column heads: «I», «II»…, the full name on hover; then the year.
        let header: [HTML] = periods.map { p in
            let roman = p.name.split(separator: " ").first.map(String.init) ?? p.name
            return "<th scope=\"col\" title=\"\(p.name)\">\(roman)</th>"
        }
        func cell(_ value: Int?) -> HTML { "<td>\(value.map { "<span class=\"mark m\($0)\">\($0)</span>" as HTML } ?? "—")</td>" }
        let rows: [HTML] = subjects.map { subject in
            let cells: [HTML] = periods.map { p in cell(finals.first { $0.subject == subject && $0.kind == "period" && $0.periodID == p.id }?.value) }
            let year = finals.first { $0.subject == subject && $0.kind == "year" }?.value
            return "<tr><th scope=\"row\">\(subject)</th>\(each: cells)\(cell(year))</tr>"
        }
        let ackItems: [HTML] = periods.filter { p in p.endsOn < today && finals.contains { $0.periodID == p.id } }.map { p in
            if let a = acknowledgements.first(where: { $0.periodID == p.id }) {
                return "<li>\(p.name): <b>ознакомлен(а) \(a.date.russian)</b> — \(a.guardian)</li>"
            }
            guard let acknowledge else { return "<li>\(p.name): родители ещё не ознакомились</li>" }
            return acknowledge(p)
        }
        let attendance: [HTML] = AbsenceCode.allCases.map { "<li>\(absence($0)): <b>\(absences[$0] ?? 0)</b></li>" }
        let table: HTML = """
            <div class="table-wrap"><table class="finals"><thead><tr><th scope="col">Предмет</th>\(each: header)<th scope="col" title="Годовая отметка">Год</th></tr></thead><tbody>\(each: rows)</tbody></table></div>
            """
        return """
            <section class="card"><h2>Итоговые отметки</h2>
            \(rows.isEmpty ? "<p class=\"muted\">Итоговых отметок пока нет.</p>" as HTML : table)
            \(ackItems.isEmpty ? "" as HTML : "<ul class=\"acks\">\(each: ackItems)</ul>")
            </section>
            <section class="card"><h2>Пропуски за учебный год</h2><ul class="attendance">\(each: attendance)</ul></section>
            """
    }

    static func fives(_ n: Int) -> String {
        let tens = n % 100, units = n % 10
        if (11...14).contains(tens) { return "пятёрок" }
        return units == 1 ? "пятёрка" : (2...4).contains(units) ? "пятёрки" : "пятёрок"
    }
}
