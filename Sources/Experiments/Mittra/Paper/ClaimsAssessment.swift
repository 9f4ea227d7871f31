import ReportKit

/// The three claims of the source paper, the rule that decides each (stated in words with
/// the thresholds in force), the evidence and the verdict (docs/PROTOCOL.md §2; §5: "every
/// verdict is stated plainly"). The claims are named `mittra.claim1` … `mittra.claim3`.
public struct ClaimsAssessment: Sendable {
    /// The claims' names, claim 1 first.
    public static let claimNames = ["mittra.claim1", "mittra.claim2", "mittra.claim3"]

    /// Claim 1.
    public let chaos: ChaosClaim
    /// Claim 2.
    public let ranking: RankingClaim
    /// Claim 3.
    public let initialWeights: InitialWeightClaim
    /// Claim 2 in the learning regime, if it was run.
    public let learningRanking: RankingClaim?
    /// Claim 3 in the learning regime, if it was run.
    public let learningInitialWeights: InitialWeightClaim?
    /// The names of the claims 2 and 3 verdicts in the learning regime.
    public static let learningClaimNames = ["mittra.claim2.learning", "mittra.claim3.learning"]
    /// λ per step above which a seed can be chaotic (from aggregate.h5).
    let chaosThreshold: Double
    /// The thresholds in force.
    public let rules: VerdictRules

    /// Decides the three claims on `results`.
    public init(_ results: MittraResults, options: FigureOptions, rules: VerdictRules) throws {
        chaos = try ChaosClaim(results.sweep, options: options, rules: rules)
        chaosThreshold = results.sweep.chaosThreshold
        ranking = RankingClaim(results.ranking, rules: rules)
        initialWeights = InitialWeightClaim(results.initialWeights, rules: rules)
        learningRanking = results.learningRanking.map { RankingClaim($0, rules: rules) }
        learningInitialWeights = results.learningInitialWeights.map { InitialWeightClaim($0, rules: rules) }
        self.rules = rules
    }

    /// The verdicts in claim order.
    public var verdictList: [Verdict] { [chaos.verdict, ranking.verdict, initialWeights.verdict] }

    /// Claim name → verdict text.
    public var verdicts: [String: String] {
        var verdicts = Dictionary(uniqueKeysWithValues: zip(Self.claimNames, verdictList.map(\.rawValue)))
        if let learningRanking { verdicts[Self.learningClaimNames[0]] = learningRanking.verdict.rawValue }
        if let learningInitialWeights { verdicts[Self.learningClaimNames[1]] = learningInitialWeights.verdict.rawValue }
        return verdicts
    }

    /// The rule of each claim in words, with the thresholds in force.
    public func rule(_ claim: Int) -> String {
        let alpha = ReportNumber.exact(rules.significanceLevel)
        switch claim {
        case 1:
            return "A seed is chaotic when its late-window λ exceeds \(ReportNumber.exact(chaosThreshold)) nats/step and "
                + "its loss is not still falling by the trend test of the Methods. An activation has a chaotic regime iff for "
                + "some network width and η the lower end of the 95 % Wilson interval of the fraction of chaotic seeds exceeds "
                + "\(ReportNumber.exact(rules.chaoticFractionLowerBound)). Reproduced iff every activation other than ReLU has "
                + "one; partly iff some do. For ReLU we check whether the late-window interval at the largest η contains 0. "
                + "The first run's rule (the 95 % t interval of the mean late λ above 0, at least a fraction "
                + "\(ReportNumber.exact(rules.chaoticFraction)) of seeds chaotic, and \"still falling\" from two end points) "
                + "is kept for comparison: it gives \(chaos.firstRunVerdict.rawValue)."
        case 2:
            return "Reproduced iff the Spearman ρ between per-seed λ and final loss, pooled over activations, is > 0 "
                + "with p < \(alpha), and the activation with the lowest mean λ also has the lowest mean final loss; "
                + "partly iff exactly one of the two holds."
        default:
            return "For each activation: the Pearson r between λ and final loss over the starts whose initial loss lies "
                + "in the inter-quartile range is > 0 with p < \(alpha). Reproduced iff this holds for every "
                + "activation; partly iff for some."
        }
    }

    func table(_ results: MittraResults, aggregate: AggregateFile) -> PaperTable {
        var rows = [
            ["1. Large η makes training chaotic (λ > 0); ReLU may fall to λ = 0", rule(1),
             chaos.evidence(results.sweep), chaos.verdict.rawValue],
            ["2. Lower λ goes with lower final loss across activations (ReLU best); the paper code's setting", rule(2),
             ranking.evidence(results.ranking), ranking.verdict.rawValue],
            ["3. Initial weights with more negative λ give lower final loss; the paper code's setting", rule(3),
             initialWeights.evidence(results.initialWeights), initialWeights.verdict.rawValue],
        ]
        if let learningRanking, let ranking = results.learningRanking {
            rows.append(["2. The same, in the learning regime", rule(2), learningRanking.evidence(ranking), learningRanking.verdict.rawValue])
        }
        if let learningInitialWeights, let study = results.learningInitialWeights {
            rows.append(["3. The same, in the learning regime", rule(3), learningInitialWeights.evidence(study), learningInitialWeights.verdict.rawValue])
        }
        return PaperTable(
            caption: "The source paper's three claims, the rule by which we decide each, our evidence and the verdict.",
            table: MarkdownTable(header: ["claim (source)", "rule", "our evidence", "verdict"], rows: rows),
            sources: [aggregate.source(LearningRateSweep.groupName, ActivationRanking.groupName, InitialWeightStudy.groupName)])
    }
}
