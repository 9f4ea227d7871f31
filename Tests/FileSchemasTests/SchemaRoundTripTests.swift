import FileSchemas
import Foundation
import HDF5
import TestSupport
import XCTest

/// Each schema writes its file and reads it back to the same value, and everything it
/// writes carries `dimensions` and `meaning`.
final class SchemaRoundTripTests: XCTestCase {
    static let table = ConfigurationTable(
        index: [4, 7], activation: ["relu", "tanh"], width: [3, 5], learningRate: [0.1, 0.25], seedIndex: [0, 1])

    static func exponents(sharpness: Bool) -> ExponentsFile {
        ExponentsFile(
            windows: [0, 10, 20, 40], momentum: 0.9, configurations: table, series: ["tangent/late", "divergence-fit/auto"],
            units: ["nats/step", "nats/step"], costs: [120, 80], estimate: [0.1, -0.2, .nan, 0.4], perUnitTime: [1, -0.8, .nan, 1.6],
            rSquared: [.nan, 0.99, .nan, 0.95], status: [0, 0, 1, 4], windowStart: [20, 3, 20, 5], windowEnd: [40, 30, 40, 31],
            spectrum: [0.1, -0.3, .nan, .nan], spectrumCount: 2, initialLoss: [0.7, 0.69], finalLoss: [0.1, .nan],
            lossStillFalling: [1, 0], divergenceStep: [-1, 12],
            sharpness: sharpness ? ExponentsFile.Sharpness(topEigenvalue: [3, 9], timesLearningRate: [0.3, 2.25], converged: [1, 0]) : nil)
    }

    /// Equality with NaN in the same places (IEEE NaN is not equal to itself).
    func assertSame(_ a: ExponentsFile, _ b: ExponentsFile, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(String(describing: a), String(describing: b), file: file, line: line)
    }

    func testExponentsFileRoundTripsWithAndWithoutSharpness() throws {
        let directory = TemporaryDirectory("schemas")
        for sharpness in [true, false] {
            let path = directory.path + "/exponents-\(sharpness).h5"
            let written = Self.exponents(sharpness: sharpness)
            let file = try HDF5File.create(path)
            try written.write(to: file, fallingThreshold: 0.01)
            try file.close()
            let read = try ExponentsFile(path: path)
            assertSame(read, written)
            let reopened = try HDF5File.open(path)
            defer { try? reopened.close() }
            // A disabled feature writes nothing, not a group of NaN.
            XCTAssertEqual(try reopened.root.contains("sharpness"), sharpness)
            let falling = try reopened.root.openGroup("training").dataset("loss_still_falling")
            XCTAssertEqual(try falling.attribute("meaning"), .string("1 if the loss fell by more than 0.01 (relative) over the late window"))
            XCTAssertEqual(try reopened.root.openGroup("spectrum").dataset("tangent_late").attribute("dimensions"), .strings(["configuration", "exponent"]))
            XCTAssertEqual(try DeclaredLayout.undocumentedDatasets(in: reopened), [])
        }
    }

    func testExponentsReaderRefusesAnotherKindOfFileNamingWhatIsMissing() throws {
        let directory = TemporaryDirectory("schemas")
        let path = directory.path + "/table-only.h5"
        let file = try HDF5File.create(path)
        try file.write(ExponentsFile.Fields.windows, [0, 10, 20, 40])
        try file.write(ExponentsFile.Fields.momentum, 0)
        try Self.table.write(to: file)
        try file.close()
        XCTAssertThrowsError(try ExponentsFile(path: path)) { error in
            let failure = error as? HDF5Error
            XCTAssertEqual(failure?.kind, .objectNotFound, "\(error)")
            XCTAssertEqual(failure?.filePath, path)
            XCTAssertEqual(failure?.objectPath, "/exponents")
        }
    }

    func testEnsemblesHeaderRoundTrips() throws {
        let directory = TemporaryDirectory("schemas")
        let path = directory.path + "/ensembles.h5"
        let written = EnsemblesFile(
            steps: 20, replicaCount: 2, shard: [0, 1], momentum: 0, loss: "bce", outputActivation: "sigmoid",
            initialization: "pytorchDefault", optimizer: "adam", optimizerHyperparameters: #"{"beta1":0.9}"#, batchSize: 25,
            ensemblesKey: "1234", evaluatesTrainingSet: 1, engine: "blocked", configurations: Self.table, dataDraw: [0, 1],
            parameterCount: [13, 21], layerSizes: [2, 3, 1, 2, 5, 1], layerColumns: 3)
        let file = try HDF5File.create(path)
        try written.write(to: file)
        try file.write(EnsemblesFile.Fields.trainingLoss, [Double](repeating: 0.5, count: 42), shape: [2, 21])
        try file.close()
        let reopened = try HDF5File.open(path)
        defer { try? reopened.close() }
        let read = try EnsemblesFile(reading: reopened)
        XCTAssertEqual(read, written)
        XCTAssertEqual(read.layerSizes(1), [2, 5, 1])
        XCTAssertEqual(try read.rows(EnsemblesFile.Fields.trainingLoss, from: reopened).shape, [2, 21])
        XCTAssertEqual(try DeclaredLayout.undocumentedDatasets(in: reopened), [])
    }

    func testDataFileRoundTripsOneAndSeveralDraws() throws {
        let directory = TemporaryDirectory("schemas")
        let split = DataFile.Split(inputs: [0, 1, 2, 3, 4, 5], labels: [0, 1, 1], featureCount: 2)
        let single = try HDF5File.create(directory.path + "/one.h5")
        try DataFile.write(split, split: "train", to: single)
        try single.close()
        let several = try HDF5File.create(directory.path + "/two.h5")
        for draw in 0..<2 { try DataFile.write(split, split: "test", draw: draw, to: several) }
        try several.write(DataFile.Fields.drawCount, 2)
        try several.close()

        let one = try HDF5File.open(directory.path + "/one.h5")
        defer { try? one.close() }
        XCTAssertEqual(try DataFile.read(split: "train", draw: 0, from: one), split)
        XCTAssertEqual(try DataFile.sampleCount(split: "train", in: one), 3)
        XCTAssertEqual(try DeclaredLayout.undocumentedDatasets(in: one), [])
        let two = try HDF5File.open(directory.path + "/two.h5")
        defer { try? two.close() }
        XCTAssertEqual(try DataFile.drawCount(in: two), 2)
        XCTAssertEqual(try DataFile.read(split: "test", draw: 1, from: two), split)
        XCTAssertThrowsError(try DataFile.read(split: "test", draw: 2, from: two)) { error in
            XCTAssertTrue("\(error)".contains("two.h5") && "\(error)".contains("holds 2 draws"), "\(error)")
        }
    }
}
