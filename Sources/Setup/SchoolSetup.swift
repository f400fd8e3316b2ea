import Domain
import Storage

/// `tabel setup init`: the school, its academic year with the default Russian calendar,
/// bell schedules, subjects of the basic curriculum, work types and classes. Everything it
/// writes is ordinary data the school edits later. Running it again updates the school's
/// name and adds what is missing; it never removes anything.
public enum SchoolSetup {
    public struct Options: Sendable {
        public var school: School
        public var startYear: Int
        public var classes: [ClassName]

        public init(school: School, startYear: Int, classes: [ClassName]) {
            self.school = school
            self.startYear = startYear
            self.classes = classes
        }
    }

    public static func initialize(_ database: Database, _ options: Options, now: Int) throws -> [String] {
        try database.write { c in
            var done: [String] = []
            try c.saveSchool(options.school)
            done.append("школа: \(options.school.name)")
            let calendar = SchoolCalendar(startYear: options.startYear)
            let yearID: Int
            if let year = try c.academicYear(containing: calendar.yearStart) {
                yearID = year.id
            } else {
                yearID = try c.insertAcademicYear(name: AcademicYear.name(startYear: options.startYear), startsOn: calendar.yearStart, endsOn: calendar.yearEnd)
                for (i, q) in calendar.quarters.enumerated() { _ = try c.insertPeriod(year: yearID, scheme: .quarter, number: i + 1, startsOn: q.0, endsOn: q.1) }
                for (i, h) in calendar.halves.enumerated() { _ = try c.insertPeriod(year: yearID, scheme: .half, number: i + 1, startsOn: h.0, endsOn: h.1) }
                for h in calendar.holidays { try c.insertHoliday(year: yearID, name: h.name, startsOn: h.start, endsOn: h.end, grades: h.grades) }
                done.append("учебный год \(AcademicYear.name(startYear: options.startYear)): четверти, полугодия, каникулы и праздники")
            }
            if try c.mainBells().isEmpty {
                _ = try c.insertBellSchedule(name: "Основное", bells: Curriculum.mainBells)
                _ = try c.insertBellSchedule(name: "1 классы", bells: Curriculum.firstGradeBells)
                done.append("расписание звонков: 7 уроков по 45 минут с 8:30; для 1 классов — по 35 минут")
            }
            let subjects = Set(try c.subjectNames())
            let newSubjects = Curriculum.subjects.filter { !subjects.contains($0.name) }
            for s in newSubjects { _ = try c.insertSubject(name: s.name, shortName: s.shortName) }
            if !newSubjects.isEmpty { done.append("предметов: \(newSubjects.count)") }
            if try c.workTypes(includingInactive: true).isEmpty {
                for (i, w) in Curriculum.workTypes.enumerated() { _ = try c.insertWorkType(code: w.code, name: w.name, weight: w.weight, position: i) }
                done.append("виды работ с весами: " + Curriculum.workTypes.map { "\($0.code) \(Int($0.weight))" }.joined(separator: ", "))
            }
            let schedules = try c.bellScheduleIDs()
            var added: [String] = []
            for name in options.classes where try c.classID(name: name.description, year: yearID) == nil {
                _ = try c.insertClass(year: yearID, name: name, classTeacher: nil,
                                      bellSchedule: name.grade == 1 && schedules.count > 1 ? schedules[1] : schedules[0],
                                      scheme: PeriodScheme.standard(forGrade: name.grade), marksEnabled: name.grade > 1)
                added.append(name.description)
            }
            if !added.isEmpty { done.append("классы: \(added.joined(separator: ", "))") }
            try c.appendAudit(AuditEntry(at: now, via: .cli, action: .setupInit, entity: "school", newValue: done.joined(separator: "; ")))
            return done
        }
    }

    /// Parses `1А-1В, 2А, 5А-5Г` into class names.
    public static func parseClasses(_ text: String) throws -> [ClassName] {
        var result: [ClassName] = []
        for part in text.split(separator: ",").map({ String($0).trimmingWhitespace }) where !part.isEmpty {
            let ends = part.split(separator: "-").map { String($0).trimmingWhitespace }
            guard let first = ClassName(ends[0]) else { throw SetupError("«\(part)» — не класс (пример: 5А или 5А-5Г)") }
            guard ends.count == 2 else { result.append(first); continue }
            guard let last = ClassName(ends[1]), last.grade == first.grade,
                  let a = ClassName.letters.firstIndex(of: first.letter), let b = ClassName.letters.firstIndex(of: last.letter), a <= b
            else { throw SetupError("«\(part)» — диапазон классов одной параллели, например 5А-5Г") }
            result += ClassName.letters[a...b].compactMap { ClassName(grade: first.grade, letter: $0) }
        }
        return result
    }
}
