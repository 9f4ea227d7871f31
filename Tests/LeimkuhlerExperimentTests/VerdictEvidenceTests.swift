import HDF5
import ReportKit
import TestSupport
import XCTest

@testable import LeimkuhlerExperiment

/// What the E5 verdicts rest on (issue #20): equipartition at both measuring points, where
/// the best SGD and Adam rates lie in their grids, and one claim row per verdict.
final class VerdictEvidenceTests: XCTestCase {
    static let aggregate = PaperTable.Source(path: "aggregate.h5", part: "/optimizers")

    /// ``AnalysisTests/results()`` with AdLaLa's kinetic temperature also measured at the
    /// thermostat: 1e-4 for the weights, 3e-4 for the biases (NaN at epoch 0).
    static func results() -> LeimkuhlerResults {
        let base = AnalysisTests.results()
        var rows: [LeimkuhlerAggregation.RowInput] = []
        for o in base.labels.indices {
            let kinetic = base.optimizers[o] == "adlala"
            rows.append(LeimkuhlerAggregation.RowInput(
                label: base.labels[o], optimizer: base.optimizers[o], learningRate: base.learningRates[o],
                testAccuracy: (0..<2).map { base.testAccuracyPerSeed.line(o, $0) },
                testLoss: [[0.7, 0.5, 0.4], [0.7, 0.5, 0.3]], trainAccuracy: [[0.5, 0.8, 0.8], [0.5, 0.8, 0.8]],
                trainLoss: [[0.7, 0.4, 0.3], [0.7, 0.4, 0.2]],
                kineticTemperature: kinetic ? [[[0, 2e-4, 1e-4], [0, 2e-4, 1e-4]], [[0, 1e-4, 1e-4], [0, 1e-4, 1e-4]]] : [],
                targetTemperature: kinetic ? [1e-4, 1e-4] : [], lambda: [[0.01, 0.03], [-0.01, 0.01]],
                kineticTemperatureAtThermostat: kinetic ? [[[.nan, 1e-4, 1e-4], [.nan, 1e-4, 1e-4]], [[.nan, 3e-4, 3e-4], [.nan, 3e-4, 3e-4]]] : []))
        }
        return LeimkuhlerAggregation.results(
            rows, epochs: base.epochs, tableEpochs: base.tableEpochs, tensors: base.tensors, series: base.series,
            seriesUnits: base.seriesUnits, seedCount: 2, stepsPerEpoch: 20, targetAccuracy: 0.8)
    }

    func testGridPositionSaysWhetherTheBestRateIsInterior() {
        XCTAssertEqual(GridPosition.of(0.2, in: [0.01, 0.2, 0.5]), .interior)
        XCTAssertEqual(GridPosition.of(0.01, in: [0.5, 0.01, 0.2]), .lowerEnd, "any order")
        XCTAssertEqual(GridPosition.of(0.5, in: [0.01, 0.2, 0.5, 0.5]), .upperEnd, "duplicates count once")
        XCTAssertEqual(GridPosition.of(0.005, in: [0.005, 0.005]), .onlyRate)
        XCTAssertEqual(GridPosition.of(.nan, in: [0.1, 0.2]), .none)
        XCTAssertTrue(GridPosition.interior.isInterior)
        XCTAssertFalse(GridPosition.upperEnd.isInterior)
        XCTAssertTrue(GridPosition.upperEnd.sentence.contains("upper end"))
    }

