/// How long after a lesson's date its marks and absences stay editable (a school setting,
/// DOMAIN.md "Journal rules": never locked, 1 week, 2 weeks, 3 weeks or 1 month).
public enum EditWindow: String, CaseIterable, Sendable {
    case never
    case oneWeek = "1w"
    case twoWeeks = "2w"
    case threeWeeks = "3w"
    case oneMonth = "1m"

    /// The last day on which a lesson of `date` may still be edited; nil when never locked.
    public func lastDay(for date: CivilDate) -> CivilDate? {
        switch self {
        case .never: return nil
        case .oneWeek: return date.adding(days: 7)
        case .twoWeeks: return date.adding(days: 14)
        case .threeWeeks: return date.adding(days: 21)
        case .oneMonth:
            let (y, m) = date.month == 12 ? (date.year + 1, 1) : (date.year, date.month + 1)
            return CivilDate(year: y, month: m, day: min(date.day, CivilDate.daysIn(month: m, year: y)))!
        }
    }
}

/// Why the journal refuses a change (answered 409 with `code`).
public enum JournalRefusal: String, Error, Sendable, CaseIterable {
    case futureLesson = "future_lesson"
    case cancelledLesson = "cancelled_lesson"
    case editWindowClosed = "edit_window_closed"
    case periodClosed = "period_closed"
    case periodMarkWindow = "period_mark_window"
    case absenceCorrectionWindow = "absence_correction_window"
    case marksDisabled = "marks_disabled"
    case subjectUnmarked = "subject_unmarked"
    case lessonHasEntries = "lesson_has_entries"
    case studentAbsent = "student_absent"
    case yearNeedsPeriods = "year_needs_periods"
    case wrongScale = "wrong_scale"
    case yearClosed = "year_closed"

    public var code: String { rawValue }

    public var message: String {
        switch self {
        case .futureLesson: "Урок ещё не начался: отметки и пропуски ставятся только за проведённые уроки."
        case .cancelledLesson: "Урок отменён: отметки и пропуски за него не ставятся."
        case .editWindowClosed: "Срок исправления отметок за этот урок истёк. Попросите заместителя директора открыть журнал."
        case .periodClosed: "За период уже выставлена итоговая отметка: отметки этого периода закрыты."
        case .periodMarkWindow: "Итоговые отметки ставятся только в последние дни периода."
        case .absenceCorrectionWindow: "Срок исправления причины пропуска истёк."
        case .marksDisabled: "В этом классе отметки не ставятся."
        case .subjectUnmarked: "По этому предмету отметки не ставятся."
        case .lessonHasEntries: "За урок уже есть отметки или пропуски: его нельзя отменить, перенести или заменить другим предметом."
        case .studentAbsent: "Обучающийся отмечен отсутствующим на этом уроке. Если отметка верна, подтвердите её."
        case .yearNeedsPeriods: "Годовая отметка ставится по отметкам за все периоды: их ещё нет. Если годовая нужна без них, укажите причину."
        case .wrongScale: "Предмет оценивается по другой шкале: по зачётному — «зачёт» или «незачёт», по остальным — от 1 до 5."
        case .yearClosed: "Учебный год закрыт: начат следующий, записи прошлого года только для чтения."
        }
    }
}

/// One lesson as the journal rules see it.
public struct LessonTiming: Sendable, Equatable {
    public let date: CivilDate
    /// When the lesson starts; nil when its bell is unknown (then the whole day counts).
    public let startsAt: TimeOfDay?
    public let cancelled: Bool

    public init(date: CivilDate, startsAt: TimeOfDay?, cancelled: Bool = false) {
        self.date = date
        self.startsAt = startsAt
        self.cancelled = cancelled
    }
}

/// The journal rules of DOMAIN.md for one class and subject at one moment: which marks,
/// absences and period marks may be written now. Pages, the API and imports all ask it.
public struct JournalRules: Sendable {
    /// How an allowed entry is recorded.
    public enum Entry: Sendable, Equatable {
        case regular
        /// Through a transfer window from a paper journal: marked as transferred.
        case transferred
    }

    public let now: SchoolDateTime
    public let editWindow: EditWindow
    /// Lesson dates the deputy has unlocked for this class and subject, still in force.
    public let unlocked: [ClosedRange<CivilDate>]
    /// Lesson dates of open transfer windows.
    public let transfer: [ClosedRange<CivilDate>]
    /// How many of a period's last days period marks may be set in.
    public let periodMarkDays: Int
    /// How many working days after a lesson the class teacher may still correct an absence reason.
    public let absenceCorrectionDays: Int

