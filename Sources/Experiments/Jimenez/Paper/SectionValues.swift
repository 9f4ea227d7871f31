import Foundation
import Lyapunov
import ReportKit

/// The inline placeholders of the E4 section, all computed from aggregate.h5, stated by the
/// rules themselves (the amended window rule's preset), or quoted from `sourceValues`
/// (`source.*`, marked "quoted" in the template's prose).
enum SectionValues {
    static func values(_ results: JimenezResults, source: SourceFacts) throws -> [String: String] {
        let sweep = results.sweep, exponents = results.exponents, times = results.trainingTimes, bootstrap = results.bootstrap
        let rates = sweep.learningRates
        func percent(_ part: Int, _ whole: Int) -> String { ReportNumber.significant(100 * Double(part) / Double(whole), digits: 3) + " %" }
        let window = DivergenceWindowRule.steepestWellFitting(average: .logarithmOfMean)
        let span: Int
        switch window.selection {
        case .steepestWellFitting(let length), .bestRSquared(let length): span = length
        case .longestBelowSaturation: span = 0
        }
        var values: [String: String] = [
            "source.citation": source.citation,
            "source.code.repository": PaperText.code(source.codeRepository),
            "source.code.script": PaperText.code(source.codeScript),
            "source.code.earlierRepository": PaperText.code(source.earlierCodeRepository),
            "source.code.minimumRSquared": ReportNumber.quoted(source.minimumRSquared),
            "source.protocol.trainingImages": ReportNumber.count(source.trainingImages),
            "source.protocol.initialisations": ReportNumber.count(source.initialisations),
            "source.protocol.replicas": ReportNumber.count(source.replicas),
            "source.protocol.learningRates": ReportNumber.count(source.learningRateCount),
            "source.protocol.steps": ReportNumber.count(source.steps),
            "jimenez.dataset": sweep.dataset,
            "jimenez.training-samples": ReportNumber.count(sweep.trainingSamples),
            "jimenez.training-fraction": percent(sweep.trainingSamples, source.trainingImages),
            "jimenez.test-samples": ReportNumber.count(sweep.testSamples),
            "jimenez.initialisations": ReportNumber.count(sweep.initialisationCount),
            "jimenez.replicas": ReportNumber.count(sweep.replicaCount),
            "jimenez.steps": ReportNumber.count(sweep.steps),
            "jimenez.replica-steps": ReportNumber.count(results.curves.meanLogDivergence.shape[1] - 1),
            "jimenez.parameters": ReportNumber.count(sweep.parameterCount),
            "jimenez.lr.count": ReportNumber.count(rates.count),
            "jimenez.lr.min": ReportNumber.exact(rates.first ?? .nan),
            "jimenez.lr.max": ReportNumber.exact(rates.last ?? .nan),
            "jimenez.level": ReportNumber.exact(exponents.onsetLevel * 100) + " %",
            "jimenez.onset-resamples": ReportNumber.count(exponents.onsetResamples),
            "jimenez.minimum-accepted-fraction": ReportNumber.exact(exponents.minimumAcceptedFraction),
            "jimenez.bootstrap.resamples": ReportNumber.count(bootstrap.resamples),
            "jimenez.bootstrap.inner-resamples": ReportNumber.count(bootstrap.innerResamples),
            "jimenez.target": times.targets[0],
            "jimenez.threshold": ReportNumber.significant(times.threshold[0], digits: 3),
            "jimenez.best-accuracy": ReportNumber.significant(times.bestAccuracy, digits: 3),
            "jimenez.absolute-targets": PaperText.list(times.threshold.dropFirst().map(ReportNumber.exact)),
            "jimenez.argmins": times.targets.indices.map { k in
                "\(times.targets[k]): \(times.argminIndex[k] >= 0 ? "η = " + ReportNumber.exact(rates[times.argminIndex[k]]) : "none")"
            }.joined(separator: "; "),
            "jimenez.window.fit-start": ReportNumber.count(window.fitStart),
            "jimenez.window.points": ReportNumber.count(window.minimumLength + 1),
            "jimenez.window.last-step": ReportNumber.count(window.fitStart + span),
            "jimenez.window.r-squared": ReportNumber.exact(window.minimumRSquared),
            "jimenez.first-tolerance": ReportNumber.count(TransientChaosVerdict.toleranceInGridSteps),
        ]
        values.merge(try RuleValues.values(results), uniquingKeysWith: { first, _ in first })
        values.merge(ResultValues.values(results), uniquingKeysWith: { first, _ in first })
        return values
    }
}
