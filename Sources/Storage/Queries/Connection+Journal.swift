import Domain

/// A student on a journal's list, with the days they are on the class's list (an arrival from
/// `joinedOn`, a leaver until the day before `leftOn`).
public struct JournalStudent: Sendable, Equatable {
    public let id: Int
    public let name: String
    public let joinedOn: CivilDate
    public let leftOn: CivilDate?

    /// Whether the student is on the list on `date`: their cells of other dates are not theirs to fill.
    public func isEnrolled(on date: CivilDate) -> Bool { Enrolment.covers(date, joinedOn: joinedOn, leftOn: leftOn) }
}

/// A topic of the thematic plan (КТП).
public struct PlanTopic: Sendable, Equatable {
    public let id: Int
    public let position: Int
    public let title: String
    public let hours: Int
}

/// A lesson in a teacher's day or a journal grid's header.
public struct LessonSummary: Sendable, Equatable {
    public let id: Int
    public let date: CivilDate
    public let bell: Int
    public let startsAt: TimeOfDay?
    public let classID: Int
    public let className: String
    public let groupName: String?
    public let subjectID: Int
    public let subjectName: String
    public let topic: String
    public let homework: String
    public let cancelled: Bool
    public let changeNote: String
}

/// A lesson as the teacher's day lists it.
public struct DayLesson: Sendable, Equatable {
    public let summary: LessonSummary
    public let endsAt: TimeOfDay?
    public let room: String?
    /// Marks and absences entered so far.
    public let marks: Int
    public let absences: Int
}

extension Connection {
    public func journalLesson(_ id: Int) throws -> Lesson? {
        try first("""
            SELECT l.id, l.year_id, l.date, l.bell_number, b.starts_at, b.ends_at, c.id, c.name, c.marks_enabled, l.group_id, g.name,
                   s.id, s.name, t.id, t.last_name || ' ' || t.first_name || ' ' || t.middle_name,
                   a.id, a.last_name || ' ' || a.first_name || ' ' || a.middle_name, l.status = 'cancelled', l.change_note,
                   l.topic, l.plan_topic_id, l.homework, p.id, p.name, p.starts_on, p.ends_on, p.scheme, p.number
            FROM lesson l
            JOIN school_class c ON c.id = l.class_id
            JOIN subject s ON s.id = l.subject_id
            JOIN person t ON t.id = l.teacher_id
            LEFT JOIN person a ON a.id = l.actual_teacher_id
            LEFT JOIN study_group g ON g.id = l.group_id
            LEFT JOIN bell b ON b.schedule_id = c.bell_schedule_id AND b.number = l.bell_number
            LEFT JOIN period p ON p.year_id = l.year_id AND p.scheme = c.period_scheme AND l.date BETWEEN p.starts_on AND p.ends_on
            WHERE l.id = ?
            """, id) { r in
            Lesson(
                id: r.int(0), yearID: r.int(1), date: try r.date(2), bell: r.int(3),
                startsAt: try r.isNull(4) ? nil : r.time(4), endsAt: try r.isNull(5) ? nil : r.time(5),
                classID: r.int(6), className: r.string(7), marksEnabled: r.bool(8), groupID: r.optionalInt(9), groupName: r.optionalString(10),
                subjectID: r.int(11), subjectName: r.string(12), teacherID: r.int(13), teacherName: r.string(14),
                actualTeacherID: r.optionalInt(15), actualTeacherName: r.optionalString(16), cancelled: r.bool(17), changeNote: r.string(18),
                topic: r.string(19), planTopicID: r.optionalInt(20), homework: r.string(21),
                period: try r.isNull(22) ? nil : Period(id: r.int(22), scheme: PeriodScheme(rawValue: r.string(26)) ?? .quarter, number: r.int(27),
                                                        name: r.string(23), startsOn: r.date(24), endsOn: r.date(25)))
        }
    }

    /// What the access policy needs of a lesson (its class, subject, group and substitute), cheaply.
    public func lessonResource(_ id: Int) throws -> Resource? {
        try first("SELECT class_id, subject_id, group_id, actual_teacher_id FROM lesson WHERE id = ?", id) {
            .lesson(classID: $0.int(0), subjectID: $0.int(1), groupID: $0.optionalInt(2), substitute: $0.optionalInt(3))
        }
    }

