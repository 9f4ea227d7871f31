import Foundation
import Provenance
import StageKit

extension ExperimentStage {
    /// The `figures` task: every declared output names one of `E.Figure` (checked before
    /// any work), each drawn from the one `.h5` input (aggregate.h5) by `E.draw` as SVG
    /// with its caption and facts in `<desc>` (the caption's computed numbers located in
    /// aggregate.h5) and the stage's provenance in `<metadata>`.
    public static func figures(_ context: StageContext) throws {
        let outputs = context.invocation.outputs
        let figures = try outputs.map { try E.Figure(declaredPath: $0.declaredPath) }
        let input = try StageFiles.one(".h5", of: context, role: "aggregate.h5")
        let results = try E.Results.read(path: input.path)
        let provenance = context.provenanceText
        for (output, figure) in zip(outputs, figures) {
            let drawing = try E.draw(figure, from: results, settings: context.parameters)
            try AtomicFile.write(Data(try drawing.svg(provenance: provenance, resultsPath: input.declaredPath, resultsSHA256: input.sha256).utf8), to: output.temporaryPath)
        }
        try context.report(summary: .object(["figures": .array(figures.map { .string($0.rawValue) })]))
    }
}
