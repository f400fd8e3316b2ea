import Domain
@testable import Setup
import Testing

/// The CSV torture set: what Excel and people really send.
@Suite struct CSVReaderTests {
    func read(_ text: String) throws -> CSVTable { try CSVReader.read(Array(text.utf8)) }

    @Test func semicolonsCRLFAndBOM() throws {
        let t = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("Фамилия;Имя\r\nИванов;Пётр\r\n".utf8))
        #expect(t.encoding == "UTF-8 (BOM)" && t.separator == ";")
        #expect(t.header == ["Фамилия", "Имя"])
        #expect(t.rows.count == 1 && t.rows[0].fields == ["Иванов", "Пётр"] && t.rows[0].line == 2)
    }

    @Test func windows1251IsDetected() throws {
        // «Фамилия;Имя\nЁлкин;Щука» in Windows-1251.
        let bytes: [UInt8] = [0xD4, 0xE0, 0xEC, 0xE8, 0xEB, 0xE8, 0xFF, 0x3B, 0xC8, 0xEC, 0xFF, 0x0A,
                              0xA8, 0xEB, 0xEA, 0xE8, 0xED, 0x3B, 0xD9, 0xF3, 0xEA, 0xE0, 0x0A]
        let t = try CSVReader.read(bytes)
        #expect(t.encoding == "Windows-1251")
        #expect(t.header == ["Фамилия", "Имя"])
        #expect(t.rows[0].fields == ["Ёлкин", "Щука"])
    }

    @Test func commasAndQuotes() throws {
        let t = try read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
        #expect(t.separator == ",")
        #expect(t.rows[0].fields == ["x, y", "say \"hi\"", "two\nlines"])
        #expect(t.rows[1].fields == ["last", "", ""])
        #expect(t.rows[1].line == 4)  // the quoted line break is counted
    }

    @Test func emptyFilesAndBlankLines() throws {
        #expect(throws: InputError.self) { try read("") }
        #expect(throws: InputError.self) { try read("\r\n  \n") }
        let t = try read("a;b\n\n1;2\n;\n")
        #expect(t.rows.count == 1)
    }

    @Test func nulBytesHugeFieldsAndBrokenQuotes() throws {
        #expect { try CSVReader.read(Array("a;b\n1;\u{0}2\n".utf8)) } throws: { ($0 as? InputError)?.line == 2 }
        #expect { try read("a;b\n1;" + String(repeating: "я", count: 1001) + "\n") } throws: { ($0 as? InputError)?.line == 2 }
        #expect { try read("a;b\n1;\"open\n2;3\n") } throws: { ($0 as? InputError)?.description.contains("не закрыта") == true }
        #expect { try read("a;b\n1;x\"y\n") } throws: { ($0 as? InputError)?.line == 2 }
    }

    @Test func columnsMatchIgnoringCaseSpacesAndYo() throws {
        let t = try read("ФАМИЛИЯ; Класс ребенка \n")
        #expect(t.column("Фамилия") == 0)
        #expect(t.column("Класс ребёнка") == 1)
    }
}
