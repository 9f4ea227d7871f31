import HDF5
import ReportKit
import StageKit

extension JimenezResults {
    /// What the amended rules of docs/PROTOCOL.md §3.6 add to aggregate.h5:
    ///
    /// `/comparison` — the fits against the tangent λ per η (F fit series, E learning rates)
    /// - attributes `fit_series` [F], `tangent_series`
    /// - `median_difference` [F, E]: median over initialisations of λ_fit − λ_tangent of the same
    ///   run (nats/step; NaN where no run has both); `paired_count` [F, E]
    ///
    /// `/verdicts` — the claim judged by each rule (V rows: the first rule, then the amended ones)
    /// - attributes `rules`, `series`, `grids`, `tolerances`, `distance_units` [V] (strings),
    ///   `floors` [V] (nats/step), `tolerance_values` [V] (k grid steps or the factor r),
    ///   `source_grid` (the sweep's η on the source's grid)
    /// - `onset`, `argmin` [V] (η; NaN: none); `onset_interval`, `argmin_interval` [V, 2] (η);
    ///   `distance` [V], `distance_interval` [V, 2] (grid steps or ln η; NaN: undefined);
    ///   `verdict` [V] (strings)
    ///
    /// `/scale` (only when the scale check ran) — the same η at two training-set sizes (run 0:
    /// the main sweep restricted to those η; run 1: the reference runs at the larger size)
    /// - attributes `learning_rates` [Es], `series`, `floor`, `target_fraction`
    /// - `training_samples`, `initialisations` [2]; `threshold` [2]; `tau_median`,
    ///   `lambda_median` [2, Es] (steps, +∞: not reached; nats/step); `onset`, `argmin` [2] (η; NaN: none)
    public struct Amended: Sendable {
        public var comparison: Comparison
        public var verdicts: Verdicts
        public var scale: Scale?

        public init(comparison: Comparison, verdicts: Verdicts, scale: Scale?) {
            (self.comparison, self.verdicts, self.scale) = (comparison, verdicts, scale)
        }
    }

    /// Fit against tangent λ per η.
    public struct Comparison: Sendable {
        public var fitSeries: [String]
        public var tangentSeries: String
        public var medianDifference: Grid<Double>
        public var pairedCount: Grid<Int>
    }

    /// The claim judged by each ``ClaimRule``.
    public struct Verdicts: Sendable {
        public var rules: [String]
        public var series: [String]
        public var grids: [String]
        public var tolerances: [String]
        public var distanceUnits: [String]
        public var floors: [Double]
        /// k (grid steps) or r (a factor in η) per rule.
        public var toleranceValues: [Double]
        /// The sweep's η that lie on the source's grid.
        public var sourceGrid: [Double]
        public var onset: [Double]
        public var onsetInterval: Grid<Double>
        public var argmin: [Double]
        public var argminInterval: Grid<Double>
        public var distance: [Double]
        public var distanceInterval: Grid<Double>
        public var verdict: [String]

        /// The rows of `rules` and their `outcomes` (same order).
        init(_ rules: [ClaimRule], _ outcomes: [ClaimRule.Outcome], sourceGrid: [Double]) {
            self.sourceGrid = sourceGrid
            toleranceValues = rules.map { rule in
                switch rule.tolerance {
                case .gridSteps(let k): Double(k)
                case .factor(let r): r
                }
            }
            func bounds(_ range: ClosedRange<Double>?) -> [Double] { range.map { [$0.lowerBound, $0.upperBound] } ?? [.nan, .nan] }
            let v = rules.count
            self.rules = rules.map(\.label)
            series = rules.map(\.series)
            grids = rules.map(\.gridName)
            tolerances = rules.map { rule in
                switch rule.tolerance {
                case .gridSteps(let k): "\(k) grid step" + (k == 1 ? "" : "s")
                case .factor(let r): "a factor \(ReportNumber.exact(r)) in η"
                }
            }
            distanceUnits = rules.map { if case .gridSteps = $0.tolerance { "grid steps" } else { "ln η" } }
            floors = rules.map(\.floor)
            onset = outcomes.map { $0.onset ?? .nan }
            onsetInterval = Grid(values: outcomes.flatMap { bounds($0.onsetInterval) }, shape: [v, 2])
            argmin = outcomes.map { $0.argmin ?? .nan }
            argminInterval = Grid(values: outcomes.flatMap { bounds($0.argminInterval) }, shape: [v, 2])
            distance = outcomes.map { $0.distance ?? .nan }
            distanceInterval = Grid(values: outcomes.flatMap { bounds($0.distanceInterval) }, shape: [v, 2])
            verdict = outcomes.map { JimenezAggregation.text($0.verdict) }
        }

