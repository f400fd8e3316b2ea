import Appliance
import Foundation
import HTTP
import Storage
import Testing

/// The XSS and formula-injection corpus through every text field into every view (issue 16):
/// every form of every role's pages is sent with a payload in each of its text fields, then
/// every page, CSV and JSON answer is read again as every role. Payloads must come back
/// escaped in HTML, as data in JSON, and neutralised (`'=`) in CSV.
@Suite struct InjectionTests {
    /// A tag, a quote of each kind and a formula; cut to a field's `maxlength`.
    static let payload = "=<q7>\"q8'q9 +@"
    /// What an unescaped payload leaves in HTML.
    static let traces = ["<q7", "\"q8", "'q9"]
    /// Forms not sent: they end a session, reissue credentials, or remove what others' pages
    /// show (so the payload would have nowhere to appear).
    static let skipped = ["/logout", "/signout", "/password", "/language", "/login", "/slip", "/slips", "/lock", "/unlock",
                          "/delete", "/remove", "/leave", "/end", "/revoke", "/electronic-access", "/cancel", "/confirm"]

    /// A form of a page: where it posts and its fields as a browser would send them, each text
    /// field holding the payload.
    struct Form {
        let action: String
        var fields: [(String, String)]
        var hasText: Bool
    }

    static func attribute(_ name: String, _ tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" }).replacing("&amp;", with: "&").replacing("&quot;", with: "\"")
    }

    static func forms(_ html: String) -> [Form] {
        html.matches(of: /<form([^>]*)>(.*?)<\/form>/.dotMatchesNewlines()).compactMap { match -> Form? in
            let head = match.output.1, body = match.output.2
            guard attribute("method", head) == "post", attribute("enctype", head) == nil, let action = attribute("action", head),
                  !skipped.contains(where: { action.hasSuffix($0) }) else { return nil }
            var form = Form(action: action, fields: [], hasText: false)
            func text(_ tag: Substring) -> String {
                form.hasText = true
                return String(payload.prefix(attribute("maxlength", tag).flatMap(Int.init) ?? payload.count))
            }
            for tag in body.matches(of: /<(input|textarea|select)\b[^>]*>(?:(.*?)<\/select>)?/.dotMatchesNewlines()) {
                let element = tag.output.0
                guard let name = attribute("name", element), name != "_csrf" else { continue }
                switch (tag.output.1, attribute("type", element) ?? "text") {
                case ("textarea", _), ("input", "text"), ("input", "search"), ("input", "tel"), ("input", "email"), ("input", "url"):
                    form.fields.append((name, text(element)))
                case ("select", _):
                    let options = (tag.output.2 ?? "").matches(of: /<option[^>]*value="([^"]+)"/).map { String($0.output.1) }
                    if let first = options.first { form.fields.append((name, first)) }
                case ("input", "radio"), ("input", "checkbox"):
                    if !form.fields.contains(where: { $0.0 == name }) { form.fields.append((name, attribute("value", element) ?? "on")) }
                case ("input", "submit"), ("input", "button"), ("input", "file"):
                    continue
                default:
                    form.fields.append((name, attribute("value", element) ?? ""))
                }
            }
            return form.hasText ? form : nil
        }
    }

    /// The string fields of an API operation's request body, as `docs/openapi.yaml` documents them.
    static func stringFields(_ method: String, _ pattern: String) -> [String] {
        let path = pattern.replacing(":int}", with: "}")
        var inPath = false, inOperation = false, fields: [String] = []
        for line in OpenAPITests.spec.split(separator: "\n") {
            if line.hasPrefix("  /") {
                inPath = line == "  \(path):"
                inOperation = false
            } else if inPath, line.hasPrefix("    "), !line.hasPrefix("     ") {
                inOperation = line == "    \(method.lowercased()):"
            } else if inOperation, line.contains("requestBody") || line.contains("schema:") {
                fields += line.matches(of: /(\w+): \{ type: string/).map { String($0.output.1) }
            }
        }
        return fields
    }

    /// Every answer `response` gives back of a payload, checked for its kind.
    static func check(_ response: Response, _ what: String) {
        let type = response.headers["content-type"] ?? ""
        if type.hasPrefix("text/html") {
            for trace in traces { #expect(!response.text.contains(trace), "\(what): unescaped \(trace) in HTML") }
        } else if type.hasPrefix("application/json") {
            #expect((try? JSONSerialization.jsonObject(with: Data(response.body))) != nil, "\(what): not JSON")
        } else if type.hasPrefix("text/csv") {
            for line in response.text.split(whereSeparator: \.isNewline) {
                for cell in line.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingPrefix("\"") }) + line.split(separator: ";").map({ $0.trimmingPrefix("\"") }) {
                    #expect(!(cell.first.map { "=+-@".contains($0) } ?? false) || !cell.contains("q7"), "\(what): a formula cell «\(cell)»")
                }
            }
        }
    }

    @Test func payloadsInEveryTextFieldComeBackEscapedEverywhere() throws {
        let database = try FixtureSchool.copy()
        let walk = try RouteWalk(database: database)
        try walk.walk(perRoute: 2)
        // Every text field of every form a role sees, sent once per route and role.
        var sent: Set<String> = []
        var forms = 0
        for (url, role, response) in walk.fetched where response.status == 200 && role != "kiosk" {
            let client = walk.visitors.first { $0.role == role }!.client
            for form in Self.forms(response.text) {
                guard let route = walk.route(.post, form.action), sent.insert("\(role) \(RouteWalk.key(route))").inserted else { continue }
                _ = try client.page(url)
                let answer = try client.post(form.action, form.fields)
                #expect(answer.status < 500, "\(role) POST \(form.action) from \(url): \(answer.status)")
                Self.check(answer, "\(role) POST \(form.action)")
                forms += 1
            }
        }
        #expect(forms > 20)
        // The API's text fields, as docs/openapi.yaml documents its request bodies, each sent by someone permitted.
        var calls = 0
        for route in walk.app.routes where route.changesState && route.pattern.hasPrefix("/api/") {
            let fields = Self.stringFields(route.method.rawValue, route.pattern)
            guard !fields.isEmpty else { continue }
            let url = try walk.addresses(route)[0]
            let body = String(decoding: try JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: fields.map { ($0, Self.payload) })), as: UTF8.self)
            for (role, client) in walk.visitors where role != "kiosk" {
                guard let actor = try walk.actor(client), try walk.expected(route, route.method, url, actor: actor) == .permitted else { continue }
                let answer = try client.json(route.method, url, body)
                #expect(answer.status < 500, "\(role) \(route.method.rawValue) \(url): \(answer.status)")
                Self.check(answer, "\(role) \(route.method.rawValue) \(url)")
                calls += 1
                break
            }
        }
        #expect(calls >= 4)
        // The payload was stored in many places (a field that refuses it says so, escaped, above).
        let stored = try walk.fingerprint().filter { $0.value.contains("q7") }.keys.sorted()
        #expect(stored.count >= 6, "payloads stored only in \(stored)")
        // Every page, CSV and JSON answer again, as every role.
        walk.samples = [:]
        walk.fetched = []
        try walk.walk(perRoute: 3)
        for (url, role, response) in walk.fetched { Self.check(response, "\(role) \(url)") }
        for route in walk.app.routes where route.method == .get && route.pattern.hasPrefix("/api/") {
            for url in try walk.addresses(route) {
                for (role, client) in walk.visitors where role != "kiosk" { Self.check(try client.get(url), "\(role) \(url)") }
            }
        }
        #expect(walk.fetched.contains { $0.response.headers["content-type"]?.hasPrefix("text/csv") == true && $0.response.text.contains("'=<q7") },
                "no CSV shows a payload")
    }
}
