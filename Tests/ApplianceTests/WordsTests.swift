import Desks
import Domain
import Foundation
import Routing
import Testing
@testable import Words

/// One message catalogue: page code holds no Russian of its own, every message has its English,
/// and the English is English.
@Suite struct WordsTests {
    /// The modules whose Swift sources are pages (or what pages are made of).
    static let pageModules = ["Appliance", "Journal", "Diary", "Kiosk", "WebUI", "Routing"]

    /// Not pages: the server's log lines, for the operator at the console (in Russian, as the CLI speaks).
    static let notPages = ["Sources/Appliance/Bootstrap.swift"]

    static var root: URL { CommandTests.packageRoot }

    /// Every Swift file under `Sources/<module>`, as a path from the package root, with its text.
    static func files(_ module: String) throws -> [(path: String, text: String)] {
        let folder = root.appendingPathComponent("Sources/\(module)")
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return try walk.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.map { url in
            (String(url.path.dropFirst(root.path.count + 1)), try String(contentsOf: url, encoding: .utf8))
        }.sorted { $0.path < $1.path }
    }

    static func isCyrillic(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    @Test func pageCodeHasNoRussianLiterals() throws {
        var offenders: [String] = []
        var scanned = 0
        for module in Self.pageModules {
            for file in try Self.files(module) {
                if Self.notPages.contains(file.path) { continue }
                scanned += 1
                for literal in SwiftLiterals(file.text).literals where Self.isCyrillic(literal.text) {
                    offenders.append("\(file.path):\(literal.line): \(literal.text.prefix(60))")
                }
            }
        }
        #expect(scanned > 30)
        #expect(offenders.isEmpty, "Russian in page code, not in Sources/Words:\n\(offenders.joined(separator: "\n"))")
    }

    /// The scanner itself: comments are skipped, interpolations and multi-line literals are read.
    @Test func theScannerFindsLiteralsAndSkipsComments() {
        let source = """
            /// «Комментарий»
            let a = "plain" // «и тут»
            /* блок */ let b = "\\(x ? "вложенная" : "")"
            let c = \"\"\"
                строка
                \"\"\"
            """
        let found = SwiftLiterals(source).literals.filter { Self.isCyrillic($0.text) }
        #expect(found.map(\.line) == [3, 4])
        #expect(found.map(\.text) == ["вложенная", "    строка"])
    }

    /// The English of every `pick` in the catalogue's sources is written without a Russian letter.
    @Test func theCataloguesEnglishHasNoRussianInItsSource() throws {
        var picks = 0
        var offenders: [String] = []
        for file in try Self.files("Words") {
            let source = SwiftLiterals(file.text)
            for start in source.pickArguments {
                picks += 1
                for literal in source.literalsOfSecondArgument(at: start) where Self.isCyrillic(literal.text) {
                    offenders.append("\(file.path):\(literal.line): \(literal.text.prefix(60))")
                }
            }
        }
        #expect(picks > 300)
        #expect(offenders.isEmpty, "Russian in the English of a message:\n\(offenders.joined(separator: "\n"))")
    }

    /// The English the catalogue builds from the domain's values reads without a Russian letter.
    @Test func englishOfTheDomainsValues() {
        let w = Words.english
        var texts: [String] = Role.allCases.map(w.role) + AbsenceCode.allCases.map(w.absence) + AuditAction.allCases.map(w.auditAction)
            + [AuditEntry.Via.page, .api, .import, .cli, .system].map(w.via) + JournalRefusal.allCases.map(w.refusal)
            + [AccountState.none, .neverSignedIn, .inUse].map(w.accountState)
        for d in SchoolSettings.definitions {
            texts += [w.settingMeaning(d), w.settingAllowed(d)] + d.choices.map { w.settingChoice(d, $0) }
        }
        for kind in [TimetableChange.Kind.substitution, .cancelled, .moved, .replaced, .added] {
            texts.append(w.changeKind(TimetableChange(className: "5А", bellNumber: 1, subject: "", kind: kind)))
        }
        let monday = CivilDate(year: 2026, month: 11, day: 23)!
        for n in 0..<12 {
            let d = monday.adding(days: n * 31)
            texts += [w.weekday(d), w.weekdayShort(d), w.longDate(d), w.date(d), w.shortDate(d), w.dayLine(d), w.schoolWeek(d.startOfWeek), w.month(d.month)]
        }
        texts += [w.decimal(3.575), w.weight(1.5), w.averageFormula([WeightedMark(value: 5, weight: 2), WeightedMark(value: 3, weight: 1.5)]),
                  w.rounding(.standard), w.bell(3), w.wait(1), w.wait(42), w.wait(3600), w.absenceCodeExpected.filter { !AbsenceCode.allCases.map(\.rawValue).contains(String($0)) }]
        texts += Words.exactMessages.values + Words.patternMessages.map(\.1)
        #expect(texts.count > 200)
        #expect(texts.filter { Self.isCyrillic($0) }.isEmpty, "\(texts.filter { Self.isCyrillic($0) })")
        #expect(texts.filter(\.isEmpty).isEmpty)
    }

    @Test func datesAndNumbersInEnglish() {
        let w = Words.english
        let d = CivilDate(year: 2026, month: 11, day: 23)!
        #expect(w.dayLine(d) == "Monday, 23 November 2026")
        #expect(w.date(d) == "23 Nov 2026" && w.shortDate(d) == "23\u{A0}Nov")
        #expect(w.schoolWeek(d) == "23–28 November 2026")
        #expect(w.schoolWeek(CivilDate(year: 2026, month: 11, day: 30)!) == "30 November – 5 December 2026")
        #expect(w.schoolWeek(CivilDate(year: 2029, month: 12, day: 31)!) == "31 December 2029 – 5 January 2030")
        #expect(w.decimal(3.5714) == "3.57" && w.weight(1.5) == "1.5")
        #expect(w.averageFormula([WeightedMark(value: 5, weight: 2), WeightedMark(value: 3, weight: 5)]) == "(2×5 + 5×3) / (2 + 5) = 3.57")
        #expect(w.rounding(.standard) == "3 from 2.5, 4 from 3.5, 5 from 4.5")
        // Russian stays what the domain writes.
        let r = Words.russian
        #expect(r.dayLine(d) == "Понедельник, 23 ноября 2026 г." && r.schoolWeek(d) == "23–28 ноября 2026 г.")
        #expect(r.averageFormula([WeightedMark(value: 5, weight: 2), WeightedMark(value: 3, weight: 5)]) == "(2×5 + 5×3) / (2 + 5) = 3,57")
    }

    /// Every message a desk, the domain or the HTTP layer raises in Russian has its English at
    /// the edge (an interpolated part stands for any value).
    @Test func everyRaisedMessageHasItsEnglish() throws {
        let raised = try Regex(#"(DeskError\.(invalid|notFound|credentials)\(|problems\[[^\]]+\] = |HTTPError(\.badRequest)?\((status: \d+, message: )?)$"#)
        var messages: [(where: String, text: String)] = []
        for module in ["Desks", "HTTP", "Domain"] {
            for file in try Self.files(module) {
                let source = SwiftLiterals(file.text)
                for literal in source.literals where Self.isCyrillic(literal.text) {
                    let before = source.code(before: literal)
                    guard before.contains(raised) || file.path.hasSuffix("Credentials.swift") && before.hasSuffix("return ") else { continue }
                    messages.append(("\(file.path):\(literal.line)", literal.textWithHoles("7")))
                }
            }
        }
        #expect(messages.count > 50)
        let unknown = messages.filter { !Words.knows($0.text) || Self.isCyrillic(Words.english.message($0.text)) }
        #expect(unknown.isEmpty, "No English for:\n\(unknown.map { "\($0.where): \($0.text)" }.joined(separator: "\n"))")
        #expect(Words.english.message("Человек № 12 не найден.") == "Person no. 12 not found.")
        #expect(Words.english.message("«x» не подходит; допустимо: от 1 до 60") == "“x” does not fit; allowed: from 1 to 60")
        #expect(Words.english.message("Перенесён с 12.11, 3-й урок") == "Moved from 12.11, lesson 3")
        #expect(Words.english.message("Замена: Петров П. П.") == "Substitute: Петров П. П.")
        #expect(Words.russian.message("Замена: Петров П. П.") == "Замена: Петров П. П.")
        #expect(Words.english.message("something else") == "something else")
        #expect(Words.knows(DeskError.markExists(id: 1).message) && Words.knows(DeskError.forbidden.message))
        // A desk's error as a page shows it beside its field.
        #expect(DeskError.refused(.periodClosed).message(in: .english) == Words.english.refusal(.periodClosed))
        #expect(DeskError.invalidFields(["a": "Тема длиннее 500 знаков.", "b": "Причина длиннее 500 знаков."]).message(in: .english)
            == "The topic is longer than 500 characters. The reason is longer than 500 characters.")
        #expect(DeskError.invalid("Такого урока нет.", field: "lesson").message(in: .russian) == "Такого урока нет.")
    }
}

/// The string literals of a Swift source, as the compiler would see them: comments skipped,
/// single-line, multi-line and raw literals read, interpolations' code scanned for literals of
/// its own. Enough of Swift's grammar for this project's sources, not all of it.
struct SwiftLiterals {
    struct Literal {
        let line: Int
        /// The literal's characters, interpolations left out.
        let text: String
        /// Where it starts in the source (its opening quote) and the parts between interpolations.
        let start: Int
        let parts: [String]

