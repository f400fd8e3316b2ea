import Domain
import HTTP
import Storage

/// Who makes a journal change, through what, and when: what the rules and the audit row need.
public struct Editor: Sendable {
    public let actor: Actor
    public let session: Int?
    public let via: AuditEntry.Via
    /// Unix seconds.
    public let at: Int
    public let address: String

    public init(actor: Actor, session: Int?, via: AuditEntry.Via, at: Int, address: String = "") {
        self.actor = actor
        self.session = session
        self.via = via
        self.at = at
        self.address = address
    }
}

/// Why a journal change was not made; each maps to one HTTP status.
public enum JournalError: Error, Equatable, Sendable {
    /// No such lesson, mark or student here (404).
    case notFound(String)
    /// A value the journal does not take, with the form field it belongs to (422).
    case invalid(String, field: String)
    /// A rule of the journal forbids it now (409, with the rule's code).
    case refused(JournalRefusal)
    /// The student already has a mark of this work type at this lesson (409 `mark_exists`).
    case markExists(id: Int)
    /// Not this person's lesson (403).
    case forbidden

    public var httpError: HTTPError {
        switch self {
        case let .notFound(message): HTTPError(status: 404, message: message)
        case let .invalid(message, field): HTTPError(status: 422, message: message, code: "invalid_" + field)
        case let .refused(refusal): HTTPError(status: 409, message: refusal.message, code: refusal.code)
        case .markExists: HTTPError(status: 409, message: "У обучающегося уже есть отметка этого вида работы за урок: исправьте её.", code: "mark_exists")
        case .forbidden: HTTPError.forbidden
        }
    }
}

/// Every change to the journal goes through here: it loads what the rules need, asks
/// `JournalRules`, writes, and appends the audit row — all in one transaction, so a saved
/// mark always has its audit row and a refused one leaves nothing behind.
///
/// Two teachers changing the same mark: the later change wins; both are in the audit trail
/// with the value each one replaced.
public struct JournalDesk: Sendable {
    let database: Database
    let utcOffsetMinutes: Int

