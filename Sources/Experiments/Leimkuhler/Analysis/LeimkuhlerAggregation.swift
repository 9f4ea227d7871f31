import Provenance
import ReportKit

/// The E5 statistics over seeds (docs/PROTOCOL.md §4), as pure functions of per-seed values.
public enum LeimkuhlerAggregation {
    /// One row's per-seed inputs: curves [N][K] and λ [S][N].
    public struct RowInput: Sendable {
        public var label: String
        public var optimizer: String
        public var learningRate: Double
        public var testAccuracy: [[Double]], testLoss: [[Double]], trainAccuracy: [[Double]], trainLoss: [[Double]]
        /// Per tensor (in `tensors` order) per seed the kinetic temperature at every epoch; empty without momenta.
        public var kineticTemperature: [[[Double]]]
        /// Likewise, measured inside the step at the thermostat's own point; empty when not recorded.
        public var kineticTemperatureAtThermostat: [[[Double]]]
        public var targetTemperature: [Double]
        public var lambda: [[Double]]
        /// The optimizer settings its ensembles file records (`optimizer_hyperparameters`).
        public var hyperparameters: JSONValue
        /// The ensembles file it was read from.
        public var source: String
        /// A control (e.g. full-batch Langevin): shown beside the methods, never compared in the claims.
        public var isControl: Bool

        public init(
            label: String, optimizer: String, learningRate: Double, testAccuracy: [[Double]], testLoss: [[Double]],
            trainAccuracy: [[Double]], trainLoss: [[Double]], kineticTemperature: [[[Double]]], targetTemperature: [Double],
            lambda: [[Double]], hyperparameters: JSONValue = .object([:]), source: String = "", isControl: Bool = false,
            kineticTemperatureAtThermostat: [[[Double]]] = []
        ) {
            self.kineticTemperatureAtThermostat = kineticTemperatureAtThermostat
            (self.label, self.optimizer, self.learningRate) = (label, optimizer, learningRate)
            (self.testAccuracy, self.testLoss, self.trainAccuracy, self.trainLoss) = (testAccuracy, testLoss, trainAccuracy, trainLoss)
            (self.kineticTemperature, self.targetTemperature, self.lambda) = (kineticTemperature, targetTemperature, lambda)
            (self.hyperparameters, self.source, self.isControl) = (hyperparameters, source, isControl)
        }
    }

    /// The bands over seeds at every epoch of per-seed curves `runs` [N][K].
    public static func bands(_ runs: [[Double]], epochs: Int) -> [SeedBand] {
        (0..<epochs).map { k in SeedBand(runs.map { k < $0.count ? $0[k] : .nan }) }
    }

