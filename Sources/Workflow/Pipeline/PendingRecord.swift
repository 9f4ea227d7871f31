import Foundation
import Provenance

/// An output regenerated from identical parameters, seeds, inputs and code whose bytes
/// differ from the manifest: a reproducibility failure.
public struct OutputMismatch: Sendable, Equatable {
    /// The stage that wrote it.
    public var stage: String
    /// The output as declared (relative to the profile root).
    public var path: String
    /// SHA-256 in the manifest.
    public var recorded: String
    /// SHA-256 of the bytes just written.
    public var produced: String
}

/// What one execution of a stage produced: its record (outputs in place and hashed) and
/// its line of the run log.
struct StageExecution {
    var record: StageRecord
    var logEntry: RunLogEntry
}

/// The record a `pipeline run-stage` job leaves for `pipeline fold-records`:
/// `<profile root>/.pipeline-records/<stage>.json`. Jobs of a workflow run at the same
/// time, so none of them writes the manifest; the fold, under the profile's lock, puts
/// the records in exactly as `pipeline run` would have.
public struct PendingRecord: Codable, Sendable, Equatable {
    /// The format of this file; bumped on incompatible changes.
    public static let currentFormatVersion = 1
    /// The directory under the profile root.
    public static let directoryName = ".pipeline-records"

    /// The format of this record file (``currentFormatVersion``).
    public var formatVersion: Int
    /// The expanded stage that ran.
    public var stage: String
    /// Its record, as `pipeline run` would have put it in the manifest.
    public var record: StageRecord
    /// Its line of the run log (times; never hashed).
    public var run: RunLogEntry

    init(stage: String, execution: StageExecution) {
        formatVersion = PendingRecord.currentFormatVersion
        self.stage = stage
        record = execution.record
        run = execution.logEntry
    }

    /// The file of `stage`'s record in `directory`.
    static func path(of stage: String, in directory: String) -> String {
        directory + "/" + stage + ".json"
    }

    /// Puts `record` of `stage` into `manifest` — the one rule of `run` and `fold-records`:
    /// a rerun that reproduced the recorded outputs keeps its old record (git commit and
    /// environment included), so a reproduction leaves pipeline.lock byte for byte; any
    /// other record replaces the old one. Outputs that differ although everything that
    /// determines them is equal are returned as mismatches.
    static func fold(_ record: StageRecord, stage: String, into manifest: inout Manifest)
        -> (changed: Bool, mismatches: [OutputMismatch])
    {
        var mismatches: [OutputMismatch] = []
        if let previous = manifest.stages[stage], previous.withoutOutputs == record.withoutOutputs {
            if previous.outputs == record.outputs { return (false, []) }
            for (path, hash) in record.outputs.sorted(by: { $0.key < $1.key })
            where previous.outputs[path].map({ $0 != hash }) ?? false {
                mismatches.append(OutputMismatch(stage: stage, path: path, recorded: previous.outputs[path]!, produced: hash))
            }
        }
        manifest.stages[stage] = record
        return (true, mismatches)
    }
}

/// What `fold-records` did.
public struct FoldSummary: Sendable {
    /// Stages whose records were folded into the manifest, sorted.
    public var folded: [String] = []
    /// Records refused (and removed) because an output on disk is no longer the one they
    /// recorded, with the reason; their stages are stale and run again.
    public var rejected: [(stage: String, reason: String)] = []
    /// Outputs regenerated from identical determinants whose bytes differ (exit status 3).
    public var mismatches: [OutputMismatch] = []
}

extension Runner {
    /// `pipeline run-stage`: runs exactly `name` (an expanded stage, e.g. `X@2`) —
    /// parameters resolved, inputs hashed before it runs, outputs moved into place
    /// atomically — and writes its record to `recordDirectory` (default
    /// ``recordDirectory``) instead of the manifest. Holds the profile's lock shared, so
    /// jobs of one workflow run side by side while `pipeline run` and `fold-records` wait.
    /// With `fingerprint`, refuses to run when the stage's current ``fingerprint(of:)``
    /// differs: the workflow was generated from another pipeline.json or code.
    /// Returns the outputs that were not reproduced (compared with the manifest as it is).
    @discardableResult
    public func runStage(
        _ name: String, recordDirectory: String? = nil, fingerprint: String? = nil, threads: Int = 1, quiet: Bool = true
    ) throws -> [OutputMismatch] {
        let lock = try RunLock(path: lockPath, shared: true)
        defer { withExtendedLifetime(lock) {} }
        guard let stage = spec.stages[name] else {
            throw PipelineError.unknownStage(name, known: spec.stages.keys.sorted())
        }
        try resolveParameters(of: [name])
        if let fingerprint {
            let current = try self.fingerprint(of: name)
            guard current == fingerprint else {
                throw PipelineError.workflowOutOfDate(stage: name, expected: fingerprint, current: current)
            }
        }
        var manifest = try Manifest.load(from: manifestPath, profile: profile.name)
        let (expected, _) = try staleness(of: stage, manifest: manifest)
        log("[\(profile.name)] \(name): running (job)")
        let execution = try execute(stage, expected: expected, threads: threads, quiet: quiet)
        let directory = recordDirectory ?? self.recordDirectory
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicFile.write(
            try encoder.encode(PendingRecord(stage: name, execution: execution)),
            to: PendingRecord.path(of: name, in: directory))
        hashes.save()
        let mismatches = PendingRecord.fold(execution.record, stage: name, into: &manifest).mismatches
        reportMismatches(mismatches)
        return mismatches
    }

