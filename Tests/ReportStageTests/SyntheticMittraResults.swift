import Foundation
import HDF5
import MittraExperiment
import Provenance
import ReportKit
import Statistics

/// Small Mittra results (written through ``MittraResults``, the one type of the
/// aggregate.h5 layout) and a validation.h5 file, filled by closed-form formulas (no
/// random numbers), with knobs that flip the verdicts the paper computes.
struct SyntheticMittraResults {
    var activations = ["sigmoid", "relu", "linear", "tanh"]
    var widths = [4, 8, 16]
    var learningRates = (0..<24).map { pow(10, -2 + 4 * Double($0) / 23) }
    var series = ["tangent/early", "tangent/late", "benettin/early", "benettin/late", "hybrid/early", "hybrid/late", "divergence-fit/auto"]
    var units = ["nats/step", "nats/step", "nats/step", "nats/step", "bits/step", "bits/step", "nats/step"]
    var windows = [0.0, 200, 800, 1000]
    var seedCount = 10
    /// The η at which late λ of each activation turns positive.
    var onsets = [2.0, 5.0, 1.0, 3.0]
    /// Sign of the E3 relation between λ and final loss (+1: the source's claim 3).
    var e3Direction = 1.0
    /// Per-activation signs of the E3 relation, overriding `e3Direction` where given.
    var e3Directions: [Double]? = nil
    /// E2 mean λ of series 0 per activation and mean final loss.
    var e2Lambda = [-0.000061, -0.000231, -0.000187, -0.00012]
    var e2Loss = [0.2661, 0.2519, 0.2524, 0.2593]
    /// E2 pooled Spearman ρ and its p-value.
    var e2Rho = (rho: 0.41, p: 0.003)
    /// Starts per activation in E3.
    var startCount = 60

    /// The record stored in the upstream `data/mittra/exponents.h5` beside aggregate.h5:
    /// a `train-mittra` stage with a seed, reading a source file.
    static let exponentsProvenance = ProvenanceRecord(
        stage: "train-mittra", executable: "train-ensembles", codeSHA256: String(repeating: "c", count: 64),
        codeTargets: ["TrainingStage"],
        parameters: .object(["steps": .int(1000), "learningRates": .object(["count": .int(24), "min": .double(0.01), "max": .int(100)])]),
        seeds: ["init": SeedRecord(path: "mittra2024/init", value: 987_654_321)],
        inputs: [.init(path: "data/xor.h5", sha256: String(repeating: "d", count: 64), stage: nil)])

    /// The record stored in aggregate.h5: an `aggregate` stage reading `exponents.h5`
    /// (hash `exponentsSHA256`, written by `train-mittra`), so the chain has two levels.
    static func aggregateProvenance(exponentsSHA256: String) -> ProvenanceRecord {
        ProvenanceRecord(
            stage: "aggregate", executable: "aggregate", codeSHA256: String(repeating: "a", count: 64), codeTargets: ["AggregateStage"],
            parameters: .object(["bootstrapResamples": .int(2000), "confidence": .double(0.95)]),
            seeds: ["bootstrap": SeedRecord(path: "mittra2024/bootstrap", value: 123_456_789)],
            inputs: [.init(path: "data/mittra/exponents.h5", sha256: exponentsSHA256, stage: "train-mittra")])
    }

    static let validationProvenance: JSONValue = .object([
        "recordFormatVersion": .int(2), "stage": .string("validate-estimators"), "executable": .string("estimate-exponents"),
        "parameters": .object(["mode": .string("validate")]), "seeds": .object([:]),
        "code": .object(["sha256": .string(String(repeating: "e", count: 64)), "targets": .array([.string("ExponentStage")])]),
        "inputs": .array([]),
    ])

    /// The late-window tangent λ of activation `a`, width `w` at η (nats/step): crosses
    /// zero at the activation's onset; ReLU falls back to exactly 0 above η = 20 (dead units).
    func lateLambda(_ a: Int, _ w: Int, _ eta: Double) -> Double {
        if activations[a] == "relu" && eta > 20 { return 0 }
        return 0.02 * log10(eta / onsets[a]) * (1 + 0.1 * Double(w))
    }

