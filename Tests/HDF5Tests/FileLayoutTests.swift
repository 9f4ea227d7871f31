import Foundation
import HDF5
import XCTest

/// The declared-layout coder: a field names a dataset once (path, type, dimensions,
/// meaning) for the writer and the reader, and every mismatch is an error naming the
/// file, the object and what was expected.
final class FileLayoutTests: XCTestCase {
    static let loss = DatasetField<Double>(
        "reference/training_loss", dimensions: ["configuration", "step"], meaning: "loss at every step",
        storage: .chunked(deflateLevel: 1) { [1, $0[1]] })
    static let names = DatasetField<String>("configurations/activation", dimensions: ["configuration"], meaning: "activation")
    static let optional = DatasetField<Int64>("reference/extra", dimensions: ["configuration"], meaning: "written only sometimes")
    static let steps = AttributeField<Int64>("steps", meaning: "training steps")
    static let series = AttributeField<[String]>("series", on: "reference/training_loss", meaning: "series names")

    func testRoundTripWritesValuesAttributesAndStorage() throws {
        let path = try TemporaryDirectory(self).path("layout.h5")
        let file = try HDF5File.create(path)
        try file.write(Self.loss, [1, 2, 3, 4, 5, 6], shape: [2, 3])
        try file.write(Self.names, ["relu", "tanh"], shape: [2])
        try file.write(Self.steps, 3)
        try file.write(Self.series, ["a", "b"])
        try file.close()

        let read = try HDF5File.open(path)
        defer { try? read.close() }
        XCTAssertEqual(try read.read(Self.loss), HDF5Array(values: [1, 2, 3, 4, 5, 6], shape: [2, 3]))
        XCTAssertEqual(try read.read(Self.names).values, ["relu", "tanh"])
        XCTAssertEqual(try read.read(Self.steps), 3)
        XCTAssertEqual(try read.read(Self.series), ["a", "b"])
        XCTAssertNil(try read.readIfPresent(Self.optional))
        XCTAssertNil(try read.readIfPresent(AttributeField<Double>("absent", meaning: "never written")))
        // The plain layer sees what the field declared: axes, meaning and storage.
        let dataset = try read.root.openGroup("reference").dataset("training_loss")
        XCTAssertEqual(try dataset.attribute("dimensions"), .strings(["configuration", "step"]))
        XCTAssertEqual(try dataset.attribute("meaning"), .string("loss at every step"))
        XCTAssertEqual(dataset.chunkShape, [1, 3])
        XCTAssertEqual(dataset.deflateLevel, 1)
        XCTAssertEqual(Self.loss.summary, "reference/training_loss [configuration, step] float64: loss at every step")
    }

    func testAMissingFieldNamesTheFileAndTheObject() throws {
        let (read, path) = try writtenFile()
        defer { try? read.close() }
        XCTAssertThrowsError(try read.read(Self.optional)) { error in
            let failure = error as? HDF5Error
            XCTAssertEqual(failure?.kind, .objectNotFound)
            XCTAssertEqual(failure?.filePath, path)
            XCTAssertEqual(failure?.objectPath, "/reference/extra")
        }
    }

    func testAWrongRankSaysWhatWasDeclaredAndWhatIsStored() throws {
        let (read, _) = try writtenFile()
        defer { try? read.close() }
        let flat = DatasetField<Double>("reference/training_loss", dimensions: ["step"], meaning: "")
        XCTAssertThrowsError(try read.read(flat)) { error in
            let failure = error as? HDF5Error
            XCTAssertEqual(failure?.kind, .typeMismatch)
            XCTAssertEqual(failure?.objectPath, "/reference/training_loss")
            XCTAssertTrue(failure?.reason.contains("rank 1") == true && failure?.reason.contains("[2, 3] (rank 2)") == true, "\(error)")
        }
    }

    func testAWrongTypeSaysWhatWasDeclaredAndWhatIsStored() throws {
        let (read, _) = try writtenFile()
        defer { try? read.close() }
        let integers = DatasetField<Int64>("reference/training_loss", dimensions: ["configuration", "step"], meaning: "")
        XCTAssertThrowsError(try read.read(integers)) { error in
            let failure = error as? HDF5Error
            XCTAssertEqual(failure?.kind, .typeMismatch)
            XCTAssertTrue(failure?.reason.contains("declares int64") == true && failure?.reason.contains("stores float64") == true, "\(error)")
        }
        XCTAssertThrowsError(try read.read(AttributeField<String>("steps", meaning: "steps as text"))) { error in
            XCTAssertEqual((error as? HDF5Error)?.kind, .typeMismatch, "\(error)")
        }
    }

    func testAMissingAttributeNamesItAndItsMeaning() throws {
        let (read, path) = try writtenFile()
        defer { try? read.close() }
        XCTAssertThrowsError(try read.read(AttributeField<Int64>("replica_count", meaning: "replicas per configuration"))) { error in
            let failure = error as? HDF5Error
            XCTAssertEqual(failure?.kind, .objectNotFound)
            XCTAssertEqual(failure?.filePath, path)
            XCTAssertTrue(failure?.reason.contains("'replica_count' (replicas per configuration)") == true, "\(error)")
        }
    }

    func testAShapeOfAnotherRankThanDeclaredIsRefusedOnWriting() throws {
        let file = try HDF5File.create(try TemporaryDirectory(self).path("bad.h5"))
        defer { try? file.close() }
        XCTAssertThrowsError(try file.write(Self.loss, [1, 2], shape: [2])) { error in
            XCTAssertEqual((error as? HDF5Error)?.kind, .invalidArgument, "\(error)")
        }
    }

    /// A file holding `loss` [2, 3] and `steps`, reopened read-only, and its path.
    func writtenFile() throws -> (HDF5File, String) {
        let path = try TemporaryDirectory(self).path("layout.h5")
        let file = try HDF5File.create(path)
        try file.write(Self.loss, [1, 2, 3, 4, 5, 6], shape: [2, 3])
        try file.write(Self.steps, 3)
        try file.close()
        return (try HDF5File.open(path), path)
    }
}
