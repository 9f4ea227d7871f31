import Foundation

extension NiceTicks {
    /// Ticks for a symmetric-log axis (``AxisScale/symmetricLog(linearThreshold:)``) over
    /// `lower...upper`: 0 when inside the range, and the powers of ten ±10^k with
    /// 10^k ≥ `linearThreshold` inside it (inside the linear zone the decades crowd
    /// together, so none is labelled there). With more than `maximumCount` labels, only
    /// the decades whose exponent is a multiple of 2, 3, … are kept (0 always). Labels as
    /// on a logarithmic axis ("10⁻⁴", "−0.1"). Non-finite bounds or a threshold that is
    /// not positive give no ticks.
    public static func symmetricLog(
        lower: Double, upper: Double, linearThreshold: Double, maximumCount: Int = defaultMaximumCount
    ) -> AxisTicks {
        guard lower.isFinite, upper.isFinite, linearThreshold > 0, linearThreshold.isFinite else { return .empty }
        let low = min(lower, upper), high = max(lower, upper)
        let tolerance = boundaryTolerance
        /// The exponents k with threshold ≤ 10^k ≤ magnitude.
        func exponents(upTo magnitude: Double) -> [Int] {
            guard magnitude >= linearThreshold * (1 - tolerance) else { return [] }
            let first = Int((Foundation.log10(linearThreshold) - tolerance).rounded(.up))
            let last = Int((Foundation.log10(magnitude) + tolerance).rounded(.down))
            return first <= last ? Array(first...last) : []
        }
        let positive = high > 0 ? exponents(upTo: high) : []
        let negative = low < 0 ? exponents(upTo: -low) : []
        let hasZero = low <= 0 && high >= 0
        // Too many labels: drop the decades nearest the linear zone first (both signs of
        // an exponent together), where they crowd; 0 and the largest decades stay.
        var floor = Int.min
        func kept(_ list: [Int]) -> [Int] { list.filter { $0 >= floor } }
        while kept(positive).count + kept(negative).count + (hasZero ? 1 : 0) > max(2, maximumCount),
            let smallest = (kept(positive) + kept(negative)).min()
        {
            floor = smallest + 1
        }
        var values: [DecimalNumber] = kept(negative).reversed().map { DecimalNumber(significand: -1, exponent: $0) }
        if hasZero { values.append(DecimalNumber(significand: 0, exponent: 0)) }
        values += kept(positive).map { DecimalNumber(significand: 1, exponent: $0) }
        guard values.count >= 2 else { return linear(lower: low, upper: high, maximumCount: maximumCount) }
        let labels = TickLabelFormatter.logarithmicLabels(values)
        return AxisTicks(major: zip(values, labels).map { Tick(value: $0.doubleValue, label: $1) })
    }
}
