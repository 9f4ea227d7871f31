import CHDF5
import Foundation

/// What this layer does when libhdf5 cannot write a file to disk (disk full, file size
/// limit, read-only or failing file system).
///
/// libhdf5 1.10.8 must never be asked to close an object whose flush fails: `H5Dclose`
/// and `H5Fclose` free the object even then but leave its identifier registered, and the
/// next use of that identifier — closing the file's remaining objects, or libhdf5's own
/// clean-up at process exit — dereferences freed memory (SIGSEGV). So every close of a
/// writable file's dataset or of the file itself is preceded by a flush (`H5Dflush`,
/// `H5Fflush`), which fails harmlessly. When a flush fails, the failure is recorded on
/// the file, the file's descriptor is pointed at an anonymous in-memory file (so that
/// the rest of libhdf5's writes, and with them the closes, succeed and release
/// everything), and every later use of the file throws the recorded error. If even that
/// does not make the flush succeed (e.g. under a file size limit, which applies to the
/// in-memory file too), the file is abandoned: its identifiers are never used again,
/// libhdf5's clean-up at exit is off (``HDF5Library``), so nothing touches them, and its
/// original descriptor stays open, so that its inode is not reused while libhdf5 counts
/// the file as open.
///
/// Flushing before closing writes the same bytes as closing alone, only earlier (checked
/// by `ReproducibilityTests`).
extension HDF5File {
    /// Flushes the object at `location` with `flush` before it is closed; on failure
    /// records a ``HDF5Error/Kind/writeFailed`` error and makes the close safe (see the
    /// extension's documentation). Returns whether the object may be closed.
    func flushBeforeClosing(_ location: ObjectLocation, _ operation: String, _ flush: () -> herr_t) -> Bool {
        guard isOpen else { return false }
        guard isWritable, flush() < 0 else { return true }
        recordWriteFailure(location.writeError(operation, "could not write the file to disk"))
        if replacedDescriptor == nil, let original = Self.redirectToMemory(fileID: id) {
            replacedDescriptor = original
            if flush() >= 0 { return true }
        }
        _ = HDF5Library.takeErrorStack()
        abandon()
        return false
    }

    /// Throws (and records on the file) a ``HDF5Error/Kind/writeFailed`` error saying
    /// `what` if `status`, the result of a libhdf5 write, is negative.
    func checkWrite(_ status: herr_t, _ location: ObjectLocation, _ operation: String, _ what: String) throws {
        guard status < 0 else { return }
        let error = location.writeError(operation, what)
        recordWriteFailure(error)
        throw error
    }

    /// Records the first write failure of this file; later operations throw it.
    func recordWriteFailure(_ error: HDF5Error) {
        if writeFailure == nil { writeFailure = error }
    }

    /// Points the file's POSIX descriptor (the default `sec2` driver's) at an anonymous
    /// in-memory file, so that libhdf5's remaining writes to this failed file succeed
    /// and are discarded; the file on disk keeps what had been written (incomplete).
    /// Returns a duplicate of the original descriptor, to be closed only once libhdf5
    /// has closed the file: libhdf5 knows open files by device and inode, and while the
    /// file is open to it, its inode must not be reused by a new file.
    static func redirectToMemory(fileID: hid_t) -> Int32? {
        var handle: UnsafeMutableRawPointer?
        guard H5Fget_vfd_handle(fileID, chdf5_P_DEFAULT(), &handle) >= 0, let handle,
            let memoryFile = anonymousMemoryFile()
        else {
            _ = HDF5Library.takeErrorStack()
            return nil
        }
        defer { Glibc.close(memoryFile) }
        let descriptor = handle.assumingMemoryBound(to: Int32.self).pointee
        let original = dup(descriptor)
        guard original >= 0, dup2(memoryFile, descriptor) == descriptor else {
            if original >= 0 { Glibc.close(original) }
            return nil
        }
        return original
    }

    /// A descriptor of a new anonymous in-memory file (`memfd_create(2)`), or nil. Swift's
    /// Glibc module does not import `memfd_create` (declared only under `_GNU_SOURCE`),
    /// so it is looked up in the C library by name.
    private static func anonymousMemoryFile() -> Int32? {
        typealias MemfdCreate = @convention(c) (UnsafePointer<CChar>, UInt32) -> Int32
        // RTLD_DEFAULT is the null handle on glibc.
        guard let symbol = dlsym(nil, "memfd_create") else { return nil }
        let descriptor = unsafeBitCast(symbol, to: MemfdCreate.self)("hdf5-discarded-writes", 0)
        return descriptor >= 0 ? descriptor : nil
    }
}

extension ObjectLocation {
    /// A ``HDF5Error/Kind/writeFailed`` error after libhdf5 failed to write: `what`,
    /// the operating system's reason when libhdf5 reported one (e.g. "No space left on
    /// device"), and what to do. Reads and clears libhdf5's error stack, of which only
    /// the innermost entry is kept (the failed system call, with the file and offset):
    /// the ten calls above it say "write failed" ten times.
    func writeError(_ operation: String, _ what: String) -> HDF5Error {
        let stack = HDF5Library.takeErrorStack()
        let systemReason = stack.flatMap(Self.systemReason(in:))
        let libraryMessage = stack.map { String($0.components(separatedBy: "; ").last ?? $0) }
        return HDF5Error(
            kind: .writeFailed, filePath: filePath, objectPath: objectPath, operation: operation,
            reason: "\(what)\(systemReason.map { " (\($0))" } ?? ""); the file on disk is incomplete: free disk space "
                + "(or make its directory writable) and write it again",
            libraryMessage: libraryMessage)
    }

    /// The `error message = '…'` that libhdf5's POSIX driver puts in its stack (strerror).
    static func systemReason(in libraryMessage: String) -> String? {
        guard let start = libraryMessage.range(of: "error message = '") else { return nil }
        let rest = libraryMessage[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }
}
