import Foundation
import HDF5
import NumericsCore
import StageKit
import Statistics

/// The `aggregate` stage (ISSUE #5): per-configuration statistics over seeds of the
/// Mittra experiments, correlations with p-values and bootstrap CIs, least-squares lines
/// with confidence bands, the initial-loss IQR filter of E3 and the η at which λ first
/// turns positive. Layout documented in README.md
/// ("aggregate.h5") and in ``AggregateWriter``.
public enum Aggregate {
    public static func run(_ context: StageContext) throws {
        let parameters = context.parameters
        let resamples = try parameters.int("bootstrapResamples", atLeast: 100)
        let key = try context.seed("bootstrap")
        // Each experiment names one exponents file, or several shards of one sweep.
        func table(_ key: String) throws -> ExponentTable {
            let names = try parameters.has(key) && parameters.value[key].map { if case .array = $0 { true } else { false } } == true
                ? parameters.strings(key) : [parameters.string(key)]
            return try ExponentTable(paths: names.map { try context.inputPath($0) })
        }
        let e1 = try table("e1")
        let e23 = try table("e23")
        let file = try context.createOutputFile(context.invocation.outputs[0].declaredPath)
        let writer = AggregateWriter(resamples: resamples, key: key, bandPoints: try parameters.int("bandPoints", atLeast: 2))
        try writer.writeE1(
            e1, chaosSeries: try parameters.string("chaosSeries"), chaosThreshold: try parameters.double("chaosThreshold"),
            path: parameters.path, into: try file.root.createGroup("e1"))
        try writer.writeE2(e23, rankSeries: try parameters.string("e2RankSeries"), path: parameters.path, into: try file.root.createGroup("e2"))
        try writer.writeE3(e23, series: try parameters.string("e3Series"), path: parameters.path, into: try file.root.createGroup("e3"))
        try file.close()
        try context.report()
    }
}

/// Writes the groups `/e1`, `/e2`, `/e3` of aggregate.h5.
struct AggregateWriter {
    let resamples: Int
    let key: SeedKey
    let bandPoints: Int

