import Foundation
import Provenance

/// One stage of the pipeline as declared in `pipeline.json`, in the few words the crate
/// needs. The owner fills it from `PipelineSpec.Stage`, so that this module does not
/// depend on `Pipeline`.
public struct CrateStage: Sendable, Equatable {
    /// The stage's name (`stages.<name>` in `pipeline.json`).
    public var name: String
    /// The SwiftPM executable product the stage runs.
    public var executable: String
    /// What the stage makes, for humans.
    public var description: String
    /// Declared input paths: outputs of other stages, project files, or absolute paths.
    public var inputs: [String]
    /// Declared output paths, relative to the profile root.
    public var outputs: [String]

    public init(name: String, executable: String, description: String = "", inputs: [String], outputs: [String]) {
        self.name = name
        self.executable = executable
        self.description = description
        self.inputs = inputs
        self.outputs = outputs
    }
}

/// The workflow (the pipeline of one profile) and where its files live.
public struct CrateWorkflow: Sendable, Equatable {
    /// A short title for the crate and the workflow.
    public var name: String
    /// What the pipeline does.
    public var description: String
    /// The profile whose manifest is exported (`default`, `smoke`, …).
    public var profile: String
    /// Every declared stage (including those that have not run in this profile yet).
    public var stages: [CrateStage]
    /// Absolute path of `pipeline.json`; it is always copied into the crate as its main workflow.
    public var workflowFile: String
    /// Directory holding `pipeline.json`: project files (inputs no stage writes) are relative to it.
    public var projectRoot: String
    /// The profile's root: stage outputs are relative to it.
    public var profileRoot: String
    /// The crate's licence, an SPDX URL such as `https://spdx.org/licenses/MIT`. Workflow
    /// RO-Crate 1.0 requires one; without it the crate is written but does not conform.
    public var license: String?

    public init(
        name: String, description: String, profile: String, stages: [CrateStage], workflowFile: String,
        projectRoot: String, profileRoot: String, license: String? = nil
    ) {
        self.name = name
        self.description = description
        self.profile = profile
        self.stages = stages
        self.workflowFile = workflowFile
        self.projectRoot = projectRoot
        self.profileRoot = profileRoot
        self.license = license
    }

    /// The stage that declares `path` among its outputs.
    func producer(of path: String) -> CrateStage? {
        stages.first { $0.outputs.contains(path) }
    }

    /// Where a declared path lives on this machine (as `ProjectLayout.resolve` does):
    /// stage outputs under the profile root, project files under the project root,
    /// absolute paths as they are.
    func location(of path: String) -> String {
        if path.hasPrefix("/") { return path }
        return (producer(of: path) != nil ? profileRoot : projectRoot) + "/" + path
    }
}

/// The program that ran the stages (the `pipeline` driver): the crate's workflow engine.
public struct CrateEngine: Sendable, Equatable {
    public var name: String
    /// A version string, e.g. the git commit the driver was built from; nil if unknown.
    public var version: String?
    public var description: String

    public init(
        name: String = "pipeline", version: String? = nil,
        description: String = "The ChaosPipeline driver (Sources/Executables/PipelineCLI): runs stale stages in dependency order and records pipeline.lock."
    ) {
        self.name = name
        self.version = version
        self.description = description
    }
}

/// Which payload files the crate carries besides `pipeline.json` (always included,
/// since Workflow RO-Crate requires the main workflow in the crate).
public enum CrateFilePolicy: Sendable, Equatable {
    /// Describe every file by path and hash without copying it. Such files get a local
    /// identifier `#<path>` (RO-Crate: not a data entity, so not required in the payload)
    /// with the path as `alternateName`.
    case reference
    /// Copy regular files of at most `maxBytes` whose SHA-256 equals the manifest's into
    /// the crate at their declared relative path (files already there are only checked).
    /// Larger, missing, modified and absolute-path files are referenced as above.
    case includeSmallFiles(maxBytes: Int64)

    /// The size limit the CLI uses by default for `--include-files`: 10 MiB, enough for
    /// figures, the paper and summary tables, not for trained ensembles.
    public static let defaultMaxBytes: Int64 = 10 << 20
}
