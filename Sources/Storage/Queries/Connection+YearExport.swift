import Domain

/// One table of a year's export: its file name, its columns and its rows as text (nil for an empty value).
public struct YearExportTable: Sendable, Equatable {
    public let name: String
    public let columns: [String]
    public let rows: [[String?]]
}

extension Connection {
    /// The whole academic year as tables (`tabel export`): students, classes and enrolments,
    /// subjects, lessons with topics and homework, marks, absences, period, year, exam and
    /// final marks, the year's announcements and events, the messages written during it, and the audit rows written during the year (by the school's clock at `utcOffsetMinutes`).
    public func yearExport(_ year: AcademicYear, utcOffsetMinutes: Int) throws -> [YearExportTable] {
        let from = SchoolDateTime(date: year.startsOn, time: TimeOfDay(minutes: 0)).unixSeconds(offsetMinutes: utcOffsetMinutes)
        let to = SchoolDateTime(date: year.endsOn.adding(days: 1), time: TimeOfDay(minutes: 0)).unixSeconds(offsetMinutes: utcOffsetMinutes)
        let markText = "CASE WHEN %.value IS NOT NULL THEN CAST(%.value AS TEXT) WHEN %.passed = 1 THEN 'зачёт' WHEN %.passed = 0 THEN 'незачёт' END"
        let mark = { (alias: String) in markText.split(separator: "%", omittingEmptySubsequences: false).joined(separator: alias) }
        // A moment as the school's clock reads it, «2026-11-23 10:00», not Unix seconds (`offset`: the
        // parameter holding the school's offset in seconds).
        let moment = { (column: String, offset: String) in "strftime('%Y-%m-%d %H:%M', \(column) + \(offset), 'unixepoch')" }
        let offset = utcOffsetMinutes * 60
        let tables: [(String, [String], String, [any SQLBindable])] = [
            ("classes", ["id", "name", "grade", "letter", "class_teacher_id", "class_teacher", "period_scheme", "marks_enabled"], """
                SELECT c.id, c.name, c.grade, c.letter, c.class_teacher_id, trim(t.last_name || ' ' || t.first_name || ' ' || t.middle_name),
                       c.period_scheme, c.marks_enabled
                FROM school_class c LEFT JOIN person t ON t.id = c.class_teacher_id WHERE c.year_id = ?1 ORDER BY c.grade, c.letter
                """, [year.id]),
            ("students", ["id", "last_name", "first_name", "middle_name", "gender", "birth_date", "login"], """
                SELECT DISTINCT p.id, p.last_name, p.first_name, p.middle_name, p.gender, p.birth_date, a.login
                FROM enrolment e JOIN school_class c ON c.id = e.class_id AND c.year_id = ?1 JOIN person p ON p.id = e.student_id
                LEFT JOIN account a ON a.person_id = p.id ORDER BY p.last_name, p.first_name, p.middle_name, p.id
                """, [year.id]),
            ("enrolments", ["student_id", "class_id", "class", "joined_on", "left_on", "left_reason"], """
                SELECT e.student_id, e.class_id, c.name, e.joined_on, e.left_on, e.left_reason
                FROM enrolment e JOIN school_class c ON c.id = e.class_id AND c.year_id = ?1 ORDER BY c.grade, c.letter, e.student_id
                """, [year.id]),
            ("subjects", ["id", "name", "short_name", "scale"], """
                SELECT id, name, short_name, scale FROM subject
                WHERE id IN (SELECT subject_id FROM lesson WHERE year_id = ?1 UNION SELECT subject_id FROM teaching_assignment WHERE year_id = ?1)
                ORDER BY name
                """, [year.id]),
            ("lessons", ["id", "date", "bell", "class_id", "class", "group", "subject_id", "subject", "teacher_id", "actual_teacher_id",
                         "status", "topic", "homework"], """
                SELECT l.id, l.date, l.bell_number, l.class_id, c.name, g.name, l.subject_id, s.name, l.teacher_id, l.actual_teacher_id,
                       l.status, l.topic, l.homework
                FROM lesson l JOIN school_class c ON c.id = l.class_id JOIN subject s ON s.id = l.subject_id
                LEFT JOIN study_group g ON g.id = l.group_id WHERE l.year_id = ?1 ORDER BY l.date, c.grade, c.letter, l.bell_number, l.id
                """, [year.id]),
            ("marks", ["id", "lesson_id", "date", "subject", "student_id", "value", "work_type", "created_by", "transferred"], """
                SELECT m.id, m.lesson_id, l.date, s.name, m.student_id, \(mark("m")), w.code, m.created_by, m.transferred
                FROM mark m JOIN lesson l ON l.id = m.lesson_id JOIN subject s ON s.id = l.subject_id JOIN work_type w ON w.id = m.work_type_id
                WHERE l.year_id = ?1 ORDER BY l.date, m.lesson_id, m.student_id, m.id
                """, [year.id]),
            ("absences", ["lesson_id", "date", "subject", "student_id", "code", "transferred"], """
                SELECT a.lesson_id, l.date, s.name, a.student_id, a.code, a.transferred
                FROM absence a JOIN lesson l ON l.id = a.lesson_id JOIN subject s ON s.id = l.subject_id
                WHERE l.year_id = ?1 ORDER BY l.date, a.lesson_id, a.student_id
                """, [year.id]),
            ("final_marks", ["student_id", "subject_id", "subject", "kind", "period", "value"], """
                SELECT pm.student_id, pm.subject_id, s.name, pm.kind, p.name,
                       CASE pm.special WHEN 'na' THEN 'н/а' WHEN 'exempt' THEN 'осв' ELSE \(mark("pm")) END
                FROM period_mark pm JOIN subject s ON s.id = pm.subject_id LEFT JOIN period p ON p.id = pm.period_id
                WHERE pm.year_id = ?1 ORDER BY pm.student_id, s.name, pm.kind, p.number
                """, [year.id]),
            ("events", ["id", "class_id", "class", "starts_on", "ends_on", "title", "details", "author_id", "created_at"], """
                SELECT e.id, e.class_id, c.name, e.starts_on, e.ends_on, e.title, e.details, e.author_id,
                       CASE WHEN e.created_at > 0 THEN \(moment("e.created_at", "?2")) END
                FROM school_event e LEFT JOIN school_class c ON c.id = e.class_id WHERE e.year_id = ?1 ORDER BY e.starts_on, e.id
                """, [year.id, offset]),
            // Every message written during the year, withdrawn ones included (nothing is deleted);
            // attachments by name (their bytes stay in the database and its backups).
            ("messages", ["id", "thread_id", "subject", "class_id", "parent_thread_id", "author_id", "author", "at", "body", "withdrawn_at",
                          "attachments", "recipients"], """
                SELECT m.id, m.thread_id, t.subject, t.class_id, t.parent_id, m.author_id,
                       trim(p.last_name || ' ' || p.first_name || ' ' || p.middle_name), \(moment("m.at", "?3")), m.body, \(moment("m.withdrawn_at", "?3")),
                       (SELECT group_concat(file_name, ', ') FROM message_attachment WHERE message_id = m.id),
                       (SELECT group_concat(person_id, ' ') FROM thread_member WHERE thread_id = m.thread_id AND person_id <> m.author_id)
                FROM message m JOIN message_thread t ON t.id = m.thread_id JOIN person p ON p.id = m.author_id
                WHERE m.at >= ?1 AND m.at < ?2 ORDER BY m.id
                """, [from, to, offset]),
            ("audit", ["id", "at", "account_id", "via", "action", "entity", "entity_id", "old_value", "new_value", "reason"], """
                SELECT id, \(moment("at", "?3")), account_id, via, action, entity, entity_id, old_value, new_value, reason FROM audit
                WHERE at >= ?1 AND at < ?2 ORDER BY id
                """, [from, to, offset]),
        ]
        return try tables.map { name, columns, sql, values in
            let s = try statement(sql)
            defer { s.reset() }
            try s.bind(values)
            var rows: [[String?]] = []
            while try s.step() {
                let row = Row(statement: s)
                rows.append((0..<Int32(columns.count)).map { row.optionalString($0) })
            }
            return YearExportTable(name: name, columns: columns, rows: rows)
        }
    }
}
