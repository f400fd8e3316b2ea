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
