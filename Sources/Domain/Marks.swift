/// A mark's value and the weight of its work type, as averages need them.
public struct WeightedMark: Sendable, Equatable {
    public let value: Int
    public let weight: Double

    public init(value: Int, weight: Double) {
        self.value = value
        self.weight = weight
    }
}

/// The weighted average Σ(w·m)/Σw, or nil with no marks.
public func weightedAverage(_ marks: some Sequence<WeightedMark>) -> Double? {
    var sum = 0.0
    var weights = 0.0
    for m in marks {
        sum += m.weight * Double(m.value)
        weights += m.weight
    }
    return weights > 0 ? sum / weights : nil
}

/// How a weighted average becomes a period mark: the lowest average that earns a 3, a 4, a 5.
/// Commonly 2.5 / 3.5 / 4.5; some schools use 2.6 / 3.6 / 4.6. A school setting.
public struct RoundingRule: Sendable, Equatable {
    public let threshold3: Double
    public let threshold4: Double
    public let threshold5: Double

    public init(threshold3: Double, threshold4: Double, threshold5: Double) {
        self.threshold3 = threshold3
        self.threshold4 = threshold4
        self.threshold5 = threshold5
    }

    public static let standard = RoundingRule(threshold3: 2.5, threshold4: 3.5, threshold5: 4.5)

    /// The rule of a `rounding` setting: "2.5/3.5/4.5" or "2.6/3.6/4.6" (the standard one otherwise).
    public init(setting: String) {
        let t = setting.split(separator: "/").compactMap { Double($0) }
        self = t.count == 3 ? RoundingRule(threshold3: t[0], threshold4: t[1], threshold5: t[2]) : .standard
    }

    /// «от 2,5 — «3», от 3,5 — «4», от 4,5 — «5»», as the diary explains it.
    public var russian: String {
        [(threshold3, 3), (threshold4, 4), (threshold5, 5)].map { "от \(RussianNumber.weight($0.0)) — «\($0.1)»" }.joined(separator: ", ")
    }

    /// The period mark an average gives. Averages are compared after rounding to two
    /// decimals, so 3.4999… from floating point counts as the 3.50 a person would compute.
    public func periodMark(for average: Double) -> Int {
        let a = (average * 100).rounded() / 100
        if a >= threshold5 { return 5 }
        if a >= threshold4 { return 4 }
        if a >= threshold3 { return 3 }
        return 2
    }
}

/// What the marks give now and what it takes to reach the next period mark.
public struct Forecast: Sendable, Equatable {
    public let average: Double
    /// The period mark the average gives now.
    public let mark: Int
    /// The next mark up, or nil at 5.
    public let nextMark: Int?
    /// How many 5s of weight `weight` would lift the average to the next mark.
    public let fivesNeeded: Int?

    /// - Important: `weight` is the weight of the work type the student could next be marked in.
    public init?(marks: [WeightedMark], rule: RoundingRule = .standard, weight: Double = 2) {
        var sum = 0.0, weights = 0.0
        for m in marks {
            sum += m.weight * Double(m.value)
            weights += m.weight
        }
        guard weights > 0 else { return nil }
        average = sum / weights
        mark = rule.periodMark(for: average)
        guard mark < 5 else { nextMark = nil; fivesNeeded = nil; return }
        let next = mark + 1
        let target = [3: rule.threshold3, 4: rule.threshold4, 5: rule.threshold5][next]!
        nextMark = next
        // (sum + n·w·5) / (weights + n·w) ≥ target  ⇔  n ≥ (target·weights − sum) / (w·(5 − target))
        let n = ((target * weights - sum) / (weight * (5 - target)) - 1e-9).rounded(.up)
        fivesNeeded = max(1, Int(n))
    }
}

/// Numbers as Russian schools write them: a comma for the decimal point.
public enum RussianNumber {
    /// Two decimals: 3,57.
    public static func decimal(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100),\(pad(hundredths % 100, 2))"
    }

    /// A weight or threshold as short as it goes: 2, 1,5, 2,6.
    public static func weight(_ w: Double) -> String {
        if w == w.rounded() { return String(Int(w)) }
        let text = decimal(w)
        return text.hasSuffix("0") ? String(text.dropLast()) : text
    }
}

/// Σ(w·m)/Σw written out for a person: «(2×5 + 5×3) / (2 + 5) = 3,57».
public func averageFormula(_ marks: [WeightedMark]) -> String {
    let top = marks.map { "\(RussianNumber.weight($0.weight))×\($0.value)" }.joined(separator: " + ")
    let bottom = marks.map { RussianNumber.weight($0.weight) }.joined(separator: " + ")
    return "(\(top)) / (\(bottom)) = \(RussianNumber.decimal(weightedAverage(marks) ?? 0))"
}
