import Foundation

/// Writing files so that a reader never sees half of one: write a temporary sibling,
/// then `rename(2)` it over the destination (atomic within one file system).
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating parent directories.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try createParentDirectory(of: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw ProvenanceError.unwritable(path: path, reason: "could not create \(temporary)")
        }
        try move(temporary, to: path)
    }

    /// Renames `source` over `destination` (atomically replacing it), creating parents.
    public static func move(_ source: String, to destination: String) throws {
        try createParentDirectory(of: destination)
        if rename(source, destination) != 0 {
            let reason = String(cString: strerror(errno))
            throw ProvenanceError.unwritable(path: destination, reason: "rename from \(source) failed: \(reason)")
        }
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
}
