/// Who is asking: a signed-in account and everything the policy needs to know about it.
public struct Actor: Sendable, Equatable {
    public enum Channel: Sendable, Equatable {
        /// A browser or the JSON API.
        case web
        /// A hallway kiosk screen: read-only, own diary only.
        case kiosk
    }

    public let accountID: Int
    public let personID: Int
    public let roles: Set<Role>
    /// Classes whose class teacher this person is.
    public let classTeacherOf: Set<Int>
    /// What this person teaches.
    public let assignments: [TeachingAssignment]
    /// Students whose diaries this person may see as their own: a student's own id, a guardian's children.
    public let students: Set<Int>
    /// The classes of `students` this year: a student's own, a guardian's children's.
    public let familyClasses: Set<Int>
    public let channel: Channel
    /// A temporary password was used to sign in: nothing but setting a new one is allowed.
    public let mustChangePassword: Bool

    public init(accountID: Int, personID: Int, roles: Set<Role>, classTeacherOf: Set<Int> = [],
                assignments: [TeachingAssignment] = [], students: Set<Int> = [], familyClasses: Set<Int> = [],
                channel: Channel = .web, mustChangePassword: Bool = false) {
        self.accountID = accountID
        self.personID = personID
        self.roles = roles
        self.classTeacherOf = classTeacherOf
        self.assignments = assignments
        self.students = students
        self.familyClasses = familyClasses
        self.channel = channel
        self.mustChangePassword = mustChangePassword
    }

    /// Administrator, director or deputy: they read every journal and diary.
    public var readsEverything: Bool { !roles.isDisjoint(with: [.administrator, .director, .deputy]) }

    /// A member of staff (any role but student and guardian).
    public var isStaff: Bool { roles.contains { $0.isStaff } }
}

/// Who teaches which subject to which class or group (нагрузка).
public struct TeachingAssignment: Sendable, Hashable, Codable {
    public let classID: Int
    public let subjectID: Int
    public let groupID: Int?

    public init(classID: Int, subjectID: Int, groupID: Int?) {
        self.classID = classID
        self.subjectID = subjectID
        self.groupID = groupID
    }
}

/// Everything a route can do, named by what it does to the school's data.
public enum Action: String, CaseIterable, Sendable {
    /// Read one's own account (`/api/v1/me`), sign out.
    case viewOwnAccount
    case changeOwnPassword
    /// «Мой день»: one's own lessons to fill in (teachers, and the psychologist, who teaches like them).
    case teachLessons
    /// A teacher's day of lessons: one's own, or any teacher's for those who manage the timetable.
    case viewTeachersDay
    /// The list of the journals one may open.
    case listJournals
    /// The school's timetable changes of a day (every member of staff).
    case viewTimetableChanges
    /// Read a class's journal for a subject.
    case viewJournal
    /// Lessons, topics, homework, marks and absences.
    case editJournal
    /// Quarter, half-year, year, exam and final marks.
    case setPeriodMarks
    /// Change the reason of an absence (the class teacher, when a document is brought).
    case correctAbsences
    /// Send a lesson's attendance: its teacher records it, the class teacher corrects reasons
    /// (the desk tells the two apart).
    case recordAttendance
    /// Time-limited unlocks of closed journal dates and transfer windows after an outage.
    case grantUnlocks
    /// A student's diary.
    case viewDiary
    /// Acknowledge a finished period's final marks (a guardian, for their child).
    case acknowledgeFinals
    /// Report a wrong mark to the teacher (the student or their guardian).
    case reportMark
    /// Answer and close a wrong-mark report: the teacher of the mark's lesson (or the
    /// substitute who gave it), and the deputy and the administrator, who read them all.
    case answerMarkReports
    /// Lists and personal cards of people.
    case viewPeople
    /// Class lists, groups, personal cards of students and guardians.
    case editPeople
    case recordConsent
    /// Issue or reissue login slips (the old credentials stop working).
    case issueSlips
    case lockAccounts
    case importData
    case changeSettings
    case viewAudit
    /// The reports: the administration all; a class teacher their class's; a teacher those of
    /// their own teaching (their person as staff) and of the class subjects they teach.
    case viewReports
    case manageTimetable
    /// The school's structure: periods, holidays, bells, rooms, subjects, classes, teaching assignments.
    case viewStructure
    /// Create, change and delete them (the administrator's, DOMAIN.md "The school year").
    case manageStructure
    /// The weekly timetable of a class or a teacher: the administration any, a teacher their own
    /// week, a class teacher their class's.
    case viewTimetable
    /// A class's study groups: split a subject into groups, move students, each group's teacher
    /// (the administrator, any class and cross-class groups; a class teacher, their class).
    case manageGroups
    /// A student's promotion at the year's end: kept back, moved up conditionally, leaving after
    /// grade 9 (the class teacher for their class, the administrator for any).
    case decidePromotion
    /// Read one's own message threads (at the kiosk too, read-only).
    case readMessages
    /// Write to a person (`.correspondent`; DOMAIN.md, who may write to whom), or answer in
    /// one's own threads (`.school`).
    case sendMessage
    /// A class teacher's message to every guardian of their class; the answers come back privately.
    case broadcastMessages
    /// Search every message when a complaint needs it (the administration; each search audited).
    case searchMessages
    /// Read the school's announcements and events (everyone signed in).
    case viewEvents
    /// Post an announcement or event: the administration school-wide, a class teacher for their class.
    case postEvents
    /// A family's notifications in the diary and their choice of kinds.
    case viewNotifications
}

