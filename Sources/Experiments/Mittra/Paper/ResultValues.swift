import ReportKit

/// The inline placeholders of the Mittra section computed from aggregate.h5 and the
/// claims: `e1.*`, `e2.*`, `e3.*`, `mittra.claim1.*` … `mittra.claims.*`, `rules.*`
/// (listed in paper/README.md).
enum ResultValues {
    static func e1(_ sweep: LearningRateSweep, options: FigureOptions, claim: ChaosClaim) throws -> [String: String] {
        let late = try sweep.seriesIndex(options.lateSeries)
        var estimators: [String] = []
        for name in sweep.series {
            let estimator = String(name.split(separator: "/")[0])
            if !estimators.contains(estimator) { estimators.append(estimator) }
        }
        var values: [String: String] = [
            "e1.activations": PaperText.list(sweep.activations),
            "e1.architectures": PaperText.list(sweep.widths.map(Architecture.name)),
            "e1.seeds": ReportNumber.count(sweep.seedCount),
            "e1.seeds-per-cell": sweep.seedsPerCell,
            "e1.lr.min": ReportNumber.exact(sweep.learningRates.first ?? .nan),
            "e1.lr.max": ReportNumber.exact(sweep.learningRates.last ?? .nan),
            "e1.lr.count": ReportNumber.count(sweep.learningRates.count),
            "e1.chaos-threshold": ReportNumber.exact(sweep.chaosThreshold),
            "e1.window.early": sweep.steps(of: .early),
            "e1.window.late": sweep.steps(of: .late),
            "e1.series": PaperText.list(sweep.series.map(SeriesNames.readable)),
            "format.p-floor": ReportNumber.pValueFloorText,
            "e1.estimators": PaperText.list(estimators.map(SeriesNames.estimator)),
            "e1.late-series": SeriesNames.readable(options.lateSeries),
            "e1.early-series": SeriesNames.readable(options.earlySeries),
            "e1.figure-network": Architecture.name(options.width),
            "e1.stability-limit": ReportNumber.whole(LearningRateSweep.stabilityLimit),
            "e1.spearman": PaperText.correlation("ρ", sweep.lossLambdaSpearman),
            "e1.chaotic-activations": PaperText.list(claim.findings.filter(\.isChaotic).map(\.activation)),
            "e1.non-chaotic-activations": PaperText.list(claim.findings.filter { !$0.isChaotic }.map(\.activation)),
            "e1.first-run-chaotic-activations": PaperText.list(claim.findings.filter(\.isChaoticByFirstRunRule).map(\.activation)),
            "e1.trend.t": ReportNumber.exact(sweep.chaos.lossTrend.tStatistic),
            "e1.trend.relative-drop": ReportNumber.exact(sweep.chaos.lossTrend.relativeDrop),
            "e1.trend.drop-to-scatter": ReportNumber.exact(sweep.chaos.lossTrend.dropToScatter),
            "mittra.claim1.first-run-verdict": claim.firstRunVerdict.rawValue,
        ]
        let w = try sweep.widthIndex(options.width)
        for (a, activation) in sweep.activations.enumerated() {
            values["e1.onset.\(activation)"] = ChaosTable.onsetText(sweep, series: late, activation: a, width: w)
        }
        values["e1.onsets"] = sweep.activations.indices.map {
            "\(sweep.activations[$0]): \(ChaosTable.onsetText(sweep, series: late, activation: $0, width: w))"
        }.joined(separator: "; ")
        return values
    }

    /// E2's values; `regimeTest` says which activations can represent XOR (the regime
    /// description asks only those whether they learn, docs/PROTOCOL.md §2.10).
    static func e2(_ ranking: ActivationRanking, claim: RankingClaim, regimeTest: RegimeTest) -> [String: String] {
        var values: [String: String] = [
            "e2.network": Architecture.name(ranking.width),
            "e2.lr": ReportNumber.exact(ranking.learningRate),
            "e2.momentum": ReportNumber.exact(ranking.momentum),
            "e2.steps": ReportNumber.count(ranking.steps),
            "e2.seeds": ReportNumber.count(ranking.seedCount),
            "e2.series": SeriesNames.readable(ranking.rankSeries),
            "e2.all-series": PaperText.list(ranking.series.map(SeriesNames.readable)),
            "e2.unit": ranking.seriesUnits[ranking.ranked],
            "e2.spearman": PaperText.correlation("ρ", ranking.rankSpearman),
            "e2.lowest-lambda": claim.lowestLambda ?? ReportNumber.missing,
            "e2.lowest-loss": claim.lowestLoss ?? ReportNumber.missing,
        ]
        for (a, activation) in ranking.activations.enumerated() {
            values["e2.lambda.\(activation)"] = PaperText.withInterval(
                ranking.lambda.mean[ranking.ranked, a], ranking.lambda.tLow[ranking.ranked, a], ranking.lambda.tHigh[ranking.ranked, a])
            values["e2.loss.\(activation)"] = PaperText.withInterval(
                ranking.finalLossMean[a], ranking.finalLossLow[a], ranking.finalLossHigh[a])
        }
        let asked = ranking.activations.indices.filter { !regimeTest.cannotRepresent.contains(ranking.activations[$0]) }
            .map { ranking.learnedFraction[$0] }
        let learns = !asked.isEmpty && asked.allSatisfy { $0 > 0.5 }
        let none = asked.allSatisfy { $0 <= 0.5 }
        values["e2.regime"] = learns ? "learn XOR" : none ? "do not learn XOR" : "learn XOR for some activations only"
        values["e2.learned-accuracy"] = ReportNumber.exact(ActivationRanking.learnedAccuracy)
        values["e2.test-accuracies"] = ranking.activations.indices.map {
            "\(ranking.activations[$0]) \(ReportNumber.significant(ranking.testAccuracyMean[$0]))"
        }.joined(separator: "; ")
        values["e2.learned-fractions"] = ranking.activations.indices.map {
            "\(ranking.activations[$0]) \(ReportNumber.significant(ranking.learnedFraction[$0]))"
        }.joined(separator: "; ")
        values["e2.lambdas"] = ranking.activations.map { "\($0) \(values["e2.lambda.\($0)"] ?? "")" }.joined(separator: "; ")
        values.merge(breakdown(ranking, prefix: "e2")) { first, _ in first }
        values["e2.losses"] = ranking.activations.map { "\($0) \(values["e2.loss.\($0)"] ?? "")" }.joined(separator: "; ")
        return values
    }

