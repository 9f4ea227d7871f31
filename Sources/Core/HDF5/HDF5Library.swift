import CHDF5

/// Process-wide dealings with libhdf5: silencing its stderr dump and reading its
/// error stack.
///
/// Debian's libhdf5 1.10.8 is built thread-safe, and a thread-safe libhdf5 keeps
/// the error stack *and* the automatic-printing setting per thread. Silencing
/// once would therefore only silence the thread that did it, so every entry point
/// of this layer calls ``silenceAutomaticErrorPrinting()`` on the calling thread
/// first; the call only stores two pointers. Objects of this layer must still be
/// used from one thread at a time (they hold plain, unsynchronised state).
enum HDF5Library {
    /// Turns off libhdf5's automatic printing of its error stack to stderr for the
    /// calling thread: `H5Eset_auto2(H5E_DEFAULT, NULL, NULL)`.
    static func silenceAutomaticErrorPrinting() {
        prepare()
        _ = H5Eset_auto2(chdf5_E_DEFAULT(), nil, nil)
    }

    /// Switches off libhdf5's clean-up at process exit (`H5dont_atexit`, effective only
    /// before libhdf5's first use, hence called at every entry point). That clean-up
    /// closes every identifier still open, and one of a file that could not be written
    /// is a dangling pointer in libhdf5 1.10.8 (SIGSEGV at exit; see
    /// `HDF5File+WriteFailure.swift`). Files are closed by ``HDF5File/close()`` or when
    /// released, so nothing is lost.
    static func prepare() {
        _ = atExitCleanUpSwitchedOff
    }

    private static let atExitCleanUpSwitchedOff: Void = {
        _ = H5dont_atexit()
    }()

    /// The calling thread's libhdf5 error stack as one line (outermost call first,
    /// innermost detail last), then clears the stack; `nil` if it is empty.
    static func takeErrorStack() -> String? {
        var entries: [String] = []
        withUnsafeMutablePointer(to: &entries) { pointer in
            _ = H5Ewalk2(chdf5_E_DEFAULT(), H5E_WALK_DOWNWARD, { _, entry, clientData in
                guard let entry, let clientData else { return 0 }
                let collected = clientData.assumingMemoryBound(to: [String].self)
                let function = entry.pointee.func_name.map { String(cString: $0) } ?? "?"
                // The POSIX driver's message holds a ctime() date that ends in a newline.
                let detail = (entry.pointee.desc.map { String(cString: $0) } ?? "")
                    .split(whereSeparator: \.isNewline).joined(separator: " ")
                collected.pointee.append("\(function)(): \(detail)")
                return 0
            }, pointer)
        }
        _ = H5Eclear2(chdf5_E_DEFAULT())
        return entries.isEmpty ? nil : entries.joined(separator: "; ")
    }
}

/// Facts about the linked libhdf5, for provenance records.
public enum HDF5LibraryInfo {
    /// The version of the libhdf5 this process runs against, e.g. "1.10.8".
    public static var versionString: String {
        var major: UInt32 = 0
        var minor: UInt32 = 0
        var release: UInt32 = 0
        HDF5Library.prepare()
        _ = H5get_libversion(&major, &minor, &release)
        return "\(major).\(minor).\(release)"
    }
}
