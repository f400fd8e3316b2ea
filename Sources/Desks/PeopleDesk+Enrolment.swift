import Domain
import Storage

/// A student's place in a class during the year: arriving (a new enrolment from a date),
/// moving to another class, correcting the day of enrolment, leaving (date and reason).
///
/// The journal lists a student at a lesson when `joined_on <= date < left_on` (`Enrolment`):
/// «выбыл 15.12» means not at school from the 15th on. A leaver's marks, absences and period
/// marks stay: the grid keeps their row for the dates they were on the list, the lessons after
/// it no longer list them, and their family keeps reading the diary of their time at school.
extension PeopleDesk {
    /// The student leaves the school on `date` (not on any list from then on) for `reason`.
    ///
    /// - Important: the date is today or earlier (a leave is recorded when it happens) and comes
    ///   after every mark and absence the student has in the class, which all stay.
    /// - Throws: `forbidden`, `notFound` (no such person, or not on a class's list now),
    ///   `invalidFields` (`date`, `reason`).
    public func leave(student id: Int, date text: String, reason: String, today: CivilDate, by editor: Editor) throws {
        try database.deskWrite { c in
            let yearID = try c.currentAcademicYear(on: today)?.id ?? -1
            try editor.require(.editPeople, try existing(c, person: id, year: yearID))
            guard let open = try c.enrolments(student: id, year: yearID).first(where: { $0.leftOn == nil }) else {
                throw DeskError.notFound("Этот человек сейчас не числится ни в одном классе.")
            }
            var problems: [String: String] = [:]
            let date = CivilDate(typed: text)
            if let date {
                if let problem = try leaveProblem(c, open, on: date, today: today) { problems["date"] = problem }
            } else {
                problems["date"] = "Укажите дату выбытия (ДД.ММ.ГГГГ)."
            }
            let reason = reason.trimmingWhitespace
            if reason.isEmpty { problems["reason"] = "Укажите причину (например, «переезд, перевод в другую школу»)." }
            if reason.count > 200 { problems["reason"] = "Не длиннее 200 символов." }
            guard problems.isEmpty, let date else { throw DeskError.invalidFields(problems) }
            try c.closeEnrolment(student: id, classID: open.classID, on: date, reason: reason)
            try c.appendAudit(editor.entry(.enrolmentLeave, entity: "enrolment", id: id,
                                           new: "\(try c.className(id: open.classID) ?? "") с \(date.russian)", reason: reason,
                                           student: id, schoolClass: open.classID))
        }
    }

    /// What is wrong with leaving `enrolment` on `date`, if anything.
    func leaveProblem(_ c: Connection, _ enrolment: Enrolment, on date: CivilDate, today: CivilDate) throws -> String? {
        if date > today { return "Выбытие записывают в день выбытия или позже, не заранее." }
        if date < enrolment.joinedOn { return "Раньше дня зачисления (\(enrolment.joinedOn.russian))." }
        if let last = try c.journalEntryDates(student: enrolment.studentID, classID: enrolment.classID)?.last, last >= date {
            return "В журнале у обучающегося есть отметки или пропуски по \(last.russian) включительно: выбытие — не раньше \(last.adding(days: 1).russian)."
        }
        return nil
    }

    /// A change of enrolment worked out (and checked) before anything is written.
    enum EnrolmentChange {
        /// Onto a class's list from a date: an arrival (`from` nil) or a move from another class.
        case move(from: Enrolment?, to: Int, on: CivilDate)
        /// The day of enrolment of the current class corrected.
        case joined(Enrolment, on: CivilDate)
    }

