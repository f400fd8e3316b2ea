import Domain

/// Who a slip is for, as the slip names them.
public struct SlipPerson: Sendable {
    public let id: Int
    public let card: PersonCard
    public let login: String?
    public let className: String?
    /// A guardian's children: short name and class.
    public let children: [(name: String, className: String)]
    public let staffRoles: [Role]
}

extension Connection {
    public func slipPerson(_ id: Int, year: Int) throws -> SlipPerson? {
        guard let summary = try personSummary(id, year: year) else { return nil }
        let children = try query("""
            SELECT p.last_name, p.first_name, p.middle_name, coalesce(c.name, '')
            FROM guardian_link g JOIN person p ON p.id = g.student_id
            LEFT JOIN enrolment e ON e.student_id = p.id AND e.left_on IS NULL
            LEFT JOIN school_class c ON c.id = e.class_id AND c.year_id = ?2
            WHERE g.guardian_id = ?1 ORDER BY p.last_name, p.first_name
            """, id, year) { r in
            (name: PersonCard(lastName: r.string(0), firstName: r.string(1), middleName: r.string(2)).shortName, className: r.string(3))
        }
        let roles = try query("SELECT role FROM staff_role WHERE person_id = ? ORDER BY role", id) { Role(rawValue: $0.string(0)) }.compactMap { $0 }
        let student = try first("""
            SELECT c.name FROM enrolment e JOIN school_class c ON c.id = e.class_id
            WHERE e.student_id = ? AND c.year_id = ? AND e.left_on IS NULL
            """, id, year) { $0.string(0) }
        return SlipPerson(id: id, card: summary.card, login: summary.login, className: student, children: children, staffRoles: roles)
    }

    /// Students of a class (by name, e.g. `5А`) in the year, in alphabetical order.
    public func students(className: String, year: Int) throws -> [Int] {
        try query("""
            SELECT p.id FROM enrolment e JOIN school_class c ON c.id = e.class_id JOIN person p ON p.id = e.student_id
            WHERE c.name = ? AND c.year_id = ? AND e.left_on IS NULL ORDER BY p.last_name, p.first_name, p.middle_name
            """, className, year) { $0.int(0) }
    }

    public func students(classID: Int) throws -> [Int] {
        try query("""
            SELECT p.id FROM enrolment e JOIN person p ON p.id = e.student_id
            WHERE e.class_id = ? AND e.left_on IS NULL ORDER BY p.last_name, p.first_name, p.middle_name
            """, classID) { $0.int(0) }
    }

    /// Guardians of the given students, each once, in the students' order.
    public func guardians(of students: [Int]) throws -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        for s in students {
            for g in try query("SELECT guardian_id FROM guardian_link WHERE student_id = ? ORDER BY guardian_id", s, row: { $0.int(0) }) where seen.insert(g).inserted {
                result.append(g)
            }
        }
        return result
    }

    public func staff() throws -> [Int] {
        try query("""
            SELECT DISTINCT p.id FROM staff_role r JOIN person p ON p.id = r.person_id ORDER BY p.last_name, p.first_name
            """) { $0.int(0) }
    }

    public func classNames(year: Int) throws -> [String] {
        try query("SELECT name FROM school_class WHERE year_id = ? ORDER BY grade, letter", year) { $0.string(0) }
    }

    public func loginExists(_ login: String) throws -> Bool {
        try first("SELECT 1 FROM account WHERE login = ?", login) { _ in true } ?? false
    }
}

/// One line of the people list.
public struct PersonListing: Sendable {
    public let id: Int
    public let card: PersonCard
    /// «обучающийся», «родитель», or the staff roles.
    public let kind: String
    /// The student's class, the guardian's children's classes, or the class teacher's class.
    public let classes: [String]
    public let login: String?
    public let locked: Bool
    public let consentOn: CivilDate?
    /// Stored only with a consent; tells namesakes apart.
    public let birthYear: Int?
}

