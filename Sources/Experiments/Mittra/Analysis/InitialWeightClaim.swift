import ReportKit

/// Claim 3 of the source paper (docs/PROTOCOL.md §2 E3, Fig. 5): choosing initial weights
/// with more negative λ gives a lower final loss.
///
/// Rule: reproduced for an activation iff the Pearson r between λ and final loss over
/// the starts whose initial loss lies in the IQR is > 0 with p below the significance
/// level; the claim is reproduced iff it holds for every activation, partly iff for some.
public struct InitialWeightClaim: Sendable {
    /// Whether the rule holds, per activation in file order.
    public let holds: [Bool]
    /// The verdict by the rule above.
    public let verdict: Verdict

    /// Applies the rule to `study`.
    public init(_ study: InitialWeightStudy, rules: VerdictRules) {
        holds = study.activations.indices.map { a in
            let r = study.pearson(activation: a, filter: InitialWeightStudy.iqrFiltered)
            return r.coefficient > 0 && r.pValue < rules.significanceLevel
        }
        verdict = Verdict.of(held: holds.filter { $0 }.count, total: holds.count)
    }
}
