/// The class teacher's decision about a student at the year's end, where it is not the usual
/// move up a grade (DOMAIN.md, "The school year"; 273-ФЗ art. 58: a student with academic
/// debt — an unsatisfactory or missing year mark — moves up «условно», carrying the debt).
public enum PromotionDecision: String, CaseIterable, Sendable {
    /// «Оставлен на повторное обучение»: stays in the same grade.
    case keptBack = "kept_back"
    /// «Переведён условно»: moves up with academic debt.
    case conditional
    /// Leaves the school after grade 9 (to college or work).
    case leaves
}

/// Where a student goes when the next year is started.
public enum Transfer: Equatable, Sendable {
    /// Up a grade, same letter; `conditional` with academic debt.
    case promoted(grade: Int, letter: String, conditional: Bool)
    /// The same grade again.
    case keptBack(grade: Int, letter: String)
    /// Finished grade 11, or grade 9 and leaves: a leaver from the end of the year.
    case leaves(graduated: Bool)
}

/// The rules of starting the next academic year from the current one.
public enum NewYearRules {
    /// A student's transfer: the decision first (leaving only after grade 9), then grade 11
    /// graduates, academic debt makes a promotion conditional.
    public static func transfer(grade: Int, letter: String, decision: PromotionDecision?, debt: Bool) -> Transfer {
        switch decision {
        case .keptBack: return .keptBack(grade: grade, letter: letter)
        case .leaves where grade == 9: return .leaves(graduated: false)
        default:
            if grade >= 11 { return .leaves(graduated: true) }
            return .promoted(grade: grade + 1, letter: letter, conditional: decision == .conditional || debt)
        }
    }

    /// A decision the class teacher may record for a student of `grade` (leaving: grade 9 only;
    /// grade 11 has no next grade to move up to conditionally).
    public static func allows(_ decision: PromotionDecision, grade: Int) -> Bool {
        switch decision {
        case .keptBack: true
        case .conditional: grade < 11
        case .leaves: grade == 9
        }
    }

    /// The last day of a year starting on `start`: the day before the same date a year later.
    public static func yearEnd(startingOn start: CivilDate) -> CivilDate {
        (CivilDate(year: start.year + 1, month: start.month, day: start.day) ?? CivilDate(year: start.year + 1, month: 3, day: 1)!).adding(days: -1)
    }

    /// A date of the old year's calendar moved into the new one: by whole years when the new year
    /// starts on the same day of the year (4 November stays 4 November), else by the days between
    /// the starts. 29 February becomes 28 February.
    public static func shift(_ date: CivilDate, from oldStart: CivilDate, to newStart: CivilDate) -> CivilDate {
        guard oldStart.month == newStart.month, oldStart.day == newStart.day else {
            return date.adding(days: newStart.dayNumber - oldStart.dayNumber)
        }
        let year = date.year + newStart.year - oldStart.year
        return CivilDate(year: year, month: date.month, day: date.day) ?? CivilDate(year: year, month: date.month, day: date.day - 1)!
    }

    /// Why the next year cannot start on `start` after `current` (the newest year) on `today`, if
    /// it cannot: from a year that has begun, after it ends and within a year of that.
    public static func startProblem(_ start: CivilDate, after current: AcademicYear, today: CivilDate) -> String? {
        if today < current.startsOn { return "Учебный год \(current.name) ещё не начался: следующий начинают от начавшегося." }
        if start <= current.endsOn { return "Новый учебный год начинается после окончания текущего (\(current.endsOn.russian))." }
        if start > current.endsOn.adding(days: 366) { return "Новый учебный год начинается не позже чем через год после окончания текущего (\(current.endsOn.russian))." }
        return nil
    }
}
