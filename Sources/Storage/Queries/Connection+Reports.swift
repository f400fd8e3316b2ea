import Domain

/// The reports' reads: one set-based query per figure over a class and a date range, never a
/// query per student.
extension Connection {
    /// The subjects a class is taught (assignments) or had lessons of in the range, by name.
    public func reportSubjects(classID: Int, from: CivilDate, to: CivilDate) throws -> [(id: Int, name: String)] {
        try query("""
            SELECT s.id, s.name FROM subject s
            WHERE s.id IN (SELECT subject_id FROM teaching_assignment WHERE class_id = ?1)
               OR s.id IN (SELECT subject_id FROM lesson WHERE class_id = ?1 AND date BETWEEN ?2 AND ?3)
            ORDER BY s.name, s.id
            """, classID, from, to) { (id: $0.int(0), name: $0.string(1)) }
    }

    /// Every 1–5 mark of the class's lessons in the range, with its work type's weight: what
    /// the journal's averages are made of.
    public func reportMarks(classID: Int, from: CivilDate, to: CivilDate) throws -> [ReportMark] {
        try query("""
            SELECT m.student_id, l.subject_id, m.value, w.weight
            FROM lesson l INDEXED BY lesson_class_date JOIN mark m ON m.lesson_id = l.id JOIN work_type w ON w.id = m.work_type_id
            WHERE l.class_id = ?1 AND l.date BETWEEN ?2 AND ?3 AND m.value IS NOT NULL
            """, classID, from, to) { ReportMark(studentID: $0.int(0), subjectID: $0.int(1), mark: WeightedMark(value: $0.int(2), weight: $0.double(3))) }
    }

    /// Absences of the class's lessons in the range by student and reason: lessons, and
    /// minutes by the class's bells.
    public func reportAbsences(classID: Int, from: CivilDate, to: CivilDate) throws -> [ReportAbsence] {
        try query("""
            SELECT a.student_id, a.code, count(*),
                   coalesce(sum((substr(b.ends_at, 1, 2) * 60 + substr(b.ends_at, 4, 2)) - (substr(b.starts_at, 1, 2) * 60 + substr(b.starts_at, 4, 2))), 0)
            FROM lesson l INDEXED BY lesson_class_date JOIN absence a ON a.lesson_id = l.id
            JOIN school_class c ON c.id = l.class_id
            LEFT JOIN bell b ON b.schedule_id = c.bell_schedule_id AND b.number = l.bell_number
            WHERE l.class_id = ?1 AND l.date BETWEEN ?2 AND ?3
            GROUP BY a.student_id, a.code
            """, classID, from, to) { r in
            AbsenceCode(rawValue: r.string(1)).map { ReportAbsence(studentID: r.int(0), code: $0, lessons: r.int(2), minutes: r.int(3)) }
        }.compactMap { $0 }
    }

    /// Absences of the class's lessons in the range per week (its Monday) and reason, in lessons.
    public func reportAbsencesByWeek(classID: Int, from: CivilDate, to: CivilDate) throws -> [(week: CivilDate, code: AbsenceCode, lessons: Int)] {
        try query("""
            SELECT date(l.date, '-6 days', 'weekday 1') AS week, a.code, count(*)
            FROM lesson l INDEXED BY lesson_class_date JOIN absence a ON a.lesson_id = l.id
            WHERE l.class_id = ?1 AND l.date BETWEEN ?2 AND ?3
            GROUP BY week, a.code ORDER BY week
            """, classID, from, to) { r in
            let week = try r.date(0)
            return AbsenceCode(rawValue: r.string(1)).map { (week: week, code: $0, lessons: r.int(2)) }
        }.compactMap { $0 }
    }

