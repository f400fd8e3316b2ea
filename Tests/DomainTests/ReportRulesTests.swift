import Domain
import Testing

/// The progress report's figures: the journal's weighted average and rounding, quality and
/// success over the students with marks, absences summed by reason.
@Suite struct ReportRulesTests {
    static func marks(_ student: Int, _ subject: Int, _ values: [(Int, Double)]) -> [ReportMark] {
        values.map { ReportMark(studentID: student, subjectID: subject, mark: WeightedMark(value: $0.0, weight: $0.1)) }
    }

    @Test func qualityAndSuccessCountStudentsWithMarks() {
        let students = [(id: 1, name: "А"), (id: 2, name: "Б"), (id: 3, name: "В"), (id: 4, name: "Г")]
        // 1: (5·2 + 4)/3 = 4.67 → 5; 2: 3.5 → 4; 3: (2 + 3·1)/2 = 2.5 → 3; 4: 2 → 2. Subject 2: nobody.
        let all = Self.marks(1, 1, [(5, 2), (4, 1)]) + Self.marks(2, 1, [(3, 1), (4, 1)]) + Self.marks(3, 1, [(2, 1), (3, 1)]) + Self.marks(4, 1, [(2, 1)])
        let f = ProgressFigures(subjects: [(id: 1, name: "Математика"), (id: 2, name: "Музыка")], students: students, marks: all, absences: [], rule: .standard)
        let maths = f.subjects[0]
        #expect(maths.students == 4 && maths.rated == 4)
        #expect(maths.counts == [1, 1, 1, 1])
        #expect(maths.quality == 50 && maths.success == 75)
        #expect(maths.average == ((4.666_666 + 3.5 + 2.5 + 2) / 4 * 100).rounded() / 100)
        #expect(f.students[0].averages == [1: 4.67])
        let music = f.subjects[1]
        #expect(music.rated == 0 && music.quality == nil && music.success == nil && music.average == nil)
        // A stricter rounding rule (2.6/3.6/4.6) turns 3.5 into a 3 and 2.5 into a 2.
        let strict = ProgressFigures(subjects: [(id: 1, name: "Математика")], students: students, marks: all, absences: [],
                                     rule: RoundingRule(setting: "2.6/3.6/4.6"))
        #expect(strict.subjects[0].counts == [1, 0, 1, 2] && strict.subjects[0].quality == 25 && strict.subjects[0].success == 50)
    }

    @Test func percentagesHaveOneDecimal() {
        #expect(ProgressFigures.percent(2, of: 3) == 66.7)
        #expect(ProgressFigures.percent(0, of: 0) == nil)
        #expect(ProgressFigures.percent(3, of: 3) == 100)
    }

    @Test func absencesAddUpByReason() {
        let f = ProgressFigures(subjects: [], students: [(id: 1, name: "А")], marks: [], absences: [
            ReportAbsence(studentID: 1, code: .ill, lessons: 3, minutes: 135),
            ReportAbsence(studentID: 1, code: .unexcused, lessons: 1, minutes: 45),
            ReportAbsence(studentID: 1, code: .late, lessons: 2, minutes: 90),
        ], rule: .standard)
        #expect(f.students[0].absences[.ill] == Missed(lessons: 3, minutes: 135))
        #expect(f.students[0].absences[.late] == Missed(lessons: 2, minutes: 90))
        // Being late misses no lesson.
        #expect(f.students[0].missed == Missed(lessons: 4, minutes: 180))
        #expect(f.students[0].missed.hours == 3 && Missed(lessons: 1, minutes: 45).hours == 0.8)
    }

    @Test func aPeriodsReportIsPreliminaryUntilItEnds() {
        let end = CivilDate(iso: "2026-12-27")!
        #expect(ReportTiming(endsOn: end, today: CivilDate(iso: "2026-12-27")!).isPreliminary)
        #expect(!ReportTiming(endsOn: end, today: CivilDate(iso: "2026-12-28")!).isPreliminary)
        #expect(ReportTiming(endsOn: end, today: end).preliminaryDue == CivilDate(iso: "2026-12-13")!)
        #expect(ReportTiming(endsOn: end, today: end).forecastDue == CivilDate(iso: "2026-12-17")!)
    }
}

