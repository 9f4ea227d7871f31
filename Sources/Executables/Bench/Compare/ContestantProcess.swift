import Foundation

/// Running one contestant of `bench compare` as a whole process and reading its metric.
enum ContestantProcess {
    /// What one run printed.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var wallSeconds: Double
    }

    /// Runs `argv` (under `taskset -c cores` when given) in `directory`, its output in
    /// temporary files (no pipe to fill up).
    static func run(_ argv: [String], taskset cores: String?, in directory: String) throws -> Output {
        let command = (cores.map { ["taskset", "-c", $0] } ?? []) + argv
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bench-compare-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil), FileManager.default.createFile(atPath: errURL.path, contents: nil) else {
            throw CompareError.usage("cannot create the output files of a run in \(scratch.path)")
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        // /usr/bin/env finds argv[0] on PATH or relative to the working directory.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        try out.close()
        try err.close()
        let text = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        return Output(status: process.terminationStatus, stdout: text(outURL), stderr: text(errURL), wallSeconds: (elapsed.seconds * 1e6).rounded() / 1e6)
    }

    /// The value of `metric` on the last non-empty line of `stdout`
    /// (`<metric>=<number>`); nil when that line is something else.
    static func metric(_ metric: String, in stdout: String) -> Double? {
        guard let line = lastLine(stdout), line.hasPrefix(metric + "="), let value = Double(line.dropFirst(metric.count + 1)),
            value.isFinite
        else { return nil }
        return value
    }

    /// The last non-empty line of `text`, trimmed.
    static func lastLine(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty }
    }

    /// The metric of one run of `contestant`, or an error naming it and showing what it
    /// printed instead.
    static func measure(_ contestant: BenchmarkSuite.Contestant, metric: String, comparison: String, round: String, in directory: String) throws -> (value: Double, wallSeconds: Double) {
        let output = try run(contestant.argv, taskset: contestant.taskset, in: directory)
        let who = "contestant '\(contestant.key)' of comparison '\(comparison)' (\(round); command: \(display(contestant.argv, taskset: contestant.taskset)))"
        guard output.status == 0 else {
            throw CompareError.contestant(
                "\(who) failed with status \(output.status). Its last lines of stderr:\n\(tail(output.stderr))")
        }
        guard let value = ContestantProcess.metric(metric, in: output.stdout) else {
            throw CompareError.contestant(
                "\(who) did not print \(metric)=<number> on its last line of output; that line was: \(lastLine(output.stdout).map { "\"\($0)\"" } ?? "(no output)"). "
                    + "Check the suite's metric key and that the program prints it last.")
        }
        return (value, output.wallSeconds)
    }

    /// The first line a version command prints (stdout, else stderr).
    static func version(_ argv: [String], of key: String, in directory: String) throws -> String {
        let output = try run(argv, taskset: nil, in: directory)
        let line = (firstLine(output.stdout) ?? firstLine(output.stderr))
        guard output.status == 0, let line else {
            throw CompareError.contestant(
                "the version command of contestant '\(key)' (\(argv.joined(separator: " "))) failed with status \(output.status): \(tail(output.stderr))")
        }
        return line
    }

    static func firstLine(_ text: String) -> String? {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
    }

    static func tail(_ text: String, lines: Int = 10) -> String {
        text.split(whereSeparator: \.isNewline).suffix(lines).joined(separator: "\n")
    }

    static func display(_ argv: [String], taskset: String?) -> String {
        ((taskset.map { ["taskset", "-c", $0] } ?? []) + argv).joined(separator: " ")
    }
}
