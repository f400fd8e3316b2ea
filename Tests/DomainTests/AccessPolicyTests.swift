import Domain
import Testing

/// The whole matrix: every role × every action × own and other resources. A cell not
/// listed as allowed must be refused.
@Suite struct AccessPolicyTests {
    static let resources: [String: Resource] = [
        "school": .school,
        "ownClass": .schoolClass(1),
        "otherClass": .schoolClass(2),
        "ownSubject": .classSubject(classID: 1, subjectID: 1, groupID: nil),
        "otherSubjectOwnClass": .classSubject(classID: 1, subjectID: 9, groupID: nil),
        "otherClassSubject": .classSubject(classID: 2, subjectID: 1, groupID: nil),
        "ownStudent": .student(id: 100, classID: 1),
        "otherStudent": .student(id: 200, classID: 2),
        "ownClassPerson": .person(id: 100, classes: [1], isStaff: false),
        "otherClassPerson": .person(id: 200, classes: [2], isStaff: false),
        "staffPerson": .person(id: 300, classes: [1], isStaff: true),
        "ownLesson": .lesson(classID: 1, subjectID: 1, groupID: nil, substitute: nil),
        "otherLessonOwnClass": .lesson(classID: 1, subjectID: 9, groupID: nil, substitute: nil),
        "otherClassLesson": .lesson(classID: 2, subjectID: 1, groupID: nil, substitute: nil),
        // Taught by person 4 (the teacher below) as a substitute.
        "substitutedLesson": .lesson(classID: 2, subjectID: 7, groupID: nil, substitute: 4),
        // Subject 5 of class 1 is taught in two groups, 51 and 52.
        "ownGroup": .classSubject(classID: 1, subjectID: 5, groupID: 51),
        "otherGroup": .classSubject(classID: 1, subjectID: 5, groupID: 52),
        "groupedSubject": .classSubject(classID: 1, subjectID: 5, groupID: nil),
        "ownGroupLesson": .lesson(classID: 1, subjectID: 5, groupID: 51, substitute: nil),
        "otherGroupLesson": .lesson(classID: 1, subjectID: 5, groupID: 52, substitute: nil),
        // The week of person 4 (the teacher below) in the timetable.
        "week4": .person(id: 4, classes: [], isStaff: true),
        // People one might write to (`sendMessage`): a teacher of class 1, of class 2 only, the
        // administration, a secretary, the family of class 1 and of class 2, someone outside.
        "teacherOfClass1": .correspondent(id: 301, roles: [.teacher], classes: [1]),
        "teacherOfClass2": .correspondent(id: 302, roles: [.teacher], classes: [2]),
        "administration": .correspondent(id: 303, roles: [.deputy], classes: []),
        "secretaryPerson": .correspondent(id: 304, roles: [.secretary], classes: []),
        "guardianOfClass1": .correspondent(id: 401, roles: [.guardian], classes: [1]),
        "studentOfClass1": .correspondent(id: 101, roles: [.student], classes: [1]),
        "guardianOfClass2": .correspondent(id: 402, roles: [.guardian], classes: [2]),
        "outsider": .correspondent(id: 999, roles: [], classes: []),
    ]

    static let everyone: Set<String> = ["viewOwnAccount", "changeOwnPassword"]
    /// What every signed-in person does on the school: read their messages and the events, answer in their threads.
    static let messaging = cells([.readMessages, .viewEvents, .sendMessage], ["school"])
    static let staffPeople = ["teacherOfClass1", "teacherOfClass2", "administration", "secretaryPerson"]
    static let families = ["guardianOfClass1", "studentOfClass1", "guardianOfClass2"]

    static func cells(_ actions: [Action], _ resources: [String]) -> Set<String> {
        Set(actions.flatMap { a in resources.map { "\(a.rawValue):\($0)" } })
    }