extension Connection {
    /// Everyone of the school year: students (and those who left during it), guardians, staff,
    /// with their classes; the birth year only while a consent is in force.
    /// Filtering by name happens in Swift: SQLite's `lower()` does not fold Cyrillic.
    public func people(year: Int, classID: Int?) throws -> [PersonListing] {
        try query("""
            WITH student_class AS (
                SELECT e.student_id AS person, c.id AS class_id, c.name AS class_name FROM enrolment e
                JOIN school_class c ON c.id = e.class_id AND c.year_id = ?1 WHERE \(Self.onListAtYearEnd)
            ), left_class AS (
                SELECT e.student_id AS person, c.id AS class_id, c.name AS class_name FROM enrolment e
                JOIN school_class c ON c.id = e.class_id AND c.year_id = ?1
                WHERE e.left_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM student_class s WHERE s.person = e.student_id)
            ), links AS (
                SELECT person, class_id, class_name, 'обучающийся' AS kind FROM student_class
                UNION ALL
                SELECT person, class_id, class_name, 'выбыл(а)' FROM left_class
                UNION ALL
                SELECT g.guardian_id, s.class_id, s.class_name, 'родитель' FROM guardian_link g JOIN student_class s ON s.person = g.student_id
                UNION ALL
                SELECT c.class_teacher_id, c.id, c.name, 'сотрудник' FROM school_class c WHERE c.year_id = ?1 AND c.class_teacher_id IS NOT NULL
                UNION ALL
                SELECT DISTINCT r.person_id, NULL, NULL, 'сотрудник' FROM staff_role r
            )
            SELECT p.id, p.last_name, p.first_name, p.middle_name, group_concat(DISTINCT l.kind),
                   group_concat(DISTINCT l.class_name), a.login, a.locked_at IS NOT NULL,
                   (SELECT max(given_on) FROM consent k WHERE k.person_id = p.id AND k.revoked_on IS NULL),
                   CASE WHEN EXISTS (SELECT 1 FROM consent k WHERE k.person_id = p.id AND k.revoked_on IS NULL) THEN p.birth_date END
            FROM links l JOIN person p ON p.id = l.person LEFT JOIN account a ON a.person_id = p.id
            WHERE ?2 IS NULL OR p.id IN (SELECT person FROM links WHERE class_id = ?2 AND kind <> 'сотрудник')
            GROUP BY p.id ORDER BY p.last_name, p.first_name, p.middle_name
            """, year, classID) { r in
            PersonListing(id: r.int(0), card: PersonCard(lastName: r.string(1), firstName: r.string(2), middleName: r.string(3)),
                          kind: r.string(4).split(separator: ",").map(String.init).sorted().joined(separator: ", "),
                          classes: r.string(5).split(separator: ",").map(String.init).sorted(),
                          login: r.optionalString(6), locked: r.bool(7), consentOn: try r.optionalDate(8),
                          birthYear: try r.optionalDate(9)?.year)
        }
    }

    /// What the access policy needs to know about a person: their classes and whether they are staff.
    /// A student who left during the year still belongs to the class they left (their card and
    /// history stay with its class teacher); a guardian belongs to their children's classes now.
    public func personScope(_ id: Int, year: Int) throws -> (classes: Set<Int>, isStaff: Bool)? {
        guard try first("SELECT 1 FROM person WHERE id = ?", id, row: { _ in true }) != nil else { return nil }
        let classes = try query("""
            SELECT e.class_id FROM enrolment e JOIN school_class c ON c.id = e.class_id AND c.year_id = ?2
            WHERE e.student_id = ?1 AND (e.left_on IS NULL OR NOT EXISTS (
                SELECT 1 FROM enrolment o JOIN school_class oc ON oc.id = o.class_id AND oc.year_id = ?2
                WHERE o.student_id = ?1 AND (o.left_on IS NULL OR o.left_on > e.left_on)))
            UNION
            SELECT e.class_id FROM guardian_link g JOIN enrolment e ON e.student_id = g.student_id AND e.left_on IS NULL
            JOIN school_class c ON c.id = e.class_id AND c.year_id = ?2 WHERE g.guardian_id = ?1
            """, id, year) { $0.int(0) }
        let staff = try first("SELECT 1 FROM staff_role WHERE person_id = ?", id) { _ in true } ?? false
        return (Set(classes), staff)
    }

