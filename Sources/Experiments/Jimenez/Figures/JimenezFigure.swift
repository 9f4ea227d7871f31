import Foundation
import Plotting
import ReportKit

/// The figures of E4 (SCIENCE.md §3, Figure), one SVG file each; the raw value is the
/// file name without `.svg` that pipeline.json declares.
public enum JimenezFigure: String, CaseIterable, Sendable {
    /// λ(η) in both conventions above τ(η), on a shared log-η axis, onset and argmin marked.
    case lambdaAndTime = "jimenez-lambda-and-time"
    /// ⟨ln d(t)/d(0)⟩ and the median test accuracy against the step, one line per η.
    case divergenceAndAccuracy = "jimenez-divergence-and-accuracy"

    /// The figure that a declared output path (`figures/<name>.svg`) names.
    public init(declaredPath: String) throws {
        let file = URL(fileURLWithPath: declaredPath).lastPathComponent
        guard file.hasSuffix(".svg"), let figure = JimenezFigure(rawValue: String(file.dropLast(4))) else {
            throw JimenezFigureError.unknownFigure(declaredPath)
        }
        self = figure
    }

    /// The figure drawn from `results`.
    public func figure(_ results: JimenezResults) throws -> Figure {
        switch self {
        case .lambdaAndTime: try LambdaAndTimeFigure.figure(results)
        case .divergenceAndAccuracy: DivergenceAndAccuracyFigure.figure(results)
        }
    }

    /// The caption the paper prints under the figure, with its numbers from `results`.
    public func caption(_ results: JimenezResults) throws -> String {
        switch self {
        case .lambdaAndTime: try LambdaAndTimeFigure.caption(results)
        case .divergenceAndAccuracy: DivergenceAndAccuracyFigure.caption(results)
        }
    }

    /// The SVG document with its caption in `<desc>` and `provenance` in `<metadata>`.
    public func svg(_ results: JimenezResults, provenance: String) throws -> String {
        try FigureDocument.svg(try figure(results), caption: try caption(results), provenance: provenance)
    }

    /// The name under which the section template places the figure (`jimenez.lambda-and-time`).
    public var placeholderName: String {
        "jimenez." + rawValue.dropFirst("jimenez-".count)
    }
}

/// A Jiménez figure that cannot be made as declared.
public enum JimenezFigureError: Error, CustomStringConvertible, Equatable {
    /// An output or input path that names no E4 figure.
    case unknownFigure(String)

    public var description: String {
        switch self {
        case .unknownFigure(let path):
            return "'\(path)' is not an E4 figure; the figures task makes only "
                + JimenezFigure.allCases.map { "figures/\($0.rawValue).svg" }.joined(separator: ", ")
                + ". Fix the outputs of stages.jimenez-figures (or the inputs of stages.jimenez-section) in pipeline.json."
        }
    }
}