    /// The class's (or group's) students enrolled at some time between two dates, by name: a
    /// lesson's list is its date's (`from` = `to`); a grid's keeps a leaver's row and an arrival's
    /// for the dates they were on the list.
    public func journalStudents(classID: Int, groupID: Int?, from: CivilDate, to: CivilDate) throws -> [JournalStudent] {
        try query("""
            SELECT p.id, p.last_name || ' ' || p.first_name, e.joined_on, e.left_on FROM enrolment e JOIN person p ON p.id = e.student_id
            WHERE e.class_id = ?1 AND e.joined_on <= ?4 AND (e.left_on IS NULL OR e.left_on > ?3)
              AND (?2 IS NULL OR EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = ?2 AND m.student_id = p.id))
            ORDER BY p.last_name, p.first_name, p.middle_name, p.id
            """, classID, groupID, from, to) { JournalStudent(id: $0.int(0), name: $0.string(1), joinedOn: try $0.date(2), leftOn: try $0.optionalDate(3)) }
    }

    public func schoolClass(_ id: Int) throws -> SchoolClass? {
        try first("SELECT id, name, year_id, grade FROM school_class WHERE id = ?", id) {
            SchoolClass(id: $0.int(0), name: $0.string(1), yearID: $0.int(2), grade: $0.int(3))
        }
    }

    public func subjectName(_ id: Int) throws -> String? {
        try first("SELECT name FROM subject WHERE id = ?", id) { $0.string(0) }
    }

    /// The group a student studies a class's subject in, when the subject is taught in groups
    /// (nil when it is taught to the whole class, or the student is in none of its groups).
    public func studyGroup(classID: Int, subjectID: Int, student: Int) throws -> Int? {
        try first("""
            SELECT t.group_id FROM teaching_assignment t JOIN group_member m ON m.group_id = t.group_id
            WHERE t.class_id = ? AND t.subject_id = ? AND m.student_id = ? ORDER BY t.group_id LIMIT 1
            """, classID, subjectID, student) { $0.int(0) }
    }

    /// Whether the student is on the class's (or group's) list on a date.
    public func isOnList(classID: Int, groupID: Int?, student: Int, on date: CivilDate) throws -> Bool {
        try first("""
            SELECT 1 FROM enrolment e WHERE e.class_id = ?1 AND e.student_id = ?3 AND e.joined_on <= ?4 AND (e.left_on IS NULL OR e.left_on > ?4)
              AND (?2 IS NULL OR EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = ?2 AND m.student_id = ?3))
            """, classID, groupID, student, date) { _ in true } ?? false
    }

    public func workTypes(includingInactive: Bool = false) throws -> [WorkType] {
        try query("SELECT id, code, name, weight, active FROM work_type WHERE active OR ? ORDER BY position, id", includingInactive) {
            WorkType(id: $0.int(0), code: $0.string(1), name: $0.string(2), weight: $0.double(3), active: $0.bool(4))
        }
    }

    static let markColumns = "m.id, m.lesson_id, m.student_id, m.value, m.passed, m.work_type_id, w.code, w.weight, m.transferred"

    static func journalMark(_ r: Row) -> Mark {
        Mark(id: r.int(0), lessonID: r.int(1), studentID: r.int(2), value: r.markValue(3), workTypeID: r.int(5), workType: r.string(6),
                    weight: r.double(7), transferred: r.bool(8))
    }

    public func journalMark(_ id: Int) throws -> Mark? {
        try first("SELECT \(Self.markColumns) FROM mark m JOIN work_type w ON w.id = m.work_type_id WHERE m.id = ?",
                  id, row: Self.journalMark)
    }

    public func journalMark(lesson: Int, student: Int, workType: Int) throws -> Mark? {
        try first("""
            SELECT \(Self.markColumns) FROM mark m JOIN work_type w ON w.id = m.work_type_id
            WHERE m.lesson_id = ? AND m.student_id = ? AND m.work_type_id = ?
            """, lesson, student, workType, row: Self.journalMark)
    }

    public func absenceCode(lesson: Int, student: Int) throws -> AbsenceCode? {
        try first("SELECT code FROM absence WHERE lesson_id = ? AND student_id = ?", lesson, student) { AbsenceCode(rawValue: $0.string(0)) } ?? nil
    }

