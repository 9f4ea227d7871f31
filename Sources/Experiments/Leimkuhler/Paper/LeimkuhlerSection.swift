import Provenance
import ReportKit
import StageKit

/// The Leimkuhler section of the paper (docs/PROTOCOL.md §4): inline values, tables and figures
/// namespaced `leimkuhler.`, and claims `leimkuhler.claim1` (faster), `claim2` (more
/// accurate) and `claim3` (more robust), each of AdLaLa against SGD at its best rate and
/// Adam by ``OptimizerVerdict``; every other kinetic method is shown in the claims table.
public enum LeimkuhlerSection {
    /// The section's name (`{{section:leimkuhler}}`).
    public static let name = "leimkuhler"
    /// The headline method of the claims (the one with the authors' code).
    public static let headline = "adlala"

    /// The bundle of the section made from `results`, the template, the quoted `source`
    /// values (`sourceValues`), the figures (name → declared path), the aggregate file reference
    /// and the benchmark record of `bench spirals` beside its peers.
    public static func bundle(
        template: PaperTemplate, results r: LeimkuhlerResults, source: JSONValue, figures: [String: String],
        aggregate: PaperTable.Source, benchmark: SectionBenchmark, stage: String, provenance: JSONValue?
    ) throws -> SectionBundle {
        var values: [String: String] = [:]
        for leaf in ParameterListing.leaves(source) {
            if case .double(let number) = leaf.value { values["source.\(leaf.path)"] = ReportNumber.quoted(number) } else {
                values["source.\(leaf.path)"] = ParameterListing.text(leaf.value)
            }
        }
        let last = r.epochs.count - 1
        func evidence(_ o: Int) -> OptimizerVerdict.Evidence {
            OptimizerVerdict.Evidence(
                epochsToTarget: EpochsToAccuracy.first(epochs: r.epochs, meanAccuracy: r.curve("test_accuracy_mean", o), target: r.targetAccuracy),
                finalAccuracy: SeedBand(r.finalTestAccuracy.line(o)))
        }
        let baselines = ([r.bestSGD] + r.optimizers.indices.filter { r.optimizers[$0] == "adam" }).filter { $0 >= 0 }
        let kinetic = r.optimizers.indices.filter { !["gd", "adam", "heavy-ball"].contains(r.optimizers[$0]) }
        let outcomes = kinetic.map { ($0, OptimizerVerdict.compare(evidence($0), against: baselines.map(evidence))) }
        let rules = [
            "AdLaLa's mean test accuracy first reaches \(pct(r.targetAccuracy)) % at an earlier evaluation epoch than that of SGD at its best rate and of Adam (a baseline that never reaches it counts as slower)",
            "The 95 % Student-t interval of AdLaLa's mean test accuracy at the last epoch lies wholly above the intervals of SGD at its best rate and of Adam",
            "The standard deviation over seeds of AdLaLa's final test accuracy is smaller than that of SGD at its best rate and that of Adam",
        ]
        var verdicts: [String: String] = [:]
        let headlineRow = r.optimizers.firstIndex(of: headline)
        for (i, rule) in rules.enumerated() {
            let key = "leimkuhler.claim\(i + 1)"
            var held = 0
            if let h = headlineRow {
                for b in baselines {
                    let o = OptimizerVerdict.compare(evidence(h), against: [evidence(b)])
                    held += [o.faster, o.moreAccurate, o.moreRobust][i] ? 1 : 0
                }
            }
            let verdict = headlineRow == nil ? "not tested (no AdLaLa runs)" : verdict(held: held, total: baselines.count)
            verdicts[key] = verdict
            values[key + ".verdict"] = verdict
            values[key + ".rule"] = rule
        }
        values["leimkuhler.seeds"] = String(r.seedCount)
        values["leimkuhler.steps-per-epoch"] = String(r.stepsPerEpoch)
        values["leimkuhler.epochs"] = ReportNumber.exact(r.epochs.last ?? .nan)
        values["leimkuhler.evaluation-epochs"] = ReportNumber.exact(r.epochs.count > 1 ? r.epochs[1] - r.epochs[0] : .nan)
        values["leimkuhler.target-accuracy"] = pct(r.targetAccuracy)
        values["leimkuhler.best-sgd"] = r.bestSGD >= 0 ? r.labels[r.bestSGD] : ReportNumber.missing
        values["leimkuhler.band"] = LeimkuhlerResults.bandDescription
        values["leimkuhler.series"] = PaperText.list(r.series)
        values.merge(settingValues(r)) { $1 }
        for o in r.labels.indices {
            let key = "leimkuhler.final." + r.optimizers[o] + (r.optimizers[o] == "gd" ? "-" + ReportNumber.exact(r.learningRates[o]) : "")
            values[key] = PaperText.withInterval(100 * r.curve("test_accuracy_mean", o)[last], 100 * r.curve("test_accuracy_low", o)[last], 100 * r.curve("test_accuracy_high", o)[last])
        }
        if r.bestSGD >= 0 {
            values["leimkuhler.final.best-sgd"] = PaperText.withInterval(
                100 * r.curve("test_accuracy_mean", r.bestSGD)[last], 100 * r.curve("test_accuracy_low", r.bestSGD)[last], 100 * r.curve("test_accuracy_high", r.bestSGD)[last])
        }
        var tables: [String: PaperTable] = [
            "leimkuhler.accuracy": accuracyTable(r, source: source, aggregate: aggregate),
            "leimkuhler.gap": gapTable(r, aggregate: aggregate),
            "leimkuhler.equipartition": equipartitionTable(r, aggregate: aggregate),
            "leimkuhler.lyapunov": lyapunovTable(r, aggregate: aggregate),
            "leimkuhler.settings": settingsTable(r, aggregate: aggregate),
            "leimkuhler.variants": variantsTable(r, aggregate: aggregate),
            "leimkuhler.claims": PaperTable(
                caption: "The verdict rules (fixed in advance) applied to every kinetic method against SGD at its best rate (\(values["leimkuhler.best-sgd"]!)) and Adam. Epochs to \(pct(r.targetAccuracy)) %: first evaluation epoch at which the mean test accuracy reaches it; SD: standard deviation over seeds of the final test accuracy.",
                table: MarkdownTable(
                    header: ["optimizer", "epochs to target", "final SD (pp)", "faster", "more accurate", "more robust"],
                    rows: (baselines.map { ($0, nil as OptimizerVerdict.Outcome?) } + outcomes.map { ($0.0, Optional($0.1)) }).map { o, outcome in
                        let e = evidence(o)
                        let yes = { (b: Bool?) in b.map { $0 ? "yes" : "no" } ?? "baseline" }
                        return [r.labels[o], e.epochsToTarget.map { ReportNumber.exact($0) } ?? "never",
                                ReportNumber.significant(100 * e.finalAccuracy.standardDeviation, digits: 3),
                                yes(outcome?.faster), yes(outcome?.moreAccurate), yes(outcome?.moreRobust)]
                    }),
                sources: [aggregate]),
        ]
        // The Speed paragraph: `bench spirals` beside JAX and PyTorch, from the benchmark record.
        try benchmark.add(to: &values, tables: &tables, table: "leimkuhler.speed")
        for name in tables.keys { tables[name]?.computedBy = stage }
        let citation: String
        if case .string(let text)? = source["citation"] { citation = text } else { citation = "the source paper" }
        // LOL's γ₁ and τ₁ (our choices) are read from its ensembles file like every computed value.
        let (markdown, valueSources) = try SectionFiller.fill(
            template, values: values, blocks: Set(tables.keys).union(figures.keys), section: name,
            sources: benchmark.sources(fallback: ValueSource.sectionDefaults(aggregate: aggregate, citation: citation, stage: stage)))
        return SectionBundle(
            section: name, markdown: markdown, tables: tables, figures: figures, verdicts: verdicts, provenance: provenance,
            valueSources: valueSources)
    }

