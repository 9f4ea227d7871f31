import Foundation
import NumericsCore
import ReportKit
import Statistics

/// The statistics of the `aggregate` task (docs/PROTOCOL.md §2, §5): per-cell summaries over
/// seeds, correlations with p-values and bootstrap CIs, least-squares lines with bands, the
/// initial-loss IQR filter and the chaos onset, computed from the exponents tables. Every
/// bootstrap draws from its own stream of `key`, labelled by experiment, series and cell,
/// so adding a series or a cell never changes another number. The stream labels (`e1`,
/// `e1-loss`, `e2`, `e3` …) are those of the first layout and must stay: renaming one
/// would change every bootstrap interval it feeds.
public struct MittraAggregation: Sendable {
    /// Bootstrap resamples per interval.
    public var resamples: Int
    /// The root of the bootstrap streams.
    public var key: SeedKey
    /// Points of each least-squares band.
    public var bandPoints: Int

    /// Creates the aggregation.
    public init(resamples: Int, key: SeedKey, bandPoints: Int) {
        self.resamples = resamples
        self.key = key
        self.bandPoints = bandPoints
    }

    /// E1 from the learning-rate sweep's table. `chaos` is the index of the series that
    /// decides chaos (``ChaosRule``) and the onset of the cross-cell correlation.
    /// `trend` is the test that decided every row's `lossFallingByTrend`.
    /// `sensitivityThresholds` are the λ thresholds of the sensitivity grid.
    func sweep(
        _ table: ExponentTable, chaos: Int, chaosThreshold: Double, trend: LossTrend, sensitivityThresholds: [Double]
    ) throws -> LearningRateSweep {
        let activations = table.activationOrder
        let widths = Array(Set(table.rows.map(\.width))).sorted()
        let rates = Array(Set(table.rows.map(\.learningRate))).sorted()
        let (a, w, e, s) = (activations.count, widths.count, rates.count, table.series.count)
        var cells = [[Int]](repeating: [], count: a * w * e)
        for row in table.rows.indices {
            let cell = (activations.firstIndex(of: table.rows[row].activation)! * w + widths.firstIndex(of: table.rows[row].width)!) * e
                + rates.firstIndex(of: table.rows[row].learningRate)!
            cells[cell].append(row)
        }
        var summaries = [SummaryRow](repeating: SummaryRow(), count: s * a * w * e)
        var finalLoss = [SummaryRow](repeating: SummaryRow(), count: a * w * e)
        var diverged = [Int](repeating: 0, count: a * w * e)
        var chaotic = [Double](repeating: .nan, count: a * w * e)
        var chaoticEndPoints = [Double](repeating: .nan, count: a * w * e)
        var chaoticCount = [Int](repeating: 0, count: a * w * e)
        var trials = [Int](repeating: 0, count: a * w * e)
        var wilsonLow = [Double](repeating: .nan, count: a * w * e)
        var wilsonHigh = [Double](repeating: .nan, count: a * w * e)
        let seedOrder = Array(Set(table.rows.map(\.seedIndex))).sorted()
        var perSeed = [Double](repeating: .nan, count: a * w * e * seedOrder.count)
        var learned = [Double](repeating: .nan, count: a * w * e)
        let trendWindows = LossTrendWindow.allCases
        var sensitivity = [Double](repeating: .nan, count: sensitivityThresholds.count * trendWindows.count * a * w * e)
        var sharpness = [Double](repeating: .nan, count: a * w * e)
        for (cell, rows) in cells.enumerated() where !rows.isEmpty {
            for series in 0..<s {
                summaries[series * a * w * e + cell] = try SummaryRow(
                    rows.map { table.rows[$0].estimates[series] }, resamples: resamples,
                    key: key.derive("e1").derive(table.series[series]).derive("cell", cell))
            }
            finalLoss[cell] = try SummaryRow(rows.map { table.rows[$0].finalLoss }, resamples: resamples, key: key.derive("e1-loss").derive("cell", cell))
            diverged[cell] = rows.filter { table.rows[$0].diverged }.count
            chaotic[cell] = ChaosRule.chaoticFraction(
                rows.map { (table.rows[$0].estimates[chaos], table.rows[$0].lossFallingByTrend) }, threshold: chaosThreshold)
            chaoticEndPoints[cell] = ChaosRule.chaoticFraction(
                rows.map { (table.rows[$0].estimates[chaos], table.rows[$0].lossStillFalling) }, threshold: chaosThreshold)
            chaoticCount[cell] = rows.filter {
                ChaosRule.isChaotic(lambda: table.rows[$0].estimates[chaos], lossStillFalling: table.rows[$0].lossFallingByTrend, threshold: chaosThreshold)
            }.count
            trials[cell] = rows.count
            learned[cell] = Double(rows.filter { table.rows[$0].finalTestAccuracy >= ActivationRanking.learnedAccuracy }.count) / Double(rows.count)
            let interval = try WilsonInterval(successes: chaoticCount[cell], trials: rows.count)
            (wilsonLow[cell], wilsonHigh[cell]) = (interval.lower, interval.upper)
            for (t, threshold) in sensitivityThresholds.enumerated() {
                for v in trendWindows.indices {
                    let count = rows.filter {
                        ChaosRule.isChaotic(
                            lambda: table.rows[$0].estimates[chaos], lossStillFalling: table.rows[$0].lossFallingByWindow[v], threshold: threshold)
                    }.count
                    sensitivity[(t * trendWindows.count + v) * a * w * e + cell] = try WilsonInterval(successes: count, trials: rows.count).lower
                }
            }
            for row in rows {
                perSeed[cell * seedOrder.count + seedOrder.firstIndex(of: table.rows[row].seedIndex)!] = table.rows[row].estimates[chaos]
            }
            let products = rows.map { table.rows[$0].sharpnessTimesLearningRate }.filter(\.isFinite)
            sharpness[cell] = products.isEmpty ? .nan : products.reduce(0, +) / Double(products.count)
        }
        var onsetRates: [Double] = []
        var onsetKinds: [Int] = []
        for series in 0..<s {
            for activation in 0..<a {
                for width in 0..<w {
                    let base = series * a * w * e + (activation * w + width) * e
                    let (rate, kind) = ChaosOnset.onset(learningRates: rates, tLow: (0..<e).map { summaries[base + $0].tLow }, threshold: chaosThreshold)
                    onsetRates.append(rate)
                    onsetKinds.append(kind.rawValue)
                }
            }
        }
        let meanLambda = (0..<(a * w * e)).map { summaries[chaos * a * w * e + $0].mean }
        let spearman = CorrelationMeasure.measure(.spearman, meanLambda, finalLoss.map(\.mean), resamples: resamples, key: key.derive("e1-spearman"))
        let shape = [s, a, w, e]
        let cellShape = [a, w, e]
        return LearningRateSweep(
            activations: activations, widths: widths, learningRates: rates, series: table.series, seriesUnits: table.units,
            windows: table.windows.map(Double.init), seedCount: Set(table.rows.map(\.seedIndex)).count,
            chaosSeries: table.series[chaos], chaosThreshold: chaosThreshold, lambda: SeedSummaries(summaries, shape: shape),
            count: Grid(values: summaries.map { Int($0.count) }, shape: shape), diverged: Grid(values: diverged, shape: cellShape),
            finalLossMean: Grid(values: finalLoss.map(\.mean), shape: cellShape),
            finalLossLow: Grid(values: finalLoss.map(\.tLow), shape: cellShape),
            finalLossHigh: Grid(values: finalLoss.map(\.tHigh), shape: cellShape),
            chaoticFraction: Grid(values: chaotic, shape: cellShape),
            chaos: LearningRateSweep.ChaosFractions(
                count: Grid(values: chaoticCount, shape: cellShape), trials: Grid(values: trials, shape: cellShape),
                wilsonLow: Grid(values: wilsonLow, shape: cellShape), wilsonHigh: Grid(values: wilsonHigh, shape: cellShape),
                endPointFraction: Grid(values: chaoticEndPoints, shape: cellShape),
                seedIndices: seedOrder, lateLambda: Grid(values: perSeed, shape: cellShape + [seedOrder.count]), lossTrend: trend,
                sensitivity: LearningRateSweep.ChaosSensitivity(
                    thresholds: sensitivityThresholds, windows: trendWindows.map(\.rawValue),
                    wilsonLow: Grid(values: sensitivity, shape: [sensitivityThresholds.count, trendWindows.count] + cellShape)),
                learnedFraction: Grid(values: learned, shape: cellShape)),
            sharpnessTimesLearningRate: Grid(values: sharpness, shape: cellShape),
            onsetLearningRate: Grid(values: onsetRates, shape: [s, a, w]), onsetKind: Grid(values: onsetKinds, shape: [s, a, w]),
            seriesCost: table.costs.map { Int($0) },
            agreement: Grid(
                values: EstimatorAgreement.agreement(
                    series: table.series, units: table.units, estimates: table.rows.map(\.estimates), threshold: chaosThreshold),
                shape: [s, 3]),
            lossLambdaSpearman: spearman)
    }