    /// Early-window λ: positive already below the onset (the plateau-escape transient).
    func earlyLambda(_ a: Int, _ w: Int, _ eta: Double) -> Double {
        0.004 + 0.015 * log10(eta / onsets[a]) + 0.002 * Double(w)
    }

    /// The results as the aggregate task would have written them.
    var results: MittraResults {
        MittraResults(
            sweep: sweep, ranking: ranking, initialWeights: initialWeights,
            learningRanking: withLearningRegime ? ranking : nil, learningInitialWeights: withLearningRegime ? initialWeights : nil)
    }

    /// Whether the results hold the learning regime (here a copy of E2/E3).
    var withLearningRegime = true

    /// Writes aggregate.h5 at `aggregatePath`, and beside it the upstream `exponents.h5`
    /// (no datasets, only its record) that aggregate.h5's record names.
    func write(aggregatePath: String) throws {
        let exponentsPath = URL(fileURLWithPath: aggregatePath).deletingLastPathComponent().path + "/exponents.h5"
        let exponents = try HDF5File.create(exponentsPath)
        try exponents.root.setAttribute("provenance", .string(Self.exponentsProvenance.json.canonicalText))
        try exponents.close()
        let file = try HDF5File.create(aggregatePath)
        let record = Self.aggregateProvenance(exponentsSHA256: try ContentHash.sha256(fileAt: exponentsPath))
        try file.root.setAttribute("provenance", .string(record.json.canonicalText))
        try results.write(into: file)
        try file.close()
    }

    /// λ summaries whose mean is `mean` and whose intervals have half-width `half`.
    static func summaries(_ mean: [Double], shape: [Int], half: Double, zeroStraddles: Bool) -> SeedSummaries {
        let grid = { (values: [Double]) in Grid(values: values, shape: shape) }
        return SeedSummaries(
            mean: grid(mean), tLow: grid(mean.map { zeroStraddles && $0 == 0 ? -half : $0 - half }),
            tHigh: grid(mean.map { zeroStraddles && $0 == 0 ? half : $0 + half }),
            bootLow: grid(mean.map { $0 - 0.9 * half }), bootHigh: grid(mean.map { $0 + 0.9 * half }), median: grid(mean),
            q25: grid(mean.map { $0 - half }), q75: grid(mean.map { $0 + half }))
    }

    /// The late-window onset stored for `values` over `etas` (first upward zero crossing of
    /// the mean, log-linear interpolation), computed independently of ``ChaosOnset``.
    static func onset(_ values: [Double], _ etas: [Double]) -> (Double, Int) {
        if values[0] > 0 { return (etas[0], 1) }
        for index in 1..<values.count where values[index - 1] <= 0 && values[index] > 0 {
            let fraction = -values[index - 1] / (values[index] - values[index - 1])
            return (exp(log(etas[index - 1]) + fraction * (log(etas[index]) - log(etas[index - 1]))), 0)
        }
        return (.nan, 2)
    }

