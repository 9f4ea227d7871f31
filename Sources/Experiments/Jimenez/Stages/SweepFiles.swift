import FileSchemas
import Foundation
import HDF5
import ReportKit
import StageKit

/// Reads a sweep's observations (``SweepObservations``) from the files that describe it:
/// the data file (``FileSchemas/DataFile``: the training and test subsets actually used), the
/// ensembles file (``FileSchemas/EnsemblesFile``) and the exponents file (``FileSchemas/ExponentsFile``).
/// Nothing is taken from an upstream stage's parameters: every fact is read from the files.
enum SweepFiles {
    /// The observations of one sweep; `steepestExponents`, when given, adds the fits of the
    /// steepest-window rule under the names `…/steepest`.
    static func read(data: String, ensembles: String, exponents: String, steepestExponents: String? = nil) throws -> SweepObservations {
        let dataFile = try HDF5File.open(data)
        defer { try? dataFile.close() }
        let dataset = try dataFile.readIfPresent(DataFile.Fields.name) ?? "unnamed"
        let trainingSamples = try DataFile.sampleCount(split: "train", in: dataFile)
        let testSamples = try DataFile.sampleCount(split: "test", in: dataFile)

        let ensembleFile = try HDF5File.open(ensembles)
        defer { try? ensembleFile.close() }
        let header = try EnsemblesFile(reading: ensembleFile)
        let learningRates = header.configurations.learningRate
        let seedIndices = header.configurations.seedIndex.map { Int($0) }
        let parameterCounts = header.parameterCount
        let accuracy = try header.rows(EnsemblesFile.Fields.testAccuracy, from: ensembleFile)
        let recorded = try ensembleFile.read(EnsemblesFile.Fields.recordedSteps).values
        guard recorded == (0..<Int64(recorded.count)).map({ $0 }) else {
            throw StageError.invalidInput(
                path: ensembles + " /reference/recorded_steps",
                reason: "τ needs the test accuracy after every step; set record.evaluationInterval to 1 in the ensembles stage")
        }
        let distances = try header.rows(EnsemblesFile.Fields.distanceL1, from: ensembleFile)
        let (replicaCount, steps) = (header.replicaCount, header.steps)

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

        var estimates: [String: [[Double?]]] = [:]
        for (path, suffix) in [(exponents, nil)] + (steepestExponents.map { [($0, "/steepest")] } ?? []) {
            let exponentFile = try ExponentsFile(path: path)
            let (series, estimate, status) = (exponentFile.series, exponentFile.estimate, exponentFile.status)
            guard exponentFile.configurations.learningRate == learningRates,
                exponentFile.configurations.seedIndex.map({ Int($0) }) == seedIndices
            else {
                throw StageError.invalidInput(path: path, reason: "its configurations are not those of \(ensembles) in the same order; rerun the exponents stage")
            }
            for (s, name) in series.enumerated() {
                var matrix = Array(repeating: Array(repeating: Double?.none, count: e), count: n)
                for c in learningRates.indices {
                    guard let position = cell[c] else { continue }
                    let (i, j) = position
                    let value = estimate[c * series.count + s]
                    // Status 0 is "ok" (the file's status_codes); every other status is a rejected estimate.
                    matrix[i][j] = status[c * series.count + s] == 0 && value.isFinite ? value : nil
                }
                // The steepest-window file names its fits like the best-R² file (".../auto");
                // they are told apart as ".../steepest" (docs/PROTOCOL.md §3.6).
                let key = suffix.map { name.replacingOccurrences(of: "/auto", with: $0) } ?? name
                estimates[key] = matrix
            }
        }
        let sweep = JimenezResults.Sweep(
            dataset: dataset, trainingSamples: trainingSamples, testSamples: testSamples, initialisationCount: n,
            replicaCount: Int(replicaCount), steps: Int(steps), parameterCount: Int(parameterCounts.max() ?? 0), learningRates: grid)
        return SweepObservations(sweep: sweep, estimates: estimates, testAccuracy: testAccuracy, distances: replicaDistances)
    }
}
