import FigureStage
import Provenance

/// A figure input of the paper: which figure it is, its file, its hash, the provenance
/// stored in its `<metadata>`, and the caption the paper prints.
struct PaperFigure {
    var figure: MittraFigure
    /// The declared input path, e.g. `figures/mittra-fig4-lyapunov-vs-lr.svg`.
    var declaredPath: String
    /// The file's SHA-256 (as the driver hashed it).
    var sha256: String
    /// The SVG document.
    var svg: String
    /// The provenance in the SVG's `<metadata>`, nil if it has none.
    var record: JSONValue?
    /// The caption, filled in once the options are known.
    var caption: String = ""

    /// The options `render-figures` drew the figure with, from its provenance
    /// (`parameters.width`, `earlySeries`, `lateSeries`; defaults where absent).
    func options() throws -> FigureOptions {
        guard let parameters = record?["parameters"] else { return FigureOptions() }
        return try FigureOptions(.init(parameters, path: "\(declaredPath) <metadata> parameters"))
    }
}
