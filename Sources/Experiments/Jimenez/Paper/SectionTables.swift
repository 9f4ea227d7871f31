import ReportKit

/// The tables of the E4 section. Headers and captions use the readable series names
/// (``SeriesNames``); the code names appear only in each table's source line.
enum SectionTables {
    /// Significant digits of a λ: the inter-quartile ranges over a handful of
    /// initialisations support two.
    static let lambdaDigits = 2

    /// A median with its inter-quartile range and a count, `0.12 [0.10, 0.15] (7/7)`; "n/a (0/7)" without one.
    static func spread(_ median: Double, _ low: Double, _ high: Double, count: Int, of n: Int) -> String {
        guard median.isFinite else { return "\(ReportNumber.missing) (\(count)/\(n))" }
        return "\(ReportNumber.significant(median, digits: lambdaDigits)) \(ReportNumber.interval(low, high, digits: lambdaDigits)) (\(count)/\(n))"
    }

    /// A median τ with its inter-quartile range, the censored runs counted; one phrase
    /// when every quartile is censored.
    static func time(_ median: Double, _ low: Double, _ high: Double, censored: Int, of n: Int) -> String {
        func steps(_ value: Double) -> String { value.isFinite ? ReportNumber.whole(value) : "not reached" }
        if !median.isFinite, !low.isFinite, !high.isFinite { return "not reached (\(censored)/\(n) censored)" }
        return "\(steps(median)) [\(steps(low)), \(steps(high))]" + (censored > 0 ? " (\(censored)/\(n) censored)" : "")
    }

    /// The fits against the tangent λ per η (docs/PROTOCOL.md §3.6): the median [IQR]
    /// (accepted/n) of the primary convention's best-R² and steepest-window fits and of the
    /// two tangent series, and the median paired difference of each fit from the tangent λ.
    static func lambda(_ results: JimenezResults, source: PaperTable.Source) throws -> PaperTable {
        let exponents = results.exponents, comparison = results.amended.comparison, n = results.sweep.initialisationCount
        let primary = exponents.primaryConvention
        let steepest = primary.replacingOccurrences(of: "/auto", with: "/steepest")
        let shown = [primary] + (exponents.series.contains(steepest) ? [steepest] : []) + exponents.tangentSeries.reversed()
        let seriesRows = try shown.map { try exponents.seriesIndex($0) }
        let differences = comparison.fitSeries.indices.filter { shown.contains(comparison.fitSeries[$0]) }
        let tangent = SeriesNames.readable(comparison.tangentSeries)
        let header = ["η"] + shown.map(SeriesNames.readable) + differences.map { "\(SeriesNames.readable(comparison.fitSeries[$0])) − \(tangent)" }
        let rows = results.sweep.learningRates.enumerated().map { j, rate -> [String] in
            [ReportNumber.exact(rate)]
                + seriesRows.map { s in spread(exponents.median[s, j], exponents.q25[s, j], exponents.q75[s, j], count: exponents.accepted[s, j], of: n) }
                + differences.map { f in
                    let value = comparison.medianDifference[f, j]
                    return value.isFinite ? "\(ReportNumber.significant(value, digits: lambdaDigits)) (\(comparison.pairedCount[f, j]))" : ReportNumber.missing
                }
        }
        return PaperTable(
            caption: "The largest Lyapunov exponent λ per learning rate η (nats/step): median over initialisations with its "
                + "inter-quartile range and the number of accepted estimates, for the divergence fit over the best-R² window (the first "
                + "rule), over the steepest well-fitting window (the amended rule) and for the tangent λ; the last columns give the "
                + "median over initialisations of the difference between each fit and the \(tangent) of the same run (runs compared).",
            table: MarkdownTable(header: header, rows: rows),
            sources: [PaperTable.Source(
                path: source.path, part: "/exponents, /comparison (\(shown.joined(separator: ", ")))", sha256: source.sha256)])
    }

