/// Checks shared by the public entry points, so every function rejects bad input
/// with the same typed error instead of returning NaN.
enum InputValidation {
    /// Throws unless every value is finite.
    static func requireFinite(_ values: [Double], quantity: String) throws(StatisticsError) {
        for (index, value) in values.enumerated() where !value.isFinite {
            throw .nonFiniteValue(quantity: quantity, index: index, value: value)
        }
    }

    /// Throws unless there are at least `minimum` values and all are finite.
    static func requireSample(
        _ values: [Double], minimum: Int, quantity: String
    ) throws(StatisticsError) {
        guard values.count >= minimum else {
            throw .tooFewValues(quantity: quantity, required: minimum, actual: values.count)
        }
        try requireFinite(values, quantity: quantity)
    }

    /// Throws unless `x` and `y` have equal length ≥ `minimum` and are finite.
    static func requirePairs(
        _ x: [Double], _ y: [Double], minimum: Int, quantity: String
    ) throws(StatisticsError) {
        guard x.count == y.count else {
            throw .lengthMismatch(quantity: quantity, xCount: x.count, yCount: y.count)
        }
        guard x.count >= minimum else {
            throw .tooFewValues(quantity: quantity, required: minimum, actual: x.count)
        }
        try requireFinite(x, quantity: quantity + " (x values)")
        try requireFinite(y, quantity: quantity + " (y values)")
    }

    /// Throws unless `level` lies strictly between 0 and 1.
    static func requireLevel(_ level: Double) throws(StatisticsError) {
        guard level > 0, level < 1 else { throw .confidenceLevelOutOfRange(level) }
    }
}
