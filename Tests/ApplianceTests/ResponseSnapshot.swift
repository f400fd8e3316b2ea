import Foundation
import HTTP
import Testing

/// Whole-response snapshots: the status line, the headers, a blank line and the body, compared
/// with a reviewed file under `Tests/ApplianceTests/Snapshots/`. After a deliberate change of a
/// page, record again with `TABEL_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshots`, read
/// the diff, commit.
enum ResponseSnapshot {
    static let directory = CommandTests.packageRoot.appendingPathComponent("Tests/ApplianceTests/Snapshots")
    static let recording = ProcessInfo.processInfo.environment["TABEL_RECORD_SNAPSHOTS"] != nil

    /// The response as the snapshot file holds it. Replaced: what differs from run to run (form
    /// tokens, cookie values, the kiosk clock's milliseconds: the school clock runs on from its
    /// fixed start) and the assets' versions in their addresses (a changed stylesheet is not a
    /// changed page).
    static func text(_ response: Response) -> String {
        var lines = ["\(response.status) \(HTTPError.reason(response.status))"]
        for field in response.headers.fields {
            var value = field.value
            if field.name.lowercased() == "set-cookie" {
                value = value.replacing(/^([^=;]+)=[^;]+/) { "\($0.1)=…" }
            }
            lines.append("\(field.name): \(value)")
        }
        let body = response.text
            .replacing(/name="_csrf" value="[^"]*"/, with: "name=\"_csrf\" value=\"…\"")
            .replacing(/(\/static\/[^"?]+)\?v=[0-9a-f]+/) { "\($0.1)?v=…" }
            .replacing(/data-now="[0-9]+"/, with: "data-now=\"…\"")
        return lines.joined(separator: "\n") + "\n\n" + body + (body.hasSuffix("\n") || body.isEmpty ? "" : "\n")
    }

    /// Compares `response` with `Snapshots/<name>.txt` (writes it when recording) and fails
    /// naming the file and the first line that differs.
    static func check(_ response: Response, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent("\(name).txt")
        let actual = text(response)
        if recording {
            #expect(throws: Never.self, sourceLocation: sourceLocation) { try actual.write(to: file, atomically: true, encoding: .utf8) }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot Snapshots/\(name).txt: record it with TABEL_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("""
            Snapshots/\(name).txt differs at line \(line + 1):
              expected: \(line < e.count ? String(e[line]) : "(end of file)")
              actual:   \(line < a.count ? String(a[line]) : "(end of response)")
            record again with TABEL_RECORD_SNAPSHOTS=1 if the change is meant
            """, sourceLocation: sourceLocation)
    }
}
