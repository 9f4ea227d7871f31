import Foundation
import Provenance

/// A figure of the paper: its placeholder name (from the section that shows it), its file,
/// its hash, the provenance in its `<metadata>`, and the caption stored in its `<desc>`
/// when it was rendered (see ``FigureDocument``).
public struct PaperFigure: Sendable {
    /// The name used in `{{figure:…}}`, e.g. `mittra.fig4-lyapunov-vs-lr`.
    public var name: String
    /// The declared input path, e.g. `figures/mittra-fig4-lyapunov-vs-lr.svg`.
    public var declaredPath: String
    /// The file's SHA-256 (as the driver hashed it).
    public var sha256: String
    /// The SVG document.
    public var svg: String
    /// The provenance in the SVG's `<metadata>`, nil if it has none.
    public var record: JSONValue?
    /// The caption the paper prints under the figure.
    public var caption: String

    /// Creates a figure.
    public init(name: String, declaredPath: String, sha256: String, svg: String, record: JSONValue?, caption: String) {
        self.name = name
        self.declaredPath = declaredPath
        self.sha256 = sha256
        self.svg = svg
        self.record = record
        self.caption = caption
    }
}
