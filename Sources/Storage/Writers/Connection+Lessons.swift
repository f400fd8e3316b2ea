import Domain

/// Where a lesson is and what it is, with the names a person reads.
public struct LessonSlot: Sendable, Equatable {
    public let date: CivilDate
    public let bell: Int
    public let groupID: Int?
    public let groupName: String?
    public let subjectID: Int
    public let subjectName: String
    public let teacherID: Int
    /// «Кузнецова О. Н.»
    public let teacherName: String
    public let roomID: Int?
    public let roomName: String?
}

/// A lesson a re-plan changed, removed or left as it was.
public struct ReplannedLesson: Sendable, Equatable {
    public let id: Int
    public let classID: Int
    public let className: String
    /// The lesson before the re-plan (for a kept one, as it stays).
    public let lesson: LessonSlot
    /// What the timetable has in its place now: the lesson as it became, or for a kept lesson
    /// what it would have become; nil when the timetable has no lesson there any more.
    public let plan: LessonSlot?
}

/// What bringing the journal's lessons in line with the timetable did.
public struct LessonSync: Sendable, Equatable {
    public var created = 0
    /// Lessons that followed a changed entry (subject, teacher, room, group, bell).
    public var updated: [ReplannedLesson] = []
    /// Lessons nothing was entered for whose place in the timetable is gone.
    public var removed: [ReplannedLesson] = []
    /// Lessons with entries that no longer match the timetable: left as they are, for a person to decide.
    public var kept: [ReplannedLesson] = []

    public init() {}
}

