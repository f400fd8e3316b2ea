import Domain
import Testing

/// The rules of the school's structure: periods, holidays and bells against each other and the year.
@Suite struct StructureRulesTests {
    static func d(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
    static func t(_ text: String) -> TimeOfDay { TimeOfDay(text)! }

    let year = AcademicYear(id: 1, name: "2026/2027", startsOn: d("2026-09-01"), endsOn: d("2027-08-31"))
    let quarters = [
        Period(id: 1, scheme: .quarter, number: 1, name: "I четверть", startsOn: d("2026-09-01"), endsOn: d("2026-10-23")),
        Period(id: 2, scheme: .quarter, number: 2, name: "II четверть", startsOn: d("2026-11-02"), endsOn: d("2026-12-28")),
        Period(id: 3, scheme: .quarter, number: 3, name: "III четверть", startsOn: d("2027-01-11"), endsOn: d("2027-03-19")),
    ]

    @Test func aPeriodFitsBetweenItsNeighbours() {
        #expect(StructureRules.period(number: 4, startsOn: Self.d("2027-03-29"), endsOn: Self.d("2027-05-25"), scheme: .quarter, year: year, others: quarters).isEmpty)
        // Quarter II may move within the breaks around it.
        let others = quarters.filter { $0.number != 2 }
        #expect(StructureRules.period(number: 2, startsOn: Self.d("2026-10-26"), endsOn: Self.d("2027-01-08"), scheme: .quarter, year: year, others: others).isEmpty)
    }

    @Test func overlappingPeriodsAreRefused() {
        let others = quarters.filter { $0.number != 2 }
        let problems = StructureRules.period(number: 2, startsOn: Self.d("2026-10-20"), endsOn: Self.d("2026-12-28"), scheme: .quarter, year: year, others: others)
        #expect(problems == ["starts_on": .overlapsPeriod("I четверть")])
        let late = StructureRules.period(number: 2, startsOn: Self.d("2026-11-02"), endsOn: Self.d("2027-01-20"), scheme: .quarter, year: year, others: others)
        #expect(late == ["starts_on": .overlapsPeriod("III четверть")])
    }

    @Test func periodsFollowTheirNumbers() {
        // Quarter 4 before quarter 3: out of order, though nothing overlaps.
        let problems = StructureRules.period(number: 4, startsOn: Self.d("2026-10-26"), endsOn: Self.d("2026-10-30"), scheme: .quarter, year: year, others: quarters)
        #expect(problems == ["starts_on": .periodOrder("II четверть")])
    }

    @Test func aPeriodLiesInsideTheYearWithANumberOfItsScheme() {
        let outside = StructureRules.period(number: 1, startsOn: Self.d("2026-08-25"), endsOn: Self.d("2027-09-01"), scheme: .half, year: year, others: [])
        #expect(outside == ["starts_on": .outsideYear(year), "ends_on": .outsideYear(year)])
        let backwards = StructureRules.period(number: 3, startsOn: Self.d("2027-02-01"), endsOn: Self.d("2027-01-01"), scheme: .half, year: year, others: [])
        #expect(backwards == ["number": .outOfRange(1...2), "ends_on": .endsBeforeStart])
        let taken = StructureRules.period(number: 1, startsOn: Self.d("2027-05-26"), endsOn: Self.d("2027-05-31"), scheme: .quarter, year: year, others: quarters)
        #expect(taken["number"] == .numberTaken(1))
    }

    @Test func holidaysAreForGradesInsideTheYear() {
        #expect(StructureRules.holiday(startsOn: Self.d("2027-02-15"), endsOn: Self.d("2027-02-21"), grades: (1, 1), year: year).isEmpty)
        #expect(StructureRules.holiday(startsOn: Self.d("2027-02-15"), endsOn: Self.d("2027-02-21"), grades: (5, 2), year: year) == ["max_grade": .gradeOrder])
        #expect(StructureRules.holiday(startsOn: Self.d("2027-02-15"), endsOn: Self.d("2027-02-14"), grades: (0, 12), year: year)
            == ["ends_on": .endsBeforeStart, "min_grade": .outOfRange(1...11), "max_grade": .outOfRange(1...11)])
        #expect(StructureRules.holiday(startsOn: Self.d("2026-08-31"), endsOn: Self.d("2026-09-01"), grades: (1, 11), year: year) == ["starts_on": .outsideYear(year)])
    }

    let bells = [Bell(number: 1, startsAt: t("08:30"), endsAt: t("09:15")), Bell(number: 2, startsAt: t("09:25"), endsAt: t("10:10")),
                 Bell(number: 3, startsAt: t("10:30"), endsAt: t("11:15"))]

    @Test func bellsDoNotOverlapAndFollowTheirNumbers() {
        #expect(StructureRules.bell(Bell(number: 4, startsAt: Self.t("11:25"), endsAt: Self.t("12:10")), others: bells).isEmpty)
        #expect(StructureRules.bell(Bell(number: 0, startsAt: Self.t("07:40"), endsAt: Self.t("08:25")), others: bells).isEmpty)
        // A bell may end when the next starts (a lesson straight after another).
        #expect(StructureRules.bell(Bell(number: 4, startsAt: Self.t("11:15"), endsAt: Self.t("12:00")), others: bells).isEmpty)
        #expect(StructureRules.bell(Bell(number: 4, startsAt: Self.t("11:00"), endsAt: Self.t("11:45")), others: bells) == ["starts_at": .overlapsBell(3)])
        #expect(StructureRules.bell(Bell(number: 4, startsAt: Self.t("08:00"), endsAt: Self.t("08:20")), others: bells) == ["starts_at": .bellOrder(1)])
        #expect(StructureRules.bell(Bell(number: 2, startsAt: Self.t("12:00"), endsAt: Self.t("12:45")), others: bells)["number"] == .numberTaken(2))
        #expect(StructureRules.bell(Bell(number: 13, startsAt: Self.t("09:15"), endsAt: Self.t("09:15")), others: [])
            == ["number": .outOfRange(0...12), "ends_at": .endsBeforeStart])
    }

    @Test func valuesAsPeopleTypeThem() {
        #expect(StructureRules.date("2026-11-02") == .success(Self.d("2026-11-02")))
        #expect(StructureRules.date(" 02.11.2026 ") == .success(Self.d("2026-11-02")))
        #expect(StructureRules.date("2 ноября") == .failure(.notADate))
        #expect(StructureRules.date("") == .failure(.required))
        #expect(StructureRules.time("8.30") == .success(Self.t("08:30")))
        #expect(StructureRules.time("25:00") == .failure(.notATime))
        #expect(StructureRules.hours("1,5") == .success(1.5))
        #expect(StructureRules.hours("") == .success(0))
        #expect(StructureRules.hours("0.3") == .failure(.hours))
        #expect(StructureRules.hours("41") == .failure(.hours))
        #expect(StructureRules.number("x", in: 1...4) == .failure(.notANumber))
        #expect(StructureRules.name("  Каб. 12 ", max: 40) == .success("Каб. 12"))
        #expect(StructureRules.name(String(repeating: "я", count: 41), max: 40) == .failure(.tooLong(max: 40)))
    }

    @Test func aSubjectWithoutMarksTakesNone() {
        #expect(SubjectScale(rawValue: "none") == .unmarked && !SubjectScale.unmarked.takesMarks)
        #expect(SubjectScale(rawValue: "passfail") == .passFail && SubjectScale.marks.takesMarks)
    }
}
