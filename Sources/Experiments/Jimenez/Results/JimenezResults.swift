import HDF5
import ReportKit
import StageKit

/// Everything `data/jimenez/aggregate.h5` holds: experiment E4 of docs/PROTOCOL.md §3 (transient
/// chaos and training speed). The one type that writes the file (the `aggregate` task)
/// and reads it (the `figures` and `section` tasks, the tests). Every dataset carries
/// `dimensions` (one name per axis) and `meaning` attributes; the root carries the writing
/// stage's `provenance`.
///
/// Layout (E learning rates, S λ series, C fit conventions, A tangent series compared,
/// K accuracy targets, T+1 recorded steps):
///
/// `/sweep` — what was run, read from the input files themselves
/// - attributes `dataset` (name), `training_samples`, `test_samples`, `initialisation_count`,
///   `replica_count`, `steps`, `parameter_count`, `learning_rates` [E]
///
/// `/exponents` — λ(η) over initialisations
/// - attributes `series` [S] (the conventions first, then the tangent series), `conventions` [C],
///   `primary_convention`, `tangent_series` [A], `onset_level`, `onset_resamples`,
///   `minimum_accepted_fraction`
/// - `median`, `q25`, `q75` [S, E] (nats/step; NaN where no estimate was accepted), `accepted` [S, E]
/// - `onset_median`, `onset_low`, `onset_high` [C, E]: the median λ and its percentile-bootstrap
///   interval (``ChaosOnset``; NaN where fewer than the minimum fraction of fits was accepted)
/// - `onset_index` [C]: grid index of the onset η, −1 when no η qualifies
/// - `agreement_median_abs_difference` [C, A], `agreement_count` [C, A] (``TangentAgreement``)
///
/// `/training_time` — τ(η), the first step with test accuracy ≥ target
/// - attributes `targets` [K] (labels), `best_accuracy`
/// - `threshold` [K]; `median`, `q25`, `q75` [K, E] (steps; +∞ = not reached, censored);
///   `censored` [K, E]; `argmin_index` [K] (−1 when no median is reached)
///
/// `/bootstrap` — the paired bootstrap of onset and argmin (``OnsetBootstrap``)
/// - attributes `resamples`, `inner_resamples`, `level`, `tolerance` (grid steps)
/// - `onset_interval`, `argmin_interval`, `difference_interval` [C, K, 2] (grid indices /
///   grid steps; NaN when undefined); `undefined_fraction` [C, K, 3] (onset, argmin, difference)
/// - `verdict` [C, K] (strings, ``TransientChaosVerdict``)
///
/// `/curves` — the per-step curves of the figure (``StepCurves``)
/// - `mean_log_divergence` [E, T_R+1]: ⟨ln d(t)/d(0)⟩ over the steps the replicas ran;
///   `median_test_accuracy` [E, T+1]
///
/// `/comparison`, `/verdicts`, `/scale` — the amended rules of docs/PROTOCOL.md §3.6 (``Amended``).
///
/// `/sensitivity` — the onset and verdict again with a threshold δ on λ (H thresholds;
/// primary convention and target only; added after the verdict was seen, never replacing it)
/// - attributes `thresholds` [H] (nats/step), `convention`, `target`
/// - `onset_index` [H] (−1: none); `onset_interval`, `difference_interval` [H, 2] (NaN: undefined);
///   `verdict` [H]
public struct JimenezResults: Sendable {
    /// The sweep as the input files describe it.
    public struct Sweep: Sendable, Equatable {
        public var dataset: String
        public var trainingSamples: Int
        public var testSamples: Int
        public var initialisationCount: Int
        public var replicaCount: Int
        public var steps: Int
        public var parameterCount: Int
        /// The η grid, ascending.
        public var learningRates: [Double]

