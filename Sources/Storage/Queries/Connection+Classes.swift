import Domain

/// A student or guardian of a class, with what a new login slip would do to their account.
public struct ClassMember: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case student, guardian
    }

    public let id: Int
    public let card: PersonCard
    public let kind: Kind
    public let login: String?
    public let account: AccountState
    /// A guardian's children in this class, short names in the class list's order.
    public let children: [String]
    /// Also on the school's staff (a teacher who is a parent): only the administrator reissues their slip.
    public let isStaff: Bool
}

/// A student with the class they are in this year (nil: in none).
public struct EnrolledStudent: Sendable, Equatable {
    public let id: Int
    public let card: PersonCard
    public let classID: Int?
    public let className: String?
}

/// An absence of a student of the class at one of its lessons.
public struct ClassAbsence: Sendable, Equatable {
    public let lessonID: Int
    public let date: CivilDate
    public let bell: Int
    public let subject: String
    public let studentID: Int
    public let code: AbsenceCode
}

/// A guardian's acknowledgement of a period's final marks, as the class teacher reads it.
public struct FinalsAcknowledgement: Sendable, Equatable {
    public let studentID: Int
    public let periodID: Int
    public let guardian: PersonCard
    public let at: Int
    /// The guardian's message to the class teacher (may be empty).
    public var message: String = ""
}

extension Connection {
    /// The class's students (in the list's order), then their guardians (each once, in their
    /// children's order), with the state of each one's account.
    public func classMembers(classID: Int) throws -> [ClassMember] {
        let inUse = "a.password_hash IS NOT NULL OR EXISTS (SELECT 1 FROM session s WHERE s.account_id = a.id)"
        let staff = "EXISTS (SELECT 1 FROM staff_role r WHERE r.person_id = p.id)"
        let students = try query("""
            SELECT p.id, p.last_name, p.first_name, p.middle_name, p.birth_date, a.login, a.id IS NOT NULL, \(inUse), \(staff)
            FROM enrolment e JOIN person p ON p.id = e.student_id LEFT JOIN account a ON a.person_id = p.id
            WHERE e.class_id = ? AND \(Self.onListAtYearEnd) ORDER BY p.last_name, p.first_name, p.middle_name, p.id
            """, classID) { r in
            ClassMember(id: r.int(0), card: PersonCard(lastName: r.string(1), firstName: r.string(2), middleName: r.string(3), birthDate: try r.optionalDate(4)),
                        kind: .student, login: r.optionalString(5), account: Self.accountState(exists: r.bool(6), inUse: r.bool(7)), children: [],
                        isStaff: r.bool(8))
        }
        let links = try query("""
            SELECT g.guardian_id, g.student_id, p.last_name, p.first_name, p.middle_name, a.login, a.id IS NOT NULL, \(inUse), \(staff)
            FROM guardian_link g JOIN enrolment e ON e.student_id = g.student_id AND e.class_id = ? AND \(Self.onListAtYearEnd)
            JOIN person p ON p.id = g.guardian_id LEFT JOIN account a ON a.person_id = p.id
            ORDER BY p.last_name, p.first_name, p.id
            """, classID) { r in
            (guardian: r.int(0), student: r.int(1),
             member: ClassMember(id: r.int(0), card: PersonCard(lastName: r.string(2), firstName: r.string(3), middleName: r.string(4)),
                                 kind: .guardian, login: r.optionalString(5), account: Self.accountState(exists: r.bool(6), inUse: r.bool(7)), children: [],
                                 isStaff: r.bool(8)))
        }
        var guardians: [ClassMember] = []
        var index: [Int: Int] = [:]
        for student in students {
            for link in links where link.student == student.id {
                if let i = index[link.guardian] {
                    let g = guardians[i]
                    guardians[i] = ClassMember(id: g.id, card: g.card, kind: g.kind, login: g.login, account: g.account,
                                               children: g.children + [student.card.shortName], isStaff: g.isStaff)
                } else {
                    index[link.guardian] = guardians.count
                    let m = link.member
                    guardians.append(ClassMember(id: m.id, card: m.card, kind: .guardian, login: m.login, account: m.account,
                                                 children: [student.card.shortName], isStaff: m.isStaff))
                }
            }
        }
        return students + guardians
    }

    static func accountState(exists: Bool, inUse: Bool) -> AccountState {
        !exists ? .none : inUse ? .inUse : .neverSignedIn
    }

    /// Whether the person's account is in use (signed in once, or holds their own password).
    public func accountState(person: Int) throws -> AccountState {
        try first("""
            SELECT a.password_hash IS NOT NULL OR EXISTS (SELECT 1 FROM session s WHERE s.account_id = a.id) FROM account a WHERE a.person_id = ?
            """, person) { $0.bool(0) ? AccountState.inUse : .neverSignedIn } ?? AccountState.none
    }

    /// The guardians of the given students, each with the child they are linked to; contacts
    /// only where a consent is recorded (and not withdrawn since).
    public func guardians(students: [Int]) throws -> [Guardian] {
        try students.flatMap { student in
            try query("""
                SELECT p.id, g.student_id, p.last_name, p.first_name, p.middle_name, g.relation, p.phone, p.email,
                       EXISTS (SELECT 1 FROM consent k WHERE k.person_id = p.id AND k.revoked_on IS NULL),
                       EXISTS (SELECT 1 FROM consent k WHERE k.person_id = p.id AND k.revoked_on IS NOT NULL)
                FROM guardian_link g JOIN person p ON p.id = g.guardian_id WHERE g.student_id = ?
                ORDER BY p.last_name, p.first_name, p.id
                """, student) { r in
                Guardian(id: r.int(0), studentID: r.int(1), lastName: r.string(2), firstName: r.string(3), middleName: r.string(4),
                         relation: r.string(5), phone: r.string(6), email: r.string(7), consented: r.bool(8), withdrawn: r.bool(9))
            }
        }
    }