    /// E1. A seed counts as chaotic when its `chaosSeries` λ exceeds `chaosThreshold` and
    /// its loss is no longer falling (SCIENCE.md §2: a positive λ while GD still escapes
    /// the plateau is not chaos). The onset η of a series is where the lower 95% t bound
    /// of its mean first exceeds `chaosThreshold` (λ clearly positive), so that
    /// noise-level values around 0 do not count.
    func writeE1(_ table: ExponentTable, chaosSeries: String, chaosThreshold: Double, path: String, into group: HDF5Group) throws {
        let activations = table.activationOrder
        let widths = Array(Set(table.rows.map(\.width))).sorted()
        let rates = Array(Set(table.rows.map(\.learningRate))).sorted()
        let (a, w, e, s) = (activations.count, widths.count, rates.count, table.series.count)
        let chaos = try table.seriesIndex(chaosSeries, path: path + ".chaosSeries")
        var cells = [[Int]](repeating: [], count: a * w * e)
        for row in table.rows.indices {
            let cell = (activations.firstIndex(of: table.rows[row].activation)! * w + widths.firstIndex(of: table.rows[row].width)!) * e
                + rates.firstIndex(of: table.rows[row].learningRate)!
            cells[cell].append(row)
        }
        var summaries = [SummaryRow](repeating: SummaryRow(), count: s * a * w * e)
        var finalLoss = [SummaryRow](repeating: SummaryRow(), count: a * w * e)
        var diverged = [Int64](repeating: 0, count: a * w * e)
        var chaotic = [Double](repeating: .nan, count: a * w * e)
        var sharpness = [Double](repeating: .nan, count: a * w * e)
        for (cell, rows) in cells.enumerated() where !rows.isEmpty {
            for series in 0..<s {
                summaries[series * a * w * e + cell] = try SummaryRow(
                    rows.map { table.rows[$0].estimates[series] }, resamples: resamples,
                    key: key.derive("e1").derive(table.series[series]).derive("cell", cell))
            }
            finalLoss[cell] = try SummaryRow(rows.map { table.rows[$0].finalLoss }, resamples: resamples, key: key.derive("e1-loss").derive("cell", cell))
            diverged[cell] = Int64(rows.filter { table.rows[$0].diverged }.count)
            chaotic[cell] = Double(rows.filter { table.rows[$0].estimates[chaos] > chaosThreshold && !table.rows[$0].lossStillFalling }.count)
                / Double(rows.count)
            let products = rows.map { table.rows[$0].sharpnessTimesLearningRate }.filter(\.isFinite)
            sharpness[cell] = products.isEmpty ? .nan : products.reduce(0, +) / Double(products.count)
        }
        var onsetRates: [Double] = []
        var onsetKinds: [Int64] = []
        for series in 0..<s {
            for activation in 0..<a {
                for width in 0..<w {
                    let base = series * a * w * e + (activation * w + width) * e
                    let (rate, kind) = onset(learningRates: rates, values: (0..<e).map { summaries[base + $0].tLow - chaosThreshold })
                    onsetRates.append(rate)
                    onsetKinds.append(kind)
                }
            }
        }
        let meanLambda = (0..<(a * w * e)).map { summaries[chaos * a * w * e + $0].mean }
        let spearman = correlation(.spearman, meanLambda, finalLoss.map(\.mean), resamples: resamples, key: key.derive("e1-spearman"))

        try group.setAttribute("activations", .strings(activations))
        try group.setAttribute("widths", .ints(widths.map(Int64.init)))
        try group.setAttribute("learning_rates", .doubles(rates))
        try group.setAttribute("series", .strings(table.series))
        try group.setAttribute("series_units", .strings(table.units))
        try group.setAttribute("windows", .doubles(table.windows.map(Double.init)))
        try group.setAttribute("seed_count", .int(Int64(Set(table.rows.map(\.seedIndex)).count)))
        try group.setAttribute("chaos_series", .string(chaosSeries))
        try group.setAttribute("chaos_threshold", .double(chaosThreshold))
        let shape = [s, a, w, e]
        let names = ["series", "activation", "width", "learning rate"]
        try writeSummaries(summaries, shape: shape, dimensions: names, into: group, prefix: "")
        try write(group, "count", summaries.map(\.count), shape, names, "number of seeds with a finite estimate")
        let cellShape = [a, w, e]
        let cellNames = ["activation", "width", "learning rate"]
        try write(group, "diverged", diverged, cellShape, cellNames, "number of seeds whose training diverged")
        try write(group, "final_loss_mean", finalLoss.map(\.mean), cellShape, cellNames, "mean final training loss (MSE)")
        try write(group, "final_loss_t_low", finalLoss.map(\.tLow), cellShape, cellNames, "95% t-interval of the mean final loss")
        try write(group, "final_loss_t_high", finalLoss.map(\.tHigh), cellShape, cellNames, "95% t-interval of the mean final loss")
        try write(group, "chaotic_fraction", chaotic, cellShape, cellNames,
                  "fraction of seeds with \(chaosSeries) λ > \(chaosThreshold) nats/step and the loss no longer falling")
        try write(group, "sharpness_times_lr_mean", sharpness, cellShape, cellNames, "mean of η · top Hessian eigenvalue at the end (GD stable iff < 2)")
        try write(group, "onset_lr", onsetRates, [s, a, w], ["series", "activation", "width"], "η at which the lower 95% t bound of the mean λ first exceeds chaos_threshold (log-linear interpolation)")
        try write(group, "onset_kind", onsetKinds, [s, a, w], ["series", "activation", "width"], "0 crossing, 1 always positive, 2 never positive, 3 only downward crossings")
        try group.setAttribute("series_cost", .ints(table.costs))
        try write(group, "agreement", agreement(table, threshold: chaosThreshold), [s, 3], ["series", "median |Δλ|, median |Δλ|/|λ_ref|, sign agreement"],
                  "per-seed agreement with the tangent estimate of the same window (divergence fit: the early window), in nats/step, "
                  + "over the estimates whose reference |λ| exceeds chaos_threshold")
        try write(group, "loss_lambda_spearman", spearman.prefix(4).map { $0 }, [4], ["rho, p, boot_low, boot_high"],
                  "Spearman ρ between mean \(chaosSeries) λ and mean final loss across all (activation, width, η) cells")
    }

    /// For every series, how its per-seed estimates (in nats/step) compare with the
    /// tangent-space estimate over the same window, over the seeds whose reference |λ|
    /// exceeds `threshold`: the median absolute and relative difference and the
    /// fraction of equal signs. NaN when nothing qualifies.
    func agreement(_ table: ExponentTable, threshold: Double) -> [Double] {
        var result: [Double] = []
        for (index, name) in table.series.enumerated() {
            let window = name.split(separator: "/").last.map(String.init) ?? ""
            let referenceName = "tangent/" + (window == "late" ? "late" : "early")
            guard let reference = table.series.firstIndex(of: referenceName) else {
                result += [.nan, .nan, .nan]
                continue
            }
            let scale = table.units[index].hasPrefix("bits") ? log(2.0) : 1
            var absolute: [Double] = [], relative: [Double] = [], sameSign = 0
            for row in table.rows.map(\.estimates) where row[index].isFinite && row[reference].isFinite && abs(row[reference]) > threshold {
                let value = row[index] * scale
                absolute.append(abs(value - row[reference]))
                relative.append(abs(value - row[reference]) / abs(row[reference]))
                if (value > 0) == (row[reference] > 0) { sameSign += 1 }
            }
            guard !absolute.isEmpty, let medianAbsolute = try? Quantiles.median(absolute), let medianRelative = try? Quantiles.median(relative)
            else {
                result += [.nan, .nan, .nan]
                continue
            }
            result += [medianAbsolute, medianRelative, Double(sameSign) / Double(absolute.count)]
        }
        return result
    }