    /// E2 from the activation study's table; `rank` is the index of the ranked series;
    /// `cannotRepresent` lists the activations left out of the representing pool of
    /// ``RankingBreakdown`` (its streams are new labels, so no earlier number changes).
    func ranking(_ table: ExponentTable, rank: Int, cannotRepresent: [String]) throws -> ActivationRanking {
        let activations = table.activationOrder
        let s = table.series.count
        var summaries = [SummaryRow](repeating: SummaryRow(), count: s * activations.count)
        var finalLoss: [SummaryRow] = []
        var accuracy: [Double] = [], learned: [Double] = []
        for (index, activation) in activations.enumerated() {
            let rows = table.rows.indices.filter { table.rows[$0].activation == activation }
            let accuracies = rows.map { table.rows[$0].finalTestAccuracy }
            accuracy.append(accuracies.reduce(0, +) / Double(accuracies.count))
            learned.append(Double(accuracies.filter { $0 >= ActivationRanking.learnedAccuracy }.count) / Double(accuracies.count))
            for series in 0..<s {
                summaries[series * activations.count + index] = try SummaryRow(
                    rows.map { table.rows[$0].estimates[series] }, resamples: resamples,
                    key: key.derive("e2").derive(table.series[series]).derive(activation))
            }
            finalLoss.append(try SummaryRow(rows.map { table.rows[$0].finalLoss }, resamples: resamples, key: key.derive("e2-loss").derive(activation)))
        }
        let spearman = CorrelationMeasure.measure(
            .spearman, table.rows.map { $0.estimates[rank] }, table.rows.map(\.finalLoss), resamples: resamples, key: key.derive("e2-spearman"))
        func rankCorrelation(_ rows: [ExponentTable.Row], _ label: SeedKey) -> CorrelationSummary {
            CorrelationMeasure.measure(.spearman, rows.map { $0.estimates[rank] }, rows.map(\.finalLoss), resamples: resamples, key: label)
        }
        let representing = activations.filter { !cannotRepresent.contains($0) }
        var accuracyRows: [SummaryRow] = []
        for activation in activations {
            let accuracies = table.rows.filter { $0.activation == activation }.map(\.finalTestAccuracy)
            accuracyRows.append(try SummaryRow(accuracies, resamples: resamples, key: key.derive("e2-accuracy").derive(activation)))
        }
        let breakdown = RankingBreakdown(
            representing: representing,
            representingSpearman: rankCorrelation(table.rows.filter { representing.contains($0.activation) }, key.derive("e2-spearman-representing")),
            activationSpearman: activations.map { activation in
                rankCorrelation(table.rows.filter { $0.activation == activation }, key.derive("e2-spearman-activation").derive(activation))
            },
            testAccuracyLow: accuracyRows.map(\.tLow), testAccuracyHigh: accuracyRows.map(\.tHigh))
        return ActivationRanking(
            activations: activations, width: table.rows.first?.width ?? 0, learningRate: table.rows.first?.learningRate ?? .nan,
            momentum: table.momentum, steps: Int(table.windows.last ?? 0), seedCount: Set(table.rows.map(\.seedIndex)).count,
            series: table.series, seriesUnits: table.units, rankSeries: table.series[rank],
            lambda: SeedSummaries(summaries, shape: [s, activations.count]), finalLossMean: finalLoss.map(\.mean),
            finalLossLow: finalLoss.map(\.tLow), finalLossHigh: finalLoss.map(\.tHigh), rankSpearman: spearman,
            testAccuracyMean: accuracy, learnedFraction: learned, breakdown: breakdown)
    }

