import Domain

/// Inserts used by setup (first run, imports, the demo generator). Each returns the new row's id.
/// - Important: call inside `Database.write` (or a transaction of your own) so a failure leaves nothing half-done.
extension Connection {
    public func saveSchool(_ school: School) throws {
        try run("""
            INSERT INTO school (id, name, short_name, address, network_address) VALUES (1, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
                address = excluded.address, network_address = excluded.network_address
            """, school.name, school.shortName, school.address, school.networkAddress)
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try run("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
    }

    public func setting(_ key: String) throws -> String? {
        try first("SELECT value FROM setting WHERE key = ?", key) { $0.string(0) }
    }

    /// The school's settings in force (stored values over the defaults).
    public func schoolSettings() throws -> SchoolSettings {
        SchoolSettings(stored: Dictionary(try query("SELECT key, value FROM setting") { ($0.string(0), $0.string(1)) }) { _, b in b })
    }

    public func insertAcademicYear(name: String, startsOn: CivilDate, endsOn: CivilDate) throws -> Int {
        try run("INSERT INTO academic_year (name, starts_on, ends_on) VALUES (?, ?, ?)", name, startsOn, endsOn)
        return lastInsertID
    }

    /// A period of the year; `name` defaults to the scheme's («II четверть»).
    public func insertPeriod(year: Int, scheme: PeriodScheme, number: Int, name: String? = nil, startsOn: CivilDate, endsOn: CivilDate) throws -> Int {
        try run("INSERT INTO period (year_id, scheme, number, name, starts_on, ends_on) VALUES (?, ?, ?, ?, ?, ?)",
                year, scheme.rawValue, number, name ?? scheme.russianName(number: number), startsOn, endsOn)
        return lastInsertID
    }

    @discardableResult
    public func insertHoliday(year: Int, name: String, startsOn: CivilDate, endsOn: CivilDate, grades: ClosedRange<Int> = 1...11) throws -> Int {
        try run("INSERT INTO holiday (year_id, name, starts_on, ends_on, min_grade, max_grade) VALUES (?, ?, ?, ?, ?, ?)",
                year, name, startsOn, endsOn, grades.lowerBound, grades.upperBound)
        return lastInsertID
    }

    public func insertBellSchedule(name: String, bells: [Bell]) throws -> Int {
        try run("INSERT INTO bell_schedule (name) VALUES (?)", name)
        let id = lastInsertID
        for bell in bells { try addBell(schedule: id, bell) }
        return id
    }

    public func insertRoom(name: String) throws -> Int {
        try run("INSERT INTO room (name) VALUES (?)", name)
        return lastInsertID
    }

    public func insertSubject(name: String, shortName: String, scale: SubjectScale = .marks) throws -> Int {
        try run("INSERT INTO subject (name, short_name, scale) VALUES (?, ?, ?)", name, shortName, scale.rawValue)
        return lastInsertID
    }

    public func insertWorkType(code: String, name: String, weight: Double, position: Int) throws -> Int {
        try run("INSERT INTO work_type (code, name, weight, position) VALUES (?, ?, ?, ?)", code, name, weight, position)
        return lastInsertID
    }

    public func insertPerson(_ p: PersonCard, createdAt: Int) throws -> Int {
        try run("""
            INSERT INTO person (last_name, first_name, middle_name, gender, birth_date, phone, email, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, p.lastName, p.firstName, p.middleName, p.gender?.rawValue, p.birthDate, p.phone, p.email, createdAt)
        return lastInsertID
    }

    public func insertConsent(person: Int, givenOn: CivilDate, document: String, givenBy: String, recordedBy: Int?, at: Int) throws {
        try run("""
            INSERT INTO consent (person_id, given_on, document, given_by, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
            """, person, givenOn, document, givenBy, recordedBy, at)
    }

    public func insertStaffRole(person: Int, role: Role) throws {
        try run("INSERT INTO staff_role (person_id, role) VALUES (?, ?) ON CONFLICT DO NOTHING", person, role.rawValue)
    }

    public func insertClass(year: Int, name: ClassName, classTeacher: Int?, bellSchedule: Int, scheme: PeriodScheme, marksEnabled: Bool) throws -> Int {
        try addClass(year: year, ClassProfile(id: 0, grade: name.grade, letter: String(name.letter), name: name.description, classTeacherID: classTeacher,
                                              bellScheduleID: bellSchedule, scheme: scheme, marksEnabled: marksEnabled))
    }

    public func setClassTeacher(class classID: Int, teacher: Int?) throws {
        try run("UPDATE school_class SET class_teacher_id = ? WHERE id = ?", teacher, classID)
    }

    public func insertEnrolment(student: Int, class classID: Int, joinedOn: CivilDate) throws {
        try run("INSERT INTO enrolment (student_id, class_id, joined_on) VALUES (?, ?, ?)", student, classID, joinedOn)
    }

    public func insertGroup(year: Int, class classID: Int?, subject: Int?, name: String) throws -> Int {
        try run("INSERT INTO study_group (year_id, class_id, subject_id, name) VALUES (?, ?, ?, ?)", year, classID, subject, name)
        return lastInsertID
    }

    public func insertGroupMember(group: Int, student: Int) throws {
        try run("INSERT INTO group_member (group_id, student_id) VALUES (?, ?)", group, student)
    }

    public func insertGuardianLink(guardian: Int, student: Int, relation: String) throws {
        try run("INSERT INTO guardian_link (guardian_id, student_id, relation) VALUES (?, ?, ?)", guardian, student, relation)
    }

    public func insertTeachingAssignment(year: Int, teacher: Int, subject: Int, class classID: Int, group: Int?, hours: Double) throws {
        try run("""
            INSERT INTO teaching_assignment (year_id, teacher_id, subject_id, class_id, group_id, hours_per_week)
            VALUES (?, ?, ?, ?, ?, ?)
            """, year, teacher, subject, classID, group, hours)
    }

    public func insertTimetableEntry(year: Int, class classID: Int, group: Int?, subject: Int, teacher: Int, room: Int?,
                                     weekday: Int, bell: Int, validFrom: CivilDate, validTo: CivilDate) throws -> Int {
        try run("""
            INSERT INTO timetable_entry (year_id, class_id, group_id, subject_id, teacher_id, room_id, weekday, bell_number, valid_from, valid_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, year, classID, group, subject, teacher, room, weekday, bell, validFrom, validTo)
        return lastInsertID
    }

    public func insertPlanTopic(year: Int, class classID: Int, subject: Int, position: Int, title: String, hours: Int) throws -> Int {
        try run("""
            INSERT INTO plan_topic (year_id, class_id, subject_id, position, title, hours) VALUES (?, ?, ?, ?, ?, ?)
            """, year, classID, subject, position, title, hours)
        return lastInsertID
    }

    public func insertAccount(person: Int, login: String, passwordHash: String?, mustChangePassword: Bool, at: Int) throws -> Int {
        try run("""
            INSERT INTO account (person_id, login, password_hash, must_change_password, password_changed_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, person, login, passwordHash, mustChangePassword, mustChangePassword ? nil : at, at)
        return lastInsertID
    }

    /// Appends one row to the audit trail, chained to the row before it: the hash is
    /// computed here, in the caller's transaction, over the previous hash and the row's values
    /// as stored. Which field goes into which column is listed once, in `AuditChain.columns`.
    public func appendAudit(_ entry: AuditEntry) throws {
        try appendChainedAudit(entry)
    }
}

/// Journal rows written in bulk (the demo generator, transfers from paper journals).
extension Connection {
    public func insertLesson(_ l: LessonRecord) throws -> Int {
        try run("""
            INSERT INTO lesson (year_id, date, bell_number, class_id, group_id, subject_id, teacher_id, actual_teacher_id,
                room_id, timetable_entry_id, status, change_note, topic, plan_topic_id, homework, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, l.year, l.date, l.bell, l.classID, l.group, l.subject, l.teacher, l.actualTeacher, l.room,
            l.timetableEntry, l.cancelled ? "cancelled" : "scheduled", l.changeNote, l.topic, l.planTopic, l.homework, l.updatedAt)
        return lastInsertID
    }

    public func insertTimetableChange(lesson: Int, kind: TimetableChange.Kind, reason: String, enteredBy: Int?, at: Int) throws {
        try run("INSERT INTO timetable_change (lesson_id, kind, reason, entered_by, entered_at) VALUES (?, ?, ?, ?, ?)",
                lesson, kind.rawValue, reason, enteredBy, at)
    }

    public func insertMark(lesson: Int, student: Int, value: MarkValue, workType: Int, by teacher: Int, at: Int) throws {
        let v = value.stored
        try run("""
            INSERT INTO mark (lesson_id, student_id, value, passed, work_type_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, lesson, student, v.value, v.passed, workType, teacher, at)
    }

    public func insertAbsence(lesson: Int, student: Int, code: AbsenceCode, by teacher: Int, at: Int) throws {
        try run("INSERT INTO absence (lesson_id, student_id, code, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                lesson, student, code.rawValue, teacher, at)
    }

    public func insertPeriodMark(year: Int, student: Int, subject: Int, period: Int, value: MarkValue, by teacher: Int, at: Int) throws {
        let v = value.stored
        try run("""
            INSERT INTO period_mark (year_id, student_id, subject_id, kind, period_id, value, passed, special, set_by, set_at)
            VALUES (?, ?, ?, 'period', ?, ?, ?, ?, ?, ?)
            """, year, student, subject, period, v.value, v.passed, v.special, teacher, at)
    }

    public func insertRemark(lesson: Int, student: Int, author: Int, praise: Bool, text: String, at: Int) throws {
        try run("INSERT INTO remark (lesson_id, student_id, author_id, kind, text, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                lesson, student, author, praise ? "praise" : "remark", text, at)
    }
}

extension Connection {
    /// Runs `body` with `synchronous = OFF` (bulk generation that can simply be made again), then
    /// back to FULL, which every durable write needs.
    public func withoutDurableCommits<T>(_ body: () throws -> T) throws -> T {
        try execute("PRAGMA synchronous = OFF")
        defer { try? execute("PRAGMA synchronous = FULL") }
        return try body()
    }
}
