import Domain

/// The journal's writes. Rules and the audit row are the caller's (`JournalDesk`); these
/// only change rows, inside the caller's transaction.
extension Connection {
    public func addMark(lesson: Int, student: Int, value: Int, workType: Int, by person: Int, at: Int, transferred: Bool) throws -> Int {
        try run("""
            INSERT INTO mark (lesson_id, student_id, value, work_type_id, created_by, created_at, transferred) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, lesson, student, value, workType, person, at, transferred)
        return lastInsertID
    }

    public func changeMark(_ id: Int, value: Int, workType: Int, at: Int, transferred: Bool) throws {
        try run("UPDATE mark SET value = ?, work_type_id = ?, updated_at = ?, transferred = transferred OR ? WHERE id = ?",
                value, workType, at, transferred, id)
    }

    public func removeMark(_ id: Int) throws {
        try run("DELETE FROM mark_report WHERE mark_id = ?", id)
        try run("DELETE FROM mark WHERE id = ?", id)
    }

    public func setAbsence(lesson: Int, student: Int, code: AbsenceCode, by person: Int, at: Int, transferred: Bool) throws {
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

    /// Sets (or with nil removes) a student's period mark.
    public func setPeriodMark(year: Int, student: Int, subject: Int, period: Int, value: Int?, by person: Int, at: Int) throws {
        if let value {
            try run("""
                INSERT INTO period_mark (year_id, student_id, subject_id, kind, period_id, value, set_by, set_at)
                VALUES (?1, ?2, ?3, 'period', ?4, ?5, ?6, ?7)
                ON CONFLICT (student_id, subject_id, year_id, kind, coalesce(period_id, 0)) DO UPDATE SET value = ?5, passed = NULL, set_by = ?6, set_at = ?7
                """, year, student, subject, period, value, person, at)
        } else {
            try run("DELETE FROM period_mark WHERE student_id = ? AND subject_id = ? AND kind = 'period' AND period_id = ?", student, subject, period)
        }
    }

    public func periodMarkValue(student: Int, subject: Int, period: Int) throws -> Int? {
        try first("SELECT value FROM period_mark WHERE student_id = ? AND subject_id = ? AND kind = 'period' AND period_id = ?",
                  student, subject, period) { $0.optionalInt(0) } ?? nil
    }

    public func grantUnlock(classID: Int, subjectID: Int, dates: ClosedRange<CivilDate>, until: Int, reason: String, by person: Int, at: Int) throws -> Int {
        try run("""
            INSERT INTO journal_unlock (class_id, subject_id, from_date, to_date, until, reason, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, classID, subjectID, dates.lowerBound, dates.upperBound, until, reason, person, at)
        return lastInsertID
    }

    public func openTransferWindow(dates: ClosedRange<CivilDate>, until: Int, reason: String, by person: Int, at: Int) throws -> Int {
        try run("INSERT INTO transfer_window (from_date, to_date, until, reason, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?)",
                dates.lowerBound, dates.upperBound, until, reason, person, at)
        return lastInsertID
    }
}