    /// Накопляемость by timetabled teacher, class, subject and group over the range: the
    /// students on each list with no mark (1–5 or зачёт/незачёт alike) and with one, the lessons
    /// held by `heldBy` with a topic and with homework. Optionally one class's, one teacher's,
    /// one subject's rows.
    ///
    /// The lessons are read through `lesson_class_date` (there is no index on the date alone: a
    /// whole-school range scanned every lesson of every year), and counted here by lesson group
    /// and by student: grouping the 20,000 lessons and 80,000 marks of a quarter of a
    /// 1,500-student school in SQL sorted them, and the sorts cost more than the rest together.
    public func reportFilling(from: CivilDate, to: CivilDate, heldBy: CivilDate, classID: Int?, teacher: Int?, subject: Int?) throws -> [FillingRow] {
        let lessons = """
            SELECT l.id, l.teacher_id, l.class_id, l.subject_id, l.group_id, l.status = 'scheduled' AND l.date <= ?3 AS held,
                   trim(l.topic) <> '', trim(l.homework) <> ''
            FROM school_class sc JOIN lesson l INDEXED BY lesson_class_date ON l.class_id = sc.id AND l.date BETWEEN ?1 AND ?2
            WHERE (?4 IS NULL OR sc.id = ?4) AND (?5 IS NULL OR l.teacher_id = ?5) AND (?6 IS NULL OR l.subject_id = ?6)
            """
        // The lesson groups with their lessons held, topics and homework; each lesson's group.
        struct Key: Hashable { let teacher, schoolClass, subject: Int; let group: Int? }
        struct Held { var lessons = 0, topics = 0, homework = 0 }
        var keys: [Key: Int] = [:]
        var held: [Held] = []
        var lessonKey: [Int: Int] = [:]
        for (id, key, isHeld, topic, homework) in try query(lessons, from, to, heldBy, classID, teacher, subject, row: { r in
            (r.int(0), Key(teacher: r.int(1), schoolClass: r.int(2), subject: r.int(3), group: r.optionalInt(4)), r.bool(5),
             r.bool(6), r.bool(7))
        }) {
            let k = keys[key] ?? {
                keys[key] = held.count
                held.append(Held())
                return held.count - 1
            }()
            lessonKey[id] = k
            if isHeld {
                held[k].lessons += 1
                if topic { held[k].topics += 1 }
                if homework { held[k].homework += 1 }
            }
        }
        guard !keys.isEmpty else { return [] }
        // Marks (1–5 and зачёт/незачёт alike) per lesson group and student.
        var marks = Array(repeating: [Int: Int](), count: held.count)
        for (lesson, student) in try query("WITH l AS (\(lessons)) SELECT l.id, m.student_id FROM l JOIN mark m ON m.lesson_id = l.id",
                                           from, to, heldBy, classID, teacher, subject, row: { ($0.int(0), $0.int(1)) }) {
            if let k = lessonKey[lesson] { marks[k][student, default: 0] += 1 }
        }
        // Each class's list over the range, and each group's members.
        var lists: [Int: Set<Int>] = [:]
        for (student, classID) in try query("""
            SELECT student_id, class_id FROM enrolment WHERE joined_on <= ?2 AND (left_on IS NULL OR left_on > ?1) AND (?3 IS NULL OR class_id = ?3)
            """, from, to, classID, row: { ($0.int(0), $0.int(1)) }) {
            lists[classID, default: []].insert(student)
        }
        var groups: [Int: Set<Int>] = [:]
        let groupIDs = Set(keys.keys.compactMap(\.group))
        if !groupIDs.isEmpty {
            for (group, student) in try query("SELECT m.group_id, m.student_id FROM json_each(?) j CROSS JOIN group_member m ON m.group_id = j.value",
                                              Self.jsonList(groupIDs.sorted()), row: { ($0.int(0), $0.int(1)) }) {
                groups[group, default: []].insert(student)
            }
        }
        // The groups' names, in the report's order.
        let list = keys.sorted { $0.value < $1.value }.map { "[\($0.key.teacher),\($0.key.schoolClass),\($0.key.subject),\($0.key.group.map(String.init) ?? "null"),\($0.value)]" }
        return try query("""
            SELECT j.value ->> 0, p.last_name || ' ' || p.first_name || ' ' || p.middle_name, j.value ->> 1, sc.name, j.value ->> 2, su.name,
                   j.value ->> 3, g.name, sc.marks_enabled, j.value ->> 4
            FROM json_each(?) j JOIN person p ON p.id = j.value ->> 0 JOIN school_class sc ON sc.id = j.value ->> 1
            JOIN subject su ON su.id = j.value ->> 2 LEFT JOIN study_group g ON g.id = j.value ->> 3
            ORDER BY p.last_name, p.first_name, p.id, sc.grade, sc.letter, su.name, g.name
            """, "[" + list.joined(separator: ",") + "]") { r in
            let k = r.int(9)
            var students = lists[r.int(2)] ?? []
            if let group = r.optionalInt(6) { students.formIntersection(groups[group] ?? []) }
            let marked = marks[k].filter { students.contains($0.key) }
            return FillingRow(teacherID: r.int(0), teacher: r.string(1), classID: r.int(2), className: r.string(3), subjectID: r.int(4),
                              subject: r.string(5), groupID: r.optionalInt(6), group: r.optionalString(7), marksEnabled: r.int(8) == 1,
                              students: students.count, noMarks: students.count - marked.count, oneMark: marked.values.filter { $0 == 1 }.count,
                              lessons: held[k].lessons, withTopic: held[k].topics, withHomework: held[k].homework)
        }
    }