    /// A guardian's children with their classes of the year.
    public func children(of guardian: Int, year: Int) throws -> [EnrolledStudent] {
        try query("""
            SELECT p.id, p.last_name, p.first_name, p.middle_name,
                   (SELECT c.id FROM enrolment e JOIN school_class c ON c.id = e.class_id AND c.year_id = ?2
                    WHERE e.student_id = p.id AND e.left_on IS NULL),
                   (SELECT c.name FROM enrolment e JOIN school_class c ON c.id = e.class_id AND c.year_id = ?2
                    WHERE e.student_id = p.id AND e.left_on IS NULL)
            FROM guardian_link g JOIN person p ON p.id = g.student_id WHERE g.guardian_id = ?1
            ORDER BY p.last_name, p.first_name, p.id
            """, guardian, year) { r in
            EnrolledStudent(id: r.int(0), card: PersonCard(lastName: r.string(1), firstName: r.string(2), middleName: r.string(3)),
                            classID: r.optionalInt(4), className: r.optionalString(5))
        }
    }

    /// The class a student is in this year.
    public func enrolledClass(student: Int, year: Int) throws -> SchoolClass? {
        try first("""
            SELECT c.id, c.name, c.year_id, c.grade FROM enrolment e JOIN school_class c ON c.id = e.class_id AND c.year_id = ?2
            WHERE e.student_id = ?1 AND e.left_on IS NULL
            """, student, year) { SchoolClass(id: $0.int(0), name: $0.string(1), yearID: $0.int(2), grade: $0.int(3)) }
    }

    /// Classes of the year whose class teacher the person is.
    public func classesLed(by person: Int, year: Int) throws -> [SchoolClass] {
        try query("SELECT id, name, year_id, grade FROM school_class WHERE class_teacher_id = ? AND year_id = ? ORDER BY grade, letter", person, year) {
            SchoolClass(id: $0.int(0), name: $0.string(1), yearID: $0.int(2), grade: $0.int(3))
        }
    }

    /// The class teacher's full name, if the class has one.
    public func classTeacherName(classID: Int) throws -> String? {
        try first("""
            SELECT p.last_name || ' ' || p.first_name || ' ' || p.middle_name FROM school_class c JOIN person p ON p.id = c.class_teacher_id WHERE c.id = ?
            """, classID) { $0.string(0).trimmingWhitespace }
    }

    /// Absences of the class's students at its lessons between two dates, by date, bell and name.
    public func classAbsences(classID: Int, from: CivilDate, to: CivilDate) throws -> [ClassAbsence] {
        try query("""
            SELECT l.id, l.date, l.bell_number, s.name, a.student_id, a.code
            FROM lesson l JOIN absence a ON a.lesson_id = l.id JOIN subject s ON s.id = l.subject_id JOIN person p ON p.id = a.student_id
            WHERE l.class_id = ? AND l.date BETWEEN ? AND ?
            ORDER BY l.date, l.bell_number, p.last_name, p.first_name, p.id
            """, classID, from, to) { r in
            ClassAbsence(lessonID: r.int(0), date: try r.date(1), bell: r.int(2), subject: r.string(3), studentID: r.int(4),
                         code: AbsenceCode(rawValue: r.string(5)) ?? .unexcused)
        }
    }

    /// Guardians' acknowledgements of final marks for the class's students, oldest first.
    public func classAcknowledgements(classID: Int) throws -> [FinalsAcknowledgement] {
        try query("""
            SELECT k.student_id, k.period_id, p.last_name, p.first_name, p.middle_name, k.at, k.message
            FROM acknowledgement k JOIN enrolment e ON e.student_id = k.student_id AND e.class_id = ? AND e.left_on IS NULL
            JOIN person p ON p.id = k.guardian_id ORDER BY k.at, k.id
            """, classID) { r in
            FinalsAcknowledgement(studentID: r.int(0), periodID: r.int(1),
                                  guardian: PersonCard(lastName: r.string(2), firstName: r.string(3), middleName: r.string(4)), at: r.int(5),
                                  message: r.string(6))
        }
    }

    /// Open wrong-mark reports on the class's lessons, newest first.
    public func markReports(classID: Int, limit: Int = 200) throws -> [MarkReport] {
        try query("""
            SELECT r.id, p.last_name || ' ' || p.first_name, c.name, s.name, l.date, m.value, m.passed, r.text,
                   q.last_name || ' ' || q.first_name, r.at, r.answer
            FROM mark_report r JOIN mark m ON m.id = r.mark_id JOIN lesson l ON l.id = m.lesson_id
            JOIN subject s ON s.id = l.subject_id JOIN school_class c ON c.id = l.class_id
            JOIN person p ON p.id = r.student_id JOIN person q ON q.id = r.reported_by
            WHERE r.resolved_at IS NULL AND l.class_id = ?1
            ORDER BY r.id DESC LIMIT ?2
            """, classID, limit, row: Self.markReport)
    }
}
