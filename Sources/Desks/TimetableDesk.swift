import Domain
import Storage

/// The timetable, kept by the deputy or the administrator: the weekly entries, changed from a
/// date (the old version ends the day before, the lessons from that date follow), extra lessons
/// on a date, and dated changes of one lesson (substitutions, cancellations, moves, another
/// subject or room), each stored at the moment it is entered, with its audit rows and the
/// re-plan of the lessons in the same transaction.
public struct TimetableDesk: Sendable {
    let database: Database
    public let utcOffsetMinutes: Int

    public init(database: Database, utcOffsetMinutes: Int = SchoolClock.systemUTCOffsetMinutes) {
        self.database = database
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// A dated change to the timetable, entered by the deputy or the administrator.
    public enum Change: Sendable, Equatable {
        /// Another teacher teaches it (nil: the substitution is withdrawn).
        case substitution(teacher: Int?)
        case cancelled
        case moved(date: CivilDate, bell: Int)
        case replaced(subject: Int, teacher: Int)
        /// Another room for this lesson only (a name the school does not have yet adds the room).
        case room(String)
    }

    /// Applies a timetable change to one lesson and records it (timetable_change and audit)
    /// at the moment it is entered. A lesson with marks or absences is not cancelled, moved
    /// or replaced: those entries would lose their column.
    public func changeTimetable(lesson id: Int, _ change: Change, reason: String, by editor: Editor) throws {
        try database.deskWrite { c in
            try editor.require(.manageTimetable, .school)
            guard let lesson = try c.journalLesson(id) else { throw DeskError.notFound("Такого урока нет.") }
            try c.requireOpen(year: lesson.yearID)
            guard !lesson.cancelled else { throw DeskError.refused(.cancelledLesson) }
            let reason = reason.trimmingWhitespace
            guard reason.count <= 500 else { throw DeskError.invalid("Причина длиннее 500 знаков.", field: "reason") }
            let kind: TimetableChange.Kind
            let note: String
            switch change {
            case let .substitution(teacher):
                kind = .substitution
                if let teacher {
                    guard let name = try c.teacherList().first(where: { $0.id == teacher })?.name else {
                        throw DeskError.invalid("Выберите учителя из списка.", field: "teacher")
                    }
                    guard teacher != lesson.teacherID else { throw DeskError.invalid("Это учитель по расписанию.", field: "teacher") }
                    note = "Замена: " + Self.shortName(name)
                } else {
                    note = ""
                }
                try c.substitute(lesson: id, teacher: teacher, note: note)
            case .cancelled:
                guard try !c.lessonHasEntries(id) else { throw DeskError.refused(.lessonHasEntries) }
                (kind, note) = (.cancelled, "Урок отменён")
                try c.cancelLesson(id, note: note)
            case let .moved(date, bell):
                guard try !c.lessonHasEntries(id) else { throw DeskError.refused(.lessonHasEntries) }
                guard (0...12).contains(bell) else { throw DeskError.invalid("Номер урока — от 0 до 12.", field: "bell") }
                (kind, note) = (.moved, "Перенесён с \(lesson.date.shortRussian), \(lesson.bell)-й урок")
                try c.moveLesson(id, to: date, bell: bell, note: note)
            case let .replaced(subject, teacher):
                guard try !c.lessonHasEntries(id) else { throw DeskError.refused(.lessonHasEntries) }
                guard try c.subjectList().contains(where: { $0.id == subject }) else { throw DeskError.invalid("Выберите предмет из списка.", field: "subject") }
                guard try c.teacherList().contains(where: { $0.id == teacher }) else { throw DeskError.invalid("Выберите учителя из списка.", field: "teacher") }
                (kind, note) = (.replaced, "Вместо урока «\(lesson.subjectName)»")
                try c.replaceLesson(id, subject: subject, teacher: teacher, note: note)
            case let .room(name):
                // Marks and absences stay: the lesson is the same one, only elsewhere.
                kind = .room
                let room = try Self.room(c, name, required: true)!
                guard room.id != (try c.lessonRoom(id))?.id else { throw DeskError.invalid("Урок и так здесь: \(RoomName.label(room.name)).", field: "room") }
                if let other = try c.lessonSlotUses(date: lesson.date, bell: lesson.bell, except: id).first(where: {
                    $0.roomID == room.id && !($0.groupID != nil && $0.groupID == lesson.groupID)
                }) {
                    throw DeskError.invalid("\(RoomName.label(room.name).capitalizedFirst) в это время занят: \(other.classLabel), \(other.subjectName) — \(lesson.date.shortRussian), \(lesson.bell)-й урок.",
                                            field: "room")
                }
                // A substitution's note stays in front: «Замена: Петров П. П.; кабинет 32».
                let earlier = lesson.changeNote.firstRange(of: "; кабинет").map { String(lesson.changeNote[..<$0.lowerBound]) } ?? lesson.changeNote
                let moved = RoomName.note(room.name)
                note = earlier.isEmpty || earlier.hasPrefix("Кабинет") ? moved : "\(earlier); \(moved.prefix(1).lowercased() + moved.dropFirst())"
                try c.setLessonRoom(id, room: room.id, note: note)
            }
            try c.insertTimetableChange(lesson: id, kind: kind, reason: reason, enteredBy: editor.actor.personID, at: editor.at)
            try c.appendAudit(editor.journalEntry(kind.auditAction, entity: "lesson", id: id, old: lesson.changeNote, new: note.isEmpty ? "без замены" : note,
                                                  lesson: lesson, reason: reason))
        }
    }

    /// «Иванова Мария Петровна» → «Иванова М. П.»
    static func shortName(_ full: String) -> String {
        let parts = full.split(separator: " ")
        guard let last = parts.first else { return full }
        return ([String(last)] + parts.dropFirst().map { "\($0.prefix(1))." }).joined(separator: " ")
    }
}

extension TimetableChange.Kind {
    var auditAction: AuditAction {
        switch self {
        case .substitution: .timetableSubstitution
        case .cancelled: .timetableCancelled
        case .moved: .timetableMoved
        case .replaced: .timetableReplaced
        case .added: .timetableAdded
        case .room: .timetableRoom
        }
    }
}

// MARK: The weekly timetable

/// An entry of the weekly timetable as a form gives it.
public struct EntryDraft: Sendable, Equatable {
    public var subject: Int
    public var teacher: Int
    /// The room's name as typed ("" for none); a name the school does not have yet adds the room.
    public var room: String
    public var group: Int?
    /// 1 (Monday) to 6 (Saturday).
    public var weekday: Int
    public var bell: Int

