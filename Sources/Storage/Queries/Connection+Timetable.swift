import Domain

/// An entry of the weekly timetable (one version of it), with the names a person reads.
public struct TimetableEntryView: Sendable, Equatable {
    public let id: Int
    public let yearID: Int
    public let classID: Int
    public let className: String
    public let groupID: Int?
    public let groupName: String?
    public let subjectID: Int
    public let subjectName: String
    public let teacherID: Int
    /// «Кузнецова О. Н.»
    public let teacherName: String
    public let roomID: Int?
    public let roomName: String?
    public let weekday: Int
    public let bell: Int
    public let validFrom: CivilDate
    public let validTo: CivilDate

    /// «5А» or «5А · 1 группа».
    public var classLabel: String { className + (groupName.map { " · \($0)" } ?? "") }
}

/// The timetable's pages and `TimetableDesk`: weeks of classes and teachers, entries and their
/// versions, what is held at a bell (for the clash rules).
extension Connection {
    static let entryColumns = """
        t.id, t.year_id, t.class_id, c.name, t.group_id, g.name, t.subject_id, s.name, t.teacher_id,
        p.last_name, p.first_name, p.middle_name, t.room_id, r.name, t.weekday, t.bell_number, t.valid_from, t.valid_to
        """
    static let entryJoins = """
        FROM timetable_entry t JOIN school_class c ON c.id = t.class_id JOIN subject s ON s.id = t.subject_id
        JOIN person p ON p.id = t.teacher_id LEFT JOIN study_group g ON g.id = t.group_id LEFT JOIN room r ON r.id = t.room_id
        """

    static func entryView(_ r: Row) throws -> TimetableEntryView {
        TimetableEntryView(id: r.int(0), yearID: r.int(1), classID: r.int(2), className: r.string(3), groupID: r.optionalInt(4), groupName: r.optionalString(5),
                           subjectID: r.int(6), subjectName: r.string(7), teacherID: r.int(8),
                           teacherName: PersonCard(lastName: r.string(9), firstName: r.string(10), middleName: r.string(11)).shortName,
                           roomID: r.optionalInt(12), roomName: r.optionalString(13), weekday: r.int(14), bell: r.int(15),
                           validFrom: try r.date(16), validTo: try r.date(17))
    }

    public func timetableEntryView(_ id: Int) throws -> TimetableEntryView? {
        try first("SELECT \(Self.entryColumns) \(Self.entryJoins) WHERE t.id = ?", id, row: Self.entryView)
    }

    /// A class's entries in force on some day of `dates` (a week), by weekday, bell and group.
    public func timetableEntries(classID: Int, dates: ClosedRange<CivilDate>) throws -> [TimetableEntryView] {
        try query("""
            SELECT \(Self.entryColumns) \(Self.entryJoins)
            WHERE t.class_id = ?1 AND t.valid_from <= ?3 AND t.valid_to >= ?2 ORDER BY t.weekday, t.bell_number, g.name, t.id
            """, classID, dates.lowerBound, dates.upperBound, row: Self.entryView)
    }

    /// A teacher's entries in force on some day of `dates`, by weekday, bell and class.
    public func timetableEntries(teacher: Int, dates: ClosedRange<CivilDate>) throws -> [TimetableEntryView] {
        try query("""
            SELECT \(Self.entryColumns) \(Self.entryJoins)
            WHERE t.teacher_id = ?1 AND t.valid_from <= ?3 AND t.valid_to >= ?2 ORDER BY t.weekday, t.bell_number, c.grade, c.letter, t.id
            """, teacher, dates.lowerBound, dates.upperBound, row: Self.entryView)
    }

    /// A class's entries of a subject still in force on or after `date`.
    public func timetableEntries(classID: Int, subjectID: Int, from date: CivilDate) throws -> [TimetableEntryView] {
        try query("""
            SELECT \(Self.entryColumns) \(Self.entryJoins)
            WHERE t.class_id = ?1 AND t.subject_id = ?2 AND t.valid_to >= ?3 ORDER BY t.weekday, t.bell_number, t.id
            """, classID, subjectID, date, row: Self.entryView)
    }

    /// What the timetable holds at a weekday and bell on some day between two dates, as the clash rules read it.
    public func timetableSlotUses(year: Int, weekday: Int, bell: Int, dates: ClosedRange<CivilDate>, except: Set<Int>) throws -> [SlotUse] {
        let rows = try query("""
            SELECT \(Self.entryColumns) \(Self.entryJoins)
            WHERE t.year_id = ?1 AND t.weekday = ?2 AND t.bell_number = ?3 AND t.valid_from <= ?5 AND t.valid_to >= ?4
            """, year, weekday, bell, dates.lowerBound, dates.upperBound, row: Self.entryView).filter { !except.contains($0.id) }
        let members = try groupMembers(Set(rows.compactMap(\.groupID)))
        return rows.map {
            SlotUse(classID: $0.classID, className: $0.className, groupID: $0.groupID, groupName: $0.groupName, members: $0.groupID.flatMap { members[$0] } ?? [],
                    subjectName: $0.subjectName, teacherID: $0.teacherID, teacherName: $0.teacherName, roomID: $0.roomID, roomName: $0.roomName)
        }
    }

