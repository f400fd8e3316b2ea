import Domain

/// A study group: a class's subgroup for a subject, or a cross-class group (no class), with its
/// teachers (from the teaching assignments) and its students.
public struct StudyGroup: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public let id: Int
        /// «Алексеев Артём»
        public let name: String
        public let classID: Int?
        public let className: String?
    }

    public let id: Int
    public let yearID: Int
    public let classID: Int?
    public let className: String?
    public let subjectID: Int?
    public let subjectName: String?
    public let name: String
    /// Who teaches it (teaching assignments naming the group), the latest assigned first.
    public let teacherIDs: [Int]
    /// «Смирнова А. О.», in the order of `teacherIDs`.
    public let teacherNames: [String]
    /// Its students, by name.
    public let members: [Member]
}

/// `GroupsDesk` and the groups' pages and API: groups of a class, their students and teachers.
extension Connection {
    public func studyGroupRecord(_ id: Int) throws -> (id: Int, yearID: Int, classID: Int?, subjectID: Int?, name: String)? {
        try first("SELECT id, year_id, class_id, subject_id, name FROM study_group WHERE id = ?", id) {
            (id: $0.int(0), yearID: $0.int(1), classID: $0.optionalInt(2), subjectID: $0.optionalInt(3), name: $0.string(4))
        }
    }

    public func studyGroup(_ id: Int) throws -> StudyGroup? {
        try studyGroups(ids: [id]).first
    }

    /// The groups of a class (its own subgroups, and the cross-class groups some of its students
    /// are in), by subject and name.
    public func studyGroups(classID: Int) throws -> [StudyGroup] {
        let ids = try query("""
            SELECT g.id FROM study_group g LEFT JOIN subject s ON s.id = g.subject_id
            WHERE g.class_id = ?1 OR (g.class_id IS NULL AND EXISTS (SELECT 1 FROM group_member m JOIN enrolment e ON e.student_id = m.student_id
                                                                        WHERE m.group_id = g.id AND e.class_id = ?1 AND e.left_on IS NULL))
            ORDER BY s.name, g.class_id IS NULL, g.name, g.id
            """, classID) { $0.int(0) }
        return try studyGroups(ids: ids)
    }

    /// Groups by id, in the order given.
    public func studyGroups(ids: [Int]) throws -> [StudyGroup] {
        guard !ids.isEmpty else { return [] }
        let list = Self.jsonList(ids)
        let groups = try query("""
            SELECT g.id, g.year_id, g.class_id, c.name, g.subject_id, s.name, g.name FROM json_each(?) j JOIN study_group g ON g.id = j.value
            LEFT JOIN school_class c ON c.id = g.class_id LEFT JOIN subject s ON s.id = g.subject_id ORDER BY j.key
            """, list) { r in
            (id: r.int(0), year: r.int(1), classID: r.optionalInt(2), className: r.optionalString(3), subjectID: r.optionalInt(4),
             subjectName: r.optionalString(5), name: r.string(6))
        }
        let teachers = try query("""
            SELECT DISTINCT a.group_id, p.id, p.last_name, p.first_name, p.middle_name FROM json_each(?) j JOIN teaching_assignment a ON a.group_id = j.value
            JOIN person p ON p.id = a.teacher_id ORDER BY a.id DESC
            """, list) { (group: $0.int(0), id: $0.int(1), name: PersonCard(lastName: $0.string(2), firstName: $0.string(3), middleName: $0.string(4)).shortName) }
        let members = try query("""
            SELECT m.group_id, p.id, p.last_name || ' ' || p.first_name, c.id, c.name FROM json_each(?1) j JOIN group_member m ON m.group_id = j.value
            JOIN person p ON p.id = m.student_id
            LEFT JOIN enrolment e ON e.student_id = p.id AND e.left_on IS NULL
                AND e.class_id IN (SELECT id FROM school_class WHERE year_id = (SELECT year_id FROM study_group WHERE id = m.group_id))
            LEFT JOIN school_class c ON c.id = e.class_id
            ORDER BY p.last_name, p.first_name, p.middle_name, p.id
            """, list) { (group: $0.int(0), member: StudyGroup.Member(id: $0.int(1), name: $0.string(2), classID: $0.optionalInt(3), className: $0.optionalString(4))) }
        return groups.map { g in
            let own = teachers.filter { $0.group == g.id }
            return StudyGroup(id: g.id, yearID: g.year, classID: g.classID, className: g.className, subjectID: g.subjectID, subjectName: g.subjectName,
                              name: g.name, teacherIDs: own.map(\.id), teacherNames: own.map(\.name),
                              members: members.filter { $0.group == g.id }.map(\.member))
        }
    }

