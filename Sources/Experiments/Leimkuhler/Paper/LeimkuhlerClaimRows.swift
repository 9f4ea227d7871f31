import ReportKit

/// The five E5 claims as rows of the paper's opening verdict table (``ReportKit/ClaimRow``):
/// one row per verdict key `leimkuhler.claim1`–`5`, each pointing at the claims table
/// (`tableref:leimkuhler.claims`), with the old rules' verdicts of claims 1 and 3 beside.
extension LeimkuhlerSection {
    /// The five claims of the source, one sentence each, claim 1 first.
    static let claimStatements = [
        "AdLaLa trains faster than SGD and Adam",
        "AdLaLa reaches a higher test accuracy than SGD and Adam",
        "AdLaLa is more robust (less spread over seeds) than SGD and Adam",
        "The thermostats hold every layer at its target temperature (equipartition)",
        "AdLaLa overfits less than SGD and Adam",
    ]

    /// The rows of the five claims of ``amendedClaims(_:thresholds:aggregate:)`` on `r`: the
    /// amended verdicts, the old rules' verdicts of claims 1 and 3 beside them (claims 4 and 5
    /// had no rule before the amendment); `citation` is shortened to its authors and year.
    static func claimRows(
        _ r: LeimkuhlerResults, claims: (values: [String: String], verdicts: [String: String], tables: [String: PaperTable]), citation: String
    ) -> [ClaimRow] {
        let source = citation.firstIndex(of: ")").map { String(citation[...$0]) } ?? citation
        let regime = "two spirals, \(ReportNumber.exact(r.epochs.last ?? .nan)) epochs, \(r.seedCount) seeds; "
            + "AdLaLa against SGD and Adam at their best rates"
        return claimStatements.enumerated().map { i, claim in
            let key = "leimkuhler.claim\(i + 1)"
            return ClaimRow(
                id: key, source: source, claim: claim, regime: regime, verdict: claims.verdicts[key] ?? "not tested",
                firstRuleVerdict: claims.values[key + ".old.verdict"], evidence: "tableref:leimkuhler.claims")
        }
    }
}
