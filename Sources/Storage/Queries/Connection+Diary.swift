import Domain

/// The queries behind a student's diary. Each is indexed on the student or the class and
/// the date, so a week costs the same in May as in September. `CROSS JOIN` keeps SQLite
/// starting from the week's few lessons rather than from all of the student's marks.
extension Connection {
    /// The student, with their class in the year containing `date`: the one they are on the list
    /// of, else the one they left last (a leaver's diary shows their time at school).
    public func diaryStudent(_ id: Int, on date: CivilDate) throws -> DiaryStudent? {
        try first("""
            SELECT p.id, p.last_name || ' ' || p.first_name, c.id, coalesce(c.name, ''), p.first_name, p.gender, CASE WHEN c.id IS NOT NULL THEN e.left_on END
            FROM person p
            LEFT JOIN enrolment e ON e.student_id = p.id
            LEFT JOIN school_class c ON c.id = e.class_id AND c.year_id = (SELECT id FROM academic_year WHERE starts_on <= ?2 AND ends_on >= ?2)
            WHERE p.id = ?1 AND EXISTS (SELECT 1 FROM enrolment x WHERE x.student_id = p.id)
            ORDER BY c.id IS NULL, e.left_on IS NOT NULL, e.left_on DESC LIMIT 1
            """, id, date) {
                DiaryStudent(id: $0.int(0), name: $0.string(1), classID: $0.optionalInt(2), className: $0.string(3), firstName: $0.string(4),
                             gender: $0.optionalString(5).flatMap(PersonCard.Gender.init(rawValue:)), leftOn: try $0.optionalDate(6))
            }
    }

