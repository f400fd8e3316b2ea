import Domain
import Storage

/// The thematic plan (КТП) of one class and subject from a CSV of `Тема;Часы`: the file
/// replaces the plan, and its topics fill the lessons of the year in order — each topic as
/// many lessons as its hours — where the teacher has not written a topic yet. A file with
/// a bad row imports nothing; every filled topic is audited.
public enum PlanImport {
    public struct Outcome: Sendable, Equatable {
        public let topics: Int
        public let hours: Int
        /// Lessons that got their topic from the plan.
        public let filled: Int
    }

    /// The plan's topics and hours. - Throws: `ImportFailure` naming every bad line.
    public static func parse(_ bytes: [UInt8]) throws -> [(title: String, hours: Int)] {
        let table: CSVTable
        do { table = try CSVReader.read(bytes) } catch let e as InputError { throw ImportFailure(problems: [e]) }
        guard let topicColumn = table.column("Тема") else {
            throw ImportFailure(problems: [InputError(line: 1, "нет столбца «Тема» (есть: \(table.header.joined(separator: ", ")))")])
        }
        let hoursColumn = table.column("Часы")
        var topics: [(title: String, hours: Int)] = []
        var problems: [InputError] = []
        for row in table.rows {
            let title = topicColumn < row.fields.count ? row.fields[topicColumn].trimmingWhitespace : ""
            let hoursText = hoursColumn.flatMap { $0 < row.fields.count ? row.fields[$0].trimmingWhitespace : nil } ?? ""
            if title.isEmpty { problems.append(InputError(line: row.line, "не заполнен столбец «Тема»")); continue }
            if title.count > 500 { problems.append(InputError(line: row.line, "«Тема» длиннее 500 знаков")); continue }
            let hours = hoursText.isEmpty ? 1 : Int(hoursText) ?? 0
            guard (1...200).contains(hours) else {
                problems.append(InputError(line: row.line, "«Часы»: «\(hoursText)» — ожидается целое число от 1 до 200"))
                continue
            }
            topics.append((title, hours))
        }
        if topics.isEmpty, problems.isEmpty { problems.append(InputError(line: nil, "в файле нет ни одной темы")) }
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        return topics
    }

    public static func run(_ database: Database, classID: Int, subjectID: Int, bytes: [UInt8], account: Int?, session: Int? = nil,
                           via: AuditEntry.Via, now: Int) throws -> Outcome {
        let topics = try parse(bytes)
        return try database.write { c in
            guard let year = try c.schoolClass(classID)?.yearID, try c.subjectName(subjectID) != nil else {
                throw ImportFailure(problems: [InputError(line: nil, "нет такого класса или предмета")])
            }
            try c.deletePlan(classID: classID, subjectID: subjectID)
            var ids: [Int] = []
            for (i, t) in topics.enumerated() {
                ids.append(try c.insertPlanTopic(year: year, class: classID, subject: subjectID, position: i + 1, title: t.title, hours: t.hours))
            }
            // The n-th lesson of the year takes the topic whose hours cover n.
            var schedule: [(id: Int, title: String)] = []
            for (i, t) in topics.enumerated() { schedule += Array(repeating: (ids[i], t.title), count: t.hours) }
            let lessons = try c.lessonTopics(classID: classID, subjectID: subjectID)
            var filled = 0
            for (n, (lesson, topic)) in lessons.enumerated() where n < schedule.count {
                if topic.isEmpty {
                    try c.setLessonTopic(lesson, topic: schedule[n].title, planTopic: schedule[n].id, at: now)
                    try c.appendAudit(AuditEntry(at: now, account: account, session: session, via: .import, action: .topicChange, entity: "lesson",
                                                 entityID: lesson, oldValue: "", newValue: schedule[n].title, reason: "из КТП",
                                                 lesson: lesson, schoolClass: classID))
                    filled += 1
                } else if topic == schedule[n].title {
                    try c.setLessonTopic(lesson, topic: topic, planTopic: schedule[n].id, at: nil)
                }
            }
            try c.appendAudit(AuditEntry(at: now, account: account, session: session, via: .import, action: .planImport, entity: "plan",
                                         newValue: "тем: \(topics.count), часов: \(schedule.count), заполнено уроков: \(filled)",
                                         reason: via == .cli ? "командная строка" : "страница", schoolClass: classID))
            return Outcome(topics: topics.count, hours: schedule.count, filled: filled)
        }
    }
}
