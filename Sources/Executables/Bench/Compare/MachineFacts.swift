import Foundation

/// Where and when a comparison ran: the facts its record carries beside the numbers.
enum MachineFacts {
    /// The CPU's model name from /proc/cpuinfo ("unknown" elsewhere).
    static func cpuModel() -> String {
        let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }

    /// The kernel release (`uname -r`).
    static func kernel() -> String {
        ((try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)) ?? "unknown")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The 1-minute load average (/proc/loadavg); NaN where there is none.
    static func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { Double($0) } ?? .nan
    }

    /// The commit of the work tree at `directory` and whether it has changes other than
    /// the records themselves (bench/results); no commit outside a git work tree.
    static func git(at directory: String) -> ComparisonRecord.Git {
        guard let commit = try? gitOutput(["rev-parse", "HEAD"], at: directory), !commit.isEmpty else {
            return ComparisonRecord.Git(commit: nil, dirty: false)
        }
        let changes = (try? gitOutput(["status", "--porcelain", "--", ".", ":(exclude)bench/results"], at: directory)) ?? ""
        return ComparisonRecord.Git(commit: commit, dirty: !changes.isEmpty)
    }

    private static func gitOutput(_ arguments: [String], at directory: String) throws -> String? {
        let output = try ContestantProcess.run(["git"] + arguments, taskset: nil, in: directory)
        guard output.status == 0 else { return nil }
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes `data` to `path` through a temporary file beside it and a rename, so that a
    /// reader never sees half a record; creates the directory if needed.
    static func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        try data.write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CompareError.usage("cannot write \(path): \(reason)")
        }
    }
}
