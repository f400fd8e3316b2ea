import Foundation
import Testing
import WebUI

/// The API's JSON writer: escaping per RFC 8259, numbers, null, nesting and separators.
@Suite struct JSONBytesTests {
    func written(_ body: (inout JSONBytes) -> Void) -> String {
        var json = JSONBytes()
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    func string(_ text: String) -> String { written { $0.string(text) } }

    @Test func quotesBackslashesAndControlCharactersAreEscaped() {
        #expect(string(#"say "hi""#) == #""say \"hi\"""#)
        #expect(string(#"C:\path"#) == #""C:\\path""#)
        #expect(string("a\nb\rc\td\u{8}e\u{C}f") == #""a\nb\rc\td\be\ff""#)
        #expect(string("\u{0}\u{1}\u{1F}") == #""\u0000\u0001\u001f""#)
        #expect(string("a/b\u{7F}") == "\"a/b\u{7F}\"")  // no escape needed
    }

    @Test func cyrillicAndOtherTextPassAsUTF8() {
        #expect(string("Ёлка, «ёж» — Щука") == "\"Ёлка, «ёж» — Щука\"")
        #expect(string("😀 ∑") == "\"😀 ∑\"")
        #expect(string("") == "\"\"")
    }

    @Test func lineAndParagraphSeparatorsAreEscapedForJavaScript() {
        #expect(string("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        // Other characters that start with the same byte stay as they are.
        #expect(string("—…€") == "\"—…€\"")
    }

    @Test func everyStringReadsBackAsWritten() throws {
        let text = String((0..<128).map { Character(UnicodeScalar(UInt8($0))) }) + "Ёё\u{2028}\u{2029}😀\\\"/"
        let decoded = try JSONDecoder().decode([String].self, from: Data(written { $0.array([text]) { $0.string($1) } }.utf8))
        #expect(decoded == [text])
    }

    @Test func numbers() {
        #expect(written { $0.int(0) } == "0")
        #expect(written { $0.int(-42) } == "-42")
        #expect(written { $0.int(Int.max) } == "9223372036854775807")
        #expect(written { $0.int(Int.min) } == "-9223372036854775808")
        #expect(written { $0.number(4.5) } == "4.5")
        #expect(written { $0.number(2) } == "2")
        #expect(written { $0.number(4.33) } == "4.33")
        #expect(written { $0.number(0.1) } == "0.1")
        #expect(written { $0.number(1e-5) } == "1e-05")
        #expect(written { $0.number(.nan) } == "null")
        #expect(written { $0.number(.infinity) } == "null")
    }

    @Test func objectsAndArraysNestWithTheirSeparators() {
        let text = written { j in
            j.object { j in
                j.field("a", 1)
                j.field("b", "x")
                j.field("skipped", nil as String?)
                j.key("c")
                j.array([1, 2]) { j, n in j.object { $0.field("n", n) } }
                j.key("d")
                j.array([Int]()) { j, n in j.int(n) }
                j.key("e")
                j.object { _ in }
                j.key("f")
                j.null()
                j.field("g", true)
                j.field("h", 0.25)
            }
        }
        #expect(text == #"{"a":1,"b":"x","c":[{"n":1},{"n":2}],"d":[],"e":{},"f":null,"g":true,"h":0.25}"#)
    }
}
