import Provenance
import StageKit

/// The stages behind the paper, each once, upstream first: a walk (``ProvenanceGraph``)
/// from the paper stage's inputs over the records embedded in the files on disk — section
/// bundles, figures and data files, each naming its inputs by path, hash and writing
/// stage — with `pipeline.lock` beside them for files that are absent or differ.
public struct ProvenanceChain: Sendable {
    /// The chain as a graph.
    public let graph: ProvenanceGraph

    /// The git state `pipeline.lock` records for each stage (the commit it last ran at and
    /// whether the work tree had uncommitted changes); empty without a lock.
    public let gitStates: [String: GitState]

    /// Wraps `graph`, with the git states of `lock`.
    public init(graph: ProvenanceGraph, lock: Manifest = Manifest(profile: "")) {
        self.graph = graph
        gitStates = lock.stages.mapValues(\.git)
    }

    /// The chain behind `record`, the record of a stage run with `inputs`. Each input is
    /// read where the stage read it; files further upstream are read under the profile
    /// root that holds the inputs (an input's path less its declared path), where the
    /// profile's `pipeline.lock` is too.
    public static func walk(from record: ProvenanceRecord, inputs: [StageInvocation.Input]) throws -> ProvenanceChain {
        let given = Dictionary(inputs.map { ($0.declaredPath, $0.path) }, uniquingKeysWith: { first, _ in first })
        let written = Set(record.inputs.filter { $0.stage != nil }.map(\.path))
        let profileRoot = inputs.first { written.contains($0.declaredPath) && $0.path.hasSuffix("/" + $0.declaredPath) }
            .map { String($0.path.dropLast($0.declaredPath.count + 1)) }
        let manifest = try profileRoot.map { try Manifest.load(from: $0 + "/pipeline.lock", profile: "") } ?? Manifest(profile: "")
        let resolver = RecordResolver(
            manifest: manifest,
            locate: { declared, _ in given[declared] ?? (profileRoot.map { $0 + "/" } ?? "") + declared },
            readRecord: { try EmbeddedProvenance.record(path: $0) })
        return ProvenanceChain(graph: ProvenanceGraph(roots: record.inputs) { resolver.resolve($0) }, lock: manifest)
    }

    /// The stage records of the chain, each stage once, upstream first.
    public var stageRecords: [ProvenanceRecord] {
        graph.stages.compactMap(\.record)
    }

    /// The stage that wrote `path`, one of the walk's roots (the paper's own inputs); nil
    /// for a source file.
    public func writer(of path: String) -> String? {
        graph.edges.first { $0.to == nil && $0.path == path }?.from
    }

    /// The HTML id of `stage`'s record in `paper.html` (letters, digits and `-`; a shard's
    /// `@` becomes `-shard-`).
    public static func anchor(_ stage: String) -> String {
        "provenance-" + String(stage.replacingOccurrences(of: "@", with: "-shard-").map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }
}
