import Domain
import Testing

@Suite struct CivilDateTests {
    @Test func parsesISOAndRejectsImpossibleDates() {
        #expect(CivilDate(iso: "2026-11-22") == CivilDate(year: 2026, month: 11, day: 22))
        #expect(CivilDate(iso: "2027-02-29") == nil)
        #expect(CivilDate(iso: "2028-02-29") != nil)
        #expect(CivilDate(iso: "2026-4-01") == nil)
        #expect(CivilDate(iso: "2026-04-31") == nil)
        #expect(CivilDate(iso: "２０２６-01-01") == nil)
    }

    @Test func parsesRussianDates() {
        #expect(CivilDate(russian: "01.09.2026") == CivilDate(year: 2026, month: 9, day: 1))
        #expect(CivilDate(russian: "1.9.2026") == CivilDate(year: 2026, month: 9, day: 1))
        #expect(CivilDate(russian: "31.02.2026") == nil)
        #expect(CivilDate(russian: "2026.09.01") == nil)
    }

    @Test func dayNumbersRoundTripAcrossCenturies() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.dayNumber == 11017)
    }

    @Test func weekdaysAreISO() {
        #expect(CivilDate(iso: "2026-11-22")!.weekday == 7)  // Sunday
        #expect(CivilDate(iso: "2026-11-23")!.weekday == 1)  // Monday
        #expect(CivilDate(iso: "2026-11-22")!.startOfWeek == CivilDate(iso: "2026-11-16"))
    }

    @Test func formatsForPeople() {
        let d = CivilDate(iso: "2026-09-01")!
        #expect(d.russian == "01.09.2026")
        #expect(RussianCalendar.long(d) == "1 сентября 2026 г.")
        #expect(d.adding(days: 30).iso == "2026-10-01")
        #expect(d.shortRussian == "01.09")
        let far = CivilDate(year: 987, month: 12, day: 31)!
        #expect(far.iso == "0987-12-31" && far.russian == "31.12.0987" && far.shortRussian == "31.12")
        #expect(CivilDate(iso: far.iso) == far)
    }
}

@Suite struct TimeTests {
    @Test func timeOfDay() {
        #expect(TimeOfDay("8:30")?.description == "08:30")
        #expect(TimeOfDay("24:00") == nil)
        #expect(TimeOfDay("08:3") == nil)
    }

    @Test func schoolDateTimeRoundTrip() {
        let m = SchoolDateTime(iso: "2026-11-23T09:15")!
        #expect(m.date.iso == "2026-11-23" && m.time.description == "09:15")
        let unix = m.unixSeconds(offsetMinutes: 180)
        #expect(SchoolDateTime(unixSeconds: unix, offsetMinutes: 180) == m)
        #expect(SchoolDateTime(unixSeconds: unix, offsetMinutes: 0).time.description == "06:15")
        #expect(SchoolDateTime(iso: "2026-11-23 09:15") == m)
        #expect(SchoolDateTime(iso: "2026-11-23") == nil)
    }

    @Test func clockStartsAtTheGivenMoment() {
        let moment = SchoolDateTime(iso: "2027-03-02T10:00")!
        let clock = SchoolClock.starting(at: moment, utcOffsetMinutes: 180)
        let now = clock.now()
        #expect(now.date == moment.date)
        #expect(abs(now.time.minutes - moment.time.minutes) <= 1)
    }
}

@Suite struct GlossaryTests {
    @Test func classNames() {
        #expect(ClassName("5А")?.description == "5А")
        #expect(ClassName("11 б")?.description == "11Б")
        #expect(ClassName("5-в")?.grade == 5)
        #expect(ClassName("12А") == nil)
        #expect(ClassName("5A") == nil)  // a Latin A is not a class letter
        #expect(ClassName("5АБ") == nil)
    }

    @Test func periodSchemeByGrade() {
        #expect(PeriodScheme.standard(forGrade: 9) == .quarter)
        #expect(PeriodScheme.standard(forGrade: 10) == .half)
        #expect(PeriodScheme.quarter.russianName(number: 2) == "II четверть")
    }

