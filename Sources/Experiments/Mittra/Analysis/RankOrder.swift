import Statistics

/// Ranks and the rank correlation of a handful of values (the three or four activations
/// of a table), for statements about the direction of a claim; the arithmetic is the
/// Statistics module's (ties share the mean rank).
public enum RankOrder {
    /// The rank of each value, 1 for the smallest; tied values get their mean rank.
    public static func ranks(_ values: [Double]) -> [Double] {
        (try? Ranking.averageRanks(values)) ?? values.map { _ in .nan }
    }

    /// Spearman's ρ of `x` and `y`; NaN when either is constant or there are fewer than two pairs.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count == y.count, x.count >= 2 else { return .nan }
        return CorrelationMethod.spearman.coefficient(x, y)
    }

    /// The index of the smallest finite value; nil when there is none.
    public static func argmin(_ values: [Double]) -> Int? {
        values.indices.filter { values[$0].isFinite }.min { values[$0] < values[$1] }
    }
}
