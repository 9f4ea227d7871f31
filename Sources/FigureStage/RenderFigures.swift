import Foundation
import Plotting
import Provenance
import StageKit

/// The `render-figures` stage: draws every declared figure of the Mittra experiments
/// (``MittraFigure``) from `data/mittra/aggregate.h5` as SVG, with the stage's provenance
/// (which embeds the aggregate file's, back to the seeds) in each file's `<metadata>`.
///
/// Parameters (all optional): `width` (default 8), `earlySeries` (default
/// `"tangent/early"`), `lateSeries` (default `"tangent/late"`); see ``FigureOptions``.
public enum RenderFigures {
    /// The declared input the figures are drawn from.
    public static let aggregateInput = "data/mittra/aggregate.h5"

    /// Runs the stage for `context`.
    public static func run(_ context: StageContext) throws {
        let outputs = context.invocation.outputs
        // Every declared output must name a known figure before any work is done.
        let figures = try outputs.map { try MittraFigure(declaredPath: $0.declaredPath) }
        let results = try MittraResults.read(path: try context.inputPath(aggregateInput))
        let options = try FigureOptions(context.parameters)
        let metadata = context.provenanceText
        for (output, figure) in zip(outputs, figures) {
            let svg = try figure.svg(results, options, metadata: metadata)
            try AtomicFile.write(Data(svg.utf8), to: output.temporaryPath)
        }
        try context.report(summary: .object(["figures": .array(figures.map { .string($0.rawValue) })]))
    }
}