    static func e3(_ study: InitialWeightStudy) -> [String: String] {
        let counts = study.activations.indices.map { a in study.lambda.line(a).filter(\.isFinite).count }
        let insideCounts = study.activations.indices.map { a in study.inIQR.line(a).filter { $0 != 0 }.count }
        var values: [String: String] = [
            "e3.series": SeriesNames.readable(study.series),
            "e3.unit": study.unit,
            "e3.starts": Set(counts).count == 1 ? ReportNumber.count(counts[0]) : PaperText.list(counts.map(ReportNumber.count)),
            "e3.iqr-starts": Set(insideCounts).count == 1
                ? ReportNumber.count(insideCounts[0]) : PaperText.list(insideCounts.map(ReportNumber.count)),
        ]
        for (a, activation) in study.activations.enumerated() {
            let (all, iqr) = (InitialWeightStudy.allStarts, InitialWeightStudy.iqrFiltered)
            values["e3.r.\(activation)"] = PaperText.correlation("r", study.pearson(activation: a, filter: iqr))
            values["e3.rho.\(activation)"] = PaperText.correlation("ρ", study.spearman(activation: a, filter: iqr))
            values["e3.r-all.\(activation)"] = PaperText.correlation("r", study.pearson(activation: a, filter: all))
            values["e3.rho-all.\(activation)"] = PaperText.correlation("ρ", study.spearman(activation: a, filter: all))
        }
        values["e3.filtered-r"] = study.activations.map { "\($0) \(values["e3.r.\($0)"] ?? "")" }.joined(separator: "; ")
        values["e3.filtered-partial"] = study.activations.indices.map { a in
            let partial = study.partial(activation: a, filter: InitialWeightStudy.iqrFiltered)
            return "\(study.activations[a]) r = \(ReportNumber.significant(partial.coefficient)) (\(ReportNumber.pValue(partial.pValue)))"
        }.joined(separator: "; ")
        values["e3.filtered-rho"] = study.activations.map { "\($0) \(values["e3.rho.\($0)"] ?? "")" }.joined(separator: "; ")
        return values
    }

