import Foundation
import HDF5
import Pipeline
import Provenance
import StageKit
import TestSupport
import XCTest

/// Sharding declared in pipeline.json, on the real executables: the merge gives the
/// datasets of an unsharded run, and `run-stage` jobs folded by `fold-records` give the
/// manifest `pipeline run` writes.
final class ShardedWorkflowTests: XCTestCase {
    /// A tiny Mittra E1 sweep (16 configurations) sharded 3 ways, the same sweep unsharded,
    /// and exponents of the merged file.
    static func specText(shards: Int = 3) throws -> String {
        let real = try RealPipeline()
        let stages = real.stages
        let sweep = real.smokeParameters("mittra-e1-ensembles", .object([
            "learningRates": .object(["logGrid": .object(["from": .double(0.1), "to": .int(100), "count": .int(2)])]),
            "seedCount": .int(2), "steps": .int(60),
            "neighbours": .object(["times": .int(2)]),
        ]))
        func stage(_ executable: String, _ parameters: JSONValue, seeds: JSONValue, inputs: [String], outputs: [String]) -> JSONValue {
            .object([
                "executable": .string(executable), "parameters": parameters, "seeds": seeds,
                "inputs": .array(inputs.map { .string($0) }), "outputs": .array(outputs.map { .string($0) }),
            ])
        }
        let seeds = stages["mittra-e1-ensembles"]!["seeds"]!
        var sharded = stage("train-ensembles", sweep, seeds: seeds, inputs: ["data/xor.h5"], outputs: ["data/mittra/e1.h5"])
        if case .object(var members) = sharded {
            members["shards"] = .object(["count": .int(Int64(shards))])
            members["resources"] = .object(["cpus": .int(1), "memoryMB": .int(400), "runtimeMinutes": .int(5)])
            sharded = .object(members)
        }
        let spec = JSONValue.object([
            "formatVersion": .int(1),
            "profiles": .object(["default": .object(["root": .string(".")]), "smoke": .object(["root": .string("out/smoke")])]),
            "experiments": real.experiments,
            "stages": .object([
                "generate-xor": stage(
                    "generate-data", real.smokeParameters("generate-xor"), seeds: stages["generate-xor"]!["seeds"]!, inputs: [],
                    outputs: ["data/xor.h5"]),
                "e1": sharded,
                "e1-whole": stage("train-ensembles", sweep, seeds: seeds, inputs: ["data/xor.h5"], outputs: ["data/mittra/e1-whole.h5"]),
                "e1-exponents": stage(
                    "estimate-exponents",
                    real.smokeParameters("mittra-e1-exponents", .object([
                        "ensembles": .string("data/mittra/e1.h5"),
                        "windows": .object(["early": .array([.int(0), .int(20)]), "late": .array([.int(40), .int(60)])]),
                    ])),
                    seeds: stages["mittra-e1-exponents"]!["seeds"]!, inputs: ["data/xor.h5", "data/mittra/e1.h5"],
                    outputs: ["data/mittra/e1-exponents.h5"]),
            ]),
        ])
        return spec.prettyText
    }

    func project(shards: Int = 3) throws -> TemporaryDirectory {
        let directory = TemporaryDirectory("sharded")
        try directory.write("pipeline.json", try ShardedWorkflowTests.specText(shards: shards))
        return directory
    }

    func layout(_ directory: TemporaryDirectory) -> ProjectLayout {
        ProjectLayout(projectRoot: directory.path, packageRoot: TestLocations.packageRoot, binDirectory: TestLocations.binDirectory)
    }

    func runner(_ directory: TemporaryDirectory, profile: String = "default", shards: Int? = nil) throws -> Runner {
        try Runner(layout: layout(directory), profile: profile, shardCountOverride: shards) { _ in }
    }