        init(
            rules: [String], series: [String], grids: [String], tolerances: [String], distanceUnits: [String], floors: [Double],
            toleranceValues: [Double], sourceGrid: [Double], onset: [Double], onsetInterval: Grid<Double>, argmin: [Double], argminInterval: Grid<Double>, distance: [Double],
            distanceInterval: Grid<Double>, verdict: [String]
        ) {
            (self.rules, self.series, self.grids, self.tolerances, self.distanceUnits) = (rules, series, grids, tolerances, distanceUnits)
            (self.toleranceValues, self.sourceGrid) = (toleranceValues, sourceGrid)
            (self.floors, self.onset, self.onsetInterval, self.argmin, self.argminInterval) = (floors, onset, onsetInterval, argmin, argminInterval)
            (self.distance, self.distanceInterval, self.verdict) = (distance, distanceInterval, verdict)
        }
    }

    /// Onset and argmin at two training-set sizes.
    public struct Scale: Sendable {
        public var learningRates: [Double]
        public var series: String
        public var floor: Double
        public var targetFraction: Double
        public var trainingSamples: [Int]
        public var initialisations: [Int]
        public var threshold: [Double]
        public var tauMedian: Grid<Double>
        public var lambdaMedian: Grid<Double>
        public var onset: [Double]
        public var argmin: [Double]
    }
}

extension JimenezResults.Amended {
    /// Writes `/comparison`, `/verdicts` and (if present) `/scale` under `root`.
    func write(into root: HDF5Group) throws {
        let c = ResultsGroupWriter(try root.createGroup("comparison"))
        try c.attribute("fit_series", .strings(comparison.fitSeries))
        try c.attribute("tangent_series", .string(comparison.tangentSeries))
        let fe = ["fit_series", "learning_rate"]
        try c.write("median_difference", comparison.medianDifference, dimensions: fe,
                    meaning: "median over initialisations of λ_fit − λ_tangent of the same run (nats/step; NaN: no run has both)")
        try c.write("paired_count", comparison.pairedCount, dimensions: fe, meaning: "runs with both an accepted fit and a tangent λ")

        let v = ResultsGroupWriter(try root.createGroup("verdicts"))
        for (name, values) in [
            ("rules", verdicts.rules), ("series", verdicts.series), ("grids", verdicts.grids), ("tolerances", verdicts.tolerances),
            ("distance_units", verdicts.distanceUnits),
        ] {
            try v.attribute(name, .strings(values))
        }
        try v.attribute("floors", .doubles(verdicts.floors))
        try v.attribute("tolerance_values", .doubles(verdicts.toleranceValues))
        try v.attribute("source_grid", .doubles(verdicts.sourceGrid))
        let count = verdicts.rules.count
        try v.write("onset", Grid(values: verdicts.onset, shape: [count]), dimensions: ["rule"], meaning: "onset η (NaN: none)")
        try v.write("onset_interval", verdicts.onsetInterval, dimensions: ["rule", "bound"], meaning: "paired-bootstrap interval of the onset η")
        try v.write("argmin", Grid(values: verdicts.argmin, shape: [count]), dimensions: ["rule"], meaning: "argmin η of the median τ (NaN: none)")
        try v.write("argmin_interval", verdicts.argminInterval, dimensions: ["rule", "bound"], meaning: "paired-bootstrap interval of the argmin η")
        try v.write("distance", Grid(values: verdicts.distance, shape: [count]), dimensions: ["rule"],
                    meaning: "argmin − onset in the rule's unit (distance_units; NaN: undefined)")
        try v.write("distance_interval", verdicts.distanceInterval, dimensions: ["rule", "bound"],
                    meaning: "paired-bootstrap interval of argmin − onset (NaN: undefined)")
        let verdict = try v.group.writeStrings("verdict", verdicts.verdict, shape: [count])
        try verdict.setAttribute("dimensions", .strings(["rule"]))
        try verdict.setAttribute("meaning", .string("the claim's verdict by each rule (ClaimRule)"))

        guard let scale else { return }
        let s = ResultsGroupWriter(try root.createGroup("scale"))
        try s.attribute("learning_rates", .doubles(scale.learningRates))
        try s.attribute("series", .string(scale.series))
        try s.attribute("floor", .double(scale.floor))
        try s.attribute("target_fraction", .double(scale.targetFraction))
        try s.write("training_samples", Grid(values: scale.trainingSamples, shape: [2]), dimensions: ["run"], meaning: "training images")
        try s.write("initialisations", Grid(values: scale.initialisations, shape: [2]), dimensions: ["run"], meaning: "initialisations")
        try s.write("threshold", Grid(values: scale.threshold, shape: [2]), dimensions: ["run"], meaning: "test accuracy τ counts to")
        let re = ["run", "learning_rate"]
        try s.write("tau_median", scale.tauMedian, dimensions: re, meaning: "median τ over initialisations (steps; +∞: not reached)")
        try s.write("lambda_median", scale.lambdaMedian, dimensions: re, meaning: "median λ of the series (nats/step)")
        try s.write("onset", Grid(values: scale.onset, shape: [2]), dimensions: ["run"], meaning: "onset η with the floor (NaN: none)")
        try s.write("argmin", Grid(values: scale.argmin, shape: [2]), dimensions: ["run"], meaning: "argmin η of the median τ (NaN: none)")
    }

