import Foundation

/// The provenance record one output carries (HDF5 root attribute `provenance`, SVG
/// `<metadata>`, a section bundle's `provenance` member, the comment that opens the
/// paper): the stage that wrote it, its executable, code identity, parameters and seeds,
/// and per input only its declared path, SHA-256 and the stage that wrote it. The chain
/// behind an output is a walk over such records (``ProvenanceGraph``), never nested
/// inside one: a record's size does not grow with the depth of the pipeline.
///
/// Canonical JSON, format version 2 (`recordFormatVersion`):
/// `{"recordFormatVersion": 2, "stage", "executable", "code": {"sha256", "targets"},
/// "parameters", "seeds": {name: {"path", "value"}}, "inputs": [{"path", "sha256",
/// "stage"}]}` with the inputs sorted by path and `stage` null for source files. No
/// timestamps and no profile name, so equal computations give equal bytes.
public struct ProvenanceRecord: Hashable, Sendable {
    /// One input: its declared path, its hash when the stage ran, and the stage that wrote
    /// it (read from the input file's own record; nil for source files).
    public struct Input: Hashable, Sendable {
        /// The declared path (as in pipeline.json).
        public var path: String
        /// The SHA-256 of the file the stage read.
        public var sha256: String
        /// The stage that wrote the file; nil for a source file.
        public var stage: String?

        /// Creates an input reference.
        public init(path: String, sha256: String, stage: String?) {
            self.path = path
            self.sha256 = sha256
            self.stage = stage
        }
    }

    /// A record that is not in the format this type writes, and where.
    public struct FormatError: Error, CustomStringConvertible {
        /// The file (or other source) the record was read from.
        public var source: String
        /// The JSON path of the offending member.
        public var member: String
        /// What is wrong.
        public var reason: String

        /// What is wrong, where, and what to do.
        public var description: String {
            "the provenance record in \(source) is malformed at \(member): \(reason). Regenerate the file with `pipeline run`."
        }
    }

    /// The format version written into every record.
    public static let formatVersion = 2

    /// The stage that wrote the output (`X@i` for a shard).
    public var stage: String
    /// The stage's executable.
    public var executable: String
    /// SHA-256 of the code the executable is built from (``CodeIdentity/sha256``).
    public var codeSHA256: String
    /// The package targets that code identity covers.
    public var codeTargets: [String]
    /// The stage's resolved parameters.
    public var parameters: JSONValue
    /// The stage's seeds by name.
    public var seeds: [String: SeedRecord]
    /// The inputs, sorted by path.
    public var inputs: [Input]

    /// Creates a record; `inputs` are sorted by path.
    public init(
        stage: String, executable: String, codeSHA256: String, codeTargets: [String], parameters: JSONValue,
        seeds: [String: SeedRecord], inputs: [Input]
    ) {
        self.stage = stage
        self.executable = executable
        self.codeSHA256 = codeSHA256
        self.codeTargets = codeTargets
        self.parameters = parameters
        self.seeds = seeds
        self.inputs = inputs.sorted { $0.path < $1.path }
    }

    /// The record as JSON (see the type's documentation for the layout).
    public var json: JSONValue {
        .object([
            "recordFormatVersion": .int(Int64(Self.formatVersion)),
            "stage": .string(stage),
            "executable": .string(executable),
            "code": .object(["sha256": .string(codeSHA256), "targets": .array(codeTargets.map { .string($0) })]),
            "parameters": parameters,
            "seeds": .object(seeds.mapValues { .object(["path": .string($0.path), "value": .string($0.value)]) }),
            "inputs": .array(inputs.map { input in
                .object(["path": .string(input.path), "sha256": .string(input.sha256), "stage": input.stage.map { .string($0) } ?? .null])
            }),
        ])
    }

    /// Reads a record from `json`, found in `source`. Records of format 1 (each input's
    /// record nested inside, or a bare hash) are read too, so that files written before
    /// format 2 still answer `pipeline provenance`: a nested input record gives only its
    /// stage name.
    public init(json: JSONValue, source: String) throws {
        func text(_ value: JSONValue?, _ member: String) throws -> String {
            guard case .string(let string)? = value else {
                throw FormatError(source: source, member: member, reason: "expected a string, found \(value?.kindName ?? "nothing")")
            }
            return string
        }
        stage = try text(json["stage"], "stage")
        executable = try text(json["executable"], "executable")
        codeSHA256 = try text(json["code"]?["sha256"], "code.sha256")
        if case .array(let targets)? = json["code"]?["targets"] {
            codeTargets = try targets.enumerated().map { try text($0.element, "code.targets[\($0.offset)]") }
        } else {
            codeTargets = []
        }
        parameters = json["parameters"] ?? .object([:])
        var seeds: [String: SeedRecord] = [:]
        if case .object(let members)? = json["seeds"] {
            for (name, seed) in members {
                let member = "seeds.\(name).value"
                guard let value = UInt64(try text(seed["value"], member)) else {
                    throw FormatError(source: source, member: member, reason: "expected a decimal 64-bit seed value")
                }
                seeds[name] = SeedRecord(path: try text(seed["path"], "seeds.\(name).path"), value: value)
            }
        }
        self.seeds = seeds
        var inputs: [Input] = []
        switch json["inputs"] {
        case .array(let entries)?:
            for (index, entry) in entries.enumerated() {
                let member = "inputs[\(index)]"
                let producer: String?
                if case .string(let name)? = entry["stage"] { producer = name } else { producer = nil }
                inputs.append(Input(path: try text(entry["path"], member + ".path"), sha256: try text(entry["sha256"], member + ".sha256"), stage: producer))
            }
        case .object(let entries)?:
            for (path, entry) in entries {
                if case .string(let hash) = entry {
                    inputs.append(Input(path: path, sha256: hash, stage: nil))
                    continue
                }
                let producer: String?
                if case .string(let name)? = entry["provenance"]?["stage"] { producer = name } else { producer = nil }
                inputs.append(Input(path: path, sha256: try text(entry["sha256"], "inputs.\(path).sha256"), stage: producer))
            }
        case nil, .null?:
            break
        case let other?:
            throw FormatError(source: source, member: "inputs", reason: "expected an array, found \(other.kindName)")
        }
        self.inputs = inputs.sorted { $0.path < $1.path }
    }
}
