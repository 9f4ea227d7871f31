import Statistics

/// The median and quartiles of one η's λ over initialisations (docs/PROTOCOL.md §3, Outputs:
/// "λ(η) with the median and IQR over initialisations"), from the accepted estimates
/// only, with the rejected ones counted rather than hidden.
public struct SpreadOverInitialisations: Sendable, Equatable {
    /// Estimates that entered (accepted fits, finite).
    public let count: Int
    /// The median (Hyndman–Fan type 7, ``Quantiles``); NaN when `count` is 0.
    public let median: Double
    /// Q(0.25); NaN when `count` is 0.
    public let lowerQuartile: Double
    /// Q(0.75); NaN when `count` is 0.
    public let upperQuartile: Double

    /// The spread of the non-`nil`, finite entries of `values`.
    public init(_ values: [Double?]) {
        let accepted = values.compactMap { $0 }.filter(\.isFinite)
        count = accepted.count
        func quantile(_ p: Double) -> Double { (try? Quantiles.quantile(accepted, p)) ?? .nan }
        median = accepted.isEmpty ? .nan : quantile(0.5)
        lowerQuartile = accepted.isEmpty ? .nan : quantile(0.25)
        upperQuartile = accepted.isEmpty ? .nan : quantile(0.75)
    }
}
