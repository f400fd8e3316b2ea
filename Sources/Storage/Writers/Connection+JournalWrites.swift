import Domain

/// The journal's writes. Rules and the audit row are the caller's (`JournalDesk`); these
/// only change rows, inside the caller's transaction.
extension Connection {
    /// - Important: a value is 1–5 or a pass/fail (the schema's CHECK); «н/а» and «осв» are final marks' only.
    public func addMark(lesson: Int, student: Int, value: MarkValue, workType: Int, by person: Int?, at: Int, transferred: Bool) throws -> Int {
        let v = value.stored
        try run("""
            INSERT INTO mark (lesson_id, student_id, value, passed, work_type_id, created_by, created_at, transferred) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, lesson, student, v.value, v.passed, workType, person, at, transferred)
        return lastInsertID
    }

    public func changeMark(_ id: Int, value: MarkValue, workType: Int, at: Int, transferred: Bool) throws {
        let v = value.stored
        try run("UPDATE mark SET value = ?, passed = ?, work_type_id = ?, updated_at = ?, transferred = transferred OR ? WHERE id = ?",
                v.value, v.passed, workType, at, transferred, id)
    }

    public func removeMark(_ id: Int) throws {
        try run("DELETE FROM mark_report WHERE mark_id = ?", id)
        try run("DELETE FROM mark WHERE id = ?", id)
    }

    public func setAbsence(lesson: Int, student: Int, code: AbsenceCode, by person: Int?, at: Int, transferred: Bool) throws {
        try run("""
            INSERT INTO absence (lesson_id, student_id, code, created_by, created_at, transferred) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (lesson_id, student_id) DO UPDATE SET code = ?3, updated_at = ?5, transferred = transferred OR ?6
            """, lesson, student, code.rawValue, person, at, transferred)
    }

    public func clearAbsence(lesson: Int, student: Int) throws {
        try run("DELETE FROM absence WHERE lesson_id = ? AND student_id = ?", lesson, student)
    }

    public func setLessonContent(_ lesson: Int, topic: String, planTopic: Int?, homework: String, at: Int) throws {
        try run("UPDATE lesson SET topic = ?, plan_topic_id = ?, homework = ?, updated_at = ? WHERE id = ?", topic, planTopic, homework, at, lesson)
    }

    /// Sets a lesson's topic from the plan; `at` nil keeps its time of change (only the link to the plan is new).
    public func setLessonTopic(_ lesson: Int, topic: String, planTopic: Int?, at: Int?) throws {
        try run("UPDATE lesson SET topic = ?, plan_topic_id = ?, updated_at = coalesce(?, updated_at) WHERE id = ?", topic, planTopic, at, lesson)
    }

    /// A class's subject's plan is replaced: its topics go, lessons keep their text but lose the link.
    public func deletePlan(classID: Int, subjectID: Int) throws {
        try run("UPDATE lesson SET plan_topic_id = NULL WHERE class_id = ? AND subject_id = ?", classID, subjectID)
        try run("DELETE FROM plan_topic WHERE class_id = ? AND subject_id = ?", classID, subjectID)
    }

    /// The lessons of a class's subject that take place, in order, with their topics.
    /// The year's lessons of a class's subject that are held (not cancelled), in order, with their group and topic.
    public func lessonTopics(classID: Int, subjectID: Int) throws -> [(id: Int, groupID: Int?, topic: String, linked: Bool)] {
        try query("""
            SELECT id, group_id, topic, plan_topic_id IS NOT NULL FROM lesson WHERE class_id = ? AND subject_id = ? AND status = 'scheduled'
            ORDER BY date, bell_number, id
            """, classID, subjectID) { (id: $0.int(0), groupID: $0.optionalInt(1), topic: $0.string(2), linked: $0.bool(3)) }
    }

    public func closeEnrolment(student: Int, class classID: Int, on date: CivilDate) throws {
        try run("UPDATE enrolment SET left_on = ? WHERE student_id = ? AND class_id = ?", date, student, classID)
    }

    public func setIndividualHomework(lesson: Int, student: Int, text: String) throws {
        if text.isEmpty {
            try run("DELETE FROM individual_homework WHERE lesson_id = ? AND student_id = ?", lesson, student)
        } else {
            try run("""
                INSERT INTO individual_homework (lesson_id, student_id, text) VALUES (?1, ?2, ?3)
                ON CONFLICT (lesson_id, student_id) DO UPDATE SET text = ?3
                """, lesson, student, text)
        }
    }

    /// Sets (or with nil removes) a student's period, year, exam or final mark; `period` only for a period mark.
    public func setPeriodMark(year: Int, student: Int, subject: Int, kind: PeriodMarkKind = .period, period: Int?, value: MarkValue?,
                              by person: Int, at: Int) throws {
        if let value {
            let v = value.stored
            try run("""
                INSERT INTO period_mark (year_id, student_id, subject_id, kind, period_id, value, passed, special, set_by, set_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                ON CONFLICT (student_id, subject_id, year_id, kind, coalesce(period_id, 0))
                DO UPDATE SET value = ?6, passed = ?7, special = ?8, set_by = ?9, set_at = ?10
                """, year, student, subject, kind.rawValue, period, v.value, v.passed, v.special, person, at)
        } else {
            try run("DELETE FROM period_mark WHERE student_id = ? AND subject_id = ? AND year_id = ? AND kind = ? AND coalesce(period_id, 0) = coalesce(?, 0)",
                    student, subject, year, kind.rawValue, period)
        }
    }

    /// A period mark (of the period's own year).
    public func periodMarkValue(student: Int, subject: Int, period: Int) throws -> MarkValue? {
        try first("SELECT value, passed, special FROM period_mark WHERE student_id = ? AND subject_id = ? AND kind = 'period' AND period_id = ?",
                  student, subject, period) { $0.markValue(0, special: true) }
    }

    public func periodMarkValue(student: Int, subject: Int, year: Int, kind: PeriodMarkKind = .period, period: Int?) throws -> MarkValue? {
        try first("""
            SELECT value, passed, special FROM period_mark
            WHERE student_id = ? AND subject_id = ? AND year_id = ? AND kind = ? AND coalesce(period_id, 0) = coalesce(?, 0)
            """, student, subject, year, kind.rawValue, period) { $0.markValue(0, special: true) }
    }

    public func grantUnlock(classID: Int, subjectID: Int, dates: ClosedRange<CivilDate>, until: Int, reason: String, by person: Int, at: Int) throws -> Int {
        try run("""
            INSERT INTO journal_unlock (class_id, subject_id, from_date, to_date, until, reason, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, classID, subjectID, dates.lowerBound, dates.upperBound, until, reason, person, at)
        return lastInsertID
    }

    /// Ends an unlock now (its row stays, with the moment it ended). Returns false when it had already ended.
    public func endUnlock(_ id: Int, at now: Int) throws -> Bool {
        try run("UPDATE journal_unlock SET until = ? WHERE id = ? AND until > ?", now, id, now) > 0
    }

    public func endTransferWindow(_ id: Int, at now: Int) throws -> Bool {
        try run("UPDATE transfer_window SET until = ? WHERE id = ? AND until > ?", now, id, now) > 0
    }

    /// Whether the class is taught the subject this year (a teaching assignment names them).
    public func classHasSubject(classID: Int, subjectID: Int) throws -> Bool {
        try first("SELECT 1 FROM teaching_assignment WHERE class_id = ? AND subject_id = ? LIMIT 1", classID, subjectID) { _ in true } ?? false
    }

    /// The classes' subjects of a year, as «5А — Математика», for choosing one.
    public func classSubjects(year: Int) throws -> [(classID: Int, subjectID: Int, name: String)] {
        try query("""
            SELECT DISTINCT c.id, s.id, c.name || ' — ' || s.name, c.grade, c.letter, s.name FROM teaching_assignment t
            JOIN school_class c ON c.id = t.class_id JOIN subject s ON s.id = t.subject_id
            WHERE c.year_id = ? ORDER BY c.grade, c.letter, s.name
            """, year) { (classID: $0.int(0), subjectID: $0.int(1), name: $0.string(2)) }
    }

    public func openTransferWindow(dates: ClosedRange<CivilDate>, until: Int, reason: String, by person: Int, at: Int) throws -> Int {
        try run("INSERT INTO transfer_window (from_date, to_date, until, reason, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?)",
                dates.lowerBound, dates.upperBound, until, reason, person, at)
        return lastInsertID
    }
}

/// The school's lists the journal's administration pages edit and choose from.
extension Connection {
    public func addWorkType(code: String, name: String, weight: Double) throws -> Int {
        let position = try first("SELECT coalesce(max(position), 0) + 1 FROM work_type") { $0.int(0) } ?? 1
        try run("INSERT INTO work_type (code, name, weight, position) VALUES (?, ?, ?, ?)", code, name, weight, position)
        return lastInsertID
    }

    public func updateWorkType(_ id: Int, name: String, weight: Double, active: Bool) throws {
        try run("UPDATE work_type SET name = ?, weight = ?, active = ? WHERE id = ?", name, weight, active, id)
    }

    /// Unlocks and transfer windows still in force at `now`, for the deputy's page.
    public func activeUnlocks(now: Int) throws -> [(id: Int, className: String, subject: String, from: CivilDate, to: CivilDate, until: Int, reason: String)] {
        try query("""
            SELECT u.id, c.name, s.name, u.from_date, u.to_date, u.until, u.reason FROM journal_unlock u
            JOIN school_class c ON c.id = u.class_id JOIN subject s ON s.id = u.subject_id WHERE u.until > ? ORDER BY u.until
            """, now) { (id: $0.int(0), className: $0.string(1), subject: $0.string(2), from: try $0.date(3), to: try $0.date(4), until: $0.int(5), reason: $0.string(6)) }
    }

    public func activeTransferWindows(now: Int) throws -> [(id: Int, from: CivilDate, to: CivilDate, until: Int, reason: String)] {
        try query("SELECT id, from_date, to_date, until, reason FROM transfer_window WHERE until > ? ORDER BY until", now) {
            (id: $0.int(0), from: try $0.date(1), to: try $0.date(2), until: $0.int(3), reason: $0.string(4))
        }
    }

    public func classList(year: Int) throws -> [(id: Int, name: String)] {
        try query("SELECT id, name FROM school_class WHERE year_id = ? ORDER BY grade, letter", year) { (id: $0.int(0), name: $0.string(1)) }
    }

    public func bellScheduleIDs() throws -> [Int] {
        try query("SELECT id FROM bell_schedule ORDER BY id") { $0.int(0) }
    }

    public func subjectList() throws -> [(id: Int, name: String)] {
        try query("SELECT id, name FROM subject ORDER BY name") { (id: $0.int(0), name: $0.string(1)) }
    }

    /// Everyone who teaches, for choosing a substitute.
    public func teacherList() throws -> [(id: Int, name: String)] {
        try query("""
            SELECT p.id, p.last_name || ' ' || p.first_name || ' ' || p.middle_name FROM person p
            WHERE p.id IN (SELECT person_id FROM staff_role WHERE role IN ('teacher', 'psychologist')) ORDER BY p.last_name, p.first_name
            """) { (id: $0.int(0), name: $0.string(1)) }
    }

    /// Records a substitution: who actually teaches the lesson, noted for diaries and the kiosk.
    public func substitute(lesson: Int, teacher: Int?, note: String) throws {
        try run("UPDATE lesson SET actual_teacher_id = ?, change_note = ? WHERE id = ?", teacher, note, lesson)
    }

    public func cancelLesson(_ lesson: Int, note: String) throws {
        try run("UPDATE lesson SET status = 'cancelled', change_note = ? WHERE id = ?", note, lesson)
    }

    /// Moves a lesson to another date and bell (a lesson with marks stays where it is: the caller checks).
    /// The date the timetable planned it for is kept (`planned_date`): a re-plan still counts its slot as filled.
    public func moveLesson(_ lesson: Int, to date: CivilDate, bell: Int, note: String) throws {
        try run("UPDATE lesson SET planned_date = coalesce(planned_date, date), date = ?, bell_number = ?, change_note = ? WHERE id = ?", date, bell, note, lesson)
    }

    /// Another subject (and its teacher) in the lesson's place.
    public func replaceLesson(_ lesson: Int, subject: Int, teacher: Int, note: String) throws {
        try run("UPDATE lesson SET subject_id = ?, teacher_id = ?, actual_teacher_id = NULL, topic = '', plan_topic_id = NULL, change_note = ? WHERE id = ?",
                subject, teacher, note, lesson)
    }

    /// Whether anything was entered for the lesson's students (marks or absences).
    public func lessonHasEntries(_ lesson: Int) throws -> Bool {
        try first("SELECT EXISTS (SELECT 1 FROM mark WHERE lesson_id = ?1) OR EXISTS (SELECT 1 FROM absence WHERE lesson_id = ?1)", lesson) { $0.bool(0) } ?? false
    }
}
