import Domain
import Storage

/// Dated changes of the timetable (substitutions, cancellations, moves, another subject),
/// entered by the deputy or the administrator and stored at the moment they are entered.
public struct TimetableDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

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
        try database.write { c in
            try editor.require(.manageTimetable, .school)
            guard let lesson = try c.journalLesson(id) else { throw DeskError.notFound("Такого урока нет.") }
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