    /// The class's (or group's) lessons of a subject between two dates, cancelled ones included.
    /// `INDEXED BY`: left to itself SQLite walks all of the class's lessons in date order.
    public func journalLessons(classID: Int, subjectID: Int, groupID: Int?, from: CivilDate, to: CivilDate) throws -> [LessonSummary] {
        try query("""
            SELECT \(Self.summaryColumns) \(Self.summaryJoins.replacing("FROM lesson l", with: "FROM lesson l INDEXED BY lesson_class_subject_date"))
            WHERE l.class_id = ?1 AND l.subject_id = ?2 AND l.date BETWEEN ?4 AND ?5 AND (?3 IS NULL OR l.group_id IS NULL OR l.group_id = ?3)
            ORDER BY l.date, l.bell_number
            """, classID, subjectID, groupID, from, to, row: Self.lessonSummary)
    }

    /// The lessons a teacher teaches on a date: their own and those they substitute in.
    /// The other lessons a teacher gives at a date and bell (their own or substitutions), not cancelled:
    /// a substitution there is a clash.
    public func teacherLessons(_ teacher: Int, on date: CivilDate, bell: Int, except lesson: Int) throws -> [LessonSummary] {
        try query("""
            SELECT \(Self.summaryColumns) \(Self.summaryJoins)
            WHERE l.date = ?2 AND l.bell_number = ?3 AND l.id <> ?4 AND l.status = 'scheduled'
              AND (l.actual_teacher_id = ?1 OR (l.teacher_id = ?1 AND l.actual_teacher_id IS NULL))
            ORDER BY c.name
            """, teacher, date, bell, lesson, row: Self.lessonSummary)
    }

    /// A teacher's lessons of a day (their own and those they substitute in), with what the
    /// day page shows: when each ends, the room, and how much has been entered.
    public func teacherDay(_ teacher: Int, on date: CivilDate) throws -> [DayLesson] {
        try query("""
            SELECT \(Self.summaryColumns), b.ends_at, r.name,
                   (SELECT count(*) FROM mark m WHERE m.lesson_id = l.id),
                   (SELECT count(*) FROM absence a WHERE a.lesson_id = l.id)
            \(Self.summaryJoins) LEFT JOIN room r ON r.id = l.room_id
            WHERE l.id IN (SELECT id FROM lesson WHERE teacher_id = ?1 AND date = ?2 UNION SELECT id FROM lesson WHERE actual_teacher_id = ?1 AND date = ?2)
            ORDER BY l.bell_number, c.name
            """, teacher, date) { r in
            DayLesson(summary: try Self.lessonSummary(r), endsAt: try r.isNull(13) ? nil : r.time(13), room: r.optionalString(14),
                      marks: r.int(15), absences: r.int(16))
        }
    }

    static let summaryColumns = """
        l.id, l.date, l.bell_number, b.starts_at, l.class_id, c.name, g.name, l.subject_id, s.name, l.topic, l.homework, l.status = 'cancelled', l.change_note
        """
    static let summaryJoins = """
        FROM lesson l JOIN school_class c ON c.id = l.class_id JOIN subject s ON s.id = l.subject_id
        LEFT JOIN study_group g ON g.id = l.group_id
        LEFT JOIN bell b ON b.schedule_id = c.bell_schedule_id AND b.number = l.bell_number
        """

    static func lessonSummary(_ r: Row) throws -> LessonSummary {
        LessonSummary(id: r.int(0), date: try r.date(1), bell: r.int(2), startsAt: try r.isNull(3) ? nil : r.time(3), classID: r.int(4),
                      className: r.string(5), groupName: r.optionalString(6), subjectID: r.int(7), subjectName: r.string(8), topic: r.string(9),
                      homework: r.string(10), cancelled: r.bool(11), changeNote: r.string(12))
    }

    /// Marks of the given lessons, oldest first. `CROSS JOIN` starts from the lessons.
    public func journalMarks(lessons: [Int]) throws -> [Mark] {
        guard !lessons.isEmpty else { return [] }
        return try query("""
            SELECT \(Self.markColumns) FROM json_each(?) j CROSS JOIN mark m ON m.lesson_id = j.value
            JOIN work_type w ON w.id = m.work_type_id ORDER BY m.id
            """, Self.jsonList(lessons), row: Self.journalMark)
    }

