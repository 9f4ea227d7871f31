/// "Nice" tick positions and labels for an axis range.
///
/// Linear axes get steps of 1, 2 or 5 × 10^k, in the spirit of P. S. Heckbert, "Nice
/// numbers for graph labels", Graphics Gems (1990), choosing among those steps the one
/// whose tick count is nearest to ``targetCount`` within
/// [``preferredMinimumCount``, `maximumCount`]. Logarithmic axes get decades, with the
/// 2× and 5× multiples labelled too when fewer than ``minimumDecadeTicks`` powers of
/// ten fall in the range (about two decades or less).
/// All ticks lie inside the given range; the range itself is never changed.
public enum NiceTicks {
    /// The default largest number of labelled ticks.
    public static let defaultMaximumCount = 8
    /// The smallest number of labelled ticks preferred when a step allows it.
    public static let preferredMinimumCount = 4
    /// The tick count that a linear axis aims at.
    public static let targetCount = 5.5
    /// With fewer powers of ten than this in its range, a logarithmic axis also labels
    /// the 2× and 5× multiples.
    public static let minimumDecadeTicks = 3

    /// The tolerance, in units of the step, with which a tick on the range boundary
    /// counts as inside despite rounding.
    static let boundaryTolerance = 1e-9
    /// Tick indices above this magnitude would exceed the exact integer range of the
    /// decimal arithmetic; such steps are not considered.
    static let indexLimit = 1e15

    /// The tick of a range of zero length: a single labelled tick at the value.
    static func singleTick(_ value: Double, logarithmic: Bool) -> AxisTicks {
        guard let decimal = DecimalNumber(shortestRepresentationOf: value) else { return .empty }
        let label = logarithmic
            ? TickLabelFormatter.logarithmicLabels([decimal])[0]
            : TickLabelFormatter.linearLabels([decimal])[0]
        return AxisTicks(major: [Tick(value: value, label: label)])
    }
}
