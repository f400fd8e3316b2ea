/// A mark's value on any of the school's scales (issue #12): 1–5, pass or fail (зачёт/незачёт),
/// and for final marks (итоговые отметки) «н/а» (not assessed) and «осв» (exempt).
///
/// The API writes 1–5 as an integer and the rest as the canonical Russian string ("зачёт",
/// "незачёт", "н/а", "осв"), in every language: JSON values never change with the page's.
public enum MarkValue: Hashable, Sendable {
    case mark(Int)
    case pass(Bool)
    case notAssessed
    case exempt

    public static let passed = MarkValue.pass(true)
    public static let failed = MarkValue.pass(false)

    /// The canonical text: "5", "зачёт", "незачёт", "н/а", "осв".
    public var text: String {
        switch self {
        case let .mark(v): String(v)
        case .pass(true): "зачёт"
        case .pass(false): "незачёт"
        case .notAssessed: "н/а"
        case .exempt: "осв"
        }
    }

    /// The 1–5 value; nil for everything that never enters an average.
    public var number: Int? { if case let .mark(v) = self { v } else { nil } }

    /// «н/а» and «осв»: a final mark's values that are neither a mark nor a pass.
    public var isSpecial: Bool { self == .notAssessed || self == .exempt }

    /// A class for the badge's colour: m1…m5, mp (pass), mf (fail), mx (н/а, осв).
    public var cssClass: String {
        switch self {
        case let .mark(v): "m\(v)"
        case .pass(true): "mp"
        case .pass(false): "mf"
        case .notAssessed, .exempt: "mx"
        }
    }

    /// The canonical text (as the API takes it: "зачёт", also "зачет" without the dot).
    public init?(text: String) {
        switch text.trimmingWhitespace.lowercased() {
        case "1", "2", "3", "4", "5": self = .mark(Int(text.trimmingWhitespace)!)
        case "зачёт", "зачет": self = .passed
        case "незачёт", "незачет": self = .failed
        case "н/а": self = .notAssessed
        case "осв": self = .exempt
        default: return nil
        }
    }

    /// What a teacher types in a field: a digit, or «з»/«зач»/«зачёт»/«+» for a pass,
    /// «н»/«нз»/«незач»/«незачёт»/«-» for a fail, «на»/«н/а» and «осв»/«о». Latin letters of
    /// the same keys in the wrong layout (p for з) count too.
    public static func typed(_ raw: String) -> MarkValue? {
        let t = raw.trimmingWhitespace.lowercased()
        if let exact = MarkValue(text: t) { return exact }
        switch t {
        case "з", "зач", "зач.", "+", "p", "pass": return .passed
        case "н", "нз", "н/з", "незач", "незач.", "-", "−", "fail": return .failed
        case "на", "н.а.", "n/a", "na": return .notAssessed
        case "о", "осв.", "освобождён", "освобожден", "exempt": return .exempt
        default: return nil
        }
    }

    /// The grid's keys for a pass: «з», its Latin key in the wrong layout (p), and +. A fail is
    /// − (minus): «н» stays an absence in every grid.
    public static let passKeys = ["з", "p", "+"]
    public static let failKeys = ["-", "−"]

    /// The columns of a `mark` or `period_mark` row: value, passed, special.
    public var stored: (value: Int?, passed: Bool?, special: String?) {
        switch self {
        case let .mark(v): (v, nil, nil)
        case let .pass(p): (nil, p, nil)
        case .notAssessed: (nil, nil, "na")
        case .exempt: (nil, nil, "exempt")
        }
    }

    public init?(value: Int?, passed: Bool?, special: String? = nil) {
        if let value { self = .mark(value) } else if let passed { self = .pass(passed) } else if special == "na" { self = .notAssessed } else if special == "exempt" { self = .exempt } else { return nil }
    }

    /// Whether a mark in a lesson's column of a subject on `scale` may have this value.
    public func fitsLesson(_ scale: SubjectScale) -> Bool {
        switch (self, scale) {
        case let (.mark(v), .marks): MarkScale.values.contains(v)
        case (.pass, .passFail): true
        default: false
        }
    }

    /// Whether a period, year, exam or final mark of a subject on `scale` may have this value
    /// («н/а» and «осв» on either scale).
    public func fitsFinal(_ scale: SubjectScale) -> Bool {
        isSpecial ? scale != .unmarked : fitsLesson(scale)
    }

    /// The values a final mark of a subject on `scale` may take, best first.
    public static func finalChoices(_ scale: SubjectScale) -> [MarkValue] {
        switch scale {
        case .marks: [.mark(5), .mark(4), .mark(3), .mark(2), .mark(1), .notAssessed, .exempt]
        case .passFail: [.passed, .failed, .notAssessed, .exempt]
        case .unmarked: []
        }
    }
}

extension MarkValue: Codable {
    /// 1–5 as a JSON integer, the rest as its canonical string.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Int.self) {
            // Off the scale (0, 6) is the desk's to refuse, with 422 `invalid_value`.
            self = .mark(v)
            return
        }
        guard let v = MarkValue(text: try c.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "зачёт, незачёт, н/а, осв")
        }
        self = v
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let n = number { try c.encode(n) } else { try c.encode(text) }
    }
}

/// How a final mark (итоговая) follows from the year and exam marks — the rule of the Russian
/// certificate (приказ Минпросвещения о порядке выдачи аттестатов): without an exam, the
/// year mark; with one, the mean of the two rounded half up (4 and 3 give 4). On a pass/fail
/// scale a pass needs both; «осв» in the exam leaves the year mark, «н/а» in either gives «н/а».
/// Shown as a suggestion: the teacher sets the final mark.
public enum FinalMarkRule {
    public static func suggest(year: MarkValue?, exam: MarkValue?) -> MarkValue? {
        guard let year else { return nil }
        guard let exam, exam != .exempt else { return year }
        switch (year, exam) {
        case (.notAssessed, _), (_, .notAssessed): return .notAssessed
        case (.exempt, _): return exam
        case let (.mark(y), .mark(e)): return .mark((y + e + 1) / 2)
        case let (.pass(y), .pass(e)): return .pass(y && e)
        default: return year
        }
    }
}

extension PeriodMarkKind {
    /// The year's marks a class subject's table has a column for: the year's, the exam's and
    /// the final. Exam marks are for grades 9 and 11 (DOMAIN.md); in another grade the exam
    /// column shows only where an exam mark was entered (a school's transfer exam, by the API).
    public static func yearKinds(grade: Int, anyExamMark: Bool) -> [PeriodMarkKind] {
        [9, 11].contains(grade) || anyExamMark ? [.year, .exam, .final] : [.year, .final]
    }
}

extension MarkValue: ExpressibleByIntegerLiteral {
    /// `5` is `.mark(5)`: tests and the demo write marks as numbers.
    public init(integerLiteral value: Int) { self = .mark(value) }
}
