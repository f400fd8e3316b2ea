import Desks
import Domain
import Storage

/// The thematic plan (КТП) of one class and subject from a CSV of `Тема;Часы`, handed to
/// `PlanDesk` (which replaces the plan and fills the lessons' topics). A file with a bad row
/// imports nothing.
public enum PlanImport {
    /// The columns of the file: the topic and its hours (the names a school's Excel has).
    public static let topicColumn = "Тема", hoursColumn = "Часы"

    /// The plan's topics and hours. - Throws: `ImportFailure` naming every bad line.
    public static func parse(_ bytes: [UInt8]) throws -> [(title: String, hours: Int)] {
        try rows(bytes).map { ($0.title, $0.hours) }
    }

    /// The plan's topics and hours with the line of the file each is on. - Throws: `ImportFailure` naming every bad line.
    static func rows(_ bytes: [UInt8]) throws -> [(line: Int, title: String, hours: Int)] {
        let table: CSVTable
        do { table = try CSVReader.read(bytes) } catch let e as InputError { throw ImportFailure(problems: [e]) }
        guard let topicColumn = table.column(topicColumn) else {
            throw ImportFailure(problems: [InputError(line: 1, "нет столбца «Тема» (есть: \(table.header.joined(separator: ", ")))")])
        }
        let hoursColumn = table.column(hoursColumn)
        var topics: [(line: Int, title: String, hours: Int)] = []
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
            topics.append((row.line, title, hours))
        }
        if topics.isEmpty, problems.isEmpty { problems.append(InputError(line: nil, "в файле нет ни одной темы")) }
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        return topics
    }

    /// Reads the file and hands the plan to the desk. - Throws: `ImportFailure` naming every bad
    /// line; the desk's errors (`forbidden`, `notFound`).
    public static func run(_ database: Database, classID: Int, subjectID: Int, bytes: [UInt8], by editor: Editor) throws -> PlanDesk.Outcome {
        try PlanDesk(database: database).replace(classID: classID, subjectID: subjectID, topics: try parse(bytes), by: editor)
    }
}
