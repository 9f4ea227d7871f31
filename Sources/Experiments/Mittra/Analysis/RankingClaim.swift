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

    /// Applies the rule to `ranking`.
    public init(_ ranking: ActivationRanking, rules: VerdictRules) {
        let rho = ranking.breakdown?.representingSpearman ?? ranking.rankSpearman
        correlationHolds = rho.coefficient > 0 && rho.pValue < rules.significanceLevel
        let pool = ranking.activations.indices.filter { ranking.breakdown?.representing.contains(ranking.activations[$0]) ?? true }
        let means = ranking.rankedMeans
        lowestLambda = RankOrder.argmin(pool.map { means[$0] }).map { ranking.activations[pool[$0]] }
        lowestLoss = RankOrder.argmin(pool.map { ranking.finalLossMean[$0] }).map { ranking.activations[pool[$0]] }
        let sameBest = lowestLambda != nil && lowestLambda == lowestLoss
        verdict = Verdict.of(held: (correlationHolds ? 1 : 0) + (sameBest ? 1 : 0), total: 2)
    }

    /// Whether one activation has both the lowest λ and the lowest loss.
    public var sameActivationIsBest: Bool { lowestLambda != nil && lowestLambda == lowestLoss }
}
