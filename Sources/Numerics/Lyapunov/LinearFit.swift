/// An ordinary least-squares line `y ≈ intercept + slope · t` over integer steps.
public struct LinearFit: Sendable, Equatable, Codable {
    /// The fitted slope (per step).
    public var slope: Double
    /// The fitted value at `t = 0`.
    public var intercept: Double
    /// The coefficient of determination `1 − SS_res / SS_tot`; 1 for a constant series.
    public var rSquared: Double

    /// A line with the given coefficients.
    public init(slope: Double, intercept: Double, rSquared: Double) {
        self.slope = slope
        self.intercept = intercept
        self.rSquared = rSquared
    }

    /// Incremental (Welford-style) sums of a growing series `(t, y)`, so that the fit
    /// of every prefix costs O(1) and stays accurate for long series.
    struct Accumulator {
        private(set) var count = 0
        private var meanT = 0.0
        private var meanY = 0.0
        private var squaresT = 0.0
        private var squaresY = 0.0
        private var coproduct = 0.0

        /// Adds the point `(t, y)`.
        mutating func add(t: Double, y: Double) {
            count += 1
            let n = Double(count)
            let deltaT = t - meanT
            let deltaY = y - meanY
            meanT += deltaT / n
            meanY += deltaY / n
            squaresT += deltaT * (t - meanT)
            squaresY += deltaY * (y - meanY)
            coproduct += deltaT * (y - meanY)
        }

        /// The fit of the points added so far (at least two distinct `t`).
        var fit: LinearFit {
            let slope = squaresT > 0 ? coproduct / squaresT : 0
            let residual = max(squaresY - slope * coproduct, 0)
            let rSquared = squaresY > 0 ? 1 - residual / squaresY : 1
            return LinearFit(slope: slope, intercept: meanY - slope * meanT, rSquared: rSquared)
        }
    }
}
