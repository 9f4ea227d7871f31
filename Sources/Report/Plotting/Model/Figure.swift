/// A figure: panels in a grid of rows × columns under an optional title, at a fixed
/// pixel size. It describes what to draw, not how: any ``Renderer`` can draw it, and
/// ``renderSVG(_:metadata:)`` writes it as SVG.
public struct Figure: Sendable, Equatable {
    /// The title across the top; `nil` for none.
    public var title: String?
    /// The number of panel rows.
    public var rows: Int
    /// The number of panel columns.
    public var columns: Int
    /// The panels in row-major order (left to right, then top to bottom); at most
    /// `rows × columns`, and remaining cells stay empty.
    public var panels: [Panel]
    /// The width in pixels.
    public var width: Double
    /// The height in pixels.
    public var height: Double
    /// Whether all panels take one common automatic x range (the union of their data),
    /// so that panels stacked in a column line up. Panels with a fixed x range keep it.
    public var sharesXRange: Bool
    /// Whether the panels share one legend, drawn once in a band across the bottom of
    /// the figure (each label once), instead of a legend per panel.
    public var sharesLegend: Bool
    /// Whether all panels take one common automatic y range (the union of their data),
    /// for panels that show the same quantity side by side. Fixed ranges are kept.
    public var sharesYRange: Bool

    /// The default width of one panel cell in pixels.
    public static let defaultCellWidth = 460.0
    /// The default height of one panel cell in pixels.
    public static let defaultCellHeight = 340.0
    /// The height of the band that holds a figure title, in pixels.
    public static let titleBandHeight = 34.0

    /// Creates a figure. Without an explicit size each cell is
    /// ``defaultCellWidth`` × ``defaultCellHeight`` pixels, plus a band for the title.
    public init(
        title: String? = nil,
        rows: Int = 1,
        columns: Int = 1,
        panels: [Panel],
        width: Double? = nil,
        height: Double? = nil,
        sharesXRange: Bool = false,
        sharesLegend: Bool = false,
        sharesYRange: Bool = false
    ) {
        self.title = title
        self.rows = rows
        self.columns = columns
        self.panels = panels
        self.width = width ?? Figure.defaultCellWidth * Double(max(columns, 1))
        let titleHeight = title == nil ? 0 : Figure.titleBandHeight
        self.height = height ?? (Figure.defaultCellHeight * Double(max(rows, 1)) + titleHeight)
        self.sharesXRange = sharesXRange
        self.sharesLegend = sharesLegend
        self.sharesYRange = sharesYRange
    }
}
