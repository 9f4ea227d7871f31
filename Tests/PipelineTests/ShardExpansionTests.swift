import Foundation
import Pipeline
import Provenance
import TestSupport
import XCTest

/// `"shards": {"count": n}` in pipeline.json: the expanded graph that `run`, `status`,
/// `dag` and the Snakemake workflow all see.
final class ShardExpansionTests: XCTestCase {
    let directory = TemporaryDirectory("shard-spec")

    func spec(_ train: String, extra: String = "") throws -> PipelineSpec {
        let text = """
            {"formatVersion": 1, "profiles": {"default": {"root": "."}, "smoke": {"root": "out/smoke"}},
             "experiments": {"e": {"rootSeed": 5}},
             "stages": {
               "data": {"executable": "generate-data", "parameters": {"dataset": "xor"}, "seeds": {"data": "e/data"},
                        "outputs": ["data/xor.h5"]},
               "train": {"executable": "train-ensembles", "parameters": {"steps": 10, "network": {"loss": "mse"}},
                         "profileParameters": {"smoke": {"steps": 5}}, "seeds": {"ensembles": "e/ensembles"},
                         "inputs": ["data/xor.h5"], "outputs": ["data/mittra/e1.h5"]\(train)},
               "estimate": {"executable": "estimate-exponents", "inputs": ["data/xor.h5", "data/mittra/e1.h5"],
                            "outputs": ["data/mittra/x.h5"]}\(extra)}}
            """
        return try PipelineSpec.parse(JSONValue.parse(Data(text.utf8), source: "pipeline.json"), source: "pipeline.json", projectRoot: directory.path)
    }

