/// One axis of a panel: what it shows, in which unit, on which scale, over which range.
public struct Axis: Sendable, Equatable {
    /// What the axis shows, e.g. "learning rate η" or "largest Lyapunov exponent λ₁".
    public var label: String
    /// The unit, e.g. "1/step"; `nil` for dimensionless quantities. Shown in parentheses
    /// after the label.
    public var unit: String?
    /// Linear or logarithmic placement of values.
    public var scale: AxisScale
    /// A fixed range; `nil` to take the range of the data, widened by `padding`.
    public var fixedRange: ClosedRange<Double>?
    /// The fraction of the data span added on each side of an automatic range (in
    /// decades on a logarithmic axis), so that no point sits on the frame. Must lie in
    /// [0, 0.5].
    public var padding: Double
    /// Names of categories placed at 0, 1, 2, … (each tick labelled with its name instead
    /// of a number; the range, unless fixed, is −½ … count − ½); `nil` for a numeric
    /// axis. Only on a linear scale.
    public var categories: [String]?

    /// Creates an axis.
    public init(
        label: String,
        unit: String? = nil,
        scale: AxisScale = .linear,
        fixedRange: ClosedRange<Double>? = nil,
        padding: Double = 0.05,
        categories: [String]? = nil
    ) {
        self.label = label
        self.unit = unit
        self.scale = scale
        self.fixedRange = fixedRange
        self.padding = padding
        self.categories = categories
    }

    /// The text printed along the axis: the label, then the unit in parentheses.
    public var displayLabel: String {
        guard let unit, !unit.isEmpty else { return label }
        return "\(label) (\(unit))"
    }
}
