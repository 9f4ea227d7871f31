import Statistics

/// The least-squares line of final loss on λ with its 95 % confidence band of the mean
/// (docs/PROTOCOL.md §2 E3, the source's Fig. 5), evaluated on evenly spaced λ values.
public struct LeastSquaresBand: Sendable, Equatable {
    /// Intercept, slope, slope standard error, r².
    public var fit: [Double]
    /// The λ grid.
    public var x: [Double]
    /// The fitted line on the grid.
    public var fitted: [Double]
    /// The lower end of the band.
    public var lower: [Double]
    /// The upper end of the band.
    public var upper: [Double]

    /// `points` evenly spaced values from the smallest to the largest of `values`; empty when there are none.
    public static func grid(_ values: [Double], points: Int) -> [Double] {
        guard let low = values.min(), let high = values.max() else { return [] }
        return (0..<points).map { low + (high - low) * Double($0) / Double(points - 1) }
    }

    /// The line through the finite pairs of `x` and `y` with its band at `points` grid
    /// values; NaN everywhere when no line can be fitted.
    public init(x: [Double], y: [Double], points: Int) {
        let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
        let grid = Self.grid(pairs.map(\.0), points: points)
        if let line = try? LinearFit(x: pairs.map(\.0), y: pairs.map(\.1)), let band = try? line.confidenceBand(at: grid) {
            fit = [line.intercept, line.slope, line.slopeStandardError, line.rSquared]
            self.x = band.map(\.x)
            fitted = band.map(\.fitted)
            lower = band.map(\.lower)
            upper = band.map(\.upper)
        } else {
            let missing = [Double](repeating: .nan, count: points)
            fit = [.nan, .nan, .nan, .nan]
            (self.x, fitted, lower, upper) = (missing, missing, missing, missing)
        }
    }
}