    /// The lessons held at a date and bell (not cancelled), as the clash rules read them: who actually teaches.
    public func lessonSlotUses(date: CivilDate, bell: Int, except: Int?) throws -> [SlotUse] {
        let rows = try query("""
            SELECT l.class_id, c.name, l.group_id, g.name, s.name, coalesce(l.actual_teacher_id, l.teacher_id), p.last_name, p.first_name, p.middle_name,
                   l.room_id, r.name
            FROM lesson l JOIN school_class c ON c.id = l.class_id JOIN subject s ON s.id = l.subject_id
            JOIN person p ON p.id = coalesce(l.actual_teacher_id, l.teacher_id) LEFT JOIN study_group g ON g.id = l.group_id LEFT JOIN room r ON r.id = l.room_id
            WHERE l.date = ?1 AND l.bell_number = ?2 AND l.status = 'scheduled' AND l.id IS NOT ?3
            """, date, bell, except) { r in
            (classID: r.int(0), className: r.string(1), group: r.optionalInt(2), groupName: r.optionalString(3), subject: r.string(4), teacher: r.int(5),
             teacherName: PersonCard(lastName: r.string(6), firstName: r.string(7), middleName: r.string(8)).shortName, room: r.optionalInt(9), roomName: r.optionalString(10))
        }
        let members = try groupMembers(Set(rows.compactMap(\.group)))
        return rows.map {
            SlotUse(classID: $0.classID, className: $0.className, groupID: $0.group, groupName: $0.groupName, members: $0.group.flatMap { members[$0] } ?? [],
                    subjectName: $0.subject, teacherID: $0.teacher, teacherName: $0.teacherName, roomID: $0.room, roomName: $0.roomName)
        }
    }

    /// The students of each group.
    public func groupMembers(_ groups: Set<Int>) throws -> [Int: Set<Int>] {
        guard !groups.isEmpty else { return [:] }
        var members: [Int: Set<Int>] = [:]
        for (group, student) in try query("""
            SELECT m.group_id, m.student_id FROM json_each(?) j JOIN group_member m ON m.group_id = j.value
            """, Self.jsonList(groups.sorted()), row: { ($0.int(0), $0.int(1)) }) {
            members[group, default: []].insert(student)
        }
        return members
    }

    /// The bells of a class's schedule.
    public func bells(classID: Int) throws -> [Bell] {
        try query("""
            SELECT b.number, b.starts_at, b.ends_at FROM bell b JOIN school_class c ON c.bell_schedule_id = b.schedule_id WHERE c.id = ? ORDER BY b.number
            """, classID) { Bell(number: $0.int(0), startsAt: try $0.time(1), endsAt: try $0.time(2)) }
    }

    /// The rooms the school has, by name (for choosing one).
    public func roomNames() throws -> [String] {
        try query("SELECT name FROM room ORDER BY length(name), name") { $0.string(0) }
    }

    /// A room by its name (the name as typed); nil when the school has no such room yet.
    public func room(named name: String) throws -> Int? {
        try first("SELECT id FROM room WHERE name = ?", name) { $0.int(0) }
    }

    /// A lesson's room.
    public func lessonRoom(_ lesson: Int) throws -> (id: Int?, name: String?)? {
        try first("SELECT l.room_id, r.name FROM lesson l LEFT JOIN room r ON r.id = l.room_id WHERE l.id = ?", lesson) {
            (id: $0.optionalInt(0), name: $0.optionalString(1))
        }
    }

    /// A teacher's short name, when the person teaches (or is on the staff).
    public func teacherShortName(_ person: Int) throws -> String? {
        try first("""
            SELECT last_name, first_name, middle_name FROM person WHERE id = ? AND EXISTS (SELECT 1 FROM staff_role WHERE person_id = person.id)
            """, person) { PersonCard(lastName: $0.string(0), firstName: $0.string(1), middleName: $0.string(2)).shortName }
    }
}

/// The timetable's writes (`TimetableDesk`): rules and audit rows are the desk's.
extension Connection {
    /// Ends a version of an entry on `date` (the day before a change takes effect).
    public func closeTimetableEntry(_ id: Int, on date: CivilDate) throws {
        try run("UPDATE timetable_entry SET valid_to = ? WHERE id = ?", date, id)
    }

    /// Changes a version in place (one that has not yet taken effect when the change does).
    public func rewriteTimetableEntry(_ id: Int, group: Int?, subject: Int, teacher: Int, room: Int?, weekday: Int, bell: Int, validFrom: CivilDate) throws {
        try run("""
            UPDATE timetable_entry SET group_id = ?, subject_id = ?, teacher_id = ?, room_id = ?, weekday = ?, bell_number = ?, valid_from = ? WHERE id = ?
            """, group, subject, teacher, room, weekday, bell, validFrom, id)
    }

    /// A room for one lesson, with the note diaries and the kiosk show.
    public func setLessonRoom(_ lesson: Int, room: Int?, note: String) throws {
        try run("UPDATE lesson SET room_id = ?, change_note = ? WHERE id = ?", room, note, lesson)
    }
}
