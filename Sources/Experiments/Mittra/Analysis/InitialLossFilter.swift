import Statistics

/// The source paper's filter for its Fig. 5 (docs/PROTOCOL.md §2 E3): keep the starts whose
/// initial loss lies in the inter-quartile range [q25, q75] of that activation's initial
/// losses (quartiles of R type 7, over the finite values).
public enum InitialLossFilter {
    /// `[q25, q75]` of the finite `initialLosses`; NaN bounds for fewer than two.
    public static func bounds(_ initialLosses: [Double]) throws -> [Double] {
        let finite = initialLosses.filter(\.isFinite)
        return finite.count >= 2 ? try Quantiles.quantiles(finite, [0.25, 0.75]) : [.nan, .nan]
    }

    /// For each start, whether its initial loss lies within `bounds` (inclusive).
    public static func keep(_ initialLosses: [Double], bounds: [Double]) -> [Bool] {
        initialLosses.map { $0 >= bounds[0] && $0 <= bounds[1] }
    }
}
