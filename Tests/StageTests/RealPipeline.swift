import Foundation
import Pipeline
import Provenance
import TestSupport

/// The repository's own pipeline.json, for tests that build small projects out of its
/// stages at their smoke parameters and run them on the real executables.
struct RealPipeline {
    /// A pipeline.json this helper cannot use (no `stages` object).
    struct Malformed: Error, CustomStringConvertible {
        var description: String { "pipeline.json at the package root has no \"stages\" object" }
    }

    let stages: [String: JSONValue]
    let experiments: JSONValue

    init() throws {
        let written = try JSONValue.parse(
            Data(contentsOf: URL(fileURLWithPath: TestLocations.packageRoot + "/pipeline.json")), source: "pipeline.json")
        let real = try PipelineSpec.expanded(written, source: "pipeline.json")  // families and named inputs as plain stages
        guard case .object(let stages)? = real["stages"], let experiments = real["experiments"] else { throw Malformed() }
        (self.stages, self.experiments) = (stages, experiments)
    }

    /// Stage `name`'s parameters with its smoke overrides and then `changes` merged in.
    func smokeParameters(_ name: String, _ changes: JSONValue = .object([:])) -> JSONValue {
        let original = stages[name]!
        let parameters = JSONValue.merged(original["parameters"]!, original["profileParameters"]?["smoke"] ?? .object([:]))
        return JSONValue.merged(parameters, changes)
    }

    /// Stage `name` at its smoke parameters plus `changes`, with its executable and seeds
    /// and the given inputs and outputs.
    func stage(_ name: String, inputs: [String], outputs: [String], changes: JSONValue = .object([:])) -> JSONValue {
        let original = stages[name]!
        return .object([
            "executable": original["executable"]!, "parameters": smokeParameters(name, changes),
            "seeds": original["seeds"] ?? .object([:]),
            "inputs": .array(inputs.map { .string($0) }), "outputs": .array(outputs.map { .string($0) }),
        ])
    }

    /// Runs a project of `stages` (default profile, two threads, quiet) in a new temporary
    /// directory named after `label`; the directory lives as long as the returned value.
    func run(_ stages: [String: JSONValue], label: String) throws -> TemporaryDirectory {
        let spec = JSONValue.object([
            "formatVersion": .int(1), "profiles": .object(["default": .object(["root": .string(".")])]),
            "experiments": experiments, "stages": .object(stages),
        ])
        let project = TemporaryDirectory(label)
        try project.write("pipeline.json", spec.prettyText)
        let layout = ProjectLayout(projectRoot: project.path, packageRoot: TestLocations.packageRoot, binDirectory: TestLocations.binDirectory)
        _ = try Runner(layout: layout, profile: "default") { _ in }.run(RunOptions(threads: 2, quiet: true))
        return project
    }
}
