import Provenance
import ReportKit
import StageKit

/// The Leimkuhler section of the paper (docs/PROTOCOL.md §4): inline values, tables and figures
/// namespaced `leimkuhler.`, and claims `leimkuhler.claim1` (faster), `claim2` (more
/// accurate), `claim3` (more robust), `claim4` (equipartition) and `claim5` (less
/// overfitting), each of AdLaLa against SGD and Adam at their best rates by
/// ``AmendedVerdict`` (the old rules of claims 1 and 3 beside them, labelled); every other
/// method is shown in the claims table.
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
        aggregate: PaperTable.Source, benchmark: SectionBenchmark, stage: String, provenance: JSONValue?,
        thresholds: VerdictThresholds = .defaults
    ) throws -> SectionBundle {
        var values: [String: String] = [:]
        for leaf in ParameterListing.leaves(source) {
            if case .double(let number) = leaf.value { values["source.\(leaf.path)"] = ReportNumber.quoted(number) } else {
                values["source.\(leaf.path)"] = ParameterListing.text(leaf.value)
            }
        }
        let last = r.epochs.count - 1
        let claims = amendedClaims(r, thresholds: thresholds, aggregate: aggregate)
        values.merge(claims.values) { $1 }
        let verdicts = claims.verdicts
        values["leimkuhler.seeds"] = String(r.seedCount)
        values["leimkuhler.steps-per-epoch"] = String(r.stepsPerEpoch)
        values["leimkuhler.epochs"] = ReportNumber.exact(r.epochs.last ?? .nan)
        values["leimkuhler.evaluation-epochs"] = ReportNumber.exact(r.epochs.count > 1 ? r.epochs[1] - r.epochs[0] : .nan)
        values["leimkuhler.target-accuracy"] = pct(r.targetAccuracy)
        values["leimkuhler.best-sgd"] = r.bestSGD >= 0 ? r.labels[r.bestSGD] : ReportNumber.missing
        values["leimkuhler.best-adam"] = r.bestAdam >= 0 ? r.labels[r.bestAdam] : ReportNumber.missing
        values["leimkuhler.best-sgd-position"] = r.bestSGDPosition.sentence
        values["leimkuhler.best-adam-position"] = r.bestAdamPosition.sentence
        for (name, optimizer) in [("sgd", "gd"), ("adam", "adam")] {
            let rates = r.labels.indices.filter { r.optimizers[$0] == optimizer && !r.isControlRow($0) }.map { r.learningRates[$0] }
            values["leimkuhler.\(name)-rates"] = PaperText.list(rates.sorted().map(ReportNumber.exact))
        }
        values["leimkuhler.equipartition-tolerance"] = ReportNumber.exact(thresholds.equipartitionTolerance)
        values["leimkuhler.band"] = LeimkuhlerResults.bandDescription
        values["leimkuhler.series"] = PaperText.list(r.series.map(SeriesNames.readable))
        values.merge(settingValues(r)) { $1 }
        let final = { (o: Int) in
            PaperText.withInterval(100 * r.curve("test_accuracy_mean", o)[last], 100 * r.curve("test_accuracy_low", o)[last], 100 * r.curve("test_accuracy_high", o)[last])
        }
        for o in r.labels.indices {
            values["leimkuhler.final." + rowKey(r, o)] = final(o)
            // Each tensor's late kinetic temperature ÷ target at both measuring points
            // (`leimkuhler.equipartition.langevin.1-biases`, `leimkuhler.equipartition-at-thermostat.lol.1-weights`).
            for t in r.tensors.indices where r.targetTemperature[o, t].isFinite {
                let tensor = r.tensors[t].split(separator: "/").joined(separator: "-")
                for (prefix, grid) in [("equipartition", r.kineticTemperature), ("equipartition-at-thermostat", r.kineticTemperatureAtThermostat)] {
                    let ratio = Equipartition.ratio(Equipartition.series(grid, o, t), target: r.targetTemperature[o, t])
                    values["leimkuhler.\(prefix).\(rowKey(r, o)).\(tensor)"] = ReportNumber.significant(ratio, digits: 2)
                }
            }
        }
        for (name, o) in [("best-sgd", r.bestSGD), ("best-adam", r.bestAdam)] where o >= 0 { values["leimkuhler.final." + name] = final(o) }
        var tables: [String: PaperTable] = [
            "leimkuhler.accuracy": accuracyTable(r, source: source, aggregate: aggregate),
            "leimkuhler.gap": gapTable(r, aggregate: aggregate),
            "leimkuhler.equipartition": equipartitionTable(r, tolerance: thresholds.equipartitionTolerance, aggregate: aggregate),
            "leimkuhler.lyapunov": lyapunovTable(r, aggregate: aggregate),
            "leimkuhler.settings": settingsTable(r, aggregate: aggregate),
            "leimkuhler.variants": variantsTable(r, aggregate: aggregate),
        ]
        tables.merge(claims.tables) { $1 }
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
            valueSources: valueSources, claims: claimRows(r, claims: claims, citation: citation))
    }

    /// The key of row `o` in inline values: its ensembles file's stage key (`sgd`, `adlala`,
    /// `langevin-full-batch`, …; the optimizer's name when unknown), with the rate for a grid.
    static func rowKey(_ r: LeimkuhlerResults, _ o: Int) -> String {
        let origin = { (row: Int) in row < r.sources.count && !r.sources[row].isEmpty ? r.sources[row] : r.optimizers[row] }
        let file = String(origin(o).split(separator: "/").last ?? "")
        let key = file.hasSuffix("-ensembles.h5") ? String(file.dropLast("-ensembles.h5".count)) : r.optimizers[o]
        let grid = r.labels.indices.filter { origin($0) == origin(o) }.count > 1
        return key + (grid ? "-" + ReportNumber.exact(r.learningRates[o]) : "")
    }

    /// The rows in the order of the tables: grouped by optimizer (in the order each first
    /// appears), by rate within a group, controls last.
    static func displayOrder(_ r: LeimkuhlerResults) -> [Int] {
        let first = { (o: Int) in r.optimizers.firstIndex(of: r.optimizers[o]) ?? o }
        return r.labels.indices.sorted {
            (r.isControlRow($0) ? 1 : 0, first($0), r.learningRates[$0], $0) < (r.isControlRow($1) ? 1 : 0, first($1), r.learningRates[$1], $1)
        }
    }

    /// reproduced when the rule holds against every baseline, partly when against some.
    static func verdict(held: Int, total: Int) -> String {
        total > 0 && held == total ? "reproduced" : held > 0 ? "partly reproduced" : "not reproduced"
    }

    static func pct(_ fraction: Double) -> String { ReportNumber.significant(100 * fraction, digits: 3) }

    /// The dataset `name` of `group` (default `/optimizers`) of the aggregate, for links of table cells.
    static func dataset(_ name: String, of aggregate: PaperTable.Source, group: String = "optimizers") -> PaperTable.Source {
        PaperTable.Source(path: aggregate.path, part: "/\(group)/\(name)", sha256: aggregate.sha256)
    }

    static func accuracyTable(_ r: LeimkuhlerResults, source: JSONValue, aggregate: PaperTable.Source) -> PaperTable {
        var rows: [[String]] = displayOrder(r).map { o in
            [r.labels[o] + (o == r.bestSGD ? " (best SGD)" : o == r.bestAdam ? " (best Adam)" : ""), "this work, mean [95% t] over \(r.seedCount) seeds"] + r.tableEpochs.map { epoch in
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
        var table = PaperTable(
            caption: "Test accuracy (%) at epochs \(r.tableEpochs.map(ReportNumber.exact).joined(separator: " / ")): ours (mean and 95 % t interval over seeds) beside the authors' numbers, quoted under the epoch they were reported for (n/a where that epoch is not in the table). A full-batch control trains the same number of steps, so for it an epoch means \(r.stepsPerEpoch) full-batch steps.",
            table: MarkdownTable(header: ["optimizer", "source"] + r.tableEpochs.map { "epoch " + ReportNumber.exact($0) }, rows: rows),
            sources: [aggregate])
        // Our rows come first, in display order; the quoted rows after them stay unlinked.
        for (row, o) in displayOrder(r).enumerated() {
            for (j, epoch) in r.tableEpochs.enumerated() {
                guard let k = r.epochIndex(epoch) else { continue }
                table.linkCell(row: row, column: 2 + j, to: .computed(dataset("test_accuracy_mean", of: aggregate), index: [o, k]))
            }
        }
        return table
    }

    static func gapTable(_ r: LeimkuhlerResults, aggregate: PaperTable.Source) -> PaperTable {
        let last = r.epochs.count - 1
        var table = PaperTable(
            caption: "Overfitting at the last epoch: accuracy on the whole training set and on the test set (means over seeds), their gap with its 95 % t interval (percentage points), and the test loss.",
            table: MarkdownTable(header: ["optimizer", "training-set accuracy (%)", "test accuracy (%)", "gap (pp)", "test loss"], rows: displayOrder(r).map { o in
                [r.labels[o], ReportNumber.significant(100 * r.curve("train_accuracy_mean", o)[last], digits: 3),
                 ReportNumber.significant(100 * r.curve("test_accuracy_mean", o)[last], digits: 3),
                 PaperText.withInterval(100 * r.curve("gap_mean", o)[last], 100 * r.curve("gap_low", o)[last], 100 * r.curve("gap_high", o)[last]),
                 PaperText.withInterval(r.curve("test_loss_mean", o)[last], r.curve("test_loss_low", o)[last], r.curve("test_loss_high", o)[last])]
            }),
            sources: [aggregate])
        let order = displayOrder(r)
        for (column, name) in [(1, "train_accuracy_mean"), (2, "test_accuracy_mean"), (3, "gap_mean"), (4, "test_loss_mean")] {
            table.linkColumn(column, to: dataset(name, of: aggregate)) { [order[$0], last] }
        }
        return table
    }

    static func equipartitionTable(_ r: LeimkuhlerResults, tolerance: Double, aggregate: PaperTable.Source) -> PaperTable {
        var rows: [[String]] = []
        var targets: [[Int]] = []
        for o in r.labels.indices {
            for t in r.tensors.indices where r.targetTemperature[o, t].isFinite {
                let target = r.targetTemperature[o, t]
                let points = [r.kineticTemperature, r.kineticTemperatureAtThermostat].flatMap { grid -> [String] in
                    let series = Equipartition.series(grid, o, t), ratio = Equipartition.ratio(series, target: target)
                    // Three digits for the ratio: a ratio near the tolerance must show which side it lies on.
                    return [ReportNumber.significant(Equipartition.lateMean(series), digits: 2), ReportNumber.significant(ratio, digits: 3),
                            Equipartition.holds(ratio: ratio, tolerance: tolerance) ? "yes" : "no"]
                }
                rows.append([r.labels[o], LeimkuhlerFigure.tensorName(r.tensors[t], in: r.tensors), ReportNumber.significant(target, digits: 3)] + points)
                targets.append([o, t])
            }
        }
        var table = PaperTable(
            caption: "Equipartition at two measuring points: kinetic temperature pᵀp/N of each tensor (a layer's weights or biases), mean over seeds and over the second half of training, and its ratio to the target τ. After the step: the momenta at the end of a completed step, after its last gradient kick (the point the rule of claim 4 was stated for, and the one its verdict uses). At the thermostat: inside the same step, where the thermostat acts on the momenta — after the O step for Langevin tensors (where LOL's overdamped layers redraw their momentum), at the E step for Adaptive-Langevin tensors. Within tolerance: the ratio lies within [1/\(ReportNumber.exact(tolerance)), \(ReportNumber.exact(tolerance))]. Full-batch rows are the control without minibatch-gradient noise.",
            table: MarkdownTable(header: ["optimizer", "tensor", "target τ", "after the step: pᵀp/N", "ratio", "within tolerance",
                                          "at the thermostat: pᵀp/N", "ratio", "within tolerance"], rows: rows), sources: [aggregate])
        table.linkColumn(2, to: dataset("target_temperature", of: aggregate)) { targets[$0] }
        return table
    }

    static func lyapunovTable(_ r: LeimkuhlerResults, aggregate: PaperTable.Source) -> PaperTable {
        var table = PaperTable(
            caption: "λ₁ of each optimizer's training map by the tangent method (realized minibatches and noise), mean [95 % t interval] over seeds, per window (\(r.seriesUnits.first ?? "")).",
            table: MarkdownTable(header: ["optimizer"] + r.series.map(SeriesNames.readable), rows: r.labels.indices.map { o in
                [r.labels[o]] + r.series.indices.map { s in
                    PaperText.withInterval(r.lambdaMean[o, s], r.lambdaLow[o, s], r.lambdaHigh[o, s])
                }
            }),
            sources: [aggregate])
        for s in r.series.indices {
            table.linkColumn(1 + s, to: dataset("lambda_mean", of: aggregate)) { [$0, s] }
        }
        return table
    }
}
