import Foundation

extension NiceTicks {
    /// Ticks at multiples of a step of 1, 2 or 5 × 10^k inside `lower...upper` (bounds
    /// in either order), at most `maximumCount` of them (at least 2 are allowed).
    ///
    /// A range of zero length gets one tick at its value; a non-finite bound gives no
    /// ticks. Labels use one notation for the whole axis (see `TickLabelFormatter`).
    public static func linear(
        lower: Double, upper: Double, maximumCount: Int = defaultMaximumCount
    ) -> AxisTicks {
        guard lower.isFinite, upper.isFinite else { return .empty }
        let low = min(lower, upper)
        let high = max(lower, upper)
        guard low < high else { return singleTick(low, logarithmic: false) }
        let span = high - low
        guard span.isFinite else { return .empty }
        let maximum = max(2, maximumCount)
        let minimum = min(preferredMinimumCount, maximum)
        let target = min(targetCount, Double(maximum))

        let baseExponent = Int((log10(span)).rounded(.down))
        var best: (step: LinearStep, score: Double)?
        // Steps in increasing order, so that `<=` resolves ties towards the larger step.
        for exponent in (baseExponent - 2)...(baseExponent + 1) {
            for mantissa: Int64 in [1, 2, 5] {
                guard let step = LinearStep(mantissa: mantissa, exponent: exponent, low: low, high: high)
                else { continue }
                let count = step.count
                let score: Double
                if count > maximum {
                    score = 1e9 + Double(count)
                } else if count < minimum {
                    score = 1e6 - Double(count)
                } else {
                    score = abs(Double(count) - target)
                }
                if best == nil || score <= best!.score {
                    best = (step, score)
                }
            }
        }
        guard let chosen = best?.step, chosen.count > 0 else { return .empty }
        let decimals = chosen.tickDecimals
        let labels = TickLabelFormatter.linearLabels(decimals)
        let major = zip(decimals, labels).map { Tick(value: $0.doubleValue, label: $1) }
        return AxisTicks(major: major)
    }
}

/// A candidate linear step `mantissa × 10^exponent` and the indices of its multiples
/// that fall inside a range.
struct LinearStep {
    /// 1, 2 or 5.
    let mantissa: Int64
    /// The power of ten.
    let exponent: Int
    /// The index of the first multiple inside the range.
    let firstIndex: Int64
    /// The index of the last multiple inside the range.
    let lastIndex: Int64

    /// The multiples of the step inside `low...high`, or `nil` when their indices are
    /// too large for exact decimal arithmetic.
    init?(mantissa: Int64, exponent: Int, low: Double, high: Double) {
        let step = DecimalNumber(significand: mantissa, exponent: exponent).doubleValue
        guard step.isFinite, step > 0 else { return nil }
        let first = (low / step - NiceTicks.boundaryTolerance).rounded(.up)
        let last = (high / step + NiceTicks.boundaryTolerance).rounded(.down)
        guard first.isFinite, last.isFinite,
              abs(first) <= NiceTicks.indexLimit, abs(last) <= NiceTicks.indexLimit
        else { return nil }
        self.mantissa = mantissa
        self.exponent = exponent
        self.firstIndex = Int64(first)
        self.lastIndex = Int64(last)
    }

    /// How many multiples lie inside the range.
    var count: Int { lastIndex >= firstIndex ? Int(lastIndex - firstIndex + 1) : 0 }

    /// The tick values as exact decimals.
    var tickDecimals: [DecimalNumber] {
        guard lastIndex >= firstIndex else { return [] }
        return (firstIndex...lastIndex).map { DecimalNumber(significand: $0 * mantissa, exponent: exponent) }
    }
}