    var sweep: LearningRateSweep {
        let (s, a, w, e) = (series.count, activations.count, widths.count, learningRates.count)
        var mean: [Double] = []
        for si in 0..<s {
            for ai in 0..<a {
                for wi in 0..<w {
                    for eta in learningRates {
                        let late = lateLambda(ai, wi, eta)
                        let early = earlyLambda(ai, wi, eta)
                        let base = series[si].hasSuffix("/early") ? early : late
                        // Other estimators agree with the tangent one up to a small offset;
                        // hybrid is in bits (÷ ln 2).
                        let offset = 0.001 * Double(si / 2)
                        mean.append(units[si] == "bits/step" ? (base + offset) / log(2.0) : base + offset)
                    }
                }
            }
        }
        var diverged: [Int] = [], loss: [Double] = [], chaotic: [Double] = [], sharpness: [Double] = []
        var chaoticCount: [Int] = [], wilsonLow: [Double] = [], wilsonHigh: [Double] = [], perSeed: [Double] = []
        for ai in 0..<a {
            for wi in 0..<w {
                for eta in learningRates {
                    diverged.append(eta > 50 ? 2 : 0)
                    loss.append(0.25 - 0.2 * (1 - exp(-eta)) + 0.01 * Double(ai))
                    let late = lateLambda(ai, wi, eta)
                    let count = late > 0.003 ? Int((min(1, 0.5 + 50 * late) * Double(seedCount)).rounded()) : 0
                    chaoticCount.append(count)
                    chaotic.append(Double(count) / Double(seedCount))
                    let interval = try! WilsonInterval(successes: count, trials: seedCount)
                    wilsonLow.append(interval.lower)
                    wilsonHigh.append(interval.upper)
                    perSeed += (0..<seedCount).map { late + 0.001 * Double($0 - seedCount / 2) }
                    sharpness.append(5 * eta / (1 + 2.5 * eta) * (1 + 0.3 * max(0, log10(eta))) * (1 + 0.05 * Double(wi)))
                }
            }
        }
        var onset: [Double] = [], kind: [Int] = []
        for si in 0..<s {
            for ai in 0..<a {
                for wi in 0..<w {
                    let values = Array(mean[(((si * a + ai) * w + wi) * e)..<(((si * a + ai) * w + wi + 1) * e)])
                    let (eta, code) = Self.onset(values, learningRates)
                    onset.append(eta)
                    kind.append(code)
                }
            }
        }
        let cells = [a, w, e]
        return LearningRateSweep(
            activations: activations, widths: widths, learningRates: learningRates, series: series, seriesUnits: units,
            windows: windows, seedCount: seedCount, chaosSeries: "tangent/late", chaosThreshold: 0.001,
            lambda: Self.summaries(mean, shape: [s, a, w, e], half: 0.003, zeroStraddles: true),
            count: Grid(repeating: seedCount, shape: [s, a, w, e]), diverged: Grid(values: diverged, shape: cells),
            finalLossMean: Grid(values: loss, shape: cells), finalLossLow: Grid(values: loss.map { $0 - 0.002 }, shape: cells),
            finalLossHigh: Grid(values: loss.map { $0 + 0.002 }, shape: cells), chaoticFraction: Grid(values: chaotic, shape: cells),
            chaos: LearningRateSweep.ChaosFractions(
                count: Grid(values: chaoticCount, shape: cells), trials: Grid(repeating: seedCount, shape: cells),
                wilsonLow: Grid(values: wilsonLow, shape: cells), wilsonHigh: Grid(values: wilsonHigh, shape: cells),
                endPointFraction: Grid(values: chaotic, shape: cells), seedIndices: Array(0..<seedCount),
                lateLambda: Grid(values: perSeed, shape: cells + [seedCount]), lossTrend: LossTrend(),
                sensitivity: LearningRateSweep.ChaosSensitivity(
                    thresholds: [0.001], windows: [LossTrendWindow.late.rawValue], wilsonLow: Grid(values: wilsonLow, shape: [1, 1] + cells)),
                learnedFraction: Grid(values: chaotic.map { 1 - $0 }, shape: cells)),
            sharpnessTimesLearningRate: Grid(values: sharpness, shape: cells), onsetLearningRate: Grid(values: onset, shape: [s, a, w]),
            onsetKind: Grid(values: kind, shape: [s, a, w]), seriesCost: series.map { _ in 1000 },
            agreement: Grid(values: series.flatMap { _ in [0.001, 0.1, 0.9] }, shape: [s, 3]),
            lossLambdaSpearman: CorrelationSummary(coefficient: 0.52, pValue: 0.0004, bootLow: 0.31, bootHigh: 0.68))
    }

    /// The fraction of E2/E3 starts that learn XOR, every activation: 1 (a regime that can test claims 2–3).
    var e2LearnedFraction = 1.0

