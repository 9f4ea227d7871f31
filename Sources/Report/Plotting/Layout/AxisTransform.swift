import Foundation

/// The map from data values on one axis to canvas pixels.
struct AxisTransform: Sendable {
    /// Linear, logarithmic or symmetric-logarithmic placement.
    let scale: AxisScale
    /// The data value at `pixelAtLower`.
    let lower: Double
    /// The data value at `pixelAtUpper`.
    let upper: Double
    /// The pixel coordinate of `lower` (the left or the bottom edge).
    let pixelAtLower: Double
    /// The pixel coordinate of `upper` (the right or the top edge).
    let pixelAtUpper: Double

    /// The transform of an axis of `scale` showing `range` between two pixel positions.
    init(scale: AxisScale, range: ClosedRange<Double>, pixelAtLower: Double, pixelAtUpper: Double) {
        self.scale = scale
        self.lower = range.lowerBound
        self.upper = range.upperBound
        self.pixelAtLower = pixelAtLower
        self.pixelAtUpper = pixelAtUpper
    }

    /// The range ends in the coordinate that is linear in pixels (``AxisScale/position(_:)``).
    private var linearizedBounds: (Double, Double) {
        (scale.position(lower), scale.position(upper))
    }

    /// The pixel coordinate of `value`, or `nil` when the scale cannot place it
    /// (non-finite, or ≤ 0 on a log axis) or the result is not finite.
    func pixel(_ value: Double) -> Double? {
        guard scale.accepts(value) else { return nil }
        let (start, end) = linearizedBounds
        let position = scale.position(value)
        let fraction = (position - start) / (end - start)
        let result = pixelAtLower + fraction * (pixelAtUpper - pixelAtLower)
        return result.isFinite ? result : nil
    }
}
