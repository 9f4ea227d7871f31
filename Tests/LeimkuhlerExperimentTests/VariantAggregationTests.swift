import HDF5
@testable import LeimkuhlerExperiment
import Provenance
import ReportKit
import TestSupport
import XCTest

/// The settings table and the LOL variants' statistics as specifications (docs/PROTOCOL.md §4:
/// "γ₁ and τ₁ for LOL are not given anywhere: choose, state, and show their effect").
final class VariantAggregationTests: XCTestCase {
    static func lol(_ friction: Double, _ temperature: Double) -> JSONValue {
        .object(["firstLayerFriction": .double(friction), "firstLayerTemperature": .double(temperature), "temperature": .double(1e-4)])
    }

    func testHyperparameterTableFlattensSortsAndLeavesNaNWhereASettingIsMissing() {
        let table = HyperparameterTable([
            Self.lol(0.1, 1e-4), .object([:]),
            .object(["friction": .double(0.1), "layerTemperatures": .array([.double(1e-4), .double(2e-4)])]),
        ])
        XCTAssertEqual(table.names, ["firstLayerFriction", "firstLayerTemperature", "friction", "layerTemperatures[0]", "layerTemperatures[1]", "temperature"])
        XCTAssertEqual(table.value(0, "firstLayerFriction"), 0.1)
        XCTAssertNil(table.value(1, "firstLayerFriction"))
        XCTAssertNil(table.value(0, "friction"))
        XCTAssertEqual(table.value(2, "layerTemperatures[1]"), 2e-4)
        XCTAssertEqual(table.settings(2).map(\.name), ["friction", "layerTemperatures[0]", "layerTemperatures[1]"])
    }

    /// Two seeds, three epochs; first-layer tensors 0/weights, 0/biases, then 1/weights.
    static func row(final: [Double], train: [Double], kineticEnd: [Double]) -> LeimkuhlerAggregation.RowInput {
        LeimkuhlerAggregation.RowInput(
            label: "LOL", optimizer: "lol", learningRate: 0.25, testAccuracy: final.map { [0.5, 0.6, $0] }, testLoss: [[0.7, 0.6, 0.5], [0.7, 0.6, 0.5]],
            trainAccuracy: train.map { [0.5, 0.6, $0] }, trainLoss: [[0.7, 0.6, 0.5], [0.7, 0.6, 0.5]],
            kineticTemperature: [kineticEnd.map { [1, 1, $0] }, kineticEnd.map { [1, 1, 2 * $0] }, [[1, 1, 1], [1, 1, 1]]],
            targetTemperature: [1e-4, 1e-4, 1e-4], lambda: [])
    }

    static func variants() -> VariantResults {
        VariantAggregation.results(
            [row(final: [0.8, 0.9], train: [0.9, 1.0], kineticEnd: [1e-4, 3e-4]), row(final: [0.6, 0.6], train: [0.7, 0.9], kineticEnd: [2e-4, 2e-4])],
            hyperparameters: [lol(0.1, 1e-4), lol(0.01, 1e-4)], sources: ["main.h5", "variant.h5"],
            tensors: ["0/weights", "0/biases", "1/weights"])
    }

    func testVariantStatisticsAreThoseOfTheLastEpoch() {
        let v = Self.variants()
        XCTAssertEqual(v.optimizer, "lol")
        XCTAssertEqual(v.tensors, ["0/weights", "0/biases"], "only the first layer's tensors")
        XCTAssertEqual(v.hyperparameters.value(1, "firstLayerFriction"), 0.01)
        XCTAssertEqual(v.finalAccuracy[0].mean, 0.85, accuracy: 1e-12)
        // SD of (0.8, 0.9) = 0.0707107; t_{0.975, 1} = 12.7062 → half-width 12.7062 · 0.0707107/√2 = 0.635310.
        XCTAssertEqual(v.finalAccuracy[0].standardDeviation, 0.0707107, accuracy: 1e-6)
        XCTAssertEqual(v.finalAccuracy[0].high - 0.85, 0.635310, accuracy: 1e-5)
        XCTAssertEqual(v.finalAccuracy[1].standardDeviation, 0, accuracy: 1e-15)
        // Gaps at the last epoch: main (0.1, 0.1), variant (0.1, 0.3).
        XCTAssertEqual(v.gap[0].mean, 0.1, accuracy: 1e-12)
        XCTAssertEqual(v.gap[1].mean, 0.2, accuracy: 1e-12)
        // Kinetic temperature at the last epoch, mean over seeds: main W (1e-4 + 3e-4)/2, b twice that.
        XCTAssertEqual(v.kineticTemperatureEnd[0, 0], 2e-4, accuracy: 1e-15)
        XCTAssertEqual(v.kineticTemperatureEnd[0, 1], 4e-4, accuracy: 1e-15)
        XCTAssertEqual(v.kineticTemperatureEnd[1, 0], 2e-4, accuracy: 1e-15)
        XCTAssertEqual(v.targetTemperature[1, 1], 1e-4)
    }

    func testVariantsRoundTripAndTable() throws {
        var results = AnalysisTests.results()
        results.variants = Self.variants()
        let directory = TemporaryDirectory("leimkuhler-variants")
        let file = try HDF5File.create(directory.path + "/aggregate.h5")
        try results.write(into: file)
        try file.close()
        let read = try XCTUnwrap(try LeimkuhlerResults.read(path: directory.path + "/aggregate.h5").variants)
        XCTAssertEqual(read.sources, ["main.h5", "variant.h5"])
        XCTAssertEqual(read.finalAccuracy, results.variants!.finalAccuracy)
        XCTAssertEqual(read.gap.map(\.mean), results.variants!.gap.map(\.mean))
        XCTAssertEqual(read.kineticTemperatureEnd.values, results.variants!.kineticTemperatureEnd.values)
        XCTAssertEqual(read.hyperparameters, results.variants!.hyperparameters)
        results.variants = read
        let table = LeimkuhlerSection.variantsTable(results, aggregate: PaperTable.Source(path: "aggregate.h5", part: "/optimizers"))
        XCTAssertEqual(table.table.rows.count, 2)
        XCTAssertEqual(Array(table.table.rows[1].prefix(3)), ["variant", "0.01", "0.0001"])
        XCTAssertEqual(table.table.rows[0][6], "2.00", "main: first-layer weights at twice their target")
    }
}
