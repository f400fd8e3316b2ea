import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI

/// The journal's JSON API (docs/openapi.yaml): the grid, marks, attendance, lesson content,
/// period marks and the audit trail.
struct JournalAPI: Sendable {
    let database: Database
    let desk: JournalDesk

    /// Writes are answered off the server's pool threads (`slow`): while one group of them
    /// waits for its commit, the next group gathers (`Database.write`).
    var routes: [AppRoute] {
        [
            AppRoute(.get, "/api/v1/journal", .policy(.viewJournal) { try JournalSheet.Scope($0.request.query).resource }) { visit in
                try journal(visit)
            },
            AppRoute(.put, "/api/v1/lessons/{id:int}", .policy(.editJournal, resource: lesson), slow: true) { visit in
                struct Body: Decodable { let topic: String?; let homework: String? }
                let body = try JSONBody.decode(Body.self, from: visit.request)
                let id = try visit.request.pathParameters.int("id")
                try perform(visit) { editor in
                    let current = try database.read { try $0.journalLesson(id) }
                    let topic = body.topic ?? current?.topic ?? ""
                    try desk.setContent(lesson: id, topic: topic, planTopic: topic == current?.topic ? current?.planTopicID : nil,
                                        homework: body.homework ?? current?.homework ?? "", by: editor)
                }
                return .noContent
            },
            AppRoute(.post, "/api/v1/lessons/{id:int}/marks", .policy(.editJournal, resource: lesson), slow: true) { visit in
                struct Body: Decodable { let student: Int; let value: Int; let workType: String }
                let body = try JSONBody.decode(Body.self, from: visit.request)
                let workType = try self.workType(body.workType)
                let (id, created) = try perform(visit) { editor in
                    try desk.addMark(lesson: try visit.request.pathParameters.int("id"), student: body.student, value: body.value,
                                     workType: workType, by: editor)
                }
                return .json(Array("{\"id\":\(id)}".utf8), status: created ? 201 : 200)
            },
            AppRoute(.put, "/api/v1/marks/{id:int}", .policy(.editJournal, resource: markLesson), slow: true) { visit in
                struct Body: Decodable { let value: Int; let workType: String?; let reason: String? }
                let body = try JSONBody.decode(Body.self, from: visit.request)
                let workType = try body.workType.map(self.workType)
                try perform(visit) {
                    try desk.changeMark(try visit.request.pathParameters.int("id"), value: body.value, workType: workType, reason: body.reason ?? "", by: $0)
                }
                return .noContent
            },
            AppRoute(.delete, "/api/v1/marks/{id:int}", .policy(.editJournal, resource: markLesson), slow: true) { visit in
                try perform(visit) {
                    try desk.deleteMark(try visit.request.pathParameters.int("id"), reason: visit.request.query["reason"] ?? "", by: $0)
                }
                return .noContent
            },
            // The lesson's teacher, or the class teacher correcting a reason: the desk tells them apart.
            AppRoute(.put, "/api/v1/lessons/{id:int}/attendance/{student:int}", .policy(.recordAttendance, resource: lesson), slow: true) { visit in
                struct Body: Decodable { let code: String? }
                let body = try JSONBody.decode(Body.self, from: visit.request)
                let code = try Self.absenceCode(body.code)
                try perform(visit) { editor in
                    try desk.setAttendance(lesson: try visit.request.pathParameters.int("id"), student: try visit.request.pathParameters.int("student"),
                                           code: code, by: editor)
                }
                return .noContent
            },
            AppRoute(.put, "/api/v1/period-marks", .policy(.setPeriodMarks) { try JournalSheet.Scope($0.request.query).resource }) { visit in
                struct Body: Decodable { let student: Int; let period: Int; let value: Int? }
                let body = try JSONBody.decode(Body.self, from: visit.request)
                let scope = try JournalSheet.Scope(visit.request.query)
                try perform(visit) {
                    try desk.setPeriodMark(classID: scope.classID, subjectID: scope.subjectID, period: body.period, student: body.student,
                                           value: body.value, by: $0)
                }
                return .noContent
            },
            AppRoute(.get, "/api/v1/audit", .school(.viewAudit)) { visit in
                try JSONBody.response(["entries": try database.read { try $0.auditEntries(AuditFilter(visit.request.query)) }.map(AuditBody.init)])
            },
        ]
    }

    /// The lesson of the path, as the policy sees it. - Throws: 404 for no such lesson.
    func lesson(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard let resource = try database.read({ try $0.lessonResource(id) }) else { throw HTTPError(status: 404, message: "Такого урока нет.") }
        return resource
    }

