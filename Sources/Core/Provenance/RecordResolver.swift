import Foundation

/// How the chain behind a file is found (``ProvenanceGraph``'s resolver, shared by
/// `pipeline provenance` and the paper's appendix): the record embedded in the file when
/// the file is on disk with the hash its reader recorded, else the record of the stage
/// that writes it in the profile's `pipeline.lock`, else none (a source file, or a
/// missing record, with the reason).
public struct RecordResolver: Sendable {
    /// Reads the record embedded in the file at a path (nil: the file carries none).
    /// The provenance layer knows no file format: StageKit's
    /// `EmbeddedProvenance.record(path:)` reads HDF5, SVG, Markdown and JSON.
    public typealias RecordReader = @Sendable (String) throws -> ProvenanceRecord?

    /// The profile's manifest.
    public let manifest: Manifest
    /// Where a declared path lives, given the stage that writes it (nil: unknown).
    public let locate: @Sendable (_ declared: String, _ producer: String?) -> String
    /// Reads a file's embedded record.
    public let readRecord: RecordReader

    /// A resolver over `manifest`, finding files with `locate` and reading them with `readRecord`.
    public init(
        manifest: Manifest, locate: @escaping @Sendable (_ declared: String, _ producer: String?) -> String,
        readRecord: @escaping RecordReader
    ) {
        self.manifest = manifest
        self.locate = locate
        self.readRecord = readRecord
    }

    /// The manifest's stage that wrote `declared` (the first by name, should two claim it).
    public func producer(of declared: String) -> (stage: String, record: StageRecord)? {
        manifest.stages.sorted { $0.key < $1.key }.first { $0.value.outputs[declared] != nil }.map { ($0.key, $0.value) }
    }

    /// Where `declared` lives, written by `stage` or else by the manifest's producer.
    private func file(of declared: String, producedBy stage: String?) -> String {
        locate(declared, stage ?? producer(of: declared)?.stage)
    }

    /// The hash of `declared` on disk now; nil when it is absent or unreadable.
    public func currentSHA256(of declared: String, producedBy stage: String? = nil) -> String? {
        let path = file(of: declared, producedBy: stage)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try? ContentHash.sha256(fileAt: path)
    }

    /// The record of the stage that wrote `reference`, and where it was found.
    public func resolve(_ reference: ProvenanceRecord.Input) -> ProvenanceGraph.Resolution {
        let path = reference.path
        let reason: String
        if let current = currentSHA256(of: path, producedBy: reference.stage) {
            if current != reference.sha256 {
                reason = "\(path) differs from the file that was read (sha256 now \(current.prefix(12))…, read \(reference.sha256.prefix(12))…)"
            } else {
                do {
                    if let record = try readRecord(file(of: path, producedBy: reference.stage)) {
                        return .record(record, .embedded(file: path))
                    }
                    reason = "\(path) carries no provenance record"
                } catch {
                    reason = "\(error)"
                }
            }
        } else {
            reason = "\(path) is absent"
        }
        if let (stage, record) = producer(of: path) {
            var note = reason
            if let written = record.outputs[path], written != reference.sha256 {
                note += "; the lock records a later run, which wrote sha256 \(written.prefix(12))…"
            }
            return .record(lockRecord(stage, record), .lock(reason: note))
        }
        guard reference.stage != nil else { return .source }
        return .missing(reason: reason + ", and pipeline.lock names no stage that writes it")
    }

    /// The manifest's record of `stage` in the embedded records' form; each input's
    /// producer is the manifest's stage that writes it.
    public func lockRecord(_ stage: String, _ record: StageRecord) -> ProvenanceRecord {
        ProvenanceRecord(
            stage: stage, executable: record.executable, codeSHA256: record.code.sha256, codeTargets: record.code.targets,
            parameters: record.parameters, seeds: record.seeds,
            inputs: record.inputs.map { ProvenanceRecord.Input(path: $0.key, sha256: $0.value, stage: producer(of: $0.key)?.stage) })
    }
}
