/// Ranks with ties, as used by Spearman's ρ.
public enum Ranking {
    /// The 1-based ranks of `values`, tied values sharing the mean of the ranks they span
    /// (scipy.stats.rankdata's default `method="average"`). Values must be finite.
    ///
    /// Ties are detected by exact equality after a stable sort by value.
    public static func averageRanks(_ values: [Double]) throws(StatisticsError) -> [Double] {
        try InputValidation.requireFinite(values, quantity: "average ranks")
        return uncheckedAverageRanks(values)
    }

    static func uncheckedAverageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            // Positions start..<end (0-based) hold ranks start+1 … end; their mean:
            let rank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = rank }
            start = end
        }
        return ranks
    }
}
