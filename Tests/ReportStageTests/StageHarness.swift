import Foundation
import Provenance
import StageKit
import TestSupport

/// Runs a stage function in a temporary directory the way `pipeline run` would: inputs
/// hashed, outputs written to temporary paths, then moved into place.
struct StageHarness {
    let directory: TemporaryDirectory

    init(_ label: String) {
        directory = TemporaryDirectory(label)
    }

    var root: String { directory.path }

    /// The absolute path of `relative` inside the directory, parents created.
    func path(_ relative: String) throws -> String {
        let full = root + "/" + relative
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: full).deletingLastPathComponent().path, withIntermediateDirectories: true)
        return full
    }

    /// The context of `stage` with `inputs` and `outputs` as declared (relative) paths.
    func context(stage: String, executable: String, parameters: JSONValue, inputs: [String], outputs: [String]) throws -> StageContext {
        let invocation = StageInvocation(
            stage: stage, executable: executable, profile: "test", parameters: parameters, seeds: [:],
            inputs: try inputs.map { declared in
                let full = try path(declared)
                return .init(declaredPath: declared, path: full, sha256: try ContentHash.sha256(fileAt: full))
            },
            outputs: try outputs.map { declared in
                .init(declaredPath: declared, path: try path(declared), temporaryPath: try path(".scratch/" + declared))
            },
            code: CodeIdentity(sha256: String(repeating: "f", count: 64), targets: ["MittraExperiment", "PaperStage"], fileCount: 1),
            threads: 1, quiet: true, reportPath: try path(".scratch/\(stage)-report.json"))
        return StageContext(invocation: invocation)
    }

    /// Runs `body` and moves each output from its temporary path into place.
    func run(_ context: StageContext, _ body: (StageContext) throws -> Void) throws {
        try body(context)
        for output in context.invocation.outputs {
            try AtomicFile.move(output.temporaryPath, to: output.path)
        }
    }

    /// The text of `relative`.
    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }
}