    static let all = Array(resources.keys)
    static let journals = ["ownClass", "otherClass", "ownSubject", "otherSubjectOwnClass", "otherClassSubject",
                           "ownLesson", "otherLessonOwnClass", "otherClassLesson", "substitutedLesson",
                           "ownGroup", "otherGroup", "groupedSubject", "ownGroupLesson", "otherGroupLesson"]
    /// Class 1's subjects and lessons that are not the class teacher's own subject.
    static let classSubjects = ["otherSubjectOwnClass", "ownGroup", "otherGroup", "groupedSubject"]
    static let classLessons = ["otherLessonOwnClass", "ownGroupLesson", "otherGroupLesson"]
    static let diaries = ["ownStudent", "otherStudent"]
    /// Every lesson: a wrong-mark report is about a mark of one of them.
    static let lessons = ["ownLesson", "otherLessonOwnClass", "otherClassLesson", "substitutedLesson", "ownGroupLesson", "otherGroupLesson"]
    static let teaching = TeachingAssignment(classID: 1, subjectID: 1, groupID: nil)
    /// Whose timetable the administration reads: the school's, any class's, any teacher's.
    static let weeks = ["school", "ownClass", "otherClass", "staffPerson", "week4"]

    /// (actor, what it may do beyond its own account).
    static let cases: [(String, Actor, Set<String>)] = [
        ("administrator", Actor(accountID: 1, personID: 1, roles: [.administrator]),
         cells([.viewPeople, .viewReports, .editPeople, .recordConsent, .issueSlips,
                .lockAccounts, .importData, .changeSettings, .viewAudit, .manageTimetable, .grantUnlocks], all)
            .union(cells([.viewJournal], journals)).union(cells([.listJournals, .viewTimetableChanges, .viewTeachersDay], ["school"])).union(cells([.viewDiary], diaries))
            .union(cells([.viewStructure, .manageStructure], ["school"]))
            .union(cells([.viewTimetable], weeks)).union(cells([.manageGroups], ["school", "ownClass", "otherClass"]))
            .union(cells([.decidePromotion], ["ownClass", "otherClass", "ownStudent", "otherStudent"]))
            .union(cells([.answerMarkReports], lessons))
            .union(cells([.sendMessage], staffPeople + families)).union(cells([.searchMessages, .postEvents], ["school"])).union(cells([.postEvents], ["ownClass", "otherClass"]))),
        ("director", Actor(accountID: 2, personID: 2, roles: [.director]),
         cells([.viewPeople, .viewReports, .viewAudit], all).union(cells([.viewJournal], journals)).union(cells([.viewDiary], diaries))
            .union(cells([.listJournals, .viewTimetableChanges, .viewStructure], ["school"])).union(cells([.viewTimetable], weeks))
            .union(cells([.sendMessage], staffPeople + families)).union(cells([.searchMessages, .postEvents], ["school"])).union(cells([.postEvents], ["ownClass", "otherClass"]))),
        ("deputy", Actor(accountID: 3, personID: 3, roles: [.deputy]),
         cells([.viewPeople, .viewReports, .viewAudit, .manageTimetable, .grantUnlocks], all).union(cells([.viewJournal], journals)).union(cells([.viewDiary], diaries))
            .union(cells([.listJournals, .viewTimetableChanges, .viewTeachersDay, .viewStructure], ["school"])).union(cells([.viewTimetable], weeks))
            .union(cells([.answerMarkReports], lessons))
            .union(cells([.sendMessage], staffPeople + families)).union(cells([.searchMessages, .postEvents], ["school"])).union(cells([.postEvents], ["ownClass", "otherClass"]))),
        ("teacher", Actor(accountID: 4, personID: 4, roles: [.teacher], assignments: [teaching]),
         cells([.teachLessons, .viewTeachersDay, .listJournals, .viewTimetableChanges], ["school"]).union(cells([.viewJournal, .editJournal, .setPeriodMarks, .viewReports], ["ownSubject"])
            .union(cells([.viewJournal, .editJournal, .recordAttendance, .answerMarkReports], ["ownLesson", "substitutedLesson"])))
            .union(cells([.viewTimetable, .viewReports], ["week4"]))
            .union(cells([.sendMessage], staffPeople + ["guardianOfClass1", "studentOfClass1"]))),
        ("class teacher", Actor(accountID: 5, personID: 5, roles: [.teacher], classTeacherOf: [1], assignments: [teaching]),
         cells([.teachLessons, .viewTeachersDay, .listJournals, .viewTimetableChanges], ["school"]).union(cells([.viewJournal, .editJournal, .setPeriodMarks], ["ownSubject"])
            .union(cells([.viewJournal, .setPeriodMarks], classSubjects))
            .union(cells([.viewJournal, .correctAbsences], ["ownClass"]))
            .union(cells([.viewJournal, .editJournal, .correctAbsences, .recordAttendance, .answerMarkReports], ["ownLesson"]))
            .union(cells([.viewJournal, .correctAbsences, .recordAttendance], classLessons))
            .union(cells([.viewPeople, .viewReports], ["ownClass", "ownSubject", "ownStudent", "ownClassPerson", "staffPerson", "ownLesson"]
                                                      + classSubjects + classLessons))
            .union(cells([.viewDiary], ["ownStudent"]))
            .union(cells([.viewTimetable, .manageGroups], ["ownClass"]))
            .union(cells([.decidePromotion], ["ownClass", "ownStudent"]))
            .union(cells([.editPeople, .recordConsent, .issueSlips], ["ownClass", "ownSubject", "ownStudent", "ownClassPerson", "ownLesson"]
                                                                     + classSubjects + classLessons)))
            .union(cells([.sendMessage], staffPeople + ["guardianOfClass1", "studentOfClass1"])).union(cells([.broadcastMessages, .postEvents], ["ownClass"]))),
        // Teaches group 51 of subject 5: that group only — not group 52, not the whole class.
        ("group teacher", Actor(accountID: 10, personID: 10, roles: [.teacher], assignments: [TeachingAssignment(classID: 1, subjectID: 5, groupID: 51)]),
         cells([.teachLessons, .viewTeachersDay, .listJournals, .viewTimetableChanges], ["school"]).union(cells([.viewJournal, .editJournal, .setPeriodMarks, .viewReports], ["ownGroup"]).union(cells([.viewJournal, .editJournal, .recordAttendance, .answerMarkReports], ["ownGroupLesson"])))
            .union(cells([.sendMessage], staffPeople + ["guardianOfClass1", "studentOfClass1"]))),
        // Teaches subject 5 to the whole class: every group of it.
        ("whole-class teacher of a grouped subject", Actor(accountID: 11, personID: 11, roles: [.teacher],
                                                           assignments: [TeachingAssignment(classID: 1, subjectID: 5, groupID: nil)]),
         cells([.teachLessons, .viewTeachersDay, .listJournals, .viewTimetableChanges], ["school"]).union(cells([.viewJournal, .editJournal, .setPeriodMarks, .viewReports], ["ownGroup", "otherGroup", "groupedSubject"])
            .union(cells([.viewJournal, .editJournal, .recordAttendance, .answerMarkReports], ["ownGroupLesson", "otherGroupLesson"])))
            .union(cells([.sendMessage], staffPeople + ["guardianOfClass1", "studentOfClass1"]))),
        ("psychologist", Actor(accountID: 6, personID: 6, roles: [.psychologist], assignments: [teaching]),
         cells([.teachLessons, .viewTeachersDay, .listJournals, .viewTimetableChanges], ["school"]).union(cells([.viewJournal, .editJournal, .setPeriodMarks, .viewReports], ["ownSubject"]).union(cells([.viewJournal, .editJournal, .recordAttendance, .answerMarkReports], ["ownLesson"])))
            .union(cells([.sendMessage], staffPeople + ["guardianOfClass1", "studentOfClass1"]))),
        // The secretary writes to staff only (and answers in their threads).
        ("secretary", Actor(accountID: 7, personID: 7, roles: [.secretary]), cells([.viewTimetableChanges], ["school"]).union(cells([.sendMessage], staffPeople))),
        // A student of class 1: to their teachers only.
        ("student", Actor(accountID: 8, personID: 100, roles: [.student], students: [100], familyClasses: [1]),
         cells([.viewDiary, .reportMark], ["ownStudent"]).union(cells([.viewNotifications], ["school"])).union(cells([.sendMessage], ["teacherOfClass1"]))),
        // A guardian of a child in class 1: to the child's teachers and to the administration.
        ("guardian", Actor(accountID: 9, personID: 400, roles: [.guardian], students: [100], familyClasses: [1]),
         cells([.viewDiary, .reportMark, .acknowledgeFinals], ["ownStudent"]).union(cells([.viewNotifications], ["school"]))
            .union(cells([.sendMessage], ["teacherOfClass1", "administration"]))),
    ]

