import HDF5
import Networks
import Provenance
import StageKit
import TrainingStage

/// One optimizer's runs as E5 reads them: an ensembles file (written by `train-ensembles`,
/// layout in `EnsembleFileWriter`) and the exponents file estimated from it (layout in
/// `ExponentFileWriter`), split by learning rate. Everything comes from what the files say
/// about themselves: the optimizer name and settings, the batch size, the recorded steps,
/// the names of the optimizer diagnostics, the networks and their final parameters, and
/// the data draw of each configuration (``EnsembleFileReader/dataDraws``).
struct RunSet {
    /// One learning rate's seeds.
    struct Rate {
        var learningRate: Double
        /// Configuration rows of this rate, by seed index.
        var rows: [Int]
    }

    var optimizer: String
    var batchSize: Int
    var recordedSteps: [Int]
    var rates: [Rate]
    /// Per configuration row: its seed index and the data draw it trained on.
    var seedIndices: [Int], dataDraws: [Int]
    /// The file as ``EnsembleFileReader`` reads it: networks, final parameters, the optimizer.
    var reader: EnsembleFileReader
    /// [C, K] row-major.
    var testAccuracy: [Double], testLoss: [Double], trainAccuracy: [Double], trainLoss: [Double]
    /// Diagnostic names and values [C, K, names.count].
    var diagnosticNames: [String]
    var diagnostics: [Double]
    var series: [String], seriesUnits: [String]
    /// λ estimates [C, S] row-major.
    var estimates: [Double]

    /// Reads the ensembles file at `path` and, when given, the exponents file estimated from it
    /// (without one, `series` and `estimates` are empty).
    init(ensembles path: String, exponents exponentsPath: String?) throws {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        let root = try file.root
        guard case .string(let optimizer) = try root.attribute("optimizer"), case .int(let batch) = try root.attribute("batch_size") else {
            throw StageError.invalidInput(path: path, reason: "the root attributes optimizer and batch_size are missing; is it an ensembles file?")
        }
        self.optimizer = optimizer
        batchSize = Int(batch)
        let table = try root.openGroup("configurations")
        let learningRates = try table.readDataset("learning_rate", as: Double.self).values
        let seedIndices = try table.readDataset("seed_index", as: Int64.self).values
        self.seedIndices = seedIndices.map(Int.init)
        reader = try EnsembleFileReader(file: file)
        dataDraws = reader.dataDraws
        var rates: [Rate] = []
        for (row, rate) in learningRates.enumerated() {
            if let i = rates.firstIndex(where: { $0.learningRate == rate }) { rates[i].rows.append(row) } else { rates.append(Rate(learningRate: rate, rows: [row])) }
        }
        for i in rates.indices { rates[i].rows.sort { seedIndices[$0] < seedIndices[$1] } }
        self.rates = rates
        let reference = try root.openGroup("reference")
        recordedSteps = try reference.readDataset("recorded_steps", as: Int64.self).values.map(Int.init)
        testAccuracy = try reference.readDataset("test_accuracy", as: Double.self).values
        testLoss = try reference.readDataset("test_loss", as: Double.self).values
        guard try reference.contains("training_set_accuracy") else {
            throw StageError.invalidInput(path: path, reason: "it has no /reference/training_set_accuracy; train with record.trainingSet true")
        }
        trainAccuracy = try reference.readDataset("training_set_accuracy", as: Double.self).values
        trainLoss = try reference.readDataset("training_set_loss", as: Double.self).values
        if try reference.contains("optimizer_diagnostics") {
            let dataset = try reference.dataset("optimizer_diagnostics")
            guard case .strings(let names) = try dataset.attribute("names") else {
                throw StageError.invalidInput(path: path, reason: "/reference/optimizer_diagnostics has no attribute names")
            }
            diagnosticNames = names
            diagnostics = try reference.readDataset("optimizer_diagnostics", as: Double.self).values
        } else {
            (diagnosticNames, diagnostics) = ([], [])
        }
        guard let exponentsPath else {
            (series, seriesUnits, estimates) = ([], [], [])
            return
        }
        let exponentsFile = try HDF5File.open(exponentsPath)
        defer { try? exponentsFile.close() }
        let exponents = try exponentsFile.root.openGroup("exponents")
        guard case .strings(let series) = try exponents.attribute("series"), case .strings(let units) = try exponents.attribute("units") else {
            throw StageError.invalidInput(path: exponentsPath, reason: "/exponents has no attributes series and units")
        }
        let count = try exponentsFile.root.openGroup("configurations").readDataset("index", as: Int64.self).values.count
        guard count == learningRates.count else {
            throw StageError.invalidInput(path: exponentsPath, reason: "it has \(count) configurations, \(path) has \(learningRates.count): not estimated from it")
        }
        (self.series, seriesUnits) = (series, units)
        estimates = try exponents.readDataset("estimate", as: Double.self).values
    }

    /// The settings of the optimizer as the file records them (besides the step size).
    var hyperparameters: JSONValue { reader.optimizer.hyperparameters }

    /// The network of row `c` and its parameters after the last step.
    func finalNetwork(_ c: Int) -> (architecture: Architecture, parameters: [Double]) {
        (reader.architectures[c], reader.finalParameters(c))
    }

    /// Row `c`'s values at the K recorded steps of a [C, K] array.
    func line(_ values: [Double], _ c: Int) -> ArraySlice<Double> {
        values[(c * recordedSteps.count)..<((c + 1) * recordedSteps.count)]
    }

    /// Row `c`'s diagnostic `name` at every recorded step; nil if the optimizer does not record it.
    func diagnostic(_ name: String, _ c: Int) -> [Double]? {
        guard let d = diagnosticNames.firstIndex(of: name) else { return nil }
        let k = recordedSteps.count, n = diagnosticNames.count
        return (0..<k).map { diagnostics[(c * k + $0) * n + d] }
    }
}
