import Domain

/// A teaching assignment (нагрузка) as the structure pages list it: ids with the names they stand for.
public struct AssignmentListing: Sendable, Equatable {
    public let id: Int
    public let teacherID: Int
    public let teacher: String
    public let subjectID: Int
    public let subject: String
    public let classID: Int
    public let className: String
    public let groupID: Int?
    public let group: String?
    public let hours: Double
    /// Carried from last year by `tabel year new`, not yet confirmed: gives no journal yet.
    public var draft = false
}

/// A study group of a class, for choosing one in a teaching assignment.
public struct GroupChoice: Sendable, Equatable {
    public let id: Int
    public let classID: Int?
    public let name: String
}

/// A lesson whose date is now outside its class's plan (in a holiday for its grade, or in no
/// period of its class's scheme), with what was entered for it.
public struct LessonOutsidePlan: Sendable, Equatable {
    public let id: Int
    public let date: CivilDate
    public let bell: Int
    public let classID: Int
    public let className: String
    public let subject: String
    public let group: String?
    public let marks: Int
    public let absences: Int
    /// Homework, a topic of its own (not the КТП's), remarks or individual homework.
    public let homework: Bool
    public let topic: Bool
    public let remarks: Bool
    /// Cancelled, moved or otherwise changed in the timetable.
    public let changed: Bool
}

/// The school's structure as the administrator's pages read it: years, periods, holidays,
/// bells, rooms, subjects, classes and teaching assignments, and what refers to each.
extension Connection {
    public func academicYears() throws -> [AcademicYear] {
        try query("SELECT id, name, starts_on, ends_on FROM academic_year ORDER BY starts_on") {
            AcademicYear(id: $0.int(0), name: $0.string(1), startsOn: try $0.date(2), endsOn: try $0.date(3))
        }
    }

    public func academicYear(id: Int) throws -> AcademicYear? {
        try first("SELECT id, name, starts_on, ends_on FROM academic_year WHERE id = ?", id) {
            AcademicYear(id: $0.int(0), name: $0.string(1), startsOn: try $0.date(2), endsOn: try $0.date(3))
        }
    }

    /// The year's periods of both schemes, quarters first, each in number order.
    public func periods(year: Int) throws -> [Period] {
        try query("""
            SELECT id, scheme, number, name, starts_on, ends_on FROM period WHERE year_id = ?
            ORDER BY scheme = 'half', number
            """, year) { r in
            Period(id: r.int(0), scheme: PeriodScheme(rawValue: r.string(1)) ?? .quarter, number: r.int(2), name: r.string(3),
                   startsOn: try r.date(4), endsOn: try r.date(5))
        }
    }

    /// A period with the year it belongs to.
    public func period(_ id: Int) throws -> (period: Period, year: Int)? {
        try first("SELECT id, scheme, number, name, starts_on, ends_on, year_id FROM period WHERE id = ?", id) { r in
            (Period(id: r.int(0), scheme: PeriodScheme(rawValue: r.string(1)) ?? .quarter, number: r.int(2), name: r.string(3),
                    startsOn: try r.date(4), endsOn: try r.date(5)), r.int(6))
        }
    }

    public func holidays(year: Int) throws -> [Holiday] {
        try query("""
            SELECT id, name, starts_on, ends_on, min_grade, max_grade FROM holiday WHERE year_id = ? ORDER BY starts_on, min_grade, id
            """, year) { r in
            Holiday(id: r.int(0), name: r.string(1), startsOn: try r.date(2), endsOn: try r.date(3), grades: r.int(4)...max(r.int(4), r.int(5)))
        }
    }

    public func holiday(_ id: Int) throws -> (holiday: Holiday, year: Int)? {
        try first("SELECT id, name, starts_on, ends_on, min_grade, max_grade, year_id FROM holiday WHERE id = ?", id) { r in
            (Holiday(id: r.int(0), name: r.string(1), startsOn: try r.date(2), endsOn: try r.date(3), grades: r.int(4)...max(r.int(4), r.int(5))), r.int(6))
        }
    }

    /// Every bell schedule with its bells, the main one (lowest id) first.
    public func bellSchedules() throws -> [BellSchedule] {
        let bells = try query("SELECT schedule_id, number, starts_at, ends_at FROM bell ORDER BY schedule_id, number") {
            (schedule: $0.int(0), bell: Bell(number: $0.int(1), startsAt: try $0.time(2), endsAt: try $0.time(3)))
        }
        return try query("SELECT id, name FROM bell_schedule ORDER BY id") { r in
            let id = r.int(0)
            return BellSchedule(id: id, name: r.string(1), bells: bells.filter { $0.schedule == id }.map(\.bell))
        }
    }

