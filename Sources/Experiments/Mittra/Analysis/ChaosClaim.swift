import ReportKit

/// Claim 1 of the source paper (docs/PROTOCOL.md §2 E1): a large learning rate makes training
/// chaotic (λ > 0), except that ReLU can fall to λ = 0.
///
/// Rule (decided on fractions, docs/PROTOCOL.md §2 "Lessons from the first full run"): an
/// activation has a chaotic regime iff some (width, η) cell's 95 % Wilson interval of the
/// fraction of chaotic seeds (``ChaosRule`` with ``LossTrend``) has its lower end above
/// `rules.chaoticFractionLowerBound` (1/2: a majority of seeds is chaotic, beyond
/// sampling error). The claim is reproduced iff every activation other than ReLU has one,
/// partly iff some do. ReLU's "λ = 0" is checked at the largest η: its late-window
/// interval contains 0.
///
/// The first run's rule is kept beside it (``firstRunVerdict``): a cell is chaotic iff the
/// 95 % t interval of its mean late λ lies above 0 and at least `rules.chaoticFraction`
/// of its seeds is chaotic with the two-point "still falling".
public struct ChaosClaim: Sendable {
    /// What was found for one activation.
    public struct Finding: Sendable {
        /// The activation.
        public var activation: String
        /// The (width index, η index) cells that satisfy the rule.
        public var chaoticCells: [(width: Int, learningRate: Int)]
        /// The cells chaotic by the first run's rule.
        public var firstRunChaoticCells: [(width: Int, learningRate: Int)]
        /// The largest chaotic fraction over all cells.
        public var largestChaoticFraction: Double
        /// The largest lower Wilson bound over all cells.
        public var largestWilsonLow: Double
        /// The (width index, η index) cells whose early-window λ interval lies above 0
        /// but that are not chaotic by the rule: the plateau-escape transient of
        /// docs/PROTOCOL.md §2.
        public var transientOnlyCells: [(width: Int, learningRate: Int)]
        /// Whether some cell satisfies the rule.
        public var isChaotic: Bool { !chaoticCells.isEmpty }
        /// Whether some cell satisfies the first run's rule.
        public var isChaoticByFirstRunRule: Bool { !firstRunChaoticCells.isEmpty }
    }

    /// ReLU's late-window λ at the largest η of the figure width.
    public struct ReLUAtLargestRate: Sendable {
        /// The largest η of the grid.
        public var learningRate: Double
        /// The mean late-window λ.
        public var mean: Double
        /// The lower end of its 95 % t interval.
        public var low: Double
        /// The upper end of its 95 % t interval.
        public var high: Double
        /// Whether the interval contains 0 (the source's "ReLU falls to λ = 0").
        public var containsZero: Bool { low <= 0 && high >= 0 }
    }

    /// One finding per activation, in file order.
    public let findings: [Finding]
    /// ReLU at the largest η, nil without ReLU or the figure width.
    public let relu: ReLUAtLargestRate?
    /// The verdict by the rule above.
    public let verdict: Verdict
    /// The verdict by the first run's rule (t interval and two-point "still falling").
    public let firstRunVerdict: Verdict
    /// The activation name that the claim exempts.
    public static let exempt = "relu"

    /// Applies the rule to `sweep`: the late and early series and the width of `options`.
    public init(_ sweep: LearningRateSweep, options: FigureOptions, rules: VerdictRules) throws {
        let late = try sweep.seriesIndex(options.lateSeries)
        let early = try sweep.seriesIndex(options.earlySeries)
        findings = sweep.activations.indices.map { a in
            var cells: [(width: Int, learningRate: Int)] = []
            var firstRun: [(width: Int, learningRate: Int)] = []
            var largest = -Double.infinity
            var largestLow = -Double.infinity
            var transient: [(width: Int, learningRate: Int)] = []
            for w in sweep.widths.indices {
                for e in sweep.learningRates.indices {
                    let fraction = sweep.chaoticFraction[a, w, e]
                    if fraction.isFinite { largest = max(largest, fraction) }
                    let low = sweep.chaos.wilsonLow[a, w, e]
                    if low.isFinite { largestLow = max(largestLow, low) }
                    if sweep.lambda.tLow[late, a, w, e] > 0 && sweep.chaos.endPointFraction[a, w, e] >= rules.chaoticFraction {
                        firstRun.append((w, e))
                    }
                    if low > rules.chaoticFractionLowerBound {
                        cells.append((w, e))
                    } else if sweep.lambda.tLow[early, a, w, e] > 0 {
                        transient.append((w, e))
                    }
                }
            }
            return Finding(
                activation: sweep.activations[a], chaoticCells: cells, firstRunChaoticCells: firstRun,
                largestChaoticFraction: largest.isFinite ? largest : .nan, largestWilsonLow: largestLow.isFinite ? largestLow : .nan,
                transientOnlyCells: transient)
        }
        if let a = sweep.activations.firstIndex(of: Self.exempt), let w = sweep.widths.firstIndex(of: options.width),
            let e = sweep.learningRates.indices.last
        {
            relu = ReLUAtLargestRate(
                learningRate: sweep.learningRates[e], mean: sweep.lambda.mean[late, a, w, e],
                low: sweep.lambda.tLow[late, a, w, e], high: sweep.lambda.tHigh[late, a, w, e])
        } else {
            relu = nil
        }
        let judged = findings.filter { $0.activation != Self.exempt }
        verdict = Verdict.of(held: judged.filter(\.isChaotic).count, total: judged.count)
        firstRunVerdict = Verdict.of(held: judged.filter(\.isChaoticByFirstRunRule).count, total: judged.count)
    }

    /// The rule's verdict and the activations with a chaotic regime when the lower Wilson
    /// bound of cell (activation, width, η) is `low(a, w, e)`: what the sensitivity table
    /// recomputes for each threshold and trend window.
    public static func decide(
        _ sweep: LearningRateSweep, rules: VerdictRules, low: (Int, Int, Int) -> Double
    ) -> (verdict: Verdict, chaotic: [String]) {
        let chaotic = sweep.activations.indices.filter { a in
            sweep.widths.indices.contains { w in sweep.learningRates.indices.contains { e in low(a, w, e) > rules.chaoticFractionLowerBound } }
        }.map { sweep.activations[$0] }
        let judged = sweep.activations.filter { $0 != exempt }
        return (Verdict.of(held: judged.filter(chaotic.contains).count, total: judged.count), chaotic)
    }
}
