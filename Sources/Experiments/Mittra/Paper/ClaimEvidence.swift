import ReportKit

// The evidence sentences of the claims table and the verdict list: what each rule found,
// with the numbers it was decided on.

extension ChaosClaim {
    /// One sentence per activation: where the chaotic cells are.
    public func evidence(_ sweep: LearningRateSweep) -> String {
        let sentences = findings.map { finding -> String in
            guard finding.isChaotic else {
                return "\(finding.activation): no chaotic cell (largest chaotic fraction "
                    + "\(ReportNumber.significant(finding.largestChaoticFraction, digits: 2)), largest lower Wilson bound "
                    + "\(ReportNumber.significant(finding.largestWilsonLow, digits: 2)))"
            }
            let rates = finding.chaoticCells.map { sweep.learningRates[$0.learningRate] }
            let widths = Set(finding.chaoticCells.map(\.width)).sorted().map { Architecture.name(sweep.widths[$0]) }
            let (low, high) = (rates.min() ?? .nan, rates.max() ?? .nan)
            let range = low == high
                ? "at η ≈ \(ReportNumber.significant(low, digits: 3))"
                : "η from \(ReportNumber.significant(low, digits: 3)) to \(ReportNumber.significant(high, digits: 3))"
            let cells = finding.chaoticCells.count == 1 ? "1 chaotic cell" : "\(finding.chaoticCells.count) chaotic cells"
            return "\(finding.activation): \(cells), \(range) (\(PaperText.list(widths)))"
        }
        var text = sentences.joined(separator: "; ") + "."
        text += " By the alternative rule (stated with the claim-1 rule) the claim is "
            + "\(firstRunVerdict.rawValue) (activations with a chaotic regime: "
            + PaperText.list(findings.filter(\.isChaoticByFirstRunRule).map(\.activation)) + ")."
        if let relu {
            let wording = IntervalWording.of(low: relu.low, high: relu.high, negligible: sweep.chaosThreshold)
            text += " ReLU at the largest η (\(ReportNumber.exact(relu.learningRate))): late λ = "
                + PaperText.withInterval(relu.mean, relu.low, relu.high) + "; "
                + wording.sentence(
                    low: ReportNumber.significant(relu.low), high: ReportNumber.significant(relu.high),
                    negligible: ReportNumber.exact(sweep.chaosThreshold)) + "."
        }
        return text
    }
}

extension RankingClaim {
    /// The pooled correlation and the best activations.
    public func evidence(_ ranking: ActivationRanking) -> String {
        guard let breakdown = ranking.breakdown else {
            return "Pooled per-seed \(PaperText.correlation("ρ", ranking.rankSpearman)); lowest mean λ (\(SeriesNames.readable(ranking.rankSeries))): "
                + "\(lowestLambda ?? ReportNumber.missing); lowest mean final loss: \(lowestLoss ?? ReportNumber.missing)."
        }
        let within = ranking.activations.indices.map { "\(ranking.activations[$0]) ρ = \(ReportNumber.significant(breakdown.activationSpearman[$0].coefficient, digits: 2)) (\(ReportNumber.pValue(breakdown.activationSpearman[$0].pValue)))" }
        return "Per-seed ρ pooled over \(PaperText.list(breakdown.representing)) (the activations that can represent XOR): "
            + "\(PaperText.correlation("ρ", breakdown.representingSpearman)); over all activations, linear included (not "
            + "used by the rule): \(PaperText.correlation("ρ", ranking.rankSpearman)); within each activation: "
            + within.joined(separator: "; ") + ". Among \(PaperText.list(breakdown.representing)), lowest mean λ "
            + "(\(SeriesNames.readable(ranking.rankSeries))): \(lowestLambda ?? ReportNumber.missing); lowest mean final loss: "
            + "\(lowestLoss ?? ReportNumber.missing). With every activation pooled, linear included (the rule as first "
            + "stated), the verdict would be \(allActivationsVerdict.rawValue)."
    }
}

extension InitialWeightClaim {
    /// The filtered Pearson r per activation and whether the rule holds; the activations that
    /// cannot represent XOR are marked as not counted, and the all-activation verdict follows.
    public func evidence(_ study: InitialWeightStudy) -> String {
        let perActivation = study.activations.indices.map { a in
            let r = study.pearson(activation: a, filter: InitialWeightStudy.iqrFiltered)
            let counted = representing.contains(study.activations[a]) ? "" : " (cannot represent XOR; not counted)"
            return "\(study.activations[a]): r = \(ReportNumber.significant(r.coefficient, digits: 2)) "
                + "(\(ReportNumber.pValue(r.pValue))) — \(holds[a] ? "holds" : "does not hold")\(counted)"
        }.joined(separator: "; ") + "."
        guard representing.count < study.activations.count else { return perActivation }
        return perActivation + " With every activation counted, linear included (the rule as first stated), the verdict "
            + "would be \(allActivationsVerdict.rawValue)."
    }
}