    var ranking: ActivationRanking {
        let a = activations.count
        let mean = e2Lambda + e2Lambda.map { $0 * 0.7 }
        return ActivationRanking(
            activations: activations, width: 8, learningRate: 0.01, momentum: 0.5, steps: 6400, seedCount: 40,
            series: ["hybrid/early", "tangent/late"], seriesUnits: ["bits/step", "nats/step"], rankSeries: "hybrid/early",
            lambda: Self.summaries(mean, shape: [2, a], half: 0.00002, zeroStraddles: false), finalLossMean: e2Loss,
            finalLossLow: e2Loss.map { $0 - 0.0007 }, finalLossHigh: e2Loss.map { $0 + 0.0007 },
            rankSpearman: CorrelationSummary(coefficient: e2Rho.rho, pValue: e2Rho.p, bootLow: e2Rho.rho - 0.2, bootHigh: e2Rho.rho + 0.15),
            testAccuracyMean: activations.map { _ in 0.97 }, learnedFraction: activations.map { _ in e2LearnedFraction })
    }

    /// λ and final loss of start `i` of activation `a`: loss rises with λ when
    /// `e3Direction` is +1 and falls when it is −1, plus a deterministic wiggle.
    func start(_ a: Int, _ i: Int) -> (lambda: Double, loss: Double, initial: Double) {
        let lambda = -0.01 + 0.004 * sin(Double(i) * 1.7 + Double(a))
        let loss = 0.12 + (e3Directions?[a] ?? e3Direction) * 4 * (lambda + 0.01) + 0.004 * cos(Double(i) * 2.3)
        let initial = 0.25 + 0.02 * sin(Double(i) * 0.9 + Double(a))
        return (lambda, loss, initial)
    }

    var initialWeights: InitialWeightStudy {
        let a = activations.count
        let n = startCount
        let g = 20
        var lambda: [Double] = [], loss: [Double] = [], initial: [Double] = [], inIQR: [Int] = [], bounds: [Double] = []
        var pearson: [Double] = [], spearman: [Double] = [], fit: [Double] = []
        var bandX: [Double] = [], bandFit: [Double] = [], bandLow: [Double] = [], bandHigh: [Double] = []
        for ai in 0..<a {
            let starts = (0..<n).map { start(ai, $0) }
            let sorted = starts.map(\.initial).sorted()
            let (q25, q75) = (sorted[n / 4], sorted[(3 * n) / 4])
            bounds += [q25, q75]
            let inside = starts.map { $0.initial >= q25 && $0.initial <= q75 }
            lambda += starts.map(\.lambda)
            loss += starts.map(\.loss)
            initial += starts.map(\.initial)
            inIQR += inside.map { $0 ? 1 : 0 }
            for filter in 0..<2 {
                let chosen = starts.indices.filter { filter == 0 || inside[$0] }
                let x = chosen.map { starts[$0].lambda }
                let y = chosen.map { starts[$0].loss }
                let (intercept, slope, r) = Self.leastSquares(x, y)
                pearson += [r, r.magnitude > 0.5 ? 0.0001 : 0.2, r - 0.1, r + 0.1, Double(chosen.count)]
                spearman += [r * 0.95, r.magnitude > 0.5 ? 0.0002 : 0.25, r - 0.15, r + 0.1, Double(chosen.count)]
                fit += [intercept, slope, abs(slope) * 0.05, r * r]
                let (low, high) = (x.min() ?? 0, x.max() ?? 0)
                for k in 0..<g {
                    let xk = low + (high - low) * Double(k) / Double(g - 1)
                    let yk = intercept + slope * xk
                    bandX.append(xk)
                    bandFit.append(yk)
                    bandLow.append(yk - 0.003 - 0.2 * abs(xk + 0.01))
                    bandHigh.append(yk + 0.003 + 0.2 * abs(xk + 0.01))
                }
            }
        }
        let band = [a, 2, g]
        return InitialWeightStudy(
            activations: activations, series: "hybrid/early", unit: "bits/step", lambda: Grid(values: lambda, shape: [a, n]),
            finalLoss: Grid(values: loss, shape: [a, n]), initialLoss: Grid(values: initial, shape: [a, n]),
            inIQR: Grid(values: inIQR, shape: [a, n]), iqrBounds: Grid(values: bounds, shape: [a, 2]),
            pearson: Grid(values: pearson, shape: [a, 2, 5]), spearman: Grid(values: spearman, shape: [a, 2, 5]),
            partial: Grid(values: pearson.enumerated().map { $0.offset % 5 == 2 || $0.offset % 5 == 3 ? .nan : $0.element }, shape: [a, 2, 5]),
            fit: Grid(values: fit, shape: [a, 2, 4]), bandX: Grid(values: bandX, shape: band), bandFit: Grid(values: bandFit, shape: band),
            bandLow: Grid(values: bandLow, shape: band), bandHigh: Grid(values: bandHigh, shape: band))
    }

