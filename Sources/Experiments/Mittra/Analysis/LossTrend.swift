import Statistics

/// Whether the training loss is still falling over a window, by a trend test that a
/// fluctuating loss cannot trigger (docs/PROTOCOL.md §2, "Lessons from the first full run": a
/// difference of two end points calls a fluctuating chaotic loss "falling" about half
/// the time).
///
/// Rule. Fit the least-squares line L(t) ≈ a + b t to the losses L_s … L_e of the window
/// (every step, both ends included), with residual standard deviation s and slope
/// standard error se(b) (``Statistics/LinearFit``). Let D = −b (e − s) be the drop of the
/// *fitted line* over the window. The loss is still falling iff all three hold:
///
/// 1. b / se(b) < −k (the slope is negative and significant; k = ``defaultTStatistic``),
/// 2. D / (a + b s) > δ (the fitted relative drop exceeds δ = ``defaultRelativeDrop``,
///    the threshold of the first run's two-point rule),
/// 3. D / s ≥ r (the drop is large against the scatter about the line,
///    r = ``defaultDropToScatter``).
///
/// Condition 1 alone is not enough: the slope's t-statistic assumes independent
/// residuals and grows like n^{3/2}, so a long window of an autocorrelated fluctuation
/// can pass it. Condition 3 does not grow with n: a stationary fluctuation of scatter s
/// has a fitted drop of order s·√(12 τ/n) (τ its correlation time), well below 2 s.
/// A slow linear drift counts as falling iff its relative drop over the window exceeds δ
/// and clears the scatter; below δ it counts as settled. A window with a non-finite loss
/// (divergence) or a constant loss is not falling.
public struct LossTrend: Sendable, Equatable {
    /// k of condition 1.
    public var tStatistic: Double
    /// δ of condition 2.
    public var relativeDrop: Double
    /// r of condition 3.
    public var dropToScatter: Double

    /// Three standard errors.
    public static let defaultTStatistic = 3.0
    /// 0.1 % of the loss over the window, as in the first run's rule.
    public static let defaultRelativeDrop = 0.001
    /// Twice the residual scatter.
    public static let defaultDropToScatter = 2.0

    /// Creates the test with its thresholds.
    public init(
        tStatistic: Double = defaultTStatistic, relativeDrop: Double = defaultRelativeDrop,
        dropToScatter: Double = defaultDropToScatter
    ) {
        self.tStatistic = tStatistic
        self.relativeDrop = relativeDrop
        self.dropToScatter = dropToScatter
    }

    /// What the fit says about one window.
    public struct Fit: Sendable, Equatable {
        /// b / se(b); −∞ for a falling line without scatter.
        public var tStatistic: Double
        /// D / (a + b s), the fitted relative drop over the window.
        public var relativeDrop: Double
        /// D / s; +∞ for a falling line without scatter.
        public var dropToScatter: Double
    }

    /// The fit of `losses[start...end]` (steps as indices), nil when the window has fewer
    /// than three steps, a non-finite loss or a constant loss.
    public static func fit(_ losses: [Double], start: Int, end: Int) -> Fit? {
        guard start >= 0, end < losses.count, end - start >= 2 else { return nil }
        let y = Array(losses[start...end])
        guard y.allSatisfy(\.isFinite), let line = try? LinearFit(x: (start...end).map(Double.init), y: y) else { return nil }
        let drop = -line.slope * Double(end - start)
        let s = line.residualStandardDeviation
        let t = line.slopeStandardError > 0 ? line.slope / line.slopeStandardError : (line.slope < 0 ? -Double.infinity : .infinity)
        return Fit(
            tStatistic: t, relativeDrop: drop / line.predict(Double(start)),
            dropToScatter: s > 0 ? drop / s : (drop > 0 ? .infinity : -.infinity))
    }

    /// Whether the loss is still falling over steps `start…end` of `losses` by the rule above.
    public func isFalling(_ losses: [Double], start: Int, end: Int) -> Bool {
        guard let fit = Self.fit(losses, start: start, end: end) else { return false }
        return fit.tStatistic < -tStatistic && fit.relativeDrop > relativeDrop && fit.dropToScatter >= dropToScatter
    }

    /// The first run's rule (kept to show what changed): the relative drop between the two
    /// end points exceeds `threshold`.
    public static func fallsBetweenEndPoints(_ losses: [Double], start: Int, end: Int, threshold: Double) -> Bool {
        guard start >= 0, end < losses.count else { return false }
        return (losses[start] - losses[end]) / losses[start] > threshold
    }
}
