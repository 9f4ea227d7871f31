extension DivergenceWindowRule {
    /// The amended E4 window rule (docs/PROTOCOL.md §3.6, "The best-R² window can miss the
    /// growth"): the **steepest well-fitting window**. `fitStart` 1 (t = 0 excluded, as the
    /// earlier code does), windows of at least 5 points (`minimumLength` 4 steps) inside the
    /// same span as the earlier code's, steps 1…24 (`maximumLength` 23), accepted when
    /// `R² > 0.9`.
    ///
    /// Why: where ln⟨d(t)⟩ is convex (flat at first, steep later, as at η ≈ 1) the
    /// straightest window from step 1 is the flat beginning, and the best-R² rule reports
    /// its slope — several times below the tangent λ of the same run. Scanning start and
    /// width (as `GitKalo/ann_dynamics` scans the width) and keeping the steepest window
    /// that is still a straight line finds the growth phase on convex, concave and
    /// saturating curves alike; the length floor of 5 points (one more than the earlier
    /// code's shortest window) keeps a slope from resting on a jump between two steps.
    public static func steepestWellFitting(average: SeparationAverage) -> DivergenceWindowRule {
        DivergenceWindowRule(
            fitStart: 1, minimumLength: 4, minimumRSquared: 0.9, selection: .steepestWellFitting(maximumLength: 23),
            average: average)
    }

    /// ``WindowSelection/steepestWellFitting(maximumLength:)``: over every window `s…e` with
    /// `fitStart ≤ s`, `e − s ≥ minimumLength` and `e ≤ min(T, fitStart + maximumLength)`,
    /// the largest slope among the fits with `R² > minimumRSquared`; ties go to the earlier
    /// start, then the shorter window. Status `ok`; when no window fits well enough,
    /// ``EstimateStatus/poorFit(rSquared:)`` with the best-R² window of the same span
    /// (``selectBestRSquared(_:maximumLength:)``), so that the caller sees why.
    func selectSteepestWellFitting(_ curve: [Double], maximumLength: Int) -> (window: StepWindow, fit: LinearFit?, status: EstimateStatus) {
        let last = min(curve.count - 1, fitStart + maximumLength)
        var steepest: (window: StepWindow, fit: LinearFit)?
        if last - fitStart >= minimumLength {
            for start in fitStart...(last - minimumLength) {
                var accumulator = LinearFit.Accumulator()
                for t in start...last {
                    accumulator.add(t: Double(t), y: curve[t])
                    guard t - start >= minimumLength else { continue }
                    let fit = accumulator.fit
                    if fit.rSquared > minimumRSquared, steepest == nil || fit.slope > steepest!.fit.slope {
                        steepest = (StepWindow(start: start, end: t), fit)
                    }
                }
            }
        }
        if let steepest { return (steepest.window, steepest.fit, .ok) }
        return selectBestRSquared(curve, maximumLength: maximumLength)
    }
}