    public func journalAbsences(lessons: [Int]) throws -> [Absence] {
        guard !lessons.isEmpty else { return [] }
        return try query("""
            SELECT a.lesson_id, a.student_id, a.code FROM json_each(?) j CROSS JOIN absence a ON a.lesson_id = j.value
            """, Self.jsonList(lessons)) { r in
            AbsenceCode(rawValue: r.string(2)).map { Absence(lessonID: r.int(0), studentID: r.int(1), code: $0) }
        }.compactMap { $0 }
    }

    /// The period marks of a subject for the given students and period.
    public func journalPeriodMarks(students: [Int], subject: Int, period: Int) throws -> [PeriodMark] {
        guard !students.isEmpty else { return [] }
        return try query("""
            SELECT pm.id, pm.student_id, pm.period_id, pm.value, pm.passed, pm.special FROM json_each(?1) j
            CROSS JOIN period_mark pm ON pm.student_id = j.value AND pm.subject_id = ?2 AND pm.kind = 'period' AND pm.period_id = ?3
            """, Self.jsonList(students), subject, period) { PeriodMark(id: $0.int(0), studentID: $0.int(1), periodID: $0.int(2), value: $0.markValue(3, special: true)) }
    }

    /// Every period, year, exam and final mark of a subject for the given students in a year.
    public func finalMarks(students: [Int], subject: Int, year: Int) throws -> [PeriodMark] {
        guard !students.isEmpty else { return [] }
        return try query("""
            SELECT pm.id, pm.student_id, pm.kind, pm.period_id, pm.value, pm.passed, pm.special FROM json_each(?1) j
            CROSS JOIN period_mark pm ON pm.student_id = j.value AND pm.subject_id = ?2 AND pm.year_id = ?3
            ORDER BY pm.id
            """, Self.jsonList(students), subject, year) { r in
            PeriodMark(id: r.int(0), studentID: r.int(1), kind: PeriodMarkKind(rawValue: r.string(2)) ?? .period, periodID: r.optionalInt(3),
                       value: r.markValue(4, special: true))
        }
    }

    /// The year's year, exam and final marks of every subject for a class's students: (student, subject) → marks.
    public func classFinalMarks(classID: Int) throws -> [(subjectID: Int, mark: PeriodMark)] {
        try query("""
            SELECT pm.subject_id, pm.id, pm.student_id, pm.kind, pm.period_id, pm.value, pm.passed, pm.special
            FROM period_mark pm JOIN school_class c ON c.id = ?1 AND c.year_id = pm.year_id
            WHERE pm.student_id IN (SELECT student_id FROM enrolment WHERE class_id = ?1) AND pm.kind <> 'period'
            ORDER BY pm.id
            """, classID) { r in
            (r.int(0), PeriodMark(id: r.int(1), studentID: r.int(2), kind: PeriodMarkKind(rawValue: r.string(3)) ?? .final, periodID: r.optionalInt(4),
                                  value: r.markValue(5, special: true)))
        }
    }

    /// The students whose period mark in a subject is set: that period's marks are closed for them.
    public func studentsWithPeriodMark(subject: Int, period: Int) throws -> Set<Int> {
        Set(try query("SELECT student_id FROM period_mark WHERE subject_id = ? AND kind = 'period' AND period_id = ?", subject, period) { $0.int(0) })
    }

    public func periodMarkIsSet(student: Int, subject: Int, period: Int) throws -> Bool {
        try first("SELECT 1 FROM period_mark WHERE student_id = ? AND subject_id = ? AND kind = 'period' AND period_id = ?",
                  student, subject, period) { _ in true } ?? false
    }

    /// Lesson dates unlocked by the deputy for a class's subject and still in force at `now`.
    public func unlockedDates(classID: Int, subjectID: Int, now: Int) throws -> [ClosedRange<CivilDate>] {
        try query("SELECT from_date, to_date FROM journal_unlock WHERE class_id = ? AND subject_id = ? AND until > ?",
                  classID, subjectID, now) { try $0.date(0)...$0.date(1) }
    }

