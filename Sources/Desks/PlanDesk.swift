import Domain
import Storage

/// The thematic plan (КТП) of a class's subject: the plan replaced as a whole, and its topics
/// written into the year's lessons in order where no topic has been written yet.
public struct PlanDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public struct Outcome: Sendable, Equatable {
        public let topics: Int
        public let hours: Int
        /// Lessons that got their topic from the plan.
        public let filled: Int
    }

    /// Replaces the plan and fills topics: each topic for as many lessons as its hours, counted
    /// per group where the subject is taught in groups. Only lessons the editor may fill are
    /// touched (their own group's; every lesson for the administrator), never a cancelled one,
    /// and each filled topic is audited like a teacher's.
    /// A `dryRun` does all of it and rolls it back: the outcome the same call would have.
    public func replace(classID: Int, subjectID: Int, topics: [(title: String, hours: Int)], by editor: Editor, dryRun: Bool = false) throws -> Outcome {
        do {
            return try write(classID: classID, subjectID: subjectID, topics: topics, by: editor, dryRun: dryRun)
        } catch let rolledBack as RolledBack {
            return rolledBack.outcome
        }
    }

    /// Thrown out of a dry run's transaction, so that nothing of it is written.
    private struct RolledBack: Error { let outcome: Outcome }

    private func write(classID: Int, subjectID: Int, topics: [(title: String, hours: Int)], by editor: Editor, dryRun: Bool) throws -> Outcome {
        try database.deskWrite { c in
            guard let schoolClass = try c.schoolClass(classID), try c.subjectName(subjectID) != nil else {
                throw DeskError.notFound("Нет такого класса или предмета.")
            }
            let admin = AccessPolicy.permits(editor.actor, .importData, .school)
            let lessons = try c.lessonTopics(classID: classID, subjectID: subjectID)
            let mine = lessons.filter { l in
                admin || AccessPolicy.permits(editor.actor, .editJournal, .lesson(classID: classID, subjectID: subjectID, groupID: l.groupID, substitute: nil))
            }
            guard admin || !mine.isEmpty || AccessPolicy.permits(editor.actor, .editJournal, .classSubject(classID: classID, subjectID: subjectID, groupID: nil)) else {
                throw DeskError.forbidden
            }
            for t in topics where t.title.trimmingWhitespace.isEmpty || t.title.count > 500 || !(1...200).contains(t.hours) {
                throw DeskError.invalid("Тема «\(t.title.prefix(40))»: до 500 знаков и от 1 до 200 часов.", field: "file")
            }
            try c.deletePlan(classID: classID, subjectID: subjectID)
            var schedule: [(id: Int, title: String)] = []
            var byTitle: [String: Int] = [:]
            for (i, t) in topics.enumerated() {
                let id = try c.insertPlanTopic(year: schoolClass.yearID, class: classID, subject: subjectID, position: i + 1, title: t.title, hours: t.hours)
                schedule += Array(repeating: (id, t.title), count: t.hours)
                byTitle[t.title] = byTitle[t.title] ?? id
            }
            // Lessons that are not the editor's keep their link to the plan where the new plan has their topic.
            for lesson in lessons where lesson.linked && !mine.contains(where: { $0.id == lesson.id }) {
                if let id = byTitle[lesson.topic] { try c.setLessonTopic(lesson.id, topic: lesson.topic, planTopic: id, at: nil) }
            }
            // Rows of an import say so; the reason tells whether it came from a page or the console.
            func imported(_ entry: AuditEntry) -> AuditEntry {
                var entry = entry
                entry.via = .import
                return entry
            }
            // The n-th lesson of a group (or of the class) takes the topic whose hours cover n.
            var counts: [Int?: Int] = [:]
            var filled = 0
            for lesson in lessons {
                let n = counts[lesson.groupID, default: 0]
                counts[lesson.groupID] = n + 1
                guard n < schedule.count, mine.contains(where: { $0.id == lesson.id }) else { continue }
                if lesson.topic.isEmpty {
                    try c.setLessonTopic(lesson.id, topic: schedule[n].title, planTopic: schedule[n].id, at: editor.at)
                    try c.appendAudit(imported(editor.entry(.topicChange, entity: "lesson", id: lesson.id, old: "", new: schedule[n].title, reason: "из КТП",
                                                            lesson: lesson.id, schoolClass: classID)))
                    filled += 1
                } else if lesson.topic == schedule[n].title {
                    try c.setLessonTopic(lesson.id, topic: lesson.topic, planTopic: schedule[n].id, at: nil)
                }
            }
            try c.appendAudit(imported(editor.entry(.planImport, entity: "plan", new: "тем: \(topics.count), часов: \(schedule.count), заполнено уроков: \(filled)",
                                                    reason: editor.via == .cli ? "командная строка" : "страница", schoolClass: classID)))
            let outcome = Outcome(topics: topics.count, hours: schedule.count, filled: filled)
            if dryRun { throw RolledBack(outcome: outcome) }
            return outcome
        }
    }
}
