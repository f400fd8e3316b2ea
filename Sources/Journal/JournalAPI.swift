import Desks
import Domain
import HTTP
import Routing
import Storage
import WebUI
import Words

/// The journal's JSON API (docs/openapi.yaml): the grid, marks, attendance, lesson content,
/// period marks and the audit trail.
struct JournalAPI: Sendable {
    let database: Database
    let desk: JournalDesk

    /// Writes are answered off the server's pool threads (`slow: .waits`): while one group of them
    /// waits for its commit, the next group gathers (`Database.write`).
    var routes: [AppRoute] {
        [
            AppRoute(.get, "/api/v1/journal", .policy(.viewJournal) { try JournalSheet.Scope($0.request.query, words: $0.words).resource }) { visit in
                try journal(visit)
            },
            AppRoute(.put, "/api/v1/lessons/{id:int}", .policy(.editJournal, resource: lesson), slow: .waits) { visit in
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
            AppRoute(.post, "/api/v1/lessons/{id:int}/marks", .policy(.editJournal, resource: lesson), slow: .waits) { visit in
                struct Body: Decodable { let student: Int; let value: MarkValue; let workType: String; let confirm: Bool? }
                let body = try JSONBody.decode(Body.self, from: visit.request)
                let workType = try self.workType(body.workType, visit.words)
                let (id, created) = try perform(visit) { editor in
                    try desk.addMark(lesson: try visit.request.pathParameters.int("id"), student: body.student, value: body.value,
                                     workType: workType, confirmAbsent: body.confirm ?? false, by: editor)
                }
                var json = JSONBytes(capacity: 32)
                json.object { $0.field("id", id) }
                return .json(json.bytes, status: created ? 201 : 200)
            },
            AppRoute(.put, "/api/v1/marks/{id:int}", .policy(.editJournal, resource: markLesson), slow: .waits) { visit in
                struct Body: Decodable { let value: MarkValue; let workType: String?; let reason: String? }
                let body = try JSONBody.decode(Body.self, from: visit.request)
                let workType = try body.workType.map { try self.workType($0, visit.words) }
                try perform(visit) {
                    try desk.changeMark(try visit.request.pathParameters.int("id"), value: body.value, workType: workType, reason: body.reason ?? "", by: $0)
                }
                return .noContent
            },
            AppRoute(.delete, "/api/v1/marks/{id:int}", .policy(.editJournal, resource: markLesson), slow: .waits) { visit in
                try perform(visit) {
                    try desk.deleteMark(try visit.request.pathParameters.int("id"), reason: visit.request.query["reason"] ?? "", by: $0)
                }
                return .noContent
            },
            // The lesson's teacher, or the class teacher correcting a reason: the desk tells them apart.
            AppRoute(.put, "/api/v1/lessons/{id:int}/attendance/{student:int}", .policy(.recordAttendance, resource: lesson), slow: .waits) { visit in
                struct Body: Decodable { let code: String? }
                let body = try JSONBody.decode(Body.self, from: visit.request)
                let code = try Self.absenceCode(body.code, visit.words)
                try perform(visit) { editor in
                    try desk.setAttendance(lesson: try visit.request.pathParameters.int("id"), student: try visit.request.pathParameters.int("student"),
                                           code: code, by: editor)
                }
                return .noContent
            },
            // `kind`: period (the default, with `period`), year, exam or final (without one);
            // `value`: 1–5, "зачёт", "незачёт", "н/а", "осв", or null to remove.
            AppRoute(.put, "/api/v1/period-marks", .policy(.setPeriodMarks) { try JournalSheet.Scope($0.request.query, words: $0.words).resource }) { visit in
                struct Body: Decodable { let student: Int; let kind: String?; let period: Int?; let value: MarkValue?; let reason: String? }
                let body = try JSONBody.decode(Body.self, from: visit.request)
                let scope = try JournalSheet.Scope(visit.request.query, words: visit.words)
                guard let kind = PeriodMarkKind(rawValue: body.kind ?? "period") else {
                    throw HTTPError(status: 422, message: visit.words.markKindExpected, code: "invalid_kind")
                }
                if kind == .period, body.period == nil { throw HTTPError(status: 422, message: visit.words.periodMissing, code: "invalid_period") }
                try perform(visit) {
                    try desk.setFinalMark(classID: scope.classID, subjectID: scope.subjectID, kind: kind, period: kind == .period ? body.period : nil,
                                          student: body.student, value: body.value, reason: body.reason ?? "", by: $0)
                }
                return .noContent
            },
            AppRoute(.get, "/api/v1/audit", .school(.viewAudit)) { visit in
                JSONBody.response(AuditBody(entries: try database.read { try $0.auditEntries(AuditFilter(visit.request.query, words: visit.words)) }))
            },
        ]
    }

    /// The lesson of the path, as the policy sees it. - Throws: 404 for no such lesson.
    func lesson(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard let resource = try database.read({ try $0.lessonResource(id) }) else { throw HTTPError(status: 404, message: visit.words.noSuchLesson) }
        return resource
    }

    func markLesson(_ visit: Visit) throws -> Resource {
        let id = try visit.request.pathParameters.int("id")
        guard let resource = try database.read({ c in try c.journalMark(id).flatMap { try c.lessonResource($0.lessonID) } }) else {
            throw HTTPError(status: 404, message: visit.words.noSuchMark)
        }
        return resource
    }

    /// A work type by its code (КР) or number. - Throws: 422 for an unknown one.
    func workType(_ text: String, _ w: Words) throws -> Int {
        let types = try database.read { try $0.workTypes() }
        guard let t = types.first(where: { $0.code.lowercased() == text.lowercased() || String($0.id) == text }) else {
            throw HTTPError(status: 422, message: w.unknownWorkType(text, known: types.map(\.code).joined(separator: ", ")), code: "invalid_workType")
        }
        return t.id
    }

    static func absenceCode(_ text: String?, _ w: Words) throws -> AbsenceCode? {
        guard let text, !text.isEmpty else { return nil }
        guard let code = AbsenceCode(letter: text) else {
            throw HTTPError(status: 422, message: w.attendanceCodeExpected, code: "invalid_code")
        }
        return code
    }

    /// Runs a desk operation as the visit's editor; its typed errors go to the one mapping.
    func perform<T>(_ visit: Visit, _ body: (Editor) throws -> T) throws -> T { try body(visit.editor) }

    func journal(_ visit: Visit) throws -> Response {
        let sheet = try database.read { try JournalSheet.load($0, try JournalSheet.Scope(visit.request.query, words: visit.words), today: visit.today) }
        return JSONBody.response(SheetBody(sheet: sheet))
    }
}

/// The `/api/v1/journal` body; members in alphabetical order, as the API has always written them.
struct SheetBody: JSONWritable {
    let sheet: JournalSheet

