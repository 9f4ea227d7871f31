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
    /// The regimes of claims 2 and 3 in the order they are reported and tried by ``RegimeTest``.
    public static let regimeNames = ["the source code's setting", "the learning regime"]
    /// Whether each regime of ``regimeNames`` that was run can test claims 2 and 3 (``RegimeTest``).
    public let regimeCanTest: [Bool]
    /// The index in ``regimeNames`` of the regime that decides claims 2 and 3; nil when none can.
    public let decidingRegime: Int?
    /// λ per step above which a seed can be chaotic (from aggregate.h5).
    let chaosThreshold: Double
    /// The thresholds in force.
    public let rules: VerdictRules

    /// Decides the three claims on `results`. Which activations cannot represent XOR is read
    /// from the aggregate (``RankingBreakdown/representing``) when it records it.
    public init(_ results: MittraResults, options: FigureOptions, rules: VerdictRules) throws {
        var rules = rules
        if let breakdown = results.ranking.breakdown {
            rules.regimeTest.cannotRepresent = results.ranking.activations.filter { !breakdown.representing.contains($0) }
        }
        chaos = try ChaosClaim(results.sweep, options: options, rules: rules)
        chaosThreshold = results.sweep.chaosThreshold
        ranking = RankingClaim(results.ranking, rules: rules)
        initialWeights = InitialWeightClaim(results.initialWeights, rules: rules)
        learningRanking = results.learningRanking.map { RankingClaim($0, rules: rules) }
        learningInitialWeights = results.learningInitialWeights.map { InitialWeightClaim($0, rules: rules) }
        self.rules = rules
        regimeCanTest = ([results.ranking] + (results.learningRanking.map { [$0] } ?? [])).map {
            rules.regimeTest.canTest(activations: $0.activations, learnedFraction: $0.learnedFraction)
        }
        decidingRegime = RegimeTest.decidingRegime(canTest: regimeCanTest)
    }

    /// Claim 2's verdict in each regime that was run, in ``regimeNames`` order.
    public var rankingVerdicts: [Verdict] { [ranking.verdict] + (learningRanking.map { [$0.verdict] } ?? []) }
    /// Claim 3's verdict in each regime that was run, in ``regimeNames`` order.
    public var initialWeightVerdicts: [Verdict] { [initialWeights.verdict] + (learningInitialWeights.map { [$0.verdict] } ?? []) }

    /// The verdict of claims 2 or 3 (`verdicts` per regime) in the regime that can test them.
    func decided(_ verdicts: [Verdict]) -> Verdict {
        guard let decidingRegime, decidingRegime < verdicts.count else { return .notTestable }
        return verdicts[decidingRegime]
    }

    /// The verdicts in claim order; claims 2 and 3 from the regime that can test them.
    public var verdictList: [Verdict] { [chaos.verdict, decided(rankingVerdicts), decided(initialWeightVerdicts)] }

    /// The amendment's rule in words, with the thresholds in force.
    public var regimeRule: String {
        let test = rules.regimeTest
        return "A regime can test claims 2 and 3 iff, for every activation that can represent XOR (all but "
            + "\(PaperText.list(test.cannotRepresent))), at least a fraction \(ReportNumber.exact(test.minimumLearnedFraction)) "
            + "of the starts reach a test accuracy of \(ReportNumber.exact(ActivationRanking.learnedAccuracy)). The verdict comes "
            + "from the first regime that can (the source code's setting first, then the learning regime); the verdict of a "
            + "regime that cannot is shown beside it, labelled, and does not count. We made this amendment after the first "
            + "verdicts were read, because at the source code's setting no network learns XOR."
    }

    /// "decides the verdict" or "cannot test the claim" for regime `index`.
    public func regimeStatus(_ index: Int) -> String {
        if index == decidingRegime { return "decides the verdict" }
        return regimeCanTest.indices.contains(index) && regimeCanTest[index]
            ? "can test claims 2 and 3; an earlier regime decides" : "cannot test claims 2 and 3, as the networks do not learn XOR"
    }

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
                + "one; partly iff some do. For ReLU we word the late-window interval at the largest η against λ = 0: consistent "
                + "with λ = 0 only if it contains 0 and lies within ±\(ReportNumber.exact(chaosThreshold)); an interval that "
                + "contains 0 but reaches beyond does not exclude a nonzero λ and is called wide. "
                + "An alternative rule is reported beside it and never decides: a cell is chaotic when the 95 % t "
                + "interval of its mean late λ lies above 0 and at least a fraction \(ReportNumber.exact(rules.chaoticFraction)) "
                + "of its seeds have a late λ above the threshold with a loss not lower at the window's end than at its start "
                + "(\"still falling\" from two end points); it gives \(chaos.firstRunVerdict.rawValue)."
        case 2:
            return "In the regime that can test it (amendment below): reproduced iff the Spearman ρ between per-seed λ and final loss, pooled over the activations "
                + "that can represent XOR (all but \(PaperText.list(rules.regimeTest.cannotRepresent))), is > 0 "
                + "with p < \(alpha), and among them the activation with the lowest mean λ also has the lowest mean final loss; "
                + "partly iff exactly one of the two holds."
        default:
            return "In the regime that can test it (amendment below): for each activation that can represent XOR (all but "
                + "\(PaperText.list(rules.regimeTest.cannotRepresent))), the Pearson r between λ and final loss over the starts whose "
                + "initial loss lies in the inter-quartile range is > 0 with p < \(alpha). Reproduced iff this holds for every "
                + "such activation; partly iff for some. The rule as first stated counted every activation, linear included; "
                + "leaving out the activations that cannot represent XOR, as for claim 2, was stated before the per-activation "
                + "numbers were read with it, and the first rule's verdict is shown beside it."
        }
    }

    /// `verdict` as the table prints it for `regime`: bracketed when that regime does not decide.
    func regimeVerdict(_ verdict: Verdict, regime: Int) -> String {
        regime == decidingRegime ? verdict.rawValue : "(\(verdict.rawValue))"
    }

    func table(_ results: MittraResults, aggregate: AggregateFile) -> PaperTable {
        // The group of aggregate.h5 each row's evidence is computed from, row by row.
        var groups = [LearningRateSweep.groupName, ActivationRanking.groupName]
        if learningRanking != nil, results.learningRanking != nil { groups.append(ActivationRanking.learningGroupName) }
        groups.append(InitialWeightStudy.groupName)
        if learningInitialWeights != nil, results.learningInitialWeights != nil { groups.append(InitialWeightStudy.learningGroupName) }
        var rows = [
            ["1. \(Self.claimStatements[0])",
             chaos.evidence(results.sweep), chaos.verdict.rawValue],
            ["2. \(Self.claimStatements[1]); \(Self.regimeNames[0]): \(regimeStatus(0))",
             ranking.evidence(results.ranking), regimeVerdict(ranking.verdict, regime: 0)],
        ]
        if let learningRanking, let ranking = results.learningRanking {
            rows.append(["2. The same; \(Self.regimeNames[1]): \(regimeStatus(1))", learningRanking.evidence(ranking),
                         regimeVerdict(learningRanking.verdict, regime: 1)])
        }
        rows.append(["3. \(Self.claimStatements[2]); \(Self.regimeNames[0]): \(regimeStatus(0))",
                     initialWeights.evidence(results.initialWeights), regimeVerdict(initialWeights.verdict, regime: 0)])
        if let learningInitialWeights, let study = results.learningInitialWeights {
            rows.append(["3. The same; \(Self.regimeNames[1]): \(regimeStatus(1))", learningInitialWeights.evidence(study),
                         regimeVerdict(learningInitialWeights.verdict, regime: 1)])
        }
        var table = PaperTable(
            caption: "The source paper's three claims, our evidence by the rule of each (stated in the Methods) and the verdict. Claims 2 "
                + "and 3 are decided in the regime that can test them (the amendment of the Methods: the networks must learn XOR); "
                + "a verdict in brackets comes from a regime that does not decide the claim and is shown for comparison.",
            table: MarkdownTable(header: ["claim (source)", "our evidence", "verdict"], rows: rows),
            sources: [aggregate.source(LearningRateSweep.groupName, ActivationRanking.groupName, InitialWeightStudy.groupName)])
        for (row, group) in zip(rows.indices, groups) {
            table.linkCell(row: row, column: 1, to: .computed(aggregate.source(group)))
        }
        return table
    }
}
