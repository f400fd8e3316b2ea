import Appliance
import Domain
import Foundation
import Storage
import Testing

/// The journal grid as the director sees it, compared with the reviewed snapshot in
/// `Snapshots/journal-grid.html`. After a deliberate change of the page, record it again with
/// `TABEL_RECORD_SNAPSHOTS=1 swift test --filter GridSnapshotTests`, look at the diff, commit.
@Suite struct GridSnapshotTests {
    static let file = CommandTests.packageRoot.appendingPathComponent("Tests/ApplianceTests/Snapshots/journal-grid.html")

    @Test func theGridMatchesItsSnapshot() throws {
        let database = try TestSchool.copy()
        let app = TestSchool.app(database)
        let (classID, subject, period) = try #require(try database.read { try $0.first("""
            SELECT a.class_id, a.subject_id, p.id FROM teaching_assignment a JOIN school_class c ON c.id = a.class_id
            JOIN subject s ON s.id = a.subject_id JOIN period p ON p.year_id = c.year_id AND p.scheme = c.period_scheme AND p.number = 1
            WHERE c.grade >= 5 AND a.group_id IS NULL ORDER BY c.grade, c.letter, s.name LIMIT 1
            """) { ($0.int(0), $0.int(1), $0.int(2)) } })
        let director = Client(app)
        _ = try director.signIn(TestSchool.login(.director).login)
        let page = try director.get("/journal/\(classID)/\(subject)?period=\(period)").text
        let start = try #require(page.range(of: "<main class=\"journal\">"))
        let end = try #require(page.range(of: "</main>", range: start.upperBound..<page.endIndex))
        // The session's form token is the only thing that differs between runs.
        let main = String(page[start.lowerBound..<end.upperBound])
            .replacing(/name="_csrf" value="[^"]*"/, with: "name=\"_csrf\" value=\"CSRF\"")
            .replacing("><", with: ">\n<")
        if ProcessInfo.processInfo.environment["TABEL_RECORD_SNAPSHOTS"] != nil {
            try main.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(main == expected, "the grid differs from Snapshots/journal-grid.html; record it again if the change is meant")
        // What the snapshot must show in any case.
        #expect(main.contains("data-editable=\"false\""))
        #expect(main.contains("<details>\n<summary>"))
        #expect(main.contains("<th class=\"name\" scope=\"row\">"))
    }
}
