import Foundation
import Provenance
import ReportKit
import StageKit

/// The `section` task of `jimenez`: fills the E4 section template (the stage's one `.md`
/// input) with numbers computed from aggregate.h5 (its one `.h5` input), the figures'
/// paths (its `.svg` inputs) and the benchmark record named by the parameter `benchmark`
/// (a `.json` input), and writes the section bundle (its one `.json` output).
public enum SectionTask {
    /// Runs the task for `context`.
    public static func run(_ context: StageContext) throws {
        let source = try SourceFacts(try context.parameters.object("sourceValues"))
        let templateInput = try StageFiles.one(".md", of: context, role: "the section template")
        let resultsInput = try StageFiles.one(".h5", of: context, role: "aggregate.h5")
        guard context.invocation.outputs.count == 1, let output = context.invocation.outputs.first, output.declaredPath.hasSuffix(".json")
        else {
            throw StageError.usage("stage '\(context.stage)': the section task writes one section bundle (*.json); fix stages.\(context.stage).outputs")
        }
        let figures = try context.inputs(endingWith: ".svg").map { (figure: try JimenezFigure(declaredPath: $0.declaredPath), path: $0.declaredPath) }
        let inputs = JimenezSection.Inputs(
            template: try PaperTemplate(text: try String(contentsOfFile: templateInput.path, encoding: .utf8), source: templateInput.declaredPath),
            results: try JimenezResults.read(path: resultsInput.path),
            aggregate: PaperTable.Source(path: resultsInput.declaredPath, part: "/", sha256: resultsInput.sha256),
            figures: figures, source: source, benchmark: try SectionBenchmark.read(context))
        let bundle = try JimenezSection.bundle(inputs, stage: context.stage, provenance: context.provenance)
        try AtomicFile.write(try bundle.encoded(), to: output.temporaryPath)
        try context.report(summary: .object(["verdicts": .object(bundle.verdicts.mapValues { .string($0) })]))
    }
}
