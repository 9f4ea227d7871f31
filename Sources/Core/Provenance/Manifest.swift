import Foundation

/// A seed as the pipeline resolved it: the derivation path from an experiment's root
/// seed (`experiment/label/label…`) and the resulting 64-bit value (as a decimal
/// string, since JSON readers may not hold 64-bit integers exactly).
public struct SeedRecord: Codable, Hashable, Sendable {
    public var path: String
    public var value: String

    public init(path: String, value: UInt64) {
        self.path = path
        self.value = String(value)
    }

    /// The seed value as a number.
    public var key: UInt64 { UInt64(value) ?? 0 }
}

/// The state of the git work tree when a stage ran (informative; not part of staleness).
public struct GitState: Codable, Hashable, Sendable {
    public var commit: String
    public var dirty: Bool

    public init(commit: String, dirty: Bool) {
        self.commit = commit
        self.dirty = dirty
    }
}

/// What the manifest records about one stage's last successful run: everything that
/// determines its outputs, and the outputs' hashes. Two runs with equal records other
/// than `outputs` must produce equal outputs; the runner checks it.
public struct StageRecord: Codable, Hashable, Sendable {
    public var executable: String
    public var parameters: JSONValue
    public var seeds: [String: SeedRecord]
    /// Declared input path → SHA-256, hashed before the stage ran.
    public var inputs: [String: String]
    /// Declared output path → SHA-256.
    public var outputs: [String: String]
    public var code: CodeIdentity
    public var git: GitState
    /// Library and platform versions, and BLAS settings reported by the stage.
    public var environment: [String: String]

    public init(
        executable: String, parameters: JSONValue, seeds: [String: SeedRecord], inputs: [String: String],
        outputs: [String: String], code: CodeIdentity, git: GitState, environment: [String: String]
    ) {
        self.executable = executable
        self.parameters = parameters
        self.seeds = seeds
        self.inputs = inputs
        self.outputs = outputs
        self.code = code
        self.git = git
        self.environment = environment
    }
}

/// One line of the run log: when a stage ran and how long it took. Kept apart from
/// the records, in its own file (``RunLog``), so that timestamps never enter anything
/// hashed and a reproduction that changes nothing leaves `pipeline.lock` untouched.
public struct RunLogEntry: Codable, Hashable, Sendable {
    public var started: String
    public var seconds: Double
    public var threads: Int
    /// The stage process's peak resident memory in MB (10⁶ bytes), from its report; nil
    /// when the stage did not report it (logs written before the field existed decode).
    public var peakMemoryMB: Double?

    public init(started: String, seconds: Double, threads: Int, peakMemoryMB: Double? = nil) {
        self.started = started
        self.seconds = seconds
        self.threads = threads
        self.peakMemoryMB = peakMemoryMB
    }
}

/// The manifest of one profile (`pipeline.lock` in the profile's root): per stage the
/// record of its last successful run. Written with sorted keys and indentation so that
/// a diff reads well; replaced atomically, and only when a record changes (a rerun
/// that reproduces the recorded outputs keeps the old record, git commit included).
/// Times and durations live in the run log beside it (``RunLog``).
public struct Manifest: Codable, Hashable, Sendable {
    /// The format of this file; bumped on incompatible changes.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var profile: String
    public var stages: [String: StageRecord]

    public init(profile: String) {
        formatVersion = Manifest.currentFormatVersion
        self.profile = profile
        stages = [:]
    }

    /// Reads the manifest at `path`; a missing file is an empty manifest.
    public static func load(from path: String, profile: String) throws -> Manifest {
        guard let data = FileManager.default.contents(atPath: path) else { return Manifest(profile: profile) }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw ProvenanceError.malformedManifest(path: path, reason: "\(error)")
        }
        guard manifest.formatVersion == currentFormatVersion else {
            throw ProvenanceError.malformedManifest(
                path: path, reason: "format version \(manifest.formatVersion), expected \(currentFormatVersion)")
        }
        return manifest
    }

    /// The manifest as text: sorted keys, indented, one trailing newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Writes the manifest atomically.
    public func save(to path: String) throws {
        try AtomicFile.write(try encoded(), to: path)
    }
}

/// When each stage of a profile last ran, how long it took and with how many threads:
/// `pipeline-runlog.json` beside the profile's `pipeline.lock`. Informative only (it is
/// never hashed and not committed); the RO-Crate export reads start and end times here.
public struct RunLog: Codable, Hashable, Sendable {
    /// Stage name → its last run.
    public var entries: [String: RunLogEntry]

    public init(entries: [String: RunLogEntry] = [:]) {
        self.entries = entries
    }

    /// The file name beside `pipeline.lock`.
    public static let fileName = "pipeline-runlog.json"

    /// Reads the run log at `path`; a missing or unreadable file is an empty log (it only informs).
    public static func load(from path: String) -> RunLog {
        guard let data = FileManager.default.contents(atPath: path),
            let entries = try? JSONDecoder().decode([String: RunLogEntry].self, from: data)
        else { return RunLog() }
        return RunLog(entries: entries)
    }

    /// Writes the run log atomically (sorted keys, indented).
    public func save(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(entries)
        data.append(0x0A)
        try AtomicFile.write(data, to: path)
    }
}
