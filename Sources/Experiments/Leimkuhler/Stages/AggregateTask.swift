import DataStage
import Foundation
import HDF5
import ReportKit
import StageKit

/// The `aggregate` task of `leimkuhler` (SCIENCE.md §4): reads every optimizer's ensembles
/// file and the exponents file estimated from it (the parameters `ensembles` and
/// `exponents`, in the same order), and the data file for the steps per epoch, computes
/// ``LeimkuhlerAggregation`` and writes ``LeimkuhlerResults`` to the stage's one output.
public enum AggregateTask {
    /// Runs the task for `context`.
    public static func run(_ context: StageContext) throws {
        let p = context.parameters
        let ensembles = try p.strings("ensembles"), exponents = try p.strings("exponents")
        guard ensembles.count == exponents.count, !ensembles.isEmpty else {
            throw StageError.parameter(path: p.path + ".exponents", message: "must list one exponents file per ensembles file, in the same order")
        }
        let tableEpochs = try p.doubles("tableEpochs")
        let target = try p.double("targetAccuracy")
        let dataFile = try HDF5File.open(try context.inputPath(try p.string("data")))
        // Every draw of a multi-draw file has the same size (one generator, one sample count).
        let trainCount = try ClassificationDataFile.read(split: "train", draw: 0, from: dataFile).count
        try dataFile.close()
        let sets = try zip(ensembles, exponents).map { try RunSet(ensembles: try context.inputPath($0), exponents: try context.inputPath($1)) }
        let first = sets[0]
        let batch = first.batchSize == 0 ? trainCount : first.batchSize
        let stepsPerEpoch = (trainCount + batch - 1) / batch
        let epochs = first.recordedSteps.map { Double($0) / Double(stepsPerEpoch) }
        let seedCount = sets.flatMap { $0.rates.map(\.rows.count) }.max() ?? 0
        let tensors = (sets.first { !$0.diagnosticNames.isEmpty }?.diagnosticNames ?? [])
            .compactMap { $0.dropPrefix("kinetic_temperature/") }
        for (set, path) in zip(sets, ensembles) where set.recordedSteps != first.recordedSteps || set.series != first.series {
            throw StageError.invalidInput(path: path, reason: "its recorded steps or λ series differ from \(ensembles[0]); train and estimate every optimizer alike")
        }
        var rows: [LeimkuhlerAggregation.RowInput] = []
        for set in sets {
            for rate in set.rates {
                let curve = { (values: [Double]) in rate.rows.map { Array(set.line(values, $0)) } }
                let kinetic = set.diagnosticNames.isEmpty ? [] : tensors.map { t in rate.rows.map { set.diagnostic("kinetic_temperature/" + t, $0) ?? [] } }
                let targets = tensors.map { t in rate.rows.first.flatMap { set.diagnostic("target_temperature/" + t, $0)?.first } ?? .nan }
                let lambda = set.series.indices.map { j in rate.rows.map { set.estimates[$0 * set.series.count + j] } }
                rows.append(LeimkuhlerAggregation.RowInput(
                    label: LeimkuhlerAggregation.label(optimizer: set.optimizer, learningRate: rate.learningRate, ofGrid: set.rates.count > 1),
                    optimizer: set.optimizer, learningRate: rate.learningRate, testAccuracy: curve(set.testAccuracy),
                    testLoss: curve(set.testLoss), trainAccuracy: curve(set.trainAccuracy), trainLoss: curve(set.trainLoss),
                    kineticTemperature: kinetic, targetTemperature: set.diagnosticNames.isEmpty ? [] : targets, lambda: lambda))
            }
        }
        let results = LeimkuhlerAggregation.results(
            rows, epochs: epochs, tableEpochs: tableEpochs, tensors: tensors, series: first.series, seriesUnits: first.seriesUnits,
            seedCount: seedCount, stepsPerEpoch: stepsPerEpoch, targetAccuracy: target)
        try StageFiles.writeOneResultsFile(context, role: "aggregate.h5") { try results.write(into: $0) }
    }
}
