import Foundation
import HDF5
import XCTest

/// Every failure is a thrown ``HDF5Error`` that names the file, the object and
/// the problem — never a crash — and libhdf5 prints nothing to stderr.
final class ErrorTests: XCTestCase {
    /// Asserts that `body` throws an HDF5Error of `kind` at `objectPath` in
    /// `filePath` whose text contains every one of `phrases`.
    private func assertFails<Result>(
        _ body: @autoclosure () throws -> Result, kind: HDF5Error.Kind, filePath: String,
        objectPath: String, mentioning phrases: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard let error = error as? HDF5Error else {
                return XCTFail("not an HDF5Error: \(error)", file: file, line: line)
            }
            XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line)
            XCTAssertEqual(error.filePath, filePath, file: file, line: line)
            XCTAssertEqual(error.objectPath, objectPath, file: file, line: line)
            for phrase in phrases + [filePath, objectPath] {
                XCTAssertTrue(error.description.contains(phrase), "'\(phrase)' missing from: \(error)", file: file, line: line)
            }
        }
    }

    func testOpeningMissingFile() throws {
        let path = try TemporaryDirectory(self).path("absent.h5")
        assertFails(try HDF5File.open(path), kind: .fileNotFound, filePath: path, objectPath: "/", mentioning: ["no file exists"])
    }

    func testOpeningNonHDF5File() throws {
        let path = try TemporaryDirectory(self).path("notes.h5")
        try Data("just some text, long enough to look like a file\n".utf8).write(to: URL(fileURLWithPath: path))
        assertFails(try HDF5File.open(path), kind: .notHDF5File, filePath: path, objectPath: "/", mentioning: ["not an HDF5 file"])
    }

    func testOpeningTruncatedFileReportsLibraryMessage() throws {
        let path = try TemporaryDirectory(self).path("truncated.h5")
        try ReproducibilityTests.writeSample(to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        assertFails(try HDF5File.open(path), kind: .unreadableFile, filePath: path, objectPath: "/", mentioning: ["truncated"])
        do {
            _ = try HDF5File.open(path)
        } catch let error as HDF5Error {
            // libhdf5's own words, from its error stack, are carried along.
            XCTAssertTrue(error.libraryMessage?.contains("truncated file") == true, "\(error)")
        }
    }

    func testCreatingInMissingDirectory() throws {
        let path = try TemporaryDirectory(self).path("no/such/dir/x.h5")
        assertFails(try HDF5File.create(path), kind: .library, filePath: path, objectPath: "/", mentioning: ["directory exists"])
    }

    func testMissingDatasetAndGroupListExistingMembers() throws {
        let path = try TemporaryDirectory(self).path("members.h5")
        let file = try HDF5File.create(path)
        let ensembles = try file.root.createGroup("ensembles")
        try ensembles.writeDataset("loss", [1.0], shape: [1])
        assertFails(try ensembles.dataset("accuracy"), kind: .objectNotFound, filePath: path,
                    objectPath: "/ensembles/accuracy", mentioning: ["no member 'accuracy'", "loss"])
        assertFails(try ensembles.readDataset("accuracy", as: Double.self), kind: .objectNotFound, filePath: path,
                    objectPath: "/ensembles/accuracy")
        assertFails(try file.root.openGroup("runs"), kind: .objectNotFound, filePath: path,
                    objectPath: "/runs", mentioning: ["ensembles"])
    }

    func testWrongObjectKind() throws {
        let path = try TemporaryDirectory(self).path("kinds.h5")
        let file = try HDF5File.create(path)
        try file.root.createGroup("group")
        try file.root.writeDataset("data", [1.0], shape: [1])
        assertFails(try file.root.dataset("group"), kind: .wrongObjectKind, filePath: path, objectPath: "/group", mentioning: ["is a group"])
        assertFails(try file.root.openGroup("data"), kind: .wrongObjectKind, filePath: path, objectPath: "/data", mentioning: ["is a dataset"])
    }

    func testWrongElementTypeSaysWhatIsStored() throws {
        let path = try TemporaryDirectory(self).path("types.h5")
        let file = try HDF5File.create(path)
        try file.root.writeDataset("loss", [Float(1)], shape: [1])
        try file.root.writeStrings("names", ["a"])
        assertFails(try file.root.readDataset("loss", as: Double.self), kind: .typeMismatch, filePath: path,
                    objectPath: "/loss", mentioning: ["float32", "Float"])
        assertFails(try file.root.readDataset("names", as: Int64.self), kind: .typeMismatch, filePath: path,
                    objectPath: "/names", mentioning: ["string", "readStrings"])
        assertFails(try file.root.readStrings("loss"), kind: .typeMismatch, filePath: path,
                    objectPath: "/loss", mentioning: ["float32"])
    }

    func testInvalidShapesAndChunks() throws {
        let path = try TemporaryDirectory(self).path("shapes.h5")
        let root = try HDF5File.create(path).root
        let six = [Double](repeating: 1, count: 6)
        let cases: [(shape: [Int], chunk: [Int]?, level: Int?, phrase: String)] = [
            ([2, 2], nil, nil, "do not fill shape"),
            ([-2, -3], nil, nil, "negative"),
            ([2, 3], [2], nil, "rank 1"),
            ([2, 3], [2, 4], nil, "between 1 and"),
            ([2, 3], [0, 3], nil, "between 1 and"),
            ([2, 3], nil, 4, "needs a chunked layout"),
            ([2, 3], [2, 3], 10, "outside 0...9"),
            ([6], [7], nil, "between 1 and"),
        ]
        for (index, item) in cases.enumerated() {
            assertFails(try root.writeDataset("x\(index)", six, shape: item.shape, chunk: item.chunk, deflateLevel: item.level),
                        kind: .invalidArgument, filePath: path, objectPath: "/x\(index)", mentioning: [item.phrase])
        }
        assertFails(try root.writeDataset("scalar", [1.0], shape: [], chunk: []), kind: .invalidArgument,
                    filePath: path, objectPath: "/scalar", mentioning: ["scalar"])
        assertFails(try root.writeDataset("empty", [Double](), shape: [0, 3], chunk: [1, 3]), kind: .invalidArgument,
                    filePath: path, objectPath: "/empty", mentioning: ["zero-size"])
        assertFails(try root.writeDataset("a/b", six, shape: [6]), kind: .invalidArgument,
                    filePath: path, objectPath: "/a/b", mentioning: ["not a valid member name"])
        // No failed write left a dataset behind.
        XCTAssertEqual(try root.memberNames(), [])
    }

    func testExistingNameIsNotOverwritten() throws {
        let path = try TemporaryDirectory(self).path("exists.h5")
        let root = try HDF5File.create(path).root
        try root.writeDataset("x", [1.0], shape: [1])
        assertFails(try root.writeDataset("x", [2.0], shape: [1]), kind: .alreadyExists, filePath: path, objectPath: "/x")
        assertFails(try root.createGroup("x"), kind: .alreadyExists, filePath: path, objectPath: "/x")
        XCTAssertEqual(try root.readDataset("x", as: Double.self).values, [1.0])
    }

    func testUsingObjectsAfterCloseThrows() throws {
        let path = try TemporaryDirectory(self).path("closed.h5")
        let file = try HDF5File.create(path)
        let group = try file.root.createGroup("g")
        let dataset = try group.writeDataset("d", [1.0], shape: [1])
        try file.close()
        try file.close()
        XCTAssertFalse(file.isOpen)
        assertFails(try dataset.read(as: Double.self), kind: .fileClosed, filePath: path, objectPath: "/g/d", mentioning: ["HDF5File.open"])
        assertFails(try group.memberNames(), kind: .fileClosed, filePath: path, objectPath: "/g")
        assertFails(try file.root, kind: .fileClosed, filePath: path, objectPath: "/")
        // The strong close released the file: it reopens with everything in it.
        XCTAssertEqual(try HDF5File.open(path).root.openGroup("g").readDataset("d", as: Double.self).values, [1.0])
    }

    func testReadOnlyFileRefusesWrites() throws {
        let path = try TemporaryDirectory(self).path("read-only.h5")
        try HDF5File.create(path).close()
        let root = try HDF5File.open(path).root
        assertFails(try root.writeDataset("x", [1.0], shape: [1]), kind: .readOnly, filePath: path, objectPath: "/x")
        assertFails(try root.createGroup("g"), kind: .readOnly, filePath: path, objectPath: "/g")
    }

    func testLibhdf5PrintsNothingToStderrOnAnyThread() throws {
        let directory = try TemporaryDirectory(self)
        let path = directory.path("stderr.h5")
        try ReproducibilityTests.writeSample(to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        let failingOpen: @Sendable () -> Void = {
            do {
                _ = try HDF5File.open(path)
                XCTFail("a truncated file was opened")
            } catch {}
        }

        let captured = try captureStandardError(into: directory.path("stderr.txt")) {
            failingOpen()
            let done = DispatchSemaphore(value: 0)
            let other = Thread { failingOpen(); done.signal() }
            other.start()
            done.wait()
        }
        XCTAssertEqual(captured, "", "libhdf5 wrote to stderr")
    }

    /// Runs `body` with file descriptor 2 redirected to `path`; returns what was written.
    private func captureStandardError(into path: String, _ body: () -> Void) throws -> String {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let capture = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let saved = dup(2)
        fflush(nil)
        dup2(capture.fileDescriptor, 2)
        body()
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        try capture.close()
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