    /// The results of `rows` (all on the same evaluation epochs and seeds).
    public static func results(
        _ rows: [RowInput], epochs: [Double], tableEpochs: [Double], tensors: [String], series: [String], seriesUnits: [String],
        seedCount: Int, stepsPerEpoch: Int, targetAccuracy: Double
    ) -> LeimkuhlerResults {
        let (o, k, d, s, n) = (rows.count, epochs.count, tensors.count, series.count, seedCount)
        var curves: [String: [Double]] = [:]
        func append(_ prefix: String, _ bands: [SeedBand], full: Bool) {
            curves[prefix + "_mean", default: []] += bands.map(\.mean)
            if full {
                curves[prefix + "_low", default: []] += bands.map(\.low)
                curves[prefix + "_high", default: []] += bands.map(\.high)
            }
        }
        var finalAccuracy: [Double] = [], finalLoss: [Double] = [], kinetic: [Double] = [], targets: [Double] = []
        var atThermostat: [Double] = []
        var lambda: [Double] = [], lambdaMean: [Double] = [], lambdaLow: [Double] = [], lambdaHigh: [Double] = []
        var perSeedAccuracy: [Double] = [], finalGap: [Double] = []
        for row in rows {
            append("test_accuracy", bands(row.testAccuracy, epochs: k), full: true)
            append("test_loss", bands(row.testLoss, epochs: k), full: true)
            append("train_accuracy", bands(row.trainAccuracy, epochs: k), full: false)
            append("train_loss", bands(row.trainLoss, epochs: k), full: false)
            let gaps = zip(row.trainAccuracy, row.testAccuracy).map { zip($0, $1).map { $0 - $1 } }
            append("gap", bands(gaps, epochs: k), full: true)
            let pad = { (values: [Double]) in (0..<n).map { $0 < values.count ? values[$0] : .nan } }
            finalAccuracy += pad(row.testAccuracy.map { $0.last ?? .nan })
            finalLoss += pad(row.testLoss.map { $0.last ?? .nan })
            finalGap += pad(gaps.map { $0.last ?? .nan })
            for seed in 0..<n {
                perSeedAccuracy += (0..<k).map { seed < row.testAccuracy.count && $0 < row.testAccuracy[seed].count ? row.testAccuracy[seed][$0] : .nan }
            }
            for t in 0..<d {
                atThermostat += t < row.kineticTemperatureAtThermostat.count
                    ? bands(row.kineticTemperatureAtThermostat[t], epochs: k).map(\.mean) : [Double](repeating: .nan, count: k)
                if t < row.kineticTemperature.count {
                    kinetic += bands(row.kineticTemperature[t], epochs: k).map(\.mean)
                    targets.append(t < row.targetTemperature.count ? row.targetTemperature[t] : .nan)
                } else {
                    kinetic += [Double](repeating: .nan, count: k)
                    targets.append(.nan)
                }
            }
            for j in 0..<s {
                let values = j < row.lambda.count ? pad(row.lambda[j]) : [Double](repeating: .nan, count: n)
                lambda += values
                let band = SeedBand(values)
                lambdaMean.append(band.mean); lambdaLow.append(band.low); lambdaHigh.append(band.high)
            }
        }
        let finalMeans = rows.indices.map { curves["test_accuracy_mean"]![$0 * k + k - 1] }
        let best = { (optimizer: String) in
            let candidates = rows.indices.filter { rows[$0].optimizer == optimizer && !rows[$0].isControl }
            return BestRate.index(finalMeans: candidates.map { finalMeans[$0] }).map { candidates[$0] } ?? -1
        }
        var results = LeimkuhlerResults(
            labels: rows.map(\.label), optimizers: rows.map(\.optimizer), learningRates: rows.map(\.learningRate), epochs: epochs,
            tableEpochs: tableEpochs, tensors: tensors, series: series, seriesUnits: seriesUnits, seedCount: n,
            stepsPerEpoch: stepsPerEpoch, bestSGD: best("gd"), targetAccuracy: targetAccuracy,
            curves: curves.mapValues { Grid(values: $0, shape: [o, k]) },
            finalTestAccuracy: Grid(values: finalAccuracy, shape: [o, n]), finalTestLoss: Grid(values: finalLoss, shape: [o, n]),
            kineticTemperature: Grid(values: kinetic, shape: [o, d, k]), targetTemperature: Grid(values: targets, shape: [o, d]),
            lambda: Grid(values: lambda, shape: [o, s, n]), lambdaMean: Grid(values: lambdaMean, shape: [o, s]),
            lambdaLow: Grid(values: lambdaLow, shape: [o, s]), lambdaHigh: Grid(values: lambdaHigh, shape: [o, s]))
        results.hyperparameters = HyperparameterTable(rows.map(\.hyperparameters))
        results.bestAdam = best("adam")
        let position = { (optimizer: String, row: Int) -> GridPosition in
            let grid = rows.filter { $0.optimizer == optimizer && !$0.isControl }.map(\.learningRate)
            return row >= 0 ? GridPosition.of(rows[row].learningRate, in: grid) : .none
        }
        results.bestSGDPosition = position("gd", results.bestSGD)
        results.bestAdamPosition = position("adam", results.bestAdam)
        (results.sources, results.isControl) = (rows.map(\.source), rows.map(\.isControl))
        results.testAccuracyPerSeed = Grid(values: perSeedAccuracy, shape: [o, n, k])
        results.finalGap = Grid(values: finalGap, shape: [o, n])
        results.kineticTemperatureAtThermostat = Grid(values: atThermostat, shape: [o, d, k])
        return results
    }

    /// The display labels of rows of `optimizers` at `learningRates`, or `given` where not nil:
    /// the optimizer's name, with its rate when the rows hold it at several rates.
    public static func labels(optimizers: [String], learningRates: [Double], given: [String?]) -> [String] {
        optimizers.indices.map { o in
            let rates = Set(optimizers.indices.filter { optimizers[$0] == optimizers[o] && given[$0] == nil }.map { learningRates[$0] })
            return given[o] ?? label(optimizer: optimizers[o], learningRate: learningRates[o], ofGrid: rates.count > 1)
        }
    }

    /// The display name of an optimizer as the files name it, with its rate when a grid is swept.
    public static func label(optimizer: String, learningRate: Double, ofGrid: Bool) -> String {
        let names = ["gd": "SGD", "adam": "Adam", "langevin": "Langevin", "adaptive-langevin": "Adaptive Langevin",
                     "lala": "LaLa", "adlala": "AdLaLa", "lol": "LOL", "heavy-ball": "Heavy ball"]
        let name = names[optimizer] ?? optimizer
        return ofGrid ? "\(name) (η = \(ReportNumber.exact(learningRate)))" : name
    }
}
