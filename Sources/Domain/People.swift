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

/// One row of the audit trail before it is written.
public struct AuditEntry: Sendable {
    public enum Via: String, Sendable { case page, api, `import`, cli, system }

    public var at: Int
    public var account: Int?
    public var session: Int?
    public var via: Via
    public var action: String
    public var entity: String
    public var entityID: Int?
    public var oldValue: String?
    public var newValue: String?
    public var reason: String
    public var address: String
    /// Where a journal entry belongs, so the change log can be filtered by it.
    public var lesson: Int?
    public var student: Int?
    public var schoolClass: Int?

    public init(at: Int, account: Int? = nil, session: Int? = nil, via: Via, action: String, entity: String,
                entityID: Int? = nil, oldValue: String? = nil, newValue: String? = nil, reason: String = "", address: String = "",
                lesson: Int? = nil, student: Int? = nil, schoolClass: Int? = nil) {
        self.at = at
        self.account = account
        self.session = session
        self.via = via
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
        self.address = address
        self.lesson = lesson
        self.student = student
        self.schoolClass = schoolClass
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
