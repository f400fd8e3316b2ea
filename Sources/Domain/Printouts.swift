/// What the printed documents hold (DOMAIN.md, "Printed documents", "Families without
/// electronic access"): assembled by the print desk, drawn by Printing.

/// The heading every printed document starts from: the school, the class, the year.
public struct PrintHeading: Sendable, Equatable {
    public let school: String
    public let className: String
    /// «2026/2027».
    public let yearName: String
    /// The class teacher's full name; nil when the class has none.
    public let classTeacher: String?

    public init(school: String, className: String, yearName: String, classTeacher: String?) {
        self.school = school
        self.className = className
        self.yearName = yearName
        self.classTeacher = classTeacher
    }
}

/// A column of period, year, exam or final marks in a printed table.
public struct MarkColumn: Sendable, Equatable {
    public let kind: PeriodMarkKind
    /// The period of a period mark's column.
    public let period: Period?
    /// Student → the mark.
    public let marks: [Int: MarkValue]

    public init(kind: PeriodMarkKind, period: Period?, marks: [Int: MarkValue]) {
        self.kind = kind
        self.period = period
        self.marks = marks
    }
}

/// One subject (or group) of a class over a range, as paper shows it: lessons × students.
public struct PrintedSubject: Sendable {
    public struct Lesson: Sendable, Equatable {
        public let id: Int
        public let date: CivilDate
        public let topic: String
        public let homework: String
        public let cancelled: Bool

        public init(id: Int, date: CivilDate, topic: String, homework: String, cancelled: Bool) {
            self.id = id
            self.date = date
            self.topic = topic
            self.homework = homework
            self.cancelled = cancelled
        }
    }

    public let subject: String
    public let group: String?
    /// The timetabled teacher's full name.
    public let teacher: String
    public let lessons: [Lesson]
    public let students: [(id: Int, name: String)]
    /// Student → lesson → marks, in the order given.
    public let marks: [Int: [Int: [MarkValue]]]
    /// Student → lesson → absence.
    public let absences: [Int: [Int: AbsenceCode]]
    public let columns: [MarkColumn]

    public init(subject: String, group: String?, teacher: String, lessons: [Lesson], students: [(id: Int, name: String)],
                marks: [Int: [Int: [MarkValue]]], absences: [Int: [Int: AbsenceCode]], columns: [MarkColumn]) {
        self.subject = subject
        self.group = group
        self.teacher = teacher
        self.lessons = lessons
        self.students = students
        self.marks = marks
        self.absences = absences
        self.columns = columns
    }

}

/// The paper copy of a class journal for a period or the year.
public struct JournalCopy: Sendable {
    public let heading: PrintHeading
    /// The period copied; nil for the whole year.
    public let period: Period?
    public let from: CivilDate
    public let to: CivilDate
    public let subjects: [PrintedSubject]

    public init(heading: PrintHeading, period: Period?, from: CivilDate, to: CivilDate, subjects: [PrintedSubject]) {
        self.heading = heading
        self.period = period
        self.from = from
        self.to = to
        self.subjects = subjects
    }
}

/// Сводная ведомость: a class's period, year, exam and final marks in every subject.
public struct SummarySheet: Sendable {
    public struct Subject: Sendable, Equatable {
        public let name: String
        public let columns: [MarkColumn]

        public init(name: String, columns: [MarkColumn]) {
            self.name = name
            self.columns = columns
        }
    }

    public let heading: PrintHeading
    public let students: [String]
    public let studentIDs: [Int]
    public let subjects: [Subject]

    public init(heading: PrintHeading, students: [(id: Int, name: String)], subjects: [Subject]) {
        self.heading = heading
        self.students = students.map(\.name)
        self.studentIDs = students.map(\.id)
        self.subjects = subjects
    }
}

/// The printout of a student's diary for a family without electronic access.
public struct DiaryPrintout: Sendable {
    public let heading: PrintHeading
    public let student: String
    public let from: CivilDate
    public let to: CivilDate
    public let lessons: [DiaryLesson]
    /// Per subject: the marks of the range and their weighted average.
    public let subjects: [(subject: String, marks: [MarkValue], average: Double?)]
    public let absences: [AbsenceCode: Int]

    public init(heading: PrintHeading, student: String, from: CivilDate, to: CivilDate, lessons: [DiaryLesson],
                subjects: [(subject: String, marks: [MarkValue], average: Double?)], absences: [AbsenceCode: Int]) {
        self.heading = heading
        self.student = student
        self.from = from
        self.to = to
        self.lessons = lessons
        self.subjects = subjects
        self.absences = absences
    }

}