/// What an action is done to.
public enum Resource: Sendable, Equatable {
    /// The school as a whole (settings, imports, every person).
    case school
    case schoolClass(Int)
    case classSubject(classID: Int, subjectID: Int, groupID: Int?)
    /// One lesson of a class's subject; `substitute` taught it in place of the timetabled teacher.
    case lesson(classID: Int, subjectID: Int, groupID: Int?, substitute: Int?)
    /// A student, with the class they are in (nil when they are in none).
    case student(id: Int, classID: Int?)
    /// A person's account, with the classes they belong to (a student's class, a
    /// guardian's children's classes) and whether they are staff.
    case person(id: Int, classes: Set<Int>, isStaff: Bool)
    /// Someone a message is written to: their roles this year and the classes that tie them to
    /// the families (a teacher's taught and led classes, a student's class, a guardian's
    /// children's classes). No roles: not one of the school's people this year.
    case correspondent(id: Int, roles: Set<Role>, classes: Set<Int>)
}

extension Resource {
    /// The group rule for reads (the journal's and the reports'): a class subject named without a
    /// group, read by a teacher of one of its groups who may not read the whole class (no
    /// whole-class assignment, not its class teacher, not the administration), is their own
    /// group — never the others' students and marks. Anything else is itself.
    public func narrowed(for actor: Actor?, _ action: Action) -> Resource {
        guard case let .classSubject(classID, subjectID, nil) = self, let actor, !AccessPolicy.permits(actor, action, self),
              let group = actor.assignments.first(where: { $0.classID == classID && $0.subjectID == subjectID && $0.groupID != nil })?.groupID
        else { return self }
        return .classSubject(classID: classID, subjectID: subjectID, groupID: group)
    }
}

