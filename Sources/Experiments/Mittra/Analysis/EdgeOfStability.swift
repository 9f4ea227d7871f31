import Foundation

/// Where η × sharpness reaches the stability limit of gradient descent (docs/PROTOCOL.md §5:
/// GD on a quadratic is stable iff η·S < 2), to set the chaos onset beside it.
public enum EdgeOfStability {
    /// The first η at which `values` (over the ascending `rates`) reaches `limit`, by
    /// linear interpolation of the value in log η between the two grid points around the
    /// crossing; the smallest η when the first finite value already reaches it; NaN when
    /// it never does.
    public static func firstCrossing(_ values: [Double], _ rates: [Double], limit: Double) -> Double {
        guard let first = values.firstIndex(where: { $0.isFinite }) else { return .nan }
        if values[first] >= limit { return rates[first] }
        var previous = first
        for index in (first + 1)..<values.count where values[index].isFinite {
            if values[index] >= limit {
                let fraction = (limit - values[previous]) / (values[index] - values[previous])
                let logRate = log10(rates[previous]) + fraction * (log10(rates[index]) - log10(rates[previous]))
                return pow(10, logRate)
            }
            previous = index
        }
        return .nan
    }
}
