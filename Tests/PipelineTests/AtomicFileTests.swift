import Foundation
import Provenance
import TestSupport
import XCTest

/// Writing and moving files into place when the disk is full or a directory is
/// read-only: the destinations keep their previous contents and no temporary file
/// stays behind (``AtomicFile``).
final class AtomicFileTests: XCTestCase {
    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func hiddenFiles(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix(".") && $0 != ".filler" }
    }

    func testAWriteOnAFullDiskKeepsThePreviousFileAndLeavesNoTemporaryFile() throws {
        let scratch = TemporaryDirectory("atomic-full")
        let disk = try LimitedDisk(at: scratch.path + "/disk", bytes: 4 << 20)
        defer { withExtendedLifetime(scratch) {} }
        let path = disk.path + "/pipeline.lock"
        try AtomicFile.write(Data("previous\n".utf8), to: path)
        try disk.limitFreeSpace(to: 64 << 10)
        defer { disk.liftLimit() }
        XCTAssertThrowsError(try AtomicFile.write(Data(count: 1 << 20), to: path)) { error in
            XCTAssertTrue("\(error)".contains(path), "\(error)")
            XCTAssertTrue(["No space left on device", "File too large"].contains { "\(error)".contains($0) }, "\(error)")
        }
        XCTAssertEqual(text(path), "previous\n")
        XCTAssertEqual(hiddenFiles(in: disk.path), [], "no temporary sibling is left")
    }

    func testMoveAllChangesNoDestinationWhenOneCannotBeWritten() throws {
        let scratch = TemporaryDirectory("atomic-read-only")
        let writable = scratch.path + "/figures", readOnly = try LimitedDisk(at: scratch.path + "/data", bytes: 1 << 20)
        guard readOnly.canBeMadeReadOnly else { throw XCTSkip("mount is not permitted here, and root writes through permission bits") }
        try scratch.write("figures/a.svg", "old a")
        try AtomicFile.write(Data("old b".utf8), to: readOnly.path + "/b.h5")
        try scratch.write("tmp/new-a", "new a")
        try scratch.write("tmp/new-b", "new b")
        try readOnly.makeReadOnly(true)
        defer { try? readOnly.makeReadOnly(false) }

        XCTAssertThrowsError(try AtomicFile.moveAll([
            (scratch.path + "/tmp/new-a", writable + "/a.svg"), (scratch.path + "/tmp/new-b", readOnly.path + "/b.h5"),
        ])) { error in
            XCTAssertTrue("\(error)".contains(readOnly.path), "the error names the directory that failed: \(error)")
        }
        XCTAssertEqual(text(writable + "/a.svg"), "old a", "the destination that could be written is untouched")
        XCTAssertEqual(text(readOnly.path + "/b.h5"), "old b")
        XCTAssertEqual(text(scratch.path + "/tmp/new-a"), "new a", "the staged source is put back")
        XCTAssertEqual(hiddenFiles(in: writable), [])
    }

    func testMoveAllCopiesAcrossFileSystems() throws {
        let scratch = TemporaryDirectory("atomic-cross")
        let other = try LimitedDisk(at: scratch.path + "/mounted", bytes: 1 << 20)
        defer { withExtendedLifetime(other) {} }
        try scratch.write("tmp/new", "new contents")
        try AtomicFile.write(Data("old".utf8), to: other.path + "/out.h5")
        try AtomicFile.moveAll([(scratch.path + "/tmp/new", other.path + "/out.h5")])
        XCTAssertEqual(text(other.path + "/out.h5"), "new contents")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/tmp/new"), "the source is gone, as after a rename")
        XCTAssertEqual(hiddenFiles(in: other.path), [])
    }
}
