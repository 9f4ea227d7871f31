import Foundation
import Plotting
import ReportKit

/// The figures of the Mittra experiments (docs/PROTOCOL.md §2, §5), one SVG file each; the
/// raw value is the file name without `.svg` that pipeline.json declares.
public enum MittraFigure: String, DeclaredFigure {
    public static let experiment = "mittra"

    /// The source paper's Fig. 4: λ vs η, early and late windows, onset marked.
    case lyapunovVsLearningRate = "mittra-fig4-lyapunov-vs-lr"
    /// Late-window λ vs η for every width.
    case architectures = "mittra-fig4-architectures"
    /// Every estimator's λ vs η on one axis.
    case estimators = "mittra-estimators"
    /// η × sharpness vs η with the GD stability limit and the chaos onset.
    case edgeOfStability = "mittra-edge-of-stability"
    /// The source paper's Fig. 5: λ vs final loss of many initial points.
    case lyapunovVsLoss = "mittra-fig5-lyapunov-vs-loss"
    /// The same in the learning regime (docs/PROTOCOL.md §2.10).
    case lyapunovVsLossLearning = "mittra-fig5-lyapunov-vs-loss-learning"

    /// The figure drawn from `results`.
    public func figure(_ results: MittraResults, _ options: FigureOptions) throws -> Figure {
        switch self {
        case .lyapunovVsLearningRate: return try LyapunovVsLearningRateFigure.figure(results, options)
        case .architectures: return try ArchitecturesFigure.figure(results, options)
        case .estimators: return try EstimatorsFigure.figure(results, options)
        case .edgeOfStability: return try EdgeOfStabilityFigure.figure(results, options)
        case .lyapunovVsLoss: return LyapunovVsLossFigure.figure(results.initialWeights, regime: "the source code's setting")
        case .lyapunovVsLossLearning:
            return LyapunovVsLossFigure.figure(try LyapunovVsLossFigure.learningStudy(results), regime: "the learning regime")
        }
    }

    /// The caption the paper prints under the figure: what is drawn, with the numbers
    /// (seeds, windows, architecture) taken from `results`; stored in the figure's `<desc>`.
    public func caption(_ results: MittraResults, _ options: FigureOptions) throws -> CaptionText {
        switch self {
        case .lyapunovVsLearningRate: return try LyapunovVsLearningRateFigure.caption(results, options)
        case .architectures: return try ArchitecturesFigure.caption(results, options)
        case .estimators: return try EstimatorsFigure.caption(results, options)
        case .edgeOfStability: return try EdgeOfStabilityFigure.caption(results, options)
        case .lyapunovVsLoss: return LyapunovVsLossFigure.caption(results.initialWeights, regime: nil)
        case .lyapunovVsLossLearning:
            return LyapunovVsLossFigure.caption(try LyapunovVsLossFigure.learningStudy(results), regime: "the learning regime")
        }
    }
}