    public func rooms() throws -> [Room] {
        try query("SELECT id, name FROM room ORDER BY length(name), name") { Room(id: $0.int(0), name: $0.string(1)) }
    }

    public func subjects() throws -> [Subject] {
        try query("SELECT id, name, short_name, scale FROM subject ORDER BY name") {
            Subject(id: $0.int(0), name: $0.string(1), shortName: $0.string(2), scale: SubjectScale(rawValue: $0.string(3)) ?? .marks)
        }
    }

    /// How the subject is assessed; nil when there is no such subject.
    public func subjectScale(_ id: Int) throws -> SubjectScale? {
        try first("SELECT scale FROM subject WHERE id = ?", id) { SubjectScale(rawValue: $0.string(0)) ?? .marks }
    }

    /// The year's classes as they are set up, by grade and letter.
    public func classProfiles(year: Int) throws -> [ClassProfile] {
        try query("""
            SELECT id, grade, letter, name, class_teacher_id, bell_schedule_id, period_scheme, marks_enabled FROM school_class
            WHERE year_id = ? ORDER BY grade, letter, name
            """, year, row: Self.classProfile)
    }

    public func classProfile(_ id: Int) throws -> (profile: ClassProfile, year: Int)? {
        try first("""
            SELECT id, grade, letter, name, class_teacher_id, bell_schedule_id, period_scheme, marks_enabled, year_id FROM school_class WHERE id = ?
            """, id) { (Self.classProfile($0), $0.int(8)) }
    }

    static func classProfile(_ r: Row) -> ClassProfile {
        ClassProfile(id: r.int(0), grade: r.int(1), letter: r.string(2), name: r.string(3), classTeacherID: r.optionalInt(4),
                     bellScheduleID: r.int(5), scheme: PeriodScheme(rawValue: r.string(6)) ?? .quarter, marksEnabled: r.bool(7))
    }

    /// The year's study groups (a class's subgroups and cross-class groups), by class and name.
    public func studyGroups(year: Int) throws -> [GroupChoice] {
        try query("""
            SELECT g.id, g.class_id, coalesce(c.name || ' — ', '') || g.name FROM study_group g LEFT JOIN school_class c ON c.id = g.class_id
            WHERE g.year_id = ? ORDER BY c.grade, c.letter, g.name
            """, year) { GroupChoice(id: $0.int(0), classID: $0.optionalInt(1), name: $0.string(2)) }
    }

    public func teachingAssignments(year: Int) throws -> [AssignmentListing] {
        try query("""
            SELECT t.id, t.teacher_id, p.last_name || ' ' || p.first_name || ' ' || p.middle_name, t.subject_id, s.name,
                   t.class_id, c.name, t.group_id, g.name, t.hours_per_week, t.draft
            FROM teaching_assignment t JOIN person p ON p.id = t.teacher_id JOIN subject s ON s.id = t.subject_id
            JOIN school_class c ON c.id = t.class_id LEFT JOIN study_group g ON g.id = t.group_id
            WHERE t.year_id = ? ORDER BY c.grade, c.letter, s.name, g.name, p.last_name, p.first_name
            """, year) { r in
            AssignmentListing(id: r.int(0), teacherID: r.int(1), teacher: r.string(2).trimmingWhitespace, subjectID: r.int(3), subject: r.string(4),
                              classID: r.int(5), className: r.string(6), groupID: r.optionalInt(7), group: r.optionalString(8), hours: r.double(9),
                              draft: r.bool(10))
        }
    }

    public func teachingAssignment(_ id: Int) throws -> (assignment: AssignmentListing, year: Int)? {
        try first("""
            SELECT t.id, t.teacher_id, p.last_name || ' ' || p.first_name || ' ' || p.middle_name, t.subject_id, s.name,
                   t.class_id, c.name, t.group_id, g.name, t.hours_per_week, t.year_id
            FROM teaching_assignment t JOIN person p ON p.id = t.teacher_id JOIN subject s ON s.id = t.subject_id
            JOIN school_class c ON c.id = t.class_id LEFT JOIN study_group g ON g.id = t.group_id WHERE t.id = ?
            """, id) { r in
            (AssignmentListing(id: r.int(0), teacherID: r.int(1), teacher: r.string(2).trimmingWhitespace, subjectID: r.int(3), subject: r.string(4),
                               classID: r.int(5), className: r.string(6), groupID: r.optionalInt(7), group: r.optionalString(8), hours: r.double(9)), r.int(10))
        }
    }