    public init(subject: Int, teacher: Int, room: String = "", group: Int? = nil, weekday: Int, bell: Int) {
        self.subject = subject
        self.teacher = teacher
        self.room = room
        self.group = group
        self.weekday = weekday
        self.bell = bell
    }
}

/// What a change of the weekly timetable did.
public struct TimetableOutcome: Sendable, Equatable {
    /// The entry in force from the date (nil: the entry was removed).
    public let entry: Int?
    public let from: CivilDate
    /// The lessons re-planned from that date: created, followed, removed, and kept because
    /// something was entered for them.
    public let sync: LessonSync
}

extension TimetableDesk {
    /// Adds an entry to a class's week from `from` to the end of the year; the lessons follow.
    public func addEntry(classID: Int, _ draft: EntryDraft, from: CivilDate, reason: String = "", by editor: Editor) throws -> TimetableOutcome {
        try database.deskWrite { c in
            try editor.require(.manageTimetable, .school)
            let (schoolClass, year) = try classAndYear(c, classID)
            try checkStart(from, year: year, editor)
            let entry = try Self.resolve(c, schoolClass, draft)
            try Self.checkClashes(c, entry, year: year.id, dates: from...year.endsOn, except: [])
            let id = try c.insertTimetableEntry(year: year.id, class: classID, group: draft.group, subject: draft.subject, teacher: draft.teacher,
                                                room: entry.room?.id, weekday: draft.weekday, bell: draft.bell, validFrom: from, validTo: year.endsOn)
            try c.ensureTeachingAssignment(year: year.id, teacher: draft.teacher, subject: draft.subject, classID: classID, group: draft.group)
            try c.appendAudit(editor.entry(.timetableEntryAdd, entity: "timetable_entry", id: id, new: "\(entry.label) — с \(from.russian)",
                                           reason: try Self.reason(reason), schoolClass: classID))
            let sync = try LessonPlan.replan(c, year: year.id, from: from, classes: [classID], reason: Self.replanReason(from), by: editor)
            return TimetableOutcome(entry: id, from: from, sync: sync)
        }
    }

