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