    func writeE2(_ table: ExponentTable, rankSeries: String, path: String, into group: HDF5Group) throws {
        let activations = table.activationOrder
        let s = table.series.count
        let rank = try table.seriesIndex(rankSeries, path: path + ".e2RankSeries")
        var summaries = [SummaryRow](repeating: SummaryRow(), count: s * activations.count)
        var finalLoss: [SummaryRow] = []
        for (index, activation) in activations.enumerated() {
            let rows = table.rows.indices.filter { table.rows[$0].activation == activation }
            for series in 0..<s {
                summaries[series * activations.count + index] = try SummaryRow(
                    rows.map { table.rows[$0].estimates[series] }, resamples: resamples,
                    key: key.derive("e2").derive(table.series[series]).derive(activation))
            }
            finalLoss.append(try SummaryRow(rows.map { table.rows[$0].finalLoss }, resamples: resamples, key: key.derive("e2-loss").derive(activation)))
        }
        let spearman = correlation(
            .spearman, table.rows.map { $0.estimates[rank] }, table.rows.map(\.finalLoss), resamples: resamples, key: key.derive("e2-spearman"))
        try group.setAttribute("activations", .strings(activations))
        try group.setAttribute("width", .int(Int64(table.rows.first?.width ?? 0)))
        try group.setAttribute("learning_rate", .double(table.rows.first?.learningRate ?? .nan))
        try group.setAttribute("momentum", .double(table.momentum))
        try group.setAttribute("steps", .int(table.windows.last ?? 0))
        try group.setAttribute("seed_count", .int(Int64(Set(table.rows.map(\.seedIndex)).count)))
        try group.setAttribute("series", .strings(table.series))
        try group.setAttribute("series_units", .strings(table.units))
        try group.setAttribute("rank_series", .string(rankSeries))
        try writeSummaries(summaries, shape: [s, activations.count], dimensions: ["series", "activation"], into: group, prefix: "")
        try write(group, "final_loss_mean", finalLoss.map(\.mean), [activations.count], ["activation"], "mean final training loss (MSE)")
        try write(group, "final_loss_t_low", finalLoss.map(\.tLow), [activations.count], ["activation"], "95% t-interval of the mean final loss")
        try write(group, "final_loss_t_high", finalLoss.map(\.tHigh), [activations.count], ["activation"], "95% t-interval of the mean final loss")
        try write(group, "rank_spearman", spearman.prefix(4).map { $0 }, [4], ["rho, p, boot_low, boot_high"],
                  "Spearman ρ between per-seed \(rankSeries) λ and final loss, pooled over activations")
    }

