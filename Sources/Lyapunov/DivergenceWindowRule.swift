import Foundation

/// The stated, automatic rule that picks the fitting window of the divergence-fit
/// estimator (SCIENCE.md §1 (4): "the longest early stretch where a straight line
/// fits, with a stated rule").
///
/// Given the mean log-separation curve `y(t) = ⟨ln(d(t)/d(0))⟩`, `t = 0…T`:
/// 1. **Start.** The window starts at `fitStart` (default 0, the perturbation; a few
///    steps later skips the alignment transient of a random initial perturbation).
/// 2. **Saturation cut.** The excursion is the largest `|y(t) − y(start)|` over the
///    curve, reached first at `t*`: it is the saturation plateau (attractor size, or the
///    round-off floor for a contracting run) or, without a plateau, the end of the run.
///    If it exceeds `saturationMargin`, the window must end before the first `t` at which
///    `y` comes within `saturationMargin` of that extreme (default `ln 1000`: three
///    decades short of saturation, where the growth is still exponential). Otherwise
///    (a flat or slowly moving curve) the whole curve is eligible.
/// 3. **Straight line.** Among eligible ends `e ≥ start + minimumLength`, the window
///    ends at the largest `e` whose least-squares line over `start…e` has
///    `R² ≥ minimumRSquared` (default 0.99); a constant curve counts as `R² = 1`.
///
/// Outcomes: status ``EstimateStatus/saturated(step:)`` when fewer than
/// `minimumLength` eligible steps remain after the start; ``EstimateStatus/poorFit(rSquared:)``
/// when no eligible end passes step 3 (the longest eligible window is then used).
public struct DivergenceWindowRule: Sendable, Equatable, Codable {
    /// The first step of the window (steps since the perturbation).
    public var fitStart: Int
    /// The fewest steps a window may cover.
    public var minimumLength: Int
    /// The least `R²` the straight-line fit must reach.
    public var minimumRSquared: Double
    /// How far (in nats) the window must stay from the saturation level.
    public var saturationMargin: Double

    /// The rule with the given thresholds; the defaults are those stated above.
    public init(
        fitStart: Int = 0, minimumLength: Int = 5, minimumRSquared: Double = 0.99,
        saturationMargin: Double = log(1000.0)
    ) {
        self.fitStart = fitStart
        self.minimumLength = minimumLength
        self.minimumRSquared = minimumRSquared
        self.saturationMargin = saturationMargin
    }

    /// The window, its fit, and the rule's status for `curve` (index = steps since the perturbation).
    func select(_ curve: [Double]) -> (window: StepWindow, fit: LinearFit?, status: EstimateStatus) {
        let start = fitStart
        let last = curve.count - 1
        guard last - start >= minimumLength else {
            return (StepWindow(start: start, end: start), nil, .degenerate(step: max(last, 0), reason: .tooFewSteps))
        }
        var extremeStep = start
        for t in start...last where abs(curve[t] - curve[start]) > abs(curve[extremeStep] - curve[start]) {
            extremeStep = t
        }
        let excursion = curve[extremeStep] - curve[start]
        var eligibleEnd = last
        if abs(excursion) > saturationMargin {
            let direction: Double = excursion > 0 ? 1 : -1
            let threshold = abs(excursion) - saturationMargin
            if let near = (start...extremeStep).first(where: { direction * (curve[$0] - curve[start]) >= threshold }) {
                eligibleEnd = near - 1
            }
        }
        var accumulator = LinearFit.Accumulator()
        accumulator.add(t: Double(start), y: curve[start])
        var best: (end: Int, fit: LinearFit)?
        var eligibleFit: LinearFit?
        if eligibleEnd > start {
            for t in (start + 1)...eligibleEnd {
                accumulator.add(t: Double(t), y: curve[t])
                let fit = accumulator.fit
                if t - start >= minimumLength, fit.rSquared >= minimumRSquared {
                    best = (t, fit)
                }
            }
            eligibleFit = accumulator.fit
        }
        if eligibleEnd - start < minimumLength {
            return (StepWindow(start: start, end: max(eligibleEnd, start)), eligibleFit, .saturated(step: eligibleEnd + 1))
        }
        if let best {
            return (StepWindow(start: start, end: best.end), best.fit, .ok)
        }
        let fit = eligibleFit ?? LinearFit(slope: 0, intercept: curve[start], rSquared: 0)
        return (StepWindow(start: start, end: eligibleEnd), fit, .poorFit(rSquared: fit.rSquared))
    }
}