    @Test(arguments: cases.map(\.0))
    func matrix(_ name: String) {
        let (_, actor, allowed) = Self.cases.first { $0.0 == name }!
        for action in Action.allCases {
            for (key, resource) in Self.resources {
                let cell = "\(action.rawValue):\(key)"
                let expected = allowed.contains(cell) || Self.messaging.contains(cell) || Self.everyone.contains(action.rawValue)
                #expect(AccessPolicy.permits(actor, action, resource) == expected, "\(name) \(cell)")
            }
        }
    }

    @Test func kioskSessionsOnlyReadTheirOwnDiary() {
        let kiosk = Actor(accountID: 9, personID: 400, roles: [.guardian], students: [100], channel: .kiosk)
        for action in Action.allCases {
            for (key, resource) in Self.resources {
                // Read-only: the own diary, one's messages, the events, one's notifications; nothing written.
                let expected = action == .viewOwnAccount || (action == .viewDiary && key == "ownStudent")
                    || ([.readMessages, .viewEvents, .viewNotifications].contains(action) && key == "school")
                #expect(AccessPolicy.permits(kiosk, action, resource) == expected, "kiosk \(action) \(key)")
            }
        }
        // Even an administrator's kiosk session cannot change anything.
        let admin = Actor(accountID: 1, personID: 1, roles: [.administrator], channel: .kiosk)
        #expect(!AccessPolicy.permits(admin, .changeSettings, .school))
    }

