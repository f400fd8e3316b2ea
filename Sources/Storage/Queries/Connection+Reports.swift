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
}
