import Foundation

/// Remembers file hashes by (size, modification time, inode), as DVC does, so that a
/// run with nothing changed answers "is this stale?" without re-reading large files.
/// The cache is an optimisation only: a miss re-hashes, and `pipeline verify` never
/// uses it.
public final class HashCache {
    struct Entry: Codable, Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
        var sha256: String
    }

    private let cachePath: String?
    private var entries: [String: Entry]
    private var changed = false

    /// A cache stored at `cachePath` (nil: in memory only).
    public init(cachePath: String?) {
        self.cachePath = cachePath
        if let cachePath, let data = FileManager.default.contents(atPath: cachePath),
            let decoded = try? JSONDecoder().decode([String: Entry].self, from: data)
        {
            entries = decoded
        } else {
            entries = [:]
        }
    }

    /// The SHA-256 of the file at `path`, from the cache when the file is unchanged.
    public func sha256(of path: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ProvenanceError.unreadable(path: path, reason: "it does not exist")
        }
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        if let entry = entries[key], entry.size == Int64(info.st_size), entry.modified == modified,
            entry.inode == UInt64(info.st_ino)
        {
            return entry.sha256
        }
        let digest = try ContentHash.sha256(fileAt: path)
        entries[key] = Entry(size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino), sha256: digest)
        changed = true
        return digest
    }

    /// Writes the cache back if anything was added.
    public func save() {
        guard changed, let cachePath else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(entries) {
            try? AtomicFile.write(data, to: cachePath)
        }
        changed = false
    }
}