    @Test func absenceCodesAreTheJournalLetters() {
        #expect(AbsenceCode.allCases.map(\.rawValue) == ["Н", "Б", "У", "О"])
    }
}

@Suite struct AverageTests {
    @Test func weightedAverageUsesWorkTypeWeights() {
        let marks = [WeightedMark(value: 5, weight: 5), WeightedMark(value: 3, weight: 2), WeightedMark(value: 4, weight: 1)]
        let expected: Double = 35.0 / 8
        #expect(weightedAverage(marks) == expected)
        #expect(weightedAverage([]) == nil)
    }

    @Test func roundingRuleThresholds() {
        let r = RoundingRule.standard
        #expect(r.periodMark(for: 4.5) == 5)
        #expect(r.periodMark(for: 4.49) == 4)
        #expect(r.periodMark(for: 3.5) == 4)
        #expect(r.periodMark(for: 2.5) == 3)
        #expect(r.periodMark(for: 2.49) == 2)
        // 3.5 computed in floating point as 3.4999999 still earns a 4.
        #expect(r.periodMark(for: 3.4999999999) == 4)
        let strict = RoundingRule(threshold3: 2.6, threshold4: 3.6, threshold5: 4.6)
        #expect(strict.periodMark(for: 4.55) == 4)
    }
}

@Suite struct ForecastTests {
    @Test func forecastSaysWhatTheMarksGiveAndWhatIsNeeded() throws {
        let marks = [WeightedMark(value: 4, weight: 2), WeightedMark(value: 3, weight: 5), WeightedMark(value: 5, weight: 2)]
        let f = try #require(Forecast(marks: marks))
        #expect(f.mark == 4 - 1 + (f.average >= 3.5 ? 1 : 0))
        #expect(f.nextMark == f.mark + 1)
        // Adding the needed fives of weight 2 reaches the next mark; one fewer does not.
        let n = try #require(f.fivesNeeded)
        let more = marks + Array(repeating: WeightedMark(value: 5, weight: 2), count: n)
        #expect(RoundingRule.standard.periodMark(for: weightedAverage(more)!) == f.nextMark)
        if n > 1 {
            let fewer = marks + Array(repeating: WeightedMark(value: 5, weight: 2), count: n - 1)
            #expect(RoundingRule.standard.periodMark(for: weightedAverage(fewer)!) == f.mark)
        }
        #expect(Forecast(marks: []) == nil)
        #expect(Forecast(marks: [WeightedMark(value: 5, weight: 1)])?.nextMark == nil)
    }
}

@Suite struct PeopleSearchTests {
    @Test func namesAreFoundInAnyOrderWithYoAsYe() {
        let sofia = PersonCard(lastName: "Зайцева", firstName: "Софья", middleName: "Фёдоровна")
        #expect(NameQuery("Софья Зайцева").matches(sofia))
        #expect(NameQuery("  зайцева,  софья ").matches(sofia))
        #expect(NameQuery("федоровна").matches(sofia))
        #expect(NameQuery("ФЁДОРОВНА зай").matches(sofia))
        #expect(!NameQuery("Софья Зайцев Иван").matches(sofia))
        #expect(NameQuery("zaitseva.sf").matches(sofia, login: "zaitseva.sf"))
        #expect(NameQuery("").isEmpty)
    }

    @Test func guardiansContactsOnlyWithConsent() {
        let with = Guardian(id: 1, studentID: 2, lastName: "Белова", firstName: "Наталья", middleName: "", relation: "мать",
                            phone: "+7 900", email: "", consented: true)
        let without = Guardian(id: 1, studentID: 2, lastName: "Белова", firstName: "Наталья", middleName: "", relation: "мать",
                               phone: "+7 900", email: "b@example.org", consented: false)
        #expect(with.contacts?.phone == "+7 900")
        #expect(without.contacts == nil)
    }

    @Test func asciiFileNames() {
        #expect(Transliteration.fileName("слипы-5А-ученики.pdf") == "slipy-5a-ucheniki.pdf")
        #expect(Transliteration.fileName("слип-Ёлкина-Алёна.pdf") == "slip-elkina-alena.pdf")
    }
}