        public init(
            dataset: String, trainingSamples: Int, testSamples: Int, initialisationCount: Int, replicaCount: Int, steps: Int,
            parameterCount: Int, learningRates: [Double]
        ) {
            (self.dataset, self.trainingSamples, self.testSamples) = (dataset, trainingSamples, testSamples)
            (self.initialisationCount, self.replicaCount, self.steps) = (initialisationCount, replicaCount, steps)
            (self.parameterCount, self.learningRates) = (parameterCount, learningRates)
        }
    }

    /// λ(η) over initialisations.
    public struct Exponents: Sendable {
        public var series: [String]
        public var conventions: [String]
        public var primaryConvention: String
        public var tangentSeries: [String]
        public var onsetLevel: Double
        public var onsetResamples: Int
        public var minimumAcceptedFraction: Double
        public var median: Grid<Double>
        public var q25: Grid<Double>
        public var q75: Grid<Double>
        public var accepted: Grid<Int>
        public var onsetMedian: Grid<Double>
        public var onsetLow: Grid<Double>
        public var onsetHigh: Grid<Double>
        /// Grid index of the onset per convention, −1 for none.
        public var onsetIndex: [Int]
        public var agreementMedianAbsoluteDifference: Grid<Double>
        public var agreementCount: Grid<Int>

        /// The row of `name` in ``series``.
        public func seriesIndex(_ name: String) throws -> Int {
            guard let index = series.firstIndex(of: name) else {
                throw StageError.invalidInput(path: "aggregate.h5 /exponents", reason: "it has no series '\(name)' (it has: \(series.joined(separator: ", ")))")
            }
            return index
        }

        /// The row of `name` in ``conventions``.
        public func conventionIndex(_ name: String) throws -> Int {
            guard let index = conventions.firstIndex(of: name) else {
                throw StageError.invalidInput(path: "aggregate.h5 /exponents", reason: "it has no convention '\(name)' (it has: \(conventions.joined(separator: ", ")))")
            }
            return index
        }
    }

    /// τ(η) per accuracy target.
    public struct TrainingTimes: Sendable {
        public var targets: [String]
        public var bestAccuracy: Double
        public var threshold: [Double]
        public var median: Grid<Double>
        public var q25: Grid<Double>
        public var q75: Grid<Double>
        public var censored: Grid<Int>
        /// Grid index of the smallest median τ per target, −1 for none.
        public var argminIndex: [Int]
    }

    /// The paired bootstrap and the verdicts, per convention and target.
    public struct PairedBootstrap: Sendable {
        public var resamples: Int
        public var innerResamples: Int
        public var level: Double
        public var tolerance: Int
        public var onsetInterval: Grid<Double>
        public var argminInterval: Grid<Double>
        public var differenceInterval: Grid<Double>
        public var undefinedFraction: Grid<Double>
        public var verdict: Grid<String>
    }

    /// Per-step curves per η.
    public struct Curves: Sendable {
        /// A [learning rate, step] grid of one curve family.
        public typealias Values = Grid<Double>
        public var meanLogDivergence: Values
        public var medianTestAccuracy: Values
    }

    /// The onset and verdict with a threshold δ on λ, per δ (``JimenezAggregation/sensitivityThresholds``).
    public struct Sensitivity: Sendable {
        public var thresholds: [Double]
        public var convention: String
        public var target: String
        /// Grid index of the onset per δ, −1 for none.
        public var onsetIndex: [Int]
        public var onsetInterval: Grid<Double>
        public var differenceInterval: Grid<Double>
        public var verdict: [String]
    }

    public var sweep: Sweep
    public var exponents: Exponents
    public var trainingTimes: TrainingTimes
    public var bootstrap: PairedBootstrap
    public var curves: Curves
    public var sensitivity: Sensitivity
    /// The amended rules' groups (``Amended``: `/comparison`, `/verdicts`, `/scale`).
    public var amended: Amended

    public init(
        sweep: Sweep, exponents: Exponents, trainingTimes: TrainingTimes, bootstrap: PairedBootstrap, curves: Curves,
        sensitivity: Sensitivity, amended: Amended
    ) {
        (self.sweep, self.exponents, self.trainingTimes, self.bootstrap, self.curves) = (sweep, exponents, trainingTimes, bootstrap, curves)
        (self.sensitivity, self.amended) = (sensitivity, amended)
    }

