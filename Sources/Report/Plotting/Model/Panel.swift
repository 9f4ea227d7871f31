/// One plot of a figure: two axes, a title, layers of data, and a legend.
///
/// Panels share nothing with each other unless the figure asks (``Figure/sharesXRange``).
public struct Panel: Sendable, Equatable {
    /// The title above the plot area; `nil` for none.
    public var title: String?
    /// The horizontal axis.
    public var xAxis: Axis
    /// The vertical axis.
    public var yAxis: Axis
    /// What is drawn, bottom layer first.
    public var layers: [Layer]
    /// Where the legend goes.
    public var legend: LegendPlacement
    /// Whether light grid lines are drawn at the major ticks.
    public var showsGrid: Bool
    /// Whether one unit of x spans as many pixels as one unit of y (for maps of a plane,
    /// such as a classifier over its two inputs): the plot area shrinks along one axis
    /// and is centred in the room it had. Only for linear axes.
    public var hasEqualAspect: Bool

    /// Creates a panel.
    public init(
        title: String? = nil,
        xAxis: Axis,
        yAxis: Axis,
        layers: [Layer] = [],
        legend: LegendPlacement = .best,
        showsGrid: Bool = true,
        hasEqualAspect: Bool = false
    ) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.layers = layers
        self.legend = legend
        self.showsGrid = showsGrid
        self.hasEqualAspect = hasEqualAspect
    }
}
