import ReportKit

/// Claim 3 of the source paper (docs/PROTOCOL.md §2 E3, Fig. 5): choosing initial weights
/// with more negative λ gives a lower final loss.
///
/// Rule: the rule holds for an activation iff the Pearson r between λ and final loss over
/// the starts whose initial loss lies in the IQR is > 0 with p below the significance
/// level. The claim is reproduced iff it holds for every activation that can represent XOR
/// (all but ``RegimeTest/cannotRepresent``: a linear network cannot learn XOR, so its final
/// loss says nothing about choosing weights that learn better), partly iff for some
/// (docs/PROTOCOL.md §2.10, as for claim 2). The verdict with every activation counted, linear
/// included (the rule as first stated), is kept beside it as ``allActivationsVerdict``.
public struct InitialWeightClaim: Sendable {
    /// Whether the rule holds, per activation in file order (linear included).
    public let holds: [Bool]
    /// The activations the verdict counts, in file order: those that can represent XOR.
    public let representing: [String]
    /// The verdict by the rule above, over ``representing``.
    public let verdict: Verdict
    /// The verdict of the same rule with every activation counted, linear included (the rule
    /// as first stated), shown beside ``verdict``.
    public let allActivationsVerdict: Verdict

    /// Applies the rule to `study`; `rules.regimeTest.cannotRepresent` names the activations left out.
    public init(_ study: InitialWeightStudy, rules: VerdictRules) {
        let holds = study.activations.indices.map { a in
            let r = study.pearson(activation: a, filter: InitialWeightStudy.iqrFiltered)
            return r.coefficient > 0 && r.pValue < rules.significanceLevel
        }
        self.holds = holds
        let representing = rules.regimeTest.representing(study.activations)
        self.representing = representing
        let counted = study.activations.indices.filter { representing.contains(study.activations[$0]) }
        verdict = Verdict.of(held: counted.filter { holds[$0] }.count, total: counted.count)
        allActivationsVerdict = Verdict.of(held: holds.filter { $0 }.count, total: holds.count)
    }
}
