import Domain
import Storage

/// Every change to the journal goes through here: it loads what the rules need, asks
/// `JournalRules`, writes, and appends the audit row — all in one transaction, so a saved
/// mark always has its audit row and a refused one leaves nothing behind.
///
/// Two teachers changing the same mark: the later change wins; both are in the audit trail
/// with the value each one replaced.
public struct JournalDesk: Sendable {
    let database: Database
    public let utcOffsetMinutes: Int

    public init(database: Database, utcOffsetMinutes: Int = SchoolClock.systemUTCOffsetMinutes) {
        self.database = database
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The journal rules for a class's subject at the editor's moment.
    public func rules(_ c: Connection, classID: Int, subjectID: Int, at: Int) throws -> JournalRules {
        let settings = try c.schoolSettings()
        return JournalRules(now: SchoolDateTime(unixSeconds: at, offsetMinutes: utcOffsetMinutes),
                            editWindow: settings.editWindow,
                            unlocked: try c.unlockedDates(classID: classID, subjectID: subjectID, now: at),
                            transfer: try c.transferDates(now: at),
                            periodMarkDays: settings.periodMarkDays,
                            absenceCorrectionDays: settings.absenceCorrectionDays)
    }

    // MARK: Marks

    /// Puts a mark in a lesson's column. A repeated identical submission finds the first mark
    /// (`created` false) instead of adding a second one. A student marked absent gets a mark
    /// only when the teacher confirms it (`confirmAbsent`). The value follows the subject's
    /// scale: 1–5, or a pass or fail on a pass/fail subject (`wrong_scale` otherwise).
    public func addMark(lesson id: Int, student: Int, value: MarkValue, workType: Int, confirmAbsent: Bool = false,
                        by editor: Editor) throws -> (id: Int, created: Bool) {
        try write { c in
            let lesson = try lessonForEditing(c, id, editor)
            guard lesson.marksEnabled else { throw DeskError.refused(.marksDisabled) }
            let type = try validate(value: value, workType: workType, subject: lesson.subjectID, c)
            try requireOnList(c, lesson, student)
            if let existing = try c.journalMark(lesson: id, student: student, workType: workType) {
                if existing.value == value { return (existing.id, false) }
                throw DeskError.markExists(id: existing.id)
            }
            let entry = try entry(c, lesson, student: student, at: editor.at)
            if !confirmAbsent, try c.absenceCode(lesson: id, student: student)?.meansAbsent == true { throw DeskError.refused(.studentAbsent) }
            let markID = try c.addMark(lesson: id, student: student, value: value, workType: workType, by: editor.actor.personID,
                                       at: editor.at, transferred: entry == .transferred)
            try c.appendAudit(editor.journalEntry(.markCreate, entity: "mark", id: markID, old: nil, new: "\(value.text) \(type.code)",
                                                  newData: .mark(value: value, workType: type.id), lesson: lesson, student: student, entry: entry))
            try FamilyNotices.mark(c, lesson, student: student, value: value, workType: type, at: editor.at)
            return (markID, true)
        }
    }

    /// A 1–5 mark (the callers that know no other scale).
    public func addMark(lesson id: Int, student: Int, value: Int, workType: Int, confirmAbsent: Bool = false,
                        by editor: Editor) throws -> (id: Int, created: Bool) {
        try addMark(lesson: id, student: student, value: MarkValue.mark(value), workType: workType, confirmAbsent: confirmAbsent, by: editor)
    }

    /// Changes a mark's value (and, if given, its work type). The mark stays in its lesson's column.
    /// `reason` (why, where given) goes into the audit row.
    public func changeMark(_ id: Int, value: MarkValue, workType: Int?, reason: String = "", by editor: Editor) throws {
        try write { c in
            guard let mark = try c.journalMark(id) else { throw DeskError.notFound("Такой отметки нет.") }
            let lesson = try lessonForEditing(c, mark.lessonID, editor)
            let type = try validate(value: value, workType: workType ?? mark.workTypeID, subject: lesson.subjectID, c)
            if type.id != mark.workTypeID, let other = try c.journalMark(lesson: lesson.id, student: mark.studentID, workType: type.id) {
                throw DeskError.markExists(id: other.id)
            }
            let entry = try entry(c, lesson, student: mark.studentID, at: editor.at)
            guard value != mark.value || type.id != mark.workTypeID else { return }
            try c.changeMark(id, value: value, workType: type.id, at: editor.at, transferred: entry == .transferred)
            try c.appendAudit(editor.journalEntry(.markChange, entity: "mark", id: id, old: "\(mark.value.text) \(mark.workType)", new: "\(value.text) \(type.code)",
                                                  oldData: .mark(value: mark.value, workType: mark.workTypeID), newData: .mark(value: value, workType: type.id),
                                                  lesson: lesson, student: mark.studentID, entry: entry, reason: reason))
        }
    }

    public func changeMark(_ id: Int, value: Int, workType: Int?, reason: String = "", by editor: Editor) throws {
        try changeMark(id, value: MarkValue.mark(value), workType: workType, reason: reason, by: editor)
    }

    public func deleteMark(_ id: Int, reason: String = "", by editor: Editor) throws {
        try write { c in
            guard let mark = try c.journalMark(id) else { throw DeskError.notFound("Такой отметки нет.") }
            let lesson = try lessonForEditing(c, mark.lessonID, editor)
            let entry = try entry(c, lesson, student: mark.studentID, at: editor.at)
            try c.removeMark(id)
            try c.appendAudit(editor.journalEntry(.markDelete, entity: "mark", id: id, old: "\(mark.value.text) \(mark.workType)", new: nil,
                                                  oldData: .mark(value: mark.value, workType: mark.workTypeID),
                                                  lesson: lesson, student: mark.studentID, entry: entry, reason: reason))
        }
    }

    // MARK: Attendance

    /// Sets (or with nil clears) a student's attendance at a lesson. The lesson's teacher does
    /// it within the edit window; the class teacher may later correct the reason of an
    /// absence already entered, within the working days the school allows.
    public func setAttendance(lesson id: Int, student: Int, code: AbsenceCode?, by editor: Editor) throws {
        try write { c in
            guard let lesson = try c.journalLesson(id) else { throw DeskError.notFound("Такого урока нет.") }
            try requireOnList(c, lesson, student)
            try c.requireOpen(year: lesson.yearID)
            let old = try c.absenceCode(lesson: id, student: student)
            guard old != code else { return }
            let entry: JournalRules.Entry
            if AccessPolicy.permits(editor.actor, .editJournal, lesson.resource) {
                entry = try self.entry(c, lesson, student: student, at: editor.at)
            } else if AccessPolicy.permits(editor.actor, .correctAbsences, lesson.resource) {
                // Correcting a reason: an absence stays an absence (Н, Б, У among themselves; «О», late, was there).
                guard old?.meansAbsent == true, code?.meansAbsent == true else { throw DeskError.forbidden }
                let rules = try rules(c, classID: lesson.classID, subjectID: lesson.subjectID, at: editor.at)
                if let refusal = rules.absenceCorrection(lesson.timing) { throw DeskError.refused(refusal) }
                entry = .regular
            } else {
                throw DeskError.forbidden
            }
            if let code {
                try c.setAbsence(lesson: id, student: student, code: code, by: editor.actor.personID, at: editor.at, transferred: entry == .transferred)
            } else {
                try c.clearAbsence(lesson: id, student: student)
            }
            let action: AuditAction = old == nil ? .absenceCreate : code == nil ? .absenceDelete : .absenceChange
            try c.appendAudit(editor.journalEntry(action, entity: "absence", id: nil, old: old?.rawValue, new: code?.rawValue,
                                                  oldData: old.map(AuditValue.absence), newData: code.map(AuditValue.absence),
                                                  lesson: lesson, student: student, entry: entry))
            // The family hears of an absence the same day, in this transaction.
            if let code, old?.meansAbsent != true {
                try FamilyNotices.absence(c, lesson, student: student, code: code, today: SchoolDateTime(unixSeconds: editor.at, offsetMinutes: utcOffsetMinutes).date,
                                          at: editor.at)
            }
        }
    }

    // MARK: Topic, homework, remarks

    /// Topic and homework may be entered in advance; every change is audited.
    public func setContent(lesson id: Int, topic: String, planTopic: Int?, homework: String, by editor: Editor) throws {
        try write { c in
            let lesson = try lessonForEditing(c, id, editor)
            guard !lesson.cancelled else { throw DeskError.refused(.cancelledLesson) }
            let topic = topic.trimmingWhitespace, homework = homework.trimmingWhitespace
            guard topic.count <= 500 else { throw DeskError.invalid("Тема длиннее 500 знаков.", field: "topic") }
            guard homework.count <= 2000 else { throw DeskError.invalid("Домашнее задание длиннее 2000 знаков.", field: "homework") }
            if let planTopic, try !c.planTopicBelongs(planTopic, classID: lesson.classID, subjectID: lesson.subjectID) {
                throw DeskError.invalid("Этой темы нет в КТП класса по предмету.", field: "topic")
            }
            guard topic != lesson.topic || homework != lesson.homework || planTopic != lesson.planTopicID else { return }
            try c.setLessonContent(id, topic: topic, planTopic: planTopic, homework: homework, at: editor.at)
            if topic != lesson.topic {
                try c.appendAudit(editor.journalEntry(.topicChange, entity: "lesson", id: id, old: lesson.topic, new: topic, lesson: lesson, ))
            }
            if homework != lesson.homework {
                try c.appendAudit(editor.journalEntry(.homeworkChange, entity: "lesson", id: id, old: lesson.homework, new: homework, lesson: lesson, ))
            }
        }
    }

    /// Homework for one student; like all homework it may be set in advance.
    public func setIndividualHomework(lesson id: Int, student: Int, text: String, by editor: Editor) throws {
        try write { c in
            let lesson = try lessonForEditing(c, id, editor)
            guard !lesson.cancelled else { throw DeskError.refused(.cancelledLesson) }
            try requireOnList(c, lesson, student)
            let text = text.trimmingWhitespace
            guard text.count <= 2000 else { throw DeskError.invalid("Задание длиннее 2000 знаков.", field: "homework") }
            let old = try c.individualHomework(lesson: id, student: student) ?? ""
            guard old != text else { return }
            try c.setIndividualHomework(lesson: id, student: student, text: text)
            try c.appendAudit(editor.journalEntry(.individualHomework, entity: "lesson", id: id, old: old, new: text, lesson: lesson, student: student))
        }
    }

    /// A remark is about what happened at the lesson: only once it has begun.
    public func addRemark(lesson id: Int, student: Int, text: String, praise: Bool, by editor: Editor) throws {
        try write { c in
            let lesson = try lessonForEditing(c, id, editor)
            guard !lesson.cancelled else { throw DeskError.refused(.cancelledLesson) }
            guard try rules(c, classID: lesson.classID, subjectID: lesson.subjectID, at: editor.at).hasBegun(lesson.timing) else {
                throw DeskError.refused(.futureLesson)
            }
            try requireOnList(c, lesson, student)
            let text = text.trimmingWhitespace
            guard !text.isEmpty, text.count <= 1000 else { throw DeskError.invalid("Напишите сообщение (до 1000 знаков).", field: "remark") }
            try c.insertRemark(lesson: id, student: student, author: editor.actor.personID, praise: praise, text: text, at: editor.at)
            try c.appendAudit(editor.journalEntry(.remarkCreate, entity: "remark", id: c.lastInsertID, old: nil, new: text, lesson: lesson, student: student))
            try FamilyNotices.remark(c, lesson, student: student, text: text, at: editor.at)
        }
    }

    // MARK: Period marks

    /// Sets (or with nil removes) a student's period mark in a subject: only in the period's
    /// last days, or while the deputy has it unlocked. Setting it closes that period's marks.
    ///
    /// - Important: whose mark it is decides who may set it: the policy is asked about the
    ///   group the student studies the subject in (found here, never taken from the request),
    ///   so one group's teacher cannot reach another group's students.
    public func setPeriodMark(classID: Int, subjectID: Int, period periodID: Int, student: Int, value: MarkValue?, by editor: Editor) throws {
        try setFinalMark(classID: classID, subjectID: subjectID, kind: .period, period: periodID, student: student, value: value, by: editor)
    }

    /// A 1–5 period mark (or nil to remove it).
    public func setPeriodMark(classID: Int, subjectID: Int, period periodID: Int, student: Int, value: Int?, by editor: Editor) throws {
        try setPeriodMark(classID: classID, subjectID: subjectID, period: periodID, student: student, value: value.map(MarkValue.mark), by: editor)
    }

    /// Sets (or with nil removes) a student's period, year, exam or final mark in a subject
    /// (итоговые отметки): the subject's teacher for their students, the class teacher for
    /// every subject of the class. A period mark in the period's last days; the year's marks
    /// from the last period's last days to the end of the school year (or while the deputy has
    /// the last period's end unlocked). A year mark of 1–5 or a pass needs every period's mark,
    /// or a `reason` (written to the audit row). «н/а» and «осв» go on either scale.
    public func setFinalMark(classID: Int, subjectID: Int, kind: PeriodMarkKind, period periodID: Int?, student: Int, value: MarkValue?,
                             reason: String = "", by editor: Editor) throws {
        try write { c in
            let group = try c.studyGroup(classID: classID, subjectID: subjectID, student: student)
            guard AccessPolicy.permits(editor.actor, .setPeriodMarks, .classSubject(classID: classID, subjectID: subjectID, groupID: group)) else {
                throw DeskError.forbidden
            }
            try c.requireOpen(year: try c.yearID(class: classID))
            let periods = try c.periods(classID: classID)
            let reason = reason.trimmingWhitespace
            guard reason.count <= 500 else { throw DeskError.invalid("Причина длиннее 500 знаков.", field: "reason") }
            // The dates the mark is about: the period's, or the whole year's.
            let dates: ClosedRange<CivilDate>
            var period: Period?
            if kind == .period {
                guard let id = periodID, let p = periods.first(where: { $0.id == id }) else { throw DeskError.notFound("Такого периода у класса нет.") }
                period = p
                dates = p.dates
            } else {
                guard periodID == nil else { throw DeskError.invalid("Годовая, экзаменационная и итоговая отметки — без периода.", field: "period") }
                guard let first = periods.first, let last = periods.last else { throw DeskError.notFound("Такого периода у класса нет.") }
                dates = first.startsOn...last.endsOn
            }
            let scale = try c.subjectScale(subjectID) ?? .marks
            if let value {
                if scale == .unmarked { throw DeskError.refused(.subjectUnmarked) }
                guard value.fitsFinal(scale) else { throw DeskError.refused(.wrongScale) }
            }
            guard try c.journalStudents(classID: classID, groupID: nil, from: dates.lowerBound, to: dates.upperBound).contains(where: { $0.id == student }) else {
                throw DeskError.invalid("Этого обучающегося нет в классе.", field: "student")
            }
            let rules = try rules(c, classID: classID, subjectID: subjectID, at: editor.at)
            guard let schoolClass = try c.schoolClass(classID) else { throw DeskError.notFound("Нет такого класса.") }
            if let period {
                if let refusal = rules.periodMark(period.dates) { throw DeskError.refused(refusal) }
            } else {
                let yearEnds = try c.academicYear(containing: dates.upperBound)?.endsOn ?? dates.upperBound
                if let refusal = rules.finalMark(lastPeriod: periods.last!.dates, yearEnds: yearEnds) { throw DeskError.refused(refusal) }
            }
            let old = try c.periodMarkValue(student: student, subject: subjectID, year: schoolClass.yearID, kind: kind, period: periodID)
            guard old != value else { return }
            if kind == .year, let value, !value.isSpecial, reason.isEmpty {
                // A year mark follows the periods' marks: every one of them first (or a reason).
                let missing = try periods.contains { try c.periodMarkValue(student: student, subject: subjectID, period: $0.id) == nil }
                if missing { throw DeskError.refused(.yearNeedsPeriods) }
            }
            let what = period?.name ?? Self.kindName(kind)
            try c.setPeriodMark(year: schoolClass.yearID, student: student, subject: subjectID, kind: kind, period: periodID, value: value,
                                by: editor.actor.personID, at: editor.at)
            try c.appendAudit(editor.entry(value == nil ? .periodMarkDelete : old == nil ? .periodMarkCreate : .periodMarkChange,
                                           entity: "period_mark", id: periodID, old: old?.text, new: value?.text,
                                           oldData: old.map(AuditValue.periodMark), newData: value.map(AuditValue.periodMark),
                                           reason: ["\(what), \(try c.subjectName(subjectID) ?? "")", reason].filter { !$0.isEmpty }.joined(separator: "; "),
                                           student: student, schoolClass: classID))
            if let value, old == nil { try FamilyNotices.finals(c, student: student, what: what, subject: try c.subjectName(subjectID) ?? "", value: value, at: editor.at) }
        }
    }

    /// How the audit row names a mark of the year («годовая»), as the change log reads it.
    static func kindName(_ kind: PeriodMarkKind) -> String {
        switch kind {
        case .period: "за период"
        case .year: "годовая"
        case .exam: "экзаменационная"
        case .final: "итоговая"
        }
    }

    // MARK: Unlocks and transfers

    /// The deputy reopens a class's subject for a range of lesson dates until a moment.
    public func grantUnlock(classID: Int, subjectID: Int, dates: ClosedRange<CivilDate>, until: Int, reason: String, by editor: Editor) throws -> Int {
        try write { c in
            guard AccessPolicy.permits(editor.actor, .grantUnlocks, .school) else { throw DeskError.forbidden }
            guard try c.schoolClass(classID) != nil, let subject = try c.subjectName(subjectID), try c.classHasSubject(classID: classID, subjectID: subjectID) else {
                throw DeskError.invalid("Выберите класс и предмет, который в нём преподают.", field: "class")
            }
            guard until > editor.at else { throw DeskError.invalid("Срок должен быть в будущем.", field: "until") }
            guard dates.upperBound.dayNumber - dates.lowerBound.dayNumber <= 366 else { throw DeskError.invalid("Диапазон длиннее года.", field: "from") }
            let id = try c.grantUnlock(classID: classID, subjectID: subjectID, dates: dates, until: until, reason: reason, by: editor.actor.personID, at: editor.at)
            try c.appendAudit(editor.entry(.journalUnlock, entity: "journal_unlock", id: id,
                                           new: "\(subject), \(dates.lowerBound.russian)–\(dates.upperBound.russian), до \(SchoolDateTime(unixSeconds: until, offsetMinutes: utcOffsetMinutes))",
                                           reason: reason, schoolClass: classID))
            return id
        }
    }

    /// The deputy opens a window for transferring entries from paper journals kept during an outage.
    public func openTransferWindow(dates: ClosedRange<CivilDate>, until: Int, reason: String, by editor: Editor) throws -> Int {
        try write { c in
            guard AccessPolicy.permits(editor.actor, .grantUnlocks, .school) else { throw DeskError.forbidden }
            guard until > editor.at else { throw DeskError.invalid("Срок должен быть в будущем.", field: "until") }
            guard dates.upperBound.dayNumber - dates.lowerBound.dayNumber <= 62 else { throw DeskError.invalid("Перенос — не больше двух месяцев сразу.", field: "from") }
            let id = try c.openTransferWindow(dates: dates, until: until, reason: reason, by: editor.actor.personID, at: editor.at)
            try c.appendAudit(editor.entry(.transferWindow, entity: "transfer_window", id: id,
                                           new: "\(dates.lowerBound.russian)–\(dates.upperBound.russian), до \(SchoolDateTime(unixSeconds: until, offsetMinutes: utcOffsetMinutes))",
                                           reason: reason))
            return id
        }
    }

    /// The deputy ends an unlock before its time; it stays in the list of what was granted.
    public func endUnlock(_ id: Int, by editor: Editor) throws {
        try write { c in
            try editor.require(.grantUnlocks, .school)
            guard try c.endUnlock(id, at: editor.at) else { throw DeskError.notFound("Такого действующего разрешения нет.") }
            try c.appendAudit(editor.entry(.journalUnlockEnd, entity: "journal_unlock", id: id))
        }
    }

    public func endTransferWindow(_ id: Int, by editor: Editor) throws {
        try write { c in
            try editor.require(.grantUnlocks, .school)
            guard try c.endTransferWindow(id, at: editor.at) else { throw DeskError.notFound("Такого открытого переноса нет.") }
            try c.appendAudit(editor.entry(.transferWindowEnd, entity: "transfer_window", id: id))
        }
    }

    // MARK: Shared steps

    func write<T>(_ body: (Connection) throws -> T) throws -> T { try database.deskWrite(body) }

    /// The lesson, if the editor may edit it (its teacher, the group's teacher or the substitute)
    /// and its year is open.
    func lessonForEditing(_ c: Connection, _ id: Int, _ editor: Editor) throws -> Lesson {
        guard let lesson = try c.journalLesson(id) else { throw DeskError.notFound("Такого урока нет.") }
        guard AccessPolicy.permits(editor.actor, .editJournal, lesson.resource) else { throw DeskError.forbidden }
        try c.requireOpen(year: lesson.yearID)
        return lesson
    }


    /// The work type, if the value is on the subject's scale and the type is in use.
    func validate(value: MarkValue, workType: Int, subject: Int, _ c: Connection) throws -> WorkType {
        let scale = try c.subjectScale(subject) ?? .marks
        guard scale != .unmarked else { throw DeskError.refused(.subjectUnmarked) }
        if case let .mark(v) = value, !MarkScale.values.contains(v) { throw DeskError.invalid("Отметка — число от 1 до 5.", field: "value") }
        guard value.fitsLesson(scale) else { throw DeskError.refused(.wrongScale) }
        guard let type = try c.workTypes().first(where: { $0.id == workType }) else { throw DeskError.invalid("Неизвестный вид работы.", field: "workType") }
        return type
    }

    func requireOnList(_ c: Connection, _ lesson: Lesson, _ student: Int) throws {
        guard try c.isOnList(classID: lesson.classID, groupID: lesson.groupID, student: student, on: lesson.date) else {
            throw DeskError.invalid("Этого обучающегося нет в списке класса (группы) на дату урока.", field: "student")
        }
    }

    func entry(_ c: Connection, _ lesson: Lesson, student: Int, at: Int) throws -> JournalRules.Entry {
        let closed = try lesson.period.map { try c.periodMarkIsSet(student: student, subject: lesson.subjectID, period: $0.id) } ?? false
        switch try rules(c, classID: lesson.classID, subjectID: lesson.subjectID, at: at).entry(lesson.timing, periodMarkSet: closed) {
        case let .success(entry): return entry
        case let .failure(refusal): throw DeskError.refused(refusal)
        }
    }
}

extension Editor {
    /// An audit row of a journal change: where it belongs (lesson, class, student), and
    /// whether it was transferred from a paper journal.
    func journalEntry(_ action: AuditAction, entity: String, id: Int?, old: String?, new: String?, oldData: AuditValue? = nil, newData: AuditValue? = nil,
                      lesson: Lesson, student: Int? = nil, entry: JournalRules.Entry = .regular, reason: String = "") -> AuditEntry {
        self.entry(action, entity: entity, id: id, old: old, new: new, oldData: oldData, newData: newData,
                   reason: [entry == .transferred ? "перенос из бумажного журнала" : "", String(reason.trimmingWhitespace.prefix(500))]
                       .filter { !$0.isEmpty }.joined(separator: "; "),
                   lesson: lesson.id, student: student, schoolClass: lesson.classID)
    }
}