    /// The person's consents, newest first: those in force, then those withdrawn (with the day).
    public func consents(person: Int) throws -> [(givenOn: CivilDate, document: String, givenBy: String, recordedAt: Int, revokedOn: CivilDate?)] {
        try query("""
            SELECT given_on, document, given_by, recorded_at, revoked_on FROM consent WHERE person_id = ?
            ORDER BY revoked_on IS NOT NULL, given_on DESC, id DESC
            """, person) {
            (try $0.date(0), $0.string(1), $0.string(2), $0.int(3), try $0.optionalDate(4))
        }
    }

    public func className(id: Int) throws -> String? {
        try first("SELECT name FROM school_class WHERE id = ?", id) { $0.string(0) }
    }
}

/// A student of a class in the year, as its page lists them: on the list now, arriving later,
/// or gone (with the date and the reason).
public struct ClassEnrolment: Sendable, Equatable {
    public let enrolment: Enrolment
    public let card: PersonCard
    /// The family refused electronic access (recorded on that date): they get printouts.
    public let electronicAccessRefusedOn: CivilDate?
}

extension Connection {
    /// Every enrolment of the class — current, future and closed — by name.
    public func classEnrolments(classID: Int) throws -> [ClassEnrolment] {
        try query("""
            SELECT e.student_id, e.joined_on, e.left_on, e.left_reason, p.last_name, p.first_name, p.middle_name, p.electronic_access_refused_on
            FROM enrolment e JOIN person p ON p.id = e.student_id WHERE e.class_id = ?
            ORDER BY p.last_name, p.first_name, p.middle_name, p.id
            """, classID) { r in
            ClassEnrolment(enrolment: Enrolment(studentID: r.int(0), classID: classID, joinedOn: try r.date(1), leftOn: try r.optionalDate(2), leftReason: r.string(3)),
                           card: PersonCard(lastName: r.string(4), firstName: r.string(5), middleName: r.string(6)),
                           electronicAccessRefusedOn: try r.optionalDate(7))
        }
    }

    /// The student's enrolments in the year, oldest first.
    public func enrolments(student: Int, year: Int) throws -> [Enrolment] {
        try query("""
            SELECT e.class_id, e.joined_on, e.left_on, e.left_reason FROM enrolment e JOIN school_class c ON c.id = e.class_id AND c.year_id = ?2
            WHERE e.student_id = ?1 ORDER BY e.joined_on, e.left_on IS NULL, e.left_on
            """, student, year) { r in
            Enrolment(studentID: student, classID: r.int(0), joinedOn: try r.date(1), leftOn: try r.optionalDate(2), leftReason: r.string(3))
        }
    }

    /// The student leaves the class: not on its lists from `date` on.
    public func closeEnrolment(student: Int, classID: Int, on date: CivilDate, reason: String) throws {
        try run("UPDATE enrolment SET left_on = ?, left_reason = ? WHERE student_id = ? AND class_id = ? AND left_on IS NULL",
                date, reason, student, classID)
    }

    public func setJoinedOn(student: Int, classID: Int, _ date: CivilDate) throws {
        try run("UPDATE enrolment SET joined_on = ? WHERE student_id = ? AND class_id = ?", date, student, classID)
    }

    /// The first and the last lesson date at which the student has a mark or an absence in the class.
    public func journalEntryDates(student: Int, classID: Int) throws -> (first: CivilDate, last: CivilDate)? {
        try first("""
            SELECT min(d), max(d) FROM (
                SELECT l.date AS d FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE m.student_id = ?1 AND l.class_id = ?2
                UNION ALL
                SELECT l.date FROM absence a JOIN lesson l ON l.id = a.lesson_id WHERE a.student_id = ?1 AND l.class_id = ?2)
            """, student, classID) { r in r.isNull(0) ? nil : (try r.date(0), try r.date(1)) } ?? nil
    }

    /// Where the person's consent stands: in force, withdrawn (and none given since), or never recorded.
    public func consentState(person: Int) throws -> ConsentState {
        try first("""
            SELECT (SELECT max(given_on) FROM consent WHERE person_id = ?1 AND revoked_on IS NULL),
                   (SELECT max(revoked_on) FROM consent WHERE person_id = ?1 AND revoked_on IS NOT NULL)
            """, person) { r in
            if let given = try r.optionalDate(0) { return .given(given) }
            if let revoked = try r.optionalDate(1) { return .revoked(revoked) }
            return ConsentState.none
        } ?? .none
    }