    /// Lesson dates of the transfer windows open at `now`.
    public func transferDates(now: Int) throws -> [ClosedRange<CivilDate>] {
        try query("SELECT from_date, to_date FROM transfer_window WHERE until > ?", now) { try $0.date(0)...$0.date(1) }
    }

    public func individualHomework(lesson: Int, student: Int) throws -> String? {
        try first("SELECT text FROM individual_homework WHERE lesson_id = ? AND student_id = ?", lesson, student) { $0.string(0) }
    }

    public func individualHomework(lesson: Int) throws -> [Int: String] {
        Dictionary(uniqueKeysWithValues: try query("SELECT student_id, text FROM individual_homework WHERE lesson_id = ?", lesson) { ($0.int(0), $0.string(1)) })
    }

    public func remarks(lesson: Int) throws -> [(student: Int, text: String, praise: Bool)] {
        try query("SELECT student_id, text, kind = 'praise' FROM remark WHERE lesson_id = ? ORDER BY id", lesson) { ($0.int(0), $0.string(1), $0.bool(2)) }
    }

    public func planTopicBelongs(_ id: Int, classID: Int, subjectID: Int) throws -> Bool {
        try first("SELECT 1 FROM plan_topic WHERE id = ? AND class_id = ? AND subject_id = ?", id, classID, subjectID) { _ in true } ?? false
    }

    /// The thematic plan of a class and subject, in order.
    public func planTopics(classID: Int, subjectID: Int) throws -> [PlanTopic] {
        try query("SELECT id, position, title, hours FROM plan_topic WHERE class_id = ? AND subject_id = ? ORDER BY position", classID, subjectID) {
            PlanTopic(id: $0.int(0), position: $0.int(1), title: $0.string(2), hours: $0.int(3))
        }
    }

    /// `[1,2,3]` for `json_each`: one statement for any number of ids.
    static func jsonList(_ ids: [Int]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }
}

/// What the change log is filtered by (`/audit`, `/api/v1/audit`); nil means any.
public struct AuditFilter: Sendable, Equatable {
    public var lesson: Int?
    public var student: Int?
    public var classID: Int?
    /// The person (a teacher, or anyone) whose account made the change.
    public var teacher: Int?
    public var from: CivilDate?
    public var to: CivilDate?
    /// Only journal entries (marks, absences, period marks, topics, homework, remarks).
    public var journalOnly: Bool

    public init(lesson: Int? = nil, student: Int? = nil, classID: Int? = nil, teacher: Int? = nil, from: CivilDate? = nil, to: CivilDate? = nil,
                journalOnly: Bool = false) {
        self.lesson = lesson
        self.student = student
        self.classID = classID
        self.teacher = teacher
        self.from = from
        self.to = to
        self.journalOnly = journalOnly
    }
}

/// An audit row with the login that made it.
public struct AuditListing: Sendable, Equatable {
    public let id: Int
    public let at: Int
    public let account: Int?
    public let login: String?
    public let person: String?
    public let via: String
    public let action: String
    public let entity: String
    public let entityID: Int?
    public let lesson: Int?
    public let student: Int?
    public let studentName: String?
    public let classID: Int?
    public let className: String?
    public let oldValue: String?
    public let newValue: String?
    public let reason: String
    /// The lesson's date, bell and subject, when the row belongs to a lesson.
    public let lessonDate: CivilDate?
    public let lessonBell: Int?
    public let lessonSubject: String?

    /// «5А, Алгебра, 13.11, 2-й урок».
    public var lessonLabel: String? {
        guard let lessonDate, let lessonBell else { return nil }
        return [className, lessonSubject, lessonDate.shortRussian, "\(lessonBell)-й урок"].compactMap { $0 }.joined(separator: ", ")
    }
}

