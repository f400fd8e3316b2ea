import Domain

/// The administrator's changes to the school's structure (`StructureDesk`).
/// - Important: call inside `Database.write`, with the audit row in the same transaction.
extension Connection {
    // MARK: Periods (added with `insertPeriod`) and holidays (`insertHoliday`)

    public func updatePeriod(_ id: Int, number: Int, name: String, startsOn: CivilDate, endsOn: CivilDate) throws {
        try run("UPDATE period SET number = ?, name = ?, starts_on = ?, ends_on = ? WHERE id = ?", number, name, startsOn, endsOn, id)
    }

    public func deletePeriod(_ id: Int) throws {
        try run("DELETE FROM period WHERE id = ?", id)
    }

    public func updateHoliday(_ id: Int, name: String, startsOn: CivilDate, endsOn: CivilDate, grades: ClosedRange<Int>) throws {
        try run("UPDATE holiday SET name = ?, starts_on = ?, ends_on = ?, min_grade = ?, max_grade = ? WHERE id = ?",
                name, startsOn, endsOn, grades.lowerBound, grades.upperBound, id)
    }

    public func deleteHoliday(_ id: Int) throws {
        try run("DELETE FROM holiday WHERE id = ?", id)
    }

    // MARK: Bells

    public func renameBellSchedule(_ id: Int, name: String) throws {
        try run("UPDATE bell_schedule SET name = ? WHERE id = ?", name, id)
    }

    /// Removes the schedule with its bells.
    public func deleteBellSchedule(_ id: Int) throws {
        try run("DELETE FROM bell WHERE schedule_id = ?", id)
        try run("DELETE FROM bell_schedule WHERE id = ?", id)
    }

    public func addBell(schedule: Int, _ bell: Bell) throws {
        try run("INSERT INTO bell (schedule_id, number, starts_at, ends_at) VALUES (?, ?, ?, ?)", schedule, bell.number, bell.startsAt, bell.endsAt)
    }

    public func updateBell(schedule: Int, number: Int, startsAt: TimeOfDay, endsAt: TimeOfDay) throws {
        try run("UPDATE bell SET starts_at = ?, ends_at = ? WHERE schedule_id = ? AND number = ?", startsAt, endsAt, schedule, number)
    }

    public func deleteBell(schedule: Int, number: Int) throws {
        try run("DELETE FROM bell WHERE schedule_id = ? AND number = ?", schedule, number)
    }

    // MARK: Rooms (added with `insertRoom`) and subjects (`insertSubject`)

    public func renameRoom(_ id: Int, name: String) throws {
        try run("UPDATE room SET name = ? WHERE id = ?", name, id)
    }

    public func deleteRoom(_ id: Int) throws {
        try run("DELETE FROM room WHERE id = ?", id)
    }

    public func updateSubject(_ id: Int, name: String, shortName: String, scale: SubjectScale) throws {
        try run("UPDATE subject SET name = ?, short_name = ?, scale = ? WHERE id = ?", name, shortName, scale.rawValue, id)
    }

    public func deleteSubject(_ id: Int) throws {
        try run("DELETE FROM subject WHERE id = ?", id)
    }

    // MARK: Classes and teaching assignments

    public func addClass(year: Int, _ p: ClassProfile) throws -> Int {
        try run("""
            INSERT INTO school_class (year_id, grade, letter, name, class_teacher_id, bell_schedule_id, period_scheme, marks_enabled)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, year, p.grade, p.letter, p.name, p.classTeacherID, p.bellScheduleID, p.scheme.rawValue, p.marksEnabled)
        return lastInsertID
    }

    public func updateClass(_ p: ClassProfile) throws {
        try run("""
            UPDATE school_class SET grade = ?, letter = ?, name = ?, class_teacher_id = ?, bell_schedule_id = ?, period_scheme = ?, marks_enabled = ?
            WHERE id = ?
            """, p.grade, p.letter, p.name, p.classTeacherID, p.bellScheduleID, p.scheme.rawValue, p.marksEnabled, p.id)
    }

    public func deleteClass(_ id: Int) throws {
        try run("DELETE FROM school_class WHERE id = ?", id)
    }

    public func addTeachingAssignment(year: Int, teacher: Int, subject: Int, class classID: Int, group: Int?, hours: Double) throws -> Int {
        try insertTeachingAssignment(year: year, teacher: teacher, subject: subject, class: classID, group: group, hours: hours)
        return lastInsertID
    }

    public func updateTeachingAssignment(_ id: Int, teacher: Int, subject: Int, class classID: Int, group: Int?, hours: Double) throws {
        try run("UPDATE teaching_assignment SET teacher_id = ?, subject_id = ?, class_id = ?, group_id = ?, hours_per_week = ? WHERE id = ?",
                teacher, subject, classID, group, hours, id)
    }

    public func deleteTeachingAssignment(_ id: Int) throws {
        try run("DELETE FROM teaching_assignment WHERE id = ?", id)
    }
}