    @Test func aTemporaryPasswordOnlySetsANewOne() {
        let actor = Actor(accountID: 1, personID: 1, roles: [.administrator], mustChangePassword: true)
        for action in Action.allCases {
            #expect(AccessPolicy.permits(actor, action, .school) == Self.everyone.contains(action.rawValue), "\(action)")
        }
    }

    /// People by hand (`PeopleDesk`): the class teacher adds and changes students of their class
    /// and their guardians — never staff, never another class; staff (`.school`) is the administrator's.
    @Test func peopleAreTheClassTeachersForTheirClassAndTheAdministratorsForAll() {
        let classTeacher = Actor(accountID: 5, personID: 5, roles: [.teacher], classTeacherOf: [1])
        let admin = Actor(accountID: 1, personID: 1, roles: [.administrator])
        let leaver = Resource.person(id: 101, classes: [1], isStaff: false)  // left class 1 this year: still its
        for action in [Action.editPeople, .recordConsent] {
            #expect(AccessPolicy.permits(classTeacher, action, .schoolClass(1)) && AccessPolicy.permits(classTeacher, action, leaver))
            #expect(!AccessPolicy.permits(classTeacher, action, .schoolClass(2)) && !AccessPolicy.permits(classTeacher, action, .school))
            #expect(!AccessPolicy.permits(classTeacher, action, .person(id: 300, classes: [1], isStaff: true)))
            #expect(AccessPolicy.permits(admin, action, .school) && AccessPolicy.permits(admin, action, .person(id: 300, classes: [], isStaff: true)))
        }
        for role in [Role.director, .deputy, .secretary, .student, .guardian] {
            let actor = Actor(accountID: 9, personID: 9, roles: [role], students: [101])
            #expect(!AccessPolicy.permits(actor, .editPeople, leaver) && !AccessPolicy.permits(actor, .editPeople, .schoolClass(1)), "\(role)")
        }
    }

    /// The read rule for a grouped subject named without a group (the journal's and the reports'):
    /// a group's teacher who may not read the whole class reads their own group; everyone else
    /// reads the resource as named (and is permitted or refused on it).
    @Test(arguments: cases.map(\.0))
    func narrowing(_ name: String) {
        let actor = Self.cases.first { $0.0 == name }!.1
        let expected: [String: String] = ["group teacher": "ownGroup"]
        for action in [Action.viewJournal, .viewReports] {
            for key in ["groupedSubject", "ownSubject", "ownGroup", "otherGroup", "ownClass"] {
                let resource = Self.resources[key]!
                let narrowed = key == "groupedSubject" ? expected[name].map { Self.resources[$0]! } ?? resource : resource
                #expect(resource.narrowed(for: actor, action) == narrowed, "\(name) \(action) \(key)")
            }
        }
        #expect(Self.resources["groupedSubject"]!.narrowed(for: nil, .viewReports) == Self.resources["groupedSubject"]!)
    }

    @Test func groupTeachersSeeTheirGroupOnly() {
        let actor = Actor(accountID: 4, personID: 4, roles: [.teacher], assignments: [TeachingAssignment(classID: 1, subjectID: 3, groupID: 11)])
        #expect(AccessPolicy.permits(actor, .editJournal, .classSubject(classID: 1, subjectID: 3, groupID: 11)))
        #expect(!AccessPolicy.permits(actor, .editJournal, .classSubject(classID: 1, subjectID: 3, groupID: 12)))
    }
}
