import Domain
import Storage

/// What a family writes back to the diary: a guardian's acknowledgement of a finished
/// period's marks, and a report of a wrong mark to the teacher.
public struct DiaryDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// A guardian acknowledges a finished period's marks of their child (recorded for the class teacher).
    public func acknowledge(student: Int, classID: Int, period: Int, today: CivilDate, by editor: Editor) throws {
        try editor.require(.acknowledgeFinals, .student(id: student, classID: classID))
        try database.write { c in
            guard let finished = try c.periods(classID: classID).first(where: { $0.id == period && $0.endsOn < today }) else {
                throw DeskError.invalid("Период не указан или ещё не закончился.", field: "period")
            }
            try c.acknowledge(guardian: editor.actor.personID, student: student, period: period, message: "", at: editor.at)
            try c.appendAudit(editor.entry(.finalsAcknowledge, entity: "person", id: student, new: finished.name, student: student, schoolClass: classID))
        }
    }

    /// The student or their guardian reports a wrong mark; the report is recorded for the teacher.
    public func reportMark(_ mark: Int, student: Int, classID: Int?, text: String, by editor: Editor) throws {
        try editor.require(.reportMark, .student(id: student, classID: classID))
        let text = text.trimmingWhitespace
        guard !text.isEmpty, text.count <= 500 else { throw DeskError.invalid("Опишите ошибку (до 500 символов).", field: "text") }
        try database.write { c in
            guard try c.markOf(student: student, mark: mark) != nil else { throw DeskError.notFound("Такой отметки нет.") }
            let id = try c.reportMark(mark, student: student, by: editor.actor.personID, text: text, at: editor.at)
            try c.appendAudit(editor.entry(.markReport, entity: "mark", id: mark, new: "обращение № \(id): \(text)", student: student, schoolClass: classID))
        }
    }
}