    /// Whether a teaching assignment of the same teacher, subject, class and group exists (other than `except`).
    public func teachingAssignmentExists(teacher: Int, subject: Int, class classID: Int, group: Int?, except: Int?) throws -> Bool {
        try first("""
            SELECT 1 FROM teaching_assignment WHERE teacher_id = ? AND subject_id = ? AND class_id = ? AND coalesce(group_id, 0) = coalesce(?, 0)
              AND id IS NOT ?
            """, teacher, subject, classID, group, except) { _ in true } ?? false
    }

    // MARK: What refers to a thing

    /// Counts by kind of what refers to a row, from `(kind, SELECT count(*) … ?1)` pairs; only the kinds with any.
    func references(_ id: Int, _ counts: [(StructureReference, String)]) throws -> [StructureReference: Int] {
        var found: [StructureReference: Int] = [:]
        for (kind, sql) in counts {
            let n = try first(sql, id) { $0.int(0) } ?? 0
            if n > 0 { found[kind] = n }
        }
        return found
    }

    /// Period marks and families' acknowledgements of the period.
    public func references(period id: Int) throws -> [StructureReference: Int] {
        try references(id, [
            (.periodMarks, "SELECT count(*) FROM period_mark WHERE period_id = ?1"),
            (.acknowledgements, "SELECT count(*) FROM acknowledgement WHERE period_id = ?1"),
        ])
    }

    public func references(bellSchedule id: Int) throws -> [StructureReference: Int] {
        try references(id, [(.classes, "SELECT count(*) FROM school_class WHERE bell_schedule_id = ?1")])
    }

    /// Timetable entries and lessons, at that bell, of the classes that ring by the schedule.
    public func references(bellSchedule id: Int, number: Int) throws -> [StructureReference: Int] {
        var found: [StructureReference: Int] = [:]
        let timetable = try first("""
            SELECT count(*) FROM timetable_entry t JOIN school_class c ON c.id = t.class_id WHERE c.bell_schedule_id = ? AND t.bell_number = ?
            """, id, number) { $0.int(0) } ?? 0
        let lessons = try first("""
            SELECT count(*) FROM lesson l JOIN school_class c ON c.id = l.class_id WHERE c.bell_schedule_id = ? AND l.bell_number = ?
            """, id, number) { $0.int(0) } ?? 0
        if timetable > 0 { found[.timetable] = timetable }
        if lessons > 0 { found[.lessons] = lessons }
        return found
    }

    public func references(room id: Int) throws -> [StructureReference: Int] {
        try references(id, [
            (.timetable, "SELECT count(*) FROM timetable_entry WHERE room_id = ?1"),
            (.lessons, "SELECT count(*) FROM lesson WHERE room_id = ?1"),
        ])
    }

    public func references(subject id: Int) throws -> [StructureReference: Int] {
        try references(id, [
            (.assignments, "SELECT count(*) FROM teaching_assignment WHERE subject_id = ?1"),
            (.timetable, "SELECT count(*) FROM timetable_entry WHERE subject_id = ?1"),
            (.lessons, "SELECT count(*) FROM lesson WHERE subject_id = ?1"),
            (.plan, "SELECT count(*) FROM plan_topic WHERE subject_id = ?1"),
            (.groups, "SELECT count(*) FROM study_group WHERE subject_id = ?1"),
            (.periodMarks, "SELECT count(*) FROM period_mark WHERE subject_id = ?1"),
            (.unlocks, "SELECT count(*) FROM journal_unlock WHERE subject_id = ?1"),
        ])
    }

    public func references(class id: Int) throws -> [StructureReference: Int] {
        try references(id, [
            (.students, "SELECT count(*) FROM enrolment WHERE class_id = ?1"),
            (.lessons, "SELECT count(*) FROM lesson WHERE class_id = ?1"),
            (.timetable, "SELECT count(*) FROM timetable_entry WHERE class_id = ?1"),
            (.assignments, "SELECT count(*) FROM teaching_assignment WHERE class_id = ?1"),
            (.groups, "SELECT count(*) FROM study_group WHERE class_id = ?1"),
            (.plan, "SELECT count(*) FROM plan_topic WHERE class_id = ?1"),
            (.unlocks, "SELECT count(*) FROM journal_unlock WHERE class_id = ?1"),
            (.events, "SELECT count(*) FROM school_event WHERE class_id = ?1"),
        ])
    }

