import Domain

/// Dates, numbers and the journal's arithmetic as each language writes them: Russian with
/// `RussianCalendar` and a decimal comma («23 ноября 2026 г.», «3,57»), English with day-first
/// dates and a decimal point ("23 November 2026", "3.57").
extension Words {
    static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let englishWeekdaysShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June",
                                "July", "August", "September", "October", "November", "December"]
    static let englishMonthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// «понедельник», "Monday".
    public func weekday(_ d: CivilDate) -> String {
        pick(RussianCalendar.weekdays[d.weekday - 1], Self.englishWeekdays[d.weekday - 1])
    }

    /// «Пн», "Mon".
    public func weekdayShort(_ d: CivilDate) -> String {
        pick(RussianCalendar.weekdaysShort[d.weekday - 1], Self.englishWeekdaysShort[d.weekday - 1])
    }

    /// «ноябрь», "November" (`month` 1…12).
    public func month(_ month: Int) -> String {
        pick(RussianCalendar.months[month - 1], Self.englishMonths[month - 1])
    }

    /// «23 ноября 2026 г.», "23 November 2026".
    public func longDate(_ d: CivilDate) -> String {
        pick(RussianCalendar.long(d), "\(d.day) \(Self.englishMonths[d.month - 1]) \(d.year)")
    }

    /// «Понедельник, 23 ноября 2026 г.», "Monday, 23 November 2026": a page's date line.
    public func dayLine(_ d: CivilDate) -> String {
        "\(weekday(d).capitalizedFirst), \(longDate(d))"
    }

    /// «23 ноября», "23 November".
    public func dayAndMonth(_ d: CivilDate) -> String {
        pick("\(d.day) \(RussianCalendar.monthsGenitive[d.month - 1])", "\(d.day) \(Self.englishMonths[d.month - 1])")
    }

    /// «23.11.2026», "23 Nov 2026".
    public func date(_ d: CivilDate) -> String {
        pick(d.russian, "\(d.day) \(Self.englishMonthsShort[d.month - 1]) \(d.year)")
    }

    /// «23.11», "23 Nov": column heads and short mentions (kept on one line: a no-break space).
    public func shortDate(_ d: CivilDate) -> String {
        pick(d.shortRussian, "\(d.day)\u{A0}\(Self.englishMonthsShort[d.month - 1])")
    }

    /// «23.11.2026 10:00», "23 Nov 2026 10:00".
    public func dateTime(_ m: SchoolDateTime) -> String { "\(date(m.date)) \(m.time)" }

    /// «16–21 ноября 2026 г.», "16–21 November 2026": the six school days from `monday`.
    public func schoolWeek(_ monday: CivilDate) -> String {
        let end = monday.adding(days: 5)
        switch language {
        case .russian:
            let startText = monday.month == end.month ? "\(monday.day)" : "\(monday.day) \(RussianCalendar.monthsGenitive[monday.month - 1])"
            return "\(startText)–\(end.day) \(RussianCalendar.monthsGenitive[end.month - 1]) \(end.year) г."
        case .english:
            let startText = monday.month == end.month ? "\(monday.day)"
                : monday.year == end.year ? "\(monday.day) \(Self.englishMonths[monday.month - 1]) "
                : "\(monday.day) \(Self.englishMonths[monday.month - 1]) \(monday.year) "
            return "\(startText)–\(monday.month == end.month ? "" : " ")\(end.day) \(Self.englishMonths[end.month - 1]) \(end.year)"
        }
    }

    /// «3-й урок», "lesson 3": a lesson by its bell (capitalise it to start a sentence).
    public func bell(_ number: Int) -> String { pick("\(number)-й урок", "lesson \(number)") }

    /// «2026/27 учебный год», "school year 2026/27".
    public func schoolYear(_ name: String) -> String { pick("\(name) учебный год", "school year \(name)") }

    /// A period as a page names it: its stored name in Russian («I четверть»), "Quarter 1" or
    /// "Half-year 1" in English.
    public func period(_ p: Period) -> String {
        pick(p.name, p.scheme == .quarter ? "Quarter \(p.number)" : "Half-year \(p.number)")
    }

    /// A period's short column head: «I», "Q1" / "H1".
    public func periodShort(_ p: Period) -> String {
        pick(p.name.split(separator: " ").first.map(String.init) ?? p.name, p.scheme == .quarter ? "Q\(p.number)" : "H\(p.number)")
    }

    // MARK: Numbers

    /// Two decimals: «3,57», "3.57".
    public func decimal(_ x: Double) -> String {
        point(RussianNumber.decimal(x))
    }

    /// A number written with a decimal comma, with a decimal point in English (computed only
    /// for English: the grid writes a weight per work type on every visit).
    private func point(_ russian: String) -> String {
        language == .russian ? russian : String(russian.map { $0 == "," ? "." : $0 })
    }

    /// A weight or threshold as short as it goes: «1,5», "1.5".
    public func weight(_ w: Double) -> String {
        point(RussianNumber.weight(w))
    }

    /// Σ(w·m)/Σw written out: «(2×5 + 5×3) / (2 + 5) = 3,57».
    public func averageFormula(_ marks: [WeightedMark]) -> String {
        switch language {
        case .russian: return Domain.averageFormula(marks)
        case .english:
            let top = marks.map { "\(weight($0.weight))×\($0.value)" }.joined(separator: " + ")
            let bottom = marks.map { weight($0.weight) }.joined(separator: " + ")
            return "(\(top)) / (\(bottom)) = \(decimal(weightedAverage(marks) ?? 0))"
        }
    }

    /// The rounding rule as the diary explains it: «от 2,5 — «3», …», "3 from 2.5, 4 from 3.5, 5 from 4.5".
    public func rounding(_ r: RoundingRule) -> String {
        pick(r.russian, [(r.threshold3, 3), (r.threshold4, 4), (r.threshold5, 5)].map { "\($0.1) from \(weight($0.0))" }.joined(separator: ", "))
    }
}
