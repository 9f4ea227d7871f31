import ArgumentParser
import Foundation
import Pipeline
import Provenance
import ROCrate

extension PipelineCommand {
    /// `pipeline export …`: the manifest in formats other tools read.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a profile's provenance for other tools.", subcommands: [ROCrateExport.self])
    }

    /// `pipeline export ro-crate [--profile P] DIR`.
    struct ROCrateExport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ro-crate",
            abstract: "Write a Provenance Run Crate (RO-Crate 1.1) of what the profile's manifest records into DIR.")
        @OptionGroup var options: ProjectOptions
        @Option(help: "Profile to export.") var profile = "default"
        @Flag(help: "Copy unchanged files of at most --max-file-bytes into the crate (default: describe them by hash only).")
        var includeFiles = false
        @Option(help: "Largest file --include-files copies, in bytes.") var maxFileBytes = CrateFilePolicy.defaultMaxBytes
        @Option(help: "The crate's licence as an SPDX URL, e.g. https://spdx.org/licenses/MIT (Workflow RO-Crate requires one).")
        var license: String?
        @Argument(help: "Directory to write the crate into (created if missing).") var directory: String

        func run() throws {
            try reportingErrors {
                let export = try exportROCrate(
                    layout: options.layout, profile: profile, directory: directory,
                    files: includeFiles ? .includeSmallFiles(maxBytes: maxFileBytes) : .reference, license: license)
                if license == nil {
                    printError("warning: no --license given: the crate lacks the licence Workflow RO-Crate 1.0 requires")
                }
                print("wrote \(export.metadataPath): \(export.copiedFiles.count) files copied, \(export.referencedFiles.count) described by hash only")
            }
        }
    }
}

/// Exports `profile`'s manifest and run log as a Provenance Run Crate in `directory`.
/// The run log is `<profile root>/pipeline-runlog.json`, or, while manifests still
/// carry it, the manifest's `runLog` section.
func exportROCrate(
    layout: ProjectLayout, profile: String, directory: String, files: CrateFilePolicy, license: String?
) throws -> CrateExport {
    // The expanded graph: a sharded stage's shards are stages of the manifest too.
    let spec = try PipelineSpec.load(from: layout.specPath, projectRoot: layout.projectRoot).expandingShards()
    guard let chosen = spec.profiles[profile] else {
        throw ValidationError("no profile '\(profile)' in pipeline.json (known: \(spec.profiles.keys.sorted().joined(separator: ", ")))")
    }
    let root = layout.root(of: chosen)
    let manifest = try Manifest.load(from: layout.manifestPath(of: chosen), profile: profile)
    let runLog = RunLog.load(from: root + "/" + RunLog.fileName).entries
    let raw = FileManager.default.contents(atPath: layout.specPath).flatMap { try? JSONValue.parse($0, source: layout.specPath) }
    var description = "A reproducible research pipeline."
    if case .string(let text)? = raw?["description"] { description = text }
    let stages = spec.stages.values.sorted { $0.name < $1.name }.map {
        CrateStage(name: $0.name, executable: $0.executable, description: $0.description, inputs: $0.inputs, outputs: $0.outputs)
    }
    let workflow = CrateWorkflow(
        name: "ChaosPipeline, profile \(profile)", description: description, profile: profile, stages: stages,
        workflowFile: layout.specPath, projectRoot: layout.projectRoot, profileRoot: root, license: license)
    return try RunCrate.write(to: directory, workflow: workflow, manifest: manifest, runLog: runLog, files: files)
}