    /// The student's lessons between two dates with marks, attendance, remarks and homework:
    /// only those of the days the student was on the class's list (an arrival's diary starts on
    /// the day of enrolment, a leaver's ends the day before they left).
    ///
    /// Homework is due at the next held lesson of the subject (the same class and group); homework
    /// whose last change (in the audit) came before the lesson's day, school time at `utcOffsetMinutes`,
    /// was set in advance for that lesson and is due on its own day.
    public func diaryLessons(student: Int, classID: Int, from: CivilDate, to: CivilDate, utcOffsetMinutes: Int) throws -> [DiaryLesson] {
        var lessons = try query("""
            SELECT l.id, l.date, l.bell_number, coalesce(b.starts_at, '00:00'), coalesce(b.ends_at, '00:00'), s.name, l.topic, l.homework,
                   h.text, l.status = 'cancelled', l.change_note,
                   CASE WHEN l.homework <> '' OR h.text IS NOT NULL THEN
                     (SELECT min(n.date) FROM lesson n WHERE n.class_id = l.class_id AND n.subject_id = l.subject_id
                        AND n.group_id IS l.group_id AND n.date > l.date AND n.status = 'scheduled') END,
                   CASE WHEN l.homework <> '' THEN
                     (SELECT max(a.at) FROM audit a WHERE a.entity = 'lesson' AND a.entity_id = l.id AND a.action = 'homework.change')
                       + ?5 < CAST(strftime('%s', l.date) AS INTEGER) END,
                   CASE WHEN h.text IS NOT NULL THEN
                     (SELECT max(a.at) FROM audit a WHERE a.entity = 'lesson' AND a.entity_id = l.id AND a.action = 'homework.individual'
                        AND a.student_id = ?1) + ?5 < CAST(strftime('%s', l.date) AS INTEGER) END
            FROM lesson l
            JOIN subject s ON s.id = l.subject_id
            JOIN school_class c ON c.id = l.class_id
            LEFT JOIN bell b ON b.schedule_id = c.bell_schedule_id AND b.number = l.bell_number
            LEFT JOIN individual_homework h ON h.lesson_id = l.id AND h.student_id = ?1
            WHERE l.class_id = ?2 AND l.date BETWEEN ?3 AND ?4
              AND (l.group_id IS NULL OR l.group_id IN (SELECT group_id FROM group_member WHERE student_id = ?1))
              AND EXISTS (SELECT 1 FROM enrolment e WHERE e.student_id = ?1 AND e.class_id = ?2 AND e.joined_on <= l.date
                          AND (e.left_on IS NULL OR l.date < e.left_on))
            ORDER BY l.date, l.bell_number
            """, student, classID, from, to, utcOffsetMinutes * 60) { r in
            var lesson = DiaryLesson(id: r.int(0), date: try r.date(1), bell: r.int(2), start: try r.time(3), end: try r.time(4), subject: r.string(5),
                                     topic: r.string(6), homework: r.string(7), individualHomework: r.optionalString(8), cancelled: r.bool(9),
                                     changeNote: r.string(10))
            let next = try r.optionalDate(11)
            if !lesson.homework.isEmpty { lesson.homeworkDue = r.optionalInt(12) == 1 ? lesson.date : next }
            if lesson.individualHomework != nil { lesson.individualHomeworkDue = r.optionalInt(13) == 1 ? lesson.date : next }
            return lesson
        }
        guard !lessons.isEmpty else { return [] }
        var index: [Int: Int] = [:]
        for (i, l) in lessons.enumerated() { index[l.id] = i }
        for (lesson, mark) in try query("""
            SELECT m.lesson_id, m.id, m.value, m.passed, w.code, w.name, w.weight FROM lesson l
            CROSS JOIN mark m ON m.lesson_id = l.id AND m.student_id = ?1 JOIN work_type w ON w.id = m.work_type_id
            WHERE l.class_id = ?2 AND l.date BETWEEN ?3 AND ?4 ORDER BY m.id
            """, student, classID, from, to, row: { r in
                (r.int(0), DiaryMark(id: r.int(1), value: r.markValue(2), workType: r.string(4), workTypeName: r.string(5), weight: r.double(6)))
            }) {
            if let i = index[lesson] { lessons[i].marks.append(mark) }
        }
        for (lesson, code) in try query("""
            SELECT a.lesson_id, a.code FROM lesson l CROSS JOIN absence a ON a.lesson_id = l.id AND a.student_id = ?1
            WHERE l.class_id = ?2 AND l.date BETWEEN ?3 AND ?4
            """, student, classID, from, to, row: { ($0.int(0), AbsenceCode(rawValue: $0.string(1))) }) {
            if let i = index[lesson] { lessons[i].attendance = code }
        }
        for (lesson, remark) in try query("""
            SELECT r.lesson_id, r.text, r.kind = 'praise', p.last_name || ' ' || substr(p.first_name, 1, 1) || '. ' || substr(p.middle_name, 1, 1) || '.'
            FROM lesson l CROSS JOIN remark r ON r.lesson_id = l.id JOIN person p ON p.id = r.author_id
            WHERE r.student_id = ?1 AND l.class_id = ?2 AND l.date BETWEEN ?3 AND ?4 ORDER BY r.id
            """, student, classID, from, to, row: { ($0.int(0), DiaryRemark(text: $0.string(1), praise: $0.bool(2), author: $0.string(3))) }) {
            if let i = index[lesson] { lessons[i].remarks.append(remark) }
        }
        return lessons
    }

    /// Periods of the student's class in the year containing `date` (quarters or half-years).
    public func periods(classID: Int) throws -> [Period] {
        try query("""
            SELECT p.id, p.scheme, p.number, p.name, p.starts_on, p.ends_on FROM period p JOIN school_class c ON c.year_id = p.year_id
            WHERE c.id = ? AND p.scheme = c.period_scheme ORDER BY p.number
            """, classID) { r in
            Period(id: r.int(0), scheme: PeriodScheme(rawValue: r.string(1)) ?? .quarter, number: r.int(2), name: r.string(3),
                   startsOn: try r.date(4), endsOn: try r.date(5))
        }
    }

