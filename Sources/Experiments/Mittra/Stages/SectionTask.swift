import Foundation
import Provenance
import ReportKit
import StageKit

/// The `section` task of `mittra`: fills the Mittra section template (the stage's one
/// `.md` input) with numbers computed from aggregate.h5 (its one `.h5` input) and the
/// captions and drawing options stored in the figures (its `.svg` inputs), and writes the
/// section bundle (its one `.json` output) for `build-paper` (see ``MittraSection``).
public enum SectionTask {
    /// The parameters of the task.
    public struct Settings: Sendable {
        /// The source paper's quoted numbers.
        public var source: SourceValues
        /// The thresholds of the verdict rules.
        public var rules: VerdictRules

        /// Reads `sourceValues` and the optional `verdictRules`.
        public init(_ parameters: Parameters) throws {
            source = try SourceValues(try parameters.object("sourceValues"))
            rules = try VerdictRules(stageParameters: parameters)
        }
    }

    /// Runs the task for `context`.
    public static func run(_ context: StageContext) throws {
        let settings = try Settings(context.parameters)
        let templateInput = try StageFiles.one(".md", of: context, role: "the section template")
        let resultsInput = try StageFiles.one(".h5", of: context, role: "aggregate.h5")
        guard context.invocation.outputs.count == 1, let output = context.invocation.outputs.first, output.declaredPath.hasSuffix(".json")
        else {
            throw StageError.usage("stage '\(context.stage)': the section task writes one section bundle (*.json); fix stages.\(context.stage).outputs")
        }
        var figures: [(figure: MittraFigure, path: String)] = []
        var options: (FigureOptions, String)?
        for input in context.inputs(endingWith: ".svg") {
            let figure = try MittraFigure(declaredPath: input.declaredPath)
            let svg = try String(contentsOfFile: input.path, encoding: .utf8)
            let drawn = try FigureOptions(facts: FigureDocument.facts(inSVG: svg), path: input.declaredPath)
            if let (first, path) = options, first != drawn { throw FigureError.inconsistentOptions(path, input.declaredPath) }
            options = options ?? (drawn, input.declaredPath)
            figures.append((figure, input.declaredPath))
        }
        let inputs = MittraSection.Inputs(
            template: try PaperTemplate(
                text: try String(contentsOfFile: templateInput.path, encoding: .utf8), source: templateInput.declaredPath),
            results: try MittraResults.read(path: resultsInput.path),
            aggregate: AggregateFile(path: resultsInput.declaredPath, sha256: resultsInput.sha256), figures: figures,
            options: options?.0 ?? FigureOptions(), source: settings.source, rules: settings.rules)
        let bundle = try MittraSection.bundle(inputs, stage: context.stage, provenance: context.provenance)
        try AtomicFile.write(try bundle.encoded(), to: output.temporaryPath)
        try context.report(summary: .object(["verdicts": .object(bundle.verdicts.mapValues { .string($0) })]))
    }
}