    /// reproduced when the rule holds against every baseline, partly when against some.
    static func verdict(held: Int, total: Int) -> String {
        total > 0 && held == total ? "reproduced" : held > 0 ? "partly reproduced" : "not reproduced"
    }

    static func pct(_ fraction: Double) -> String { ReportNumber.significant(100 * fraction, digits: 3) }

    static func accuracyTable(_ r: LeimkuhlerResults, source: JSONValue, aggregate: PaperTable.Source) -> PaperTable {
        var rows: [[String]] = r.labels.indices.map { o in
            [r.labels[o] + (o == r.bestSGD ? " (best SGD)" : ""), "this work, mean [95% t] over \(r.seedCount) seeds"] + r.tableEpochs.map { epoch in
                guard let k = r.epochIndex(epoch) else { return ReportNumber.missing }
                return PaperText.withInterval(100 * r.curve("test_accuracy_mean", o)[k], 100 * r.curve("test_accuracy_low", o)[k], 100 * r.curve("test_accuracy_high", o)[k])
            }
        }
        let number = { (value: JSONValue) -> Double? in
            if case .double(let x) = value { return x }
            if case .int(let x) = value { return Double(x) }
            return nil
        }
        var quotedEpochs: [Double] = []
        if case .array(let epochs)? = source["epochs"] { quotedEpochs = epochs.compactMap(number) }
        for (key, what) in [("singleRun", "quoted: authors' notebook, one run"), ("tenRunMean", "quoted: 2019 notebook, ≈ 10-run mean read off its plot (±1–2)")] {
            guard case .object(let methods)? = source[key] else { continue }
            for method in methods.keys.sorted() {
                guard case .array(let numbers)? = methods[method] else { continue }
                // Each quoted number sits under the table epoch it was quoted for (`sourceValues.epochs`).
                rows.append([method, what] + r.tableEpochs.map { epoch in
                    guard let i = quotedEpochs.firstIndex(of: epoch), i < numbers.count else { return ReportNumber.missing }
                    return number(numbers[i]).map(ReportNumber.quoted) ?? ReportNumber.missing
                })
            }
        }
        return PaperTable(
            caption: "Test accuracy (%) at epochs \(r.tableEpochs.map(ReportNumber.exact).joined(separator: " / ")): ours (mean and 95 % t interval over seeds) beside the authors' numbers, quoted under the epoch they were reported for (n/a where that epoch is not in the table).",
            table: MarkdownTable(header: ["optimizer", "source"] + r.tableEpochs.map { "epoch " + ReportNumber.exact($0) }, rows: rows),
            sources: [aggregate])
    }