    /// Changes an entry from `from`: the version in force ends the day before and a new one
    /// begins (a version that has not begun by then is changed in place). The lessons from that
    /// date follow; those with something entered keep theirs and are listed.
    public func changeEntry(_ id: Int, to draft: EntryDraft, from: CivilDate, reason: String = "", by editor: Editor) throws -> TimetableOutcome {
        try database.deskWrite { c in
            try editor.require(.manageTimetable, .school)
            guard let old = try c.timetableEntryView(id) else { throw DeskError.notFound("Такой записи расписания нет.") }
            let (schoolClass, year) = try classAndYear(c, old.classID)
            try checkStart(from, year: year, editor)
            guard from <= old.validTo else { throw DeskError.invalid("Эта запись расписания действует только до \(old.validTo.russian).", field: "date") }
            let entry = try Self.resolve(c, schoolClass, draft)
            guard entry.label != Self.label(old) || draft.group != old.groupID else {
                throw DeskError.invalid("Ничего не изменено: выберите, что меняется.", field: "subject")
            }
            let starts = max(from, old.validFrom)
            try Self.checkClashes(c, entry, year: year.id, dates: starts...old.validTo, except: [id])
            let current: Int
            if from > old.validFrom {
                try c.closeTimetableEntry(id, on: from.adding(days: -1))
                current = try c.insertTimetableEntry(year: year.id, class: old.classID, group: draft.group, subject: draft.subject, teacher: draft.teacher,
                                                     room: entry.room?.id, weekday: draft.weekday, bell: draft.bell, validFrom: from, validTo: old.validTo)
            } else {
                try c.rewriteTimetableEntry(id, group: draft.group, subject: draft.subject, teacher: draft.teacher, room: entry.room?.id,
                                            weekday: draft.weekday, bell: draft.bell, validFrom: old.validFrom)
                current = id
            }
            try c.ensureTeachingAssignment(year: year.id, teacher: draft.teacher, subject: draft.subject, classID: old.classID, group: draft.group)
            try c.appendAudit(editor.entry(.timetableEntryChange, entity: "timetable_entry", id: current, old: Self.label(old),
                                           new: "\(entry.label) — с \(starts.russian)", reason: try Self.reason(reason), schoolClass: old.classID))
            let sync = try LessonPlan.replan(c, year: year.id, from: starts, classes: [old.classID], reason: Self.replanReason(starts), by: editor)
            return TimetableOutcome(entry: current, from: starts, sync: sync)
        }
    }

    /// Takes an entry out of the week from `from`; its lessons from that date go, except those
    /// something was entered for, which are kept and listed.
    public func removeEntry(_ id: Int, from: CivilDate, reason: String = "", by editor: Editor) throws -> TimetableOutcome {
        try database.deskWrite { c in
            try editor.require(.manageTimetable, .school)
            guard let old = try c.timetableEntryView(id) else { throw DeskError.notFound("Такой записи расписания нет.") }
            let (_, year) = try classAndYear(c, old.classID)
            try checkStart(from, year: year, editor)
            guard from <= old.validTo else { throw DeskError.invalid("Эта запись расписания действует только до \(old.validTo.russian).", field: "date") }
            let starts = max(from, old.validFrom)
            try c.appendAudit(editor.entry(.timetableEntryRemove, entity: "timetable_entry", id: id, old: Self.label(old),
                                           new: "убран с \(starts.russian)", reason: try Self.reason(reason), schoolClass: old.classID))
            // A version that has not begun goes altogether; one in force ends the day before.
            let withdrawn: Set<Int> = from > old.validFrom ? [] : [id]
            if withdrawn.isEmpty { try c.closeTimetableEntry(id, on: from.adding(days: -1)) }
            let sync = try LessonPlan.replan(c, year: year.id, from: starts, classes: [old.classID], withdrawing: withdrawn,
                                             reason: Self.replanReason(starts), by: editor)
            return TimetableOutcome(entry: nil, from: starts, sync: sync)
        }
    }