    public init(now: SchoolDateTime, editWindow: EditWindow, unlocked: [ClosedRange<CivilDate>] = [],
                transfer: [ClosedRange<CivilDate>] = [], periodMarkDays: Int = 14, absenceCorrectionDays: Int = 2) {
        self.now = now
        self.editWindow = editWindow
        self.unlocked = unlocked
        self.transfer = transfer
        self.periodMarkDays = periodMarkDays
        self.absenceCorrectionDays = absenceCorrectionDays
    }

    public var today: CivilDate { now.date }

    /// Whether the lesson has begun: marks and absences exist only for lessons that happened.
    public func hasBegun(_ lesson: LessonTiming) -> Bool {
        if lesson.date != today { return lesson.date < today }
        return lesson.startsAt.map { $0 <= now.time } ?? true
    }

    func isUnlocked(_ date: CivilDate) -> Bool { unlocked.contains { $0.contains(date) } }

    /// Whether a mark or absence of `lesson` may be created, changed or deleted now.
    /// `periodMarkSet`: the student's mark for the lesson's period in this subject is set.
    public func entry(_ lesson: LessonTiming, periodMarkSet: Bool = false) -> Result<Entry, JournalRefusal> {
        if lesson.cancelled { return .failure(.cancelledLesson) }
        guard hasBegun(lesson) else { return .failure(.futureLesson) }
        let unlocked = isUnlocked(lesson.date)
        if periodMarkSet, !unlocked { return .failure(.periodClosed) }
        if transfer.contains(where: { $0.contains(lesson.date) }) { return .success(.transferred) }
        if let last = editWindow.lastDay(for: lesson.date), today > last, !unlocked { return .failure(.editWindowClosed) }
        return .success(.regular)
    }

    /// Whether a period mark for a period of `dates` may be set now: in its last
    /// `periodMarkDays` days, or while the deputy has unlocked its last day.
    public func periodMark(_ dates: ClosedRange<CivilDate>) -> JournalRefusal? {
        if isUnlocked(dates.upperBound) { return nil }
        let opens = dates.upperBound.adding(days: 1 - periodMarkDays)
        return (opens...dates.upperBound).contains(today) ? nil : .periodMarkWindow
    }

    /// Whether a year, exam or final mark may be set now: from the day the last period's marks
    /// open (its last `periodMarkDays` days) to the end of the school year, or while the
    /// deputy has unlocked the last period's last day.
    public func finalMark(lastPeriod dates: ClosedRange<CivilDate>, yearEnds: CivilDate) -> JournalRefusal? {
        if isUnlocked(dates.upperBound) { return nil }
        let opens = dates.upperBound.adding(days: 1 - periodMarkDays)
        return (opens...max(yearEnds, dates.upperBound)).contains(today) ? nil : .periodMarkWindow
    }

    /// Whether the class teacher may still correct the reason of an absence at `lesson`:
    /// within `absenceCorrectionDays` working days (Monday to Friday) after its date.
    public func absenceCorrection(_ lesson: LessonTiming) -> JournalRefusal? {
        guard hasBegun(lesson) else { return .futureLesson }
        if isUnlocked(lesson.date) { return nil }
        return Self.workingDays(after: lesson.date, through: today) <= absenceCorrectionDays ? nil : .absenceCorrectionWindow
    }

    /// The date `count` working days (Monday to Friday) after `date`.
    public static func addingWorkingDays(_ count: Int, to date: CivilDate) -> CivilDate {
        var d = date, left = count
        while left > 0 {
            d = d.adding(days: 1)
            if d.weekday <= 5 { left -= 1 }
        }
        return d
    }

    /// Monday-to-Friday days in (`start`, `end`].
    public static func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var d = start.adding(days: 1)
        while d <= end {
            if d.weekday <= 5 { count += 1 }
            d = d.adding(days: 1)
        }
        return count
    }
}

/// A mark value on the school's scale, as typed: "1"…"5".
public enum MarkScale {
    public static let values = 1...5

    public static func parse(_ text: String) -> Int? {
        guard let v = Int(text.trimmingWhitespace), values.contains(v) else { return nil }
        return v
    }
}

extension AbsenceCode {
    /// Н, Б and У: the student was not at the lesson (О — late — was). A mark for an absent
    /// student is put only when the teacher confirms it.
    public var meansAbsent: Bool { self != .late }
}
