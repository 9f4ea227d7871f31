import Foundation
import Provenance

/// Facts about the machine recorded with each stage run (not part of staleness).
enum EnvironmentFacts {
    /// Operating system, architecture and Swift version.
    static func current() -> [String: String] {
        var facts: [String: String] = ["arch": machine()]
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) {
            for line in release.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
                facts["os"] = String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: ["\""])
            }
        }
        facts["swift"] = swiftVersion
        return facts
    }

    /// The commit of the project and whether the work tree differs from it.
    static func gitState(at directory: String) -> GitState {
        let commit = run("/usr/bin/git", ["-C", directory, "rev-parse", "HEAD"]) ?? "unknown"
        let changes = run("/usr/bin/git", ["-C", directory, "status", "--porcelain", "--untracked-files=no"]) ?? ""
        return GitState(commit: commit.isEmpty ? "unknown" : commit, dirty: !changes.isEmpty)
    }

    /// The compiler that built this binary.
    static let swiftVersion: String = {
        #if compiler(>=6.4)
            return "6.4 or newer"
        #elseif compiler(>=6.3)
            return "6.3"
        #else
            return "older than 6.3"
        #endif
    }()

    private static func machine() -> String {
        var info = utsname()
        uname(&info)
        return withUnsafeBytes(of: &info.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    private static func run(_ tool: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
