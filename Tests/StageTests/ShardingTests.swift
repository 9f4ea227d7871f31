import Foundation
import HDF5
import Pipeline
import Provenance
import TestSupport
import XCTest

/// A sweep split into shards (separate processes) aggregates to exactly the numbers of
/// the unsharded sweep.
final class ShardingTests: XCTestCase {
    func testShardedSweepAggregatesLikeTheWholeSweep() throws {
        let real = try RealPipeline()
        /// A stage of the real pipeline with its smoke parameters and `changes` merged in;
        /// the learning-regime study is not part of these comparisons.
        func stage(_ name: String, inputs: [String], outputs: [String], changes: JSONValue = .object([:])) -> JSONValue {
            guard case .object(var members) = real.stage(name, inputs: inputs, outputs: outputs, changes: changes),
                case .object(var parameters)? = members["parameters"]
            else { return .null }
            parameters["learningStudy"] = nil
            parameters["learningStudyEnsembles"] = nil
            members["parameters"] = .object(parameters)
            return .object(members)
        }
        var stages: [String: JSONValue] = ["generate-xor": stage("generate-xor", inputs: [], outputs: ["data/xor.h5"])]
        stages["e1"] = stage("mittra-e1-ensembles", inputs: ["data/xor.h5"], outputs: ["e1.h5"])
        stages["e1-x"] = stage("mittra-e1-exponents", inputs: ["data/xor.h5", "e1.h5"], outputs: ["e1-x.h5"], changes: .object(["ensembles": .string("e1.h5")]))
        for shard in 0..<2 {
            stages["e1-s\(shard)"] = stage(
                "mittra-e1-ensembles", inputs: ["data/xor.h5"], outputs: ["e1-s\(shard).h5"],
                changes: .object(["shard": .object(["index": .int(Int64(shard)), "count": .int(2)])]))
            stages["e1-s\(shard)-x"] = stage(
                "mittra-e1-exponents", inputs: ["data/xor.h5", "e1-s\(shard).h5"], outputs: ["e1-s\(shard)-x.h5"],
                changes: .object(["ensembles": .string("e1-s\(shard).h5")]))
        }
        stages["e23"] = stage("mittra-e23-ensembles", inputs: ["data/xor.h5"], outputs: ["e23.h5"])
        stages["e23-x"] = stage("mittra-e23-exponents", inputs: ["data/xor.h5", "e23.h5"], outputs: ["e23-x.h5"], changes: .object(["ensembles": .string("e23.h5")]))
        stages["whole"] = stage(
            "mittra-aggregate", inputs: ["e1-x.h5", "e1.h5", "e23-x.h5", "e23.h5"], outputs: ["whole.h5"],
            changes: .object([
                "learningRateSweep": .string("e1-x.h5"), "learningRateSweepEnsembles": .string("e1.h5"), "activationStudy": .string("e23-x.h5"), "activationStudyEnsembles": .string("e23.h5"),
            ]))
        stages["sharded"] = stage(
            "mittra-aggregate", inputs: ["e1-s1-x.h5", "e1-s0-x.h5", "e1-s0.h5", "e1-s1.h5", "e23-x.h5", "e23.h5"], outputs: ["sharded.h5"],
            changes: .object([
                "learningRateSweep": .array([.string("e1-s1-x.h5"), .string("e1-s0-x.h5")]),
                "learningRateSweepEnsembles": .array([.string("e1-s0.h5"), .string("e1-s1.h5")]), "activationStudy": .string("e23-x.h5"), "activationStudyEnsembles": .string("e23.h5"),
            ]))
        // More seeds at large η (seedOffset, atLeast): merged with the base sweep by index,
        // and beside it the same seeds trained in one sweep.
        let smokeSeeds = 3, addedSeeds = 2
        stages["more"] = stage(
            "mittra-e1-large-lr-ensembles", inputs: ["data/xor.h5"], outputs: ["more.h5"],
            changes: .object(["seedOffset": .int(Int64(smokeSeeds)), "seedCount": .int(Int64(addedSeeds))]))
        stages["more-x"] = stage(
            "mittra-e1-large-lr-exponents", inputs: ["data/xor.h5", "more.h5"], outputs: ["more-x.h5"],
            changes: .object(["ensembles": .string("more.h5")]))
        stages["all-seeds"] = stage(
            "mittra-e1-ensembles", inputs: ["data/xor.h5"], outputs: ["all-seeds.h5"],
            changes: .object(["seedCount": .int(Int64(smokeSeeds + addedSeeds))]))
        stages["extended"] = stage(
            "mittra-aggregate", inputs: ["e1-x.h5", "more-x.h5", "e1.h5", "more.h5", "e23-x.h5", "e23.h5"], outputs: ["extended.h5"],
            changes: .object([
                "learningRateSweep": .array([.string("e1-x.h5"), .string("more-x.h5")]),
                "learningRateSweepEnsembles": .array([.string("e1.h5"), .string("more.h5")]), "activationStudy": .string("e23-x.h5"), "activationStudyEnsembles": .string("e23.h5"),
            ]))
        let project = try real.run(stages, label: "shards")

        try checkSeedExtension(project.path, base: smokeSeeds, added: addedSeeds)
        let whole = try HDF5File.open(project.path + "/whole.h5")
        let sharded = try HDF5File.open(project.path + "/sharded.h5")
        let group = "learning_rate_sweep"
        let names = try whole.root.openGroup(group).memberNames()
        XCTAssertTrue(names.contains("mean"))
        for name in names {
            let a = try whole.root.openGroup(group).dataset(name)
            let b = try sharded.root.openGroup(group).dataset(name)
            XCTAssertEqual(a.shape, b.shape, name)
            if a.elementType == .float64 {
                XCTAssertEqual(try a.read(as: Double.self).values.map(\.bitPattern), try b.read(as: Double.self).values.map(\.bitPattern), name)
            } else {
                XCTAssertEqual(try a.read(as: Int64.self).values, try b.read(as: Int64.self).values, name)
            }
        }
    }

