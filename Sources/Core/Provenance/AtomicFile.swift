import Foundation

/// Writing files so that a reader never sees half of one: write a temporary sibling,
/// then `rename(2)` it over the destination (atomic within one file system). A write
/// that fails (disk full, read-only directory) leaves the destination as it was and no
/// temporary file behind.
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating parent directories.
    public static func write(_ data: Data, to path: String) throws {
        try createParentDirectory(of: path)
        let temporary = sibling(of: path, tag: "tmp")
        do {
            try writeFully(data, to: temporary)
            try move(temporary, to: path)
        } catch ProvenanceError.unwritable(let failed, let reason) where failed == temporary {
            unlink(temporary)
            throw ProvenanceError.unwritable(path: path, reason: "\(reason), in its temporary copy \(temporary)")
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Renames `source` over `destination` (atomically replacing it), creating parents.
    public static func move(_ source: String, to destination: String) throws {
        try createParentDirectory(of: destination)
        if rename(source, destination) != 0 {
            throw ProvenanceError.unwritable(path: destination, reason: "rename from \(source) failed: \(systemReason())")
        }
    }

    /// Moves each `source` over its `destination`, all or (as far as the file system
    /// allows) none: first every source is renamed — or, from another file system,
    /// copied — to a hidden sibling of its destination; a failure there (read-only or
    /// missing directory, full disk) removes the siblings, keeps the sources and leaves
    /// every destination untouched. Only then is each sibling renamed over its
    /// destination, within its own directory.
    public static func moveAll(_ moves: [(source: String, destination: String)]) throws {
        var staged: [(source: String, sibling: String, copied: Bool)] = []
        do {
            for (source, destination) in moves {
                let sibling = sibling(of: destination, tag: "incoming")
                staged.append((source, sibling, try stage(source, at: sibling)))
            }
        } catch {
            for (source, sibling, copied) in staged.reversed() where copied || rename(sibling, source) != 0 {
                unlink(sibling)
            }
            throw error
        }
        for ((_, destination), (source, sibling, copied)) in zip(moves, staged) {
            try move(sibling, to: destination)
            if copied { unlink(source) }
        }
    }

    /// Renames `source` to `sibling`, or copies it there if they are on different file
    /// systems; returns whether it copied.
    private static func stage(_ source: String, at sibling: String) throws -> Bool {
        try createParentDirectory(of: sibling)
        if rename(source, sibling) == 0 { return false }
        guard errno == EXDEV else {
            throw ProvenanceError.unwritable(path: sibling, reason: "rename from \(source) failed: \(systemReason())")
        }
        let input = open(source, O_RDONLY)
        guard input >= 0 else {
            throw ProvenanceError.unreadable(path: source, reason: "could not open it to copy it to \(sibling) (\(systemReason()))")
        }
        defer { close(input) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        do {
            try writeFile(sibling) { output in
                while true {
                    let count = read(input, &buffer, buffer.count)
                    if count < 0 && errno == EINTR { continue }
                    if count < 0 { return "reading \(source): \(systemReason())" }
                    if count == 0 { return nil }
                    if let failure = buffer.withUnsafeBytes({ writeAll(output, $0.baseAddress!, count) }) { return failure }
                }
            }
        } catch {
            unlink(sibling)
            throw error
        }
        return true
    }

    /// Throws unless a file can be created in the directory that will hold `path`
    /// (creating the directory if missing): checked before a stage runs, so that a
    /// read-only or missing output directory is reported before hours of work. Permission
    /// bits alone do not stop root; the probe file does meet a read-only file system.
    public static func checkWritable(_ path: String) throws {
        try createParentDirectory(of: path)
        let probe = sibling(of: path, tag: "probe")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            throw ProvenanceError.unwritable(path: path, reason: "no file can be created in \(directory) (\(systemReason()))")
        }
        close(descriptor)
        unlink(probe)
    }

    /// Creates the directory that will hold `path`, if missing.
    public static func createParentDirectory(of path: String) throws {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw ProvenanceError.unwritable(path: parent, reason: "\(error.localizedDescription)")
        }
    }

    /// A hidden sibling of `path` for this process: `.<name>.<tag>-<pid>`.
    private static func sibling(of path: String, tag: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(tag)-\(getpid())").path
    }

    /// Writes `data` to a new file at `path` (see ``writeFile(_:_:)``).
    private static func writeFully(_ data: Data, to path: String) throws {
        try writeFile(path) { descriptor in
            data.withUnsafeBytes { buffer in buffer.isEmpty ? nil : writeAll(descriptor, buffer.baseAddress!, buffer.count) }
        }
    }

    /// Creates the file `path` and lets `body` write to its descriptor, with POSIX calls
    /// so that a failure carries the system's reason ("No space left on device");
    /// `body` returns nil or what failed.
    private static func writeFile(_ path: String, _ body: (Int32) -> String?) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw ProvenanceError.unwritable(path: path, reason: "could not create it (\(systemReason()))")
        }
        var failure = body(descriptor)
        if close(descriptor) != 0 && failure == nil { failure = systemReason() }
        if let failure { throw ProvenanceError.unwritable(path: path, reason: "could not write it (\(failure))") }
    }

    /// Writes `count` bytes from `bytes` to `descriptor`; nil, or the system's reason.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> String? {
        var offset = 0
        while offset < count {
            let written = Glibc.write(descriptor, bytes + offset, count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return systemReason() }
            offset += written
        }
        return nil
    }

    /// `strerror(errno)`.
    private static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}
