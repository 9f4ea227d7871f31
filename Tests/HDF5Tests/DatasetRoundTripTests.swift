import HDF5
import XCTest

/// Datasets written, closed, reopened and read back must equal what was
/// written, exactly (no conversion happens, so equality is bitwise).
final class DatasetRoundTripTests: XCTestCase {
    /// Writes `values` with `shape` into a new file, reopens it and reads them back.
    private func roundTrip<Element: HDF5Element & Equatable>(
        _ values: [Element], shape: [Int], chunk: [Int]? = nil, deflateLevel: Int? = nil,
        in directory: TemporaryDirectory, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let path = directory.path("\(Element.self)-\(shape.count)-\(chunk != nil).h5")
        do {
            let written = try HDF5File.create(path)
            try written.root.writeDataset("x", values, shape: shape, chunk: chunk, deflateLevel: deflateLevel)
            try written.close()
        }
        let reopened = try HDF5File.open(path)
        let dataset = try reopened.root.dataset("x")
        XCTAssertEqual(dataset.shape, shape, file: file, line: line)
        XCTAssertEqual(dataset.elementType, Element.hdf5ElementType, file: file, line: line)
        XCTAssertEqual(dataset.chunkShape, chunk, file: file, line: line)
        XCTAssertEqual(dataset.deflateLevel, deflateLevel, file: file, line: line)
        let array = try reopened.root.readDataset("x", as: Element.self)
        XCTAssertEqual(array, HDF5Array(values: values, shape: shape), file: file, line: line)
    }

    /// The shapes every element type is tried with: scalar, 1-d, 2-d, 3-d.
    private let shapes: [[Int]] = [[], [5], [2, 3], [2, 3, 4]]

