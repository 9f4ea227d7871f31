import Foundation
import Provenance

/// Resolves each stage's parameters against its executable's declaration before
/// anything runs: the executable answers `--resolve-parameters FILE` with the parameters
/// and every default filled in, or with every problem and its JSON path (StageKit's
/// `ParameterSchema`). The resolved parameters are what the manifest records and what
/// the stage receives, so every default used is written down. Answers are cached by the
/// executable's SHA-256 and the parameters' canonical text, so a no-op run launches no
/// process.
final class ParameterResolver {
    private let binDirectory: String
    private let cachePath: String
    private let hashes: HashCache
    private var cache: [String: String]
    private var changed = false

    init(binDirectory: String, cacheDirectory: String, hashes: HashCache) {
        self.binDirectory = binDirectory
        cachePath = cacheDirectory + "/resolved-parameters.json"
        self.hashes = hashes
        if let data = FileManager.default.contents(atPath: cachePath),
            let decoded = try? JSONDecoder().decode([String: String].self, from: data)
        {
            cache = decoded
        } else {
            cache = [:]
        }
    }

    /// The resolved parameters of `stage` in `profile`.
    func resolve(_ stage: PipelineSpec.Stage, profile: String) throws -> JSONValue {
        let raw = stage.parameters(for: profile)
        let executable = binDirectory + "/" + stage.executable
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw PipelineError.missingExecutable(stage: stage.name, path: executable)
        }
        let key = ContentHash.sha256(try hashes.sha256(of: executable) + "\u{0}" + stage.name + "\u{0}" + raw.canonicalText)
        if let cached = cache[key] { return try JSONValue.parse(Data(cached.utf8), source: cachePath) }
        let scratch = NSTemporaryDirectory() + "pipeline-resolve-\(ProcessInfo.processInfo.processIdentifier)-\(stage.name).json"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try AtomicFile.write(
            Data(JSONValue.object(["stage": .string(stage.name), "parameters": raw]).canonicalText.utf8), to: scratch)
        let (status, output, errors) = try ParameterResolver.capture(executable, ["--resolve-parameters", scratch])
        switch status {
        case 0:
            let resolved = try JSONValue.parse(output, source: "\(stage.executable) --resolve-parameters")
            cache[key] = resolved.canonicalText
            changed = true
            return resolved
        case 2:
            throw PipelineError.invalidParameters(stage: stage.name, message: String(decoding: errors, as: UTF8.self))
        default:
            throw PipelineError.stageFailed(
                stage: stage.name, status: status,
                detail: "`\(stage.executable) --resolve-parameters` failed: \(String(decoding: errors, as: UTF8.self))"
                    + " Rebuild with `make build`.")
        }
    }

    /// Writes the cache back if anything was added.
    func save() {
        guard changed else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(cache) { try? AtomicFile.write(data, to: cachePath) }
        changed = false
    }

    static func capture(_ path: String, _ arguments: [String]) throws -> (Int32, Data, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }
}