extension Connection {
    /// Audit rows matching the filter, newest first, at most `limit`.
    public func auditEntries(_ f: AuditFilter, offsetMinutes: Int = SchoolClock.systemUTCOffsetMinutes, limit: Int = 5000) throws -> [AuditListing] {
        let from = f.from.map { SchoolDateTime(date: $0, time: TimeOfDay(minutes: 0)).unixSeconds(offsetMinutes: offsetMinutes) }
        let to = f.to.map { SchoolDateTime(date: $0.adding(days: 1), time: TimeOfDay(minutes: 0)).unixSeconds(offsetMinutes: offsetMinutes) }
        return try query("""
            SELECT a.id, a.at, a.account_id, ac.login, p.last_name || ' ' || p.first_name || ' ' || p.middle_name, a.via, a.action, a.entity,
                   a.entity_id, a.lesson_id, a.student_id, sp.last_name || ' ' || sp.first_name, a.class_id, c.name, a.old_value, a.new_value, a.reason,
                   l.date, l.bell_number, ls.name
            FROM audit a
            LEFT JOIN account ac ON ac.id = a.account_id LEFT JOIN person p ON p.id = ac.person_id
            LEFT JOIN person sp ON sp.id = a.student_id LEFT JOIN school_class c ON c.id = a.class_id
            LEFT JOIN lesson l ON l.id = a.lesson_id LEFT JOIN subject ls ON ls.id = l.subject_id
            WHERE (?1 IS NULL OR a.lesson_id = ?1) AND (?2 IS NULL OR a.student_id = ?2) AND (?3 IS NULL OR a.class_id = ?3)
              AND (?4 IS NULL OR a.account_id IN (SELECT id FROM account WHERE person_id = ?4)) AND (?5 IS NULL OR a.at >= ?5) AND (?6 IS NULL OR a.at < ?6)
              AND (NOT ?7 OR a.entity IN ('mark', 'absence', 'period_mark', 'lesson', 'remark'))
            ORDER BY a.id DESC LIMIT ?8
            """, f.lesson, f.student, f.classID, f.teacher, from, to, f.journalOnly, limit) { r in
            AuditListing(id: r.int(0), at: r.int(1), account: r.optionalInt(2), login: r.optionalString(3), person: r.optionalString(4),
                         via: r.string(5), action: r.string(6), entity: r.string(7), entityID: r.optionalInt(8), lesson: r.optionalInt(9),
                         student: r.optionalInt(10), studentName: r.optionalString(11), classID: r.optionalInt(12), className: r.optionalString(13),
                         oldValue: r.optionalString(14), newValue: r.optionalString(15), reason: r.string(16),
                         lessonDate: r.optionalString(17).flatMap(CivilDate.init(iso:)), lessonBell: r.optionalInt(18), lessonSubject: r.optionalString(19))
        }
    }
}

/// A journal one can open: a class's subject (for a group, when taught in groups).
public struct JournalListing: Sendable, Equatable {
    public let classID: Int
    public let className: String
    public let subjectID: Int
    public let subjectName: String
    public let groupID: Int?
    public let groupName: String?
    public let teacherID: Int
    public let teacherName: String
}

extension Connection {
    /// The year's journals from the teaching assignments, by class and subject.
    public func journalListings(year: Int) throws -> [JournalListing] {
        try query("""
            SELECT c.id, c.name, s.id, s.name, g.id, g.name, t.id, t.last_name || ' ' || substr(t.first_name, 1, 1) || '. ' || substr(t.middle_name, 1, 1) || '.'
            FROM teaching_assignment a JOIN school_class c ON c.id = a.class_id JOIN subject s ON s.id = a.subject_id
            JOIN person t ON t.id = a.teacher_id LEFT JOIN study_group g ON g.id = a.group_id
            WHERE a.year_id = ? AND a.draft = 0 ORDER BY c.grade, c.letter, s.name, g.name
            """, year) { r in
            JournalListing(classID: r.int(0), className: r.string(1), subjectID: r.int(2), subjectName: r.string(3), groupID: r.optionalInt(4),
                           groupName: r.optionalString(5), teacherID: r.int(6), teacherName: r.string(7))
        }
    }
}

extension Connection {
    /// The versions of a class's journal data and of the school-wide lists (`journal_version`).
    public func journalVersion(classID: Int) throws -> (class: Int, school: Int) {
        try first("""
            SELECT coalesce((SELECT version FROM journal_version WHERE class_id = ?), 0),
                   coalesce((SELECT version FROM journal_version WHERE class_id = 0), 0)
            """, classID) { (class: $0.int(0), school: $0.int(1)) } ?? (0, 0)
    }
}
