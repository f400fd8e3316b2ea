/// A person's card: the name and the personal data stored once consent is recorded.
public struct PersonCard: Sendable, Equatable {
    public enum Gender: String, Sendable { case male = "m", female = "f" }

    public var lastName: String
    public var firstName: String
    public var middleName: String
    public var gender: Gender?
    public var birthDate: CivilDate?
    public var phone: String
    public var email: String

    public init(lastName: String, firstName: String, middleName: String = "", gender: Gender? = nil,
                birthDate: CivilDate? = nil, phone: String = "", email: String = "") {
        self.lastName = lastName
        self.firstName = firstName
        self.middleName = middleName
        self.gender = gender
        self.birthDate = birthDate
        self.phone = phone
        self.email = email
    }

    /// «Иванова Мария Сергеевна».
    public var fullName: String { [lastName, firstName, middleName].filter { !$0.isEmpty }.joined(separator: " ") }

    /// «Иванова М. С.».
    public var shortName: String {
        var s = lastName + " " + firstName.prefix(1) + "."
        if let m = middleName.first { s += " \(m)." }
        return s
    }
}

/// A lesson row as written in bulk.
public struct LessonRecord: Sendable {
    public var year: Int
    public var date: CivilDate
    public var bell: Int
    public var classID: Int
    public var group: Int?
    public var subject: Int
    public var teacher: Int
    public var actualTeacher: Int?
    public var room: Int?
    public var timetableEntry: Int?
    public var cancelled = false
    public var changeNote = ""
    public var topic = ""
    public var planTopic: Int?
    public var homework = ""
    public var updatedAt: Int?

    public init(year: Int, date: CivilDate, bell: Int, classID: Int, group: Int?, subject: Int, teacher: Int,
                room: Int?, timetableEntry: Int?) {
        self.year = year
        self.date = date
        self.bell = bell
        self.classID = classID
        self.group = group
        self.subject = subject
        self.teacher = teacher
        self.room = room
        self.timetableEntry = timetableEntry
    }
}
