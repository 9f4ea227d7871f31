import Foundation
import HDF5
import TestSupport
import XCTest

/// A file that cannot be written to disk (full disk, file size limit) gives a
/// ``HDF5Error/Kind/writeFailed`` error naming the file and the system's reason, never a
/// crash — also when its objects and the file are closed afterwards, and libhdf5 keeps
/// working for other files in the same process (libhdf5 1.10.8 crashes on a close whose
/// flush fails; see `HDF5File+WriteFailure.swift`).
final class WriteFailureTests: XCTestCase {
    /// Writes groups with datasets of `valueCount` doubles into a new file at `path`
    /// until something fails, then closes it; returns the first error.
    private func writeUntilFailure(_ path: String, valueCount: Int) -> Error? {
        do {
            let file = try HDF5File.create(path)
            for index in 0..<10_000 {
                let group = try file.root.createGroup("run\(index)")
                try group.writeDataset("values", (0..<valueCount).map { Double($0 + index) }, shape: [valueCount])
                try group.setAttribute("index", .int(Int64(index)))
            }
            try file.close()
            return nil
        } catch {
            return error
        }
    }

    /// The failure is a writeFailed error on the file, with the system's reason.
    private func assertWriteFailure(_ error: Error?, path: String, reasons: [String], file: StaticString = #filePath, line: UInt = #line) {
        guard let error = error as? HDF5Error else {
            return XCTFail("expected an HDF5Error, got \(String(describing: error))", file: file, line: line)
        }
        XCTAssertEqual(error.kind, .writeFailed, "\(error)", file: file, line: line)
        XCTAssertEqual(error.filePath, path, file: file, line: line)
        XCTAssertTrue(reasons.contains { error.reason.contains($0) }, "no reason of \(reasons) in: \(error)", file: file, line: line)
        XCTAssertTrue(error.description.contains("free disk space"), "\(error)", file: file, line: line)
    }

    /// After a failure, a file elsewhere is written, closed and read back as usual.
    private func assertLibraryStillWorks(file: StaticString = #filePath, line: UInt = #line) throws {
        let path = try TemporaryDirectory(self).path("afterwards.h5")
        let written = try HDF5File.create(path)
        try written.root.createGroup("g").writeDataset("x", [1.0, 2.0, 3.0], shape: [3])
        try written.close()
        let read = try HDF5File.open(path)
        XCTAssertEqual(try read.root.openGroup("g").readDataset("x", as: Double.self).values, [1, 2, 3], file: file, line: line)
        try read.close()
    }

    /// Runs `body` with the directory of a disk that has `free` bytes left (see
    /// ``LimitedDisk``), then lifts the limit.
    private func onFullDisk(leaving free: Int, preferring method: LimitedDisk.Method = .tmpfs, _ body: (String) throws -> Void) throws {
        let disk = try LimitedDisk(at: try TemporaryDirectory(self).path("disk"), bytes: 4 << 20, preferring: method)
        try disk.limitFreeSpace(to: free)
        defer { disk.liftLimit() }
        try body(disk.path)
    }

    /// Writing groups of `valueCount` doubles on a disk with `free` bytes left fails with
    /// one of `reasons`; then libhdf5 still works.
    private func assertWritingFails(
        leaving free: Int, valueCount: Int, preferring method: LimitedDisk.Method = .tmpfs,
        reasons: [String] = ["No space left on device", "File too large"], line: UInt = #line
    ) throws {
        try onFullDisk(leaving: free, preferring: method) { directory in
            let path = directory + "/written.h5"
            assertWriteFailure(writeUntilFailure(path, valueCount: valueCount), path: path, reasons: reasons, line: line)
        }
        try assertLibraryStillWorks(line: line)
    }

    func testLargeWritesOnAFullDiskFailWithTheSystemsReason() throws {
        // 100 000 doubles (800 kB) per dataset: the second write no longer fits.
        try assertWritingFails(leaving: 1 << 20, valueCount: 100_000)
    }

    func testSmallWritesThatFailOnlyWhenFlushedAreReportedToo() throws {
        // 1000 doubles per dataset: libhdf5 buffers each (its sieve buffer) and writes it
        // when the dataset is closed, so the failure surfaces at a close.
        try assertWritingFails(leaving: 256 << 10, valueCount: 1000)
    }

    func testAFileSizeLimitIsReportedAndTheFileAbandonedSafely() throws {
        // Under RLIMIT_FSIZE even the in-memory file that takes a failed file's last
        // writes is limited, so the file is abandoned rather than closed.
        try assertWritingFails(leaving: 512 << 10, valueCount: 1000, preferring: .fileSizeLimit, reasons: ["File too large"])
    }

    func testEveryLaterUseOfAFailedFileThrowsTheFailure() throws {
        try onFullDisk(leaving: 1 << 20) { directory in try assertLaterUsesThrow(directory + "/failed.h5") }
    }

    private func assertLaterUsesThrow(_ path: String) throws {
        let file = try HDF5File.create(path)
        let group = try file.root.createGroup("g")
        XCTAssertThrowsError(try group.writeDataset("big", [Double](repeating: 1, count: 400_000), shape: [400_000]))
        XCTAssertEqual(file.writeFailure?.kind, .writeFailed)
        XCTAssertThrowsError(try group.writeDataset("more", [1.0], shape: [1])) { error in
            XCTAssertEqual((error as? HDF5Error)?.kind, .writeFailed, "\(error)")
        }
        XCTAssertThrowsError(try file.close()) { error in
            XCTAssertEqual((error as? HDF5Error)?.objectPath, "/g/big", "the first failure is the one reported: \(error)")
        }
        XCTAssertFalse(file.isOpen)
        XCTAssertNoThrow(try file.close(), "closing a closed file does nothing")
    }
}