/// The one access policy (DOMAIN.md, "Roles and what each may do"). Every route asks it;
/// no page or template decides access on its own.
public enum AccessPolicy {
    public static func permits(_ actor: Actor, _ action: Action, _ resource: Resource) -> Bool {
        if actor.mustChangePassword { return action == .viewOwnAccount || action == .changeOwnPassword }
        if actor.channel == .kiosk {
            return action == .viewOwnAccount || action == .viewDiary && ownsDiary(actor, resource)
                || (action == .readMessages || action == .viewEvents || action == .viewNotifications) && resource == .school
        }
        if action == .acknowledgeFinals || action == .reportMark {
            // Only the family writes back to the diary; the administration reads it.
            guard ownsDiary(actor, resource) else { return false }
            guard case let .student(id, _) = resource else { return false }
            return action == .reportMark || (actor.roles.contains(.guardian) && actor.personID != id)
        }
        guard fits(action, resource) else { return false }
        let admin = actor.roles.contains(.administrator)
        switch action {
        case .viewOwnAccount, .changeOwnPassword:
            return true
        case .teachLessons:
            return isTeaching(actor)
        case .viewTeachersDay:
            return isTeaching(actor) || admin || actor.roles.contains(.deputy)
        case .listJournals:
            return actor.readsEverything || !actor.assignments.isEmpty || !actor.classTeacherOf.isEmpty
        case .viewTimetableChanges:
            return !actor.roles.isDisjoint(with: [.teacher, .psychologist, .administrator, .director, .deputy, .secretary])
        case .viewJournal:
            if actor.readsEverything { return true }
            return teaches(actor, resource) || leadsClass(actor, resource)
        case .editJournal:
            return teaches(actor, resource)
        case .setPeriodMarks:
            return teaches(actor, resource) || leadsClass(actor, resource)
        case .correctAbsences:
            return leadsClass(actor, resource)
        case .recordAttendance:
            return teaches(actor, resource) || leadsClass(actor, resource)
        case .grantUnlocks:
            return admin || actor.roles.contains(.deputy)
        case .answerMarkReports:
            return admin || actor.roles.contains(.deputy) || teaches(actor, resource)
        case .acknowledgeFinals, .reportMark:
            return false  // decided above
        case .viewDiary:
            if actor.readsEverything || ownsDiary(actor, resource) { return true }
            return leadsClass(actor, resource)
        case .viewPeople, .viewReports:
            if actor.readsEverything { return true }
            // A teacher reads the reports of their own teaching (their person as staff).
            if action == .viewReports, case let .person(id, _, true) = resource, id == actor.personID { return isTeaching(actor) }
            // …and those of a class's subject they teach (the forecast of its period marks).
            if action == .viewReports, case .classSubject = resource, teaches(actor, resource) { return true }
            return leadsClass(actor, resource)
        case .editPeople, .recordConsent, .issueSlips:
            if admin { return true }
            // A class teacher: their own class's students and guardians, never staff.
            if case let .person(_, _, isStaff) = resource, isStaff { return false }
            return leadsClass(actor, resource)
        case .viewAudit:
            // The director and the deputy read the change log (DOMAIN.md); nobody edits it.
            return actor.readsEverything
        case .lockAccounts, .importData, .changeSettings:
            return admin
        case .manageTimetable:
            return admin || actor.roles.contains(.deputy)
        case .viewStructure:
            return actor.readsEverything
        case .manageStructure:
            return admin
        case .viewTimetable:
            if actor.readsEverything { return true }
            // A teacher's week is their own only; a class's week, its class teacher's too.
            if case let .person(id, _, _) = resource { return id == actor.personID && isTeaching(actor) }
            return leadsClass(actor, resource)
        case .manageGroups, .decidePromotion:
            return admin || leadsClass(actor, resource)
        case .readMessages, .viewEvents:
            return true
        case .sendMessage:
            guard case let .correspondent(id, roles, classes) = resource else { return true }
            return writes(actor, to: id, roles: roles, classes: classes)
        case .broadcastMessages:
            return !actor.roles.contains(.student) && leadsClass(actor, resource)
        case .searchMessages:
            return actor.readsEverything
        case .postEvents:
            return actor.readsEverything || leadsClass(actor, resource)
        case .viewNotifications:
            return !actor.students.isEmpty
        }
    }

