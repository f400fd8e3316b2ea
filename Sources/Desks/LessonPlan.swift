import Domain
import Storage

/// The journal's lessons re-planned from the timetable, with an audit row for every lesson a
/// re-plan changes or removes and one for the lessons it creates. Whoever changes the timetable
/// (an import, the timetable's pages, a new holiday or period) calls it with their editor, in
/// the same transaction as the change.
public enum LessonPlan {
    /// Runs `Connection.syncLessons` and appends its audit rows in the caller's transaction.
    /// `reason` says why (an import, «изменение расписания с 30.11.2026»).
    ///
    /// - Important: call inside `Database.write`, after the timetable change and before anything
    ///   that reads the lessons; the policy check is the caller's.
    @discardableResult
    public static func replan(_ c: Connection, year: Int, from: CivilDate, classes: Set<Int>? = nil, withdrawing: Set<Int> = [], reason: String,
                              by editor: Editor) throws -> LessonSync {
        let sync = try c.syncLessons(year: year, from: from, classes: classes, withdrawing: withdrawing)
        for l in sync.updated {
            try c.appendAudit(editor.entry(.lessonReplanUpdate, entity: "lesson", id: l.id, old: label(l.lesson), new: l.plan.map(label),
                                           reason: reason, lesson: l.id, schoolClass: l.classID))
        }
        for l in sync.removed {
            try c.appendAudit(editor.entry(.lessonReplanRemove, entity: "lesson", id: l.id, old: label(l.lesson), new: nil,
                                           reason: reason, lesson: l.id, schoolClass: l.classID))
        }
        if sync.created > 0 {
            try c.appendAudit(editor.entry(.lessonReplanCreate, entity: "timetable", new: "создано уроков: \(sync.created) с \(from.russian)",
                                           reason: reason, schoolClass: classes?.count == 1 ? classes?.first : nil))
        }
        return sync
    }

    /// «30.11, 1-й урок: Математика · 1 группа, Кузнецова О. Н., каб. 21».
    public static func label(_ s: LessonSlot) -> String {
        "\(s.date.shortRussian), \(s.bell)-й урок: \(s.subjectName)\(s.groupName.map { " · \($0)" } ?? ""), \(s.teacherName)"
            + (s.roomName.map { ", " + RoomName.label($0) } ?? "")
    }

    /// The import's report line of a re-plan: counts, then each kept lesson for the person to decide.
    public static func report(_ sync: LessonSync, from: CivilDate) -> [String] {
        ["уроки в журнале с \(from.russian): создано \(sync.created), изменено \(sync.updated.count), удалено \(sync.removed.count), оставлено с записями \(sync.kept.count)"]
            + sync.kept.map { "оставлен урок с записями, расходится с расписанием: \($0.className), \(label($0.lesson))" }
    }
}

extension Editor {
    /// An import run by `account` (nil: at the console): rows say «загрузкой файла».
    public static func importing(account: Int?, at: Int) -> Editor {
        Editor(actor: Actor(accountID: account ?? 0, personID: 0, roles: [.administrator]), session: nil, via: .import, at: at)
    }
}
