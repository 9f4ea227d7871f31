import Foundation

/// A directory where writing can be made to fail, for tests of what the code does when
/// a disk fills up or a directory turns read-only.
///
/// As root (CI runs `make test` as root) the directory is a small tmpfs mounted for the
/// test (``Method/tmpfs``): ``limitFreeSpace(to:)`` fills it with a filler file and
/// ``makeReadOnly(_:)`` remounts it read-only — root ignores permission bits, not a
/// read-only mount. Where `mount` is refused (an unprivileged container) it is a plain
/// directory (``Method/fileSizeLimit``): ``limitFreeSpace(to:)`` sets this process's
/// RLIMIT_FSIZE (inherited by the stages it launches) and ignores SIGXFSZ, so that a
/// write past the limit fails with EFBIG instead of killing the writer, and
/// ``makeReadOnly(_:)`` takes away write permission (which stops only non-root users;
/// see ``canBeMadeReadOnly``).
public final class LimitedDisk {
    /// How writes are made to fail.
    public enum Method: Sendable {
        /// A tmpfs of fixed size mounted on the directory.
        case tmpfs
        /// A plain directory; a file size limit on this process and its children.
        case fileSizeLimit
    }

    /// The directory.
    public let path: String
    /// How writes are made to fail here.
    public let method: Method
    private var savedLimit: rlimit?
    private let createdDirectory: Bool

    /// A directory at `path` (created if missing; existing contents stay visible only
    /// with ``Method/fileSizeLimit``, so pass an empty or new one) of `bytes` capacity
    /// when it is a tmpfs. `preferring: .fileSizeLimit` skips the mount.
    public init(at path: String, bytes: Int, preferring: Method = .tmpfs) throws {
        self.path = path
        createdDirectory = !FileManager.default.fileExists(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if preferring == .tmpfs, Self.command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(bytes)", "tmpfs", path]) {
            method = .tmpfs
        } else {
            method = .fileSizeLimit
        }
    }

    deinit {
        liftLimit()
        if method == .tmpfs { _ = Self.command("/bin/umount", ["-l", path]) }
        if createdDirectory { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The space free for new files: what a filler file leaves on the tmpfs, or the file
    /// size limit.
    public func limitFreeSpace(to bytes: Int) throws {
        switch method {
        case .tmpfs:
            var facts = statvfs()
            guard statvfs(path, &facts) == 0 else { throw Failure("statvfs \(path): \(String(cString: strerror(errno)))") }
            let free = Int(facts.f_bavail) * Int(facts.f_frsize)
            guard free > bytes else { throw Failure("only \(free) bytes are free in \(path), not more than \(bytes)") }
            let filler = FileHandle(forWritingAtPath: fillerPath) ?? {
                FileManager.default.createFile(atPath: fillerPath, contents: nil)
                return FileHandle(forWritingAtPath: fillerPath)!
            }()
            defer { try? filler.close() }
            try filler.seekToEnd()
            try filler.write(contentsOf: Data(count: free - bytes))
        case .fileSizeLimit:
            var limit = rlimit()
            getrlimit(RLIMIT_FSIZE_VALUE, &limit)
            if savedLimit == nil { savedLimit = limit }
            limit.rlim_cur = rlim_t(bytes)
            signal(SIGXFSZ, SIG_IGN)
            guard setrlimit(RLIMIT_FSIZE_VALUE, &limit) == 0 else { throw Failure("setrlimit: \(String(cString: strerror(errno)))") }
        }
    }

    /// Frees the space taken by ``limitFreeSpace(to:)`` again.
    public func liftLimit() {
        try? FileManager.default.removeItem(atPath: fillerPath)
        if var limit = savedLimit {
            setrlimit(RLIMIT_FSIZE_VALUE, &limit)
            signal(SIGXFSZ, SIG_DFL)
            savedLimit = nil
        }
    }

    /// Whether ``makeReadOnly(_:)`` can stop writes here: not as root without a tmpfs,
    /// since nothing short of a mount stops root.
    public var canBeMadeReadOnly: Bool { method == .tmpfs || getuid() != 0 }

    /// Makes the directory read-only (`true`) or writable again (`false`); see
    /// ``canBeMadeReadOnly``.
    public func makeReadOnly(_ readOnly: Bool) throws {
        switch method {
        case .tmpfs:
            guard Self.command("/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", path]) else {
                throw Failure("could not remount \(path) \(readOnly ? "read-only" : "read-write")")
            }
        case .fileSizeLimit:
            try FileManager.default.setAttributes([.posixPermissions: readOnly ? 0o555 : 0o755], ofItemAtPath: path)
        }
    }

    private var fillerPath: String { path + "/.filler" }

    /// RLIMIT_FSIZE as the Int32 that getrlimit/setrlimit take on Linux.
    private var RLIMIT_FSIZE_VALUE: Int32 { Int32(RLIMIT_FSIZE.rawValue) }

    /// Runs `executable` with `arguments`; whether it exited 0.
    static func command(_ executable: String, _ arguments: [String]) -> Bool {
        (try? Command.run(executable, arguments))?.status == 0
    }

    /// A test-setup failure.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
