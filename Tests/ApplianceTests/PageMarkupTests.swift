import Testing

/// What the Nu checker and axe-core found on the pages (issue 16, item 8), checked on every page
/// of every role in process, so `make test` catches it without Java or Chromium: every form
/// field has a label, and every reference to an id finds it. (`make check-web` runs the checkers.)
@Suite struct PageMarkupTests {
    /// The fields of a page no label names: not inside a `<label>`, no `<label for>`, no `aria-label`.
    static func unlabelled(_ html: String) -> [String] {
        let wrapped = Set(html.matches(of: /<label\b[^>]*>(.*?)<\/label>/.dotMatchesNewlines())
            .flatMap { $0.output.1.matches(of: /<(?:input|select|textarea)\b[^>]*>/).map { String($0.output) } })
        let labelled = Set(html.matches(of: /<label\b[^>]*\bfor="([^"]+)"/).map { String($0.output.1) })
        return html.matches(of: /<(?:input|select|textarea)\b[^>]*>/).map { String($0.output) }.filter { field in
            if field.contains("type=\"hidden\"") || field.contains("type=\"submit\"") || field.contains("type=\"button\"") { return false }
            if wrapped.contains(field) || field.contains("aria-label=\"") || field.contains("aria-labelledby=\"") { return false }
            guard let id = field.firstMatch(of: /\bid="([^"]+)"/)?.output.1 else { return true }
            return !labelled.contains(String(id))
        }
    }

    /// The ids a page refers to (`aria-describedby`, `aria-labelledby`, `for`) that it does not have.
    static func danglingReferences(_ html: String) -> [String] {
        let ids = Set(html.matches(of: /\bid="([^"]+)"/).map { String($0.output.1) })
        let references = html.matches(of: /\b(?:aria-describedby|aria-labelledby|for)="([^"]+)"/)
            .flatMap { $0.output.1.split(separator: " ").map(String.init) }
        return references.filter { !ids.contains($0) }
    }

    @Test func theCheckCatchesWhatItLooksFor() {
        #expect(Self.unlabelled("<td><input name=\"weight_1\"></td>") == ["<input name=\"weight_1\">"])
        #expect(Self.unlabelled("<label>A <input name=\"a\"></label><label for=\"b\">B</label><input id=\"b\"><input aria-label=\"C\">").isEmpty)
        #expect(Self.danglingReferences("<input aria-describedby=\"x-error\">") == ["x-error"])
        #expect(Self.danglingReferences("<input aria-describedby=\"x-hint\"><p id=\"x-hint\">").isEmpty)
    }

    @Test func everyFieldOfEveryPageHasALabelAndEveryReferenceItsTarget() throws {
        let walk = try RouteWalk(database: try FixtureSchool.copy())
        try walk.walk(perRoute: 2)
        var pages = 0
        for (url, role, response) in walk.fetched where response.status == 200 && response.headers["content-type"]?.hasPrefix("text/html") == true {
            let html = response.text
            #expect(Self.unlabelled(html).isEmpty, "\(role) \(url): fields without a label \(Self.unlabelled(html).prefix(3))")
            #expect(Self.danglingReferences(html).isEmpty, "\(role) \(url): references to no element \(Self.danglingReferences(html))")
            pages += 1
        }
        #expect(pages > 100)
    }
}
