import Domain
import Storage

extension DemoBuilder {
    /// Earlier school years (`DemoOptions.years` − 1 of them): each with its calendar,
    /// periods and holidays, and the classes today's students were in then (a grade lower
    /// per year back; those not yet at school are left out), their lessons on the same weekly
    /// pattern, marks, absences, remarks and period marks. Enrolments of those years are closed,
    /// and so are the years themselves (read-only).
    ///
    /// - Important: a past lesson keeps this year's timetable pattern and groups: history is
    ///   there for the volume of data a school accumulates, not as an archive to browse.
    mutating func writeHistory() throws {
        guard options.years > 1 else { return }
        let current = (calendar: calendar, year: year, quarters: quarterIDs, halves: halfIDs, classes: classes)
        defer { (calendar, year, quarterIDs, halfIDs, classes) = current }
        for back in 1..<options.years {
            let past = SchoolCalendar(startYear: current.calendar.startYear - back)
            calendar = past
            year = try c.insertAcademicYear(name: AcademicYear.name(startYear: past.startYear), startsOn: past.yearStart, endsOn: past.yearEnd)
            quarterIDs = try past.quarters.enumerated().map { try c.insertPeriod(year: year, scheme: .quarter, number: $0.offset + 1, startsOn: $0.element.0, endsOn: $0.element.1) }
            halfIDs = try past.halves.enumerated().map { try c.insertPeriod(year: year, scheme: .half, number: $0.offset + 1, startsOn: $0.element.0, endsOn: $0.element.1) }
            for h in past.holidays {
                try c.insertHoliday(year: year, name: h.name, startsOn: h.start, endsOn: h.end, grades: h.grades)
            }
            classes = []
            for k in current.classes where k.name.grade > back {
                let name = ClassName(grade: k.name.grade - back, letter: k.name.letter)!
                let id = try c.insertClass(year: year, name: name, classTeacher: k.classTeacher,
                                           bellSchedule: name.grade == 1 ? firstGradeBells : mainBells,
                                           scheme: PeriodScheme.standard(forGrade: name.grade), marksEnabled: name.grade > 1)
                for student in k.students {
                    try c.insertEnrolment(student: student, class: id, joinedOn: past.yearStart)
                    try c.closeEnrolment(student: student, class: id, on: past.yearEnd)
                }
                var then = k
                then.id = id
                then.name = name
                classes.append(then)
            }
            progress("Учебный год \(AcademicYear.name(startYear: past.startYear)): классов \(classes.count)")
            try writeJournal(through: past.yearEnd)
            // A past year is closed, as `tabel year new` leaves it: read-only.
            try c.closeAcademicYear(year, at: createdAt)
        }
    }
}
