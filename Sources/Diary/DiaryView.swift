import Domain
import WebUI

/// How the diary looks: pieces shared by the diary pages and the kiosk.
public enum DiaryView {
    /// A mark as a coloured badge with its work type.
    static func badge(_ m: DiaryMark) -> HTML {
        "<span class=\"mark m\(m.value)\" title=\"\(m.workTypeName), вес \(RussianNumber.weight(m.weight))\">\(m.value)<small>\(m.workType)</small></span>"
    }

    static func absence(_ code: AbsenceCode) -> HTML {
        "<span class=\"absence a-\(code == .late ? "late" : code == .ill ? "ill" : "away")\" title=\"\(code.russian)\">\(code.rawValue) — \(code.russian)</span>"
    }

    /// One day of the week: its lessons with everything the diary shows.
    public static func day(_ date: CivilDate, lessons: [DiaryLesson], today: CivilDate) -> HTML {
        let items: [HTML] = lessons.map { l in
            let marks: [HTML] = l.marks.map(badge)
            let remarks: [HTML] = l.remarks.map { "<p class=\"remark \($0.praise ? "praise" : "")\">\($0.text) <small>— \($0.author)</small></p>" }
            return """
                <li class="lesson\(l.changed ? " changed" : "")\(l.cancelled ? " cancelled" : "")">
                <div class="when"><b>\(l.bell)</b><small>\(l.start.description)–\(l.end.description)</small></div>
                <div class="what">
                <div class="subject">\(l.subject)\(l.changeNote.isEmpty ? "" as HTML : " <span class=\"change\">\(l.changeNote)</span>")</div>
                \(l.topic.isEmpty ? "" as HTML : "<div class=\"topic\">\(l.topic)</div>")
                \(l.homework.isEmpty ? "" as HTML : "<div class=\"homework\"><b>ДЗ:</b> \(l.homework)</div>")
                \(l.individualHomework.map { "<div class=\"homework own\"><b>Лично тебе:</b> \($0)</div>" as HTML })
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
    public static func week(monday: CivilDate, lessons: [DiaryLesson], today: CivilDate) -> HTML {
        var days: [HTML] = []
        for offset in 0..<6 {
            let date = monday.adding(days: offset)
            let todays = lessons.filter { $0.date == date }
            if offset == 5, todays.isEmpty { continue }  // Saturday only when the school works
            days.append(day(date, lessons: todays, today: today))
        }
        return "\(each: days)"
    }

    /// «16–21 ноября 2026 г.»
    public static func range(_ monday: CivilDate) -> String {
        let end = monday.adding(days: 5)
        let startText = monday.month == end.month ? "\(monday.day)" : "\(monday.day) \(RussianCalendar.monthsGenitive[monday.month - 1])"
        return "\(startText)–\(end.day) \(RussianCalendar.monthsGenitive[end.month - 1]) \(end.year) г."
    }
}
