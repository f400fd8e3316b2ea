import Domain
import Testing

/// The journal rules of DOMAIN.md, one by one.
@Suite struct JournalRulesTests {
    static let monday = CivilDate(iso: "2026-11-23")!
    static func at(_ text: String) -> SchoolDateTime { SchoolDateTime(iso: text)! }
    static func lesson(_ date: String, _ time: String = "08:30", cancelled: Bool = false) -> LessonTiming {
        LessonTiming(date: CivilDate(iso: date)!, startsAt: TimeOfDay(time), cancelled: cancelled)
    }

    @Test func theEditWindowEndsSoManyDaysAfterTheLesson() {
        let d = CivilDate(iso: "2026-01-31")!
        #expect(EditWindow.never.lastDay(for: d) == nil)
        #expect(EditWindow.oneWeek.lastDay(for: d) == CivilDate(iso: "2026-02-07"))
        #expect(EditWindow.twoWeeks.lastDay(for: d) == CivilDate(iso: "2026-02-14"))
        #expect(EditWindow.threeWeeks.lastDay(for: d) == CivilDate(iso: "2026-02-21"))
        // A month after 31 January is the last day of February.
        #expect(EditWindow.oneMonth.lastDay(for: d) == CivilDate(iso: "2026-02-28"))
        #expect(EditWindow.oneMonth.lastDay(for: CivilDate(iso: "2026-12-15")!) == CivilDate(iso: "2027-01-15"))
    }

    @Test func noMarksForLessonsThatHaveNotBegun() {
        let rules = JournalRules(now: Self.at("2026-11-23T10:00"), editWindow: .twoWeeks)
        #expect(rules.entry(Self.lesson("2026-11-23", "09:25")) == .success(.regular))
        #expect(rules.entry(Self.lesson("2026-11-23", "10:00")) == .success(.regular))
        #expect(rules.entry(Self.lesson("2026-11-23", "10:20")) == .failure(.futureLesson))
        #expect(rules.entry(Self.lesson("2026-11-24", "08:30")) == .failure(.futureLesson))
        #expect(rules.entry(Self.lesson("2026-11-20", cancelled: true)) == .failure(.cancelledLesson))
    }

    @Test func lessonsOlderThanTheWindowAreClosed() {
        let rules = JournalRules(now: Self.at("2026-11-23T10:00"), editWindow: .oneWeek)
        #expect(rules.entry(Self.lesson("2026-11-16")) == .success(.regular))
        #expect(rules.entry(Self.lesson("2026-11-15")) == .failure(.editWindowClosed))
        let never = JournalRules(now: Self.at("2026-11-23T10:00"), editWindow: .never)
        #expect(never.entry(Self.lesson("2026-09-01")) == .success(.regular))
    }

    @Test func anUnlockReopensItsDatesOnly() {
        let unlocked = CivilDate(iso: "2026-10-01")!...CivilDate(iso: "2026-10-10")!
        let rules = JournalRules(now: Self.at("2026-11-23T10:00"), editWindow: .oneWeek, unlocked: [unlocked])
        #expect(rules.entry(Self.lesson("2026-10-05")) == .success(.regular))
        #expect(rules.entry(Self.lesson("2026-10-11")) == .failure(.editWindowClosed))
        // An unlock also reopens a period whose final mark is set.
        #expect(rules.entry(Self.lesson("2026-10-05"), periodMarkSet: true) == .success(.regular))
        #expect(rules.entry(Self.lesson("2026-11-20"), periodMarkSet: true) == .failure(.periodClosed))
    }

    @Test func aTransferWindowMarksEntriesAsTransferred() {
        let outage = CivilDate(iso: "2026-10-12")!...CivilDate(iso: "2026-10-14")!
        let rules = JournalRules(now: Self.at("2026-11-23T10:00"), editWindow: .oneWeek, transfer: [outage])
        #expect(rules.entry(Self.lesson("2026-10-13")) == .success(.transferred))
        #expect(rules.entry(Self.lesson("2026-10-15")) == .failure(.editWindowClosed))
        // Still no entries for lessons that have not happened.
        let ahead = JournalRules(now: Self.at("2026-11-23T10:00"), editWindow: .oneWeek, transfer: [Self.monday...Self.monday.adding(days: 3)])
        #expect(ahead.entry(Self.lesson("2026-11-25")) == .failure(.futureLesson))
    }