    /// An extra lesson of a class on a date, outside the weekly timetable (a lesson of no entry):
    /// shown in diaries and on the kiosk as «дополнительный урок». Returns its id.
    public func addLesson(classID: Int, on date: CivilDate, _ draft: EntryDraft, reason: String, by editor: Editor) throws -> Int {
        try database.deskWrite { c in
            try editor.require(.manageTimetable, .school)
            let (schoolClass, year) = try classAndYear(c, classID)
            guard year.startsOn <= date, date <= year.endsOn, date.weekday != 7 else {
                throw DeskError.invalid("Дата — учебный день \(year.name) учебного года (не воскресенье).", field: "date")
            }
            var draft = draft
            draft.weekday = date.weekday
            let reason = try Self.reason(reason)
            let entry = try Self.resolve(c, schoolClass, draft)
            if let clash = TimetableClash.find(entry.use, among: try c.lessonSlotUses(date: date, bell: draft.bell, except: nil)) {
                throw DeskError.invalid(clash.message(for: entry.use, when: "\(date.shortRussian), \(draft.bell)-й урок"), field: clash.field)
            }
            var record = LessonRecord(year: year.id, date: date, bell: draft.bell, classID: classID, group: draft.group, subject: draft.subject,
                                      teacher: draft.teacher, room: entry.room?.id, timetableEntry: nil)
            record.changeNote = "Дополнительный урок"
            let id = try c.insertLesson(record)
            try c.insertTimetableChange(lesson: id, kind: .added, reason: reason, enteredBy: editor.actor.personID, at: editor.at)
            try c.ensureTeachingAssignment(year: year.id, teacher: draft.teacher, subject: draft.subject, classID: classID, group: draft.group)
            try c.appendAudit(editor.entry(.timetableAdded, entity: "lesson", id: id, new: "\(date.shortRussian), \(entry.label.dropFirst(4))",
                                           reason: reason, lesson: id, schoolClass: classID))
            return id
        }
    }

    // MARK: Rules

    /// An entry as it will be written: its room (added when new), its clash view and its label.
    struct ResolvedEntry {
        let room: (id: Int, name: String)?
        let use: SlotUse
        let weekday: Int
        let bell: Int
        let label: String
    }

    func classAndYear(_ c: Connection, _ classID: Int) throws -> (SchoolClass, AcademicYear) {
        guard let schoolClass = try c.schoolClass(classID) else { throw DeskError.notFound("Нет такого класса.") }
        guard let year = try c.academicYear(id: schoolClass.yearID) else { throw DeskError.notFound("Нет учебного года этого класса.") }
        try c.requireOpen(year: year.id)
        return (schoolClass, year)
    }

    /// A change takes effect today at the earliest (past lessons stay as they were) and within the class's year.
    func checkStart(_ from: CivilDate, year: AcademicYear, _ editor: Editor) throws {
        let today = SchoolDateTime(unixSeconds: editor.at, offsetMinutes: utcOffsetMinutes).date
        guard from >= today else { throw DeskError.invalid("Изменение вступает в силу не раньше сегодняшнего дня (\(today.russian)).", field: "date") }
        guard year.startsOn <= from, from <= year.endsOn else {
            throw DeskError.invalid("Дата — в пределах \(year.name) учебного года: до \(year.endsOn.russian).", field: "date")
        }
    }

