import Domain

/// Look-ups and writes the CSV imports need.
extension Connection {
    public func classID(name: String, year: Int) throws -> Int? {
        try first("SELECT id FROM school_class WHERE name = ? AND year_id = ?", name, year) { $0.int(0) }
    }

    /// A student of the year matching the name (and birth date, when given), with the class
    /// they are in and since when.
    public func findStudent(_ card: PersonCard, year: Int) throws -> (id: Int, classID: Int, joinedOn: CivilDate)? {
        try first("""
            SELECT p.id, e.class_id, e.joined_on FROM person p
            JOIN enrolment e ON e.student_id = p.id AND e.left_on IS NULL
            JOIN school_class c ON c.id = e.class_id AND c.year_id = ?5
            WHERE p.last_name = ?1 AND p.first_name = ?2 AND p.middle_name = ?3 AND (?4 IS NULL OR p.birth_date IS NULL OR p.birth_date = ?4)
            ORDER BY p.id LIMIT 1
            """, card.lastName, card.firstName, card.middleName, card.birthDate, year) { ($0.int(0), $0.int(1), try $0.date(2)) }
    }

    /// A person who was a student in an earlier year (or left) with this name and birth date (the
    /// name alone when either has no date): a known student comes back to a class, never twice.
    public func findFormerStudent(_ card: PersonCard) throws -> Int? {
        try first("""
            SELECT p.id FROM person p
            WHERE p.last_name = ?1 AND p.first_name = ?2 AND p.middle_name = ?3 AND (?4 IS NULL OR p.birth_date IS NULL OR p.birth_date = ?4)
              AND EXISTS (SELECT 1 FROM enrolment e WHERE e.student_id = p.id) ORDER BY p.id DESC LIMIT 1
            """, card.lastName, card.firstName, card.middleName, card.birthDate) { $0.int(0) }
    }

    /// Students of a class whose full name is `fullName` («Фамилия Имя Отчество»).
    public func studentsNamed(_ fullName: String, classID: Int) throws -> [Int] {
        try query("""
            SELECT p.id FROM enrolment e JOIN person p ON p.id = e.student_id
            WHERE e.class_id = ? AND e.left_on IS NULL
              AND trim(p.last_name || ' ' || p.first_name || ' ' || p.middle_name) = ?
            """, classID, fullName) { $0.int(0) }
    }

    /// The student leaves `old` on `date` (not on its list that day) and joins `new` the same day;
    /// back in a class they were in before, that enrolment is open again (one row per class).
    public func moveStudent(_ student: Int, from old: Int, to new: Int, on date: CivilDate) throws {
        try run("UPDATE enrolment SET left_on = ? WHERE student_id = ? AND class_id = ?", date, student, old)
        try run("""
            INSERT INTO enrolment (student_id, class_id, joined_on) VALUES (?, ?, ?)
            ON CONFLICT (student_id, class_id) DO UPDATE SET left_on = NULL
            """, student, new, date)
    }

    /// A person holding a staff role with exactly this name.
    public func findStaff(_ card: PersonCard) throws -> Int? {
        try first("""
            SELECT DISTINCT p.id FROM person p JOIN staff_role r ON r.person_id = p.id
            WHERE p.last_name = ? AND p.first_name = ? AND p.middle_name = ? ORDER BY p.id LIMIT 1
            """, card.lastName, card.firstName, card.middleName) { $0.int(0) }
    }