/// The lessons of a date come from the weekly timetable plus its dated changes: this writes
/// the lesson rows of the timetable from a date to the end of the year.
extension Connection {
    /// Brings the lessons from `from` on in line with the timetable (of the given classes, or
    /// of the whole school): creates the missing lessons of every entry (school days of the
    /// class's periods, outside its holidays), lets the lessons nothing was entered for follow
    /// their entry (or the entry that took its place at the same bell), and removes those whose
    /// place is gone — an entry removed, a new holiday, a day outside the class's periods.
    ///
    /// - Important: a lesson with a topic, homework, marks, absences, remarks, individual
    ///   homework or a timetable change is never changed or removed here: it is `kept` and
    ///   listed, and a new lesson is not planned beside it at its bell. The one exception is a
    ///   topic written from the КТП (which fills the whole year in advance): such a lesson
    ///   still follows a new teacher or room of its own subject and group, and goes when its day
    ///   is no longer a school day of its class.
    ///   The caller audits what changed (`LessonPlan.replan` in Desks).
    ///
    /// `withdrawing`: entries (each starting on or after `from`) that go as if they had never
    /// been: their lessons are re-planned without them, then the entries are deleted, and a kept
    /// lesson of theirs stays as a lesson of no entry.
    public func syncLessons(year: Int, from: CivilDate, classes: Set<Int>? = nil, withdrawing: Set<Int> = []) throws -> LessonSync {
        let scope: String? = classes.map { Self.jsonList($0.sorted()) }
        let entries = try query("""
            SELECT t.id, t.class_id, t.group_id, t.subject_id, t.teacher_id, t.room_id, t.weekday, t.bell_number, t.valid_from, t.valid_to
            FROM timetable_entry t WHERE t.year_id = ?1 AND t.valid_to >= ?2 AND (?3 IS NULL OR t.class_id IN (SELECT value FROM json_each(?3)))
            ORDER BY t.id
            """, year, from, scope) { r in
            PlanEntry(id: r.int(0), classID: r.int(1), group: r.optionalInt(2), subject: r.int(3), teacher: r.int(4), room: r.optionalInt(5),
                      weekday: r.int(6), bell: r.int(7), valid: try r.date(8)...r.date(9))
        }.filter { !withdrawing.contains($0.id) }
        let calendar = try SchoolDays(self, year: year)
        let existing = try query("""
            SELECT l.id, l.timetable_entry_id, l.class_id, coalesce(l.planned_date, l.date), l.date, l.bell_number, l.group_id,
                   l.subject_id, l.teacher_id, l.room_id,
                   l.status <> 'scheduled' OR l.change_note <> '' OR l.planned_date IS NOT NULL
                     OR EXISTS (SELECT 1 FROM timetable_change WHERE lesson_id = l.id),
                   l.homework <> '' OR (l.topic <> '' AND l.plan_topic_id IS NULL)
                     OR EXISTS (SELECT 1 FROM mark WHERE lesson_id = l.id) OR EXISTS (SELECT 1 FROM absence WHERE lesson_id = l.id)
                     OR EXISTS (SELECT 1 FROM remark WHERE lesson_id = l.id) OR EXISTS (SELECT 1 FROM individual_homework WHERE lesson_id = l.id),
                   l.topic <> ''
            FROM lesson l WHERE l.year_id = ?1 AND coalesce(l.planned_date, l.date) >= ?2 AND l.timetable_entry_id IS NOT NULL
              AND (?3 IS NULL OR l.class_id IN (SELECT value FROM json_each(?3)))
            ORDER BY l.date, l.bell_number, l.id
            """, year, from, scope) { r in
            PlannedRow(id: r.int(0), entry: r.int(1), classID: r.int(2), slotDate: try r.date(3), date: try r.date(4), bell: r.int(5),
                       group: r.optionalInt(6), subject: r.int(7), teacher: r.int(8), room: r.optionalInt(9), changed: r.bool(10),
                       content: r.bool(10) || r.bool(11) ? .entries : r.bool(12) ? .planTopic : .none)
        }
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        let byClass = Dictionary(grouping: entries, by: \.classID)
        func planned(_ e: PlanEntry, on date: CivilDate) -> Bool {
            e.weekday == date.weekday && e.valid.contains(date) && calendar.isOpen(classID: e.classID, on: date)
        }

        var taken = Set<SlotKey>()
        var outcome = SyncOutcome()
        var orphans: [PlannedRow] = []
        // The lessons whose entry still plans them at their date keep their slot; those nothing
        // was entered for take the entry's subject, teacher, room, group and bell.
        for l in existing {
            guard let e = byID[l.entry], planned(e, on: l.slotDate), taken.insert(SlotKey(entry: e.id, date: l.slotDate)).inserted else {
                orphans.append(l)
                continue
            }
            guard !l.matches(e) else { continue }
            if l.mayFollow(e) {
                try follow(l, e)
                outcome.updated.append((l, e))
            } else if !l.changed {
                // A lesson changed for the day on purpose differs from its entry by design; any other is listed.
                outcome.kept.append((l, e))
            }
        }
        // Lessons whose place is gone: the entry that now has that bell takes over the ones
        // nothing was entered for; the others go, or stay (and keep their bell) when something was entered.
        var blocked: [BellKey: [Int?]] = [:]
        for l in orphans {
            let candidates = (byClass[l.classID] ?? []).filter {
                $0.bell == l.bell && planned($0, on: l.slotDate) && !taken.contains(SlotKey(entry: $0.id, date: l.slotDate))
            }
            let successor = candidates.filter(l.mayFollow).min { l.preference($0) < l.preference($1) }
            if let successor {
                taken.insert(SlotKey(entry: successor.id, date: l.slotDate))
                try follow(l, successor)
                outcome.updated.append((l, successor))
            } else if l.content == .none || l.content == .planTopic && !calendar.isOpen(classID: l.classID, on: l.slotDate) {
                // A day the school no longer teaches (a new holiday, outside the periods) takes
                // a lesson whose only content is the КТП's topic with it: the plan cannot hold it.
                try run("DELETE FROM lesson WHERE id = ?", l.id)
                outcome.removed.append(l)
            } else {
                outcome.kept.append((l, candidates.min { l.preference($0) < l.preference($1) }))
                blocked[BellKey(classID: l.classID, date: l.date, bell: l.bell), default: []].append(l.group)
            }
        }
        // The missing lessons of every entry, where no kept lesson of the class (or of the same
        // group) already holds that bell.
        for e in entries {
            guard let last = calendar.lastDay(classID: e.classID) else { continue }
            var d = max(from, e.valid.lowerBound)
            d = d.adding(days: (e.weekday - d.weekday + 7) % 7)
            while d <= min(last, e.valid.upperBound) {
                let heldBy = blocked[BellKey(classID: e.classID, date: d, bell: e.bell)] ?? []
                if calendar.isOpen(classID: e.classID, on: d), !taken.contains(SlotKey(entry: e.id, date: d)),
                   !heldBy.contains(where: { $0 == nil || e.group == nil || $0 == e.group }) {
                    try run("""
                        INSERT INTO lesson (year_id, date, bell_number, class_id, group_id, subject_id, teacher_id, room_id, timetable_entry_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, year, d, e.bell, e.classID, e.group, e.subject, e.teacher, e.room, e.id)
                    outcome.created += 1
                }
                d = d.adding(days: 7)
            }
        }
        for id in withdrawing.sorted() {
            try run("UPDATE lesson SET timetable_entry_id = NULL WHERE timetable_entry_id = ?", id)
            try run("DELETE FROM timetable_entry WHERE id = ?", id)
        }
        return try outcome.named(self, year: year)
    }

    /// Gives a lesson nothing (or only a КТП topic) was entered for its entry's place and people.
    private func follow(_ l: PlannedRow, _ e: PlanEntry) throws {
        try run("""
            UPDATE lesson SET timetable_entry_id = ?, subject_id = ?, teacher_id = ?, room_id = ?, group_id = ?, bell_number = ? WHERE id = ?
            """, e.id, e.subject, e.teacher, e.room, e.group, e.bell, l.id)
    }
}

/// A version of a timetable entry, as a re-plan reads it.
private struct PlanEntry {
    let id, classID: Int
    let group: Int?
    let subject, teacher: Int
    let room: Int?
    let weekday, bell: Int
    let valid: ClosedRange<CivilDate>
}

/// An entry's lesson of a date.
private struct SlotKey: Hashable {
    let entry: Int
    let date: CivilDate
}

/// A class's bell of a date.
private struct BellKey: Hashable {
    let classID: Int
    let date: CivilDate
    let bell: Int
}

/// A lesson of the timetable as a re-plan reads it: its place, and what was entered for it.
private struct PlannedRow {
    enum Content { case none, planTopic, entries }

    let id, entry, classID: Int
    /// The date the timetable planned it for (a moved lesson's original date).
    let slotDate: CivilDate
    let date: CivilDate
    let bell: Int
    let group: Int?
    let subject, teacher: Int
    let room: Int?
    /// Changed for the day by the deputy (substitution, cancellation, move, another subject or room).
    let changed: Bool
    let content: Content

    func matches(_ e: PlanEntry) -> Bool {
        subject == e.subject && teacher == e.teacher && room == e.room && group == e.group && bell == e.bell
    }

    /// A lesson nothing was entered for takes any entry at its bell; one with a КТП topic only a
    /// new teacher or room of its own subject and group; anything else stays as it is.
    func mayFollow(_ e: PlanEntry) -> Bool {
        switch content {
        case .none: true
        case .planTopic: subject == e.subject && group == e.group && bell == e.bell
        case .entries: false
        }
    }

    /// Which of several entries at the bell takes the lesson over: its own group and subject first.
    func preference(_ e: PlanEntry) -> Int {
        (e.group == group ? 0 : 2) + (e.subject == subject ? 0 : 1)
    }
}

/// Which dates a class has lessons on: inside its periods, outside its holidays.
private struct SchoolDays {
    let terms: [Int: [ClosedRange<CivilDate>]]
    let grades: [Int: Int]
    let holidays: [(dates: ClosedRange<CivilDate>, grades: ClosedRange<Int>)]

    init(_ c: Connection, year: Int) throws {
        var terms: [Int: [ClosedRange<CivilDate>]] = [:]
        for t in try c.query("""
            SELECT c.id, p.starts_on, p.ends_on FROM school_class c JOIN period p ON p.year_id = c.year_id AND p.scheme = c.period_scheme WHERE c.year_id = ?
            """, year, row: { (classID: $0.int(0), dates: try $0.date(1)...$0.date(2)) }) {
            terms[t.classID, default: []].append(t.dates)
        }
        self.terms = terms
        grades = Dictionary(uniqueKeysWithValues: try c.query("SELECT id, grade FROM school_class WHERE year_id = ?", year) { ($0.int(0), $0.int(1)) })
        holidays = try c.query("SELECT starts_on, ends_on, min_grade, max_grade FROM holiday WHERE year_id = ?", year) {
            (dates: try $0.date(0)...$0.date(1), grades: $0.int(2)...$0.int(3))
        }
    }

    func isOpen(classID: Int, on date: CivilDate) -> Bool {
        guard let periods = terms[classID], periods.contains(where: { $0.contains(date) }) else { return false }
        let grade = grades[classID] ?? 0
        return !holidays.contains { $0.dates.contains(date) && $0.grades.contains(grade) }
    }

    func lastDay(classID: Int) -> CivilDate? { terms[classID]?.map(\.upperBound).max() }
}

/// What a re-plan did, by row, before the names are looked up.
private struct SyncOutcome {
    var created = 0
    var updated: [(PlannedRow, PlanEntry)] = []
    var removed: [PlannedRow] = []
    var kept: [(PlannedRow, PlanEntry?)] = []

    func named(_ c: Connection, year: Int) throws -> LessonSync {
        var sync = LessonSync()
        sync.created = created
        guard !(updated.isEmpty && removed.isEmpty && kept.isEmpty) else { return sync }
        let teachers = updated.flatMap { [$0.0.teacher, $0.1.teacher] } + removed.map(\.teacher) + kept.flatMap { [$0.0.teacher] + ($0.1.map { [$0.teacher] } ?? []) }
        let names = try SlotNames(c, year: year, teachers: Set(teachers))
        func slot(_ l: PlannedRow) -> LessonSlot {
            names.slot(date: l.date, bell: l.bell, group: l.group, subject: l.subject, teacher: l.teacher, room: l.room)
        }
        func slot(_ e: PlanEntry, on date: CivilDate) -> LessonSlot {
            names.slot(date: date, bell: e.bell, group: e.group, subject: e.subject, teacher: e.teacher, room: e.room)
        }
        func lesson(_ l: PlannedRow, plan: LessonSlot?) -> ReplannedLesson {
            ReplannedLesson(id: l.id, classID: l.classID, className: names.classes[l.classID] ?? "", lesson: slot(l), plan: plan)
        }
        sync.updated = updated.map { lesson($0.0, plan: slot($0.1, on: $0.0.date)) }
        sync.removed = removed.map { lesson($0, plan: nil) }
        sync.kept = kept.map { l, e in lesson(l, plan: e.map { slot($0, on: l.slotDate) }) }
        return sync
    }
}

/// The names of classes, groups, subjects, teachers and rooms, read once per re-plan.
private struct SlotNames {
    let classes: [Int: String]
    let groups: [Int: String]
    let subjects: [Int: String]
    let teachers: [Int: String]
    let rooms: [Int: String]

    init(_ c: Connection, year: Int, teachers ids: Set<Int>) throws {
        func names(_ rows: [(Int, String)]) -> [Int: String] { Dictionary(rows) { a, _ in a } }
        classes = names(try c.query("SELECT id, name FROM school_class WHERE year_id = ?", year) { ($0.int(0), $0.string(1)) })
        groups = names(try c.query("SELECT id, name FROM study_group WHERE year_id = ?", year) { ($0.int(0), $0.string(1)) })
        subjects = names(try c.query("SELECT id, name FROM subject") { ($0.int(0), $0.string(1)) })
        rooms = names(try c.query("SELECT id, name FROM room") { ($0.int(0), $0.string(1)) })
        teachers = Dictionary(try c.query("""
            SELECT p.id, p.last_name, p.first_name, p.middle_name FROM json_each(?) j JOIN person p ON p.id = j.value
            """, Connection.jsonList(ids.sorted())) { ($0.int(0), PersonCard(lastName: $0.string(1), firstName: $0.string(2), middleName: $0.string(3)).shortName) }) { a, _ in a }
    }

    func slot(date: CivilDate, bell: Int, group: Int?, subject: Int, teacher: Int, room: Int?) -> LessonSlot {
        LessonSlot(date: date, bell: bell, groupID: group, groupName: group.flatMap { groups[$0] }, subjectID: subject, subjectName: subjects[subject] ?? "",
                   teacherID: teacher, teacherName: teachers[teacher] ?? "", roomID: room, roomName: room.flatMap { rooms[$0] })
    }
}
