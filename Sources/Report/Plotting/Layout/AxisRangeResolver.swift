import Foundation

/// The data interval an axis shows: its fixed range, or the extent of the data widened
/// by the axis padding.
enum AxisRangeResolver {
    /// The range shown when an axis has no data: [0, 1] linear and symmetric-log, [1, 10] logarithmic.
    static func emptyRange(for scale: AxisScale) -> ClosedRange<Double> {
        scale == .log10 ? 1...10 : 0...1
    }

    /// Ranges narrower than this fraction of their magnitude count as a single value,
    /// beyond which tick labels would need more digits than a double carries.
    static let relativeResolution = 1e-9

    /// The range of `axis` given the extent of its data (`nil` when no data can be
    /// placed on it).
    ///
    /// A single value v (or a range too narrow to resolve) is widened to v ± 10 % of
    /// |v| on a linear axis (±1 when v = 0) and to one decade either side on a log axis,
    /// then padded like any other range; a symmetric-log axis is padded in its own
    /// coordinate. The result is finite with lower < upper, and lower > 0 on a log axis.
    static func resolve(axis: Axis, dataExtent: ClosedRange<Double>?) -> ClosedRange<Double> {
        if let fixed = axis.fixedRange {
            return fixed
        }
        if let categories = axis.categories, !categories.isEmpty {
            return -0.5...(Double(categories.count) - 0.5)
        }
        guard let extent = dataExtent else { return emptyRange(for: axis.scale) }
        switch axis.scale {
        case .linear:
            return padded(linearExtent: extent, padding: axis.padding) ?? emptyRange(for: .linear)
        case .log10:
            let logExtent = log10(extent.lowerBound)...log10(extent.upperBound)
            guard let logRange = padded(logExtent: logExtent, padding: axis.padding) else {
                return emptyRange(for: .log10)
            }
            let lower = pow(10, logRange.lowerBound)
            let upper = pow(10, logRange.upperBound)
            guard lower > 0, upper.isFinite, lower < upper else { return emptyRange(for: .log10) }
            return lower...upper
        case .symmetricLog:
            // Padded in the symmetric-log coordinate, like a log axis in decades.
            let scale = axis.scale
            let transformed = scale.position(extent.lowerBound)...scale.position(extent.upperBound)
            guard let range = padded(linearExtent: transformed, padding: axis.padding) else { return emptyRange(for: scale) }
            let lower = scale.value(atPosition: range.lowerBound), upper = scale.value(atPosition: range.upperBound)
            guard lower.isFinite, upper.isFinite, lower < upper else { return emptyRange(for: scale) }
            return lower...upper
        }
    }

    /// A linear extent widened when degenerate and padded.
    private static func padded(linearExtent extent: ClosedRange<Double>, padding: Double) -> ClosedRange<Double>? {
        var low = extent.lowerBound
        var high = extent.upperBound
        let magnitude = max(abs(low), abs(high))
        if high - low <= magnitude * relativeResolution {
            let center = low / 2 + high / 2
            let halfWidth = center == 0 ? 1 : abs(center) * 0.1
            low = center - halfWidth
            high = center + halfWidth
        }
        let pad = (high - low) * padding
        let result = (low - pad, high + pad)
        guard result.0.isFinite, result.1.isFinite, result.0 < result.1 else { return nil }
        return result.0...result.1
    }

    /// A log10 extent (in decades) widened when degenerate and padded.
    private static func padded(logExtent extent: ClosedRange<Double>, padding: Double) -> ClosedRange<Double>? {
        var low = extent.lowerBound
        var high = extent.upperBound
        if high - low <= relativeResolution {
            low -= 1
            high += 1
        }
        let pad = (high - low) * padding
        let result = (low - pad, high + pad)
        guard result.0 > -300, result.1 < 300 else { return nil }
        return result.0...result.1
    }
}
