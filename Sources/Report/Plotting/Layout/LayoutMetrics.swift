/// The fixed sizes of a figure's furniture, in pixels. Font sizes meet the readability
/// floor of the brief: ≥ 10 px for ticks, ≥ 12 px for axis labels.
enum LayoutMetrics {
    /// Tick labels.
    static let tickFontSize = 11.0
    /// Axis labels.
    static let axisLabelFontSize = 13.0
    /// Panel titles.
    static let panelTitleFontSize = 14.0
    /// The figure title.
    static let figureTitleFontSize = 16.0
    /// Legend entries.
    static let legendFontSize = 11.0
    /// Point-marker captions.
    static let captionFontSize = 11.0

    /// The length of major ticks, drawn outwards from the frame.
    static let majorTickLength = 5.0
    /// The length of minor ticks.
    static let minorTickLength = 3.0
    /// Between a tick's end and its label.
    static let tickLabelGap = 3.0
    /// Between tick labels and the axis label.
    static let axisLabelGap = 7.0
    /// Around each panel cell's content.
    static let outerPadding = 10.0
    /// Between a panel title's baseline and the plot area.
    static let titleGap = 8.0
    /// The least horizontal gap between neighbouring x tick labels.
    static let xTickLabelGap = 10.0
    /// The least vertical distance between neighbouring y tick labels, in font sizes.
    static let yTickLabelSpacingEm = 1.7
    /// The smallest plot area side; margins give way beyond it.
    static let minimumPlotSide = 40.0

    /// Between the plot frame and an inside legend.
    static let legendInset = 6.0
    /// Between the plot frame and an outside legend.
    static let legendOutsideGap = 12.0
    /// Inside the legend box, around the entries.
    static let legendPadding = 6.0
    /// The width of an entry's sample.
    static let legendSwatchWidth = 26.0
    /// Between the sample and the entry text.
    static let legendSwatchGap = 6.0
    /// The height of one legend row.
    static let legendRowHeight = 17.0

    /// Line widths of the frame, ticks and grid.
    static let frameWidth = 1.0
    /// Grid line width.
    static let gridWidth = 0.8
}
