import Foundation
import Plotting
import ReportKit

/// The figures of E4 (docs/PROTOCOL.md §3, Figure), one SVG file each; the raw value is the
/// file name without `.svg` that pipeline.json declares.
public enum JimenezFigure: String, DeclaredFigure {
    public static let experiment = "jimenez"

    /// λ(η) in both conventions above τ(η), on a shared log-η axis, onset and argmin marked.
    case lambdaAndTime = "jimenez-lambda-and-time"
    /// ⟨ln d(t)/d(0)⟩ and the median test accuracy against the step, one line per η.
    case divergenceAndAccuracy = "jimenez-divergence-and-accuracy"

    /// The figure drawn from `results`.
    public func figure(_ results: JimenezResults) throws -> Figure {
        switch self {
        case .lambdaAndTime: try LambdaAndTimeFigure.figure(results)
        case .divergenceAndAccuracy: DivergenceAndAccuracyFigure.figure(results)
        }
    }

    /// The caption the paper prints under the figure, with its numbers from `results`, each
    /// located in aggregate.h5.
    public func caption(_ results: JimenezResults) throws -> CaptionText {
        switch self {
        case .lambdaAndTime: try LambdaAndTimeFigure.caption(results)
        case .divergenceAndAccuracy: DivergenceAndAccuracyFigure.caption(results)
        }
    }
}
