import Foundation
import Provenance
import StageKit

extension ExperimentStage {
    /// The `section` task: fills the section template (the one `.md` input) by
    /// `E.section` from aggregate.h5 (the one `.h5` input), the figures (the `.svg`
    /// inputs, with the facts stored in them) and, when declared, the benchmark record
    /// named by the parameter `benchmark`, and writes the section bundle (the one `.json`
    /// output) for `build-paper`.
    public static func section(_ context: StageContext) throws {
        let templateInput = try StageFiles.one(".md", of: context, role: "the section template")
        let resultsInput = try StageFiles.one(".h5", of: context, role: "aggregate.h5")
        guard context.invocation.outputs.count == 1, let output = context.invocation.outputs.first, output.declaredPath.hasSuffix(".json")
        else {
            throw StageError.usage("stage '\(context.stage)': the section task writes one section bundle (*.json); fix stages.\(context.stage).outputs")
        }
        let figures = try context.inputs(endingWith: ".svg").map { input in
            SectionInputs<E>.Figure(
                figure: try E.Figure(declaredPath: input.declaredPath), path: input.declaredPath,
                facts: FigureDocument.facts(inSVG: try String(contentsOfFile: input.path, encoding: .utf8)))
        }
        let inputs = SectionInputs<E>(
            template: try PaperTemplate(text: try String(contentsOfFile: templateInput.path, encoding: .utf8), source: templateInput.declaredPath),
            results: try E.Results.read(path: resultsInput.path),
            resultsFile: resultsInput, figures: figures,
            benchmark: E.parameters.sectionReadsBenchmark ? try SectionBenchmark.read(context) : nil, settings: context.parameters,
            stage: context.stage, provenance: context.provenance)
        let bundle = try E.section(inputs)
        try AtomicFile.write(try bundle.encoded(), to: output.temporaryPath)
        try context.report(summary: .object(["verdicts": .object(bundle.verdicts.mapValues { .string($0) })]))
    }
}
