import Domain

/// What bringing the journal's lessons in line with the timetable did.
public struct LessonSync: Sendable, Equatable {
    public var created = 0
    public var updated = 0
    public var removed = 0
}

/// The lessons of a date come from the weekly timetable plus its dated changes: this writes
/// the lesson rows of the timetable from a date to the end of the year.
extension Connection {
    /// Creates the missing lessons of every timetable entry from `from` on (school days of
    /// the class's periods, outside its holidays), follows a changed subject, teacher or room
    /// in lessons nothing was entered for yet, and removes such lessons whose entry is gone.
    /// Lessons with marks, absences, remarks or a timetable change are left as they are.
    public func syncLessons(year: Int, from: CivilDate) throws -> LessonSync {
        struct Entry { let id, classID, grade: Int; let group: Int?; let subject, teacher: Int; let room: Int?; let weekday, bell: Int; let valid: ClosedRange<CivilDate> }
        let entries = try query("""
            SELECT t.id, t.class_id, c.grade, t.group_id, t.subject_id, t.teacher_id, t.room_id, t.weekday, t.bell_number, t.valid_from, t.valid_to
            FROM timetable_entry t JOIN school_class c ON c.id = t.class_id WHERE t.year_id = ?
            """, year) { r in
            Entry(id: r.int(0), classID: r.int(1), grade: r.int(2), group: r.optionalInt(3), subject: r.int(4), teacher: r.int(5), room: r.optionalInt(6),
                  weekday: r.int(7), bell: r.int(8), valid: try r.date(9)...r.date(10))
        }
        let terms = try query("""
            SELECT c.id, p.starts_on, p.ends_on FROM school_class c JOIN period p ON p.year_id = c.year_id AND p.scheme = c.period_scheme WHERE c.year_id = ?
            """, year) { (classID: $0.int(0), dates: try $0.date(1)...$0.date(2)) }
        let holidays = try query("SELECT starts_on, ends_on, min_grade, max_grade FROM holiday WHERE year_id = ?", year) {
            (dates: try $0.date(0)...$0.date(1), grades: $0.int(2)...$0.int(3))
        }
        var termsOf: [Int: [ClosedRange<CivilDate>]] = [:]
        for t in terms { termsOf[t.classID, default: []].append(t.dates) }

        // Lessons already there, by entry and date; "untouched" ones may follow the timetable.
        struct Existing { let id, entry: Int; let date: CivilDate; let subject, teacher: Int; let room: Int?; let untouched: Bool }
        let existing = try query("""
            SELECT l.id, l.timetable_entry_id, l.date, l.subject_id, l.teacher_id, l.room_id,
                   l.status = 'scheduled' AND l.change_note = ''
                   AND NOT EXISTS (SELECT 1 FROM mark WHERE lesson_id = l.id) AND NOT EXISTS (SELECT 1 FROM absence WHERE lesson_id = l.id)
                   AND NOT EXISTS (SELECT 1 FROM remark WHERE lesson_id = l.id) AND NOT EXISTS (SELECT 1 FROM timetable_change WHERE lesson_id = l.id)
                   AND NOT EXISTS (SELECT 1 FROM individual_homework WHERE lesson_id = l.id)
            FROM lesson l WHERE l.year_id = ? AND l.date >= ? AND l.timetable_entry_id IS NOT NULL
            """, year, from) { r in
            Existing(id: r.int(0), entry: r.int(1), date: try r.date(2), subject: r.int(3), teacher: r.int(4), room: r.optionalInt(5), untouched: r.bool(6))
        }
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        var have = Set<String>()
        var sync = LessonSync()
        for l in existing {
            guard let e = byID[l.entry], e.weekday == l.date.weekday, e.valid.contains(l.date) else {
                if l.untouched {
                    try run("DELETE FROM lesson WHERE id = ?", l.id)
                    sync.removed += 1
                }
                continue
            }
            have.insert("\(l.entry)|\(l.date.iso)")
            if l.untouched, l.subject != e.subject || l.teacher != e.teacher || l.room != e.room {
                try run("UPDATE lesson SET subject_id = ?, teacher_id = ?, room_id = ? WHERE id = ?", e.subject, e.teacher, e.room, l.id)
                sync.updated += 1
            }
        }
        for e in entries {
            guard let periods = termsOf[e.classID], let last = periods.map(\.upperBound).max() else { continue }
            var d = max(from, e.valid.lowerBound)
            d = d.adding(days: (e.weekday - d.weekday + 7) % 7)
            while d <= min(last, e.valid.upperBound) {
                let open = periods.contains { $0.contains(d) } && !holidays.contains { $0.dates.contains(d) && $0.grades.contains(e.grade) }
                if open, !have.contains("\(e.id)|\(d.iso)") {
                    try run("""
                        INSERT INTO lesson (year_id, date, bell_number, class_id, group_id, subject_id, teacher_id, room_id, timetable_entry_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, year, d, e.bell, e.classID, e.group, e.subject, e.teacher, e.room, e.id)
                    sync.created += 1
                }
                d = d.adding(days: 7)
            }
        }
        return sync
    }
}