    /// Per teacher and class with any: lessons of theirs (timetabled) given by another teacher,
    /// lessons of theirs cancelled, lessons they gave in another teacher's place. Optionally one
    /// class's, one teacher's, one subject's.
    public func reportSubstitutions(from: CivilDate, to: CivilDate, classID: Int?, teacher: Int?, subject: Int?) throws -> [SubstitutionRow] {
        try query("""
            WITH l AS (
                SELECT teacher_id, actual_teacher_id, class_id, status,
                       actual_teacher_id IS NOT NULL AND actual_teacher_id <> teacher_id AND status = 'scheduled' AS replaced
                FROM lesson WHERE date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR class_id = ?3) AND (?5 IS NULL OR subject_id = ?5)
            ), r AS (
                SELECT teacher_id AS person, class_id, sum(replaced) AS missed, sum(status = 'cancelled') AS cancelled, 0 AS substituted
                FROM l GROUP BY teacher_id, class_id
                UNION ALL
                SELECT actual_teacher_id, class_id, 0, 0, count(*) FROM l WHERE replaced GROUP BY actual_teacher_id, class_id
            )
            SELECT r.person, p.last_name || ' ' || p.first_name || ' ' || p.middle_name, r.class_id, sc.name,
                   sum(r.missed), sum(r.cancelled), sum(r.substituted)
            FROM r JOIN person p ON p.id = r.person JOIN school_class sc ON sc.id = r.class_id
            WHERE ?4 IS NULL OR r.person = ?4
            GROUP BY r.person, r.class_id HAVING sum(r.missed) + sum(r.cancelled) + sum(r.substituted) > 0
            ORDER BY p.last_name, p.first_name, p.id, sc.grade, sc.letter
            """, from, to, classID, teacher, subject) { r in
            SubstitutionRow(teacherID: r.int(0), teacher: r.string(1), classID: r.int(2), className: r.string(3),
                            missed: r.int(4), cancelled: r.int(5), substituted: r.int(6))
        }
    }

    /// Sign-ins (web and kiosk) and changes (every other audited action but refusals and prints) per
    /// account and week of the school's time, for rows at or after `since` and before `until`
    /// (Unix seconds); weeks start on Monday, `offsetSeconds` east of UTC.
    public func reportActivity(since: Int, until: Int, offsetSeconds: Int) throws -> [ActivityRow] {
        try query("""
            SELECT date(a.at + ?3, 'unixepoch', '-6 days', 'weekday 1') AS week, a.account_id,
                   p.last_name || ' ' || p.first_name || ' ' || p.middle_name, ac.login,
                   coalesce((SELECT group_concat(role, ',') FROM staff_role s WHERE s.person_id = p.id),
                            CASE WHEN EXISTS (SELECT 1 FROM enrolment e WHERE e.student_id = p.id) THEN 'student'
                                 WHEN EXISTS (SELECT 1 FROM guardian_link g WHERE g.guardian_id = p.id) THEN 'guardian' ELSE '' END),
                   sum(a.action IN ('signin.success', 'signin.kiosk')) AS signins,
                   sum(a.action NOT LIKE 'signin.%' AND a.action NOT LIKE 'print.%' AND a.action <> 'access.denied') AS changes
            FROM audit a INDEXED BY audit_at JOIN account ac ON ac.id = a.account_id JOIN person p ON p.id = ac.person_id
            WHERE a.at >= ?1 AND a.at < ?2
            GROUP BY week, a.account_id HAVING signins + changes > 0
            ORDER BY week, p.last_name, p.first_name, a.account_id
            """, since, until, offsetSeconds) { r in
            let names = Set(r.string(4).split(separator: ",").map(String.init))
            return ActivityRow(week: try r.date(0), accountID: r.int(1), person: r.string(2), login: r.string(3),
                               roles: Role.allCases.filter { names.contains($0.rawValue) }, signIns: r.int(5), changes: r.int(6))
        }
    }

