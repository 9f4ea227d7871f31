import Foundation
import Provenance
import ReportKit
import StageKit

/// The `figures` task of `leimkuhler`: draws every declared figure (``LeimkuhlerFigure``)
/// from aggregate.h5 as SVG with its caption in `<desc>` and the stage's provenance in `<metadata>`.
public enum FiguresTask {
    /// Runs the task for `context`.
    public static func run(_ context: StageContext) throws {
        let outputs = context.invocation.outputs
        let figures = try outputs.map { try LeimkuhlerFigure(declaredPath: $0.declaredPath) }
        let results = try LeimkuhlerResults.read(path: try StageFiles.one(".h5", of: context, role: "aggregate.h5").path)
        for (output, figure) in zip(outputs, figures) {
            try AtomicFile.write(Data(try figure.svg(results, provenance: context.provenanceText).utf8), to: output.temporaryPath)
        }
        try context.report(summary: .object(["figures": .array(figures.map { .string($0.rawValue) })]))
    }
}
