import Foundation
import Provenance
import ReportKit
import StageKit

/// The `figures` task of `jimenez`: draws every declared figure (``JimenezFigure``) from
/// the stage's one HDF5 input (aggregate.h5, ``JimenezResults``) as SVG, each with its
/// caption in `<desc>` and the stage's provenance in `<metadata>`.
public enum FiguresTask {
    /// Runs the task for `context`.
    public static func run(_ context: StageContext) throws {
        let outputs = context.invocation.outputs
        let figures = try outputs.map { try JimenezFigure(declaredPath: $0.declaredPath) }
        let results = try JimenezResults.read(path: try StageFiles.one(".h5", of: context, role: "aggregate.h5").path)
        let provenance = context.provenanceText
        for (output, figure) in zip(outputs, figures) {
            try AtomicFile.write(Data(try figure.svg(results, provenance: provenance).utf8), to: output.temporaryPath)
        }
        try context.report(summary: .object(["figures": .array(figures.map { .string($0.rawValue) })]))
    }
}
