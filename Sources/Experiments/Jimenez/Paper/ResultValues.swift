import Foundation
import ReportKit

/// The placeholders that report the section's results in words: the fits against the
/// tangent λ (`/comparison`), the post-hoc sensitivity rows (`/sensitivity`) and the scale
/// check (`/scale`). The verdicts are printed once, in the verdict table.
enum ResultValues {
    static func values(_ results: JimenezResults) -> [String: String] {
        var values = ["jimenez.comparison.summary": comparison(results)]
        values.merge(sensitivity(results), uniquingKeysWith: { first, _ in first })
        values.merge(scale(results.amended.scale), uniquingKeysWith: { first, _ in first })
        return values
    }

    /// Where the tangent λ exceeds the floor: the range of each fit's median paired
    /// difference from it.
    static func comparison(_ results: JimenezResults) -> String {
        let c = results.amended.comparison, exponents = results.exponents, rates = results.sweep.learningRates
        let floor = results.amended.verdicts.floors.max() ?? 0
        guard let tangent = try? exponents.seriesIndex(c.tangentSeries) else { return "not computed" }
        let columns = rates.indices.filter { exponents.median[tangent, $0] > floor }
        guard let low = columns.first, let high = columns.last else {
            return "no η has a median \(SeriesNames.readable(c.tangentSeries)) above the floor, so the comparison rests on small exponents only"
        }
        let parts = c.fitSeries.indices.map { f -> String in
            let differences = columns.map { c.medianDifference[f, $0] }.filter(\.isFinite)
            guard let smallest = differences.min(), let largest = differences.max() else {
                return "\(SeriesNames.readable(c.fitSeries[f])): no accepted fit"
            }
            return "\(SeriesNames.readable(c.fitSeries[f])) from \(ReportNumber.significant(smallest, digits: 2)) to "
                + "\(ReportNumber.significant(largest, digits: 2)) nats/step"
        }
        return "From η = \(ReportNumber.exact(rates[low])) to η = \(ReportNumber.exact(rates[high])), where the median "
            + "\(SeriesNames.readable(c.tangentSeries)) exceeds the floor, the median difference of each fit from it (fit minus tangent, "
            + "per η) ranges: " + parts.joined(separator: "; ")
    }

    /// The post-hoc sensitivity rows in words.
    static func sensitivity(_ results: JimenezResults) -> [String: String] {
        let h = results.sensitivity, exponents = results.exponents, rates = results.sweep.learningRates
        func eta(_ index: Int) -> String { index >= 0 && index < rates.count ? "η = \(ReportNumber.exact(rates[index]))" : "none on the grid" }
        let primary = (try? exponents.conventionIndex(exponents.primaryConvention)) ?? 0
        let verdict = results.bootstrap.verdict[primary, 0]
        let flipped = h.verdict.indices.filter { h.verdict[$0] != verdict }
        return [
            "jimenez.sensitivity.thresholds": PaperText.list(h.thresholds.map { ReportNumber.exact($0) }),
            "jimenez.sensitivity.summary": "the first rule's verdict is *\(verdict)* with δ = 0 and "
                + (flipped.isEmpty ? "stays so with every δ" : "becomes ")
                + flipped.map { "*\(h.verdict[$0])* at δ = \(ReportNumber.exact(h.thresholds[$0])) (onset \(eta(h.onsetIndex[$0])))" }
                    .joined(separator: ", "),
        ]
    }

    /// The scale check in words: onset and argmin at both sizes, and whether they move.
    static func scale(_ scale: JimenezResults.Scale?) -> [String: String] {
        guard let scale else {
            return ["jimenez.scale.summary": "The scale check was not run in this profile.", "jimenez.scale.rates": "none",
                    "jimenez.scale.samples": "none", "jimenez.scale.initialisations": "none"]
        }
        let sizes = scale.trainingSamples.map(ReportNumber.count)
        func eta(_ value: Double) -> String { value.isFinite ? "η = \(ReportNumber.exact(value))" : "none of these η" }
        func steps(_ a: Double, _ b: Double) -> String {
            guard a.isFinite, b.isFinite, let i = scale.learningRates.firstIndex(of: a), let j = scale.learningRates.firstIndex(of: b) else {
                return "cannot be compared"
            }
            return i == j ? "does not move" : "moves by \(ReportNumber.count(j - i)) of these grid points"
        }
        return [
            "jimenez.scale.samples": sizes[1],
            "jimenez.scale.initialisations": ReportNumber.count(scale.initialisations[1]),
            "jimenez.scale.rates": PaperText.list(scale.learningRates.map(ReportNumber.exact)),
            "jimenez.scale.summary": "With the floor on the \(SeriesNames.readable(scale.series)), the onset is \(eta(scale.onset[0])) "
                + "on \(sizes[0]) images and \(eta(scale.onset[1])) on \(sizes[1]): it \(steps(scale.onset[0], scale.onset[1])). "
                + "The argmin of the median τ is \(eta(scale.argmin[0])) on \(sizes[0]) images and \(eta(scale.argmin[1])) on "
                + "\(sizes[1]): it \(steps(scale.argmin[0], scale.argmin[1])).",
        ]
    }
}
