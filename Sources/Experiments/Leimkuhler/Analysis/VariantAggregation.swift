import Provenance
import ReportKit

/// The statistics of an optimizer's main run and its variants (docs/PROTOCOL.md §4, "show their
/// effect"), from the same per-seed inputs as every other row: the band of the final test
/// accuracy, of the train–test gap at the last epoch, and the first-layer kinetic
/// temperature at the last epoch (mean over seeds) against its target.
public enum VariantAggregation {
    /// The results of `rows` (main run first), whose settings are `hyperparameters` and whose
    /// ensembles files are `sources`; `tensors` names the kinetic-temperature series of every row.
    public static func results(
        _ rows: [LeimkuhlerAggregation.RowInput], hyperparameters: [JSONValue], sources: [String], tensors: [String]
    ) -> VariantResults {
        let firstLayer = tensors.indices.filter { tensors[$0].hasPrefix("0/") }
        var kinetic: [Double] = [], targets: [Double] = []
        for row in rows {
            for t in firstLayer {
                let ends = t < row.kineticTemperature.count ? row.kineticTemperature[t].map { $0.last ?? .nan } : []
                kinetic.append(SeedBand(ends).mean)
                targets.append(t < row.targetTemperature.count ? row.targetTemperature[t] : .nan)
            }
        }
        let gaps = rows.map { row in zip(row.trainAccuracy, row.testAccuracy).map { ($0.last ?? .nan) - ($1.last ?? .nan) } }
        let shape = [rows.count, firstLayer.count]
        return VariantResults(
            sources: sources, optimizer: rows.first?.optimizer ?? "", tensors: firstLayer.map { tensors[$0] },
            hyperparameters: HyperparameterTable(hyperparameters),
            finalAccuracy: rows.map { SeedBand($0.testAccuracy.map { $0.last ?? .nan }) }, gap: gaps.map(SeedBand.init),
            kineticTemperatureEnd: Grid(values: kinetic, shape: shape), targetTemperature: Grid(values: targets, shape: shape))
    }
}
