import Foundation
import Provenance

/// "Where did this file come from?": the chain from an output back through the stages and
/// files that made it, to seeds, parameters, code and source files, as a graph
/// (``ProvenanceGraph``): each stage record once, upstream first, with its inputs by path
/// and hash. Each file's producer is read from the record embedded in the file when the
/// file is on disk with the hash its reader recorded, and from the profile's
/// `pipeline.lock` otherwise (``RecordResolver``); each stage says which. `readRecord` is
/// StageKit's `EmbeddedProvenance.record(path:)`: the pipeline layer knows no file format.
public struct Lineage: Sendable {
    /// The profile whose root holds the file.
    public var profile: String
    /// The file asked about, as declared in pipeline.json.
    public var path: String
    /// Its hash in the manifest (nil when the manifest does not list it).
    public var recordedSHA256: String?
    /// Its hash now (nil: missing).
    public var currentSHA256: String?
    /// The stage that wrote it, if known.
    public var stage: String?
    /// The chain.
    public var graph: ProvenanceGraph
    /// The manifest's records, for the facts only it holds (git state, environment).
    public var lockRecords: [String: StageRecord]
    /// The hash of each source file of the chain on disk now (nil: missing), by path.
    public var currentSourceSHA256: [String: String?]

    /// The lineage of `path` (as typed by the user, relative to the project or absolute).
    public static func of(path: String, layout: ProjectLayout, readRecord: @escaping RecordResolver.RecordReader) throws -> Lineage {
        let spec = try PipelineSpec.load(from: layout.specPath, projectRoot: layout.projectRoot).expandingShards()
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let normalized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        // The profile whose root holds the file; the longest root wins ("." holds everything).
        let candidates = spec.profiles.values.sorted { layout.root(of: $0).count > layout.root(of: $1).count }
        for profile in candidates {
            let profileRoot = layout.root(of: profile)
            guard normalized.hasPrefix(profileRoot + "/") else { continue }
            let declared = String(normalized.dropFirst(profileRoot.count + 1))
            let manifest = try Manifest.load(from: layout.manifestPath(of: profile), profile: profile.name)
            // A recorded or produced file lives under the profile root even when the spec at
            // hand does not name its stage (shards of a run with another `--shards N`).
            let walker = RecordResolver(
                manifest: manifest,
                locate: { declared, producer in
                    producer != nil ? profileRoot + "/" + declared : layout.resolve(declared, profile: profile, spec: spec)
                }, readRecord: readRecord)
            let current = walker.currentSHA256(of: declared)
            let recorded = walker.producer(of: declared)?.record.outputs[declared]
            guard let hash = current ?? recorded else { continue }
            let target = ProvenanceRecord.Input(path: declared, sha256: hash, stage: nil)
            let graph = ProvenanceGraph(roots: [target]) { walker.resolve($0) }
            guard let stage = graph.edges.first(where: { $0.to == nil })?.from else { continue }
            let sources = Dictionary(graph.sources.map { ($0.path, walker.currentSHA256(of: $0.path)) }, uniquingKeysWith: { first, _ in first })
            return Lineage(
                profile: profile.name, path: declared, recordedSHA256: recorded, currentSHA256: current, stage: stage,
                graph: graph, lockRecords: manifest.stages, currentSourceSHA256: sources)
        }
        throw PipelineError.notAnOutput(path: path)
    }

