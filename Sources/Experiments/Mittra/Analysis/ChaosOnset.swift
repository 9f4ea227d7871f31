import Foundation
import Statistics

/// The chaos onset of one λ curve over the learning-rate grid (docs/PROTOCOL.md §2 E1): the η at
/// which the lower end of the 95 % interval of the mean λ first exceeds the chaos
/// threshold, so that noise-level values around 0 do not count.
public enum ChaosOnset {
    /// How the onset was found (stored as `onset_kind`).
    public enum Kind: Int, Sendable, Equatable {
        /// The curve crosses zero upwards between two grid points.
        case crossing = 0
        /// The curve is positive already at the smallest η.
        case alwaysPositive = 1
        /// The curve is never positive on the grid.
        case neverPositive = 2
        /// The curve only crosses zero downwards.
        case onlyDownward = 3
    }

    /// The η at which `values` (sampled at the ascending, log-spaced `learningRates`) first
    /// turns positive, interpolated linearly in log10 η, with the kind of crossing; NaN η
    /// for every kind but ``Kind/crossing``. Non-finite values are skipped; fewer than two
    /// finite points count as never positive.
    public static func onset(learningRates: [Double], values: [Double]) -> (learningRate: Double, kind: Kind) {
        let points = zip(learningRates, values).filter { $0.1.isFinite }
        guard points.count >= 2, let crossing = try? SignChange.firstUpwardCrossing(x: points.map { log10($0.0) }, y: points.map(\.1))
        else { return (.nan, .neverPositive) }
        switch crossing {
        case .crossing(let x): return (pow(10, x), .crossing)
        case .alwaysPositive: return (.nan, .alwaysPositive)
        case .neverPositive: return (.nan, .neverPositive)
        case .onlyDownwardCrossings: return (.nan, .onlyDownward)
        }
    }

    /// The onset of the lower 95 % t bounds `tLow` against `threshold`.
    public static func onset(learningRates: [Double], tLow: [Double], threshold: Double) -> (learningRate: Double, kind: Kind) {
        onset(learningRates: learningRates, values: tLow.map { $0 - threshold })
    }
}
