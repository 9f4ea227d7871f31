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

    /// One row per claim: claim 1; claims 2 and 3 as decided, in the regime that decides them
    /// (the first rule's verdict beside: the source code's setting with every activation
    /// counted, as first stated). The verdicts of the same claims in the learning regime
    /// (`mittra.claim2.learning`, `mittra.claim3.learning`) are reported by the claims table
    /// of the section; the rows name them in ``ReportKit/ClaimRow/covers``.
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
        let firstRule = [ranking.allActivationsVerdict, initialWeights.allActivationsVerdict]
        let learningRun = [learningRanking != nil, learningInitialWeights != nil]
        for claim in 0..<2 {
            let name = Self.claimNames[claim + 1]
            rows.append(ClaimRow(
                id: name, source: source, claim: Self.claimStatements[claim + 1], regime: decidingRegimeText,
                verdict: verdicts[name] ?? Verdict.notTestable.rawValue,
                firstRuleVerdict: firstRule[claim].rawValue, evidence: evidence,
                covers: learningRun[claim] ? [Self.learningClaimNames[claim]] : nil))
        }
        return rows
    }

    /// Where claims 2 and 3 are decided, in a few words: the deciding regime and why the
    /// ones before it cannot test them.
    var decidingRegimeText: String {
        guard let decidingRegime else {
            return "no regime can test it (the networks do not learn XOR)"
        }
        let earlier = Self.regimeNames[..<decidingRegime]
        return earlier.isEmpty
            ? Self.regimeNames[decidingRegime]
            : "\(Self.regimeNames[decidingRegime]) (\(PaperText.list(Array(earlier))) cannot test it: its networks do not learn XOR)"
    }
}
