import FileSchemas
import Foundation
import HDF5
import NetworkInference
import Provenance
import StageKit

/// One optimizer's runs as E5 reads them: an ensembles file (``FileSchemas/EnsemblesFile``)
/// and the exponents file estimated from it (``FileSchemas/ExponentsFile``), split by
/// learning rate. Everything comes from what the files say about themselves: the optimizer
/// name and settings, the batch size, the recorded steps, the names of the optimizer
/// diagnostics, the networks and their final parameters, and the data draw of each row.
struct RunSet {
    /// One learning rate's seeds.
    struct Rate {
        var learningRate: Double
        /// Configuration rows of this rate, by seed index.
        var rows: [Int]
    }

    var optimizer: String
    var batchSize: Int
    /// T, the trained steps.
    var steps: Int
    var recordedSteps: [Int]
    var rates: [Rate]
    /// Per configuration row: its seed index and the data draw it trained on.
    var seedIndices: [Int], dataDraws: [Int]
    /// The settings of the optimizer as the file records them (besides the step size).
    var hyperparameters: JSONValue
    /// The file's header (networks: layer sizes, activations) and final parameters [C, P].
    var header: EnsemblesFile
    var finalParameters: [Double]
    /// [C, K] row-major.
    var testAccuracy: [Double], testLoss: [Double], trainAccuracy: [Double], trainLoss: [Double]
    /// Diagnostic names and values [C, K, names.count], measured after each recorded step.
    var diagnosticNames: [String]
    var diagnostics: [Double]
    /// Names and values [C, K, names.count] of the diagnostics measured inside the step at the
    /// thermostat's own point (`thermostat_point_diagnostics`; empty when the file has none).
    var thermostatPointNames: [String]
    var thermostatPointDiagnostics: [Double]
    var series: [String], seriesUnits: [String]
    /// λ estimates [C, S] row-major.
    var estimates: [Double]

    /// Reads the ensembles file at `path` and, when given, the exponents file estimated from it
    /// (without one, `series` and `estimates` are empty).
    init(ensembles path: String, exponents exponentsPath: String?) throws {
        typealias F = EnsemblesFile.Fields
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        header = try EnsemblesFile(reading: file)
        optimizer = header.optimizer
        batchSize = Int(header.batchSize)
        steps = Int(header.steps)
        hyperparameters = try JSONValue.parse(Data(header.optimizerHyperparameters.utf8), source: path + " @optimizer_hyperparameters")
        let learningRates = header.configurations.learningRate
        let seedIndices = header.configurations.seedIndex
        self.seedIndices = seedIndices.map(Int.init)
        dataDraws = header.dataDraw.map(Int.init)
        var rates: [Rate] = []
        for (row, rate) in learningRates.enumerated() {
            if let i = rates.firstIndex(where: { $0.learningRate == rate }) { rates[i].rows.append(row) } else { rates.append(Rate(learningRate: rate, rows: [row])) }
        }
        for i in rates.indices { rates[i].rows.sort { seedIndices[$0] < seedIndices[$1] } }
        self.rates = rates
        finalParameters = try header.rows(F.finalParameters, from: file).values
        recordedSteps = try file.read(F.recordedSteps).values.map(Int.init)
        testAccuracy = try header.rows(F.testAccuracy, from: file).values
        testLoss = try header.rows(F.testLoss, from: file).values
        guard let trainAccuracy = try file.readIfPresent(F.trainingSetAccuracy), let trainLoss = try file.readIfPresent(F.trainingSetLoss) else {
            throw StageError.invalidInput(path: path, reason: "it has no /reference/training_set_accuracy; train with record.trainingSet true")
        }
        (self.trainAccuracy, self.trainLoss) = (trainAccuracy.values, trainLoss.values)
        if let diagnostics = try file.readIfPresent(F.optimizerDiagnostics) {
            diagnosticNames = try file.read(F.diagnosticNames)
            self.diagnostics = diagnostics.values
        } else {
            (diagnosticNames, diagnostics) = ([], [])
        }
        if let measured = try file.readIfPresent(F.thermostatPointDiagnostics) {
            thermostatPointNames = try file.read(F.thermostatPointDiagnosticNames)
            thermostatPointDiagnostics = measured.values
        } else {
            (thermostatPointNames, thermostatPointDiagnostics) = ([], [])
        }
        guard let exponentsPath else {
            (series, seriesUnits, estimates) = ([], [], [])
            return
        }
        let exponents = try ExponentsFile(path: exponentsPath)
        guard exponents.count == learningRates.count else {
            throw StageError.invalidInput(
                path: exponentsPath, reason: "it has \(exponents.count) configurations, \(path) has \(learningRates.count): not estimated from it")
        }
        (series, seriesUnits, estimates) = (exponents.series, exponents.units, exponents.estimate)
    }

    /// The network of row `c` with its parameters after the last step.
    func finalNetwork(_ c: Int, path: String) throws -> FeedForwardNetwork {
        let count = Int(header.parameterCount[c]), width = finalParameters.count / max(header.count, 1)
        do {
            return try FeedForwardNetwork(
                layerSizes: header.layerSizes(c), hidden: header.configurations.activation[c], output: header.outputActivation,
                parameters: Array(finalParameters[(c * width)..<(c * width + count)]))
        } catch {
            throw StageError.invalidInput(path: path, reason: "row \(c): \(error)")
        }
    }

    /// Row `c`'s values at the K recorded steps of a [C, K] array.
    func line(_ values: [Double], _ c: Int) -> ArraySlice<Double> {
        values[(c * recordedSteps.count)..<((c + 1) * recordedSteps.count)]
    }

    /// Row `c`'s diagnostic `name` at every recorded step; nil if the optimizer does not record it.
    func diagnostic(_ name: String, _ c: Int) -> [Double]? {
        Self.column(name, of: c, names: diagnosticNames, values: diagnostics, steps: recordedSteps.count)
    }

    /// Row `c`'s thermostat-point diagnostic `name` at every recorded step; nil if not recorded.
    func thermostatPointDiagnostic(_ name: String, _ c: Int) -> [Double]? {
        Self.column(name, of: c, names: thermostatPointNames, values: thermostatPointDiagnostics, steps: recordedSteps.count)
    }

    /// The series `name` of row `c` of a [C, K, names.count] array; nil if `names` lacks it.
    private static func column(_ name: String, of c: Int, names: [String], values: [Double], steps k: Int) -> [Double]? {
        guard let d = names.firstIndex(of: name) else { return nil }
        return (0..<k).map { values[(c * k + $0) * names.count + d] }
    }
}