extension ReportRulesTests {
    @Test func fillingPercentagesAreOfStudentsAndOfLessonsHeld() {
        let row = FillingRow(teacherID: 1, teacher: "Т", classID: 1, className: "5А", subjectID: 1, subject: "М", groupID: nil, group: nil,
                             students: 6, noMarks: 2, oneMark: 1, lessons: 8, withTopic: 7, withHomework: 4)
        #expect(row.noMarksPercent == 33.3 && row.oneMarkPercent == 16.7 && row.topicPercent == 87.5 && row.homeworkPercent == 50)
        let empty = FillingRow(teacherID: 1, teacher: "Т", classID: 1, className: "5А", subjectID: 1, subject: "М", groupID: nil, group: nil,
                               students: 0, noMarks: 0, oneMark: 0, lessons: 0, withTopic: 0, withHomework: 0)
        #expect(empty.noMarksPercent == nil && empty.topicPercent == nil)
        // Grade 1 without marks: no mark shares, the lessons' still.
        let unmarked = FillingRow(teacherID: 1, teacher: "Т", classID: 1, className: "1А", subjectID: 1, subject: "М", groupID: nil, group: nil,
                                  marksEnabled: false, students: 6, noMarks: 6, oneMark: 0, lessons: 8, withTopic: 8, withHomework: 0)
        #expect(unmarked.noMarksPercent == nil && unmarked.oneMarkPercent == nil && unmarked.topicPercent == 100)
    }

    /// The filling chart's bars: a teacher's classes summed; a class without marks adds lessons, not students.
    @Test func fillingPerTeacherSumsTheirClassesInOrder() {
        let a = FillingRow(teacherID: 2, teacher: "Б", classID: 1, className: "5А", subjectID: 1, subject: "М", groupID: nil, group: nil,
                           students: 6, noMarks: 2, oneMark: 1, lessons: 8, withTopic: 7, withHomework: 4)
        let b = FillingRow(teacherID: 2, teacher: "Б", classID: 2, className: "1А", subjectID: 1, subject: "М", groupID: nil, group: nil,
                           marksEnabled: false, students: 5, noMarks: 5, oneMark: 0, lessons: 2, withTopic: 1, withHomework: 0)
        let c = FillingRow(teacherID: 1, teacher: "А", classID: 1, className: "5А", subjectID: 2, subject: "Р", groupID: nil, group: nil,
                           students: 4, noMarks: 0, oneMark: 0, lessons: 4, withTopic: 4, withHomework: 4)
        let sums = FillingRow.perTeacher([a, b, c])
        #expect(sums.map(\.teacherID) == [2, 1])
        #expect(sums[0].lessons == 10 && sums[0].withTopic == 8 && sums[0].withHomework == 4)
        #expect(sums[0].students == 6 && sums[0].noMarks == 2 && sums[0].topicPercent == 80)
        #expect(sums[1].homeworkPercent == 100 && sums[1].noMarksPercent == 0)
    }
}


extension ReportRulesTests {
    @Test func activityByRoleCountsAnAccountOfTwoRolesInEach() {
        let week = CivilDate(iso: "2026-11-23")!
        let rows = [
            ActivityRow(week: week, accountID: 1, person: "А", login: "a", roles: [.deputy, .teacher], signIns: 2, changes: 5),
            ActivityRow(week: week.adding(days: 7), accountID: 1, person: "А", login: "a", roles: [.deputy, .teacher], signIns: 1, changes: 0),
            ActivityRow(week: week, accountID: 2, person: "Б", login: "b", roles: [.teacher], signIns: 1, changes: 1),
        ]
        let byRole = ActivityRow.byRole(rows)
        #expect(byRole.map(\.role) == [.deputy, .teacher])
        #expect(byRole[0].accounts == 1 && byRole[0].signIns == 3 && byRole[0].changes == 5)
        #expect(byRole[1].accounts == 2 && byRole[1].signIns == 4 && byRole[1].changes == 6)
    }
}

extension ReportRulesTests {
    @Test func markDeadlinesByWorkTypeAndGrade() {
        let d = MarkDeadlines.school
        #expect(d.days(workType: "У", grade: 5) == 1 && d.days(workType: "У", grade: 11) == 1)
        #expect(d.days(workType: "КР", grade: 9) == 5 && d.days(workType: "КР", grade: 10) == 7 && d.days(workType: "ЛР", grade: 2) == 5)
    }
}
