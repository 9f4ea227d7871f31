import HDF5
import XCTest

/// Every attribute kind must survive a write, close, reopen and read on the
/// root group, a subgroup and a dataset.
final class AttributeTests: XCTestCase {
    /// One value of every kind, including empty arrays and non-ASCII text.
    private let samples: [String: HDF5AttributeValue] = [
        "string": .string("git 3f2a9c1 — σ=0.5"),
        "empty string": .string(""),
        "strings": .strings(["train", "test", "日本"]),
        "no strings": .strings([]),
        "int": .int(-42),
        "ints": .ints([Int64.min, 0, Int64.max]),
        "one int": .ints([7]),
        "no ints": .ints([]),
        "double": .double(0.1),
        "doubles": .doubles([1e-300, -2.5, .infinity]),
        "no doubles": .doubles([]),
    ]

    func testEveryKindRoundTripsOnRootGroupAndDataset() throws {
        let directory = try TemporaryDirectory(self)
        let path = directory.path("attributes.h5")
        do {
            let file = try HDF5File.create(path)
            let root = try file.root
            let group = try root.createGroup("group")
            let dataset = try group.writeDataset("data", [1.0, 2.0], shape: [2])
            for (name, value) in samples {
                try root.setAttribute(name, value)
                try group.setAttribute(name, value)
                try dataset.setAttribute(name, value)
            }
            try file.close()
        }
        let file = try HDF5File.open(path)
        let group = try file.root.openGroup("group")
        let dataset = try group.dataset("data")
        for (name, value) in samples {
            XCTAssertEqual(try file.root.attribute(name), value, "root \(name)")
            XCTAssertEqual(try group.attribute(name), value, "group \(name)")
            XCTAssertEqual(try dataset.attribute(name), value, "dataset \(name)")
        }
        let sortedNames = samples.keys.sorted()
        XCTAssertEqual(try file.root.attributeNames(), sortedNames)
        XCTAssertEqual(try group.attributeNames(), sortedNames)
        XCTAssertEqual(try dataset.attributeNames(), sortedNames)
        XCTAssertTrue(try dataset.hasAttribute("int"))
        XCTAssertFalse(try dataset.hasAttribute("missing"))
    }

    func testOverwritingReplacesValueAndKind() throws {
        let directory = try TemporaryDirectory(self)
        let path = directory.path("overwrite.h5")
        do {
            let file = try HDF5File.create(path)
            let root = try file.root
            try root.setAttribute("status", .string("running"))
            try root.setAttribute("status", .string("finished successfully"))
            try root.setAttribute("count", .int(1))
            try root.setAttribute("count", .doubles([1, 2]))
        }
        let file = try HDF5File.open(path, writable: true)
        XCTAssertEqual(try file.root.attribute("status"), .string("finished successfully"))
        XCTAssertEqual(try file.root.attribute("count"), .doubles([1, 2]))
        try file.root.setAttribute("status", .int(0))
        XCTAssertEqual(try file.root.attribute("status"), .int(0))
        XCTAssertEqual(try file.root.attributeNames(), ["count", "status"])
    }

    func testMissingAttributeErrorNamesObjectAndExistingAttributes() throws {
        let directory = try TemporaryDirectory(self)
        let path = directory.path("missing-attribute.h5")
        let file = try HDF5File.create(path)
        let dataset = try file.root.createGroup("runs").writeDataset("loss", [Float(1)], shape: [1])
        try dataset.setAttribute("seed", .int(7))
        XCTAssertThrowsError(try dataset.attribute("sead")) { error in
            let hdf5Error = error as? HDF5Error
            XCTAssertEqual(hdf5Error?.kind, .objectNotFound)
            XCTAssertEqual(hdf5Error?.objectPath, "/runs/loss")
            XCTAssertEqual(hdf5Error?.filePath, path)
            XCTAssertTrue("\(error)".contains("'sead'") && "\(error)".contains("seed"), "\(error)")
        }
    }

    func testWritingAttributeToReadOnlyFileFails() throws {
        let directory = try TemporaryDirectory(self)
        let path = directory.path("read-only.h5")
        try HDF5File.create(path).close()
        let file = try HDF5File.open(path)
        XCTAssertThrowsError(try file.root.setAttribute("x", .int(1))) { error in
            XCTAssertEqual((error as? HDF5Error)?.kind, .readOnly)
            XCTAssertTrue("\(error)".contains("writable: true"), "\(error)")
        }
    }

    func testStringWithNULIsRefused() throws {
        let directory = try TemporaryDirectory(self)
        let file = try HDF5File.create(directory.path("nul.h5"))
        XCTAssertThrowsError(try file.root.setAttribute("x", .string("a\u{0}b"))) { error in
            XCTAssertEqual((error as? HDF5Error)?.kind, .invalidArgument)
        }
        XCTAssertFalse(try file.root.hasAttribute("x"))
    }
}
