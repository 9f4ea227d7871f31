import ReportKit
import Provenance

/// The `source.*` placeholders: every scalar of the `sourceValues` parameter, quoted
/// with the digits given, and statements computed from the quoted numbers (the
/// direction of the λ–loss relation in the arXiv table and in the earlier draft).
enum SourceStatements {
    /// The statements this type computes, each with the `sourceValues` member (dotted path,
    /// empty for the whole parameter) holding the quoted numbers it is computed from: the
    /// key a reader's link names, since the statement itself is no key of pipeline.json.
    static let quotedBasis: [String: String] = [
        "source.table1.direction": "table1",
        "source.draft.direction": "draft",
        "source.versions-agree": "",
        "source.fig5Code.verdict": "fig5Code",
    ]

    static func values(_ source: SourceValues, rules: VerdictRules) -> [String: String] {
        var values: [String: String] = [:]
        for leaf in ParameterListing.leaves(source.raw) {
            switch leaf.value {
            case .double(let number): values["source.\(leaf.path)"] = ReportNumber.quoted(number)
            default: values["source.\(leaf.path)"] = ParameterListing.text(leaf.value)
            }
        }
        values["source.table1.direction"] = direction(source.table1)
        values["source.draft.direction"] = direction(source.draft)
        let arxiv = RankOrder.spearman(source.table1.map(\.reported.lambda), source.table1.map(\.reported.loss))
        let draft = RankOrder.spearman(source.draft.map(\.reported.lambda), source.draft.map(\.reported.loss))
        values["source.versions-agree"] = arxiv.isFinite && draft.isFinite && (arxiv > 0) == (draft > 0)
            ? "point the same way" : "point in opposite directions"
        let holds = source.fig5Code.r > 0 && source.fig5Code.p < rules.significanceLevel
        values["source.fig5Code.verdict"] = holds
            ? "would count as holding by our rule" : "would not count as holding by our rule (p ≥ \(ReportNumber.exact(rules.significanceLevel)))"
        return values
    }

    /// Which way λ and loss go together in a quoted table, with the rank correlation.
    static func direction(_ table: [(activation: String, reported: SourceValues.Reported)]) -> String {
        let byLambda = table.sorted { $0.reported.lambda < $1.reported.lambda }.map(\.activation)
        let rho = RankOrder.spearman(table.map(\.reported.lambda), table.map(\.reported.loss))
        let relation: String
        if rho > 0 {
            relation = "the lower λ goes with the lower final loss"
        } else if rho < 0 {
            relation = "the higher (less negative) λ goes with the lower final loss"
        } else {
            relation = "λ and final loss have no monotone relation"
        }
        return "\(relation) (rank correlation \(ReportNumber.significant(rho)) over \(PaperText.list(byLambda)), "
            + "ordered by increasing λ)"
    }
}