    /// A group of the year with this name: in the class, or among the cross-class groups (class nil).
    public func studyGroupNamed(_ name: String, classID: Int?, year: Int) throws -> Int? {
        try first("SELECT id FROM study_group WHERE year_id = ? AND class_id IS ? AND name = ?", year, classID, name) { $0.int(0) }
    }

    /// The groups of a subject (of the year) a student is in.
    public func studentGroups(_ student: Int, subject: Int, year: Int) throws -> [Int] {
        try query("""
            SELECT g.id FROM group_member m JOIN study_group g ON g.id = m.group_id WHERE m.student_id = ? AND g.subject_id = ? AND g.year_id = ? ORDER BY g.id
            """, student, subject, year) { $0.int(0) }
    }

    /// The subjects a class is taught (its teaching assignments and timetable), by name.
    public func classSubjectList(classID: Int) throws -> [(id: Int, name: String)] {
        try query("""
            SELECT id, name FROM subject WHERE id IN (SELECT subject_id FROM teaching_assignment WHERE class_id = ?1
                                                      UNION SELECT subject_id FROM timetable_entry WHERE class_id = ?1)
            ORDER BY name
            """, classID) { (id: $0.int(0), name: $0.string(1)) }
    }

    /// Who teaches a class's subject to the whole class (the first of them), for a form's default.
    public func wholeClassTeacher(classID: Int, subjectID: Int) throws -> Int? {
        try first("SELECT teacher_id FROM teaching_assignment WHERE class_id = ? AND subject_id = ? AND group_id IS NULL ORDER BY id", classID, subjectID) { $0.int(0) }
    }
}

/// The groups' writes: rules and audit rows are `GroupsDesk`'s.
extension Connection {
    public func renameGroup(_ id: Int, to name: String) throws {
        try run("UPDATE study_group SET name = ? WHERE id = ?", name, id)
    }

    public func addGroupMember(group: Int, student: Int) throws {
        try run("INSERT INTO group_member (group_id, student_id) VALUES (?, ?) ON CONFLICT DO NOTHING", group, student)
    }

    public func removeGroupMember(group: Int, student: Int) throws {
        try run("DELETE FROM group_member WHERE group_id = ? AND student_id = ?", group, student)
    }

    /// The group is taught by `teacher` (nil: nobody new) in each of `classes`: its teaching
    /// assignments are replaced — except those of teachers the timetable still has giving the
    /// group's lessons on or after `keeping` (they keep the lessons they give until the timetable
    /// changes).
    public func setGroupTeacher(group: Int, year: Int, subject: Int, teacher: Int?, classes: Set<Int>, keeping: CivilDate? = nil) throws {
        try run("""
            DELETE FROM teaching_assignment WHERE group_id = ?1
              AND (?2 IS NULL OR teacher_id NOT IN (SELECT teacher_id FROM timetable_entry WHERE group_id = ?1 AND valid_to >= ?2))
            """, group, keeping)
        guard let teacher else { return }
        for classID in classes.sorted() {
            try ensureTeachingAssignment(year: year, teacher: teacher, subject: subject, classID: classID, group: group)
        }
    }
}
