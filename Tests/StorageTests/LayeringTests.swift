import Foundation
import Testing

/// The layering the README promises, read from the sources themselves.
@Suite struct LayeringTests {
    static let sources: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Sources"
    }()

    /// Every Swift file under `Sources/<module>`, with its text.
    static func files(in module: String? = nil) throws -> [(path: String, text: String)] {
        let pipe = Pipe()
        let find = Process()
        find.executableURL = URL(fileURLWithPath: "/usr/bin/find")
        find.arguments = [sources + (module.map { "/" + $0 } ?? ""), "-name", "*.swift"]
        find.standardOutput = pipe
        try find.run()
        let list = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        find.waitUntilExit()
        return try list.split(separator: "\n").map { ($0.description, try String(contentsOfFile: String($0), encoding: .utf8)) }
    }

    @Test func noSQLOutsideStorage() throws {
        // Statements in one-line or multi-line literals alike: the keywords SQL is written with here.
        let sql = try Regex(#"\b(SELECT\b[^\n]*\bFROM\b|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|PRAGMA [a-z_]+|CREATE (TABLE|INDEX|TRIGGER))"#)
        // The pattern finds Storage's own statements (multi-line literals included), so it can find others.
        #expect(try Self.files(in: "Storage/Writers").filter { $0.text.contains(sql) }.count >= 3)
        let offenders = try Self.files().filter { !$0.path.contains("/Sources/Storage/") && $0.text.contains(sql) }.map(\.path)
        #expect(offenders.isEmpty, "SQL outside Storage: \(offenders)")
    }

    @Test func desksKnowNothingOfHTTPOrPages() throws {
        let files = try Self.files(in: "Desks")
        #expect(!files.isEmpty)
        for file in files {
            #expect(!file.text.contains("import HTTP") && !file.text.contains("import WebUI") && !file.text.contains("import Routing"), "\(file.path)")
        }
    }
}
