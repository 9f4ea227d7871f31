import Foundation

/// An advisory lock (`flock(2)`) on a profile, so that two `pipeline run` on one
/// profile never interleave their manifest writes. `run` and `fold-records` hold it
/// exclusively; the `run-stage` jobs of one workflow share it (they write no manifest
/// and each its own outputs). Released when the process exits, even if it is killed.
final class RunLock {
    private let descriptor: Int32

    /// Takes the lock at `path` (shared or exclusive) or throws `PipelineError.busy` at once.
    init(path: String, shared: Bool = false) throws {
        try? FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { throw PipelineError.busy(lockPath: path) }
        guard flock(descriptor, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
            close(descriptor)
            throw PipelineError.busy(lockPath: path)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