    /// Checks a draft against the school's lists: a weekday, a bell of the class's schedule, a
    /// subject, a teacher, a group of this class, a room's name.
    static func resolve(_ c: Connection, _ schoolClass: SchoolClass, _ d: EntryDraft) throws -> ResolvedEntry {
        guard (1...6).contains(d.weekday) else { throw DeskError.invalid("Выберите день недели: с понедельника по субботу.", field: "weekday") }
        guard try c.bellNumbers(classID: schoolClass.id).contains(d.bell) else {
            throw DeskError.invalid("В расписании звонков класса \(schoolClass.name) нет \(d.bell)-го урока.", field: "bell")
        }
        guard let subject = try c.subjectName(d.subject) else { throw DeskError.invalid("Выберите предмет из списка.", field: "subject") }
        guard try c.teacherList().contains(where: { $0.id == d.teacher }), let teacher = try c.teacherShortName(d.teacher) else {
            throw DeskError.invalid("Выберите учителя из списка.", field: "teacher")
        }
        var group: (name: String, members: Set<Int>)?
        if let id = d.group {
            let members = try c.groupMembers([id])[id] ?? []
            let inClass = Set(try c.students(classID: schoolClass.id))
            guard let record = try c.studyGroupRecord(id), record.yearID == schoolClass.yearID,
                  record.classID == schoolClass.id || (record.classID == nil && !members.isDisjoint(with: inClass)) else {
                throw DeskError.invalid("Выберите группу этого класса.", field: "group")
            }
            group = (record.name, members)
        }
        let room = try room(c, d.room, required: false)
        let use = SlotUse(classID: schoolClass.id, className: schoolClass.name, groupID: d.group, groupName: group?.name, members: group?.members ?? [],
                          subjectName: subject, teacherID: d.teacher, teacherName: teacher, roomID: room?.id, roomName: room?.name)
        return ResolvedEntry(room: room, use: use, weekday: d.weekday, bell: d.bell,
                             label: label(weekday: d.weekday, bell: d.bell, subject: subject, group: group?.name, teacher: teacher, room: room?.name))
    }

    /// A room by the name typed (added when the school does not have it yet); nil for none.
    static func room(_ c: Connection, _ text: String, required: Bool) throws -> (id: Int, name: String)? {
        let name = text.trimmingWhitespace
        guard !name.isEmpty else {
            if required { throw DeskError.invalid("Укажите кабинет.", field: "room") }
            return nil
        }
        guard name.count <= 30 else { throw DeskError.invalid("Название кабинета — не длиннее 30 знаков.", field: "room") }
        return (try c.room(named: name) ?? c.insertRoom(name: name), name)
    }

    /// Refuses an entry whose class (or group), teacher or room already has a lesson at its
    /// weekday and bell on some day of `dates`; `except`: the entries it replaces.
    static func checkClashes(_ c: Connection, _ entry: ResolvedEntry, year: Int, dates: ClosedRange<CivilDate>, except: Set<Int>) throws {
        let others = try c.timetableSlotUses(year: year, weekday: entry.weekday, bell: entry.bell, dates: dates, except: except)
        if let clash = TimetableClash.find(entry.use, among: others) {
            throw DeskError.invalid(clash.message(for: entry.use, when: "\(RussianCalendar.weekdaysShort[entry.weekday - 1]), \(entry.bell)-й урок"),
                                    field: clash.field)
        }
    }

    /// «Пн, 3-й урок: Иностранный язык · 1 группа, Смирнова А. О., каб. 31».
    static func label(weekday: Int, bell: Int, subject: String, group: String?, teacher: String, room: String?) -> String {
        "\(RussianCalendar.weekdaysShort[weekday - 1]), \(bell)-й урок: \(subject)\(group.map { " · \($0)" } ?? ""), \(teacher)" + (room.map { ", " + RoomName.label($0) } ?? "")
    }

    static func label(_ e: TimetableEntryView) -> String {
        label(weekday: e.weekday, bell: e.bell, subject: e.subjectName, group: e.groupName, teacher: e.teacherName, room: e.roomName)
    }

    /// Why, as typed: at most 500 characters.
    static func reason(_ text: String) throws -> String {
        let reason = text.trimmingWhitespace
        guard reason.count <= 500 else { throw DeskError.invalid("Причина длиннее 500 знаков.", field: "reason") }
        return reason
    }

    static func replanReason(_ from: CivilDate) -> String { "изменение расписания с \(from.russian)" }
}