    /// Marks by subject in a date range, with the period mark of `period` when set.
    public func subjectMarks(student: Int, classID: Int, from: CivilDate, to: CivilDate, period: Int?) throws -> [SubjectMarks] {
        var subjects: [SubjectMarks] = try query("""
            SELECT DISTINCT s.id, s.name FROM teaching_assignment t JOIN subject s ON s.id = t.subject_id
            WHERE t.class_id = ? AND (t.group_id IS NULL OR t.group_id IN (SELECT group_id FROM group_member WHERE student_id = ?))
            ORDER BY s.name
            """, classID, student) { SubjectMarks(subjectID: $0.int(0), subject: $0.string(1), marks: [], periodMark: nil) }
        var index: [Int: Int] = [:]
        for (i, s) in subjects.enumerated() { index[s.subjectID] = i }
        for (subject, mark) in try query("""
            SELECT l.subject_id, l.date, m.id, m.value, m.passed, w.code, w.name, w.weight
            FROM mark m JOIN lesson l ON l.id = m.lesson_id JOIN work_type w ON w.id = m.work_type_id
            WHERE m.student_id = ?1 AND l.class_id = ?2 AND l.date BETWEEN ?3 AND ?4
            ORDER BY l.date, m.id
            """, student, classID, from, to, row: { r in
                (r.int(0), SubjectMark(date: try r.date(1), mark: DiaryMark(id: r.int(2), value: r.markValue(3), workType: r.string(5),
                                                                            workTypeName: r.string(6), weight: r.double(7))))
            }) {
            if let i = index[subject] { subjects[i].marks.append(mark) }
        }
        if let period {
            for (subject, value) in try query("SELECT subject_id, value, passed, special FROM period_mark WHERE student_id = ? AND period_id = ?",
                                              student, period, row: { ($0.int(0), $0.markValue(1, special: true)) }) {
                if let i = index[subject] { subjects[i].periodMark = value }
            }
        }
        for (subject, report) in try query("""
            SELECT l.subject_id, r.id, r.mark_id, r.text, r.answer, coalesce(p.last_name || ' ' || p.first_name || ' ' || p.middle_name, ''), r.resolved_at IS NOT NULL
            FROM mark_report r JOIN mark m ON m.id = r.mark_id JOIN lesson l ON l.id = m.lesson_id LEFT JOIN person p ON p.id = r.answered_by
            WHERE r.student_id = ?1 AND l.class_id = ?2 AND l.date BETWEEN ?3 AND ?4 ORDER BY r.id
            """, student, classID, from, to, row: { r in
                (r.int(0), MarkReportAnswer(id: r.int(1), markID: r.int(2), text: r.string(3), answer: r.string(4), answeredBy: r.string(5), closed: r.bool(6)))
            }) {
            if let i = index[subject] { subjects[i].reports.append(report) }
        }
        return subjects
    }

    /// Every period, year, exam and final mark of the student in the year of `classID`, by
    /// subject (every subject that has one), subjects by name.
    public func studentFinals(student: Int, classID: Int) throws -> [SubjectFinals] {
        var out: [SubjectFinals] = []
        for (subject, name, scale, mark) in try query("""
            SELECT s.id, s.name, s.scale, pm.id, pm.kind, pm.period_id, pm.value, pm.passed, pm.special FROM period_mark pm
            JOIN subject s ON s.id = pm.subject_id JOIN school_class c ON c.year_id = pm.year_id
            WHERE pm.student_id = ?1 AND c.id = ?2 ORDER BY s.name, s.id, pm.kind, pm.period_id
            """, student, classID, row: { r in
                (r.int(0), r.string(1), SubjectScale(rawValue: r.string(2)) ?? .marks,
                 PeriodMark(id: r.int(3), studentID: student, kind: PeriodMarkKind(rawValue: r.string(4)) ?? .period, periodID: r.optionalInt(5),
                            value: r.markValue(6, special: true)))
            }) {
            if out.last?.subjectID == subject { out[out.count - 1].marks.append(mark) } else {
                out.append(SubjectFinals(subjectID: subject, subject: name, scale: scale, marks: [mark]))
            }
        }
        return out
    }

    /// Absences of the student between two dates by reason.
    public func absenceCounts(student: Int, from: CivilDate, to: CivilDate) throws -> [AbsenceCode: Int] {
        var counts: [AbsenceCode: Int] = [:]
        for (code, n) in try query("""
            SELECT a.code, count(*) FROM absence a JOIN lesson l ON l.id = a.lesson_id
            WHERE a.student_id = ? AND l.date BETWEEN ? AND ? GROUP BY a.code
            """, student, from, to, row: { (AbsenceCode(rawValue: $0.string(0)), $0.int(1)) }) {
            if let code { counts[code] = n }
        }
        return counts
    }

    /// Names of the students a guardian or student may open, for the child switcher.
    public func studentNames(_ ids: [Int]) throws -> [(id: Int, name: String)] {
        try ids.compactMap { id in try first("SELECT first_name || ' ' || last_name FROM person WHERE id = ?", id) { (id, $0.string(0)) } }
    }
}

