import ReportKit

/// The tables of the E4 section.
enum SectionTables {
    /// λ (median [IQR], accepted/n) of every series and τ (median [IQR], censored/n) of
    /// every target, per η.
    static func perLearningRate(_ results: JimenezResults, source: PaperTable.Source) -> PaperTable {
        let exponents = results.exponents, times = results.trainingTimes, n = results.sweep.initialisationCount
        func steps(_ value: Double) -> String { value.isFinite ? ReportNumber.whole(value) : "not reached" }
        let header = ["η"] + exponents.series.map { "λ \($0)" } + times.targets.map { "τ, \($0)" }
        let rows = results.sweep.learningRates.enumerated().map { j, rate -> [String] in
            [ReportNumber.exact(rate)]
                + exponents.series.indices.map { s in
                    "\(ReportNumber.significant(exponents.median[s, j])) \(ReportNumber.interval(exponents.q25[s, j], exponents.q75[s, j])) "
                        + "(\(exponents.accepted[s, j])/\(n))"
                }
                + times.targets.indices.map { k in
                    "\(steps(times.median[k, j])) [\(steps(times.q25[k, j])), \(steps(times.q75[k, j]))] (\(times.censored[k, j])/\(n) censored)"
                }
        }
        return PaperTable(
            caption: "Per learning rate η: the median λ over initialisations (nats/step) with its inter-quartile range and the "
                + "number of accepted estimates, for every series; the median training time τ (steps) with its inter-quartile range "
                + "and the number of censored runs (never reaching the target), for every accuracy target.",
            table: MarkdownTable(header: header, rows: rows), sources: [PaperTable.Source(path: source.path, part: "/exponents, /training_time", sha256: source.sha256)])
    }

    /// The verdict per convention and target, with the point estimates and intervals.
    static func verdicts(_ results: JimenezResults, source: PaperTable.Source) -> PaperTable {
        let exponents = results.exponents, times = results.trainingTimes, b = results.bootstrap
        let rates = results.sweep.learningRates
        func eta(_ index: Int) -> String { index >= 0 ? ReportNumber.exact(rates[index]) : "none" }
        func bounds(_ grid: Grid<Double>, _ c: Int, _ k: Int, asEta: Bool) -> String {
            let (low, high) = (grid[c, k, 0], grid[c, k, 1])
            guard low.isFinite, high.isFinite else { return "undefined" }
            return asEta ? "[\(eta(Int(low))), \(eta(Int(high)))]" : "[\(ReportNumber.whole(low)), \(ReportNumber.whole(high))]"
        }
        var rows: [[String]] = []
        for c in exponents.conventions.indices {
            for k in times.targets.indices {
                rows.append([
                    exponents.conventions[c], times.targets[k], eta(exponents.onsetIndex[c]), bounds(b.onsetInterval, c, k, asEta: true),
                    eta(times.argminIndex[k]), bounds(b.argminInterval, c, k, asEta: true), bounds(b.differenceInterval, c, k, asEta: false),
                    b.verdict[c, k],
                ])
            }
        }
        return PaperTable(
            caption: "The claim \"training time is minimal where λ turns positive\" per fit convention and accuracy target: the onset η "
                + "and the argmin of the median τ with their \(ReportNumber.exact(b.level * 100)) % paired-bootstrap intervals "
                + "(\(ReportNumber.count(b.resamples)) resamples over initialisations), the interval of argmin − onset in grid steps, and the verdict "
                + "by the rule fixed in advance (tolerance \(ReportNumber.count(b.tolerance)) grid step).",
            table: MarkdownTable(
                header: ["convention", "target", "onset η", "interval", "argmin η", "interval", "argmin − onset", "verdict"], rows: rows),
            sources: [PaperTable.Source(path: source.path, part: "/bootstrap", sha256: source.sha256)])
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
            caption: "Sensitivity of the verdict to a threshold δ on λ, added after the verdict above was seen: the onset is the smallest "
                + "grid η whose median λ and the lower end of its interval both exceed δ (nats/step) instead of 0; convention "
                + "\(h.convention), target \(h.target), the same bootstraps and rule otherwise. The claim's verdict stays the one above.",
            table: MarkdownTable(header: ["δ (nats/step)", "onset η", "interval", "argmin η", "argmin − onset", "verdict"], rows: rows),
            sources: [PaperTable.Source(path: source.path, part: "/sensitivity", sha256: source.sha256)])
    }
}