    /// The enrolment change a request asks for (`classID`, `joinedOn`), with its problems.
    func enrolmentChange(_ c: Connection, student id: Int, _ request: PersonRequest, yearID: Int, today: CivilDate, by editor: Editor,
                         problems: inout [String: String]) throws -> EnrolmentChange? {
        guard let year = try c.currentAcademicYear(on: today) else {
            problems["class"] = "На сегодня не задан учебный год."
            return nil
        }
        let enrolments = try c.enrolments(student: id, year: yearID)
        let open = enrolments.first { $0.leftOn == nil }
        var date = today
        if let text = request.joinedOn?.trimmingWhitespace, !text.isEmpty {
            guard let typed = CivilDate(typed: text), year.startsOn <= typed, typed <= year.endsOn else {
                problems["joinedOn"] = "Дата зачисления — в пределах учебного года (\(year.startsOn.russian)–\(year.endsOn.russian))."
                return nil
            }
            date = typed
        }
        if let target = request.classID, target != open?.classID {
            try editor.require(.editPeople, .schoolClass(target))
            guard try c.schoolClass(target)?.yearID == yearID else {
                problems["class"] = "Выберите класс этого учебного года."
                return nil
            }
            if try !c.staffRoles(person: id).isEmpty || !c.linkedStudents(guardian: id).isEmpty {
                problems["class"] = "Зачислить в класс можно обучающегося, не сотрудника и не родителя."
                return nil
            }
            if let earlier = enrolments.first(where: { $0.classID == target }) {
                problems["class"] = "В этом году обучающийся уже был в этом классе (до \(earlier.leftOn?.russian ?? "")): повторное зачисление в тот же класс не ведётся."
                return nil
            }
            if let open {
                if date <= open.joinedOn || date > today {
                    problems["joinedOn"] = "Перевод — после дня зачисления в прежний класс (\(open.joinedOn.russian)) и не позже сегодняшнего дня."
                } else if let problem = try leaveProblem(c, open, on: date, today: today) {
                    problems["joinedOn"] = problem
                }
            } else if let lastLeft = enrolments.compactMap(\.leftOn).max(), date < lastLeft {
                problems["joinedOn"] = "Не раньше дня выбытия из прежнего класса (\(lastLeft.russian))."
            }
            return .move(from: open, to: target, on: date)
        }
        guard let open else {
            problems["class"] = "Выберите класс, в который зачислить."
            return nil
        }
        guard date != open.joinedOn else { return nil }
        if let first = try c.journalEntryDates(student: id, classID: open.classID)?.first, first < date {
            problems["joinedOn"] = "В журнале у обучающегося есть отметки или пропуски с \(first.russian): зачисление — не позже этого дня."
        } else if let lastLeft = enrolments.compactMap(\.leftOn).max(), date < lastLeft {
            problems["joinedOn"] = "Не раньше дня выбытия из прежнего класса (\(lastLeft.russian))."
        }
        return .joined(open, on: date)
    }

    func apply(_ c: Connection, _ change: EnrolmentChange, student id: Int, by editor: Editor) throws {
        switch change {
        case let .move(from, to, date):
            let name = try c.className(id: to) ?? ""
            if let from {
                let reason = "перевод в \(name)"
                try c.closeEnrolment(student: id, classID: from.classID, on: date, reason: reason)
                try c.appendAudit(editor.entry(.enrolmentLeave, entity: "enrolment", id: id, new: "\(try c.className(id: from.classID) ?? "") с \(date.russian)",
                                               reason: reason, student: id, schoolClass: from.classID))
            }
            try c.insertEnrolment(student: id, class: to, joinedOn: date)
            try c.appendAudit(editor.entry(.enrolmentJoin, entity: "enrolment", id: id, new: "\(name) с \(date.russian)", student: id, schoolClass: to))
        case let .joined(enrolment, date):
            try c.setJoinedOn(student: id, classID: enrolment.classID, date)
            try c.appendAudit(editor.entry(.enrolmentJoin, entity: "enrolment", id: id, old: enrolment.joinedOn.russian, new: date.russian,
                                           reason: "дата зачисления исправлена", student: id, schoolClass: enrolment.classID))
        }
    }
}
