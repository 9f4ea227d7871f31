import Foundation

/// The stated, automatic rule that picks the fitting window of the divergence-fit
/// estimator (docs/PROTOCOL.md §1 (4): "the longest early stretch where a straight line
/// fits, with a stated rule"), and how the replicas are averaged into the fitted curve.
///
/// The curve `y(t)`, `t = 0…T`, is formed by ``average`` (default
/// ``SeparationAverage/meanOfLogarithms``: `⟨ln(d(t)/d(0))⟩`). The window is chosen by
/// ``selection``; the default, ``WindowSelection/longestBelowSaturation``, is:
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
///
/// The other selections: ``WindowSelection/bestRSquared(maximumLength:)``, the rule of
/// the E4 authors' earlier code (docs/PROTOCOL.md §3; see ``bestRSquared(average:)``), and
/// ``WindowSelection/steepestWellFitting(maximumLength:)``, the amended E4 rule that finds
/// the growth phase (see ``steepestWellFitting(average:)``).
public struct DivergenceWindowRule: Sendable, Equatable, Codable {
    /// The first step of the window (steps since the perturbation).
    public var fitStart: Int
    /// The fewest steps a window may cover.
    public var minimumLength: Int
    /// The least `R²` the straight-line fit must reach (`R² ≥` it for
    /// ``WindowSelection/longestBelowSaturation``; strictly `R² >` it for
    /// ``WindowSelection/bestRSquared(maximumLength:)``, as the source filters).
    public var minimumRSquared: Double
    /// How far (in nats) the window must stay from the saturation level
    /// (``WindowSelection/longestBelowSaturation`` only).
    public var saturationMargin: Double
    /// How candidate windows are searched and one is chosen.
    public var selection: WindowSelection
    /// How the replicas' separations are averaged into the fitted curve.
    public var average: SeparationAverage

    /// The rule with the given thresholds; the defaults are those stated above.
    public init(
        fitStart: Int = 0, minimumLength: Int = 5, minimumRSquared: Double = 0.99,
        saturationMargin: Double = log(1000.0), selection: WindowSelection = .longestBelowSaturation,
        average: SeparationAverage = .meanOfLogarithms
    ) {
        self.fitStart = fitStart
        self.minimumLength = minimumLength
        self.minimumRSquared = minimumRSquared
        self.saturationMargin = saturationMargin
        self.selection = selection
        self.average = average
    }

    /// The best-R² short-window rule of `GitKalo/ann_dynamics` (the E4 group's earlier
    /// study, Front. Complex Syst. 2024), which docs/PROTOCOL.md §3 takes for E4 because the
    /// paper publishes no rule: `fitStart` 1 (t = 0 excluded), windows of 4…24 points
    /// (`minimumLength` 3 … `maximumLength` 23 steps), acceptance `R² > 0.9`.
    ///
    /// What the source does (`report_figures.ipynb`, "Expansion rates" cells, commit
    /// 6190c27c3ccfe794a2e097f2deec8b88973ce462): the replica distances are averaged first
    /// (`ds += d; ds /= len(t2s)`); for `m` in `5…25` it fits `y = np.log(ds[1:m])` against
    /// `x = np.arange(1, m)` with `scipy.stats.linregress` (the comment "Exclude first
    /// step" drops t = 0); `R² = r²`; the window with `np.argmax` of `R²` is kept (the
    /// first maximum, i.e. the shortest window among exact ties); only fits with
    /// `best_slopes_r2 > r2_threshold = 0.9` enter the exponent distribution. There is no
    /// saturation cut: the 24-point cap and the `R²` criterion stand in for it (its MNIST
    /// runs saturate within about 5 steps for η ≥ 0.1, so a plateau spoils long windows).
    ///
    /// `average` chooses the convention: the source's ``SeparationAverage/logarithmOfMean``
    /// or docs/PROTOCOL.md §1 (4)'s ``SeparationAverage/meanOfLogarithms``; E4 reports both.
    public static func bestRSquared(average: SeparationAverage) -> DivergenceWindowRule {
        DivergenceWindowRule(
            fitStart: 1, minimumLength: 3, minimumRSquared: 0.9, selection: .bestRSquared(maximumLength: 23),
            average: average)
    }

    /// The last step of the curve the window search reads: `fitStart + maximumLength`
    /// for the windowed selections, nil for ``WindowSelection/longestBelowSaturation``
    /// (its saturation cut looks at the whole curve). Replicas run beyond it change no fit.
    public var lastStepRead: Int? {
        switch selection {
        case .longestBelowSaturation: nil
        case .bestRSquared(let length), .steepestWellFitting(let length): fitStart + length
        }
    }