    /// The chain for people: the file, then each stage once, upstream first, with where
    /// its record came from, its code, seeds, parameters and inputs.
    public func text() -> String {
        var lines = ["profile: \(profile)"]
        lines.append("\(path)  sha256 \(currentSHA256 ?? recordedSHA256 ?? "?")\(Lineage.state(recorded: recordedSHA256, current: currentSHA256))")
        lines.append("   made by stage '\(stage ?? "?")'")
        lines.append("")
        lines.append("\(graph.stages.count) stages, upstream first, each once:")
        for node in graph.stages {
            lines.append("")
            lines.append("stage '\(node.stage)'  [\(node.origin)]")
            guard let record = node.record else { continue }
            lines.append("   executable \(record.executable)")
            lines.append("   code \(record.codeSHA256) of \(record.codeTargets.joined(separator: ", "))")
            if let lock = lockRecords[node.stage], lock.code.sha256 == record.codeSHA256 {
                lines.append("   git \(lock.git.commit)\(lock.git.dirty ? " (dirty work tree)" : "") (from pipeline.lock)")
            }
            for (name, seed) in record.seeds.sorted(by: { $0.key < $1.key }) {
                lines.append("   seed \(name) = \(seed.value) (derived: \(seed.path))")
            }
            lines.append("   parameters \(record.parameters.canonicalText)")
            for input in record.inputs {
                let producer = input.stage.map { "from stage '\($0)'" } ?? "source file"
                lines.append("   input \(input.path)  sha256 \(input.sha256)  (\(producer))")
            }
        }
        let sources = graph.sources
        if !sources.isEmpty {
            lines.append("")
            lines.append("source files (made by no stage):")
            for source in sources {
                let state = Lineage.state(recorded: source.sha256, current: currentSourceSHA256[source.path] ?? nil)
                lines.append("   \(source.path)  sha256 \(source.sha256)\(state)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "  (MISSING on disk)", "  (MODIFIED since recorded: now …)" or nothing.
    private static func state(recorded: String?, current: String?) -> String {
        guard let recorded else { return "" }
        guard let current else { return "  (MISSING on disk)" }
        return current == recorded ? "" : "  (MODIFIED since recorded: now \(current.prefix(12))…)"
    }

    /// The same graph for machines: `nodes` (stages with their record and origin, and
    /// source files) and `edges` (`from` the node that wrote a file `to` the node that
    /// read it, null for the file asked about, with the file's path and hash).
    public func json() -> JSONValue {
        var nodes: [JSONValue] = graph.stages.map { node in
            var members: [String: JSONValue] = [
                "id": .string("stage:" + node.stage), "kind": .string("stage"), "stage": .string(node.stage),
                "origin": .string(node.origin.description), "record": node.record?.json ?? .null,
            ]
            if let lock = lockRecords[node.stage], lock.code.sha256 == node.record?.codeSHA256 {
                members["git"] = .object(["commit": .string(lock.git.commit), "dirty": .bool(lock.git.dirty)])
                members["environment"] = .object(lock.environment.mapValues { .string($0) })
            }
            return .object(members)
        }
        nodes += graph.sources.map { source in
            .object([
                "id": .string("file:" + source.path), "kind": .string("source"), "path": .string(source.path),
                "sha256": .string(source.sha256),
                "currentSHA256": (currentSourceSHA256[source.path] ?? nil).map { .string($0) } ?? .null,
            ])
        }
        let edges: [JSONValue] = graph.edges.map { edge in
            .object([
                "from": .string(edge.from.map { "stage:" + $0 } ?? "file:" + edge.path),
                "to": edge.to.map { .string("stage:" + $0) } ?? .null,
                "path": .string(edge.path), "sha256": .string(edge.sha256),
            ])
        }
        return .object([
            "profile": .string(profile),
            "target": .object([
                "path": .string(path), "stage": stage.map { .string($0) } ?? .null,
                "recordedSHA256": recordedSHA256.map { .string($0) } ?? .null,
                "currentSHA256": currentSHA256.map { .string($0) } ?? .null,
            ]),
            "nodes": .array(nodes), "edges": .array(edges),
        ])
    }
}

/// Re-hashing every recorded output (without the hash cache) against the manifest.
public enum Verification {
    /// One output whose bytes are not what the manifest says.
    public struct Problem: Sendable, CustomStringConvertible {
        public var path: String
        public var stage: String
        public var recorded: String
        public var actual: String?
        public var description: String {
            actual == nil
                ? "\(path) (stage \(stage)) is missing"
                : "\(path) (stage \(stage)) differs: recorded \(recorded.prefix(16))…, found \(actual!.prefix(16))…"
        }
    }

    /// Problems in `profile`, and how many files were checked.
    public static func verify(layout: ProjectLayout, profile: String) throws -> (checked: Int, problems: [Problem]) {
        let spec = try PipelineSpec.load(from: layout.specPath, projectRoot: layout.projectRoot)
        guard let chosen = spec.profiles[profile] else {
            throw PipelineError.unknownProfile(profile, known: spec.profiles.keys.sorted())
        }
        let manifest = try Manifest.load(from: layout.manifestPath(of: chosen), profile: profile)
        var problems: [Problem] = []
        var checked = 0
        for (stage, record) in manifest.stages.sorted(by: { $0.key < $1.key }) {
            for (declared, recorded) in record.outputs.sorted(by: { $0.key < $1.key }) {
                checked += 1
                let path = layout.root(of: chosen) + "/" + declared
                let actual = FileManager.default.fileExists(atPath: path) ? try ContentHash.sha256(fileAt: path) : nil
                if actual != recorded {
                    problems.append(Problem(path: layout.display(path), stage: stage, recorded: recorded, actual: actual))
                }
            }
        }
        return (checked, problems)
    }
}
