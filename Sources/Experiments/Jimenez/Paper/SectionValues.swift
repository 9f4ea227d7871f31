import ReportKit

/// The inline placeholders of the E4 section, all computed from aggregate.h5 or quoted
/// from `sourceValues` (`source.*`, marked "quoted" in the template's prose).
enum SectionValues {
    static func values(_ results: JimenezResults, source: SourceFacts) throws -> [String: String] {
        let sweep = results.sweep, exponents = results.exponents, times = results.trainingTimes, bootstrap = results.bootstrap
        let rates = sweep.learningRates
        func eta(_ index: Int) -> String { index >= 0 && index < rates.count ? "η = \(ReportNumber.exact(rates[index]))" : "none on the grid" }
        func percent(_ part: Int, _ whole: Int) -> String { ReportNumber.significant(100 * Double(part) / Double(whole), digits: 3) + " %" }
        func interval(_ grid: Grid<Double>, _ c: Int, _ k: Int, steps: Bool) -> String {
            let (low, high) = (grid[c, k, 0], grid[c, k, 1])
            guard low.isFinite, high.isFinite else { return "undefined (too many resamples without one)" }
            if steps { return "[\(ReportNumber.whole(low)), \(ReportNumber.whole(high))] grid steps" }
            return "[\(eta(Int(low))), \(eta(Int(high)))]"
        }
        let primary = try exponents.conventionIndex(exponents.primaryConvention)
        var values: [String: String] = [
            "source.citation": source.citation,
            "source.code.repository": PaperText.code(source.codeRepository),
            "source.code.script": PaperText.code(source.codeScript),
            "source.code.earlier-repository": PaperText.code(source.earlierCodeRepository),
            "source.minimum-r-squared": ReportNumber.quoted(source.minimumRSquared),
            "source.training-images": ReportNumber.count(source.trainingImages),
            "source.initialisations": ReportNumber.count(source.initialisations),
            "source.replicas": ReportNumber.count(source.replicas),
            "source.lr.count": ReportNumber.count(source.learningRateCount),
            "source.steps": ReportNumber.count(source.steps),
            "jimenez.dataset": sweep.dataset,
            "jimenez.training-samples": ReportNumber.count(sweep.trainingSamples),
            "jimenez.training-fraction": percent(sweep.trainingSamples, source.trainingImages),
            "jimenez.test-samples": ReportNumber.count(sweep.testSamples),
            "jimenez.initialisations": ReportNumber.count(sweep.initialisationCount),
            "jimenez.replicas": ReportNumber.count(sweep.replicaCount),
            "jimenez.steps": ReportNumber.count(sweep.steps),
            "jimenez.parameters": ReportNumber.count(sweep.parameterCount),
            "jimenez.lr.count": ReportNumber.count(rates.count),
            "jimenez.lr.min": ReportNumber.exact(rates.first ?? .nan),
            "jimenez.lr.max": ReportNumber.exact(rates.last ?? .nan),
            "jimenez.grid": rates.count == source.learningRateCount
                ? "the complete grid of \(ReportNumber.count(rates.count)) learning rates"
                : "\(ReportNumber.count(rates.count)) of the source's \(ReportNumber.count(source.learningRateCount)) learning rates",
            "jimenez.conventions": PaperText.list(exponents.conventions.map(PaperText.code)),
            "jimenez.primary-convention": PaperText.code(exponents.primaryConvention),
            "jimenez.tangent-series": PaperText.list(exponents.tangentSeries.map(PaperText.code)),
            "jimenez.level": ReportNumber.exact(exponents.onsetLevel * 100) + " %",
            "jimenez.onset-resamples": ReportNumber.count(exponents.onsetResamples),
            "jimenez.minimum-accepted-fraction": ReportNumber.exact(exponents.minimumAcceptedFraction),
            "jimenez.bootstrap.resamples": ReportNumber.count(bootstrap.resamples),
            "jimenez.bootstrap.inner-resamples": ReportNumber.count(bootstrap.innerResamples),
            "jimenez.target": times.targets[0],
            "jimenez.threshold": ReportNumber.significant(times.threshold[0]),
            "jimenez.best-accuracy": ReportNumber.significant(times.bestAccuracy),
            "jimenez.absolute-targets": PaperText.list(times.threshold.dropFirst().map(ReportNumber.exact)),
            "jimenez.onset": eta(exponents.onsetIndex[primary]),
            "jimenez.onset.interval": interval(bootstrap.onsetInterval, primary, 0, steps: false),
            "jimenez.argmin": eta(times.argminIndex[0]),
            "jimenez.argmin.interval": interval(bootstrap.argminInterval, primary, 0, steps: false),
            "jimenez.difference.interval": interval(bootstrap.differenceInterval, primary, 0, steps: true),
            "jimenez.claim1.verdict": bootstrap.verdict[primary, 0],
            "jimenez.claim1.rule": JimenezSection.rule(tolerance: bootstrap.tolerance, level: bootstrap.level),
        ]
        values["jimenez.onsets"] = exponents.conventions.enumerated().map { c, name in
            "\(PaperText.code(name)): \(eta(exponents.onsetIndex[c])) (bootstrap interval \(interval(bootstrap.onsetInterval, c, 0, steps: false)))"
        }.joined(separator: "; ")
        let onsets = Set(exponents.onsetIndex)
        values["jimenez.conventions-agree"] = onsets.count == 1 ? "give the same onset" : "give different onsets"
        values["jimenez.argmins"] = times.targets.indices.map { k in "\(times.targets[k]): \(eta(times.argminIndex[k]))" }.joined(separator: "; ")
        values["jimenez.verdicts"] = exponents.conventions.indices.flatMap { c in
            times.targets.indices.map { k in "\(PaperText.code(exponents.conventions[c])) with target \(times.targets[k]): \(bootstrap.verdict[c, k])" }
        }.joined(separator: "; ")
        let sensitivity = results.sensitivity
        let onsetIndex = exponents.onsetIndex[primary], argminIndex = times.argminIndex[0]
        if onsetIndex >= 0, argminIndex > onsetIndex {
            let medians = (onsetIndex..<argminIndex).map { exponents.onsetMedian[primary, $0] }.filter(\.isFinite)
            values["jimenez.sensitivity.context"] = "From the onset up to the grid η below the argmin of τ the median λ lies between "
                + "\(ReportNumber.significant(medians.min() ?? .nan)) and \(ReportNumber.significant(medians.max() ?? .nan)) nats/step, "
                + "and at the argmin it is \(ReportNumber.significant(exponents.onsetMedian[primary, argminIndex])) nats/step."
        } else {
            values["jimenez.sensitivity.context"] = "The onset does not lie below the argmin of τ."
        }
        values["jimenez.sensitivity.thresholds"] = PaperText.list(sensitivity.thresholds.map { ReportNumber.exact($0) })
        let flipped = sensitivity.verdict.indices.filter { sensitivity.verdict[$0] != bootstrap.verdict[primary, 0] }
        values["jimenez.sensitivity.summary"] = flipped.isEmpty
            ? "none of them changes the verdict"
            : "the verdict becomes " + flipped.map { "*\(sensitivity.verdict[$0])* at δ = \(ReportNumber.exact(sensitivity.thresholds[$0])) (onset \(eta(sensitivity.onsetIndex[$0])))" }
                .joined(separator: ", ")
        values["jimenez.agreement"] = exponents.conventions.indices.flatMap { c in
            exponents.tangentSeries.indices.map { a in
                "\(PaperText.code(exponents.conventions[c])) against \(PaperText.code(exponents.tangentSeries[a])): median |Δλ| = "
                    + "\(ReportNumber.significant(exponents.agreementMedianAbsoluteDifference[c, a])) nats/step over "
                    + "\(ReportNumber.count(exponents.agreementCount[c, a])) runs"
            }
        }.joined(separator: "; ")
        return values
    }
}
