import Foundation
import Plotting

/// One figure as an experiment draws it: the figure, the caption the paper prints under
/// it (its computed numbers located in the results file, ``CaptionText``) and the facts
/// (e.g. drawing options) that the section reads back from the SVG.
public struct FigureDrawing {
    /// The figure.
    public var figure: Plotting.Figure
    /// The caption, stored in the SVG's `<desc>`.
    public var caption: CaptionText
    /// Facts stored beside the caption (see ``FigureDocument/facts(inSVG:)``).
    public var facts: [String: String]

    /// Creates a drawing.
    public init(_ figure: Plotting.Figure, caption: CaptionText, facts: [String: String] = [:]) {
        (self.figure, self.caption, self.facts) = (figure, caption, facts)
    }

    /// The SVG document with `provenance` (canonical JSON) in `<metadata>`; the caption's
    /// sourced numbers point into the results file at `resultsPath` with `resultsSHA256`.
    public func svg(provenance: String, resultsPath: String, resultsSHA256: String) throws -> String {
        try FigureDocument.svg(
            figure, caption: caption.plain,
            facts: facts.merging(FigureDocument.captionFacts(caption, path: resultsPath, sha256: resultsSHA256)) { own, _ in own },
            provenance: provenance)
    }
}