    @Test func periodMarksOnlyInThePeriodsLastDays() {
        let quarter = CivilDate(iso: "2026-11-05")!...CivilDate(iso: "2026-12-27")!
        func rules(_ day: String, unlocked: [ClosedRange<CivilDate>] = []) -> JournalRules {
            JournalRules(now: Self.at(day + "T12:00"), editWindow: .twoWeeks, unlocked: unlocked, periodMarkDays: 14)
        }
        #expect(rules("2026-12-13").periodMark(quarter) == .periodMarkWindow)
        #expect(rules("2026-12-14").periodMark(quarter) == nil)
        #expect(rules("2026-12-27").periodMark(quarter) == nil)
        #expect(rules("2026-12-28").periodMark(quarter) == .periodMarkWindow)
        let end = quarter.upperBound
        #expect(rules("2026-11-23", unlocked: [end...end]).periodMark(quarter) == nil)
    }

    @Test func absenceReasonsAreCorrectedWithinWorkingDays() {
        // Friday's lesson; Monday and Tuesday are the two working days after it.
        let friday = Self.lesson("2026-11-20")
        func rules(_ day: String) -> JournalRules { JournalRules(now: Self.at(day + "T12:00"), editWindow: .oneWeek, absenceCorrectionDays: 2) }
        #expect(rules("2026-11-22").absenceCorrection(friday) == nil)
        #expect(rules("2026-11-24").absenceCorrection(friday) == nil)
        #expect(rules("2026-11-25").absenceCorrection(friday) == .absenceCorrectionWindow)
        #expect(JournalRules.workingDays(after: CivilDate(iso: "2026-11-20")!, through: CivilDate(iso: "2026-11-25")!) == 3)
    }

    @Test func workingDaysSkipTheWeekend() {
        #expect(JournalRules.addingWorkingDays(2, to: CivilDate(iso: "2026-11-20")!) == CivilDate(iso: "2026-11-24"))
        #expect(JournalRules.addingWorkingDays(0, to: CivilDate(iso: "2026-11-22")!) == CivilDate(iso: "2026-11-22"))
    }

    @Test func numbersAndRoundingAreWrittenTheRussianWay() {
        #expect(RussianNumber.decimal(3.5714) == "3,57")
        #expect(RussianNumber.decimal(4.0) == "4,00")
        #expect(RussianNumber.weight(2) == "2" && RussianNumber.weight(1.5) == "1,5" && RussianNumber.weight(2.6) == "2,6")
        #expect(averageFormula([WeightedMark(value: 5, weight: 2), WeightedMark(value: 3, weight: 5)]) == "(2×5 + 5×3) / (2 + 5) = 3,57")
        let strict = RoundingRule(setting: "2.6/3.6/4.6")
        #expect(strict == RoundingRule(threshold3: 2.6, threshold4: 3.6, threshold5: 4.6))
        #expect(strict.russian == "от 2,6 — «3», от 3,6 — «4», от 4,6 — «5»")
        #expect(RoundingRule(setting: "nonsense") == .standard)
    }

    @Test func marksAreOnTheSchoolsScale() {
        #expect(MarkScale.parse("5") == 5)
        #expect(MarkScale.parse(" 1 ") == 1)
        #expect(MarkScale.parse("6") == nil)
        #expect(MarkScale.parse("0") == nil)
        #expect(MarkScale.parse("5+") == nil)
        #expect(AbsenceCode(letter: "н") == .unexcused)
        #expect(AbsenceCode(letter: "b") == .ill)
        #expect(AbsenceCode(letter: "x") == nil)
    }
}
