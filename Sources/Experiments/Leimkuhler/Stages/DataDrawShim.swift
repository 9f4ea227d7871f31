import DataStage
import Datasets
import HDF5
import StageKit

// Temporary: main's DataStage gains `ClassificationDataFile.read(split:draw:from:)` (several
// data draws per file); until it lands, draw 0 is the one draw of today's files. Delete on merge.
extension ClassificationDataFile {
    static func read(split: String, draw: Int, from file: HDF5File) throws -> ClassificationData {
        guard draw == 0 else { throw StageError.invalidInput(path: file.path, reason: "it holds one data draw; draw \(draw) was asked for") }
        return try read(split: split, from: file)
    }
}
