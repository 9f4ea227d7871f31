/// The chain behind some files as a graph: every stage record once, upstream first, with
/// edges from the stage (or source file) that wrote each file to the stage that read it.
/// Built by walking references (path, hash, producing stage) through a resolver that finds
/// each producing stage's record — in the file's own embedded record, in `pipeline.lock`,
/// or nowhere — so no record ever needs to nest its inputs' records (DVC's lock and
/// Snakemake's per-output metadata are flat in the same way).
public struct ProvenanceGraph: Sendable {
    /// Where a stage's record was found.
    public enum Origin: Hashable, Sendable, CustomStringConvertible {
        /// In the record embedded in `file`, whose hash is the one its reader recorded.
        case embedded(file: String)
        /// In the manifest, because of `reason` (the file is absent, differs, or carries no record).
        case lock(reason: String)
        /// Nowhere: `reason` says why.
        case missing(reason: String)

        /// "embedded in the file …", "from pipeline.lock (…)" or "missing: …".
        public var description: String {
            switch self {
            case .embedded(let file): return "embedded in the file \(file)"
            case .lock(let reason): return "from pipeline.lock (\(reason))"
            case .missing(let reason): return "missing: \(reason)"
            }
        }
    }

    /// What a resolver found for a referenced file.
    public enum Resolution: Sendable {
        /// The record of the stage that wrote the file, and where it was found.
        case record(ProvenanceRecord, Origin)
        /// The file is a source file, written by no stage.
        case source
        /// The file was written by a stage whose record cannot be found, because of `reason`.
        case missing(reason: String)
    }

    /// One stage of the chain: its record (nil when missing) and where it came from.
    public struct StageNode: Sendable {
        /// The stage's name (`X@i` for a shard).
        public var stage: String
        /// The stage's record; nil when ``origin`` is ``Origin/missing(reason:)``.
        public var record: ProvenanceRecord?
        /// Where the record was found.
        public var origin: Origin
    }

    /// A file passed from the stage (or source) that wrote it to the stage that read it.
    public struct Edge: Hashable, Sendable {
        /// The stage that wrote the file; nil for a source file.
        public var from: String?
        /// The stage that read the file; nil for a root of the walk (the file asked about).
        public var to: String?
        /// The file's declared path.
        public var path: String
        /// The file's SHA-256 as its reader recorded it.
        public var sha256: String
    }

    /// The stages, each once, every stage after the stages it read from (depth first,
    /// inputs in path order).
    public let stages: [StageNode]
    /// Every file passed along the chain, once per (writer, reader, path).
    public let edges: [Edge]

    /// The source files of the chain (edges without a writer), each once, sorted by path.
    public var sources: [ProvenanceRecord.Input] {
        let files = Set(edges.filter { $0.from == nil }.map { ProvenanceRecord.Input(path: $0.path, sha256: $0.sha256, stage: nil) })
        return files.sorted { ($0.path, $0.sha256) < ($1.path, $1.sha256) }
    }

    /// The node of `stage`, if the chain has it.
    public func node(_ stage: String) -> StageNode? {
        stages.first { $0.stage == stage }
    }

    /// Walks from `roots`. A root is always resolved (its producer may be unknown); any
    /// other reference is resolved only when it names a producing stage not seen yet, so
    /// each stage's record is looked up once however many files lead to it.
    public init(roots: [ProvenanceRecord.Input], resolve: (ProvenanceRecord.Input) -> Resolution) {
        var stages: [StageNode] = []
        var edges: [Edge] = []
        var seen = Set<String>()
        func visit(_ reference: ProvenanceRecord.Input, reader: String?, isRoot: Bool) {
            if let producer = reference.stage, seen.contains(producer) {
                edges.append(Edge(from: producer, to: reader, path: reference.path, sha256: reference.sha256))
                return
            }
            guard reference.stage != nil || isRoot else {
                edges.append(Edge(from: nil, to: reader, path: reference.path, sha256: reference.sha256))
                return
            }
            switch resolve(reference) {
            case .source:
                edges.append(Edge(from: nil, to: reader, path: reference.path, sha256: reference.sha256))
            case .missing(let reason):
                let producer = reference.stage ?? "?"
                seen.insert(producer)
                stages.append(StageNode(stage: producer, record: nil, origin: .missing(reason: reason)))
                edges.append(Edge(from: producer, to: reader, path: reference.path, sha256: reference.sha256))
            case .record(let record, let origin):
                edges.append(Edge(from: record.stage, to: reader, path: reference.path, sha256: reference.sha256))
                guard seen.insert(record.stage).inserted else { return }
                if let named = reference.stage { seen.insert(named) }
                for input in record.inputs { visit(input, reader: record.stage, isRoot: false) }
                stages.append(StageNode(stage: record.stage, record: record, origin: origin))
            }
        }
        for root in roots.sorted(by: { $0.path < $1.path }) { visit(root, reader: nil, isRoot: true) }
        self.stages = stages
        self.edges = edges
    }
}