    static func claims(_ assessment: ClaimsAssessment, _ results: MittraResults) -> [String: String] {
        let verdicts = assessment.verdictList
        func claims(_ verdict: Verdict) -> String {
            PaperText.list(verdicts.indices.filter { verdicts[$0] == verdict }.map { "claim \($0 + 1)" })
        }
        let evidence = [
            assessment.chaos.evidence(results.sweep), assessment.ranking.evidence(results.ranking),
            assessment.initialWeights.evidence(results.initialWeights),
        ]
        var values: [String: String] = [
            "mittra.claims.reproduced": claims(.reproduced),
            "mittra.claims.partly-reproduced": claims(.partlyReproduced),
            "mittra.claims.not-reproduced": claims(.notReproduced),
            "rules.significance": ReportNumber.exact(assessment.rules.significanceLevel),
            "rules.chaotic-fraction": ReportNumber.exact(assessment.rules.chaoticFraction),
            "rules.chaotic-fraction-lower-bound": ReportNumber.exact(assessment.rules.chaoticFractionLowerBound),
            "mittra.claim1.sensitivity": SensitivityTable.summary(results.sweep, assessment.chaos, rules: assessment.rules),
        ]
        let notRun = "not run"
        values.merge(breakdown(results.learningRanking, prefix: "learning")) { first, _ in first }
        let learningE3 = results.learningInitialWeights.map(e3)
        for key in ["filtered-r", "filtered-partial"] { values["learning.\(key)"] = learningE3?["e3.\(key)"] ?? notRun }
        values["mittra.claim2.source-setting.verdict"] = assessment.ranking.verdict.rawValue
        values["mittra.claim3.source-setting.verdict"] = assessment.initialWeights.verdict.rawValue
        values["mittra.regime.rule"] = assessment.regimeRule
        values["mittra.regime.deciding"] = assessment.decidingRegime.map { ClaimsAssessment.regimeNames[$0] }
            ?? "no regime (neither can test claims 2 and 3)"
        values["mittra.regime.source-setting"] = assessment.regimeStatus(0)
        values["mittra.regime.learning"] = assessment.regimeCanTest.count > 1 ? assessment.regimeStatus(1) : notRun
        let deciding = assessment.decidingRegime.flatMap { [results.ranking, results.learningRanking][$0] }
        values["mittra.regime.deciding-spearman"] = deciding.map { ranking in
            guard let breakdown = ranking.breakdown else { return PaperText.correlation("ρ", ranking.rankSpearman) }
            return "\(PaperText.correlation("ρ", breakdown.representingSpearman)) over the activations that can represent XOR "
                + "(\(PaperText.list(breakdown.representing))), and \(PaperText.correlation("ρ", ranking.rankSpearman)) over all "
                + "activations, linear included"
        } ?? ReportNumber.missing
        values["rules.learned-fraction"] = ReportNumber.exact(assessment.rules.regimeTest.minimumLearnedFraction)
        values["rules.cannot-represent"] = PaperText.list(assessment.rules.regimeTest.cannotRepresent)
        values["mittra.claim2.learning.verdict"] = assessment.learningRanking?.verdict.rawValue ?? notRun
        values["mittra.claim3.learning.verdict"] = assessment.learningInitialWeights?.verdict.rawValue ?? notRun
        values["mittra.claim2.learning.evidence"] = results.learningRanking.flatMap { r in assessment.learningRanking?.evidence(r) } ?? notRun
        values["mittra.claim3.learning.evidence"] = results.learningInitialWeights.flatMap { s in assessment.learningInitialWeights?.evidence(s) } ?? notRun
        if let ranking = results.learningRanking {
            values["learning.setting"] = "the \(Architecture.name(ranking.width)) network, η = \(ReportNumber.significant(ranking.learningRate)), "
                + "momentum \(ReportNumber.exact(ranking.momentum)), \(ReportNumber.count(ranking.steps)) steps, "
                + "\(ReportNumber.count(ranking.seedCount)) starts per activation"
            values["learning.test-accuracies"] = accuracyList(ranking.activations, ranking.testAccuracyMean)
            values["learning.spearman"] = PaperText.correlation("ρ", ranking.rankSpearman)
            values["learning.learned-fractions"] = accuracyList(ranking.activations, ranking.learnedFraction)
            let sweep = results.sweep
            if let w = sweep.widths.firstIndex(of: ranking.width),
                let e = sweep.learningRates.firstIndex(where: { abs($0 / ranking.learningRate - 1) < 1e-9 })
            {
                let activations = ranking.activations.filter(sweep.activations.contains)
                values["learning.e1-learned-fractions"] =
                    accuracyList(activations, activations.map { sweep.chaos.learnedFraction[sweep.activations.firstIndex(of: $0)!, w, e] })
                    + " after \(ReportNumber.whole(sweep.windows[3])) steps"
            } else {
                values["learning.e1-learned-fractions"] = "not available, as this η and network are not on the E1 grid"
            }
        } else {
            for key in ["learning.setting", "learning.test-accuracies", "learning.spearman", "learning.learned-fractions", "learning.e1-learned-fractions"] {
                values[key] = notRun
            }
        }
        for (index, name) in ClaimsAssessment.claimNames.enumerated() {
            values[name + ".verdict"] = verdicts[index].rawValue
            values[name + ".rule"] = assessment.rule(index + 1)
            values[name + ".evidence"] = evidence[index]
        }
        return values
    }

    /// `<prefix>.representing`, `<prefix>.spearman-representing`, `<prefix>.spearman-per-activation`:
    /// claim 2 over the activations that can represent XOR and within each (``RankingBreakdown``).
    static func breakdown(_ ranking: ActivationRanking?, prefix: String) -> [String: String] {
        let keys = ["representing", "spearman-representing", "spearman-per-activation"].map { "\(prefix).\($0)" }
        guard let ranking, let breakdown = ranking.breakdown else {
            let missing = ranking == nil ? "not run" : "not in this aggregate file (written before the breakdown existed)"
            return Dictionary(uniqueKeysWithValues: keys.map { ($0, missing) })
        }
        return [
            keys[0]: PaperText.list(breakdown.representing),
            keys[1]: PaperText.correlation("ρ", breakdown.representingSpearman),
            keys[2]: ranking.activations.indices.map {
                "\(ranking.activations[$0]) \(PaperText.correlation("ρ", breakdown.activationSpearman[$0]))"
            }.joined(separator: "; "),
        ]
    }

    /// "sigmoid 0.98; relu 0.97": one value per activation.
    static func accuracyList(_ activations: [String], _ values: [Double]) -> String {
        activations.indices.map { "\(activations[$0]) \(ReportNumber.significant(values[$0]))" }.joined(separator: "; ")
    }
}