    /// Staff matching «Фамилия Имя Отчество» or «Фамилия И. О.».
    public func staffNamed(_ text: String) throws -> [Int] {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "." }).map(String.init)
        guard let last = parts.first else { return [] }
        let candidates = try query("""
            SELECT DISTINCT p.id, p.first_name, p.middle_name FROM person p JOIN staff_role r ON r.person_id = p.id
            WHERE p.last_name = ?
            """, last) { ($0.int(0), $0.string(1), $0.string(2)) }
        return candidates.filter { _, first, middle in
            guard parts.count > 1 else { return true }
            let f = parts[1], m = parts.count > 2 ? parts[2] : ""
            let firstOK = f == first || (f.count == 1 && first.hasPrefix(f))
            let middleOK = m.isEmpty || m == middle || (m.count == 1 && middle.hasPrefix(m))
            return firstOK && middleOK
        }.map(\.0)
    }

    /// A guardian with this name already linked to `student`, or with this name and phone.
    public func findGuardian(_ card: PersonCard, student: Int) throws -> Int? {
        try first("""
            SELECT p.id FROM person p
            WHERE p.last_name = ?1 AND p.first_name = ?2 AND p.middle_name = ?3
              AND (EXISTS (SELECT 1 FROM guardian_link g WHERE g.guardian_id = p.id AND g.student_id = ?4)
                   OR (?5 <> '' AND p.phone = ?5 AND EXISTS (SELECT 1 FROM guardian_link g WHERE g.guardian_id = p.id)))
            ORDER BY p.id LIMIT 1
            """, card.lastName, card.firstName, card.middleName, student, card.phone) { $0.int(0) }
    }

    public func isLinked(guardian: Int, student: Int) throws -> Bool {
        try first("SELECT 1 FROM guardian_link WHERE guardian_id = ? AND student_id = ?", guardian, student) { _ in true } ?? false
    }

    public func subjectID(named name: String) throws -> Int? {
        try first("SELECT id FROM subject WHERE lower(name) = lower(?1) OR lower(short_name) = lower(?1)", name) { $0.int(0) }
    }

    public func subjectNames() throws -> [String] {
        try query("SELECT name FROM subject ORDER BY name") { $0.string(0) }
    }

    public func groupID(named name: String, classID: Int) throws -> Int? {
        try first("SELECT id FROM study_group WHERE class_id = ? AND name = ?", classID, name) { $0.int(0) }
    }

    public func groupNames(classID: Int) throws -> [String] {
        try query("SELECT name FROM study_group WHERE class_id = ? ORDER BY name", classID) { $0.string(0) }
    }

    public func bellNumbers(classID: Int) throws -> [Int] {
        try query("SELECT b.number FROM bell b JOIN school_class c ON c.bell_schedule_id = b.schedule_id WHERE c.id = ? ORDER BY b.number", classID) { $0.int(0) }
    }

    public func roomID(named name: String) throws -> Int {
        if let id = try first("SELECT id FROM room WHERE name = ?", name, row: { $0.int(0) }) { return id }
        return try insertRoom(name: name)
    }

    /// The entry of the weekly timetable at a slot of a class (and group): its latest version.
    public func timetableEntry(classID: Int, group: Int?, weekday: Int, bell: Int, year: Int) throws -> (id: Int, subject: Int, teacher: Int, room: Int?)? {
        try first("""
            SELECT id, subject_id, teacher_id, room_id FROM timetable_entry
            WHERE class_id = ? AND coalesce(group_id, 0) = coalesce(?, 0) AND weekday = ? AND bell_number = ? AND year_id = ? ORDER BY valid_from DESC LIMIT 1
            """, classID, group, weekday, bell, year) { ($0.int(0), $0.int(1), $0.int(2), $0.optionalInt(3)) }
    }

    public func updateTimetableEntry(_ id: Int, subject: Int, teacher: Int, room: Int?) throws {
        try run("UPDATE timetable_entry SET subject_id = ?, teacher_id = ?, room_id = ? WHERE id = ?", subject, teacher, room, id)
    }

    public func ensureTeachingAssignment(year: Int, teacher: Int, subject: Int, classID: Int, group: Int?) throws {
        try run("""
            INSERT INTO teaching_assignment (year_id, teacher_id, subject_id, class_id, group_id) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """, year, teacher, subject, classID, group)
    }

    public func classTeacher(classID: Int) throws -> Int? {
        try first("SELECT class_teacher_id FROM school_class WHERE id = ?", classID) { $0.optionalInt(0) } ?? nil
    }

    public func hasRole(_ person: Int, _ role: Role) throws -> Bool {
        try first("SELECT 1 FROM staff_role WHERE person_id = ? AND role = ?", person, role.rawValue) { _ in true } ?? false
    }
}
