import Domain
import Storage

/// The printed documents (DOMAIN.md, "Printed documents"): the paper copy of a class journal,
/// the summary sheet of final marks, a student's diary printout and blank pages for an outage.
/// The desk reads what each holds, asks the access policy, and writes one audit row per print
/// (who printed what); Printing draws the PDF.
public struct PrintDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// The paper copy of a class's journal for a period (`period`) or, without one, the year:
    /// the subjects the editor may read (a teacher their own; the class teacher and the
    /// administration all), or only `subject`'s; with `heldBy`, the lessons given by then (a copy
    /// made before the period ends leaves out the lessons still to come). - Throws: `notFound`,
    /// `forbidden` when the editor reads none.
    public func journal(classID: Int, period periodID: Int?, subject: Int? = nil, heldBy: CivilDate? = nil, by editor: Editor) throws -> JournalCopy {
        let copy = try database.read { c -> JournalCopy in
            let (heading, year) = try Self.heading(c, classID: classID)
            let periods = try c.periods(classID: classID)
            var period: Period?
            if let periodID {
                period = periods.first { $0.id == periodID }
                guard period != nil else { throw DeskError.notFound("Такого периода у класса нет.") }
            }
            let from = period?.startsOn ?? year.startsOn, to = min(period?.endsOn ?? year.endsOn, max(heldBy ?? year.endsOn, from))
            let listings = try Self.listings(c, classID: classID, year: year.id, editor: editor).filter { subject == nil || $0.subjectID == subject }
            if subject != nil, listings.isEmpty { throw DeskError.forbidden }
            let subjects = try listings.map { l in
                try Self.subject(c, l, from: from, to: to, columns: { students in
                    if let period {
                        let marks = try c.journalPeriodMarks(students: students, subject: l.subjectID, period: period.id)
                        return [MarkColumn(kind: .period, period: period, marks: Dictionary(marks.map { ($0.studentID, $0.value) }) { a, _ in a })]
                    }
                    return Self.columns(try c.finalMarks(students: students, subject: l.subjectID, year: year.id), periods: periods)
                })
            }
            return JournalCopy(heading: heading, period: period, from: from, to: to, subjects: subjects)
        }
        try audit(.printJournal, classID: classID, what: "\(copy.heading.className) \(copy.period?.name ?? copy.heading.yearName)", by: editor)
        return copy
    }

    /// Blank temporary-journal pages for an outage: the class list against the planned lesson
    /// dates of every subject the editor may read, nothing filled in.
    public func blank(classID: Int, from: CivilDate, to: CivilDate, by editor: Editor) throws -> JournalCopy {
        guard from <= to, to.dayNumber - from.dayNumber <= 366 else { throw DeskError.invalid("Даты: «с» не позже «по», не больше года.", field: "to") }
        let copy = try database.read { c -> JournalCopy in
            let (heading, year) = try Self.heading(c, classID: classID)
            let subjects = try Self.listings(c, classID: classID, year: year.id, editor: editor).map { l in
                let s = try Self.subject(c, l, from: from, to: to, columns: { _ in [] })
                return PrintedSubject(subject: s.subject, group: s.group, teacher: s.teacher, lessons: s.lessons.filter { !$0.cancelled },
                                      students: s.students, marks: [:], absences: [:], columns: [])
            }
            return JournalCopy(heading: heading, period: nil, from: from, to: to, subjects: subjects.filter { !$0.lessons.isEmpty })
        }
        try audit(.printBlank, classID: classID, what: "\(copy.heading.className) \(from.iso)–\(to.iso)", by: editor)
        return copy
    }

    /// Сводная ведомость of a class: every subject's period, year, exam and final marks
    /// (the class teacher's and the administration's).
    public func summary(classID: Int, by editor: Editor) throws -> SummarySheet {
        try editor.require(.viewJournal, .schoolClass(classID))
        let sheet = try database.read { c -> SummarySheet in
            let (heading, year) = try Self.heading(c, classID: classID)
            let periods = try c.periods(classID: classID)
            let students = try c.journalStudents(classID: classID, groupID: nil, from: year.startsOn, to: year.endsOn).map { (id: $0.id, name: $0.name) }
            var seen = Set<Int>()
            let subjects = try c.reportSubjects(classID: classID, from: year.startsOn, to: year.endsOn).filter { seen.insert($0.id).inserted }.map { s in
                SummarySheet.Subject(name: s.name, columns: Self.columns(try c.finalMarks(students: students.map(\.id), subject: s.id, year: year.id), periods: periods))
            }
            return SummarySheet(heading: heading, students: students, subjects: subjects)
        }
        try audit(.printSummary, classID: classID, what: "\(sheet.heading.className) \(sheet.heading.yearName)", by: editor)
        return sheet
    }

    /// A student's diary between two dates, for a family without electronic access (or any
    /// range a teacher picks): lessons, topics, homework, marks, averages, absences and lateness.
    public func diary(student: Int, from: CivilDate, to: CivilDate, utcOffsetMinutes: Int, by editor: Editor) throws -> DiaryPrintout {
        guard from <= to, to.dayNumber - from.dayNumber <= 366 else { throw DeskError.invalid("Даты: «с» не позже «по», не больше года.", field: "to") }
        let printout = try database.read { c -> DiaryPrintout in
            guard let s = try c.diaryStudent(student, on: to) ?? c.diaryStudent(student, on: from), let classID = s.classID else {
                throw DeskError.notFound("Такого обучающегося нет.")
            }
            try editor.require(.viewDiary, .student(id: student, classID: classID))
            let (heading, _) = try Self.heading(c, classID: classID)
            let lessons = try c.diaryLessons(student: student, classID: classID, from: from, to: to, utcOffsetMinutes: utcOffsetMinutes)
            let subjects = try c.subjectMarks(student: student, classID: classID, from: from, to: to, period: nil).map {
                (subject: $0.subject, marks: $0.marks.map(\.mark.value), average: weightedAverage($0.weighted))
            }
            return DiaryPrintout(heading: heading, student: s.name, from: from, to: to, lessons: lessons, subjects: subjects,
                                 absences: try c.absenceCounts(student: student, from: from, to: to))
        }
        try audit(.printDiary, classID: nil, student: student, what: "\(printout.student) \(from.iso)–\(to.iso)", by: editor)
        return printout
    }

    /// A year's classes by grade and letter: what a whole-school run prints.
    public func classes(year id: Int) throws -> [(id: Int, name: String)] {
        try database.read { try $0.classList(year: id) }
    }

    // MARK: Reading

    static func heading(_ c: Connection, classID: Int) throws -> (PrintHeading, AcademicYear) {
        guard let schoolClass = try c.schoolClass(classID), let year = try c.academicYear(id: schoolClass.yearID) else {
            throw DeskError.notFound("Нет такого класса.")
        }
        return (PrintHeading(school: try c.school()?.name ?? "", className: schoolClass.name, yearName: year.name,
                             classTeacher: try c.classTeacherName(classID: classID)), year)
    }

    /// The class's journals (subject, group, teacher) the editor may read. - Throws: `forbidden` for none.
    static func listings(_ c: Connection, classID: Int, year: Int, editor: Editor) throws -> [JournalListing] {
        let all = try c.journalListings(year: year).filter { $0.classID == classID }
        let mine = all.filter {
            AccessPolicy.permits(editor.actor, .viewJournal, .classSubject(classID: classID, subjectID: $0.subjectID, groupID: $0.groupID))
        }
        guard !mine.isEmpty || all.isEmpty && AccessPolicy.permits(editor.actor, .viewJournal, .schoolClass(classID)) else { throw DeskError.forbidden }
        return mine
    }

    static func subject(_ c: Connection, _ l: JournalListing, from: CivilDate, to: CivilDate,
                        columns: ([Int]) throws -> [MarkColumn]) throws -> PrintedSubject {
        let lessons = try c.journalLessons(classID: l.classID, subjectID: l.subjectID, groupID: l.groupID, from: from, to: to)
        let students = try c.journalStudents(classID: l.classID, groupID: l.groupID, from: from, to: to)
        let ids = lessons.map(\.id)
        var marks: [Int: [Int: [MarkValue]]] = [:]
        for m in try c.journalMarks(lessons: ids) { marks[m.studentID, default: [:]][m.lessonID, default: []].append(m.value) }
        var absences: [Int: [Int: AbsenceCode]] = [:]
        for a in try c.journalAbsences(lessons: ids) { absences[a.studentID, default: [:]][a.lessonID] = a.code }
        return PrintedSubject(
            subject: l.subjectName, group: l.groupName, teacher: l.teacherName,
            lessons: lessons.map { PrintedSubject.Lesson(id: $0.id, date: $0.date, topic: $0.topic, homework: $0.homework, cancelled: $0.cancelled) },
            students: students.map { (id: $0.id, name: $0.name) }, marks: marks, absences: absences, columns: try columns(students.map(\.id)))
    }

    /// A year's marks as columns: each period's, then the year's, the exam's (when any) and the final.
    static func columns(_ marks: [PeriodMark], periods: [Period]) -> [MarkColumn] {
        func column(_ kind: PeriodMarkKind, _ period: Period?) -> MarkColumn {
            MarkColumn(kind: kind, period: period, marks: Dictionary(marks.filter { $0.kind == kind && (period == nil || $0.periodID == period!.id) }
                .map { ($0.studentID, $0.value) }) { _, b in b })
        }
        let exam = column(.exam, nil)
        return periods.map { column(.period, $0) } + [column(.year, nil)] + (exam.marks.isEmpty ? [] : [exam]) + [column(.final, nil)]
    }

    // MARK: Audit

    func audit(_ action: AuditAction, classID: Int?, student: Int? = nil, what: String, by editor: Editor) throws {
        try database.write { try $0.appendAudit(editor.entry(action, entity: student == nil ? "class" : "person", id: student ?? classID, new: what,
                                                             student: student, schoolClass: classID)) }
    }
}