    func writeE3(_ table: ExponentTable, series name: String, path: String, into group: HDF5Group) throws {
        let activations = table.activationOrder
        let series = try table.seriesIndex(name, path: path + ".e3Series")
        let rowsPer = activations.map { activation in table.rows.indices.filter { table.rows[$0].activation == activation } }
        let n = rowsPer.map(\.count).max() ?? 0
        var lambda: [Double] = [], final: [Double] = [], initial: [Double] = [], inIQR: [Int64] = []
        var bounds: [Double] = [], pearson: [Double] = [], spearman: [Double] = [], fits: [Double] = []
        var bandX: [Double] = [], bandFit: [Double] = [], bandLow: [Double] = [], bandHigh: [Double] = []
        for (index, rows) in rowsPer.enumerated() {
            let x = rows.map { table.rows[$0].estimates[series] }
            let y = rows.map { table.rows[$0].finalLoss }
            let start = rows.map { table.rows[$0].initialLoss }
            let finiteStart = start.filter(\.isFinite)
            let q = finiteStart.count >= 2 ? try Quantiles.quantiles(finiteStart, [0.25, 0.75]) : [Double.nan, .nan]
            let keep = start.map { $0 >= q[0] && $0 <= q[1] }
            let padding = n - rows.count
            lambda += x + [Double](repeating: .nan, count: padding)
            final += y + [Double](repeating: .nan, count: padding)
            initial += start + [Double](repeating: .nan, count: padding)
            inIQR += keep.map { $0 ? 1 : 0 } + [Int64](repeating: 0, count: padding)
            bounds += q
            for (filter, selected) in [(0, Array(rows.indices)), (1, rows.indices.filter { keep[$0] })] {
                let xs = selected.map { x[$0] }, ys = selected.map { y[$0] }
                let subKey = key.derive("e3").derive(activations[index]).derive("filter", filter)
                pearson += correlation(.pearson, xs, ys, resamples: resamples, key: subKey.derive("pearson"))
                spearman += correlation(.spearman, xs, ys, resamples: resamples, key: subKey.derive("spearman"))
                let pairs = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }
                let grid = band(pairs.map(\.0))
                if let fit = try? LinearFit(x: pairs.map(\.0), y: pairs.map(\.1)), let points = try? fit.confidenceBand(at: grid) {
                    fits += [fit.intercept, fit.slope, fit.slopeStandardError, fit.rSquared]
                    bandX += points.map(\.x); bandFit += points.map(\.fitted); bandLow += points.map(\.lower); bandHigh += points.map(\.upper)
                } else {
                    fits += [.nan, .nan, .nan, .nan]
                    let missing = [Double](repeating: .nan, count: bandPoints)
                    bandX += missing; bandFit += missing; bandLow += missing; bandHigh += missing
                }
            }
        }
        let a = activations.count
        try group.setAttribute("activations", .strings(activations))
        try group.setAttribute("series", .string(name))
        try group.setAttribute("unit", .string(table.units[series]))
        try group.setAttribute("filters", .strings(["all", "initial-loss IQR"]))
        try write(group, "lambda", lambda, [a, n], ["activation", "start"], "λ of each start (\(name))")
        try write(group, "final_loss", final, [a, n], ["activation", "start"], "final training loss of each start")
        try write(group, "initial_loss", initial, [a, n], ["activation", "start"], "training loss at step 0")
        try write(group, "in_iqr", inIQR, [a, n], ["activation", "start"], "1 if the initial loss lies within that activation's [q25, q75]")
        try write(group, "iqr_bounds", bounds, [a, 2], ["activation", "q25, q75"], "quartiles of the initial loss (R type 7)")
        let statistics = ["activation", "filter", "coefficient, p, boot_low, boot_high, n"]
        try write(group, "pearson", pearson, [a, 2, 5], statistics, "Pearson r of λ and final loss, two-sided t-test p, 95% bootstrap CI, n")
        try write(group, "spearman", spearman, [a, 2, 5], statistics, "Spearman ρ of λ and final loss, t-approximation p, 95% bootstrap CI, n")
        try write(group, "fit", fits, [a, 2, 4], ["activation", "filter", "intercept, slope, slope SE, r²"], "least-squares line final loss = a + b λ")
        let bandShape = [a, 2, bandPoints]
        let bandNames = ["activation", "filter", "point"]
        try write(group, "band_x", bandX, bandShape, bandNames, "λ grid of the band")
        try write(group, "band_fit", bandFit, bandShape, bandNames, "fitted mean final loss")
        try write(group, "band_low", bandLow, bandShape, bandNames, "95% confidence band of the mean (lower)")
        try write(group, "band_high", bandHigh, bandShape, bandNames, "95% confidence band of the mean (upper)")
    }

    /// `bandPoints` evenly spaced values over the range of `values`.
    private func band(_ values: [Double]) -> [Double] {
        guard let low = values.min(), let high = values.max() else { return [] }
        return (0..<bandPoints).map { low + (high - low) * Double($0) / Double(bandPoints - 1) }
    }

    private func writeSummaries(_ rows: [SummaryRow], shape: [Int], dimensions: [String], into group: HDF5Group, prefix: String) throws {
        let fields: [(String, KeyPath<SummaryRow, Double>, String)] = [
            ("mean", \.mean, "mean over seeds"), ("t_low", \.tLow, "95% Student-t CI of the mean, lower"),
            ("t_high", \.tHigh, "95% Student-t CI of the mean, upper"), ("boot_low", \.bootLow, "95% percentile bootstrap CI of the mean, lower"),
            ("boot_high", \.bootHigh, "95% percentile bootstrap CI of the mean, upper"), ("median", \.median, "median over seeds"),
            ("q25", \.q25, "lower quartile"), ("q75", \.q75, "upper quartile"),
        ]
        for (name, field, meaning) in fields {
            try write(group, prefix + name, rows.map { $0[keyPath: field] }, shape, dimensions, meaning)
        }
    }

    private func write<T: HDF5Element>(_ group: HDF5Group, _ name: String, _ values: [T], _ shape: [Int], _ dimensions: [String], _ meaning: String) throws {
        let dataset = try group.writeDataset(name, values, shape: shape)
        try dataset.setAttribute("dimensions", .strings(dimensions))
        try dataset.setAttribute("meaning", .string(meaning))
    }
}