    /// E3 from the activation study's table; `series` is the index of the λ series used.
    func initialWeights(_ table: ExponentTable, series: Int) throws -> InitialWeightStudy {
        let activations = table.activationOrder
        let rowsPer = activations.map { activation in table.rows.indices.filter { table.rows[$0].activation == activation } }
        let n = rowsPer.map(\.count).max() ?? 0
        var lambda: [Double] = [], final: [Double] = [], initial: [Double] = [], inIQR: [Int] = []
        var bounds: [Double] = [], pearson: [Double] = [], spearman: [Double] = [], partial: [Double] = [], fits: [Double] = []
        var bandX: [Double] = [], bandFit: [Double] = [], bandLow: [Double] = [], bandHigh: [Double] = []
        for (index, rows) in rowsPer.enumerated() {
            let x = rows.map { table.rows[$0].estimates[series] }
            let y = rows.map { table.rows[$0].finalLoss }
            let start = rows.map { table.rows[$0].initialLoss }
            let q = try InitialLossFilter.bounds(start)
            let keep = InitialLossFilter.keep(start, bounds: q)
            let padding = n - rows.count
            lambda += x + [Double](repeating: .nan, count: padding)
            final += y + [Double](repeating: .nan, count: padding)
            initial += start + [Double](repeating: .nan, count: padding)
            inIQR += keep.map { $0 ? 1 : 0 } + [Int](repeating: 0, count: padding)
            bounds += q
            for (filter, selected) in [(0, Array(rows.indices)), (1, rows.indices.filter { keep[$0] })] {
                let xs = selected.map { x[$0] }, ys = selected.map { y[$0] }
                partial += CorrelationMeasure.partial(xs, ys, given: selected.map { start[$0] }).storedWithCount
                let subKey = key.derive("e3").derive(activations[index]).derive("filter", filter)
                pearson += CorrelationMeasure.measure(.pearson, xs, ys, resamples: resamples, key: subKey.derive("pearson")).storedWithCount
                spearman += CorrelationMeasure.measure(.spearman, xs, ys, resamples: resamples, key: subKey.derive("spearman")).storedWithCount
                let line = LeastSquaresBand(x: xs, y: ys, points: bandPoints)
                fits += line.fit
                bandX += line.x; bandFit += line.fitted; bandLow += line.lower; bandHigh += line.upper
            }
        }
        let a = activations.count
        let band = [a, 2, bandPoints]
        return InitialWeightStudy(
            activations: activations, series: table.series[series], unit: table.units[series],
            lambda: Grid(values: lambda, shape: [a, n]), finalLoss: Grid(values: final, shape: [a, n]),
            initialLoss: Grid(values: initial, shape: [a, n]), inIQR: Grid(values: inIQR, shape: [a, n]),
            iqrBounds: Grid(values: bounds, shape: [a, 2]), pearson: Grid(values: pearson, shape: [a, 2, 5]),
            spearman: Grid(values: spearman, shape: [a, 2, 5]), partial: Grid(values: partial, shape: [a, 2, 5]), fit: Grid(values: fits, shape: [a, 2, 4]),
            bandX: Grid(values: bandX, shape: band), bandFit: Grid(values: bandFit, shape: band),
            bandLow: Grid(values: bandLow, shape: band), bandHigh: Grid(values: bandHigh, shape: band))
    }
}
