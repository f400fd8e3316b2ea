import Domain

/// The default calendar of a Russian school year starting on 1 September of `startYear`
/// (DOMAIN.md, "Calendar"): quarters with autumn, winter and spring breaks, half-years for
/// grades 10–11, the extra February week for grade 1, and public holidays.
public struct SchoolCalendar: Sendable {
    public struct Span: Sendable {
        public let name: String
        public let start: CivilDate
        public let end: CivilDate
        public let grades: ClosedRange<Int>
    }

    public let startYear: Int
    public let yearStart: CivilDate
    public let yearEnd: CivilDate
    public let quarters: [(CivilDate, CivilDate)]
    public let halves: [(CivilDate, CivilDate)]
    public let holidays: [Span]

    public init(startYear y: Int) {
        startYear = y
        yearStart = CivilDate(year: y, month: 9, day: 1)!
        yearEnd = CivilDate(year: y + 1, month: 8, day: 31)!
        let q1End = Self.weekdayOnOrBefore(CivilDate(year: y, month: 10, day: 25)!)
        let q2Start = Self.nextMonday(after: q1End.adding(days: 7))
        let q2End = Self.weekdayOnOrBefore(CivilDate(year: y, month: 12, day: 28)!)
        let q3Start = Self.weekdayOnOrAfter(CivilDate(year: y + 1, month: 1, day: 9)!)
        let q3End = Self.weekdayOnOrBefore(CivilDate(year: y + 1, month: 3, day: 20)!)
        let q4Start = Self.nextMonday(after: q3End.adding(days: 7))
        let q4End = Self.weekdayOnOrBefore(CivilDate(year: y + 1, month: 5, day: 25)!)
        let firstDay = Self.weekdayOnOrAfter(yearStart)
        quarters = [(firstDay, q1End), (q2Start, q2End), (q3Start, q3End), (q4Start, q4End)]
        halves = [(firstDay, q2End), (q3Start, q4End)]
        let february = CivilDate(year: y + 1, month: 2, day: 15)!.startOfWeek
        var spans = [
            Span(name: "Осенние каникулы", start: q1End.adding(days: 1), end: q2Start.adding(days: -1), grades: 1...11),
            Span(name: "Зимние каникулы", start: q2End.adding(days: 1), end: q3Start.adding(days: -1), grades: 1...11),
            Span(name: "Дополнительные каникулы для первоклассников", start: february, end: february.adding(days: 6), grades: 1...1),
            Span(name: "Весенние каникулы", start: q3End.adding(days: 1), end: q4Start.adding(days: -1), grades: 1...11),
        ]
        for (month, day, name, yearShift) in [(11, 4, "День народного единства", 0), (2, 23, "День защитника Отечества", 1),
                                              (3, 8, "Международный женский день", 1), (5, 1, "Праздник Весны и Труда", 1),
                                              (5, 9, "День Победы", 1)] {
            let d = CivilDate(year: y + yearShift, month: month, day: day)!
            spans.append(Span(name: name, start: d, end: d, grades: 1...11))
        }
        holidays = spans
    }

    /// True when grade `grade` has lessons on `date` (a weekday inside a quarter, not a holiday).
    public func isSchoolDay(_ date: CivilDate, grade: Int) -> Bool {
        guard date.weekday <= 5, quarters.contains(where: { $0.0 <= date && date <= $0.1 }) else { return false }
        return !holidays.contains { $0.grades.contains(grade) && $0.start <= date && date <= $0.end }
    }

    static func weekdayOnOrBefore(_ d: CivilDate) -> CivilDate { d.weekday <= 5 ? d : d.adding(days: 5 - d.weekday) }
    static func weekdayOnOrAfter(_ d: CivilDate) -> CivilDate { d.weekday <= 5 ? d : d.adding(days: 8 - d.weekday) }
    static func nextMonday(after d: CivilDate) -> CivilDate { d.adding(days: 8 - d.weekday) }
}
