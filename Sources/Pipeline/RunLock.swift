import Foundation

/// An exclusive advisory lock (`flock(2)`) on a profile, so that two `pipeline run`
/// on one profile never interleave their manifest writes. Released when the process
/// exits, even if it is killed.
final class RunLock {
    private let descriptor: Int32

    /// Takes the lock at `path` or throws `PipelineError.busy` at once.
    init(path: String) throws {
        try? FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { throw PipelineError.busy(lockPath: path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw PipelineError.busy(lockPath: path)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
