import Foundation
import Provenance

/// "Where did this file come from?": the chain from an output back through the stages
/// and inputs that made it, to seeds, parameters and code, read from the manifest.
public struct Lineage: Sendable {
    /// One file in the chain.
    public struct Node: Sendable {
        public var path: String
        /// The hash recorded in the manifest (or the file's hash, for a source file).
        public var recordedSHA256: String?
        /// The file's hash now (nil: missing).
        public var currentSHA256: String?
        public var stage: String?
        public var record: StageRecord?
        public var inputs: [Node]
    }

    public var profile: String
    public var root: Node

    /// The lineage of `path` (as typed by the user, relative to the project or absolute).
    public static func of(path: String, layout: ProjectLayout) throws -> Lineage {
        let spec = try PipelineSpec.load(from: layout.specPath, projectRoot: layout.projectRoot).expandingShards()
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let normalized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        // The profile whose root holds the file; the longest root wins ("." holds everything).
        let candidates = spec.profiles.values.sorted { layout.root(of: $0).count > layout.root(of: $1).count }
        for profile in candidates {
            let root = layout.root(of: profile) + "/"
            guard normalized.hasPrefix(root) else { continue }
            let declared = String(normalized.dropFirst(root.count))
            let manifest = try Manifest.load(from: layout.manifestPath(of: profile), profile: profile.name)
            guard manifest.stages.values.contains(where: { $0.outputs[declared] != nil }) else { continue }
            let node = try Lineage.node(declared, manifest: manifest, spec: spec, profile: profile, layout: layout, depth: 0)
            return Lineage(profile: profile.name, root: node)
        }
        throw PipelineError.notAnOutput(path: path)
    }

    private static func node(
        _ declared: String, manifest: Manifest, spec: PipelineSpec, profile: PipelineSpec.Profile,
        layout: ProjectLayout, depth: Int
    ) throws -> Node {
        let producer = manifest.stages.first(where: { $0.value.outputs[declared] != nil })
        // A recorded output lives under the profile root even when the spec at hand does
        // not name its stage (shards of a run with another `--shards N`).
        let location = producer != nil ? layout.root(of: profile) + "/" + declared : layout.resolve(declared, profile: profile, spec: spec)
        let current = FileManager.default.fileExists(atPath: location) ? try? ContentHash.sha256(fileAt: location) : nil
        guard depth < 64, let (stage, record) = producer else {
            return Node(path: declared, recordedSHA256: nil, currentSHA256: current, stage: nil, record: nil, inputs: [])
        }
        let inputs = try record.inputs.keys.sorted().map { input -> Node in
            var child = try node(input, manifest: manifest, spec: spec, profile: profile, layout: layout, depth: depth + 1)
            if child.stage == nil { child.recordedSHA256 = record.inputs[input] }
            return child
        }
        return Node(
            path: declared, recordedSHA256: record.outputs[declared], currentSHA256: current, stage: stage,
            record: record, inputs: inputs)
    }

    /// A tree for people.
    public func text() -> String {
        var lines = ["profile: \(profile)"]
        Lineage.describe(root, prefix: "", isLast: true, isRoot: true, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ node: Node, prefix: String, isLast: Bool, isRoot: Bool, into lines: inout [String]) {
        let branch = isRoot ? "" : (isLast ? "└─ " : "├─ ")
        let inner = isRoot ? "" : prefix + (isLast ? "   " : "│  ")
        var state = ""
        if let recorded = node.recordedSHA256 {
            if node.currentSHA256 == nil {
                state = "  (MISSING on disk)"
            } else if node.currentSHA256 != recorded {
                state = "  (MODIFIED since recorded: now \(node.currentSHA256!.prefix(12))…)"
            }
        }
        lines.append(prefix + branch + node.path + "  sha256 " + (node.recordedSHA256 ?? node.currentSHA256 ?? "?") + state)
        guard let stage = node.stage, let record = node.record else {
            lines.append(inner + "   (source file, not made by a stage)")
            return
        }
        lines.append(inner + "   made by stage '\(stage)' (executable \(record.executable))")
        lines.append(inner + "   code \(record.code.sha256) over \(record.code.fileCount) files of \(record.code.targets.joined(separator: ", "))")
        lines.append(inner + "   git \(record.git.commit)\(record.git.dirty ? " (dirty work tree)" : "")")
        for (name, seed) in record.seeds.sorted(by: { $0.key < $1.key }) {
            lines.append(inner + "   seed \(name) = \(seed.value) (derived: \(seed.path))")
        }
        lines.append(inner + "   parameters \(record.parameters.canonicalText)")
        for (index, child) in node.inputs.enumerated() {
            describe(child, prefix: inner, isLast: index == node.inputs.count - 1, isRoot: false, into: &lines)
        }
    }

    /// The same tree as JSON, for machines.
    public func json() -> JSONValue {
        .object(["profile": .string(profile), "lineage": Lineage.json(root)])
    }

    private static func json(_ node: Node) -> JSONValue {
        var members: [String: JSONValue] = [
            "path": .string(node.path),
            "recordedSHA256": node.recordedSHA256.map { .string($0) } ?? .null,
            "currentSHA256": node.currentSHA256.map { .string($0) } ?? .null,
            "inputs": .array(node.inputs.map(json)),
        ]
        if let stage = node.stage, let record = node.record {
            members["stage"] = .string(stage)
            members["executable"] = .string(record.executable)
            members["parameters"] = record.parameters
            members["seeds"] = .object(record.seeds.mapValues { .object(["path": .string($0.path), "value": .string($0.value)]) })
            members["code"] = .object([
                "sha256": .string(record.code.sha256), "targets": .array(record.code.targets.map { .string($0) }),
            ])
            members["git"] = .object(["commit": .string(record.git.commit), "dirty": .bool(record.git.dirty)])
            members["environment"] = .object(record.environment.mapValues { .string($0) })
        }
        return .object(members)
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
