import HDF5
import ReportKit
import StageKit

/// Reads a sweep's observations (``SweepObservations``) from the files that describe it:
/// the data file (`generate-data`: the training and test subsets actually used), the
/// ensembles file (`train-ensembles`, layout in `TrainingStage/EnsembleFile.swift`) and
/// the exponents file (`estimate-exponents`, layout in `ExponentStage/ExponentFileWriter.swift`).
/// Nothing is taken from an upstream stage's parameters: every fact is read from the files.
enum SweepFiles {
    static func read(data: String, ensembles: String, exponents: String) throws -> SweepObservations {
        let dataFile = try HDF5File.open(data)
        defer { try? dataFile.close() }
        let dataset: String
        if case .string(let name) = try dataFile.root.attribute("name") { dataset = name } else { dataset = "unnamed" }
        let trainingSamples = try dataFile.root.openGroup("train").dataset("inputs").shape[0]
        let testSamples = try dataFile.root.openGroup("test").dataset("inputs").shape[0]

        let ensembleFile = try HDF5File.open(ensembles)
        defer { try? ensembleFile.close() }
        let root = try ensembleFile.root
        let configurations = try root.openGroup("configurations")
        let learningRates = try configurations.readDataset("learning_rate", as: Double.self).values
        let seedIndices = try configurations.readDataset("seed_index", as: Int64.self).values.map { Int($0) }
        let parameterCounts = try configurations.readDataset("parameter_count", as: Int64.self).values
        let reference = try root.openGroup("reference")
        let accuracy = try reference.readDataset("test_accuracy", as: Double.self)
        let recorded = try reference.readDataset("recorded_steps", as: Int64.self).values
        guard recorded == (0..<Int64(recorded.count)).map({ $0 }) else {
            throw StageError.invalidInput(
                path: ensembles + " /reference/recorded_steps",
                reason: "τ needs the test accuracy after every step; set record.evaluationInterval to 1 in the ensembles stage")
        }
        let distances = try root.openGroup("replicas").readDataset("distance_l1", as: Double.self)
        guard case .int(let replicaCount) = try root.attribute("replica_count"), case .int(let steps) = try root.attribute("steps") else {
            throw StageError.invalidInput(path: ensembles, reason: "the root attributes replica_count and steps are missing")
        }

        let grid = Array(Set(learningRates)).sorted()
        let initialisations = Array(Set(seedIndices)).sorted()
        let n = initialisations.count, e = grid.count, k = accuracy.shape[1], r = distances.shape[1], t = distances.shape[2]
        guard n * e == learningRates.count else {
            throw StageError.invalidInput(path: ensembles, reason: "expected one configuration per initialisation and η (\(n) × \(e)), found \(learningRates.count)")
        }
        var testAccuracy = Array(repeating: Array(repeating: [Double](), count: e), count: n)
        var replicaDistances = Array(repeating: Array(repeating: [[Double]](), count: e), count: n)
        var cell: [Int: (i: Int, j: Int)] = [:]
        for c in learningRates.indices {
            guard let i = initialisations.firstIndex(of: seedIndices[c]), let j = grid.firstIndex(of: learningRates[c]) else { continue }
            cell[c] = (i, j)
            testAccuracy[i][j] = Array(accuracy.values[(c * k)..<((c + 1) * k)])
            replicaDistances[i][j] = (0..<r).map { q in Array(distances.values[((c * r + q) * t)..<((c * r + q + 1) * t)]) }
        }

        let exponentFile = try HDF5File.open(exponents)
        defer { try? exponentFile.close() }
        let group = try exponentFile.root.openGroup("exponents")
        guard case .strings(let series) = try group.attribute("series") else {
            throw StageError.invalidInput(path: exponents + " /exponents", reason: "the attribute series is missing")
        }
        let estimate = try group.readDataset("estimate", as: Double.self).values
        let status = try group.readDataset("status", as: Int64.self).values
        let rowRates = try exponentFile.root.openGroup("configurations").readDataset("learning_rate", as: Double.self).values
        let rowSeeds = try exponentFile.root.openGroup("configurations").readDataset("seed_index", as: Int64.self).values.map { Int($0) }
        guard rowRates == learningRates, rowSeeds == seedIndices else {
            throw StageError.invalidInput(path: exponents, reason: "its configurations are not those of \(ensembles) in the same order; rerun the exponents stage")
        }
        var estimates: [String: [[Double?]]] = [:]
        for (s, name) in series.enumerated() {
            var matrix = Array(repeating: Array(repeating: Double?.none, count: e), count: n)
            for c in learningRates.indices {
                guard let position = cell[c] else { continue }
                let (i, j) = position
                let value = estimate[c * series.count + s]
                // Status 0 is "ok" (the file's status_codes); every other status is a rejected estimate.
                matrix[i][j] = status[c * series.count + s] == 0 && value.isFinite ? value : nil
            }
            estimates[name] = matrix
        }
        let sweep = JimenezResults.Sweep(
            dataset: dataset, trainingSamples: trainingSamples, testSamples: testSamples, initialisationCount: n,
            replicaCount: Int(replicaCount), steps: Int(steps), parameterCount: Int(parameterCounts.max() ?? 0), learningRates: grid)
        return SweepObservations(sweep: sweep, estimates: estimates, testAccuracy: testAccuracy, distances: replicaDistances)
    }
}
