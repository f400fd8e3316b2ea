import Appliance
import Foundation
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
}
