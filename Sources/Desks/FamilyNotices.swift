import Domain
import Storage
import Words

/// What the journal tells a student's guardians in the diary (and by e-mail when they chose it),
/// written in the same transaction as the change itself: an absence today, a new mark, a
/// remark, final marks to acknowledge. Each guardian keeps only the kinds they chose.
enum FamilyNotices {
    /// Notifies each guardian of `student`; the text names the child.
    static func tell(_ c: Connection, student: Int, kind: NotificationKind, at: Int, _ text: (String) -> String) throws {
        let guardians = try c.guardianIDs(of: student)
        guard !guardians.isEmpty else { return }
        let child = try c.shortNames([student])[student] ?? ""
        let mailFrom = try c.mailFrom()
        for guardian in guardians {
            let line = text(child)
            try c.notify(person: guardian, student: student, kind: kind, at: at, text: line, mailSubject: line, mailFrom: mailFrom)
        }
    }

    static func absence(_ c: Connection, _ lesson: Lesson, student: Int, code: AbsenceCode, today: CivilDate, at: Int) throws {
        guard code == .unexcused, lesson.date == today else { return }
        try tell(c, student: student, kind: .absence, at: at) { Words.russian.absenceNotice($0, lesson.subjectName, lesson.bell) }
    }

    static func mark(_ c: Connection, _ lesson: Lesson, student: Int, value: MarkValue, workType: WorkType, at: Int) throws {
        try tell(c, student: student, kind: .mark, at: at) {
            Words.russian.markNotice($0, value.text, workType.name, lesson.subjectName, Words.russian.shortDate(lesson.date))
        }
    }

    static func remark(_ c: Connection, _ lesson: Lesson, student: Int, text: String, at: Int) throws {
        try tell(c, student: student, kind: .remark, at: at) { Words.russian.remarkNotice($0, lesson.subjectName, text) }
    }

    static func finals(_ c: Connection, student: Int, what: String, subject: String, value: MarkValue, at: Int) throws {
        try tell(c, student: student, kind: .finals, at: at) { Words.russian.finalsNotice($0, what, subject, value.text) }
    }
}
