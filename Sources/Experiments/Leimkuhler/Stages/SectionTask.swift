import Foundation
import Provenance
import ReportKit
import StageKit

/// The `section` task of `leimkuhler`: fills paper/sections/leimkuhler.md (the one `.md`
/// input) from aggregate.h5 (the one `.h5` input) and the benchmark record named by the
/// parameter `benchmark` (a `.json` input), and writes the section bundle (the one
/// `.json` output) for `build-paper` (see ``LeimkuhlerSection``).
public enum SectionTask {
    /// Runs the task for `context`.
    public static func run(_ context: StageContext) throws {
        let source = try context.parameters.object("sourceValues").value
        let templateInput = try StageFiles.one(".md", of: context, role: "the section template")
        let resultsInput = try StageFiles.one(".h5", of: context, role: "aggregate.h5")
        guard context.invocation.outputs.count == 1, let output = context.invocation.outputs.first, output.declaredPath.hasSuffix(".json") else {
            throw StageError.usage("stage '\(context.stage)': the section task writes one section bundle (*.json); fix stages.\(context.stage).outputs")
        }
        var figures: [String: String] = [:]
        for input in context.inputs(endingWith: ".svg") {
            figures[try LeimkuhlerFigure(declaredPath: input.declaredPath).placeholderName] = input.declaredPath
        }
        let bundle = try LeimkuhlerSection.bundle(
            template: try PaperTemplate(text: try String(contentsOfFile: templateInput.path, encoding: .utf8), source: templateInput.declaredPath),
            results: try LeimkuhlerResults.read(path: resultsInput.path), source: source, figures: figures,
            aggregate: PaperTable.Source(path: resultsInput.declaredPath, part: "/optimizers", sha256: resultsInput.sha256),
            benchmark: try SectionBenchmark.read(context),
            stage: context.stage, provenance: context.provenance)
        try AtomicFile.write(try bundle.encoded(), to: output.temporaryPath)
        try context.report(summary: .object(["verdicts": .object(bundle.verdicts.mapValues { .string($0) })]))
    }
}