    func testAggregateRecordsWhereTheBestRatesLieAndReadsThemBack() throws {
        let r = Self.results()
        XCTAssertEqual(r.learningRates[r.bestSGD], 0.2)
        XCTAssertEqual(r.bestSGDPosition, .upperEnd, "SGD's best (0.2) is the largest of 0.01 and 0.2")
        XCTAssertEqual(r.bestAdamPosition, .onlyRate)
        // Widen SGD's grid above the best rate: now interior.
        let rows = (0..<4).map { o in
            LeimkuhlerAggregation.RowInput(
                label: "row \(o)", optimizer: ["gd", "gd", "gd", "adlala"][o], learningRate: [0.01, 0.2, 0.5, 0.25][o],
                testAccuracy: [[0.5, 0.6], [0.5, [0.6, 0.7, 0.65, 0.9][o]]], testLoss: [[0.7, 0.5], [0.7, 0.5]],
                trainAccuracy: [[0.5, 0.6], [0.5, 0.6]], trainLoss: [[0.7, 0.5], [0.7, 0.5]], kineticTemperature: [], targetTemperature: [],
                lambda: [])
        }
        let interior = LeimkuhlerAggregation.results(
            rows, epochs: [0, 10], tableEpochs: [10], tensors: [], series: [], seriesUnits: [], seedCount: 2, stepsPerEpoch: 20, targetAccuracy: 0.8)
        XCTAssertEqual(interior.learningRates[interior.bestSGD], 0.2)
        XCTAssertEqual(interior.bestSGDPosition, .interior)
        XCTAssertEqual(interior.bestAdamPosition, .none, "no Adam rows")

        let directory = TemporaryDirectory("leimkuhler-positions")
        let file = try HDF5File.create(directory.path + "/aggregate.h5")
        try r.write(into: file)
        try file.close()
        let read = try LeimkuhlerResults.read(path: directory.path + "/aggregate.h5")
        XCTAssertEqual(read.bestSGDPosition, .upperEnd)
        XCTAssertEqual(read.bestAdamPosition, .onlyRate)
        XCTAssertEqual(read.kineticTemperatureAtThermostat.shape, r.kineticTemperatureAtThermostat.shape)
        XCTAssertEqual(read.kineticTemperatureAtThermostat.values.map { $0.isNaN ? -1 : $0 }, r.kineticTemperatureAtThermostat.values.map { $0.isNaN ? -1 : $0 })
    }

    func testEquipartitionIsReportedAtBothMeasuringPoints() throws {
        let r = Self.results()
        let adlala = r.optimizers.firstIndex(of: "adlala")!
        XCTAssertEqual(r.kineticTemperatureAtThermostat.shape, [4, 2, 3])
        XCTAssertTrue(r.kineticTemperatureAtThermostat[0, 0, 1].isNaN, "SGD has no momenta")
        XCTAssertEqual(r.kineticTemperatureAtThermostat[adlala, 1, 2], 3e-4, accuracy: 1e-18)
        XCTAssertEqual(Equipartition.ratio(Equipartition.series(r.kineticTemperatureAtThermostat, adlala, 1), target: 1e-4), 3, accuracy: 1e-12,
                       "the late half's finite values; epoch 0 is NaN")
        let table = LeimkuhlerSection.equipartitionTable(r, tolerance: 2, aggregate: Self.aggregate)
        XCTAssertEqual(table.table.header.count, 9)
        XCTAssertTrue(table.table.header.contains("at the thermostat: pᵀp/N"))
        let biases = try XCTUnwrap(table.table.rows.first { $0[1] == "output biases" }, "tensors by their readable names")
        let tensors = ["0/weights", "0/biases", "1/weights", "1/biases", "2/weights"]
        XCTAssertEqual(tensors.map { LeimkuhlerFigure.tensorName($0, in: tensors) },
                       ["first-layer weights", "first-layer biases", "layer 2 weights", "layer 2 biases", "output weights"])
        // After the step: late mean 1e-4 → ratio 1, within 2; at the thermostat: ratio 3, not within.
        XCTAssertEqual(Array(biases[4...5]), ["1.00", "yes"])
        XCTAssertEqual(Array(biases[7...8]), ["3.00", "no"])
        XCTAssertEqual(AmendedVerdict.equipartitionHolds(r, adlala, tolerance: 2).held, 2, "the verdict uses the stated point, after the step")
    }

    func testClaimRowsCarryOneRowPerVerdictWithTheOldRulesBeside() {
        let r = Self.results()
        let claims = LeimkuhlerSection.amendedClaims(r, thresholds: .defaults, aggregate: Self.aggregate)
        let rows = LeimkuhlerSection.claimRows(r, claims: claims, citation: "Leimkuhler, Matthews & Vlaar (2019), FoDS 1(4)")
        XCTAssertEqual(rows.map(\.id), (1...5).map { "leimkuhler.claim\($0)" })
        XCTAssertEqual(Set(rows.map(\.id)), Set(claims.verdicts.keys))
        for row in rows {
            XCTAssertEqual(row.verdict, claims.verdicts[row.id])
            XCTAssertEqual(row.evidence, "tableref:leimkuhler.claims")
            XCTAssertEqual(row.source, "Leimkuhler, Matthews & Vlaar (2019)")
        }
        XCTAssertEqual(rows.map { $0.firstRuleVerdict != nil }, [true, false, true, false, false], "old rules of claims 1 and 3 only")
        XCTAssertEqual(rows[0].firstRuleVerdict, claims.values["leimkuhler.claim1.old.verdict"])
    }
}