    /// Whether the action can apply to that kind of resource at all (a diary is a student's,
    /// a journal is a class's or a class's subject).
    static func fits(_ action: Action, _ resource: Resource) -> Bool {
        switch (action, resource) {
        case (.teachLessons, .school), (.viewTeachersDay, .school), (.listJournals, .school), (.viewTimetableChanges, .school): true
        case (.teachLessons, _), (.viewTeachersDay, _), (.listJournals, _), (.viewTimetableChanges, _): false
        // The structure is the whole school's: one resource for every part of it.
        case (.viewStructure, .school), (.manageStructure, .school): true
        case (.viewStructure, _), (.manageStructure, _): false
        case (.viewJournal, .classSubject), (.viewJournal, .schoolClass), (.viewJournal, .lesson): true
        case (.viewJournal, _): false
        case (.editJournal, .classSubject), (.editJournal, .lesson), (.setPeriodMarks, .classSubject): true
        case (.editJournal, _), (.setPeriodMarks, _): false
        // A class's page corrects the reasons of its lessons' absences (the desk checks each lesson).
        case (.correctAbsences, .lesson), (.correctAbsences, .schoolClass), (.recordAttendance, .lesson): true
        case (.correctAbsences, _), (.recordAttendance, _): false
        // A report is about one mark, so about one lesson.
        case (.answerMarkReports, .lesson): true
        case (.answerMarkReports, _): false
        case (.viewDiary, .student), (.acknowledgeFinals, .student), (.reportMark, .student): true
        case (.viewDiary, _), (.acknowledgeFinals, _), (.reportMark, _): false
        // A week is a class's or a member of staff's; groups are a class's (or, cross-class, the school's).
        case (.viewTimetable, .school), (.viewTimetable, .schoolClass), (.viewTimetable, .person(_, _, true)): true
        case (.manageGroups, .school), (.manageGroups, .schoolClass): true
        case (.viewTimetable, _), (.manageGroups, _): false
        case (.decidePromotion, .schoolClass), (.decidePromotion, .student): true
        case (.decidePromotion, _): false
        case (.readMessages, .school), (.searchMessages, .school), (.viewEvents, .school), (.viewNotifications, .school): true
        case (.readMessages, _), (.searchMessages, _), (.viewEvents, _), (.viewNotifications, _): false
        case (.sendMessage, .school), (.sendMessage, .correspondent), (.broadcastMessages, .schoolClass): true
        case (.sendMessage, _), (.broadcastMessages, _): false
        case (.postEvents, .school), (.postEvents, .schoolClass): true
        case (.postEvents, _): false
        default: true
        }
    }

    /// Who may write to whom: staff to staff; the administration to any family; a teacher to the
    /// students and guardians of the classes they teach or lead; a guardian to the teachers and
    /// class teacher of their children and to the administration; a student to their teachers.
    /// Nobody to themselves or to anyone outside the school's people; families not to families.
    static func writes(_ actor: Actor, to id: Int, roles: Set<Role>, classes: Set<Int>) -> Bool {
        guard id != actor.personID, !roles.isEmpty else { return false }
        let toStaff = roles.contains { $0.isStaff }
        if actor.isStaff {
            if toStaff || actor.readsEverything { return true }
            let mine = Set(actor.assignments.map(\.classID)).union(actor.classTeacherOf)
            return isTeaching(actor) && !classes.isDisjoint(with: mine)
        }
        guard toStaff else { return false }
        if actor.roles.contains(.guardian), !roles.isDisjoint(with: [.administrator, .director, .deputy]) { return true }
        return !roles.isDisjoint(with: [.teacher, .psychologist]) && !classes.isDisjoint(with: actor.familyClasses)
    }

    static func ownsDiary(_ actor: Actor, _ resource: Resource) -> Bool {
        guard case let .student(id, _) = resource else { return false }
        return actor.students.contains(id)
    }

    /// Teachers and the psychologist teach; nobody else does, whatever the assignments say.
    static func isTeaching(_ actor: Actor) -> Bool { !actor.roles.isDisjoint(with: [.teacher, .psychologist]) }

    static func teaches(_ actor: Actor, _ resource: Resource) -> Bool {
        guard isTeaching(actor) else { return false }
        switch resource {
        case let .classSubject(classID, subjectID, groupID):
            // A whole-class assignment covers every group of the class's subject; a group's
            // teacher reaches that group only, never the whole class (nor a group not named).
            return actor.assignments.contains {
                $0.classID == classID && $0.subjectID == subjectID && ($0.groupID == nil || $0.groupID == groupID)
            }
        case let .lesson(classID, subjectID, groupID, substitute):
            // A substitute teaches the lesson they were entered for, and only that one.
            return substitute == actor.personID || teaches(actor, .classSubject(classID: classID, subjectID: subjectID, groupID: groupID))
        default:
            return false
        }
    }

    static func leadsClass(_ actor: Actor, _ resource: Resource) -> Bool {
        guard !actor.classTeacherOf.isEmpty else { return false }
        switch resource {
        case let .schoolClass(id): return actor.classTeacherOf.contains(id)
        case let .classSubject(classID, _, _): return actor.classTeacherOf.contains(classID)
        case let .lesson(classID, _, _, _): return actor.classTeacherOf.contains(classID)
        case let .student(_, classID): return classID.map(actor.classTeacherOf.contains) ?? false
        case let .person(_, classes, _): return !classes.isDisjoint(with: actor.classTeacherOf)
        case .school, .correspondent: return false
        }
    }
}
