/// The paper's opening verdict table: every claim of the source papers, one row per
/// ``ClaimRow`` of every section bundle (one per claim), in section order, and the counts
/// the abstract and conclusion print (`{{claims.…}}`: counts of claims, not of regimes).
///
/// A bundle without `claims` (or whose rows leave a verdict out) still shows each of its
/// `verdicts`: one row per missing verdict key, with the key in the claim column, "—" for
/// regime and evidence, so the table never drops a verdict and never fails for want of rows.
public enum ClaimTable {
    /// The name of the table (`{{table:claims}}`).
    public static let name = "claims"

    /// The rows of `bundles`, in the given order.
    public static func rows(_ bundles: [SectionBundle]) -> [ClaimRow] {
        bundles.flatMap { bundle -> [ClaimRow] in
            let given = bundle.claims ?? []
            let covered = Set(given.flatMap { [$0.id] + ($0.covers ?? []) })
            let missing = bundle.verdicts.keys.sorted().filter { !covered.contains($0) }.map { key in
                ClaimRow(
                    id: key, source: bundle.section, claim: "`\(key)` (the section gives no claim row)", regime: "—",
                    verdict: bundle.verdicts[key] ?? "", evidence: "")
            }
            return given + missing
        }
    }

    /// The table of `rows`: source, claim, regime, our verdict, the first rule's verdict
    /// where the rule was amended, and the evidence (its numbering placeholder, resolved
    /// to a numbered label when the paper is filled).
    public static func table(_ rows: [ClaimRow]) -> PaperTable {
        let cells = rows.map { row in
            [row.source, row.claim, row.regime, "**\(row.verdict)**", row.firstRuleVerdict ?? "—",
             row.evidence.isEmpty ? "—" : "{{\(row.evidence)}}"]
        }
        return PaperTable(
            caption: "Every claim of the three source papers and our verdict on it, decided by the rule that the section "
                + "states before its results. Where a rule was amended after the first run, the first rule's verdict stands "
                + "beside the amended one. The evidence column names the table or figure that decides the claim.",
            table: MarkdownTable(header: ["source", "claim", "regime", "our verdict", "first rule's verdict", "evidence"], rows: cells),
            sources: [])
    }

    /// `claims.total`, `claims.reproduced`, `claims.partly-reproduced`, `claims.not-reproduced`
    /// (counts of rows with exactly that verdict) and `claims.summary` (every verdict with
    /// its count, most frequent first, e.g. "4 reproduced, 2 partly reproduced and 7 not
    /// reproduced").
    /// `claims.by-source` gives the summary per source, in the order of the rows ("Mittra
    /// (2024): 5 not reproduced; …").
    public static func values(_ rows: [ClaimRow]) -> [String: String] {
        var counts: [String: Int] = [:]
        for row in rows { counts[row.verdict, default: 0] += 1 }
        var sources: [String] = []
        for row in rows where !sources.contains(row.source) { sources.append(row.source) }
        return [
            "claims.total": ReportNumber.count(rows.count),
            "claims.reproduced": ReportNumber.count(counts["reproduced"] ?? 0),
            "claims.partly-reproduced": ReportNumber.count(counts["partly reproduced"] ?? 0),
            "claims.not-reproduced": ReportNumber.count(counts["not reproduced"] ?? 0),
            "claims.summary": summary(rows),
            "claims.by-source": sources.isEmpty ? "none"
                : sources.map { source in "\(source): " + summary(rows.filter { $0.source == source }) }.joined(separator: "; "),
        ]
    }

    /// Each verdict of `rows` with its count, most frequent first (ties by name).
    private static func summary(_ rows: [ClaimRow]) -> String {
        var counts: [String: Int] = [:]
        for row in rows { counts[row.verdict, default: 0] += 1 }
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return PaperText.list(ordered.map { "\(ReportNumber.count($0.value)) \($0.key)" })
    }
}
