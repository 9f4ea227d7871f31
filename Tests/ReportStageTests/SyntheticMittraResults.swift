import Foundation
import HDF5
import Provenance

/// Small aggregate.h5 and validation.h5 files with exactly the layout of
/// AGGREGATE_LAYOUT.md, filled by closed-form formulas (no random numbers), with knobs
/// that flip the verdicts the paper computes.
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
    /// E2 mean λ of series 0 per activation and mean final loss.
    var e2Lambda = [-0.000061, -0.000231, -0.000187, -0.00012]
    var e2Loss = [0.2661, 0.2519, 0.2524, 0.2593]
    /// E2 pooled Spearman ρ and its p-value.
    var e2Rho = (rho: 0.41, p: 0.003)
    /// Starts per activation in E3.
    var startCount = 60

    /// The provenance stored in aggregate.h5: an `aggregate` stage whose input carries a
    /// `train` stage with a seed, so the chain has two levels.
    static let aggregateProvenance: JSONValue = .object([
        "recordFormatVersion": .int(1), "stage": .string("aggregate"), "executable": .string("aggregate"),
        "parameters": .object(["bootstrapResamples": .int(2000), "confidence": .double(0.95)]),
        "seeds": .object(["bootstrap": .object(["path": .string("mittra2024/bootstrap"), "value": .string("123456789")])]),
        "code": .object(["sha256": .string(String(repeating: "a", count: 64)), "targets": .array([.string("AggregateStage")])]),
        "inputs": .object([
            "data/mittra/exponents.h5": .object([
                "sha256": .string(String(repeating: "b", count: 64)),
                "provenance": .object([
                    "recordFormatVersion": .int(1), "stage": .string("train-mittra"), "executable": .string("train-ensembles"),
                    "parameters": .object(["steps": .int(1000), "learningRates": .object(["count": .int(24), "min": .double(0.01), "max": .int(100)])]),
                    "seeds": .object(["init": .object(["path": .string("mittra2024/init"), "value": .string("987654321")])]),
                    "code": .object(["sha256": .string(String(repeating: "c", count: 64)), "targets": .array([.string("TrainingStage")])]),
                    "inputs": .object(["data/xor.h5": .object(["sha256": .string(String(repeating: "d", count: 64))])]),
                ]),
            ])
        ]),
    ])

    static let validationProvenance: JSONValue = .object([
        "recordFormatVersion": .int(1), "stage": .string("validate-estimators"), "executable": .string("estimate-exponents"),
        "parameters": .object(["mode": .string("validate")]), "seeds": .object([:]),
        "code": .object(["sha256": .string(String(repeating: "e", count: 64)), "targets": .array([.string("ExponentStage")])]),
        "inputs": .object([:]),
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

    func write(aggregatePath: String) throws {
        let file = try HDF5File.create(aggregatePath)
        try file.root.setAttribute("provenance", .string(Self.aggregateProvenance.canonicalText))
        try writeE1(file.root.createGroup("e1"))
        try writeE2(file.root.createGroup("e2"))
        try writeE3(file.root.createGroup("e3"))
        try file.close()
    }

    private func writeE1(_ group: HDF5Group) throws {
        let (s, a, w, e) = (series.count, activations.count, widths.count, learningRates.count)
        try group.setAttribute("activations", .strings(activations))
        try group.setAttribute("widths", .ints(widths.map(Int64.init)))
        try group.setAttribute("learning_rates", .doubles(learningRates))
        try group.setAttribute("series", .strings(series))
        try group.setAttribute("series_units", .strings(units))
        try group.setAttribute("windows", .doubles(windows))
        try group.setAttribute("seed_count", .int(Int64(seedCount)))
        try group.setAttribute("chaos_threshold", .double(0.001))
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
        let half = 0.003
        let shape = [s, a, w, e]
        let dims = ["series", "activation", "width", "learning_rate"]
        try write(group, "mean", mean, shape, dims)
        try write(group, "t_low", mean.map { $0 == 0 ? -half : $0 - half }, shape, dims)
        try write(group, "t_high", mean.map { $0 == 0 ? half : $0 + half }, shape, dims)
        try write(group, "boot_low", mean.map { $0 - 0.9 * half }, shape, dims)
        try write(group, "boot_high", mean.map { $0 + 0.9 * half }, shape, dims)
        try write(group, "median", mean, shape, dims)
        try write(group, "q25", mean.map { $0 - half }, shape, dims)
        try write(group, "q75", mean.map { $0 + half }, shape, dims)
        try group.writeDataset("count", [Int64](repeating: Int64(seedCount), count: mean.count), shape: shape)
            .setAttribute("dimensions", .strings(dims))
        var diverged: [Int64] = []
        var loss: [Double] = []
        var chaotic: [Double] = []
        var sharpness: [Double] = []
        for ai in 0..<a {
            for wi in 0..<w {
                for eta in learningRates {
                    diverged.append(eta > 50 ? 2 : 0)
                    loss.append(0.25 - 0.2 * (1 - exp(-eta)) + 0.01 * Double(ai))
                    let late = lateLambda(ai, wi, eta)
                    chaotic.append(late > 0.003 ? min(1, 0.5 + 10 * late) : 0)
                    sharpness.append(5 * eta / (1 + 2.5 * eta) * (1 + 0.3 * max(0, log10(eta))) * (1 + 0.05 * Double(wi)))
                }
            }
        }
        let cellDims = ["activation", "width", "learning_rate"]
        try group.writeDataset("diverged", diverged, shape: [a, w, e]).setAttribute("dimensions", .strings(cellDims))
        try write(group, "final_loss_mean", loss, [a, w, e], cellDims)
        try write(group, "final_loss_t_low", loss.map { $0 - 0.002 }, [a, w, e], cellDims)
        try write(group, "final_loss_t_high", loss.map { $0 + 0.002 }, [a, w, e], cellDims)
        try write(group, "chaotic_fraction", chaotic, [a, w, e], cellDims)
        try write(group, "sharpness_times_lr_mean", sharpness, [a, w, e], cellDims)
        var onset: [Double] = []
        var kind: [Int64] = []
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
        try write(group, "onset_lr", onset, [s, a, w], ["series", "activation", "width"])
        try group.writeDataset("onset_kind", kind, shape: [s, a, w]).setAttribute("dimensions", .strings(["series", "activation", "width"]))
        try group.writeDataset("loss_lambda_spearman", [0.52, 0.0004, 0.31, 0.68], shape: [4])
        try group.setAttribute("series_cost", .ints(series.map { _ in 1000 }))
        try group.writeDataset("agreement", series.flatMap { _ in [0.001, 0.1, 0.9] }, shape: [series.count, 3])
    }

    /// The first upward zero crossing of `values` over `etas`, log-linear interpolation.
    static func onset(_ values: [Double], _ etas: [Double]) -> (Double, Int64) {
        if values[0] > 0 { return (etas[0], 1) }
        for index in 1..<values.count where values[index - 1] <= 0 && values[index] > 0 {
            let fraction = -values[index - 1] / (values[index] - values[index - 1])
            return (exp(log(etas[index - 1]) + fraction * (log(etas[index]) - log(etas[index - 1]))), 0)
        }
        return (.nan, 2)
    }

    private func writeE2(_ group: HDF5Group) throws {
        let a = activations.count
        let e2Series = ["hybrid/early", "tangent/late"]
        try group.setAttribute("activations", .strings(activations))
        try group.setAttribute("width", .int(8))
        try group.setAttribute("learning_rate", .double(0.01))
        try group.setAttribute("momentum", .double(0.5))
        try group.setAttribute("steps", .int(6400))
        try group.setAttribute("seed_count", .int(40))
        try group.setAttribute("series", .strings(e2Series))
        try group.setAttribute("series_units", .strings(["bits/step", "nats/step"]))
        let mean = e2Lambda + e2Lambda.map { $0 * 0.7 }
        let half = 0.00002
        try write(group, "mean", mean, [2, a], ["series", "activation"])
        try write(group, "t_low", mean.map { $0 - half }, [2, a], ["series", "activation"])
        try write(group, "t_high", mean.map { $0 + half }, [2, a], ["series", "activation"])
        try write(group, "boot_low", mean.map { $0 - half }, [2, a], ["series", "activation"])
        try write(group, "boot_high", mean.map { $0 + half }, [2, a], ["series", "activation"])
        try write(group, "final_loss_mean", e2Loss, [a], ["activation"])
        try write(group, "final_loss_t_low", e2Loss.map { $0 - 0.0007 }, [a], ["activation"])
        try write(group, "final_loss_t_high", e2Loss.map { $0 + 0.0007 }, [a], ["activation"])
        try group.writeDataset("rank_spearman", [e2Rho.rho, e2Rho.p, e2Rho.rho - 0.2, e2Rho.rho + 0.15], shape: [4])
    }

    /// λ and final loss of start `i` of activation `a`: loss rises with λ when
    /// `e3Direction` is +1 and falls when it is −1, plus a deterministic wiggle.
    func start(_ a: Int, _ i: Int) -> (lambda: Double, loss: Double, initial: Double) {
        let lambda = -0.01 + 0.004 * sin(Double(i) * 1.7 + Double(a))
        let loss = 0.12 + e3Direction * 4 * (lambda + 0.01) + 0.004 * cos(Double(i) * 2.3)
        let initial = 0.25 + 0.02 * sin(Double(i) * 0.9 + Double(a))
        return (lambda, loss, initial)
    }

    private func writeE3(_ group: HDF5Group) throws {
        let a = activations.count
        let n = startCount
        let g = 20
        try group.setAttribute("activations", .strings(activations))
        try group.setAttribute("series", .string("hybrid/early"))
        try group.setAttribute("unit", .string("bits/step"))
        try group.setAttribute("filters", .strings(["all", "initial-loss IQR"]))
        var lambda: [Double] = [], loss: [Double] = [], initial: [Double] = [], inIQR: [Int64] = [], bounds: [Double] = []
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
        try write(group, "lambda", lambda, [a, n], ["activation", "start"])
        try write(group, "final_loss", loss, [a, n], ["activation", "start"])
        try write(group, "initial_loss", initial, [a, n], ["activation", "start"])
        try group.writeDataset("in_iqr", inIQR, shape: [a, n]).setAttribute("dimensions", .strings(["activation", "start"]))
        try write(group, "iqr_bounds", bounds, [a, 2], ["activation", "bound"])
        try write(group, "pearson", pearson, [a, 2, 5], ["activation", "filter", "statistic"])
        try write(group, "spearman", spearman, [a, 2, 5], ["activation", "filter", "statistic"])
        try write(group, "fit", fit, [a, 2, 4], ["activation", "filter", "parameter"])
        try write(group, "band_x", bandX, [a, 2, g], ["activation", "filter", "point"])
        try write(group, "band_fit", bandFit, [a, 2, g], ["activation", "filter", "point"])
        try write(group, "band_low", bandLow, [a, 2, g], ["activation", "filter", "point"])
        try write(group, "band_high", bandHigh, [a, 2, g], ["activation", "filter", "point"])
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

    func writeValidation(path: String) throws {
        let file = try HDF5File.create(path)
        try file.root.setAttribute("provenance", .string(Self.validationProvenance.canonicalText))
        let group = try file.root.createGroup("validation")
        let rows: [(String, String, Int64, Double, Double, Double, String, Int64, String)] = [
            ("logistic r=4", "tangent", 0, 0.693140, 0.693147, 0.001, "nats/step", 1, "ok"),
            ("henon", "tangent", 0, 0.41920, 0.41922, 0.002, "nats/step", 1, "ok"),
            ("henon", "tangent", 1, -1.62315, -1.62319, 0.002, "nats/step", 1, "ok"),
            ("lorenz", "benettin", 0, 0.9012, 0.9056, 0.02, "nats/unit time", 1, "ok"),
            ("linear map", "hybrid", 0, 0.5004, 0.5, 1e-6, "bits/step", 0, "ok"),
            ("linear map", "divergence-fit", 0, .nan, 0.5, 1e-6, "nats/step", 0, "no-linear-window"),
        ]
        let count = rows.count
        try group.writeStrings("system", rows.map(\.0))
        try group.writeStrings("estimator", rows.map(\.1))
        try group.writeDataset("index", rows.map(\.2), shape: [count])
        try group.writeDataset("estimate", rows.map(\.3), shape: [count])
        try group.writeDataset("reference", rows.map(\.4), shape: [count])
        try group.writeDataset("tolerance", rows.map(\.5), shape: [count])
        try group.writeStrings("unit", rows.map(\.6))
        try group.writeDataset("passed", rows.map(\.7), shape: [count])
        try group.writeStrings("status", rows.map(\.8))
        try file.close()
    }

    private func write(_ group: HDF5Group, _ name: String, _ values: [Double], _ shape: [Int], _ dims: [String]) throws {
        try group.writeDataset(name, values, shape: shape).setAttribute("dimensions", .strings(dims))
    }
}
