import ReportKit

/// Claim 2 of the source paper (docs/PROTOCOL.md §2 E2, Table 1): the lower λ, the lower the
/// final loss across activations (ReLU best).
///
/// Rule: reproduced iff the per-seed Spearman ρ between λ (the ranked series) and final loss,
/// pooled over the activations that can represent XOR (``RankingBreakdown``; over all
/// activations in files that predate it), is > 0 with p below the significance level, AND
/// among those activations the one with the lowest mean λ also has the lowest mean final
/// loss; partly if exactly one of the two holds (docs/PROTOCOL.md §2.10).
public struct RankingClaim: Sendable {
    /// Whether the pooled ρ is positive and significant.
    public let correlationHolds: Bool
    /// The activation with the lowest mean λ of the ranked series.
    public let lowestLambda: String?
    /// The activation with the lowest mean final loss.
    public let lowestLoss: String?
    /// The verdict by the rule above.
    public let verdict: Verdict
    /// The verdict of the same rule with every activation pooled, linear included (the rule as
    /// first stated), shown beside ``verdict``; equal to it in files without the breakdown.
    public let allActivationsVerdict: Verdict

    /// Applies the rule to `ranking`.
    public init(_ ranking: ActivationRanking, rules: VerdictRules) {
        let representing = ranking.breakdown.map { breakdown in
            ranking.activations.indices.filter { breakdown.representing.contains(ranking.activations[$0]) }
        }
        let decided = Self.decide(
            ranking, rho: ranking.breakdown?.representingSpearman ?? ranking.rankSpearman,
            pool: representing ?? Array(ranking.activations.indices), rules: rules)
        (correlationHolds, lowestLambda, lowestLoss, verdict) = decided
        allActivationsVerdict = Self.decide(ranking, rho: ranking.rankSpearman, pool: Array(ranking.activations.indices), rules: rules).verdict
    }

    /// The rule on the activations `pool` (indices) with the pooled correlation `rho`.
    static func decide(_ ranking: ActivationRanking, rho: CorrelationSummary, pool: [Int], rules: VerdictRules)
        -> (correlationHolds: Bool, lowestLambda: String?, lowestLoss: String?, verdict: Verdict)
    {
        let correlationHolds = rho.coefficient > 0 && rho.pValue < rules.significanceLevel
        let means = ranking.rankedMeans
        let lowestLambda = RankOrder.argmin(pool.map { means[$0] }).map { ranking.activations[pool[$0]] }
        let lowestLoss = RankOrder.argmin(pool.map { ranking.finalLossMean[$0] }).map { ranking.activations[pool[$0]] }
        let sameBest = lowestLambda != nil && lowestLambda == lowestLoss
        return (correlationHolds, lowestLambda, lowestLoss, Verdict.of(held: (correlationHolds ? 1 : 0) + (sameBest ? 1 : 0), total: 2))
    }

    /// Whether one activation has both the lowest λ and the lowest loss.
    public var sameActivationIsBest: Bool { lowestLambda != nil && lowestLambda == lowestLoss }
}
