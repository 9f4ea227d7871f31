import ReportKit

/// Claim 2 of the source paper (SCIENCE.md §2 E2, Table 1): the lower λ, the lower the
/// final loss across activations (ReLU best).
///
/// Rule: reproduced iff the per-seed Spearman ρ between λ (the ranked series) and final loss,
/// pooled over activations, is > 0 with p below the significance level, AND the
/// activation with the lowest mean λ also has the lowest mean final loss; partly if
/// exactly one of the two holds.
public struct RankingClaim: Sendable {
    public let correlationHolds: Bool
    public let lowestLambda: String?
    public let lowestLoss: String?
    public let verdict: Verdict

    public init(_ ranking: ActivationRanking, rules: VerdictRules) {
        let rho = ranking.rankSpearman
        correlationHolds = rho.coefficient > 0 && rho.pValue < rules.significanceLevel
        let means = ranking.rankedMeans
        lowestLambda = RankOrder.argmin(means).map { ranking.activations[$0] }
        lowestLoss = RankOrder.argmin(ranking.finalLossMean).map { ranking.activations[$0] }
        let sameBest = lowestLambda != nil && lowestLambda == lowestLoss
        verdict = Verdict.of(held: (correlationHolds ? 1 : 0) + (sameBest ? 1 : 0), total: 2)
    }

    public var sameActivationIsBest: Bool { lowestLambda != nil && lowestLambda == lowestLoss }
}