    /// Every group, dataset (shape, type, storage, values bit for bit, attributes) and root
    /// attribute of two files, except the provenance attributes.
    func assertSameDatasets(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let left = try HDF5File.open(a), right = try HDF5File.open(b)
        let own: Set<String> = ["provenance", "stage", "code_sha256"]
        XCTAssertEqual(try left.root.attributeNames().filter { !own.contains($0) }, try right.root.attributeNames().filter { !own.contains($0) }, file: file, line: line)
        for name in try left.root.attributeNames() where !own.contains(name) {
            XCTAssertEqual(try left.root.attribute(name), try right.root.attribute(name), "root attribute \(name)", file: file, line: line)
        }
        XCTAssertEqual(try left.root.memberNames(), try right.root.memberNames(), file: file, line: line)
        var compared = 0
        for groupName in try left.root.memberNames() {
            let x = try left.root.openGroup(groupName), y = try right.root.openGroup(groupName)
            XCTAssertEqual(try x.memberNames(), try y.memberNames(), groupName, file: file, line: line)
            for name in try x.attributeNames() { XCTAssertEqual(try x.attribute(name), try y.attribute(name), file: file, line: line) }
            for name in try x.memberNames() {
                let p = try x.dataset(name), q = try y.dataset(name)
                let label = "/\(groupName)/\(name)"
                XCTAssertEqual(p.shape, q.shape, label, file: file, line: line)
                XCTAssertEqual(p.elementType, q.elementType, label, file: file, line: line)
                XCTAssertEqual(p.chunkShape, q.chunkShape, label, file: file, line: line)
                XCTAssertEqual(p.deflateLevel, q.deflateLevel, label, file: file, line: line)
                XCTAssertEqual(try p.attributeNames(), try q.attributeNames(), label, file: file, line: line)
                for attribute in try p.attributeNames() {
                    XCTAssertEqual(try p.attribute(attribute), try q.attribute(attribute), label, file: file, line: line)
                }
                switch p.elementType {
                case .float64?: XCTAssertEqual(try p.read(as: Double.self).values.map(\.bitPattern), try q.read(as: Double.self).values.map(\.bitPattern), label, file: file, line: line)
                case .int64?: XCTAssertEqual(try p.read(as: Int64.self).values, try q.read(as: Int64.self).values, label, file: file, line: line)
                default: XCTAssertEqual(try p.readStrings().values, try q.readStrings().values, label, file: file, line: line)
                }
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 20, file: file, line: line)
    }

    func testMergedShardsHoldTheDatasetsOfTheUnshardedSweep() throws {
        let directory = try project()
        let summary = try runner(directory).run(RunOptions(threads: 2, quiet: true))
        XCTAssertEqual(summary.ran, ["generate-xor", "e1-whole", "e1@0", "e1@1", "e1@2", "e1", "e1-exponents"])
        let root = directory.path + "/data/mittra/"
        try assertSameDatasets(root + "e1.h5", root + "e1-whole.h5")
        let configurations = try HDF5File.open(root + "e1.h5").root.openGroup("configurations")
        XCTAssertEqual(try configurations.readDataset("index", as: Int64.self).values, Array(0..<16))
        let shard = try HDF5File.open(root + ".shards/e1.shard-1-of-3.h5")
        XCTAssertEqual(try shard.root.openGroup("configurations").readDataset("index", as: Int64.self).values, [1, 4, 7, 10, 13])
        XCTAssertEqual(try shard.root.attribute("shard"), .ints([1, 3]))

        // The merged file's own provenance names every shard file, and so does `pipeline provenance`.
        guard case .string(let text) = try HDF5File.open(root + "e1.h5").root.attribute("provenance") else { return XCTFail("no provenance") }
        let provenance = try JSONValue.parse(Data(text.utf8), source: "e1.h5")
        let shardPaths = (0..<3).map { "data/mittra/.shards/e1.shard-\($0)-of-3.h5" }
        let record = try ProvenanceRecord(json: provenance, source: "e1.h5")
        XCTAssertEqual(record.inputs.map(\.path), shardPaths)
        XCTAssertEqual(record.inputs.map(\.stage), ["e1@0", "e1@1", "e1@2"], "each shard file names its shard stage")
        XCTAssertEqual(provenance["parameters"]?["mergeShards"], .int(3))
        let lineage = try Lineage.of(path: root + "e1.h5", layout: layout(directory), readRecord: EmbeddedProvenance.record(path:))
        XCTAssertEqual(lineage.graph.stages.map(\.stage), ["generate-xor", "e1@0", "e1@1", "e1@2", "e1"], "each stage once, upstream first")
        XCTAssertEqual(lineage.graph.node("e1@2")?.record?.parameters["shard"], .object(["index": .int(2), "count": .int(3)]))
        XCTAssertEqual(lineage.graph.node("e1@2")?.origin, .embedded(file: shardPaths[2]))
        let description = lineage.text()
        for path in shardPaths { XCTAssertTrue(description.contains(path), description) }

        XCTAssertTrue(try runner(directory).status().allSatisfy(\.isUpToDate))
        XCTAssertEqual(try runner(directory).run(RunOptions(threads: 1, quiet: true)).ran, [], "nothing to do, at any thread count")
        // Another shard count is another graph: its shards are new, and the merge is stale.
        let four = try runner(directory, shards: 4).status()
        XCTAssertEqual(four.filter { !$0.isUpToDate }.map(\.stage), ["e1@0", "e1@1", "e1@2", "e1@3", "e1"])
    }

    func testRunStageJobsFoldedGiveTheManifestOfRun() throws {
        let local = try project(), jobs = try project()
        _ = try runner(local, profile: "smoke").run(RunOptions(threads: 2, quiet: true))
        let order = StageGraph(spec: try runner(jobs, profile: "smoke").spec).topologicalOrder()
        XCTAssertEqual(order.count, 7)
        for name in order {
            // One process per job, as under Snakemake: a fresh runner each time.
            XCTAssertEqual(try runner(jobs, profile: "smoke").runStage(name, threads: 1), [])
        }
        let records = jobs.path + "/out/smoke/.pipeline-records"
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: records).count, 7)
        XCTAssertFalse(FileManager.default.fileExists(atPath: jobs.path + "/out/smoke/pipeline.lock"), "jobs never write the manifest")
        let folded = try runner(jobs, profile: "smoke").foldRecords()
        XCTAssertEqual(folded.folded, order.sorted())
        XCTAssertTrue(folded.rejected.isEmpty && folded.mismatches.isEmpty)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: records), [])
        let expected = try String(contentsOfFile: local.path + "/out/smoke/pipeline.lock", encoding: .utf8)
        XCTAssertEqual(try String(contentsOfFile: jobs.path + "/out/smoke/pipeline.lock", encoding: .utf8), expected,
                       "the folded manifest is byte for byte the one of `pipeline run`")
        XCTAssertEqual(try runner(jobs, profile: "smoke").run(RunOptions(quiet: true)).ran, [])

        // A job rerun that reproduces its outputs leaves the manifest byte for byte.
        try runner(jobs, profile: "smoke").runStage("e1@1")
        XCTAssertEqual(try runner(jobs, profile: "smoke").foldRecords().folded, ["e1@1"])
        XCTAssertEqual(try String(contentsOfFile: jobs.path + "/out/smoke/pipeline.lock", encoding: .utf8), expected)
    }

    func testFoldRefusesChangedOutputsAndRunStageRefusesAStaleWorkflow() throws {
        let directory = try project()
        let jobs = try runner(directory)
        try jobs.runStage("generate-xor")
        try Data("not the job's output".utf8).write(to: URL(fileURLWithPath: directory.path + "/data/xor.h5"))
        let summary = try runner(directory).foldRecords()
        XCTAssertEqual(summary.folded, [])
        XCTAssertEqual(summary.rejected.map(\.stage), ["generate-xor"])
        XCTAssertTrue(try Manifest.load(from: directory.path + "/pipeline.lock", profile: "default").stages.isEmpty)

        let fingerprint = try runner(directory).fingerprint(of: "e1@0")
        XCTAssertEqual(fingerprint, try runner(directory).fingerprint(of: "e1@0"))
        XCTAssertNotEqual(fingerprint, try runner(directory).fingerprint(of: "e1@1"))
        XCTAssertThrowsError(try runner(directory).runStage("generate-xor", fingerprint: fingerprint)) { error in
            XCTAssertTrue("\(error)".contains("Regenerate the workflow with `pipeline snakemake`"), "\(error)")
        }
        XCTAssertThrowsError(try runner(directory).runStage("e1@7")) { error in
            XCTAssertTrue("\(error)".contains("no stage 'e1@7'"), "\(error)")
        }
    }

    func testRunFoldsTheRecordsOfAStoppedWorkflowInsteadOfRerunning() throws {
        let directory = try project()
        try runner(directory).runStage("generate-xor")
        let summary = try runner(directory).run(RunOptions(stages: ["generate-xor"], quiet: true))
        XCTAssertEqual(summary.ran, [])
        XCTAssertEqual(summary.upToDate, ["generate-xor"])
        XCTAssertNotNil(try Manifest.load(from: directory.path + "/pipeline.lock", profile: "default").stages["generate-xor"])
    }

    func testSnakemakeWorkflowOfTheExpandedGraph() throws {
        let directory = try project()
        let smoke = try runner(directory, profile: "smoke")
        let workflow = try smoke.snakemakeWorkflow(SnakemakeOptions(pipelineExecutable: TestLocations.binDirectory + "/pipeline"))
        XCTAssertEqual(workflow.rules.map(\.name), ["e1", "e1_exponents", "e1_whole", "e1_shard_0", "e1_shard_1", "e1_shard_2", "generate_xor"])
        let shard = try XCTUnwrap(workflow.rules.first { $0.stage == "e1@2" })
        XCTAssertEqual(shard.inputs, ["out/smoke/data/xor.h5"])
        XCTAssertEqual(shard.outputs, ["out/smoke/data/mittra/.shards/e1.shard-2-of-3.h5"])
        XCTAssertEqual(shard.resources, StageResources(cpus: 1, memoryMB: 400, runtimeMinutes: 5))
        XCTAssertEqual(shard.fingerprint, try smoke.fingerprint(of: "e1@2"))
        XCTAssertEqual(workflow.rules.first { $0.stage == "e1" }?.inputs, (0..<3).map { "out/smoke/data/mittra/.shards/e1.shard-\($0)-of-3.h5" })
        XCTAssertEqual(workflow.rules.first { $0.stage == "e1-whole" }?.resources, .defaults)
        let written = try workflow.write(to: directory.path + "/workflow")
        XCTAssertEqual(try String(contentsOfFile: written.snakefile, encoding: .utf8), workflow.snakefile)
        XCTAssertTrue(FileManager.default.fileExists(atPath: written.profileDirectory + "/config.yaml"))
        XCTAssertTrue(workflow.snakefile.contains("--profile smoke --stage e1@2 --quiet"))
        let eight = try runner(directory, profile: "smoke", shards: 8).snakemakeWorkflow(SnakemakeOptions(pipelineExecutable: "/p"))
        XCTAssertEqual(eight.rules.count, 12)
        XCTAssertTrue(eight.snakefile.contains("--shards 8"))
    }

    func testAStageWhoseExecutableCannotShardIsNamed() throws {
        let directory = TemporaryDirectory("not-shardable")
        try directory.write("pipeline.json", #"""
            {"formatVersion": 1, "profiles": {"default": {"root": "."}}, "experiments": {"e": {"rootSeed": 1}},
             "stages": {"xor": {"executable": "generate-data", "seeds": {"data": "e/xor"}, "outputs": ["data/xor.h5"],
                                "shards": {"count": 2},
                                "parameters": {"dataset": "xor", "trainSamples": 10, "testSamples": 10, "noise": 0.2}}}}
            """#)
        XCTAssertThrowsError(try runner(directory).status()) { error in
            XCTAssertTrue("\(error)".contains("does not take the sharding parameters `shard` and `mergeShards`"), "\(error)")
            XCTAssertTrue("\(error)".contains("Remove `shards` from that stage"), "\(error)")
        }
    }
}
