import Foundation
import Storage
import Testing

/// `tabel year new` and `tabel export` as the administrator runs them on the box.
extension CommandTests {
    @Test func yearNewAndExportHaveTheirHelp() throws {
        let help = try Self.run(["year", "new", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE: tabel year new [--db <db>] --starts <starts> [--dry-run]"))
        #expect(help.output.contains("  --starts <starts>       Первый день нового учебного года, ГГГГ-ММ-ДД (обычно\n                          1 сентября)."))
        #expect(help.output.contains("  --dry-run               Показать, что будет сделано, ничего не меняя."))
        #expect(help.output.contains("Прошлый год после этого только для\nчтения. С --dry-run ничего не записывается: печатается, что будет сделано."))
        let export = try Self.run(["export", "--help"])
        #expect(export.status == 0)
        #expect(export.output.contains("USAGE: tabel export [--db <db>] --year <year> --out <out>"))
        #expect(export.output.contains("  --year <year>           Год, в котором начался учебный год: 2026 — это\n                          2026/2027."))
        #expect(export.output.contains("  --out <out>             Каталог для файлов (создаётся, если его нет)."))
        let all = try Self.run(["--help"]).output
        #expect(all.contains("  year                    Учебный год: начать следующий."))
        #expect(all.contains("  export                  Выгрузить учебный год целиком: CSV (UTF-8 с BOM, «;»)"))
    }

    @Test func yearNewDryRunThenForRealThenExportTheOldYear() throws {
        let db = try TestSchool.copy()
        let path = db.path
        db.close()
        let wrong = try Self.run(["year", "new", "--db", path, "--starts", "1 сентября"])
        #expect(wrong.status != 0 && wrong.output.contains("--starts: дата в виде ГГГГ-ММ-ДД"))
        let early = try Self.run(["year", "new", "--db", path, "--starts", "2027-05-01"])
        #expect(early.status == 1 && early.output.contains("Новый учебный год начинается после окончания текущего (31.08.2027)."))

        let dry = try Self.run(["year", "new", "--db", path, "--starts", "2027-09-01", "--dry-run"])
        #expect(dry.status == 0, "\(dry.output)")
        #expect(dry.output.contains("Проверка (ничего не записано): учебный год 2027/2028 с 01.09.2027 по 31.08.2028."))
        #expect(dry.output.contains("10А → 11А"))
        let years = { try Database.open(path: path).read { try $0.academicYears().count } }
        #expect(try years() == 1)

        let real = try Self.run(["year", "new", "--db", path, "--starts", "2027-09-01"])
        #expect(real.status == 0, "\(real.output)")
        #expect(real.output.contains("Начат учебный год 2027/2028 с 01.09.2027 по 31.08.2028; 2026/2027 только для чтения."))
        #expect(try years() == 2)

        let out = temporaryPath("export")
        let export = try Self.run(["export", "--db", path, "--year", "2026", "--out", out])
        #expect(export.status == 0, "\(export.output)")
        let marks = try Data(contentsOf: URL(fileURLWithPath: out + "/marks.csv"))
        #expect(Array(marks.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: marks.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("id;lesson_id;date;subject;student_id;value;work_type;created_by;transferred\r\n"))
        for name in ["classes", "students", "enrolments", "subjects", "lessons", "absences", "final_marks", "audit"] {
            #expect(FileManager.default.fileExists(atPath: out + "/\(name).csv"), "\(name)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/2026-2027.json"))) as? [String: Any]
        #expect(json?["year"] as? String == "2026/2027")
        let tables = try #require(json?["tables"] as? [String: Any])
        #expect((tables["marks"] as? [Any])?.count == text.split(separator: "\r\n").count - 1)
        let missing = try Self.run(["export", "--db", path, "--year", "2019", "--out", out])
        #expect(missing.status == 1 && missing.output.contains("Учебного года 2019/2020 нет. Есть: 2026 (2026/2027), 2027 (2027/2028)."))
    }
}
