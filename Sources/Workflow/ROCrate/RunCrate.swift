import Foundation
import Provenance

/// Export of what a profile's manifest records as a Workflow Run RO-Crate that follows
/// the Provenance Run Crate profile 0.5 (https://w3id.org/ro/wfrun/provenance/0.5), with
/// Workflow RO-Crate 1.0 and RO-Crate 1.1:
///
/// - `pipeline.json` is the main entity, a `ComputationalWorkflow` and `HowTo` whose
///   `hasPart` are the tools (one `SoftwareApplication` per stage executable build) and
///   whose `step`s are one `HowToStep` per stage, positioned in dependency order;
/// - each recorded stage run is a `CreateAction` (tool as `instrument`; input files and
///   parameter and seed `PropertyValue`s as `object`; output files as `result`; times from
///   the run log), each parameter and seed realising a `FormalParameter` of its tool;
/// - the pipeline run is a `CreateAction` of `pipeline.json`, and the driver's run an
///   `OrganizeAction` over one `ControlAction` per step.
///
/// Every file carries the manifest's SHA-256. See `CrateFilePolicy` for which files the
/// crate also contains. Output is deterministic: only the run log's times vary.
public enum RunCrate {
    /// The name of the crate's metadata file.
    public static let metadataFileName = "ro-crate-metadata.json"

    /// The profiles the root dataset conforms to (permalink, name, version).
    public static let profiles: [(id: String, name: String, version: String)] = [
        ("https://w3id.org/ro/wfrun/process/0.5", "Process Run Crate", "0.5"),
        ("https://w3id.org/ro/wfrun/workflow/0.5", "Workflow Run Crate", "0.5"),
        ("https://w3id.org/ro/wfrun/provenance/0.5", "Provenance Run Crate", "0.5"),
        ("https://w3id.org/workflowhub/workflow-ro-crate/1.0", "Workflow RO-Crate", "1.0"),
    ]

    /// The `@id` of the main workflow (a copy of `pipeline.json` in the crate root).
    public static let workflowID = "pipeline.json"

    /// The crate's `ro-crate-metadata.json` content for `manifest` (the profile's
    /// `pipeline.lock`) and `runLog` (stage name → entry; stages without one get no times).
    /// With `.includeSmallFiles`, files are hashed to decide what `write` would copy.
    public static func metadata(
        workflow: CrateWorkflow, manifest: Manifest, runLog: [String: RunLogEntry],
        engine: CrateEngine = CrateEngine(), files: CrateFilePolicy = .reference
    ) throws -> JSONValue {
        try CrateBuilder(workflow: workflow, manifest: manifest, runLog: runLog, engine: engine, policy: files).document()
    }

    /// Writes the crate into `directory` (created if missing): `pipeline.json`, the
    /// payload files the policy includes, and `ro-crate-metadata.json` (pretty-printed,
    /// sorted keys, written last and atomically). Existing files are overwritten, none removed.
    @discardableResult
    public static func write(
        to directory: String, workflow: CrateWorkflow, manifest: Manifest, runLog: [String: RunLogEntry],
        engine: CrateEngine = CrateEngine(), files: CrateFilePolicy = .reference
    ) throws -> CrateExport {
        let builder = try CrateBuilder(
            workflow: workflow, manifest: manifest, runLog: runLog, engine: engine, policy: files)
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        try copy(workflow.workflowFile, to: root + "/" + workflowID)
        var copied: [String] = []
        for file in builder.catalog.files.values.sorted(by: { $0.path < $1.path }) where file.included {
            try copy(file.source!, to: root + "/" + file.path)
            copied.append(file.path)
        }
        let metadataPath = root + "/" + metadataFileName
        do {
            try AtomicFile.write(Data(try builder.document().prettyText.utf8), to: metadataPath)
        } catch let error as RunCrateError {
            throw error
        } catch {
            throw RunCrateError.io(path: metadataPath, reason: "\(error)")
        }
        let referenced = builder.catalog.files.values.filter { !$0.included }.map(\.path).sorted()
        return CrateExport(metadataPath: metadataPath, copiedFiles: copied, referencedFiles: referenced)
    }

    /// Copies `source` over `destination` unless they are the same file.
    static func copy(_ source: String, to destination: String) throws {
        let from = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath().path
        let to = URL(fileURLWithPath: destination).standardizedFileURL.resolvingSymlinksInPath().path
        if from == to { return }
        guard let data = FileManager.default.contents(atPath: from) else {
            throw RunCrateError.io(path: source, reason: "it does not exist or cannot be read")
        }
        do {
            try AtomicFile.write(data, to: to)
        } catch {
            throw RunCrateError.io(path: destination, reason: "\(error)")
        }
    }
}

/// What `RunCrate.write` did.
public struct CrateExport: Sendable, Equatable {
    /// The `ro-crate-metadata.json` written.
    public var metadataPath: String
    /// Declared paths copied into the crate (besides `pipeline.json`).
    public var copiedFiles: [String]
    /// Declared paths described by hash only (local `#` identifiers).
    public var referencedFiles: [String]
}
