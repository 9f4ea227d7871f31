/// A labelled tick mark on an axis.
public struct Tick: Sendable, Hashable {
    /// The position in data units.
    public var value: Double
    /// The label printed at it.
    public var label: String

    /// Creates a tick.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// The tick marks of one axis: labelled major ticks and short unlabelled minor ones
/// (the 2…9 multiples between the decades of a logarithmic axis).
public struct AxisTicks: Sendable, Hashable {
    /// Labelled ticks in increasing order.
    public var major: [Tick]
    /// Unlabelled tick positions in increasing order, none equal to a major one.
    public var minor: [Double]

    /// Creates a set of ticks.
    public init(major: [Tick], minor: [Double] = []) {
        self.major = major
        self.minor = minor
    }

    /// No ticks at all.
    public static let empty = AxisTicks(major: [])

    /// The major tick values.
    public var values: [Double] { major.map(\.value) }

    /// The major tick labels.
    public var labels: [String] { major.map(\.label) }
}
