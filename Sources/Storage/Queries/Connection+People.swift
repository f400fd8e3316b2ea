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
    /// Everyone of the school year: students, guardians, staff, with their classes.
    /// Filtering by name happens in Swift: SQLite's `lower()` does not fold Cyrillic.
    public func people(year: Int, classID: Int?) throws -> [PersonListing] {
        try query("""
            WITH student_class AS (
                SELECT e.student_id AS person, c.id AS class_id, c.name AS class_name FROM enrolment e
                JOIN school_class c ON c.id = e.class_id AND c.year_id = ?1 WHERE e.left_on IS NULL
            ), links AS (
                SELECT person, class_id, class_name, 'обучающийся' AS kind FROM student_class
                UNION ALL
                SELECT g.guardian_id, s.class_id, s.class_name, 'родитель' FROM guardian_link g JOIN student_class s ON s.person = g.student_id
                UNION ALL
                SELECT c.class_teacher_id, c.id, c.name, 'сотрудник' FROM school_class c WHERE c.year_id = ?1 AND c.class_teacher_id IS NOT NULL
                UNION ALL
                SELECT DISTINCT r.person_id, NULL, NULL, 'сотрудник' FROM staff_role r
            )
            SELECT p.id, p.last_name, p.first_name, p.middle_name, group_concat(DISTINCT l.kind),
                   group_concat(DISTINCT l.class_name), a.login, a.locked_at IS NOT NULL,
                   (SELECT max(given_on) FROM consent k WHERE k.person_id = p.id AND k.revoked_on IS NULL), p.birth_date
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
    public func personScope(_ id: Int, year: Int) throws -> (classes: Set<Int>, isStaff: Bool)? {
        guard try first("SELECT 1 FROM person WHERE id = ?", id, row: { _ in true }) != nil else { return nil }
        let classes = try query("""
            SELECT e.class_id FROM enrolment e JOIN school_class c ON c.id = e.class_id AND c.year_id = ?2
            WHERE e.student_id = ?1 AND e.left_on IS NULL
            UNION
            SELECT e.class_id FROM guardian_link g JOIN enrolment e ON e.student_id = g.student_id AND e.left_on IS NULL
            JOIN school_class c ON c.id = e.class_id AND c.year_id = ?2 WHERE g.guardian_id = ?1
            """, id, year) { $0.int(0) }
        let staff = try first("SELECT 1 FROM staff_role WHERE person_id = ?", id) { _ in true } ?? false
        return (Set(classes), staff)
    }

    public func consents(person: Int) throws -> [(givenOn: CivilDate, document: String, givenBy: String, recordedAt: Int)] {
        try query("SELECT given_on, document, given_by, recorded_at FROM consent WHERE person_id = ? AND revoked_on IS NULL ORDER BY given_on DESC", person) {
            (try $0.date(0), $0.string(1), $0.string(2), $0.int(3))
        }
    }

    public func className(id: Int) throws -> String? {
        try first("SELECT name FROM school_class WHERE id = ?", id) { $0.string(0) }
    }
}