    /// The extended aggregate has base + added seeds exactly in the cells at η ≥ the
    /// extension's floor, the seeds' training is that of one sweep over all seeds (keys by
    /// seed, not by index), and the configuration indices did not collide (else it throws).
    func checkSeedExtension(_ root: String, base: Int, added: Int) throws {
        let extended = try HDF5File.open(root + "/extended.h5")
        let group = try extended.root.openGroup("learning_rate_sweep")
        guard case .doubles(let rates) = try group.attribute("learning_rates"),
            case .ints(let seeds) = try group.attribute("seed_indices")
        else { return XCTFail("learning_rates or seed_indices missing") }
        XCTAssertEqual(seeds, (0..<Int64(base + added)).map { $0 })
        let trials = try group.dataset("seed_trials").read(as: Int64.self)
        let e = rates.count
        for (cell, count) in trials.values.enumerated() {
            XCTAssertEqual(count, Int64(rates[cell % e] >= 10 ? base + added : base), "cell \(cell), η = \(rates[cell % e])")
        }
        // The added seeds train exactly as seeds 3 and 4 of one sweep over five seeds.
        let more = try HDF5File.open(root + "/more.h5"), all = try HDF5File.open(root + "/all-seeds.h5")
        func losses(_ file: HDF5File) throws -> [String: [UInt64]] {
            let table = try file.root.openGroup("configurations")
            let activation = try table.readStrings("activation").values, width = try table.readDataset("width", as: Int64.self).values
            let rate = try table.readDataset("learning_rate", as: Double.self).values, seed = try table.readDataset("seed_index", as: Int64.self).values
            let loss = try file.root.openGroup("reference").readDataset("training_loss", as: Double.self)
            let length = loss.shape[1]
            var result: [String: [UInt64]] = [:]
            for row in activation.indices {
                result["\(activation[row])/\(width[row])/\(rate[row].bitPattern)/\(seed[row])"] =
                    loss.values[(row * length)..<((row + 1) * length)].map(\.bitPattern)
            }
            return result
        }
        let extension_ = try losses(more), reference = try losses(all)
        XCTAssertFalse(extension_.isEmpty)
        for (key, series) in extension_ { XCTAssertEqual(series, reference[key], key) }
    }
}
