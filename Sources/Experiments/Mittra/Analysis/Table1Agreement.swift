/// The row rule of the comparison with the source's Table 1 (docs/PROTOCOL.md §2 E2): a row
/// agrees iff the sign of our mean λ is the source's and is certain (the 95 % interval
/// excludes 0), and our ranks of λ and of final loss among the activations both tables
/// share equal the source's ranks.
public enum Table1Agreement {
    /// One way a row can differ.
    public enum Difference: String, Sendable, Equatable {
        /// Our interval does not lie on the side of 0 of the quoted λ.
        case sign = "sign of λ"
        /// The rank of λ differs.
        case lambdaRank = "rank of λ"
        /// The rank of the final loss differs.
        case lossRank = "rank of loss"
    }

    /// The differences of one row, empty when it agrees. `interval` is our 95 % interval
    /// of the mean λ; ranks are (λ, loss), 1 = lowest.
    public static func differences(
        quotedLambda: Double, interval: (low: Double, high: Double), sourceRanks: (lambda: Double, loss: Double),
        ourRanks: (lambda: Double, loss: Double)
    ) -> [Difference] {
        let signAgrees = quotedLambda < 0 ? interval.high < 0 : quotedLambda > 0 && interval.low > 0
        var differences: [Difference] = []
        if !signAgrees { differences.append(.sign) }
        if sourceRanks.lambda != ourRanks.lambda { differences.append(.lambdaRank) }
        if sourceRanks.loss != ourRanks.loss { differences.append(.lossRank) }
        return differences
    }
}