    /// Writes the six groups into `file` (whose root attributes the caller sets).
    public func write(into file: HDF5File) throws {
        let root = try file.root
        let s = ResultsGroupWriter(try root.createGroup("sweep"))
        try s.attribute("dataset", .string(sweep.dataset))
        for (name, value) in [
            ("training_samples", sweep.trainingSamples), ("test_samples", sweep.testSamples),
            ("initialisation_count", sweep.initialisationCount), ("replica_count", sweep.replicaCount),
            ("steps", sweep.steps), ("parameter_count", sweep.parameterCount),
        ] {
            try s.attribute(name, .int(Int64(value)))
        }
        try s.attribute("learning_rates", .doubles(sweep.learningRates))

        let x = ResultsGroupWriter(try root.createGroup("exponents"))
        try x.attribute("series", .strings(exponents.series))
        try x.attribute("conventions", .strings(exponents.conventions))
        try x.attribute("primary_convention", .string(exponents.primaryConvention))
        try x.attribute("tangent_series", .strings(exponents.tangentSeries))
        try x.attribute("onset_level", .double(exponents.onsetLevel))
        try x.attribute("onset_resamples", .int(Int64(exponents.onsetResamples)))
        try x.attribute("minimum_accepted_fraction", .double(exponents.minimumAcceptedFraction))
        let se = ["series", "learning_rate"], ce = ["convention", "learning_rate"], ca = ["convention", "tangent_series"]
        try x.write("median", exponents.median, dimensions: se, meaning: "median λ over initialisations, accepted estimates only (nats/step)")
        try x.write("q25", exponents.q25, dimensions: se, meaning: "lower quartile of λ over initialisations (nats/step)")
        try x.write("q75", exponents.q75, dimensions: se, meaning: "upper quartile of λ over initialisations (nats/step)")
        try x.write("accepted", exponents.accepted, dimensions: se, meaning: "initialisations whose estimate was accepted (status ok)")
        try x.write("onset_median", exponents.onsetMedian, dimensions: ce, meaning: "median λ of the onset rule (nats/step; NaN: too few accepted fits)")
        try x.write("onset_low", exponents.onsetLow, dimensions: ce, meaning: "lower end of the percentile-bootstrap interval of the median λ")
        try x.write("onset_high", exponents.onsetHigh, dimensions: ce, meaning: "upper end of the percentile-bootstrap interval of the median λ")
        try x.write("onset_index", Grid(values: exponents.onsetIndex, shape: [exponents.conventions.count]), dimensions: ["convention"],
                    meaning: "grid index of the onset η (first median λ > 0 with interval excluding 0), −1: none")
        try x.write("agreement_median_abs_difference", exponents.agreementMedianAbsoluteDifference, dimensions: ca,
                    meaning: "median |λ_fit − λ_tangent| over runs with an accepted fit (nats/step)")
        try x.write("agreement_count", exponents.agreementCount, dimensions: ca, meaning: "runs compared")

        let t = ResultsGroupWriter(try root.createGroup("training_time"))
        try t.attribute("targets", .strings(trainingTimes.targets))
        try t.attribute("best_accuracy", .double(trainingTimes.bestAccuracy))
        let k = trainingTimes.targets.count, ke = ["target", "learning_rate"]
        try t.write("threshold", Grid(values: trainingTimes.threshold, shape: [k]), dimensions: ["target"], meaning: "test accuracy a run must reach")
        try t.write("median", trainingTimes.median, dimensions: ke, meaning: "median τ over initialisations (steps; +∞: not reached)")
        try t.write("q25", trainingTimes.q25, dimensions: ke, meaning: "lower quartile of τ (steps; +∞: not reached)")
        try t.write("q75", trainingTimes.q75, dimensions: ke, meaning: "upper quartile of τ (steps; +∞: not reached)")
        try t.write("censored", trainingTimes.censored, dimensions: ke, meaning: "initialisations that never reached the target")
        try t.write("argmin_index", Grid(values: trainingTimes.argminIndex, shape: [k]), dimensions: ["target"],
                    meaning: "grid index of the smallest median τ (ties: smallest η), −1: none")

        let b = ResultsGroupWriter(try root.createGroup("bootstrap"))
        try b.attribute("resamples", .int(Int64(bootstrap.resamples)))
        try b.attribute("inner_resamples", .int(Int64(bootstrap.innerResamples)))
        try b.attribute("level", .double(bootstrap.level))
        try b.attribute("tolerance", .int(Int64(bootstrap.tolerance)))
        let ck2 = ["convention", "target", "bound"]
        try b.write("onset_interval", bootstrap.onsetInterval, dimensions: ck2, meaning: "bootstrap interval of the onset grid index (NaN: undefined)")
        try b.write("argmin_interval", bootstrap.argminInterval, dimensions: ck2, meaning: "bootstrap interval of the argmin grid index (NaN: undefined)")
        try b.write("difference_interval", bootstrap.differenceInterval, dimensions: ck2,
                    meaning: "bootstrap interval of argmin − onset (grid steps; NaN: undefined)")
        try b.write("undefined_fraction", bootstrap.undefinedFraction, dimensions: ["convention", "target", "statistic"],
                    meaning: "fraction of resamples without an onset, an argmin, a difference")
        let verdict = try b.group.writeStrings("verdict", bootstrap.verdict.values, shape: bootstrap.verdict.shape)
        try verdict.setAttribute("dimensions", .strings(["convention", "target"]))
        try verdict.setAttribute("meaning", .string("verdict on the claim by the rule fixed in advance (TransientChaosVerdict)"))

        let c = ResultsGroupWriter(try root.createGroup("curves"))
        let et = ["learning_rate", "step"]
        try c.write("mean_log_divergence", curves.meanLogDivergence, dimensions: et, meaning: "⟨ln d(t)/d(0)⟩ over replicas, then mean over initialisations")
        try c.write("median_test_accuracy", curves.medianTestAccuracy, dimensions: et, meaning: "median test accuracy over initialisations")

        let h = ResultsGroupWriter(try root.createGroup("sensitivity"))
        try h.attribute("thresholds", .doubles(sensitivity.thresholds))
        try h.attribute("convention", .string(sensitivity.convention))
        try h.attribute("target", .string(sensitivity.target))
        let count = sensitivity.thresholds.count
        try h.write("onset_index", Grid(values: sensitivity.onsetIndex, shape: [count]), dimensions: ["threshold"],
                    meaning: "grid index of the first η whose median λ and its interval's lower end exceed the threshold, −1: none")
        try h.write("onset_interval", sensitivity.onsetInterval, dimensions: ["threshold", "bound"], meaning: "bootstrap interval of that onset's grid index (NaN: undefined)")
        try h.write("difference_interval", sensitivity.differenceInterval, dimensions: ["threshold", "bound"],
                    meaning: "bootstrap interval of argmin − onset (grid steps; NaN: undefined)")
        let sensitivityVerdict = try h.group.writeStrings("verdict", sensitivity.verdict, shape: [count])
        try sensitivityVerdict.setAttribute("dimensions", .strings(["threshold"]))
        try sensitivityVerdict.setAttribute("meaning", .string("the first verdict rule applied with this onset (a post-hoc sensitivity row; the claim's verdicts are /verdicts)"))
        try amended.write(into: root)
    }

