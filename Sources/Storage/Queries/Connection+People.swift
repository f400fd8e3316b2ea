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
