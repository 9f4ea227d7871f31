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
        let real = try JSONValue.parse(
            Data(contentsOf: URL(fileURLWithPath: TestLocations.packageRoot + "/pipeline.json")), source: "pipeline.json")
        guard case .object(let realStages)? = real["stages"] else { return XCTFail("no stages") }
        /// A stage of the real pipeline with its smoke parameters and `changes` merged in.
        func stage(_ name: String, inputs: [String], outputs: [String], changes: JSONValue = .object([:])) -> JSONValue {
            let original = realStages[name]!
            var parameters = JSONValue.merged(original["parameters"]!, original["profileParameters"]?["smoke"] ?? .object([:]))
            parameters = JSONValue.merged(parameters, changes)
            return .object([
                "executable": original["executable"]!, "parameters": parameters, "seeds": original["seeds"] ?? .object([:]),
                "inputs": .array(inputs.map { .string($0) }), "outputs": .array(outputs.map { .string($0) }),
            ])
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
            "mittra-aggregate", inputs: ["e1-x.h5", "e23-x.h5"], outputs: ["whole.h5"],
            changes: .object(["learningRateSweep": .string("e1-x.h5"), "activationStudy": .string("e23-x.h5")]))
        stages["sharded"] = stage(
            "mittra-aggregate", inputs: ["e1-s1-x.h5", "e1-s0-x.h5", "e23-x.h5"], outputs: ["sharded.h5"],
            changes: .object(["learningRateSweep": .array([.string("e1-s1-x.h5"), .string("e1-s0-x.h5")]), "activationStudy": .string("e23-x.h5")]))
        let spec = JSONValue.object([
            "formatVersion": .int(1), "profiles": .object(["default": .object(["root": .string(".")])]),
            "experiments": real["experiments"]!, "stages": .object(stages),
        ])
        let project = TemporaryDirectory("shards")
        try project.write("pipeline.json", spec.prettyText)
        let layout = ProjectLayout(projectRoot: project.path, packageRoot: TestLocations.packageRoot, binDirectory: TestLocations.binDirectory)
        _ = try Runner(layout: layout, profile: "default") { _ in }.run(RunOptions(threads: 2, quiet: true))

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
}