    private func count(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    func testDoubleRoundTripsForRanks0To3() throws {
        let directory = try TemporaryDirectory(self)
        for shape in shapes {
            let values = (0..<count(shape)).map { Double($0) * 0.1 - 1 / 3 }
            try roundTrip(values, shape: shape, in: directory)
        }
        try roundTrip([Double.pi, -0.0, .infinity, -.greatestFiniteMagnitude], shape: [4], in: directory)
    }

    func testFloatRoundTripsForRanks0To3() throws {
        let directory = try TemporaryDirectory(self)
        for shape in shapes {
            try roundTrip((0..<count(shape)).map { Float($0) / 7 }, shape: shape, in: directory)
        }
    }

    func testInt64RoundTripsForRanks0To3() throws {
        let directory = try TemporaryDirectory(self)
        for shape in shapes {
            try roundTrip((0..<count(shape)).map { Int64($0) * -1_000_000_007 }, shape: shape, in: directory)
        }
        try roundTrip([Int64.min, Int64.max], shape: [2], in: directory)
    }

    func testInt32RoundTripsForRanks0To3() throws {
        let directory = try TemporaryDirectory(self)
        for shape in shapes {
            try roundTrip((0..<count(shape)).map { Int32($0) - 12 }, shape: shape, in: directory)
        }
        try roundTrip([Int32.min, Int32.max], shape: [2], in: directory)
    }

    func testUInt8RoundTripsForRanks0To3() throws {
        let directory = try TemporaryDirectory(self)
        for shape in shapes {
            try roundTrip((0..<count(shape)).map { UInt8($0 * 11 % 256) }, shape: shape, in: directory)
        }
        try roundTrip([UInt8.min, UInt8.max], shape: [2], in: directory)
    }

    func testIntIsStoredAsInt64AndReadsBackAsEither() throws {
        let directory = try TemporaryDirectory(self)
        try roundTrip([Int.min, 0, Int.max], shape: [3], in: directory)
        let path = directory.path("int.h5")
        let file = try HDF5File.create(path)
        try file.root.writeDataset("labels", [3, 1, 4], shape: [3])
        XCTAssertEqual(try file.root.dataset("labels").elementType, .int64)
        XCTAssertEqual(try file.root.readDataset("labels", as: Int64.self).values, [3, 1, 4])
    }

    func testChunkedDeflatedRoundTripsForRanks1To3() throws {
        let directory = try TemporaryDirectory(self)
        // Ragged edges: 10 is not a multiple of 3, 7 not of 4.
        try roundTrip((0..<10).map { Double($0).squareRoot() }, shape: [10], chunk: [3], deflateLevel: 6, in: directory)
        try roundTrip((0..<70).map { Float($0) }, shape: [10, 7], chunk: [3, 4], deflateLevel: 1, in: directory)
        try roundTrip((0..<120).map { UInt8($0) }, shape: [4, 5, 6], chunk: [4, 5, 6], deflateLevel: 9, in: directory)
        try roundTrip((0..<24).map { Int32($0) }, shape: [2, 3, 4], chunk: [1, 1, 1], in: directory)
    }

    func testDeflateShrinksRepetitiveData() throws {
        let directory = try TemporaryDirectory(self)
        let zeros = [Double](repeating: 0, count: 100_000)
        let plainPath = directory.path("plain.h5"), deflatedPath = directory.path("deflated.h5")
        let plain = try HDF5File.create(plainPath)
        try plain.root.writeDataset("z", zeros, shape: [100_000])
        try plain.close()
        let deflated = try HDF5File.create(deflatedPath)
        try deflated.root.writeDataset("z", zeros, shape: [100_000], chunk: [10_000], deflateLevel: 4)
        try deflated.close()
        let plainSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: plainPath)[.size] as? Int)
        let deflatedSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: deflatedPath)[.size] as? Int)
        // 800 kB of zeros: contiguous storage keeps them all, zlib makes each chunk tiny.
        XCTAssertGreaterThan(plainSize, 800_000)
        XCTAssertLessThan(deflatedSize, 20_000)
    }

    func testZeroSizeDatasetsRoundTrip() throws {
        let directory = try TemporaryDirectory(self)
        try roundTrip([Double](), shape: [0], in: directory)
        try roundTrip([Int32](), shape: [3, 0, 2], in: directory)
        try roundTrip([String](), in: directory, name: "empty-strings")
    }

    func testStringsRoundTrip() throws {
        let directory = try TemporaryDirectory(self)
        try roundTrip(["relu", "", "tanh σ(x)", "日本語", "line\nbreak"], in: directory, name: "1d")
        let path = directory.path("strings2d.h5")
        do {
            let file = try HDF5File.create(path)
            try file.root.writeStrings("grid", ["a", "b", "c", "d", "e", "f"], shape: [2, 3])
            try file.root.writeStrings("one", ["scalar"], shape: [])
        }
        let file = try HDF5File.open(path)
        XCTAssertEqual(try file.root.readStrings("grid"), HDF5Array(values: ["a", "b", "c", "d", "e", "f"], shape: [2, 3]))
        XCTAssertEqual(try file.root.readStrings("one"), HDF5Array(values: ["scalar"], shape: []))
        XCTAssertEqual(try file.root.dataset("grid").elementType, .string)
    }

    private func roundTrip(_ strings: [String], in directory: TemporaryDirectory, name: String) throws {
        let path = directory.path("\(name).h5")
        do {
            let file = try HDF5File.create(path)
            try file.root.writeStrings("s", strings)
        }
        let file = try HDF5File.open(path)
        XCTAssertEqual(try file.root.readStrings("s"), HDF5Array(values: strings, shape: [strings.count]))
    }

    func testNestedGroupsHoldDatasets() throws {
        let directory = try TemporaryDirectory(self)
        let path = directory.path("groups.h5")
        do {
            let file = try HDF5File.create(path)
            let ensembles = try file.root.createGroup("ensembles")
            try ensembles.createGroup("run-2").writeDataset("loss", [0.5, 0.25], shape: [2])
            try ensembles.createGroup("run-1")
            try file.root.writeDataset("b", [Int32(1)], shape: [1])
            XCTAssertEqual(ensembles.path, "/ensembles")
        }
        let file = try HDF5File.open(path)
        XCTAssertEqual(try file.root.memberNames(), ["b", "ensembles"])
        let ensembles = try file.root.openGroup("ensembles")
        XCTAssertEqual(try ensembles.memberNames(), ["run-1", "run-2"])
        XCTAssertTrue(try ensembles.contains("run-2"))
        XCTAssertFalse(try ensembles.contains("run-3"))
        let loss = try ensembles.openGroup("run-2").dataset("loss")
        XCTAssertEqual(loss.path, "/ensembles/run-2/loss")
        XCTAssertEqual(try loss.read(as: Double.self).values, [0.5, 0.25])
        XCTAssertEqual(try ensembles.openGroup("run-1").memberNames(), [])
    }

    func testWritableReopenAddsToExistingFile() throws {
        let directory = try TemporaryDirectory(self)
        let path = directory.path("append.h5")
        try HDF5File.create(path).root.writeDataset("first", [1.0], shape: [1])
        do {
            let file = try HDF5File.open(path, writable: true)
            try file.root.writeDataset("second", [2.0], shape: [1])
            try file.close()
        }
        let file = try HDF5File.open(path)
        XCTAssertEqual(try file.root.memberNames(), ["first", "second"])
        XCTAssertEqual(try file.root.readDataset("second", as: Double.self).values, [2.0])
    }
}