    func markLesson(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard let resource = try database.read({ c in try c.journalMark(id).flatMap { try c.lessonResource($0.lessonID) } }) else {
            throw HTTPError(status: 404, message: "Такой отметки нет.")
        }
        return resource
    }

    /// A work type by its code (КР) or number. - Throws: 422 for an unknown one.
    func workType(_ text: String) throws -> Int {
        let types = try database.read { try $0.workTypes() }
        guard let t = types.first(where: { $0.code.lowercased() == text.lowercased() || String($0.id) == text }) else {
            throw HTTPError(status: 422, message: "Неизвестный вид работы «\(text)». Есть: \(types.map(\.code).joined(separator: ", ")).",
                            code: "invalid_workType")
        }
        return t.id
    }

    static func absenceCode(_ text: String?) throws -> AbsenceCode? {
        guard let text, !text.isEmpty else { return nil }
        guard let code = AbsenceCode(letter: text) else {
            throw HTTPError(status: 422, message: "Отметка посещаемости — Н, Б, У или О.", code: "invalid_code")
        }
        return code
    }

    /// Runs a desk operation as the visit's editor; its typed errors go to the one mapping.
    func perform<T>(_ visit: Visit, _ body: (Editor) throws -> T) throws -> T { try body(visit.editor) }

    func journal(_ visit: Visit) throws -> Response {
        let sheet = try database.read { try JournalSheet.load($0, try JournalSheet.Scope(visit.request.query), today: visit.today) }
        return try JSONBody.response(SheetBody(sheet))
    }
}

/// The `/api/v1/journal` body.
struct SheetBody: Encodable {
    struct Lesson: Encodable {
        let id: Int
        let date: String
        let number: Int
        let topic: String
        let homework: String
        let cancelled: Bool
        let change: String
    }
    struct Student: Encodable { let id: Int; let name: String }
    struct Mark: Encodable { let id: Int; let lesson: Int; let student: Int; let value: Int; let workType: String; let weight: Double; let transferred: Bool }
    struct Absence: Encodable { let lesson: Int; let student: Int; let code: String }
    struct PeriodMark: Encodable { let student: Int; let period: Int; let value: Int }
    struct Average: Encodable { let student: Int; let average: Double; let forecast: Int }
    struct PeriodBody: Encodable { let id: Int; let name: String; let from: String; let to: String }

    let `class`: Int
    let subject: Int
    let period: PeriodBody?
    let from: String
    let to: String
    let lessons: [Lesson]
    let students: [Student]
    let marks: [Mark]
    let absences: [Absence]
    let periodMarks: [PeriodMark]
    let averages: [Average]

    init(_ s: JournalSheet) {
        `class` = s.classID
        subject = s.subjectID
        period = s.period.map { PeriodBody(id: $0.id, name: $0.name, from: $0.startsOn.iso, to: $0.endsOn.iso) }
        from = s.from.iso
        to = s.to.iso
        lessons = s.lessons.map { Lesson(id: $0.id, date: $0.date.iso, number: $0.bell, topic: $0.topic, homework: $0.homework, cancelled: $0.cancelled, change: $0.changeNote) }
        students = s.students.map { Student(id: $0.id, name: $0.name) }
        marks = s.marks.map { Mark(id: $0.id, lesson: $0.lessonID, student: $0.studentID, value: $0.value, workType: $0.workType, weight: $0.weight, transferred: $0.transferred) }
        absences = s.absences.map { Absence(lesson: $0.lessonID, student: $0.studentID, code: $0.code.rawValue) }
        periodMarks = s.periodMarks.map { PeriodMark(student: $0.studentID, period: $0.periodID, value: $0.value) }
        averages = s.marksByStudent().sorted { $0.key < $1.key }.compactMap { student, marks in
            s.forecast(marks).map { Average(student: student, average: ($0.average * 100).rounded() / 100, forecast: $0.mark) }
        }
    }
}

/// `/api/v1/audit` entries.
struct AuditBody: Encodable {
    let id: Int
    let at: String
    let account: Int?
    let login: String?
    let via: String
    let action: String
    let entity: String
    let entityId: Int?
    let lesson: Int?
    let student: Int?
    let `class`: Int?
    let oldValue: String?
    let newValue: String?
    let reason: String

    init(_ e: AuditListing) {
        id = e.id
        at = SchoolDateTime(unixSeconds: e.at, offsetMinutes: SchoolClock.systemUTCOffsetMinutes).description
        account = e.account
        login = e.login
        via = e.via
        action = e.action
        entity = e.entity
        entityId = e.entityID
        lesson = e.lesson
        student = e.student
        `class` = e.classID
        oldValue = e.oldValue
        newValue = e.newValue
        reason = e.reason
    }
}