    /// τ per η for every accuracy target.
    static func trainingTime(_ results: JimenezResults, source: PaperTable.Source) -> PaperTable {
        let times = results.trainingTimes, n = results.sweep.initialisationCount
        let rows = results.sweep.learningRates.enumerated().map { j, rate -> [String] in
            [ReportNumber.exact(rate)] + times.targets.indices.map { k in
                time(times.median[k, j], times.q25[k, j], times.q75[k, j], censored: times.censored[k, j], of: n)
            }
        }
        var table = PaperTable(
            caption: "Training time τ per learning rate η: the median over initialisations of the first step at which the test "
                + "accuracy reaches the target, with its inter-quartile range and the number of runs that never reach it (censored).",
            table: MarkdownTable(header: ["η"] + times.targets.map { "τ, \($0)" }, rows: rows),
            sources: [PaperTable.Source(path: source.path, part: "/training_time", sha256: source.sha256)])
        // Each cell links to its median τ (target k, η j); the η column to the sweep's rates.
        table.linkColumn(0, to: PaperTable.Source(path: source.path, part: "/sweep", sha256: source.sha256)) { _ in nil }
        for k in times.targets.indices {
            table.linkColumn(k + 1, to: PaperTable.Source(path: source.path, part: "/training_time/median", sha256: source.sha256)) { j in [k, j] }
        }
        return table
    }

    /// The claim judged by every rule: the first rule, then the amended rule per series and grid.
    static func verdicts(_ results: JimenezResults, source: PaperTable.Source) -> PaperTable {
        let v = results.amended.verdicts
        func eta(_ value: Double) -> String { value.isFinite ? ReportNumber.exact(value) : "none" }
        func range(_ grid: Grid<Double>, _ row: Int, distance: Bool) -> String {
            let (low, high) = (grid[row, 0], grid[row, 1])
            guard low.isFinite, high.isFinite else { return "undefined" }
            if distance { return ReportNumber.interval(low, high, digits: 2) }
            return low == high ? "[\(eta(low))]" : "[\(eta(low)), \(eta(high))]"
        }
        let rows = v.rules.indices.map { row -> [String] in
            let distance = v.distance[row].isFinite ? ReportNumber.significant(v.distance[row], digits: 2) : "undefined"
            return [
                v.rules[row], SeriesNames.readable(v.series[row]), v.grids[row], ReportNumber.exact(v.floors[row]),
                "\(eta(v.onset[row])) \(range(v.onsetInterval, row, distance: false))",
                "\(eta(v.argmin[row])) \(range(v.argminInterval, row, distance: false))",
                "\(distance) \(range(v.distanceInterval, row, distance: true)) \(v.distanceUnits[row])", v.tolerances[row], "**\(v.verdict[row])**",
            ]
        }
        var table = PaperTable(
            caption: "The claim \"training time is minimal where λ turns positive\", judged by the first rule and by the amended rule: "
                + "the onset η (the smallest η whose median λ and the lower end of its interval exceed the floor δ) and the argmin of the "
                + "median τ for the primary target, each with its \(ReportNumber.exact(results.bootstrap.level * 100)) % paired-bootstrap "
                + "interval over initialisations (\(ReportNumber.count(results.bootstrap.resamples)) resamples); argmin − onset with its "
                + "interval, in grid steps (first rule) or as ln(η_argmin/η_onset) (amended rule); the tolerance of \"at the onset\"; the verdict.",
            table: MarkdownTable(
                header: ["rule", "λ series", "η grid", "floor δ (nats/step)", "onset η [interval]", "argmin η [interval]", "argmin − onset [interval]",
                         "tolerance", "verdict"], rows: rows),
            sources: [PaperTable.Source(path: source.path, part: "/verdicts (\(v.series.joined(separator: ", ")))", sha256: source.sha256)])
        // Onset, argmin, their distance and the verdict link to their row of /verdicts.
        for (column, dataset) in [(4, "onset"), (5, "argmin"), (6, "distance"), (8, "verdict")] {
            table.linkColumn(column, to: PaperTable.Source(path: source.path, part: "/verdicts/" + dataset, sha256: source.sha256)) { row in [row] }
        }
        return table
    }