    func problems(_ train: String, extra: String = "") -> [String] {
        do {
            _ = try spec(train, extra: extra)
            return []
        } catch PipelineError.invalidSpec(_, let problems) {
            return problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    func testShardedStageBecomesShardStagesAndTheirMerge() throws {
        let declared = try spec(#", "shards": {"count": 3}"#)
        XCTAssertEqual(declared.stages["train"]?.shardCount, 3)
        let expanded = declared.expandingShards()
        XCTAssertEqual(expanded.stages.keys.sorted(), ["data", "estimate", "train", "train@0", "train@1", "train@2"])
        for index in 0..<3 {
            let shard = try XCTUnwrap(expanded.stages["train@\(index)"])
            XCTAssertEqual(shard.executable, "train-ensembles")
            XCTAssertEqual(shard.inputs, ["data/xor.h5"])
            XCTAssertEqual(shard.outputs, ["data/mittra/.shards/e1.shard-\(index)-of-3.h5"])
            XCTAssertEqual(shard.seeds, ["ensembles": "e/ensembles"], "every shard derives from the same seed")
            XCTAssertEqual(shard.parameters["shard"], .object(["index": .int(Int64(index)), "count": .int(3)]))
            XCTAssertEqual(shard.parameters(for: "smoke")["steps"], .int(5), "profile parameters still apply")
            XCTAssertNil(shard.parameters["mergeShards"])
            XCTAssertNil(shard.shardCount)
        }
        let merge = try XCTUnwrap(expanded.stages["train"])
        XCTAssertEqual(merge.inputs, (0..<3).map { "data/mittra/.shards/e1.shard-\($0)-of-3.h5" })
        XCTAssertEqual(merge.outputs, ["data/mittra/e1.h5"])
        XCTAssertEqual(merge.parameters["mergeShards"], .int(3))
        XCTAssertNil(merge.parameters["shard"])
        XCTAssertEqual(merge.seeds, ["ensembles": "e/ensembles"])
        let graph = StageGraph(spec: expanded)
        XCTAssertEqual(graph.upstream["train"], ["train@0", "train@1", "train@2"])
        XCTAssertEqual(graph.upstream["train@1"], ["data"])
        XCTAssertEqual(graph.upstream["estimate"], ["data", "train"])
        XCTAssertEqual(graph.topologicalOrder(), ["data", "train@0", "train@1", "train@2", "train", "estimate"])
        XCTAssertEqual(expanded.producer(of: "data/mittra/.shards/e1.shard-2-of-3.h5")?.name, "train@2")
        XCTAssertEqual(expanded.expandingShards().stages.count, expanded.stages.count, "expanding twice changes nothing")
    }

    func testOverrideReplacesTheDeclaredCountAndOneMeansWhole() throws {
        let declared = try spec(#", "shards": {"count": 3}"#)
        XCTAssertEqual(declared.expandingShards(countOverride: 5).stages.keys.filter { $0.hasPrefix("train@") }.count, 5)
        XCTAssertEqual(declared.expandingShards(countOverride: 5).stages["train@4"]?.outputs, ["data/mittra/.shards/e1.shard-4-of-5.h5"])
        let whole = declared.expandingShards(countOverride: 1)
        XCTAssertEqual(whole.stages.keys.sorted(), ["data", "estimate", "train"])
        XCTAssertEqual(whole.stages["train"]?.parameters, declared.stages["train"]?.parameters)
        XCTAssertEqual(whole.stages["train"]?.inputs, ["data/xor.h5"])
        let unsharded = try spec("")
        XCTAssertEqual(unsharded.expandingShards(countOverride: 4).stages.count, 3, "the override touches only stages that declare shards")
    }

    func testShardPaths() {
        XCTAssertEqual(PipelineSpec.shardPath(of: "a/b/e1.h5", index: 0, count: 2), "a/b/.shards/e1.shard-0-of-2.h5")
        XCTAssertEqual(PipelineSpec.shardPath(of: "e1.h5", index: 1, count: 2), ".shards/e1.shard-1-of-2.h5")
        XCTAssertEqual(PipelineSpec.shardPath(of: "out/table", index: 3, count: 4), "out/.shards/table.shard-3-of-4")
    }

    func testInvalidShardsAreRefusedWithTheirJSONPath() {
        XCTAssertEqual(problems(#", "shards": {"count": 0}"#), ["stages.train.shards.count must be an integer from 1 to 10000"])
        XCTAssertEqual(problems(#", "shards": {"count": 2, "size": 3}"#),
                       ["stages.train.shards.size is not a known key here (known: count, mergeResources); remove or rename it"])
        XCTAssertEqual(problems(#", "shards": 4"#), ["stages.train.shards must be an object, found an integer"])
        let driverSet = problems("", extra: #"""
            , "other": {"executable": "train-ensembles", "outputs": ["o.h5"], "shards": {"count": 2},
                        "parameters": {"mergeShards": 2}, "profileParameters": {"smoke": {"shard": {"index": 0, "count": 2}}}}
            """#)
        XCTAssertEqual(driverSet.count, 2, "\(driverSet)")
        XCTAssertTrue(driverSet.first?.hasPrefix("stages.other.parameters.mergeShards is set by the driver") ?? false, "\(driverSet)")
        XCTAssertTrue(driverSet.last?.hasPrefix("stages.other.profileParameters.smoke.shard is set by the driver") ?? false, "\(driverSet)")
    }

    func testResourcesAreValidatedAndMergedPerProfile() throws {
        let text = #", "resources": {"cpus": 2, "memoryMB": 4000}, "profileResources": {"smoke": {"memoryMB": 300, "runtimeMinutes": 5}}"#
        let stage = try XCTUnwrap(try spec(text).stages["train"])
        XCTAssertEqual(stage.resources(for: "default"), StageResources(cpus: 2, memoryMB: 4000, runtimeMinutes: 60))
        XCTAssertEqual(stage.resources(for: "smoke"), StageResources(cpus: 2, memoryMB: 300, runtimeMinutes: 5))
        XCTAssertEqual(try spec("").stages["train"]?.resources(for: "smoke"), StageResources.defaults)
        XCTAssertEqual(try spec(#", "shards": {"count": 2}, "resources": {"cpus": 3}"#).expandingShards().stages["train@1"]?.resources(for: "default").cpus, 3,
                       "shards inherit the stage's resources")
        let merging = try spec(#"""
            , "shards": {"count": 2, "mergeResources": {"memoryMB": 8000}}, "resources": {"cpus": 4, "memoryMB": 2000},
              "profileResources": {"smoke": {"runtimeMinutes": 7}}
            """#).expandingShards()
        XCTAssertEqual(merging.stages["train@0"]?.resources(for: "smoke"), StageResources(cpus: 4, memoryMB: 2000, runtimeMinutes: 7))
        XCTAssertEqual(merging.stages["train"]?.resources(for: "smoke"), StageResources(cpus: 4, memoryMB: 8000, runtimeMinutes: 7))
        XCTAssertEqual(merging.stages["train"]?.resources(for: "default"), StageResources(cpus: 4, memoryMB: 8000, runtimeMinutes: 60))
        XCTAssertEqual(problems(#", "shards": {"count": 2, "mergeResources": {"disk": 1}}"#),
                       ["stages.train.shards.mergeResources.disk is not a known key here (known: cpus, memoryMB, runtimeMinutes); remove or rename it"])
        XCTAssertEqual(problems(#", "resources": {"cpus": 2, "gpus": 1}"#),
                       ["stages.train.resources.gpus is not a known key here (known: cpus, memoryMB, runtimeMinutes); remove or rename it"])
        XCTAssertEqual(problems(#", "resources": {"memoryMB": 0.5}"#), ["stages.train.resources.memoryMB must be a positive integer, found 0.5"])
        XCTAssertEqual(problems(#", "profileResources": {"full": {"cpus": 4}}"#),
                       ["stages.train.profileResources.full names no profile (profiles: default, smoke)"])
    }
}