    func write(to json: inout JSONBytes) {
        let s = sheet
        json.object { j in
            j.key("absences")
            j.array(s.absences) { j, a in
                j.object { j in
                    j.field("code", a.code.rawValue)
                    j.field("lesson", a.lessonID)
                    j.field("student", a.studentID)
                }
            }
            j.key("averages")
            j.array(s.marksByStudent().sorted { $0.key < $1.key }) { j, entry in
                guard let f = s.forecast(entry.value) else { return }
                j.object { j in
                    j.field("average", (f.average * 100).rounded() / 100)
                    j.field("forecast", f.mark)
                    j.field("student", entry.key)
                }
            }
            j.field("class", s.classID)
            j.field("from", s.from.iso)
            j.key("lessons")
            j.array(s.lessons) { j, l in
                j.object { j in
                    j.field("cancelled", l.cancelled)
                    j.field("change", l.changeNote)
                    j.field("date", l.date.iso)
                    j.field("homework", l.homework)
                    j.field("id", l.id)
                    j.field("number", l.bell)
                    j.field("topic", l.topic)
                }
            }
            j.key("marks")
            j.array(s.marks) { j, m in
                j.object { j in
                    j.field("id", m.id)
                    j.field("lesson", m.lessonID)
                    j.field("student", m.studentID)
                    j.field("transferred", m.transferred)
                    j.field("value", m.value)
                    j.field("weight", m.weight)
                    j.field("workType", m.workType)
                }
            }
            if let p = s.period {
                j.key("period")
                j.period(p)
            }
            j.key("periodMarks")
            j.array(s.periodMarks) { j, p in
                j.object { j in
                    j.field("period", p.periodID ?? 0)
                    j.field("student", p.studentID)
                    j.field("value", p.value)
                }
            }
            j.field("scale", s.scale.rawValue)
            j.key("students")
            j.array(s.students) { j, student in
                j.object { j in
                    j.field("id", student.id)
                    j.field("name", student.name)
                }
            }
            j.field("subject", s.subjectID)
            j.field("to", s.to.iso)
        }
    }
}

/// The `/api/v1/audit` body: `{"entries": […]}`.
struct AuditBody: JSONWritable {
    let entries: [AuditListing]

    func write(to json: inout JSONBytes) {
        json.object { j in
            j.key("entries")
            j.array(entries) { j, e in
                j.object { j in
                    j.field("account", e.account)
                    j.field("action", e.action)
                    j.field("at", SchoolDateTime(unixSeconds: e.at, offsetMinutes: SchoolClock.systemUTCOffsetMinutes).description)
                    j.field("class", e.classID)
                    j.field("entity", e.entity)
                    j.field("entityId", e.entityID)
                    j.field("id", e.id)
                    j.field("lesson", e.lesson)
                    j.field("login", e.login)
                    j.field("newValue", e.newValue)
                    j.field("oldValue", e.oldValue)
                    j.field("reason", e.reason)
                    j.field("student", e.student)
                    j.field("via", e.via)
                }
            }
        }
    }
}