        /// The text with `hole` for each interpolation.
        func textWithHoles(_ hole: String) -> String { parts.joined(separator: hole) }
    }

    let scalars: [Unicode.Scalar]
    private(set) var literals: [Literal] = []
    /// Where the arguments of each `pick(` begin.
    private(set) var pickArguments: [Int] = []

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
        var cursor = Cursor(scalars: scalars)
        cursor.code(until: nil)
        literals = cursor.literals.sorted { $0.start < $1.start }
        pickArguments = cursor.picks
    }

    /// The code on the literal's line before it (to tell what it is passed to).
    func code(before literal: Literal) -> String {
        var i = literal.start
        while i > 0, scalars[i - 1] != "\n" { i -= 1 }
        return String(String.UnicodeScalarView(scalars[i..<literal.start]))
    }

    /// The literals of the second argument of the `pick(` whose arguments begin at `start`.
    func literalsOfSecondArgument(at start: Int) -> [Literal] {
        var first = Cursor(scalars: scalars, at: start)
        guard first.code(until: ",") == "," else { return [] }
        var second = Cursor(scalars: scalars, at: first.i + 1)
        second.line = first.line
        second.code(until: nil)
        return second.literals
    }

    struct Cursor {
        let scalars: [Unicode.Scalar]
        var i = 0
        var line = 1
        var literals: [Literal] = []
        var picks: [Int] = []