    /// Intercept, slope and Pearson r of the least-squares line of `y` on `x`.
    static func leastSquares(_ x: [Double], _ y: [Double]) -> (Double, Double, Double) {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        let sxy = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
        let sxx = x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        let syy = y.map { ($0 - my) * ($0 - my) }.reduce(0, +)
        let slope = sxy / sxx
        return (my - slope * mx, slope, sxy / (sxx * syy).squareRoot())
    }

    /// Writes the validation file; `outcomes` replaces the stored outcomes (to test a bad file).
    func writeValidation(path: String, outcomes: [String]? = nil) throws {
        let file = try HDF5File.create(path)
        try file.root.setAttribute("provenance", .string(Self.validationProvenance.canonicalText))
        let group = try file.root.createGroup("validation")
        // system, estimator, index, estimate, reference, unit, status, standard error, target,
        // predicted bias, outcome, first rule's tolerance, first rule passed
        let rows: [(String, String, Int64, Double, Double, String, String, Double, Double, Double, String, Double, Int64)] = [
            ("logistic r=4", "tangent", 0, 0.693140, 0.693147, "nats/step", "ok", 2e-5, 7e-5, .nan, "passed", 0.001, 1),
            ("henon", "tangent", 0, 0.41920, 0.41922, "nats/step", "ok", 3e-4, 1.1e-3, .nan, "passed", 0.002, 1),
            ("henon", "tangent", 1, -1.62315, -1.62319, "nats/step", "ok", 3e-4, 1.1e-3, .nan, "passed", 0.002, 1),
            ("lorenz", "benettin", 0, 0.9012, 0.9056, "nats/unit time", "ok", 8e-3, 2.9e-2, .nan, "passed", 0.02, 1),
            ("linear map", "hybrid", 0, 0.5004, 0.5, "bits/step", "ok", .nan, .nan, -0.0049, "biased by construction", 1e-6, 0),
            ("linear map", "divergence-fit", 0, .nan, 0.5, "nats/step", "no-linear-window", .nan, 1e-6, .nan, "failed", 1e-6, 0),
        ]
        let count = rows.count
        try group.writeStrings("system", rows.map(\.0))
        try group.writeStrings("estimator", rows.map(\.1))
        try group.writeDataset("index", rows.map(\.2), shape: [count])
        try group.writeDataset("estimate", rows.map(\.3), shape: [count])
        try group.writeDataset("reference", rows.map(\.4), shape: [count])
        try group.writeStrings("unit", rows.map(\.5))
        try group.writeStrings("status", rows.map(\.6))
        try group.writeDataset("standard_error", rows.map(\.7), shape: [count])
        try group.writeDataset("reference_uncertainty", rows.map { _ in 0.0 }, shape: [count])
        try group.writeDataset("target", rows.map(\.8), shape: [count])
        try group.writeDataset("predicted_bias", rows.map(\.9), shape: [count])
        try group.writeStrings("outcome", outcomes ?? rows.map(\.10))
        try group.writeDataset("first_rule_tolerance", rows.map(\.11), shape: [count])
        try group.writeDataset("first_rule_passed", rows.map(\.12), shape: [count])
        try group.setAttribute("critical_value", .double(3.5427))
        try group.setAttribute("round_off_allowance", .double(1e-6))
        try group.setAttribute("batch_count", .int(20))
        try file.close()
    }
}
