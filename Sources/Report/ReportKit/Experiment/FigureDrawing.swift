import Plotting

/// One figure as an experiment draws it: the figure, the caption the paper prints under
/// it and the facts (e.g. drawing options) that the section reads back from the SVG.
public struct FigureDrawing {
    /// The figure.
    public var figure: Plotting.Figure
    /// The caption, stored in the SVG's `<desc>`.
    public var caption: String
    /// Facts stored beside the caption (see ``FigureDocument/facts(inSVG:)``).
    public var facts: [String: String]

    /// Creates a drawing.
    public init(_ figure: Plotting.Figure, caption: String, facts: [String: String] = [:]) {
        (self.figure, self.caption, self.facts) = (figure, caption, facts)
    }

    /// The SVG document with `provenance` (canonical JSON) in `<metadata>`.
    public func svg(provenance: String) throws -> String {
        try FigureDocument.svg(figure, caption: caption, facts: facts, provenance: provenance)
    }
}
