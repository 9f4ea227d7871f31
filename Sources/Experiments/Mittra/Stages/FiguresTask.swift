import Foundation
import Provenance
import ReportKit
import StageKit

/// The `figures` task of `mittra`: draws every declared figure (``MittraFigure``) from the
/// stage's one HDF5 input (aggregate.h5, ``MittraResults``) as SVG, each with its caption and
/// drawing options in `<desc>` and the stage's provenance (which embeds the aggregate
/// file's, back to the seeds) in `<metadata>`.
public enum FiguresTask {
    /// Runs the task for `context`; its parameters are ``FigureOptions``.
    public static func run(_ context: StageContext) throws {
        let options = try FigureOptions(context.parameters)
        let outputs = context.invocation.outputs
        // Every declared output must name a known figure before any work is done.
        let figures = try outputs.map { try MittraFigure(declaredPath: $0.declaredPath) }
        let results = try MittraResults.read(path: try StageFiles.one(".h5", of: context, role: "aggregate.h5").path)
        let provenance = context.provenanceText
        for (output, figure) in zip(outputs, figures) {
            let svg = try figure.svg(results, options, provenance: provenance)
            try AtomicFile.write(Data(svg.utf8), to: output.temporaryPath)
        }
        try context.report(summary: .object(["figures": .array(figures.map { .string($0.rawValue) })]))
    }
}