    /// Withdraws every consent in force; the number withdrawn.
    @discardableResult
    public func revokeConsents(person: Int, on date: CivilDate) throws -> Int {
        try run("UPDATE consent SET revoked_on = ? WHERE person_id = ? AND revoked_on IS NULL", date, person)
    }

    /// Writes a person's name and personal data as the card holds them.
    public func updatePerson(_ id: Int, _ p: PersonCard) throws {
        try run("""
            UPDATE person SET last_name = ?, first_name = ?, middle_name = ?, gender = ?, birth_date = ?, phone = ?, email = ? WHERE id = ?
            """, p.lastName, p.firstName, p.middleName, p.gender?.rawValue, p.birthDate, p.phone, p.email, id)
    }

    public func electronicAccessRefusedOn(person: Int) throws -> CivilDate? {
        try first("SELECT electronic_access_refused_on FROM person WHERE id = ?", person) { try $0.optionalDate(0) } ?? nil
    }

    /// Records (a date) or clears (nil) the family's refusal of electronic access.
    public func setElectronicAccessRefused(person: Int, on date: CivilDate?) throws {
        try run("UPDATE person SET electronic_access_refused_on = ? WHERE id = ?", date, person)
    }

    public func staffRoles(person: Int) throws -> [Role] {
        try query("SELECT role FROM staff_role WHERE person_id = ? ORDER BY role", person) { Role(rawValue: $0.string(0)) }.compactMap { $0 }
    }

    public func deleteStaffRole(person: Int, role: Role) throws {
        try run("DELETE FROM staff_role WHERE person_id = ? AND role = ?", person, role.rawValue)
    }

    /// The relation of a guardian to a student (nil: not linked).
    public func guardianRelation(guardian: Int, student: Int) throws -> String? {
        try first("SELECT relation FROM guardian_link WHERE guardian_id = ? AND student_id = ?", guardian, student) { $0.string(0) }
    }

    public func deleteGuardianLink(guardian: Int, student: Int) throws {
        try run("DELETE FROM guardian_link WHERE guardian_id = ? AND student_id = ?", guardian, student)
    }

    /// The children a guardian is linked to, by id.
    public func linkedStudents(guardian: Int) throws -> [Int] {
        try query("SELECT student_id FROM guardian_link WHERE guardian_id = ? ORDER BY student_id", guardian) { $0.int(0) }
    }

    /// People whose login is `text` (any case) or whose full name is exactly `text` («Фамилия Имя Отчество»).
    public func peopleNamed(loginOrFullName text: String) throws -> [Int] {
        try query("""
            SELECT person_id FROM account WHERE login = ?1
            UNION
            SELECT id FROM person WHERE trim(last_name || ' ' || first_name || ' ' || middle_name) = ?1
            """, text) { $0.int(0) }
    }

    /// Whether the person is anyone's student this year (on a class's list now).
    public func isEnrolled(_ person: Int, year: Int) throws -> Bool {
        try first("""
            SELECT 1 FROM enrolment e JOIN school_class c ON c.id = e.class_id AND c.year_id = ? WHERE e.student_id = ? AND e.left_on IS NULL
            """, year, person) { _ in true } ?? false
    }
}

extension Connection {
    /// Birth dates (nil where none is stored) of the students on a class's list now with exactly this full name.
    public func namesakes(_ card: PersonCard, classID: Int) throws -> [CivilDate?] {
        try query("""
            SELECT p.birth_date FROM enrolment e JOIN person p ON p.id = e.student_id
            WHERE e.class_id = ?1 AND e.left_on IS NULL AND p.last_name = ?2 AND p.first_name = ?3 AND p.middle_name = ?4
            """, classID, card.lastName, card.firstName, card.middleName) { try $0.optionalDate(0) }
    }
}

extension Connection {
    public func setGuardianRelation(guardian: Int, student: Int, _ relation: String) throws {
        try run("UPDATE guardian_link SET relation = ? WHERE guardian_id = ? AND student_id = ?", relation, guardian, student)
    }

    /// Whether the person was ever on a class's list (any year).
    public func wasEverEnrolled(_ person: Int) throws -> Bool {
        try first("SELECT 1 FROM enrolment WHERE student_id = ?", person) { _ in true } ?? false
    }
}
