/// A mark as the diary shows it.
public struct DiaryMark: Sendable, Equatable, Codable {
    public let id: Int
    public let value: MarkValue
    public let workType: String
    public let workTypeName: String
    public let weight: Double

    public init(id: Int, value: MarkValue, workType: String, workTypeName: String, weight: Double) {
        self.id = id
        self.value = value
        self.workType = workType
        self.workTypeName = workTypeName
        self.weight = weight
    }
}

/// A teacher's note to the diary.
public struct DiaryRemark: Sendable, Equatable, Codable {
    public let text: String
    public let praise: Bool
    public let author: String

    public init(text: String, praise: Bool, author: String) {
        self.text = text
        self.praise = praise
        self.author = author
    }
}

/// One lesson of a student's day.
public struct DiaryLesson: Sendable, Equatable {
    public let id: Int
    public let date: CivilDate
    public let bell: Int
    public let start: TimeOfDay
    public let end: TimeOfDay
    public let subject: String
    public let topic: String
    public let homework: String
    /// Homework set for this student alone.
    public let individualHomework: String?
    public let cancelled: Bool
    /// «Замена: …», «Урок отменён», or empty.
    public let changeNote: String
    public var marks: [DiaryMark] = []
    public var attendance: AbsenceCode?
    public var remarks: [DiaryRemark] = []
    /// The day the homework is due: the next lesson of the subject, or this lesson's own day
    /// when the homework was set before it (in advance).
    public var homeworkDue: CivilDate?
    /// The same for the student's individual homework.
    public var individualHomeworkDue: CivilDate?

    public init(id: Int, date: CivilDate, bell: Int, start: TimeOfDay, end: TimeOfDay, subject: String, topic: String,
                homework: String, individualHomework: String?, cancelled: Bool, changeNote: String) {
        self.id = id
        self.date = date
        self.bell = bell
        self.start = start
        self.end = end
        self.subject = subject
        self.topic = topic
        self.homework = homework
        self.individualHomework = individualHomework
        self.cancelled = cancelled
        self.changeNote = changeNote
    }

    public var changed: Bool { cancelled || !changeNote.isEmpty }
}

/// The student a diary is about.
public struct DiaryStudent: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let classID: Int?
    public let className: String
    public let firstName: String
    public let gender: PersonCard.Gender?
    /// The day the student left the class (not at school from then on); nil while on its list.
    public let leftOn: CivilDate?

    public init(id: Int, name: String, classID: Int?, className: String, firstName: String = "", gender: PersonCard.Gender? = nil,
                leftOn: CivilDate? = nil) {
        self.id = id
        self.name = name
        self.classID = classID
        self.className = className
        self.firstName = firstName
        self.gender = gender
        self.leftOn = leftOn
    }

    /// «Артёма», «Веры»: the first name after «для».
    public var firstNameGenitive: String { RussianName.genitive(firstName, gender: gender) }
}

/// A mark with its date, for the marks-by-subject view.
public struct SubjectMark: Sendable, Equatable {
    public let date: CivilDate
    public let mark: DiaryMark

    public init(date: CivilDate, mark: DiaryMark) {
        self.date = date
        self.mark = mark
    }
}

/// A subject's marks in a period with its average and forecast.
public struct SubjectMarks: Sendable {
    public let subjectID: Int
    public let subject: String
    public var marks: [SubjectMark]
    public var periodMark: MarkValue?
    /// Wrong-mark reports on these marks, with the teacher's answers.
    public var reports: [MarkReportAnswer] = []

    public init(subjectID: Int, subject: String, marks: [SubjectMark], periodMark: MarkValue?) {
        self.subjectID = subjectID
        self.subject = subject
        self.marks = marks
        self.periodMark = periodMark
    }

    /// The marks an average counts: 1–5 only (a pass or fail never averages).
    public var weighted: [WeightedMark] { marks.compactMap { m in m.mark.value.number.map { WeightedMark(value: $0, weight: m.mark.weight) } } }

    /// Whether the subject's marks are passes and fails (nothing to average).
    public var passFailOnly: Bool { !marks.isEmpty && weighted.isEmpty }

    /// The forecast under the school's rounding rule.
    public func forecast(_ rule: RoundingRule) -> Forecast? { Forecast(marks: weighted, rule: rule) }
}

/// A family's wrong-mark report as the diary shows it back: what was written, the teacher's
/// answer, and whether it is closed.
public struct MarkReportAnswer: Sendable, Equatable {
    public let id: Int
    public let markID: Int
    public let text: String
    public let answer: String
    public let answeredBy: String
    public let closed: Bool

    public init(id: Int, markID: Int, text: String, answer: String, answeredBy: String, closed: Bool) {
        self.id = id
        self.markID = markID
        self.text = text
        self.answer = answer
        self.answeredBy = answeredBy
        self.closed = closed
    }
}

/// A student's final marks in one subject (`GET /api/v1/students/{id}/finals`, the diary's finals).
public struct SubjectFinals: Sendable, Equatable {
    public let subjectID: Int
    public let subject: String
    public let scale: SubjectScale
    public var marks: [PeriodMark]

    public init(subjectID: Int, subject: String, scale: SubjectScale, marks: [PeriodMark]) {
        self.subjectID = subjectID
        self.subject = subject
        self.scale = scale
        self.marks = marks
    }

    public func mark(_ kind: PeriodMarkKind, period: Int? = nil) -> MarkValue? {
        marks.first { $0.kind == kind && (kind != .period || $0.periodID == period) }?.value
    }
}
