import Foundation
import HDF5
import TestSupport
import XCTest

/// Files must be byte-identical when the same content is written twice, and
/// readable by the reference reader `h5dump`.
final class ReproducibilityTests: XCTestCase {
    /// Writes a file using every feature: groups, all element types, chunking
    /// with deflate, strings, zero-size data and every attribute kind.
    static func writeSample(to path: String) throws {
        let file = try HDF5File.create(path)
        let root = try file.root
        try root.setAttribute("title", .string("sample ✓"))
        try root.setAttribute("seeds", .ints([1, 2, 3]))
        let group = try root.createGroup("ensembles")
        try group.setAttribute("learning rates", .doubles([0.1, 0.01]))
        let loss = try group.writeDataset(
            "loss", (0..<600).map { 1 / Double($0 + 1) }, shape: [20, 30], chunk: [7, 30], deflateLevel: 4)
        try loss.setAttribute("unit", .string("nats"))
        try loss.setAttribute("epochs", .int(20))
        try loss.setAttribute("scale", .double(2.5))
        try loss.setAttribute("columns", .strings(["a", "b"]))
        try group.writeDataset("weights", (0..<24).map { Float($0) }, shape: [2, 3, 4])
        try root.writeDataset("pixels", (0..<256).map { UInt8($0) }, shape: [16, 16], chunk: [16, 16], deflateLevel: 9)
        try root.writeDataset("labels", (0..<10).map { Int32($0) }, shape: [10])
        try root.writeDataset("steps", [Int64(1_000_000)], shape: [])
        try root.writeDataset("empty", [Double](), shape: [0, 4])
        try root.writeStrings("classes", ["T-shirt/top", "Trouser", "Pullover"])
        try file.close()
    }

    func testSameContentGivesIdenticalBytes() throws {
        let directory = try TemporaryDirectory(self)
        let first = directory.path("first.h5"), second = directory.path("second.h5")
        try Self.writeSample(to: first)
        // Object times have one-second resolution: without the pause, a file that
        // records times could still match itself.
        Thread.sleep(forTimeInterval: 1.1)
        try Self.writeSample(to: second)
        let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first))
        let secondBytes = try Data(contentsOf: URL(fileURLWithPath: second))
        XCTAssertGreaterThan(firstBytes.count, 1000)
        XCTAssertEqual(firstBytes, secondBytes)
    }

    func testRewritingTheSamePathGivesIdenticalBytes() throws {
        let directory = try TemporaryDirectory(self)
        let path = directory.path("rewritten.h5")
        try Self.writeSample(to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try Self.writeSample(to: path)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testH5dumpReadsTheFile() throws {
        let h5dump = "/usr/bin/h5dump"
        guard FileManager.default.isExecutableFile(atPath: h5dump) else {
            return XCTFail("h5dump is not installed at \(h5dump); `make test` installs Debian's hdf5-tools")
        }
        let directory = try TemporaryDirectory(self)
        let path = directory.path("dumped.h5")
        try Self.writeSample(to: path)

        let header = try Command.run(h5dump, ["-H", path])
        XCTAssertEqual(header.status, 0, header.output)
        for name in ["ensembles", "loss", "weights", "pixels", "labels", "steps", "empty", "classes", "title", "unit"] {
            XCTAssertTrue(header.output.contains("\"\(name)\""), "h5dump -H does not list \(name):\n\(header.output)")
        }
        XCTAssertTrue(header.output.contains("H5T_IEEE_F64LE"), header.output)
        XCTAssertTrue(header.output.contains("CSET H5T_CSET_UTF8"), header.output)

        // An independent reader sees the same values (deflated chunks included).
        let labels = try Command.run(h5dump, ["-d", "/labels", path])
        XCTAssertEqual(labels.status, 0, labels.output)
        XCTAssertTrue(labels.output.contains("0, 1, 2, 3, 4, 5, 6, 7, 8, 9"), labels.output)
        let unit = try Command.run(h5dump, ["-a", "/ensembles/loss/unit", path])
        XCTAssertEqual(unit.status, 0, unit.output)
        XCTAssertTrue(unit.output.contains("\"nats\""), unit.output)
        let pixels = try Command.run(h5dump, ["-d", "/pixels", "-s", "15,14", "-c", "1,2", path])
        XCTAssertEqual(pixels.status, 0, pixels.output)
        XCTAssertTrue(pixels.output.contains("254, 255"), pixels.output)
    }
}