        init(scalars: [Unicode.Scalar], at start: Int = 0) {
            self.scalars = scalars
            i = start
            line = 1 + scalars[..<start].filter { $0 == "\n" }.count
        }

        func at(_ text: String, _ offset: Int = 0) -> Bool {
            let t = Array(text.unicodeScalars)
            guard i + offset + t.count <= scalars.count else { return false }
            return scalars[(i + offset)..<(i + offset + t.count)].elementsEqual(t)
        }

        mutating func step() {
            if scalars[i] == "\n" { line += 1 }
            i += 1
        }

        /// Code up to an unmatched `)` (or, with `stop` `","`, a comma outside brackets); what it stopped at.
        @discardableResult
        mutating func code(until stop: Unicode.Scalar?) -> Unicode.Scalar? {
            var depth = 0
            while i < scalars.count {
                let c = scalars[i]
                if at("//") {
                    while i < scalars.count, scalars[i] != "\n" { step() }
                } else if at("/*") {
                    var nested = 0
                    repeat {
                        if at("/*") { nested += 1; step() } else if at("*/") { nested -= 1; step() }
                        step()
                    } while i < scalars.count && nested > 0
                } else if c == "\"" || (c == "#" && (at("#\"") || at("##\""))) {
                    string()
                } else if c == "(" || c == "[" || c == "{" {
                    depth += 1
                    step()
                } else if c == ")" || c == "]" || c == "}" {
                    if depth == 0 { return c }
                    depth -= 1
                    step()
                } else if c == ",", depth == 0, stop == "," {
                    return c
                } else {
                    if at("pick("), i == 0 || !(scalars[i - 1].properties.isAlphabetic || scalars[i - 1] == "_") { picks.append(i + 5) }
                    step()
                }
            }
            return nil
        }

        /// A literal from its opening quote (or `#`) to its closing one.
        mutating func string() {
            let start = i, startLine = line
            var hashes = 0
            while scalars[i] == "#" { hashes += 1; step() }
            let multiline = at("\"\"\"")
            step(); if multiline { step(); step() }
            // A multi-line literal starts on the next line.
            if multiline { while i < scalars.count, scalars[i] != "\n" { step() }; step() }
            var parts: [String] = [""]
            let close = String(repeating: "\"", count: multiline ? 3 : 1) + String(repeating: "#", count: hashes)
            let escape = "\\" + String(repeating: "#", count: hashes)
            while i < scalars.count {
                if at(close) {
                    for _ in close.unicodeScalars { step() }
                    break
                }
                if at(escape) {
                    for _ in escape.unicodeScalars { step() }
                    if i < scalars.count, scalars[i] == "(" {
                        step()
                        code(until: nil)
                        step()
                        parts.append("")
                    } else if i < scalars.count {
                        parts[parts.count - 1].unicodeScalars.append(scalars[i])
                        step()
                    }
                    continue
                }
                parts[parts.count - 1].unicodeScalars.append(scalars[i])
                step()
            }
            if multiline, var last = parts.last {
                // The closing delimiter's line is not part of the text.
                while let end = last.unicodeScalars.last, end == " " { last.unicodeScalars.removeLast() }
                if last.hasSuffix("\n") { last.removeLast() }
                parts[parts.count - 1] = last
            }
            literals.append(Literal(line: startLine, text: parts.joined(), start: start, parts: parts))
        }
    }
}
