import Appliance
import Foundation
import HTTP
import Storage
import Testing

/// `docs/openapi.yaml` describes every `/api/v1` route, and real responses carry the fields it documents.
@Suite struct OpenAPITests {
    static let spec: String = {
        let url = CommandTests.packageRoot.appendingPathComponent("docs/openapi.yaml")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The operations the document lists, as "METHOD /path".
    static var documented: Set<String> {
        var result = Set<String>()
        var path = ""
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /api/") { path = String(line.dropFirst(2).dropLast()) }
            for method in ["get", "post", "put", "delete"] where line == "    \(method):" && !path.isEmpty {
                result.insert("\(method.uppercased()) \(path)")
            }
        }
        return result
    }

    @Test func everyAPIRouteIsDocumented() throws {
        let app = TestSchool.app(try TestSchool.copy())
        let routes = Set(app.routes.filter { $0.pattern.hasPrefix("/api/") }.map { route in
            "\(route.method.rawValue) " + route.pattern.replacing(":int}", with: "}")
        })
        #expect(!routes.isEmpty)
        #expect(routes == Self.documented, "undocumented: \(routes.subtracting(Self.documented)), stale: \(Self.documented.subtracting(routes))")
    }

    @Test func responsesCarryTheDocumentedFields() throws {
        let app = TestSchool.app(try TestSchool.copy())
        let client = Client(app)
        let teacher = TestSchool.login(.teacher, classTeacher: true)
        let signed = try client.json(.post, "/api/v1/session", "{\"login\":\"\(teacher.login)\",\"password\":\"\(TestSchool.password)\"}")
        let session = try JSONSerialization.jsonObject(with: Data(signed.body)) as? [String: Any]
        let user = session?["user"] as? [String: Any]
        #expect(session?["mustChangePassword"] is Bool)
        for key in ["id", "login", "fullName", "roles"] { #expect(user?[key] != nil, "user.\(key)") }
        let me = try JSONSerialization.jsonObject(with: Data(client.get("/api/v1/me").body)) as? [String: Any]
        for key in ["id", "login", "fullName", "roles", "mustChangePassword", "assignments", "class"] { #expect(me?[key] != nil, "me.\(key)") }
        let error = try JSONSerialization.jsonObject(with: Data(Client(app).get("/api/v1/me").body)) as? [String: Any]
        #expect(error?["error"] as? String == "unauthorized" && error?["message"] is String)
    }

    @Test func journalResponsesCarryTheDocumentedFields() throws {
        let database = try TestSchool.copy()
        let app = TestSchool.app(database)
        let byPerson = Dictionary(TestSchool.generated.logins.filter { $0.role == .teacher }.map { ($0.personID, $0) }) { a, _ in a }
        let (teacherID, lesson, classID, subject) = try #require(try database.read { try $0.query("""
            SELECT l.teacher_id, l.id, l.class_id, l.subject_id FROM lesson l JOIN school_class c ON c.id = l.class_id
            WHERE l.date = '2026-11-20' AND c.grade >= 5 AND l.group_id IS NULL AND l.status = 'scheduled' AND l.actual_teacher_id IS NULL ORDER BY l.id
            """) { ($0.int(0), $0.int(1), $0.int(2), $0.int(3)) } }.first { byPerson[$0.0] != nil })
        let teacher = Client(app)
        _ = try teacher.signIn(byPerson[teacherID]!.login)
        func object(_ r: Response) throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: Data(r.body)) as? [String: Any]) }
        let grid = try object(try teacher.get("/api/v1/journal?class=\(classID)&subject=\(subject)&from=2026-11-01&to=2026-11-30"))
        for key in ["class", "subject", "from", "to", "lessons", "students", "marks", "absences", "periodMarks", "averages"] { #expect(grid[key] != nil, "journal.\(key)") }
        let lessons = try #require(grid["lessons"] as? [[String: Any]])
        for key in ["id", "date", "number", "topic", "homework", "cancelled", "change"] { #expect(lessons.first?[key] != nil, "lessons[].\(key)") }
        let marks = try #require(grid["marks"] as? [[String: Any]])
        for key in ["id", "lesson", "student", "value", "workType", "weight", "transferred"] { #expect(marks.first?[key] != nil, "marks[].\(key)") }
        let student = try #require((grid["students"] as? [[String: Any]])?.first?["id"] as? Int)
        let created = try teacher.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":4,"workType":"ЛР"}"#)
        #expect(created.status == 201)
        #expect(try object(created)["id"] is Int)
        let refused = try object(try teacher.json(.post, "/api/v1/lessons/\(lesson)/marks", #"{"student":\#(student),"value":9,"workType":"ЛР"}"#))
        #expect(refused["error"] is String && refused["message"] is String)
        let admin = Client(app)
        _ = try admin.signIn(TestSchool.login(.administrator).login)
        let audit = try object(try admin.get("/api/v1/audit?lesson=\(lesson)"))
        let entry = try #require((audit["entries"] as? [[String: Any]])?.first)
        for key in ["id", "at", "account", "login", "via", "action", "entity", "entityId", "lesson", "student", "class", "oldValue", "newValue", "reason"] {
            #expect(entry.keys.contains(key) || ["oldValue"].contains(key), "audit.\(key)")
        }
    }
}
