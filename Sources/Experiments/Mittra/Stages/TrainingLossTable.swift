import FileSchemas
import HDF5
import StageKit

/// The reference runs' training-loss series and final test accuracies of one or more ensembles files
/// (``FileSchemas/EnsemblesFile``: `/configurations/index` [C], `/reference/training_loss` [C, T+1] and
/// `test_accuracy` [C, K]),
/// by global configuration index, so that the aggregate can apply ``LossTrend`` to the
/// rows of an exponents table. Several files (shards, or sweeps whose indices do not
/// collide) are merged; an index that occurs twice is an error.
struct TrainingLossTable {
    /// Configuration index → losses at steps 0…T.
    private(set) var losses: [Int: [Double]] = [:]
    /// Configuration index → test accuracy at the last evaluation (`/reference/test_accuracy`).
    private(set) var finalTestAccuracy: [Int: Double] = [:]

    init(paths: [String]) throws {
        for path in paths {
            let file = try HDF5File.open(path)
            defer { try? file.close() }
            let header = try EnsemblesFile(reading: file)
            let indices = header.configurations.index
            let stored = try header.rows(EnsemblesFile.Fields.trainingLoss, from: file)
            let length = stored.shape[1]
            let accuracy = try header.rows(EnsemblesFile.Fields.testAccuracy, from: file)
            guard accuracy.shape[1] > 0 else {
                throw StageError.invalidInput(path: path, reason: "/reference/test_accuracy is not [configurations, evaluations]")
            }
            for (row, index) in indices.enumerated() {
                finalTestAccuracy[Int(index)] = accuracy.values[(row + 1) * accuracy.shape[1] - 1]
            }
            for (row, index) in indices.enumerated() {
                guard losses.updateValue(Array(stored.values[(row * length)..<((row + 1) * length)]), forKey: Int(index)) == nil else {
                    throw StageError.invalidInput(path: path, reason: "configuration \(index) occurs in two ensembles files")
                }
            }
        }
    }

    /// The series of configuration `index`, or an error naming the files to declare.
    func series(_ index: Int, files: [String]) throws -> [Double] {
        guard let series = losses[index] else {
            throw StageError.invalidInput(
                path: files.joined(separator: ", "),
                reason: "no training loss for configuration \(index); list the ensembles file of every exponents file")
        }
        return series
    }
}