@Suite struct MarkValueTests {
    @Test func typedAndCanonicalValues() {
        #expect(MarkValue(text: "5") == .mark(5) && MarkValue(text: "зачёт") == .passed && MarkValue(text: "незачет") == .failed)
        #expect(MarkValue(text: "н/а") == .notAssessed && MarkValue(text: "осв") == .exempt && MarkValue(text: "6") == nil)
        #expect(MarkValue.typed("з") == .passed && MarkValue.typed("+") == .passed && MarkValue.typed("p") == .passed)
        #expect(MarkValue.typed("н") == .failed && MarkValue.typed("незач") == .failed && MarkValue.typed("-") == .failed)
        #expect(MarkValue.passed.fitsLesson(.passFail) && !MarkValue.mark(5).fitsLesson(.passFail) && !MarkValue.passed.fitsLesson(.marks))
        #expect(!MarkValue.exempt.fitsLesson(.marks) && MarkValue.exempt.fitsFinal(.marks) && MarkValue.notAssessed.fitsFinal(.passFail))
        for v in [MarkValue.mark(3), .passed, .failed, .notAssessed, .exempt] {
            #expect(MarkValue(value: v.stored.value, passed: v.stored.passed, special: v.stored.special) == v)
        }
    }

    @Test func aPassOrFailNeverAverages() {
        let passes = [SubjectMark(date: CivilDate(iso: "2026-11-02")!, mark: DiaryMark(id: 1, value: .passed, workType: "У", workTypeName: "Ответ", weight: 1)),
                      SubjectMark(date: CivilDate(iso: "2026-11-03")!, mark: DiaryMark(id: 2, value: .failed, workType: "КР", workTypeName: "Контрольная", weight: 5))]
        let s = SubjectMarks(subjectID: 1, subject: "ОРКСЭ", marks: passes, periodMark: .passed)
        #expect(s.weighted.isEmpty && s.forecast(.standard) == nil && s.passFailOnly)
        let mixed = SubjectMarks(subjectID: 1, subject: "Математика", marks: passes + [SubjectMark(date: CivilDate(iso: "2026-11-04")!,
                                 mark: DiaryMark(id: 3, value: 4, workType: "У", workTypeName: "Ответ", weight: 1))], periodMark: nil)
        #expect(mixed.weighted == [WeightedMark(value: 4, weight: 1)] && mixed.forecast(.standard)?.average == 4)
        let m = Mark(id: 1, lessonID: 1, studentID: 1, value: .passed, workTypeID: 1, workType: "У", weight: 1, transferred: false)
        #expect(m.weighted == nil)
    }

    @Test func theFinalMarkFollowsTheYearAndExamMarks() {
        #expect(FinalMarkRule.suggest(year: 4, exam: nil) == 4)
        #expect(FinalMarkRule.suggest(year: 4, exam: 3) == 4 && FinalMarkRule.suggest(year: 3, exam: 5) == 4 && FinalMarkRule.suggest(year: 5, exam: 4) == 5)
        #expect(FinalMarkRule.suggest(year: 2, exam: 3) == 3 && FinalMarkRule.suggest(year: 3, exam: 3) == 3)
        #expect(FinalMarkRule.suggest(year: .passed, exam: .failed) == .failed && FinalMarkRule.suggest(year: .passed, exam: .passed) == .passed)
        #expect(FinalMarkRule.suggest(year: 4, exam: .exempt) == 4 && FinalMarkRule.suggest(year: .notAssessed, exam: 5) == .notAssessed)
        #expect(FinalMarkRule.suggest(year: nil, exam: 5) == nil)
    }

    @Test func examColumnsAreForGradesNineAndElevenOrWhereAnExamMarkIs() {
        for grade in 1...11 {
            let kinds = PeriodMarkKind.yearKinds(grade: grade, anyExamMark: false)
            #expect(kinds == (grade == 9 || grade == 11 ? [.year, .exam, .final] : [.year, .final]), "grade \(grade)")
            #expect(PeriodMarkKind.yearKinds(grade: grade, anyExamMark: true) == [.year, .exam, .final], "grade \(grade)")
        }
    }
}