    static func gapTable(_ r: LeimkuhlerResults, aggregate: PaperTable.Source) -> PaperTable {
        let last = r.epochs.count - 1
        return PaperTable(
            caption: "Overfitting at the last epoch: accuracy on the whole training set and on the test set (means over seeds), their gap with its 95 % t interval (percentage points), and the test loss.",
            table: MarkdownTable(header: ["optimizer", "training-set accuracy (%)", "test accuracy (%)", "gap (pp)", "test loss"], rows: r.labels.indices.map { o in
                [r.labels[o], ReportNumber.significant(100 * r.curve("train_accuracy_mean", o)[last], digits: 3),
                 ReportNumber.significant(100 * r.curve("test_accuracy_mean", o)[last], digits: 3),
                 PaperText.withInterval(100 * r.curve("gap_mean", o)[last], 100 * r.curve("gap_low", o)[last], 100 * r.curve("gap_high", o)[last]),
                 PaperText.withInterval(r.curve("test_loss_mean", o)[last], r.curve("test_loss_low", o)[last], r.curve("test_loss_high", o)[last])]
            }),
            sources: [aggregate])
    }

    static func equipartitionTable(_ r: LeimkuhlerResults, aggregate: PaperTable.Source) -> PaperTable {
        var rows: [[String]] = []
        for o in r.labels.indices {
            for t in r.tensors.indices where r.targetTemperature[o, t].isFinite {
                let series = r.kineticTemperature.line(o, t), target = r.targetTemperature[o, t]
                rows.append([r.labels[o], r.tensors[t], ReportNumber.significant(Equipartition.lateMean(series), digits: 3),
                             ReportNumber.significant(target, digits: 3), ReportNumber.significant(Equipartition.ratio(series, target: target), digits: 3)])
            }
        }
        return PaperTable(
            caption: "Equipartition: kinetic temperature pᵀp/N of each tensor, mean over seeds and over the second half of training, against its target τ.",
            table: MarkdownTable(header: ["optimizer", "tensor", "kinetic temperature", "target τ", "ratio"], rows: rows), sources: [aggregate])
    }

    static func lyapunovTable(_ r: LeimkuhlerResults, aggregate: PaperTable.Source) -> PaperTable {
        PaperTable(
            caption: "λ₁ of each optimizer's training map by the tangent method (realized minibatches and noise), mean [95 % t interval] over seeds, per window (\(r.seriesUnits.first ?? "")).",
            table: MarkdownTable(header: ["optimizer"] + r.series, rows: r.labels.indices.map { o in
                [r.labels[o]] + r.series.indices.map { s in
                    PaperText.withInterval(r.lambdaMean[o, s], r.lambdaLow[o, s], r.lambdaHigh[o, s])
                }
            }),
            sources: [aggregate])
    }
}
