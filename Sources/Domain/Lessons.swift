/// A class of one school year («5А» of 2026/27).
public struct SchoolClass: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let yearID: Int
    public let grade: Int

    public init(id: Int, name: String, yearID: Int, grade: Int) {
        self.id = id
        self.name = name
        self.yearID = yearID
        self.grade = grade
    }
}

/// A lesson of the journal: a class's (or group's) subject at one bell of one day, with
/// what was written for it and who taught it.
public struct Lesson: Sendable, Equatable {
    public let id: Int
    public let yearID: Int
    public let date: CivilDate
    public let bell: Int
    public let startsAt: TimeOfDay?
    public let endsAt: TimeOfDay?
    public let classID: Int
    public let className: String
    public let marksEnabled: Bool
    public let groupID: Int?
    public let groupName: String?
    public let subjectID: Int
    public let subjectName: String
    public let teacherID: Int
    public let teacherName: String
    /// Who taught it in place of the timetabled teacher.
    public let actualTeacherID: Int?
    public let actualTeacherName: String?
    public let cancelled: Bool
    public let changeNote: String
    public let topic: String
    public let planTopicID: Int?
    public let homework: String
    /// The class's reporting period the lesson falls in.
    public let period: Period?

    public var timing: LessonTiming { LessonTiming(date: date, startsAt: startsAt, cancelled: cancelled) }
    public var resource: Resource { .lesson(classID: classID, subjectID: subjectID, groupID: groupID, substitute: actualTeacherID) }

    public init(id: Int, yearID: Int, date: CivilDate, bell: Int, startsAt: TimeOfDay?, endsAt: TimeOfDay?, classID: Int,
                className: String, marksEnabled: Bool, groupID: Int?, groupName: String?, subjectID: Int, subjectName: String,
                teacherID: Int, teacherName: String, actualTeacherID: Int?, actualTeacherName: String?, cancelled: Bool,
                changeNote: String, topic: String, planTopicID: Int?, homework: String, period: Period?) {
        self.id = id
        self.yearID = yearID
        self.date = date
        self.bell = bell
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.classID = classID
        self.className = className
        self.marksEnabled = marksEnabled
        self.groupID = groupID
        self.groupName = groupName
        self.subjectID = subjectID
        self.subjectName = subjectName
        self.teacherID = teacherID
        self.teacherName = teacherName
        self.actualTeacherID = actualTeacherID
        self.actualTeacherName = actualTeacherName
        self.cancelled = cancelled
        self.changeNote = changeNote
        self.topic = topic
        self.planTopicID = planTopicID
        self.homework = homework
        self.period = period
    }
}

/// A mark in a lesson's column, with its work type and weight.
public struct Mark: Sendable, Equatable {
    public let id: Int
    public let lessonID: Int
    public let studentID: Int
    /// 1–5, or a pass or fail on a pass/fail subject.
    public let value: MarkValue
    public let workTypeID: Int
    public let workType: String
    public let weight: Double
    public let transferred: Bool

    public init(id: Int, lessonID: Int, studentID: Int, value: MarkValue, workTypeID: Int, workType: String, weight: Double, transferred: Bool) {
        self.id = id
        self.lessonID = lessonID
        self.studentID = studentID
        self.value = value
        self.workTypeID = workTypeID
        self.workType = workType
        self.weight = weight
        self.transferred = transferred
    }

    /// The mark as an average counts it; nil for a pass or fail, which never averages.
    public var weighted: WeightedMark? { value.number.map { WeightedMark(value: $0, weight: weight) } }
}

/// A student's absence from a lesson (Н, Б, У, О).
public struct Absence: Sendable, Equatable {
    public let lessonID: Int
    public let studentID: Int
    public let code: AbsenceCode

    public init(lessonID: Int, studentID: Int, code: AbsenceCode) {
        self.lessonID = lessonID
        self.studentID = studentID
        self.code = code
    }
}

/// A work type of the school's list with its weight.
public struct WorkType: Sendable, Equatable {
    /// The code new marks are given with unless another is chosen: «У», an answer in class.
    public static let defaultCode = "У"

    public let id: Int
    public let code: String
    public let name: String
    public let weight: Double
    public let active: Bool

    public init(id: Int, code: String, name: String, weight: Double, active: Bool) {
        self.id = id
        self.code = code
        self.name = name
        self.weight = weight
        self.active = active
    }
}

/// An entered period, year, exam or final mark.
public struct PeriodMark: Sendable, Equatable {
    public let id: Int
    public let studentID: Int
    public let kind: PeriodMarkKind
    /// The period of a period mark; nil for the year's.
    public let periodID: Int?
    public let value: MarkValue

    public init(id: Int, studentID: Int, kind: PeriodMarkKind = .period, periodID: Int?, value: MarkValue) {
        self.id = id
        self.studentID = studentID
        self.kind = kind
        self.periodID = periodID
        self.value = value
    }
}
