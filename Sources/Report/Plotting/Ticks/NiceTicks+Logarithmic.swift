import Foundation

extension NiceTicks {
    /// Ticks for a base-10 logarithmic axis over `lower...upper` (both > 0, in either
    /// order), at most `maximumCount` labelled ones.
    ///
    /// With three or more powers of ten in the range: every decade, or every second,
    /// third, … decade (the multiples of the stride) when there are more than
    /// `maximumCount`; the 2…9 multiples become unlabelled minor ticks when every decade
    /// is labelled. With fewer (a range of about two decades or less): 1×, 2× and 5×
    /// each decade are labelled when that gives 3 to `maximumCount` ticks, else the
    /// decades alone if there are two; failing both (a range inside one decade, say
    /// 3…8) the linear ticks of the range are used. Non-finite or non-positive bounds
    /// give no ticks.
    public static func logarithmic(
        lower: Double, upper: Double, maximumCount: Int = defaultMaximumCount
    ) -> AxisTicks {
        guard lower.isFinite, upper.isFinite, lower > 0, upper > 0 else { return .empty }
        let low = min(lower, upper)
        let high = max(lower, upper)
        guard low < high else { return singleTick(low, logarithmic: true) }
        let maximum = max(2, maximumCount)
        let lowLog = log10(low)
        let highLog = log10(high)
        let firstDecade = Int((lowLog - boundaryTolerance).rounded(.up))
        let lastDecade = Int((highLog + boundaryTolerance).rounded(.down))
        guard firstDecade >= -300, lastDecade <= 300 else { return .empty }

        let range = LogTickRange(low: low, high: high, firstDecade: firstDecade, lastDecade: lastDecade)
        if lastDecade - firstDecade + 1 < minimumDecadeTicks {
            let withIntermediates = range.multiples([1, 2, 5])
            if (3...maximum).contains(withIntermediates.count) {
                return range.ticks(major: withIntermediates, minorMantissas: [3, 4, 6, 7, 8, 9])
            }
            let decades = range.multiples([1])
            if (2...maximum).contains(decades.count) {
                return range.ticks(major: decades, minorMantissas: Array(2...9))
            }
            return linear(lower: low, upper: high, maximumCount: maximum)
        }

        var stride = 1
        while LogTickRange.multiplesCount(of: stride, from: firstDecade, to: lastDecade) > maximum {
            stride += 1
        }
        var exponents = (firstDecade...lastDecade).filter { $0 % stride == 0 }
        if exponents.count < 2 {
            exponents = [firstDecade, lastDecade]
        }
        let major = exponents.map { DecimalNumber(significand: 1, exponent: $0) }
        return range.ticks(major: major, minorMantissas: stride == 1 ? Array(2...9) : [])
    }
}

/// The decades and multiples of one logarithmic range.
struct LogTickRange {
    /// The lower bound, > 0.
    let low: Double
    /// The upper bound, > low.
    let high: Double
    /// The exponent of the first power of ten inside the range.
    let firstDecade: Int
    /// The exponent of the last power of ten inside the range.
    let lastDecade: Int

    /// Whether `value` lies in the range, allowing for rounding at the bounds.
    func contains(_ value: Double) -> Bool {
        value >= low * (1 - NiceTicks.boundaryTolerance) && value <= high * (1 + NiceTicks.boundaryTolerance)
    }

    /// The values `m × 10^e` inside the range for the given mantissas, in increasing order.
    func multiples(_ mantissas: [Int64]) -> [DecimalNumber] {
        var result: [DecimalNumber] = []
        for exponent in (firstDecade - 1)...lastDecade {
            for mantissa in mantissas {
                let decimal = DecimalNumber(significand: mantissa, exponent: exponent)
                if contains(decimal.doubleValue) {
                    result.append(decimal)
                }
            }
        }
        return result
    }

    /// Labelled ticks at `major` and minor ticks at the given mantissas of each decade.
    func ticks(major: [DecimalNumber], minorMantissas: [Int64]) -> AxisTicks {
        let labels = TickLabelFormatter.logarithmicLabels(major)
        let majorTicks = zip(major, labels).map { Tick(value: $0.doubleValue, label: $1) }
        let majorValues = Set(majorTicks.map(\.value))
        let minor = multiples(minorMantissas).map(\.doubleValue).filter { !majorValues.contains($0) }
        return AxisTicks(major: majorTicks, minor: minor)
    }

    /// How many multiples of `stride` lie in `first...last`.
    static func multiplesCount(of stride: Int, from first: Int, to last: Int) -> Int {
        func floorDivision(_ a: Int, _ b: Int) -> Int {
            let quotient = a / b
            return (a % b != 0 && a < 0) ? quotient - 1 : quotient
        }
        return floorDivision(last, stride) - floorDivision(first - 1, stride)
    }
}