    /// Throws unless the thresholds describe at least one candidate window.
    func validate() throws(LyapunovConfigurationError) {
        // Only the new selection is checked, so that the default rule accepts exactly the
        // settings it accepted before (other experiments' numbers must not change).
        let maximumLength: Int
        switch selection {
        case .longestBelowSaturation: return
        case .bestRSquared(let length), .steepestWellFitting(let length): maximumLength = length
        }
        try LyapunovConfigurationError.require(fitStart >= 0, "fitStart", fitStart, "it must be ≥ 0")
        try LyapunovConfigurationError.require(
            minimumLength >= 1, "minimumLength", minimumLength, "a line needs a window of at least 1 step (2 points)")
        try LyapunovConfigurationError.require(
            maximumLength >= minimumLength, "maximumLength", maximumLength, "it must be ≥ minimumLength (\(minimumLength))")
    }

    /// The window, its fit, and the rule's status for `curve` (index = steps since the perturbation).
    func select(_ curve: [Double]) -> (window: StepWindow, fit: LinearFit?, status: EstimateStatus) {
        switch selection {
        case .longestBelowSaturation: selectLongestBelowSaturation(curve)
        case .bestRSquared(let maximumLength): selectBestRSquared(curve, maximumLength: maximumLength)
        case .steepestWellFitting(let maximumLength): selectSteepestWellFitting(curve, maximumLength: maximumLength)
        }
    }

    /// ``WindowSelection/bestRSquared(maximumLength:)``: every window `fitStart…e` with
    /// `minimumLength ≤ e − fitStart ≤ maximumLength` (and `e ≤ T`); the largest `R²` wins,
    /// the shortest window on exact ties (`np.argmax`); `ok` when `R² > minimumRSquared`,
    /// else ``EstimateStatus/poorFit(rSquared:)`` with that best window and its fit kept,
    /// so that the caller sees why it was rejected.
    func selectBestRSquared(_ curve: [Double], maximumLength: Int) -> (window: StepWindow, fit: LinearFit?, status: EstimateStatus) {
        let start = fitStart
        let last = curve.count - 1
        guard last - start >= minimumLength else {
            return (StepWindow(start: start, end: start), nil, .degenerate(step: max(last, 0), reason: .tooFewSteps))
        }
        var accumulator = LinearFit.Accumulator()
        var best: (end: Int, fit: LinearFit)?
        for t in start...min(last, start + maximumLength) {
            accumulator.add(t: Double(t), y: curve[t])
            guard t - start >= minimumLength else { continue }
            let fit = accumulator.fit
            if best == nil || fit.rSquared > best!.fit.rSquared {
                best = (t, fit)
            }
        }
        let (end, fit) = best!
        let status: EstimateStatus = fit.rSquared > minimumRSquared ? .ok : .poorFit(rSquared: fit.rSquared)
        return (StepWindow(start: start, end: end), fit, status)
    }

    /// ``WindowSelection/longestBelowSaturation``: steps 1–3 above.
    private func selectLongestBelowSaturation(_ curve: [Double]) -> (window: StepWindow, fit: LinearFit?, status: EstimateStatus) {
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

/// How a divergence-fit rule searches its candidate windows (see ``DivergenceWindowRule``).
public enum WindowSelection: Sendable, Equatable, Codable {
    /// The longest straight stretch from `fitStart` that ends `saturationMargin` short of
    /// saturation (the default; steps 1–3 of ``DivergenceWindowRule``).
    case longestBelowSaturation
    /// The window `fitStart…e`, `minimumLength ≤ e − fitStart ≤ maximumLength`, with the
    /// largest `R²`, accepted when `R² > minimumRSquared` (``DivergenceWindowRule/bestRSquared(average:)``).
    case bestRSquared(maximumLength: Int)
    /// Every window `s…e` with `fitStart ≤ s`, `e − s ≥ minimumLength`, `e ≤ fitStart +
    /// maximumLength`: the largest slope among those with `R² > minimumRSquared`
    /// (``DivergenceWindowRule/steepestWellFitting(average:)``).
    case steepestWellFitting(maximumLength: Int)
}

/// How the replicas' separations `d_r(t)` are combined into the curve that is fitted
/// (docs/PROTOCOL.md §3: report both). By Jensen's inequality (ln is concave) the log of the
/// mean is never below the mean of the logs at the same `t`; they agree when all
/// replicas coincide.
public enum SeparationAverage: String, Sendable, Equatable, Codable, CaseIterable {
    /// `y(t) = ⟨ln(d_r(t)/d_r(0))⟩_r`, docs/PROTOCOL.md §1 (4) (the default). A zero `d_r(t)` in
    /// any replica is degenerate (its log is −∞).
    case meanOfLogarithms
    /// `y(t) = ln(⟨d_r(t)⟩_r / ⟨d_r(0)⟩_r)`, the convention of `GitKalo/ann_dynamics`
    /// (average d first, then take the log). Only a zero mean is degenerate.
    case logarithmOfMean
}
