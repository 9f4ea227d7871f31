import Foundation

/// Everything the driver tells a stage executable: written by `pipeline run` to a JSON
/// file and passed as `--invocation PATH`. A stage reads its parameters, seeds and
/// input paths from here, writes each output to its `temporaryPath`, and may write a
/// report (environment facts such as BLAS settings, and a summary) to `reportPath`.
/// The driver moves outputs into place only when the stage exits successfully.
public struct StageInvocation: Codable, Sendable {
    /// An input as declared in pipeline.json, where to read it, and its hash.
    public struct Input: Codable, Sendable {
        public var declaredPath: String
        public var path: String
        public var sha256: String
        public init(declaredPath: String, path: String, sha256: String) {
            self.declaredPath = declaredPath
            self.path = path
            self.sha256 = sha256
        }
    }

    /// An output as declared in pipeline.json, its final path, and where to write it.
    public struct Output: Codable, Sendable {
        public var declaredPath: String
        public var path: String
        public var temporaryPath: String
        public init(declaredPath: String, path: String, temporaryPath: String) {
            self.declaredPath = declaredPath
            self.path = path
            self.temporaryPath = temporaryPath
        }
    }

    public var stage: String
    public var executable: String
    public var profile: String
    public var parameters: JSONValue
    public var seeds: [String: SeedRecord]
    public var inputs: [Input]
    public var outputs: [Output]
    public var code: CodeIdentity
    /// Worker threads the stage may use; outputs must not depend on it.
    public var threads: Int
    public var quiet: Bool
    public var reportPath: String

    public init(
        stage: String, executable: String, profile: String, parameters: JSONValue, seeds: [String: SeedRecord],
        inputs: [Input], outputs: [Output], code: CodeIdentity, threads: Int, quiet: Bool, reportPath: String
    ) {
        self.stage = stage
        self.executable = executable
        self.profile = profile
        self.parameters = parameters
        self.seeds = seeds
        self.inputs = inputs
        self.outputs = outputs
        self.code = code
        self.threads = threads
        self.quiet = quiet
        self.reportPath = reportPath
    }

    /// The provenance record every output of this stage carries (HDF5 root attribute
    /// `provenance`, SVG `<metadata>`, a section bundle's `provenance`, a comment in the
    /// paper): stage, executable, code identity, parameters, seeds, and each input's path
    /// and hash with the stage that wrote it, from `inputStages` (declared input path →
    /// stage; absent for source files). Inputs' own records are not nested inside: the
    /// chain is walked over the files (``ProvenanceGraph``).
    public func provenanceRecord(inputStages: [String: String]) -> ProvenanceRecord {
        ProvenanceRecord(
            stage: stage, executable: executable, codeSHA256: code.sha256, codeTargets: code.targets, parameters: parameters,
            seeds: seeds,
            inputs: inputs.map { ProvenanceRecord.Input(path: $0.declaredPath, sha256: $0.sha256, stage: inputStages[$0.declaredPath]) })
    }
}

/// What a stage reports back to the driver (optional file at `reportPath`).
public struct StageReport: Codable, Sendable {
    /// Facts about the environment that affect the numbers (e.g. BLAS core type, threads).
    public var environment: [String: String]
    /// A machine-readable summary of what the stage did.
    public var summary: JSONValue
    /// The stage process's peak resident memory in KiB when it reported (`ru_maxrss` of
    /// `getrusage(RUSAGE_SELF)`, KiB on Linux); nil in reports of older stage executables.
    /// It goes to the run log only: memory use is not a fact the outputs depend on.
    public var peakResidentMemoryKiB: Int?

    public init(environment: [String: String], summary: JSONValue, peakResidentMemoryKiB: Int? = nil) {
        self.environment = environment
        self.summary = summary
        self.peakResidentMemoryKiB = peakResidentMemoryKiB
    }
}