    /// Reads the aggregate file at `path`.
    public static func read(path: String) throws -> JimenezResults {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        let s = try ResultsGroupReader(file: file, group: "sweep")
        let sweep = Sweep(
            dataset: try s.string("dataset"), trainingSamples: try s.int("training_samples"), testSamples: try s.int("test_samples"),
            initialisationCount: try s.int("initialisation_count"), replicaCount: try s.int("replica_count"), steps: try s.int("steps"),
            parameterCount: try s.int("parameter_count"), learningRates: try s.doubles("learning_rates"))
        let e = sweep.learningRates.count
        let x = try ResultsGroupReader(file: file, group: "exponents")
        let series = try x.strings("series"), conventions = try x.strings("conventions"), tangent = try x.strings("tangent_series")
        let se = [series.count, e], ce = [conventions.count, e], ca = [conventions.count, tangent.count]
        let exponents = Exponents(
            series: series, conventions: conventions, primaryConvention: try x.string("primary_convention"), tangentSeries: tangent,
            onsetLevel: try x.double("onset_level"), onsetResamples: try x.int("onset_resamples"),
            minimumAcceptedFraction: try x.double("minimum_accepted_fraction"),
            median: try x.doubleGrid("median", shape: se), q25: try x.doubleGrid("q25", shape: se), q75: try x.doubleGrid("q75", shape: se),
            accepted: try x.intGrid("accepted", shape: se), onsetMedian: try x.doubleGrid("onset_median", shape: ce),
            onsetLow: try x.doubleGrid("onset_low", shape: ce), onsetHigh: try x.doubleGrid("onset_high", shape: ce),
            onsetIndex: try x.intGrid("onset_index", shape: [conventions.count]).values,
            agreementMedianAbsoluteDifference: try x.doubleGrid("agreement_median_abs_difference", shape: ca),
            agreementCount: try x.intGrid("agreement_count", shape: ca))
        let t = try ResultsGroupReader(file: file, group: "training_time")
        let targets = try t.strings("targets")
        let ke = [targets.count, e]
        let times = TrainingTimes(
            targets: targets, bestAccuracy: try t.double("best_accuracy"), threshold: try t.doubleGrid("threshold", shape: [targets.count]).values,
            median: try t.doubleGrid("median", shape: ke), q25: try t.doubleGrid("q25", shape: ke), q75: try t.doubleGrid("q75", shape: ke),
            censored: try t.intGrid("censored", shape: ke), argminIndex: try t.intGrid("argmin_index", shape: [targets.count]).values)
        let b = try ResultsGroupReader(file: file, group: "bootstrap")
        let ck2 = [conventions.count, targets.count, 2]
        let bootstrap = PairedBootstrap(
            resamples: try b.int("resamples"), innerResamples: try b.int("inner_resamples"), level: try b.double("level"),
            tolerance: try b.int("tolerance"), onsetInterval: try b.doubleGrid("onset_interval", shape: ck2),
            argminInterval: try b.doubleGrid("argmin_interval", shape: ck2), differenceInterval: try b.doubleGrid("difference_interval", shape: ck2),
            undefinedFraction: try b.doubleGrid("undefined_fraction", shape: [conventions.count, targets.count, 3]),
            verdict: try b.stringGrid("verdict", shape: [conventions.count, targets.count]))
        let c = try ResultsGroupReader(file: file, group: "curves")
        let curves = Curves(
            meanLogDivergence: try c.doubleGrid("mean_log_divergence", shape: [e, try c.extent("mean_log_divergence", axis: 1)]),
            medianTestAccuracy: try c.doubleGrid("median_test_accuracy", shape: [e, try c.extent("median_test_accuracy", axis: 1)]))
        let h = try ResultsGroupReader(file: file, group: "sensitivity")
        let thresholds = try h.doubles("thresholds")
        let sensitivity = Sensitivity(
            thresholds: thresholds, convention: try h.string("convention"), target: try h.string("target"),
            onsetIndex: try h.intGrid("onset_index", shape: [thresholds.count]).values,
            onsetInterval: try h.doubleGrid("onset_interval", shape: [thresholds.count, 2]),
            differenceInterval: try h.doubleGrid("difference_interval", shape: [thresholds.count, 2]),
            verdict: try h.stringGrid("verdict", shape: [thresholds.count]).values)
        return JimenezResults(
            sweep: sweep, exponents: exponents, trainingTimes: times, bootstrap: bootstrap, curves: curves, sensitivity: sensitivity,
            amended: try Amended.read(file, learningRateCount: e))
    }
}