    /// Per teacher who gave the lessons (the substitute when there was one) of the range:
    /// marks entered (audit `mark.create`, not transferred from paper) and those entered later
    /// than `deadlines` allow; lessons given homework (their first non-empty `homework.change`)
    /// and those whose homework came after the class's last lesson of the day plus
    /// `homeworkMinutes`. Times are the school's, `offsetSeconds` east of UTC.
    public func reportTimeliness(from: CivilDate, to: CivilDate, offsetSeconds: Int, deadlines: MarkDeadlines, homeworkMinutes: Int,
                                 classID: Int?, teacher: Int?, subject: Int?) throws -> [TimelinessRow] {
        try query("""
            WITH l AS (
                SELECT id, coalesce(actual_teacher_id, teacher_id) AS teacher, class_id, date FROM lesson
                WHERE date BETWEEN ?1 AND ?2 AND (?10 IS NULL OR class_id = ?10) AND (?12 IS NULL OR subject_id = ?12)
            ), a AS (
                SELECT a.action, a.at, a.lesson_id, a.entity_id, a.new_value FROM audit a INDEXED BY audit_at
                WHERE a.at >= unixepoch(?1) - ?3 AND a.action IN ('mark.create', 'homework.change') AND a.lesson_id IS NOT NULL
            ), marks AS (
                SELECT l.teacher, count(*) AS given,
                       sum(julianday(date(a.at + ?3, 'unixepoch')) - julianday(l.date) >
                           CASE WHEN substr(a.new_value, instr(a.new_value, ' ') + 1) = ?4 THEN ?5 WHEN c.grade >= ?7 THEN ?8 ELSE ?6 END) AS late
                FROM a JOIN l ON l.id = a.lesson_id JOIN school_class c ON c.id = l.class_id LEFT JOIN mark m ON m.id = a.entity_id
                WHERE a.action = 'mark.create' AND coalesce(m.transferred, 0) = 0
                GROUP BY l.teacher
            ), first AS (
                SELECT l.teacher, l.class_id, l.date, min(a.at) AS at FROM a JOIN l ON l.id = a.lesson_id
                WHERE a.action = 'homework.change' AND coalesce(a.new_value, '') <> ''
                GROUP BY l.id
            ), homework AS (
                SELECT f.teacher, count(*) AS given,
                       sum(f.at + ?3 > unixepoch(f.date) + 60 * (?9 + (
                           SELECT coalesce(max(substr(b.ends_at, 1, 2) * 60 + substr(b.ends_at, 4, 2)), 0)
                           FROM lesson x JOIN school_class c ON c.id = x.class_id JOIN bell b ON b.schedule_id = c.bell_schedule_id AND b.number = x.bell_number
                           WHERE x.class_id = f.class_id AND x.date = f.date AND x.status = 'scheduled'))) AS late
                FROM first f GROUP BY f.teacher
            ), t AS (SELECT teacher FROM marks UNION SELECT teacher FROM homework)
            SELECT t.teacher, p.last_name || ' ' || p.first_name || ' ' || p.middle_name,
                   coalesce(marks.given, 0), coalesce(marks.late, 0), coalesce(homework.given, 0), coalesce(homework.late, 0)
            FROM t JOIN person p ON p.id = t.teacher LEFT JOIN marks ON marks.teacher = t.teacher LEFT JOIN homework ON homework.teacher = t.teacher
            WHERE ?11 IS NULL OR t.teacher = ?11
            ORDER BY p.last_name, p.first_name, p.id
            """, from, to, offsetSeconds, deadlines.oralCode, deadlines.oralDays, deadlines.writtenDays, deadlines.seniorGrade,
                     deadlines.seniorWrittenDays, homeworkMinutes, classID, teacher, subject) { r in
            TimelinessRow(teacherID: r.int(0), teacher: r.string(1), marks: r.int(2), lateMarks: r.int(3), homework: r.int(4), lateHomework: r.int(5))
        }
    }
}
