import Domain
import Foundation
@testable import Setup
import Storage
import Testing

/// What a school's files really hold (issue 16, item 6): the headers the README writes, a line
/// in another encoding, bad phones and addresses, files far too large.
@Suite struct ImportInputTests {
    static let readme: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return (try? String(contentsOfFile: path + "/README.md", encoding: .utf8)) ?? ""
    }()

    /// The README's table of import columns: kind → the column names as written there
    /// («Ребёнок (ФИО)», «Должность (учитель, …)»), required and optional.
    static func readmeColumns() -> [String: [String]] {
        var table: [String: [String]] = [:]
        for line in readme.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, let kind = cells[0].split(separator: "`").first.map(String.init) else { continue }
            table[kind] = (splitTopLevel(cells[1]) + splitTopLevel(cells[2])).filter { $0 != "—" && !$0.isEmpty }
        }
        return table
    }

    /// Splits at the commas outside parentheses.
    static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for ch in text {
            if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
            if ch == ",", depth == 0 { parts.append(current.trimmingCharacters(in: .whitespaces)); current = "" } else { current.append(ch) }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    @Test func theReadmeNamesExactlyTheColumnsEachKindReads() throws {
        let readme = Self.readmeColumns()
        for kind in CSVImport.Kind.allCases {
            let written = try #require(readme[kind.rawValue], "README has no row for \(kind.rawValue)")
            let known = CSVImport.columns(kind)
            // A header as the README writes it finds its column…
            let table = try CSVReader.read(Array(written.joined(separator: ";").utf8))
            for column in known { #expect(table.column(column) != nil, "\(kind.rawValue): «\(column)» read but not in the README") }
            // …and the README lists nothing the importer ignores.
            #expect(written.count == known.count, "\(kind.rawValue): README \(written) vs importer \(known)")
        }
    }

    func school() throws -> Database {
        let db = try Database.open(path: "/tmp/tabel-import-\(Int.random(in: 0..<1_000_000_000)).sqlite")
        _ = try SchoolSetup.initialize(db, SchoolSetup.Options(school: School(name: "Школа № 5"), startYear: 2026,
                                                               classes: try SchoolSetup.parseClasses("1А, 5А-5Б")), now: ImportTests.now)
        return db
    }

    func run(_ db: Database, _ kind: Importer.Kind, _ bytes: [UInt8]) throws -> ImportReport {
        try Importer(database: db, today: ImportTests.today, now: ImportTests.now).run(kind, bytes: bytes, dryRun: false)
    }

    func problems(_ body: () throws -> Any) -> [String] {
        do { _ = try body() } catch let failure as ImportFailure { return failure.problems.map(\.description) } catch { return ["\(error)"] }
        return []
    }

    @Test func guardiansWithTheReadmeHeaderAreImported() throws {
        let db = try school()
        _ = try run(db, .students, Array("Фамилия;Имя;Отчество;Класс\nИванов;Пётр;Сергеевич;5А\n".utf8))
        let report = try run(db, .guardians, Array("Фамилия;Имя;Ребёнок (ФИО);Класс ребёнка\nИванова;Мария;Иванов Пётр Сергеевич;5А\n".utf8))
        #expect(report.created == 1)
    }

    @Test func aWindows1251LineInAUTF8FileIsNamed() throws {
        let db = try school()
        // «Петрова;Анна;5Б» in Windows-1251 between two UTF-8 lines.
        let cp1251: [UInt8] = [0xCF, 0xE5, 0xF2, 0xF0, 0xEE, 0xE2, 0xE0, 0x3B, 0xC0, 0xED, 0xED, 0xE0, 0x3B, 0x35, 0xC1, 0x0A]
        let bytes = Array("Фамилия;Имя;Класс\nИванов;Пётр;5А\n".utf8) + cp1251 + Array("Сидоров;Олег;5А\n".utf8)
        #expect(problems { try run(db, .students, bytes) } == ["строка 3: не UTF-8 (похоже на Windows-1251): сохраните весь файл в одной кодировке"])
        #expect(try db.read { try $0.first("SELECT count(*) FROM person") { $0.int(0) } } == 0)
        // A whole file in Windows-1251 is still read as such.
        #expect(try CSVReader.read(Array([0xD4, 0xE0, 0xEC, 0x3B, 0xC8, 0xEC, 0xFF, 0x0A]) + cp1251).encoding == "Windows-1251")
    }

    @Test func phonesAndEmailsAreChecked() throws {
        let db = try school()
        let text = """
            Фамилия;Имя;Класс;Телефон;Email;Согласие
            Иванов;Пётр;5А;+7 (900) 000-00-01;ivanov@example.ru;01.09.2026
            Петров;Иван;5А;позвонить маме;;01.09.2026
            Смирнов;Олег;5А;;smirnov@;01.09.2026
            Кузнецов;Лев;5А;12;a b@c.ru;01.09.2026
            """
        #expect(problems { try run(db, .students, Array(text.utf8)) } == [
            "строка 3: «Телефон»: «позвонить маме» — ожидаются цифры (от 5 до 15), можно с +, пробелами, скобками и дефисами",
            "строка 4: «Email»: «smirnov@» — не адрес почты (ожидается вида name@example.ru)",
            "строка 5: «Телефон»: «12» — ожидаются цифры (от 5 до 15), можно с +, пробелами, скобками и дефисами",
        ])
        #expect(try db.read { try $0.first("SELECT count(*) FROM person") { $0.int(0) } } == 0)
    }

    @Test func aFileOverTheLimitIsRefusedBeforeItIsRead() throws {
        let path = "/tmp/tabel-import-big-\(Int.random(in: 0..<1_000_000_000)).csv"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("Фамилия;Имя;Класс\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        let started = Date()
        #expect { try CSVImport.readFile(path) } throws: { "\($0)".contains("больше 20 МБ") }
        #expect(Date().timeIntervalSince(started) < 0.5)
        // The same limit for bytes already in hand (an upload).
        #expect(problems { try CSVImport(kind: .students, bytes: [UInt8](repeating: 0x41, count: CSVImport.maxBytes + 1))
                               .run(try school(), today: ImportTests.today, dryRun: true, by: .console(at: ImportTests.now)) }
                == ["файл больше 20 МБ: разделите его на части"])
    }
}