    /// The sensitivity rows: onset, its interval, argmin − onset and the verdict per threshold δ.
    static func sensitivity(_ results: JimenezResults, source: PaperTable.Source) -> PaperTable {
        let h = results.sensitivity, rates = results.sweep.learningRates
        func eta(_ index: Int) -> String { index >= 0 && index < rates.count ? ReportNumber.exact(rates[index]) : "none" }
        func bounds(_ grid: Grid<Double>, _ row: Int, asEta: Bool) -> String {
            let (low, high) = (grid[row, 0], grid[row, 1])
            guard low.isFinite, high.isFinite else { return "undefined" }
            return asEta ? "[\(eta(Int(low))), \(eta(Int(high)))]" : "[\(ReportNumber.whole(low)), \(ReportNumber.whole(high))]"
        }
        let argmin = results.trainingTimes.argminIndex[0]
        let rows = h.thresholds.indices.map { row in
            [ReportNumber.exact(h.thresholds[row]), eta(h.onsetIndex[row]), bounds(h.onsetInterval, row, asEta: true), eta(argmin),
             bounds(h.differenceInterval, row, asEta: false), h.verdict[row]]
        }
        return PaperTable(
            caption: "Sensitivity of the first rule to a threshold δ on λ, chosen after the first verdict was seen: the onset is the "
                + "smallest η of the whole grid whose median λ and the lower end of its interval both exceed δ (nats/step) instead of 0; "
                + "\(SeriesNames.readable(h.convention)), target \(h.target), tolerance one grid step, the same bootstraps otherwise. "
                + "A description of the data, not a verdict.",
            table: MarkdownTable(header: ["δ (nats/step)", "onset η", "interval", "argmin η", "argmin − onset (grid steps)", "verdict"], rows: rows),
            sources: [PaperTable.Source(path: source.path, part: "/sensitivity (\(h.convention))", sha256: source.sha256)])
    }

    /// The scale check: τ and the tangent λ per η at both training-set sizes (a one-row
    /// table saying so when the profile did not run it).
    static func scale(_ scale: JimenezResults.Scale?, source: PaperTable.Source) -> PaperTable {
        guard let scale else {
            return PaperTable(
                caption: "Scale check: not run in this profile.", table: MarkdownTable(header: ["scale check"], rows: [["not run"]]),
                sources: [PaperTable.Source(path: source.path, part: "/scale (absent)", sha256: source.sha256)])
        }
        let sizes = scale.trainingSamples.map(ReportNumber.count)
        let header = ["η"] + sizes.map { "median τ, \($0) images" } + sizes.map { "median \(SeriesNames.readable(scale.series)), \($0) images" }
        let rows = scale.learningRates.enumerated().map { j, rate -> [String] in
            [ReportNumber.exact(rate)]
                + (0..<2).map { r in scale.tauMedian[r, j].isFinite ? ReportNumber.whole(scale.tauMedian[r, j]) : "not reached" }
                + (0..<2).map { r in ReportNumber.significant(scale.lambdaMedian[r, j], digits: lambdaDigits) }
        }
        return PaperTable(
            caption: "Scale check: the reference runs on \(sizes[0]) training images (\(ReportNumber.count(scale.initialisations[0])) "
                + "initialisations, the main sweep restricted to these η) and on \(sizes[1]) "
                + "(\(ReportNumber.count(scale.initialisations[1])) initialisations, no replicas): the median training time τ to "
                + "\(ReportNumber.exact(scale.targetFraction)) × each size's best accuracy, and the median tangent λ (nats/step).",
            table: MarkdownTable(header: header, rows: rows),
            sources: [PaperTable.Source(path: source.path, part: "/scale (\(scale.series))", sha256: source.sha256)])
    }
}