    /// Reads the groups written by ``write(into:)`` for a sweep of `e` learning rates.
    static func read(_ file: HDF5File, learningRateCount e: Int) throws -> JimenezResults.Amended {
        let c = try ResultsGroupReader(file: file, group: "comparison")
        let fits = try c.strings("fit_series")
        let comparison = JimenezResults.Comparison(
            fitSeries: fits, tangentSeries: try c.string("tangent_series"),
            medianDifference: try c.doubleGrid("median_difference", shape: [fits.count, e]),
            pairedCount: try c.intGrid("paired_count", shape: [fits.count, e]))
        let v = try ResultsGroupReader(file: file, group: "verdicts")
        let rules = try v.strings("rules"), n = rules.count
        let verdicts = JimenezResults.Verdicts(
            rules: rules, series: try v.strings("series"), grids: try v.strings("grids"), tolerances: try v.strings("tolerances"),
            distanceUnits: try v.strings("distance_units"), floors: try v.doubles("floors"),
            toleranceValues: try v.doubles("tolerance_values"), sourceGrid: try v.doubles("source_grid"),
            onset: try v.doubleGrid("onset", shape: [n]).values, onsetInterval: try v.doubleGrid("onset_interval", shape: [n, 2]),
            argmin: try v.doubleGrid("argmin", shape: [n]).values, argminInterval: try v.doubleGrid("argmin_interval", shape: [n, 2]),
            distance: try v.doubleGrid("distance", shape: [n]).values, distanceInterval: try v.doubleGrid("distance_interval", shape: [n, 2]),
            verdict: try v.stringGrid("verdict", shape: [n]).values)
        var scale: JimenezResults.Scale?
        if try file.root.contains("scale") {
            let s = try ResultsGroupReader(file: file, group: "scale")
            let rates = try s.doubles("learning_rates")
            scale = JimenezResults.Scale(
                learningRates: rates, series: try s.string("series"), floor: try s.double("floor"),
                targetFraction: try s.double("target_fraction"),
                trainingSamples: try s.intGrid("training_samples", shape: [2]).values,
                initialisations: try s.intGrid("initialisations", shape: [2]).values,
                threshold: try s.doubleGrid("threshold", shape: [2]).values,
                tauMedian: try s.doubleGrid("tau_median", shape: [2, rates.count]),
                lambdaMedian: try s.doubleGrid("lambda_median", shape: [2, rates.count]),
                onset: try s.doubleGrid("onset", shape: [2]).values, argmin: try s.doubleGrid("argmin", shape: [2]).values)
        }
        return JimenezResults.Amended(comparison: comparison, verdicts: verdicts, scale: scale)
    }
}
