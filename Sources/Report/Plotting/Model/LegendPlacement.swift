/// Where a panel's legend goes. A legend lists the layers that have a label; a panel
/// without labelled layers has no legend whatever its placement.
public enum LegendPlacement: Sendable, Hashable {
    /// Inside the plot area, top left corner.
    case topLeft
    /// Inside the plot area, top right corner.
    case topRight
    /// Inside the plot area, bottom left corner.
    case bottomLeft
    /// Inside the plot area, bottom right corner.
    case bottomRight
    /// To the right of the plot area, outside the frame; the plot area shrinks to make
    /// room. Never covers data.
    case outsideRight
    /// The inside corner whose legend box would cover the fewest data (points, line
    /// segments, band area, annotations); when every corner would cover some data, the
    /// legend goes outside right instead, so that it never covers data.
    case best
    /// No legend.
    case none
}
