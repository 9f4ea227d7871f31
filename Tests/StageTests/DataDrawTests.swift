import Datasets
import FileSchemas
import Foundation
import HDF5
import NumericsCore
import Pipeline
import Provenance
import TestSupport
@testable import TrainingStage
import XCTest

/// E5's seed band covers the data draw (docs/PROTOCOL.md §4): `generate-data` writes several
/// independent draws, `train-ensembles` with `dataDraw: per-seed` trains seed s on draw s
/// and records it, and `estimate-exponents` replays each run on its own draw.
final class DataDrawTests: XCTestCase {
    func column<T: HDF5Element>(_ file: HDF5File, _ group: String, _ name: String, as type: T.Type) throws -> [T] {
        try file.root.openGroup(group).readDataset(name, as: type).values
    }

    /// Rows of a [C, …] dataset.
    func rows(_ file: HDF5File, _ group: String, _ name: String) throws -> [[UInt64]] {
        let data = try file.root.openGroup(group).readDataset(name, as: Double.self)
        let width = data.values.count / max(data.shape[0], 1)
        return (0..<data.shape[0]).map { data.values[($0 * width)..<(($0 + 1) * width)].map(\.bitPattern) }
    }

    func testPerSeedDrawsTrainAndReplayEachSeedOnItsOwnDraw() throws {
        let real = try RealPipeline()
        var stages: [String: JSONValue] = [:]
        stages["spirals"] = real.stage("generate-spirals", inputs: [], outputs: ["data/spirals.h5"], changes: .object(["draws": .int(2)]))
        for rule in ["per-seed", "fixed"] {
            stages["train-\(rule)"] = real.stage(
                "leimkuhler-adam-ensembles", inputs: ["data/spirals.h5"], outputs: ["\(rule).h5"],
                changes: .object(["dataDraw": .string(rule), "seedCount": .int(2), "steps": .int(60),
                                  "record": .object(["evaluationInterval": .int(20), "parameterInterval": .int(60)])]))
            stages["exponents-\(rule)"] = real.stage(
                "leimkuhler-adam-exponents", inputs: ["data/spirals.h5", "\(rule).h5"], outputs: ["\(rule)-x.h5"],
                changes: .object(["ensembles": .string("\(rule).h5"), "windows": .object(["early": .array([.int(0), .int(20)]), "late": .array([.int(40), .int(60)])])]))
        }
        let project = try real.run(stages, label: "draws")
        let root = project.path

        // Two draws of the same law, independent: different points, same sizes.
        let data = try HDF5File.open(root + "/data/spirals.h5")
        XCTAssertEqual(try data.root.attribute("draw_count"), .int(2))
        let draws = try data.root.openGroup("draws")
        XCTAssertEqual(try draws.memberNames(), ["0000", "0001"])
        let first = try draws.openGroup("0000").openGroup("train").readDataset("inputs", as: Double.self).values
        let second = try draws.openGroup("0001").openGroup("train").readDataset("inputs", as: Double.self).values
        XCTAssertEqual(first.count, second.count)
        XCTAssertNotEqual(first, second)
        XCTAssertFalse(try data.root.contains("train"), "a multi-draw file has no root train group")

        let perSeed = try HDF5File.open(root + "/per-seed.h5"), fixed = try HDF5File.open(root + "/fixed.h5")
        XCTAssertEqual(try column(perSeed, "configurations", "seed_index", as: Int64.self), [0, 1])
        XCTAssertEqual(try column(perSeed, "configurations", "data_draw", as: Int64.self), [0, 1])
        XCTAssertEqual(try column(fixed, "configurations", "data_draw", as: Int64.self), [0, 0])
        // Seed 0 trains on draw 0 under both rules: the same run bit for bit; seed 1 differs
        // only in its data (same initialisation, batches and noise streams).
        let a = try rows(perSeed, "reference", "final_parameters"), b = try rows(fixed, "reference", "final_parameters")
        XCTAssertEqual(a[0], b[0])
        XCTAssertNotEqual(a[1], b[1])
        let initialA = try rows(perSeed, "reference", "parameters"), initialB = try rows(fixed, "reference", "parameters")
        XCTAssertEqual(initialA[1].prefix(5), initialB[1].prefix(5), "the same initialisation stream")
        // The estimator replays each run on the draw it was trained on: seed 0 the same λ
        // under both rules, seed 1 (other data) a different one.
        let lambdaA = try rows(try HDF5File.open(root + "/per-seed-x.h5"), "exponents", "estimate")
        let lambdaB = try rows(try HDF5File.open(root + "/fixed-x.h5"), "exponents", "estimate")
        XCTAssertEqual(lambdaA[0], lambdaB[0])
        XCTAssertNotEqual(lambdaA[1], lambdaB[1])
    }

    func testTooFewDrawsIsAClearErrorNamingTheFile() throws {
        let directory = TemporaryDirectory("few-draws")
        let path = directory.path + "/two-draws.h5"
        let file = try HDF5File.create(path)
        for draw in 0..<2 {
            let data = TwoSpirals(sampleCount: 10).generate(key: SeedKey(7).derive("draw", draw))
            let split = DataFile.Split(inputs: data.inputs, labels: data.labels, featureCount: data.featureCount)
            try DataFile.write(split, split: "train", draw: draw, to: file)
            try DataFile.write(split, split: "test", draw: draw, to: file)
        }
        try file.write(DataFile.Fields.drawCount, 2)
        try file.close()

        let reopened = try HDF5File.open(path)
        XCTAssertEqual(try DataFile.drawCount(in: reopened), 2)
        XCTAssertEqual(try DataFile.read(split: "train", draw: 1, from: reopened).count, 10)
        XCTAssertThrowsError(try DataFile.read(split: "train", draw: 2, from: reopened)) { error in
            XCTAssertTrue("\(error)".contains("two-draws.h5") && "\(error)".contains("holds 2 draws"), "\(error)")
        }
        XCTAssertThrowsError(
            try DrawnData.read(draws: [0, 1, 2], from: reopened, stage: "e5-train", outputCount: { _ in 1 })
        ) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("two-draws.h5") && text.contains("'e5-train'") && text.contains("draws ≥ 3"), text)
        }
    }
}
