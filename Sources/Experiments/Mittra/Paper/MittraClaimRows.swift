import ReportKit

/// The Mittra claims as rows of the paper's opening verdict table (``ReportKit/ClaimRow``): one
/// row per verdict key of ``ClaimsAssessment/verdicts``, each pointing at the claims table
/// (`tableref:mittra.claims`).
extension ClaimsAssessment {
    /// The three claims of the source, one sentence each, claim 1 first.
    public static let claimStatements = [
        "Large learning rates make training chaotic (λ > 0); ReLU may fall to λ = 0",
        "Across activations, a lower λ goes with a lower final loss (ReLU best)",
        "Initial weights with a more negative λ give a lower final loss",
    ]

    /// One row per verdict key: claim 1; claims 2 and 3 as decided (the first rule's verdict
    /// beside: the source code's setting with every activation counted, as first stated) and
    /// in the learning regime (the first rule's verdict beside: every activation counted).
    /// `source` is the citation (`sourceValues.citation`), shortened to its author and year.
    public func claimRows(source citation: String) -> [ClaimRow] {
        let source = citation.firstIndex(of: ")").map { String(citation[...$0]) } ?? citation
        let evidence = "tableref:" + MittraSection.TableName.claims
        let verdicts = self.verdicts
        var rows = [
            ClaimRow(
                id: Self.claimNames[0], source: source, claim: Self.claimStatements[0],
                regime: "E1: full-batch gradient descent over the learning-rate grid, late window",
                verdict: verdicts[Self.claimNames[0]] ?? Verdict.notTestable.rawValue, evidence: evidence)
        ]
        let perRegime: [(verdicts: [Verdict], first: [Verdict])] = [
            (rankingVerdicts, [ranking.allActivationsVerdict] + (learningRanking.map { [$0.allActivationsVerdict] } ?? [])),
            (initialWeightVerdicts, [initialWeights.allActivationsVerdict] + (learningInitialWeights.map { [$0.allActivationsVerdict] } ?? [])),
        ]
        for (claim, regimes) in perRegime.enumerated() {
            let name = Self.claimNames[claim + 1]
            let deciding = decidingRegime.map { "decided in \(Self.regimeNames[$0]), the first regime that can test it" }
                ?? "no regime can test it (the networks do not learn XOR)"
            rows.append(ClaimRow(
                id: name, source: source, claim: Self.claimStatements[claim + 1], regime: deciding,
                verdict: verdicts[name] ?? Verdict.notTestable.rawValue,
                firstRuleVerdict: regimes.first.first?.rawValue, evidence: evidence))
            if regimes.verdicts.count > 1 {
                let learning = Self.learningClaimNames[claim]
                rows.append(ClaimRow(
                    id: learning, source: source, claim: Self.claimStatements[claim + 1],
                    regime: "\(Self.regimeNames[1]) alone (\(regimeStatus(1)))",
                    verdict: verdicts[learning] ?? regimes.verdicts[1].rawValue,
                    firstRuleVerdict: regimes.first[1].rawValue, evidence: evidence))
            }
        }
        return rows
    }
}
