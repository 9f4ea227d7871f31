import ReportKit

/// The section's account of the optimizer settings (docs/PROTOCOL.md §4): what every ensembles
/// file says it was trained with, and the effect of LOL's γ₁ and τ₁, which no source gives.
extension LeimkuhlerSection {
    /// The names under which the ensembles files record LOL's first-layer friction γ₁ and temperature τ₁.
    static let firstLayerFriction = "firstLayerFriction", firstLayerTemperature = "firstLayerTemperature"

    /// Inline values of the settings: `leimkuhler.lol.gamma1`, `.tau1` from LOL's row of `/optimizers`.
    static func settingValues(_ r: LeimkuhlerResults) -> [String: String] {
        let lol = r.optimizers.firstIndex(of: "lol")
        let text = { (name: String) in lol.flatMap { r.hyperparameters.value($0, name) }.map(ReportNumber.exact) ?? ReportNumber.missing }
        return ["leimkuhler.lol.gamma1": text(firstLayerFriction), "leimkuhler.lol.tau1": text(firstLayerTemperature)]
    }

    /// Every row's step size and settings as its ensembles file records them.
    static func settingsTable(_ r: LeimkuhlerResults, aggregate: PaperTable.Source) -> PaperTable {
        PaperTable(
            caption: "Optimizer settings as recorded in each ensembles file (attribute optimizer_hyperparameters), beside the step size (learning rate η or splitting step h).",
            table: MarkdownTable(header: ["optimizer", "step size", "other settings"], rows: displayOrder(r).map { o in
                let settings = r.hyperparameters.settings(o).map { PaperText.code($0.name) + " = " + ReportNumber.exact($0.value) }
                return [r.labels[o], ReportNumber.exact(r.learningRates[o]), settings.isEmpty ? "none" : settings.joined(separator: ", ")]
            }),
            sources: [aggregate])
    }

    /// The main LOL run beside its variants in γ₁ and τ₁ (`/variants`).
    static func variantsTable(_ r: LeimkuhlerResults, aggregate: PaperTable.Source) -> PaperTable {
        let source = PaperTable.Source(path: aggregate.path, part: "/variants", sha256: aggregate.sha256)
        guard let v = r.variants else {
            return PaperTable(caption: "No variants were trained.", table: MarkdownTable(header: ["run"], rows: []), sources: [source])
        }
        let setting = { (row: Int, name: String) in v.hyperparameters.value(row, name).map(ReportNumber.exact) ?? ReportNumber.missing }
        let pp = { (band: SeedBand) in PaperText.withInterval(100 * band.mean, 100 * band.low, 100 * band.high) }
        var table = PaperTable(
            caption: "Effect of LOL's γ₁ and τ₁: the main choice and each variant (one setting changed, all else as the main run), at the last epoch: test accuracy (%, mean [95 % t] over seeds) and its standard deviation over seeds, the gap between training-set and test accuracy (pp), and each first-layer tensor's kinetic temperature pᵀp/N (mean over seeds) divided by its target τ₁.",
            table: MarkdownTable(
                header: ["run", "γ₁", "τ₁", "test accuracy (%)", "SD (pp)", "gap (pp)"] + v.tensors.map { "pᵀp/N ÷ τ₁, " + $0 },
                rows: (0..<v.count).map { i in
                    [i == 0 ? "main choice" : "variant", setting(i, firstLayerFriction), setting(i, firstLayerTemperature), pp(v.finalAccuracy[i]),
                     ReportNumber.significant(100 * v.finalAccuracy[i].standardDeviation, digits: 3), pp(v.gap[i])]
                        + v.tensors.indices.map { t in
                            let (kinetic, target) = (v.kineticTemperatureEnd[i, t], v.targetTemperature[i, t])
                            return ReportNumber.significant(target > 0 ? kinetic / target : .nan, digits: 3)
                        }
                }),
            sources: [source])
        for (column, name) in [(3, "final_accuracy_mean"), (4, "final_accuracy_sd"), (5, "gap_mean")] {
            table.linkColumn(column, to: dataset(name, of: aggregate, group: "variants")) { [$0] }
        }
        return table
    }
}
