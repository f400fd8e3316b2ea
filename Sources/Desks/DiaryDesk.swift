import Domain
import Storage

/// What a family writes back to the diary: a guardian's acknowledgement of a finished
/// period's marks, and a report of a wrong mark to the teacher.
public struct DiaryDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// A guardian acknowledges a finished period's marks of their child, with an optional
    /// message to the class teacher (the regulation's «с отсылкой сообщения классному руководителю»).
    public func acknowledge(student: Int, classID: Int, period: Int, message: String = "", today: CivilDate, by editor: Editor) throws {
        try editor.require(.acknowledgeFinals, .student(id: student, classID: classID))
        let message = message.trimmingWhitespace
        guard message.count <= 1000 else { throw DeskError.invalid("Сообщение длиннее 1000 знаков.", field: "message") }
        try database.deskWrite { c in
            guard let finished = try c.periods(classID: classID).first(where: { $0.id == period && $0.endsOn < today }) else {
                throw DeskError.invalid("Период не указан или ещё не закончился.", field: "period")
            }
            try c.acknowledge(guardian: editor.actor.personID, student: student, period: period, message: message, at: editor.at)
            try c.appendAudit(editor.entry(.finalsAcknowledge, entity: "person", id: student,
                                           new: message.isEmpty ? finished.name : "\(finished.name): \(message)", student: student, schoolClass: classID))
        }
    }

    /// The teacher of the mark's lesson (or the deputy, or the administrator) answers a
    /// wrong-mark report; `close` closes it. The family reads the answer in the diary beside
    /// the mark. A closed report takes no further answer.
    public func answerReport(_ id: Int, answer: String, close: Bool, by editor: Editor) throws {
        let answer = answer.trimmingWhitespace
        guard answer.count <= 1000 else { throw DeskError.invalid("Ответ длиннее 1000 знаков.", field: "answer") }
        guard !answer.isEmpty || close else { throw DeskError.invalid("Напишите ответ или закройте обращение.", field: "answer") }
        try database.deskWrite { c in
            guard let target = try c.markReportTarget(id), let lesson = try c.journalLesson(target.lesson) else {
                throw DeskError.notFound("Такого обращения нет.")
            }
            try editor.require(.answerMarkReports, lesson.resource)
            guard !target.closed else { throw DeskError.invalid("Обращение уже закрыто.", field: "answer") }
            try c.answerMarkReport(id, answer: answer, close: close, by: editor.actor.personID, at: editor.at)
            try c.appendAudit(editor.entry(.markReportAnswer, entity: "mark_report", id: id,
                                           new: (close ? "закрыто" : "ответ") + (answer.isEmpty ? "" : ": \(answer)"),
                                           lesson: lesson.id, student: target.student, schoolClass: target.classID))
        }
    }

    /// The student or their guardian reports a wrong mark; the report is recorded for the teacher.
    public func reportMark(_ mark: Int, student: Int, classID: Int?, text: String, by editor: Editor) throws {
        try editor.require(.reportMark, .student(id: student, classID: classID))
        let text = text.trimmingWhitespace
        guard !text.isEmpty, text.count <= 500 else { throw DeskError.invalid("Опишите ошибку (до 500 символов).", field: "text") }
        try database.deskWrite { c in
            guard try c.markOf(student: student, mark: mark) != nil else { throw DeskError.notFound("Такой отметки нет.") }
            let id = try c.reportMark(mark, student: student, by: editor.actor.personID, text: text, at: editor.at)
            try c.appendAudit(editor.entry(.markReport, entity: "mark", id: mark, new: "обращение № \(id): \(text)", student: student, schoolClass: classID))
        }
    }
}