    /// `pipeline fold-records`: under the profile's exclusive lock, folds every pending
    /// record of `recordDirectory` (default ``recordDirectory``) into the manifest by the
    /// rule of `pipeline run` (``PendingRecord/fold(_:stage:into:)``) and removes it. A
    /// record whose outputs on disk no longer have the recorded hashes is refused and
    /// removed (its stage is then stale). Records are folded in stage-name order; the
    /// manifest is written once, atomically, before any record file is removed.
    public func foldRecords(recordDirectory: String? = nil) throws -> FoldSummary {
        let lock = try RunLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        return try foldPendingRecords(in: recordDirectory ?? self.recordDirectory)
    }

    /// ``foldRecords(recordDirectory:)`` for a caller that holds the exclusive lock.
    func foldPendingRecords(in directory: String) throws -> FoldSummary {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted { $0.dropLast(5) < $1.dropLast(5) }
        var manifest = try Manifest.load(from: manifestPath, profile: profile.name)
        var runLog = RunLog.load(from: runLogPath)
        var summary = FoldSummary()
        var changed = false
        for file in files {
            let path = directory + "/" + file
            let pending: PendingRecord
            do {
                pending = try JSONDecoder().decode(PendingRecord.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw PipelineError.malformedRecord(path: path, reason: "\(error)")
            }
            guard pending.formatVersion == PendingRecord.currentFormatVersion else {
                throw PipelineError.malformedRecord(
                    path: path, reason: "format version \(pending.formatVersion), expected \(PendingRecord.currentFormatVersion)")
            }
            if let problem = try outputProblem(of: pending) {
                summary.rejected.append((pending.stage, problem))
                log("[\(profile.name)] \(pending.stage): record refused — \(problem); the stage is stale and runs again")
                continue
            }
            let folded = PendingRecord.fold(pending.record, stage: pending.stage, into: &manifest)
            changed = changed || folded.changed
            summary.mismatches += folded.mismatches
            runLog.entries[pending.stage] = pending.run
            summary.folded.append(pending.stage)
        }
        if changed { try manifest.save(to: manifestPath) }
        if !summary.folded.isEmpty { try runLog.save(to: runLogPath) }
        hashes.save()
        for file in files { try? FileManager.default.removeItem(atPath: directory + "/" + file) }
        reportMismatches(summary.mismatches)
        return summary
    }

    /// Why `pending`'s outputs on disk are not the ones it recorded, or nil.
    private func outputProblem(of pending: PendingRecord) throws -> String? {
        for (declared, recorded) in pending.record.outputs.sorted(by: { $0.key < $1.key }) {
            let path = layout.root(of: profile) + "/" + declared
            guard FileManager.default.fileExists(atPath: path) else { return "its output \(declared) is missing" }
            if try hashes.sha256(of: path) != recorded { return "its output \(declared) changed since the job wrote it" }
        }
        return nil
    }

    /// A SHA-256 over what determines `name`'s outputs besides its inputs' contents —
    /// executable, resolved parameters, seeds, code identity, declared inputs and outputs.
    /// The generated Snakefile carries it per rule (as a `params` entry, so Snakemake
    /// reruns a rule whose fingerprint changed) and passes it to `run-stage`, which
    /// refuses a stale workflow.
    public func fingerprint(of name: String) throws -> String {
        guard let stage = spec.stages[name] else {
            throw PipelineError.unknownStage(name, known: spec.stages.keys.sorted())
        }
        try resolveParameters(of: [name])
        let record = try determiningRecord(of: stage)
        let text = JSONValue.object([
            "executable": .string(record.executable),
            "parameters": record.parameters,
            "seeds": .object(record.seeds.mapValues { .object(["path": .string($0.path), "value": .string($0.value)]) }),
            "code": .string(record.code.sha256),
            "inputs": .array(stage.inputs.map { .string($0) }),
            "outputs": .array(stage.outputs.map { .string($0) }),
        ]).canonicalText
        return ContentHash.sha256(text)
    }
}