extension Connection {
    public func acknowledgements(student: Int) throws -> [(periodID: Int, guardian: String, at: Int, message: String)] {
        try query("""
            SELECT a.period_id, p.first_name || ' ' || p.last_name, a.at, a.message FROM acknowledgement a JOIN person p ON p.id = a.guardian_id
            WHERE a.student_id = ? ORDER BY a.at
            """, student) { ($0.int(0), $0.string(1), $0.int(2), $0.string(3)) }
    }

    public func acknowledge(guardian: Int, student: Int, period: Int, message: String, at now: Int) throws {
        try run("""
            INSERT INTO acknowledgement (guardian_id, student_id, period_id, message, at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (guardian_id, student_id, period_id) DO NOTHING
            """, guardian, student, period, message, now)
    }

    /// The mark, if it is the student's: (lesson id, subject, date, value).
    public func markOf(student: Int, mark: Int) throws -> (lesson: Int, subject: String, date: CivilDate, value: MarkValue)? {
        try first("""
            SELECT l.id, s.name, l.date, m.value, m.passed FROM mark m JOIN lesson l ON l.id = m.lesson_id JOIN subject s ON s.id = l.subject_id
            WHERE m.id = ? AND m.student_id = ?
            """, mark, student) { ($0.int(0), $0.string(1), try $0.date(2), $0.markValue(3)) }
    }

    /// A report with what answering it needs: its mark's lesson, its student and class.
    public func markReportTarget(_ id: Int) throws -> (lesson: Int, student: Int, classID: Int, closed: Bool)? {
        try first("""
            SELECT m.lesson_id, r.student_id, l.class_id, r.resolved_at IS NOT NULL FROM mark_report r
            JOIN mark m ON m.id = r.mark_id JOIN lesson l ON l.id = m.lesson_id WHERE r.id = ?
            """, id) { ($0.int(0), $0.int(1), $0.int(2), $0.bool(3)) }
    }

    /// The teacher's answer; `close` closes the report (it leaves the open lists).
    public func answerMarkReport(_ id: Int, answer: String, close: Bool, by person: Int, at now: Int) throws {
        try run("UPDATE mark_report SET answer = ?, answered_by = ?, answered_at = ?, resolved_at = CASE WHEN ? THEN ? ELSE resolved_at END WHERE id = ?",
                answer, person, now, close, now, id)
    }

    public func reportMark(_ mark: Int, student: Int, by person: Int, text: String, at now: Int) throws -> Int {
        try run("INSERT INTO mark_report (mark_id, student_id, reported_by, text, at) VALUES (?, ?, ?, ?, ?)", mark, student, person, text, now)
        return lastInsertID
    }
}

/// A student's or guardian's report of a wrong mark, as the teacher and the deputy read it.
public struct MarkReport: Sendable {
    public let id: Int
    public let student: String
    public let className: String
    public let subject: String
    public let date: CivilDate
    public let value: MarkValue
    public let text: String
    public let reportedBy: String
    public let at: Int
    /// The teacher's answer so far (empty until answered).
    public let answer: String
}

extension Connection {
    /// Open reports, newest first: all of them, or those on lessons `teacher` taught.
    public func markReports(teacher: Int?, limit: Int = 200) throws -> [MarkReport] {
        try query("""
            SELECT r.id, p.last_name || ' ' || p.first_name, c.name, s.name, l.date, m.value, m.passed, r.text,
                   q.last_name || ' ' || q.first_name, r.at, r.answer
            FROM mark_report r JOIN mark m ON m.id = r.mark_id JOIN lesson l ON l.id = m.lesson_id
            JOIN subject s ON s.id = l.subject_id JOIN school_class c ON c.id = l.class_id
            JOIN person p ON p.id = r.student_id JOIN person q ON q.id = r.reported_by
            WHERE r.resolved_at IS NULL AND (?1 IS NULL OR coalesce(l.actual_teacher_id, l.teacher_id) = ?1)
            ORDER BY r.id DESC LIMIT ?2
            """, teacher, limit, row: Self.markReport)
    }

    static func markReport(_ r: Row) throws -> MarkReport {
        MarkReport(id: r.int(0), student: r.string(1), className: r.string(2), subject: r.string(3), date: try r.date(4),
                   value: r.markValue(5), text: r.string(7), reportedBy: r.string(8), at: r.int(9), answer: r.string(10))
    }
}
