/// Everything that can go wrong in the `Statistics` module, as a typed error that says
/// what is wrong and what to do about it.
///
/// Every public function that can fail throws `StatisticsError` (typed throws), so a
/// caller can switch over the cases exhaustively. `quantity` names the computation that
/// failed (e.g. `"sample variance"`) so the message can be read without a stack trace.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `quantity` needs at least `required` values but got `actual`.
    case tooFewValues(quantity: String, required: Int, actual: Int)
    /// The input to `quantity` holds a NaN or infinity at `index`.
    case nonFiniteValue(quantity: String, index: Int, value: Double)
    /// The paired inputs to `quantity` have different lengths.
    case lengthMismatch(quantity: String, xCount: Int, yCount: Int)
    /// A probability argument of `quantity` lies outside its allowed range.
    case probabilityOutOfRange(quantity: String, value: Double)
    /// A confidence level was not strictly between 0 and 1.
    case confidenceLevelOutOfRange(Double)
    /// A distribution parameter is not allowed (e.g. ν ≤ 0 or σ ≤ 0).
    case invalidParameter(quantity: String, name: String, value: Double)
    /// `variable` is constant, so `quantity` (a correlation or a slope) is undefined.
    case zeroVariance(quantity: String, variable: String)
    /// The grid passed to `quantity` is not strictly increasing at `index`.
    case gridNotIncreasing(quantity: String, index: Int)
    /// A bootstrap was asked for fewer than one resample.
    case invalidResampleCount(Int)
    /// The statistic was not finite on the original sample, or on every resample.
    case undefinedStatistic(quantity: String, detail: String)
    /// The continued fraction of the incomplete beta function did not converge.
    case continuedFractionDidNotConverge(a: Double, b: Double, x: Double, iterations: Int)

    public var description: String {
        switch self {
        case let .tooFewValues(quantity, required, actual):
            return "\(quantity) needs at least \(required) finite values but got \(actual); "
                + "collect more data or report this quantity as unavailable."
        case let .nonFiniteValue(quantity, index, value):
            return "\(quantity): input value at index \(index) is \(value); remove non-finite "
                + "values first (SampleSummary.summarize(_:nonFinite: .drop, …) does this and counts them)."
        case let .lengthMismatch(quantity, xCount, yCount):
            return "\(quantity) needs paired samples of equal length but got \(xCount) x values "
                + "and \(yCount) y values; pass the pairs aligned."
        case let .probabilityOutOfRange(quantity, value):
            return "\(quantity): probability \(value) is outside its allowed range; pass a value in [0, 1]."
        case let .confidenceLevelOutOfRange(level):
            return "confidence level \(level) must lie strictly between 0 and 1 (e.g. 0.95)."
        case let .invalidParameter(quantity, name, value):
            return "\(quantity): parameter \(name) = \(value) is not allowed; it must be finite and positive."
        case let .zeroVariance(quantity, variable):
            return "\(quantity) is undefined because \(variable) is constant; check the input or "
                + "report the quantity as unavailable."
        case let .gridNotIncreasing(quantity, index):
            return "\(quantity) needs x strictly increasing, but x[\(index)] ≤ x[\(index - 1)]; sort the grid "
                + "(and its y values with it) and remove duplicate x."
        case let .invalidResampleCount(count):
            return "a bootstrap needs at least one resample but was asked for \(count); use e.g. 2000."
        case let .undefinedStatistic(quantity, detail):
            return "\(quantity): \(detail)"
        case let .continuedFractionDidNotConverge(a, b, x, iterations):
            return "the incomplete beta continued fraction for a = \(a), b = \(b), x = \(x) did not converge "
                + "in \(iterations) iterations; report this input as a bug in the Statistics module."
        }
    }
}
