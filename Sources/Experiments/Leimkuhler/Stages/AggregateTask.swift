import FileSchemas
import Foundation
import HDF5
import ReportKit
import StageKit

/// The `aggregate` task of `leimkuhler` (docs/PROTOCOL.md §4): reads every optimizer's ensembles
/// file and the exponents file estimated from it (the parameters `ensembles` and
/// `exponents`, in the same order), the baselines' and controls' ensembles files without
/// exponents (`comparisons`, `controls`: rows after the main ones, λ NaN), the variants'
/// ensembles files (`variants`), and the data file for the steps per epoch and the test
/// points; computes
/// ``LeimkuhlerAggregation``, the typical runs' classifiers (``DecisionBoundary``) and the
/// variants' statistics (``VariantAggregation``) into ``LeimkuhlerResults``, which
/// ``Leimkuhler`` writes to the stage's one output.
public enum AggregateTask {
    /// The results of the task for `context`.
    static func results(_ context: StageContext) throws -> LeimkuhlerResults {
        let p = context.parameters
        let ensembles = try p.strings("ensembles"), exponents = try p.strings("exponents")
        guard ensembles.count == exponents.count, !ensembles.isEmpty else {
            throw StageError.parameter(path: p.path + ".exponents", message: "must list one exponents file per ensembles file, in the same order")
        }
        let tableEpochs = try p.doubles("tableEpochs")
        let target = try p.double("targetAccuracy")
        let boundary = try p.object("decisionBoundary")
        let dataFile = try HDF5File.open(try context.inputPath(try p.string("data")))
        defer { try? dataFile.close() }
        // Every draw of a multi-draw file has the same size (one generator, one sample count).
        let trainCount = try DataFile.sampleCount(split: "train", draw: 0, in: dataFile)
        let sets = try zip(ensembles, exponents).map { try RunSet(ensembles: try context.inputPath($0), exponents: try context.inputPath($1)) }
        let variantPaths = try p.strings("variants")
        let variantSets = try variantPaths.map { try RunSet(ensembles: try context.inputPath($0), exponents: nil) }
        let comparisonPaths = try p.strings("comparisons"), controlPaths = try p.strings("controls")
        let extraPaths = comparisonPaths + controlPaths
        let extraSets = try extraPaths.map { try RunSet(ensembles: try context.inputPath($0), exponents: nil) }
        let givenLabels = try p.object("rowLabels")
        let first = sets[0]
        let batch = first.batchSize == 0 ? trainCount : first.batchSize
        let stepsPerEpoch = (trainCount + batch - 1) / batch
        let epochs = first.recordedSteps.map { Double($0) / Double(stepsPerEpoch) }
        let seedCount = sets.flatMap { $0.rates.map(\.rows.count) }.max() ?? 0
        let tensors = (sets.first { !$0.diagnosticNames.isEmpty }?.diagnosticNames ?? [])
            .compactMap { $0.dropPrefix("kinetic_temperature/") }
        for (set, path) in Array(zip(sets, ensembles)) + Array(zip(variantSets, variantPaths)) + Array(zip(extraSets, extraPaths)) where set.recordedSteps != first.recordedSteps {
            throw StageError.invalidInput(path: path, reason: "its recorded steps differ from \(ensembles[0]); train every optimizer alike")
        }
        for (set, path) in zip(sets, ensembles) where set.series != first.series {
            throw StageError.invalidInput(path: path, reason: "its λ series differ from \(ensembles[0]); estimate every optimizer alike")
        }
        func row(_ set: RunSet, _ rate: RunSet.Rate, source: String = "", isControl: Bool = false) -> LeimkuhlerAggregation.RowInput {
            let curve = { (values: [Double]) in rate.rows.map { Array(set.line(values, $0)) } }
            let kinetic = set.diagnosticNames.isEmpty ? [] : tensors.map { t in rate.rows.map { set.diagnostic("kinetic_temperature/" + t, $0) ?? [] } }
            let atThermostat = set.thermostatPointNames.isEmpty ? [] : tensors.map { t in rate.rows.map { set.thermostatPointDiagnostic("kinetic_temperature/" + t, $0) ?? [] } }
            let targets = tensors.map { t in rate.rows.first.flatMap { set.diagnostic("target_temperature/" + t, $0)?.first } ?? .nan }
            let lambda = set.series.indices.map { j in rate.rows.map { set.estimates[$0 * set.series.count + j] } }
            return LeimkuhlerAggregation.RowInput(
                label: LeimkuhlerAggregation.label(optimizer: set.optimizer, learningRate: rate.learningRate, ofGrid: set.rates.count > 1),
                optimizer: set.optimizer, learningRate: rate.learningRate, testAccuracy: curve(set.testAccuracy),
                testLoss: curve(set.testLoss), trainAccuracy: curve(set.trainAccuracy), trainLoss: curve(set.trainLoss),
                kineticTemperature: kinetic, targetTemperature: set.diagnosticNames.isEmpty ? [] : targets, lambda: lambda,
                hyperparameters: set.hyperparameters, source: source, isControl: isControl, kineticTemperatureAtThermostat: atThermostat)
        }
        let allSets = Array(zip(sets, ensembles)) + Array(zip(extraSets, extraPaths))
        let runs = allSets.flatMap { set, path in set.rates.map { (set: set, rate: $0, path: path) } }
        var rows = runs.map { row($0.set, $0.rate, source: $0.path, isControl: controlPaths.contains($0.path)) }
        let given = try runs.map { run -> String? in
            guard givenLabels.has(run.path) else { return nil }
            let text = try givenLabels.string(run.path)
            return run.set.rates.count > 1 ? text + " (η = \(ReportNumber.exact(run.rate.learningRate)))" : text
        }
        for (o, label) in LeimkuhlerAggregation.labels(optimizers: rows.map(\.optimizer), learningRates: rows.map(\.learningRate), given: given).enumerated() {
            rows[o].label = label
        }
        var results = LeimkuhlerAggregation.results(
            rows, epochs: epochs, tableEpochs: tableEpochs, tensors: tensors, series: first.series, seriesUnits: first.seriesUnits,
            seedCount: seedCount, stepsPerEpoch: stepsPerEpoch, targetAccuracy: target)

        // The typical run of every method (SGD and Adam at their best rates only, no controls) on the test set of its data draw.
        var testSets: [Int: DataFile.Split] = [:]
        let panels = rows.indices.filter {
            !rows[$0].isControl && (rows[$0].optimizer != "gd" || $0 == results.bestSGD) && (rows[$0].optimizer != "adam" || $0 == results.bestAdam)
        }
        let typical = try panels.map { o -> DecisionBoundary.Run in
            let finals = rows[o].testAccuracy.map { $0.last ?? .nan }
            let path = runs[o].path
            guard let t = TypicalRun.index(finalAccuracies: finals) else {
                throw StageError.invalidInput(path: path,
                                              reason: "no seed of \(rows[o].label) has a finite final test accuracy; no typical run to draw")
            }
            let (set, c) = (runs[o].set, runs[o].rate.rows[t])
            let draw = set.dataDraws[c]
            if testSets[draw] == nil { testSets[draw] = try DataFile.read(split: "test", draw: draw, from: dataFile) }
            let run = DecisionBoundary.Run(
                network: try set.finalNetwork(c, path: path), test: testSets[draw]!, seedIndex: set.seedIndices[c],
                finalAccuracy: finals[t], dataDraw: draw)
            // The last evaluation is of the final parameters: the pair (network, draw) must reproduce it.
            if set.recordedSteps.last == set.steps, DecisionBoundary.testAccuracy(of: run) != finals[t] {
                throw StageError.invalidInput(path: path, reason: "the final parameters of configuration \(c) on test draw \(draw) do not reproduce its recorded test accuracy \(finals[t])")
            }
            return run
        }
        results.decisionBoundary = try DecisionBoundary.results(
            typical, gridPoints: try boundary.int("gridPoints", atLeast: 2), margin: try boundary.double("margin"))
        results.decisionBoundary?.rows = panels

        // The variants beside the main run of their optimizer, through the same row statistics.
        if let optimizer = variantSets.first?.optimizer {
            guard let main = sets.firstIndex(where: { $0.optimizer == optimizer }), sets[main].rates.count == 1,
                variantSets.allSatisfy({ $0.optimizer == optimizer && $0.rates.count == 1 })
            else {
                throw StageError.parameter(path: p.path + ".variants", message: "must be ensembles files of one optimizer at one step size, trained like one of the ensembles files (found \(variantSets.map(\.optimizer)))")
            }
            let mainRow = runs.firstIndex { $0.set.optimizer == optimizer }!
            results.variants = VariantAggregation.results(
                [rows[mainRow]] + variantSets.map { row($0, $0.rates[0]) }, hyperparameters: ([sets[main]] + variantSets).map(\.hyperparameters),
                sources: [ensembles[main]] + variantPaths, tensors: tensors)
        }
        return results
    }
}