    public init(database: Database, utcOffsetMinutes: Int = SchoolClock.systemUTCOffsetMinutes) {
        self.database = database
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The journal rules for a class's subject at the editor's moment.
    public func rules(_ c: Connection, classID: Int, subjectID: Int, at: Int) throws -> JournalRules {
        let settings = try SchoolSettings.values(c)
        return JournalRules(now: SchoolDateTime(unixSeconds: at, offsetMinutes: utcOffsetMinutes),
                            editWindow: settings["edit_window"].flatMap(EditWindow.init(rawValue:)) ?? .twoWeeks,
                            unlocked: try c.unlockedDates(classID: classID, subjectID: subjectID, now: at),
                            transfer: try c.transferDates(now: at),
                            periodMarkDays: settings["period_mark_days"].flatMap { Int($0) } ?? 14,
                            absenceCorrectionDays: settings["absence_correction_days"].flatMap { Int($0) } ?? 2)
    }

    // MARK: Marks

    /// Puts a mark in a lesson's column. A repeated identical submission finds the first mark
    /// (`created` false) instead of adding a second one.
    public func addMark(lesson id: Int, student: Int, value: Int, workType: Int, by editor: Editor) throws -> (id: Int, created: Bool) {
        try write { c in
            let lesson = try lessonForEditing(c, id, editor)
            guard lesson.marksEnabled else { throw JournalError.refused(.marksDisabled) }
            let type = try validate(value: value, workType: workType, c)
            try requireOnList(c, lesson, student)
            if let existing = try c.journalMark(lesson: id, student: student, workType: workType) {
                if existing.value == value { return (existing.id, false) }
                throw JournalError.markExists(id: existing.id)
            }
            let entry = try entry(c, lesson, student: student, at: editor.at)
            let markID = try c.addMark(lesson: id, student: student, value: value, workType: workType, by: editor.actor.personID,
                                       at: editor.at, transferred: entry == .transferred)
            try audit(c, editor, "mark.create", entity: "mark", id: markID, old: nil, new: "\(value) \(type.code)",
                      lesson: lesson, student: student, entry: entry)
            return (markID, true)
        }
    }

    /// Changes a mark's value (and, if given, its work type). The mark stays in its lesson's column.
    /// `reason` (why, where given) goes into the audit row.
    public func changeMark(_ id: Int, value: Int, workType: Int?, reason: String = "", by editor: Editor) throws {
        try write { c in
            guard let mark = try c.journalMark(id) else { throw JournalError.notFound("Такой отметки нет.") }
            let lesson = try lessonForEditing(c, mark.lessonID, editor)
            let type = try validate(value: value, workType: workType ?? mark.workTypeID, c)
            if type.id != mark.workTypeID, let other = try c.journalMark(lesson: lesson.id, student: mark.studentID, workType: type.id) {
                throw JournalError.markExists(id: other.id)
            }
            let entry = try entry(c, lesson, student: mark.studentID, at: editor.at)
            guard value != mark.value || type.id != mark.workTypeID else { return }
            try c.changeMark(id, value: value, workType: type.id, at: editor.at, transferred: entry == .transferred)
            try audit(c, editor, "mark.change", entity: "mark", id: id, old: "\(mark.value) \(mark.workType)",
                      new: "\(value) \(type.code)", lesson: lesson, student: mark.studentID, entry: entry, reason: reason)
        }
    }

    public func deleteMark(_ id: Int, reason: String = "", by editor: Editor) throws {
        try write { c in
            guard let mark = try c.journalMark(id) else { throw JournalError.notFound("Такой отметки нет.") }
            let lesson = try lessonForEditing(c, mark.lessonID, editor)
            let entry = try entry(c, lesson, student: mark.studentID, at: editor.at)
            try c.removeMark(id)
            try audit(c, editor, "mark.delete", entity: "mark", id: id, old: "\(mark.value) \(mark.workType)", new: nil,
                      lesson: lesson, student: mark.studentID, entry: entry, reason: reason)
        }
    }

    // MARK: Attendance

    /// Sets (or with nil clears) a student's attendance at a lesson. The lesson's teacher does
    /// it within the edit window; the class teacher may later correct the reason of an
    /// absence already entered, within the working days the school allows.
    public func setAttendance(lesson id: Int, student: Int, code: AbsenceCode?, by editor: Editor) throws {
        try write { c in
            guard let lesson = try c.journalLesson(id) else { throw JournalError.notFound("Такого урока нет.") }
            try requireOnList(c, lesson, student)
            let old = try c.absenceCode(lesson: id, student: student)
            guard old != code else { return }
            let entry: JournalRules.Entry
            if AccessPolicy.permits(editor.actor, .editJournal, lesson.resource) {
                entry = try self.entry(c, lesson, student: student, at: editor.at)
            } else if AccessPolicy.permits(editor.actor, .correctAbsences, lesson.resource) {
                // Correcting a reason: an absence stays an absence.
                guard old != nil, code != nil else { throw JournalError.forbidden }
                let rules = try rules(c, classID: lesson.classID, subjectID: lesson.subjectID, at: editor.at)
                if let refusal = rules.absenceCorrection(lesson.timing) { throw JournalError.refused(refusal) }
                entry = .regular
            } else {
                throw JournalError.forbidden
            }
            if let code {
                try c.setAbsence(lesson: id, student: student, code: code, by: editor.actor.personID, at: editor.at, transferred: entry == .transferred)
            } else {
                try c.clearAbsence(lesson: id, student: student)
            }
            let action = old == nil ? "absence.create" : code == nil ? "absence.delete" : "absence.change"
            try audit(c, editor, action, entity: "absence", id: nil, old: old?.rawValue, new: code?.rawValue,
                      lesson: lesson, student: student, entry: entry)
        }
    }

    // MARK: Topic, homework, remarks

    /// Topic and homework may be entered in advance; every change is audited.
    public func setContent(lesson id: Int, topic: String, planTopic: Int?, homework: String, by editor: Editor) throws {
        try write { c in
            let lesson = try lessonForEditing(c, id, editor)
            guard !lesson.cancelled else { throw JournalError.refused(.cancelledLesson) }
            let topic = topic.trimmingWhitespace, homework = homework.trimmingWhitespace
            guard topic.count <= 500 else { throw JournalError.invalid("Тема длиннее 500 знаков.", field: "topic") }
            guard homework.count <= 2000 else { throw JournalError.invalid("Домашнее задание длиннее 2000 знаков.", field: "homework") }
            if let planTopic, try !c.planTopicBelongs(planTopic, classID: lesson.classID, subjectID: lesson.subjectID) {
                throw JournalError.invalid("Этой темы нет в КТП класса по предмету.", field: "topic")
            }
            guard topic != lesson.topic || homework != lesson.homework || planTopic != lesson.planTopicID else { return }
            try c.setLessonContent(id, topic: topic, planTopic: planTopic, homework: homework, at: editor.at)
            if topic != lesson.topic {
                try audit(c, editor, "topic.change", entity: "lesson", id: id, old: lesson.topic, new: topic, lesson: lesson, student: nil, entry: .regular)
            }
            if homework != lesson.homework {
                try audit(c, editor, "homework.change", entity: "lesson", id: id, old: lesson.homework, new: homework, lesson: lesson, student: nil, entry: .regular)
            }
        }
    }

    /// Homework for one student; like all homework it may be set in advance.
    public func setIndividualHomework(lesson id: Int, student: Int, text: String, by editor: Editor) throws {
        try write { c in
            let lesson = try lessonForEditing(c, id, editor)
            guard !lesson.cancelled else { throw JournalError.refused(.cancelledLesson) }
            try requireOnList(c, lesson, student)
            let text = text.trimmingWhitespace
            guard text.count <= 2000 else { throw JournalError.invalid("Задание длиннее 2000 знаков.", field: "homework") }
            let old = try c.individualHomework(lesson: id, student: student) ?? ""
            guard old != text else { return }
            try c.setIndividualHomework(lesson: id, student: student, text: text)
            try audit(c, editor, "homework.individual", entity: "lesson", id: id, old: old, new: text, lesson: lesson, student: student, entry: .regular)
        }
    }

    /// A remark is about what happened at the lesson: only once it has begun.
    public func addRemark(lesson id: Int, student: Int, text: String, praise: Bool, by editor: Editor) throws {
        try write { c in
            let lesson = try lessonForEditing(c, id, editor)
            guard !lesson.cancelled else { throw JournalError.refused(.cancelledLesson) }
            guard try rules(c, classID: lesson.classID, subjectID: lesson.subjectID, at: editor.at).hasBegun(lesson.timing) else {
                throw JournalError.refused(.futureLesson)
            }
            try requireOnList(c, lesson, student)
            let text = text.trimmingWhitespace
            guard !text.isEmpty, text.count <= 1000 else { throw JournalError.invalid("Напишите сообщение (до 1000 знаков).", field: "remark") }
            try c.insertRemark(lesson: id, student: student, author: editor.actor.personID, praise: praise, text: text, at: editor.at)
            try audit(c, editor, "remark.create", entity: "remark", id: c.lastInsertID, old: nil, new: text, lesson: lesson, student: student, entry: .regular)
        }
    }

    // MARK: Period marks

    /// Sets (or with nil removes) a student's period mark in a subject: only in the period's
    /// last days, or while the deputy has it unlocked. Setting it closes that period's marks.
    ///
    /// - Important: whose mark it is decides who may set it: the policy is asked about the
    ///   group the student studies the subject in (found here, never taken from the request),
    ///   so one group's teacher cannot reach another group's students.
    public func setPeriodMark(classID: Int, subjectID: Int, period periodID: Int, student: Int, value: Int?, by editor: Editor) throws {
        try write { c in
            let group = try c.studyGroup(classID: classID, subjectID: subjectID, student: student)
            guard AccessPolicy.permits(editor.actor, .setPeriodMarks, .classSubject(classID: classID, subjectID: subjectID, groupID: group)) else {
                throw JournalError.forbidden
            }
            guard let period = try c.periods(classID: classID).first(where: { $0.id == periodID }) else {
                throw JournalError.notFound("Такого периода у класса нет.")
            }
            if let value, !MarkScale.values.contains(value) { throw JournalError.invalid("Отметка — число от 1 до 5.", field: "value") }
            guard try c.journalStudents(classID: classID, groupID: nil, from: period.startsOn, to: period.endsOn).contains(where: { $0.id == student }) else {
                throw JournalError.invalid("Этого обучающегося нет в классе.", field: "student")
            }
            let rules = try rules(c, classID: classID, subjectID: subjectID, at: editor.at)
            if let refusal = rules.periodMark(period.dates) { throw JournalError.refused(refusal) }
            let old = try c.periodMarkValue(student: student, subject: subjectID, period: periodID)
            guard old != value else { return }
            let year = try c.schoolClass(classID)?.yearID ?? 0
            try c.setPeriodMark(year: year, student: student, subject: subjectID, period: periodID, value: value, by: editor.actor.personID, at: editor.at)
            try c.appendAudit(AuditEntry(at: editor.at, account: editor.actor.accountID, session: editor.session, via: editor.via,
                                         action: value == nil ? "period_mark.delete" : old == nil ? "period_mark.create" : "period_mark.change",
                                         entity: "period_mark", entityID: periodID, oldValue: old.map(String.init), newValue: value.map(String.init),
                                         reason: "\(period.name), предмет № \(subjectID)", address: editor.address, student: student, schoolClass: classID))
        }
    }

    // MARK: Unlocks and transfers

    /// The deputy reopens a class's subject for a range of lesson dates until a moment.
    public func grantUnlock(classID: Int, subjectID: Int, dates: ClosedRange<CivilDate>, until: Int, reason: String, by editor: Editor) throws -> Int {
        try write { c in
            guard until > editor.at else { throw JournalError.invalid("Срок должен быть в будущем.", field: "until") }
            guard dates.upperBound.dayNumber - dates.lowerBound.dayNumber <= 366 else { throw JournalError.invalid("Диапазон длиннее года.", field: "from") }
            let id = try c.grantUnlock(classID: classID, subjectID: subjectID, dates: dates, until: until, reason: reason, by: editor.actor.personID, at: editor.at)
            try c.appendAudit(AuditEntry(at: editor.at, account: editor.actor.accountID, session: editor.session, via: editor.via, action: "journal.unlock",
                                         entity: "journal_unlock", entityID: id, newValue: "предмет № \(subjectID), \(dates.lowerBound.russian)–\(dates.upperBound.russian), до \(SchoolDateTime(unixSeconds: until, offsetMinutes: utcOffsetMinutes))",
                                         reason: reason, address: editor.address, schoolClass: classID))
            return id
        }
    }

    /// The deputy opens a window for transferring entries from paper journals kept during an outage.
    public func openTransferWindow(dates: ClosedRange<CivilDate>, until: Int, reason: String, by editor: Editor) throws -> Int {
        try write { c in
            guard until > editor.at else { throw JournalError.invalid("Срок должен быть в будущем.", field: "until") }
            guard dates.upperBound.dayNumber - dates.lowerBound.dayNumber <= 62 else { throw JournalError.invalid("Перенос — не больше двух месяцев сразу.", field: "from") }
            let id = try c.openTransferWindow(dates: dates, until: until, reason: reason, by: editor.actor.personID, at: editor.at)
            try c.appendAudit(AuditEntry(at: editor.at, account: editor.actor.accountID, session: editor.session, via: editor.via, action: "journal.transfer_window",
                                         entity: "transfer_window", entityID: id, newValue: "\(dates.lowerBound.russian)–\(dates.upperBound.russian), до \(SchoolDateTime(unixSeconds: until, offsetMinutes: utcOffsetMinutes))",
                                         reason: reason, address: editor.address))
            return id
        }
    }

    // MARK: Timetable changes

    /// A dated change to the timetable, entered by the deputy or the administrator.
    public enum Change: Sendable, Equatable {
        /// Another teacher teaches it (nil: the substitution is withdrawn).
        case substitution(teacher: Int?)
        case cancelled
        case moved(date: CivilDate, bell: Int)
        case replaced(subject: Int, teacher: Int)
    }

    /// Applies a timetable change to one lesson and records it (timetable_change and audit)
    /// at the moment it is entered. A lesson with marks or absences is not cancelled, moved
    /// or replaced: those entries would lose their column.
    public func changeTimetable(lesson id: Int, _ change: Change, reason: String, by editor: Editor) throws {
        try write { c in
            guard let lesson = try c.journalLesson(id) else { throw JournalError.notFound("Такого урока нет.") }
            guard !lesson.cancelled else { throw JournalError.refused(.cancelledLesson) }
            let reason = reason.trimmingWhitespace
            guard reason.count <= 500 else { throw JournalError.invalid("Причина длиннее 500 знаков.", field: "reason") }
            let kind: TimetableChange.Kind
            let note: String
            switch change {
            case let .substitution(teacher):
                kind = .substitution
                if let teacher {
                    guard let name = try c.teacherList().first(where: { $0.id == teacher })?.name else {
                        throw JournalError.invalid("Выберите учителя из списка.", field: "teacher")
                    }
                    guard teacher != lesson.teacherID else { throw JournalError.invalid("Это учитель по расписанию.", field: "teacher") }
                    note = "Замена: " + Self.shortName(name)
                } else {
                    note = ""
                }
                try c.substitute(lesson: id, teacher: teacher, note: note)
            case .cancelled:
                guard try !c.lessonHasEntries(id) else { throw JournalError.refused(.lessonHasEntries) }
                (kind, note) = (.cancelled, "Урок отменён")
                try c.cancelLesson(id, note: note)
            case let .moved(date, bell):
                guard try !c.lessonHasEntries(id) else { throw JournalError.refused(.lessonHasEntries) }
                guard (0...12).contains(bell) else { throw JournalError.invalid("Номер урока — от 0 до 12.", field: "bell") }
                (kind, note) = (.moved, "Перенесён с \(lesson.date.shortRussian), \(lesson.bell)-й урок")
                try c.moveLesson(id, to: date, bell: bell, note: note)
            case let .replaced(subject, teacher):
                guard try !c.lessonHasEntries(id) else { throw JournalError.refused(.lessonHasEntries) }
                guard try c.subjectList().contains(where: { $0.id == subject }) else { throw JournalError.invalid("Выберите предмет из списка.", field: "subject") }
                guard try c.teacherList().contains(where: { $0.id == teacher }) else { throw JournalError.invalid("Выберите учителя из списка.", field: "teacher") }
                (kind, note) = (.replaced, "Вместо урока «\(lesson.subjectName)»")
                try c.replaceLesson(id, subject: subject, teacher: teacher, note: note)
            }
            try c.insertTimetableChange(lesson: id, kind: kind, reason: reason, enteredBy: editor.actor.personID, at: editor.at)
            try audit(c, editor, "timetable.\(kind.rawValue)", entity: "lesson", id: id, old: lesson.changeNote, new: note.isEmpty ? "без замены" : note,
                      lesson: lesson, student: nil, entry: .regular, reason: reason)
        }
    }

    /// «Иванова Мария Петровна» → «Иванова М. П.»
    static func shortName(_ full: String) -> String {
        let parts = full.split(separator: " ")
        guard let last = parts.first else { return full }
        return ([String(last)] + parts.dropFirst().map { "\($0.prefix(1))." }).joined(separator: " ")
    }

    // MARK: Shared steps

    func write<T>(_ body: (Connection) throws -> T) throws -> T { try database.write(body) }

    /// The lesson, if the editor may edit it (its teacher, the group's teacher or the substitute).
    func lessonForEditing(_ c: Connection, _ id: Int, _ editor: Editor) throws -> JournalLesson {
        guard let lesson = try c.journalLesson(id) else { throw JournalError.notFound("Такого урока нет.") }
        guard AccessPolicy.permits(editor.actor, .editJournal, lesson.resource) else { throw JournalError.forbidden }
        return lesson
    }

    /// The work type, if the value is on the scale and the type is in use.
    func validate(value: Int, workType: Int, _ c: Connection) throws -> WorkType {
        guard MarkScale.values.contains(value) else { throw JournalError.invalid("Отметка — число от 1 до 5.", field: "value") }
        guard let type = try c.workTypes().first(where: { $0.id == workType }) else { throw JournalError.invalid("Неизвестный вид работы.", field: "workType") }
        return type
    }

    func requireOnList(_ c: Connection, _ lesson: JournalLesson, _ student: Int) throws {
        guard try c.isOnList(classID: lesson.classID, groupID: lesson.groupID, student: student, on: lesson.date) else {
            throw JournalError.invalid("Этого обучающегося нет в списке класса (группы) на дату урока.", field: "student")
        }
    }

    func entry(_ c: Connection, _ lesson: JournalLesson, student: Int, at: Int) throws -> JournalRules.Entry {
        let closed = try lesson.period.map { try c.periodMarkIsSet(student: student, subject: lesson.subjectID, period: $0.id) } ?? false
        switch try rules(c, classID: lesson.classID, subjectID: lesson.subjectID, at: at).entry(lesson.timing, periodMarkSet: closed) {
        case let .success(entry): return entry
        case let .failure(refusal): throw JournalError.refused(refusal)
        }
    }

    func audit(_ c: Connection, _ editor: Editor, _ action: String, entity: String, id: Int?, old: String?, new: String?,
               lesson: JournalLesson, student: Int?, entry: JournalRules.Entry, reason: String = "") throws {
        try c.appendAudit(AuditEntry(at: editor.at, account: editor.actor.accountID, session: editor.session, via: editor.via, action: action,
                                     entity: entity, entityID: id, oldValue: old, newValue: new,
                                     reason: [entry == .transferred ? "перенос из бумажного журнала" : "", String(reason.trimmingWhitespace.prefix(500))]
                                         .filter { !$0.isEmpty }.joined(separator: "; "),
                                     address: editor.address,
                                     lesson: lesson.id, student: student, schoolClass: lesson.classID))
    }
}
