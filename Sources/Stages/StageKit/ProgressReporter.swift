import Foundation

/// Progress of long work on stderr: stage, item i of n, rate, time left. Silent when
/// quiet. Uses the wall clock for display only; nothing it prints enters an output.
public final class ProgressReporter: @unchecked Sendable {
    private let stage: String
    private let label: String
    private let total: Int
    private let quiet: Bool
    private let started = Date()
    private var lastPrinted = Date.distantPast
    private var done = 0
    private let lock = NSLock()

    public init(stage: String, label: String, total: Int, quiet: Bool) {
        self.stage = stage
        self.label = label
        self.total = total
        self.quiet = quiet
    }

    /// Records `count` more finished items; thread-safe.
    public func advance(by count: Int = 1) {
        lock.lock()
        defer { lock.unlock() }
        done += count
        let now = Date()
        guard !quiet, done == total || now.timeIntervalSince(lastPrinted) >= 1 else { return }
        lastPrinted = now
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let line = "[\(stage)] \(label) \(done)/\(total)  \(ProgressReporter.format(rate))/s  "
            + (done == total ? "done in \(ProgressReporter.clock(elapsed))" : "~\(ProgressReporter.clock(left)) left")
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func format(_ rate: Double) -> String {
        rate >= 100 ? String(Int(rate.rounded())) : String((rate * 10).rounded() / 10)
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