    /// The timetable entries the assignment stands for: the same teacher's subject in the same class (and group).
    public func references(assignment id: Int) throws -> [StructureReference: Int] {
        try references(id, [(.timetable, """
            SELECT count(*) FROM timetable_entry e JOIN teaching_assignment t ON t.id = ?1
            WHERE e.year_id = t.year_id AND e.teacher_id = t.teacher_id AND e.subject_id = t.subject_id AND e.class_id = t.class_id
              AND coalesce(e.group_id, 0) = coalesce(t.group_id, 0)
            """)])
    }

    /// Whether any of the class's students has a period mark for a period of `scheme`.
    public func periodMarksSet(class classID: Int, scheme: PeriodScheme) throws -> Bool {
        try first("""
            SELECT 1 FROM period_mark m JOIN period p ON p.id = m.period_id
            WHERE p.scheme = ?2 AND m.student_id IN (SELECT student_id FROM enrolment WHERE class_id = ?1) LIMIT 1
            """, classID, scheme.rawValue) { _ in true } ?? false
    }

    /// The bells the class's timetable uses, in order.
    public func timetableBells(class classID: Int) throws -> [Int] {
        try query("SELECT DISTINCT bell_number FROM timetable_entry WHERE class_id = ? ORDER BY bell_number", classID) { $0.int(0) }
    }

    /// How many of the year's marks of the subject are 1–5 values and how many pass/fail.
    public func subjectMarkKinds(subject: Int, year: Int) throws -> (values: Int, passFail: Int) {
        try first("""
            SELECT count(m.value), count(m.passed) FROM mark m JOIN lesson l ON l.id = m.lesson_id WHERE l.subject_id = ? AND l.year_id = ?
            """, subject, year) { ($0.int(0), $0.int(1)) } ?? (0, 0)
    }

    // MARK: The plan and the lessons

    /// Where a lesson of `l`, in class `c`, is outside the plan: on a holiday of its grade, or in
    /// no period of its class's scheme.
    static let outsidePlan = """
        (EXISTS (SELECT 1 FROM holiday h WHERE h.year_id = l.year_id AND c.grade BETWEEN h.min_grade AND h.max_grade
                 AND l.date BETWEEN h.starts_on AND h.ends_on)
         OR NOT EXISTS (SELECT 1 FROM period p WHERE p.year_id = l.year_id AND p.scheme = c.period_scheme
                        AND l.date BETWEEN p.starts_on AND p.ends_on))
        """

    /// The year's lessons from `from` on that are outside the plan, by date, class and bell.
    public func lessonsOutsidePlan(year: Int, from: CivilDate? = nil) throws -> [LessonOutsidePlan] {
        try query("""
            SELECT l.id, l.date, l.bell_number, c.id, c.name, s.name, g.name,
                   (SELECT count(*) FROM mark WHERE lesson_id = l.id), (SELECT count(*) FROM absence WHERE lesson_id = l.id),
                   l.homework <> '' OR EXISTS (SELECT 1 FROM individual_homework WHERE lesson_id = l.id),
                   l.topic <> '' AND l.plan_topic_id IS NULL, EXISTS (SELECT 1 FROM remark WHERE lesson_id = l.id),
                   l.status <> 'scheduled' OR l.change_note <> '' OR EXISTS (SELECT 1 FROM timetable_change WHERE lesson_id = l.id)
            FROM lesson l JOIN school_class c ON c.id = l.class_id JOIN subject s ON s.id = l.subject_id LEFT JOIN study_group g ON g.id = l.group_id
            WHERE l.year_id = ?1 AND l.date >= ?2 AND \(Self.outsidePlan)
            ORDER BY l.date, c.grade, c.letter, l.bell_number, l.id
            """, year, from ?? CivilDate(year: 1, month: 1, day: 1)!) { r in
            LessonOutsidePlan(id: r.int(0), date: try r.date(1), bell: r.int(2), classID: r.int(3), className: r.string(4), subject: r.string(5),
                              group: r.optionalString(6), marks: r.int(7), absences: r.int(8), homework: r.bool(9), topic: r.bool(10),
                              remarks: r.bool(11), changed: r.bool(12))
        }
    }
}
