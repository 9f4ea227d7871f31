import Foundation
import NumericsCore
import Provenance

/// `pipeline.json`: profiles, experiments (root seeds) and stages. The pipeline is
/// data (as in DVC's `dvc.yaml`); this type is its validated form. See README.md
/// "pipeline.json" for the format.
public struct PipelineSpec: Sendable {
    /// The format this code reads.
    public static let currentFormatVersion = 1

    /// A named scale of the whole pipeline. Each profile writes under its own root and
    /// keeps its own manifest (`<root>/pipeline.lock`), so profiles never overwrite
    /// each other's outputs.
    public struct Profile: Sendable, Equatable {
        public var name: String
        /// Directory (relative to the project) under which this profile's outputs live.
        public var root: String
        public var description: String
    }

    /// An experiment owns one root seed; every random stream of its stages is derived
    /// from it (NumericsCore.SeedKey).
    public struct Experiment: Sendable, Equatable {
        public var name: String
        public var rootSeed: UInt64
        public var description: String
    }

    /// A stage: one run of one executable with parameters, seeds, inputs and outputs.
    public struct Stage: Sendable, Equatable {
        public var name: String
        public var executable: String
        public var description: String
        /// Parameters common to all profiles.
        public var parameters: JSONValue
        /// Per-profile parameter overrides, merged key by key into `parameters`.
        public var profileParameters: [String: JSONValue]
        /// Seed name → derivation path `experiment/label/…`.
        public var seeds: [String: String]
        /// Declared input paths: outputs of other stages (relative to the profile root),
        /// files of the project (relative paths no stage writes), or absolute paths.
        public var inputs: [String]
        /// Declared output paths, relative to the profile root.
        public var outputs: [String]
        /// `"shards": {"count": n}`: the driver runs this stage as n shard stages `name@i`
        /// and this stage merges them (see ``PipelineSpec/expandingShards(countOverride:)``);
        /// nil: not shardable. A count of 1 runs the stage whole.
        public var shardCount: Int? = nil
        /// `shards.mergeResources`: what the merging job needs beyond the shards' resources
        /// (it reads every shard), field by field over `resources` and `profileResources`.
        public var mergeResources = ResourceRequest()
        /// What one job of this stage asks of a batch scheduler (`resources`).
        public var resources = ResourceRequest()
        /// Per-profile resource overrides (`profileResources`), merged field by field.
        public var profileResources: [String: ResourceRequest] = [:]

        /// The parameters in force for `profile`.
        public func parameters(for profile: String) -> JSONValue {
            guard let override = profileParameters[profile] else { return parameters }
            return JSONValue.merged(parameters, override)
        }

        /// The resources of one job of this stage in `profile`: the profile's override,
        /// else the stage's `resources`, else ``StageResources/defaults``, field by field.
        public func resources(for profile: String) -> StageResources {
            let request = (profileResources[profile] ?? ResourceRequest()).over(resources)
            let fallback = StageResources.defaults
            return StageResources(
                cpus: request.cpus ?? fallback.cpus, memoryMB: request.memoryMB ?? fallback.memoryMB,
                runtimeMinutes: request.runtimeMinutes ?? fallback.runtimeMinutes)
        }
    }

    public var profiles: [String: Profile]
    public var experiments: [String: Experiment]
    public var stages: [String: Stage]

    /// Loads and validates `path`, reporting every problem found with its JSON path.
    public static func load(from path: String, projectRoot: String) throws -> PipelineSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError.missingFile(path: path)
        }
        return try parse(JSONValue.parse(data, source: path), source: path, projectRoot: projectRoot)
    }

    /// Validates an already parsed `pipeline.json`.
    public static func parse(_ json: JSONValue, source: String, projectRoot: String) throws -> PipelineSpec {
        var reader = SpecReader(source: source)
        let spec = reader.readSpec(json)
        if let spec { reader.checkGraph(spec, projectRoot: projectRoot) }
        if !reader.problems.isEmpty || spec == nil {
            throw PipelineError.invalidSpec(source: source, problems: reader.problems)
        }
        return spec!
    }

    /// `pipeline.json` as the engine reads it, still as JSON: every family expanded, every
    /// `${…}` substituted, named inputs passed as parameters, no `vars`. Only these
    /// constructs are checked here; ``parse(_:source:projectRoot:)`` checks the rest.
    public static func expanded(_ json: JSONValue, source: String) throws -> JSONValue {
        guard case .object(var top) = json else {
            throw PipelineError.invalidSpec(
                source: source, problems: [SpecProblem(jsonPath: "", message: "must be an object, found \(json.kindName)")])
        }
        var reader = SpecReader(source: source)
        top["stages"] = .object(reader.expandedStages(top))
        top["vars"] = nil
        if !reader.problems.isEmpty { throw PipelineError.invalidSpec(source: source, problems: reader.problems) }
        return .object(top)
    }

    /// The seed value for a derivation path `experiment/label/label…`.
    public func seedValue(path: String) -> UInt64? {
        let parts = path.split(separator: "/").map(String.init)
        guard let first = parts.first, let experiment = experiments[first] else { return nil }
        var key = SeedKey(experiment.rootSeed)
        for label in parts.dropFirst() {
            key = key.derive(label)
        }
        return key.rawValue
    }

    /// The stage that writes `declaredPath`, if any.
    public func producer(of declaredPath: String) -> Stage? {
        stages.values.first { $0.outputs.contains(declaredPath) }
    }
}
