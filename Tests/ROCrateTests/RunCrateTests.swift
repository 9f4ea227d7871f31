import Foundation
import Provenance
import ROCrate
import TestSupport
import XCTest

/// The crate says what the manifest says, in the shapes the Provenance Run Crate
/// profile 0.5 asks for (https://w3id.org/ro/wfrun/provenance/0.5).
final class RunCrateTests: XCTestCase {
    func testEveryOutputOfTheManifestAppearsWithItsSHA256() throws {
        let fixture = try CrateFixture()
        let crate = CrateReader(try fixture.metadata())
        let hashes = Set(crate.all(ofType: "File").compactMap { crate.string($0, "sha256") })
        for (stage, record) in fixture.manifest.stages {
            let run = crate["#run/" + stage]
            let results = crate.ids(run, "result").map { crate.string(crate[$0], "sha256") }
            for (path, hash) in record.outputs {
                XCTAssertTrue(hashes.contains(hash), "\(path) of \(stage) has no entity with its sha256")
                XCTAssertTrue(results.contains(hash), "\(path) is not a result of the run of \(stage)")
            }
            for (path, hash) in record.inputs {
                let objects = crate.ids(run, "object").map { crate.string(crate[$0], "sha256") }
                XCTAssertTrue(objects.contains(hash), "input \(path) is not an object of the run of \(stage)")
            }
        }
        // Without --include-files nothing but pipeline.json is payload: files get local ids.
        XCTAssertEqual(crate.ids(crate["./"], "hasPart"), ["pipeline.json"])
        XCTAssertEqual(crate.string(crate["#data/a.h5"], "alternateName"), "data/a.h5")
        XCTAssertEqual(crate.string(crate["#data/a.h5"], "contentSize"), "9")
    }

    func testEachStageRunIsACreateActionOfItsToolWithStartAndEndTimes() throws {
        let fixture = try CrateFixture()
        let crate = CrateReader(try fixture.metadata())
        let train = crate["#run/train"]
        XCTAssertEqual(crate.types(of: try XCTUnwrap(train)), ["CreateAction"])
        XCTAssertEqual(crate.string(train, "startTime"), "2026-11-24T06:07:44Z")
        XCTAssertEqual(crate.string(train, "endTime"), "2026-11-24T06:11:26.704Z", "end = start + 222.704 s")
        XCTAssertEqual(crate.string(crate["#run/make-data"], "endTime"), "2026-11-24T05:09:55.158Z")
        let tool = try XCTUnwrap(crate.ids(train, "instrument").first)
        XCTAssertEqual(tool, "#tool/train-ensembles@bbbbbbbbbbbb")
        XCTAssertEqual(crate.string(crate[tool], "softwareVersion"), String(repeating: "b", count: 64))
        XCTAssertEqual(crate.ids(crate[tool], "isBasedOn"), ["#target/TrainEnsemblesCLI", "#target/TrainingStage"])
        XCTAssertEqual(crate.string(crate[tool], "operatingSystem"), "Debian GNU/Linux 12 (bookworm)")
        XCTAssertEqual(crate.ids(crate[tool], "softwareRequirements"), ["#software/libhdf5@1.10.8", "#software/Swift@6.3"])
        XCTAssertEqual(crate.string(crate["#software/libhdf5@1.10.8"], "version"), "1.10.8")
        // An environment variable the stage reported is a workflow-run `environment` setting.
        let variable = try XCTUnwrap(crate.ids(train, "environment").first)
        XCTAssertEqual(crate.string(crate[variable], "name"), "OPENBLAS_NUM_THREADS")
    }

    func testParametersAndSeedsArePropertyValuesRealisingFormalParametersOfTheTool() throws {
        let fixture = try CrateFixture()
        let crate = CrateReader(try fixture.metadata())
        for (stage, record) in fixture.manifest.stages {
            let run = crate["#run/" + stage]
            let tool = crate[try XCTUnwrap(crate.ids(run, "instrument").first)]
            let declared = Set(crate.ids(tool, "input"))
            guard case .object(let parameters) = record.parameters else { return XCTFail("parameters") }
            let values = crate.ids(run, "object").compactMap { crate[$0] }.filter { crate.types(of: $0) == ["PropertyValue"] }
            XCTAssertEqual(values.count, parameters.count + record.seeds.count, stage)
            for value in values {
                let formal = try XCTUnwrap(crate.ids(value, "exampleOfWork").first)
                XCTAssertTrue(declared.contains(formal), "\(formal) is not an input of the tool of \(stage)")
                XCTAssertEqual(crate.types(of: try XCTUnwrap(crate[formal])), ["FormalParameter"])
                XCTAssertEqual(crate.string(crate[formal], "name"), crate.string(value, "name"))
                XCTAssertNotNil(crate.string(crate[formal], "additionalType"))
            }
        }
        XCTAssertEqual(crate["#run/train/parameter/steps"]?["value"], .int(5))
        XCTAssertEqual(crate.string(crate["#run/train/parameter/learningRates"], "value"), "[0.1,0.2]")
        XCTAssertEqual(crate.string(crate["#tool/train-ensembles@bbbbbbbbbbbb/parameter/steps"], "additionalType"), "Integer")
        XCTAssertEqual(crate.string(crate["#run/make-data/seed/data"], "value"), "12273980574356339880")
        XCTAssertEqual(crate.string(crate["#tool/generate-data@aaaaaaaaaaaa/seed/data"], "additionalType"), "Integer")
    }

    func testWorkflowStepsControlActionsAndTheDriverRunFollowTheProfile() throws {
        let fixture = try CrateFixture()
        let crate = CrateReader(try fixture.metadata())
        let root = crate["./"]
        XCTAssertEqual(crate.ids(root, "mainEntity"), ["pipeline.json"])
        XCTAssertTrue(crate.ids(root, "conformsTo").contains("https://w3id.org/ro/wfrun/provenance/0.5"))
        XCTAssertEqual(crate.ids(root, "license"), ["https://spdx.org/licenses/MIT"])
        XCTAssertEqual(crate.string(root, "datePublished"), "2026-11-24T06:11:26.704Z", "the last run's end")
        let workflow = crate["pipeline.json"]
        XCTAssertEqual(crate.types(of: try XCTUnwrap(workflow)), ["File", "SoftwareSourceCode", "ComputationalWorkflow", "HowTo"])
        XCTAssertEqual(crate.ids(workflow, "step"), ["pipeline.json#stage/make-data", "pipeline.json#stage/train"])
        let tools = Set(crate.ids(workflow, "hasPart"))
        for step in crate.ids(workflow, "step") {
            XCTAssertTrue(tools.contains(try XCTUnwrap(crate.ids(crate[step], "workExample").first)), step)
        }
        XCTAssertEqual(crate["pipeline.json#stage/make-data"]?["position"], .int(0))
        XCTAssertEqual(crate["pipeline.json#stage/train"]?["position"], .int(1), "train reads make-data's output")
        let driver = crate["#run/engine"]
        XCTAssertEqual(crate.ids(driver, "instrument"), ["#engine/pipeline"])
        XCTAssertEqual(crate.ids(driver, "result"), ["#run"])
        XCTAssertEqual(crate.ids(driver, "object"), ["#run/make-data/control", "#run/train/control"])
        for control in crate.ids(driver, "object") {
            let stage = String(control.dropFirst("#run/".count).dropLast("/control".count))
            XCTAssertEqual(crate.ids(crate[control], "instrument"), ["pipeline.json#stage/" + stage])
            XCTAssertEqual(crate.ids(crate[control], "object"), ["#run/" + stage])
        }
        let pipelineRun = crate["#run"]
        XCTAssertEqual(crate.ids(pipelineRun, "instrument"), ["pipeline.json"])
        XCTAssertEqual(crate.string(pipelineRun, "startTime"), "2026-11-24T05:09:55Z")
        // Workflow inputs: files no stage writes, and the profile.
        XCTAssertEqual(
            crate.ids(pipelineRun, "object"),
            ["#/datasets/external.gz", "#config/settings.txt", "#run/parameter/profile"])
    }

    func testEqualInputGivesEqualBytes() throws {
        let fixture = try CrateFixture()
        let first = TemporaryDirectory("crate-a"), second = TemporaryDirectory("crate-b")
        for directory in [first, second] {
            try RunCrate.write(to: directory.path, workflow: fixture.workflow, manifest: fixture.manifest,
                               runLog: fixture.runLog, files: .includeSmallFiles(maxBytes: 1000))
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: first.path + "/ro-crate-metadata.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: second.path + "/ro-crate-metadata.json"))
        XCTAssertEqual(a, b)
        XCTAssertEqual(String(decoding: a, as: UTF8.self), try fixture.metadata(files: .includeSmallFiles(maxBytes: 1000)).prettyText)
        XCTAssertTrue(String(decoding: a, as: UTF8.self).hasPrefix("{\n  \"@context\": ["))
    }

    func testIncludeFilesCopiesSmallUnchangedFilesUnderTheirPaths() throws {
        var fixture = try CrateFixture()
        try fixture.directory.write("figures/f.svg", "<svg>edited by hand</svg>")  // differs from the manifest
        fixture.runLog = [:]
        let crateDirectory = TemporaryDirectory("crate")
        let export = try RunCrate.write(
            to: crateDirectory.path, workflow: fixture.workflow, manifest: fixture.manifest, runLog: fixture.runLog,
            files: .includeSmallFiles(maxBytes: 1000))
        XCTAssertEqual(export.copiedFiles, ["config/settings.txt", "data/a.h5"])
        XCTAssertEqual(export.referencedFiles, ["/datasets/external.gz", "data/b.h5", "figures/f.svg"])
        for path in ["pipeline.json", "data/a.h5", "config/settings.txt"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: crateDirectory.path + "/" + path), path)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: crateDirectory.path + "/data/b.h5"))
        let crate = CrateReader(try JSONValue.parse(
            try Data(contentsOf: URL(fileURLWithPath: export.metadataPath)), source: export.metadataPath))
        XCTAssertEqual(crate.ids(crate["./"], "hasPart"), ["pipeline.json", "config/settings.txt", "data/a.h5"])
        XCTAssertEqual(crate.string(crate["data/a.h5"], "contentSize"), "9")
        XCTAssertTrue(crate.string(crate["#data/b.h5"], "description")!.contains("over the limit of 1000"))
        XCTAssertTrue(crate.string(crate["#figures/f.svg"], "description")!.contains("differs from the manifest"))
        // No run log: no times, and still a CreateAction per stage.
        XCTAssertNil(crate["#run/train"]?["startTime"])
        XCTAssertEqual(crate.all(ofType: "CreateAction").count, 3)
    }

    func testAnInputReadBeforeItsProducerRanAgainIsAnOlderVersion() throws {
        var fixture = try CrateFixture()
        let old = String(repeating: "0", count: 64)
        fixture.manifest.stages["train"]!.inputs["data/a.h5"] = old
        let crate = CrateReader(try fixture.metadata())
        let id = "#data/a.h5@000000000000"
        XCTAssertTrue(crate.ids(crate["#run/train"], "object").contains(id))
        XCTAssertEqual(crate.string(crate[id], "sha256"), old)
        XCTAssertEqual(crate.ids(crate["#run/make-data"], "result"), ["#data/a.h5"])
    }

    func testAStageTheSpecNoLongerDeclaresIsAnError() throws {
        var fixture = try CrateFixture()
        fixture.workflow.stages.removeAll { $0.name == "train" }
        XCTAssertThrowsError(try fixture.metadata()) { error in
            XCTAssertEqual(error as? RunCrateError, .undeclaredStage(name: "train", declared: ["make-data"]))
            XCTAssertTrue("\(error)".contains("pipeline.json does not declare"))
        }
    }

    func testRunLogFileIsReadAndAMissingOneIsEmpty() throws {
        let directory = TemporaryDirectory("runlog")
        try directory.write("pipeline-runlog.json", #"{"a": {"started": "2026-01-31T12:00:00Z", "seconds": 1.5, "threads": 2}}"#)
        let log = RunLog.load(from: directory.path + "/pipeline-runlog.json").entries
        XCTAssertEqual(log, ["a": RunLogEntry(started: "2026-01-31T12:00:00Z", seconds: 1.5, threads: 2)])
        XCTAssertEqual(RunLog.load(from: directory.path + "/missing.json").entries, [:])
        var fixture = try CrateFixture()
        fixture.runLog["train"] = RunLogEntry(started: "yesterday", seconds: 1, threads: 1)
        XCTAssertThrowsError(try fixture.metadata()) { error in
            XCTAssertEqual(error as? RunCrateError, .malformedStartTime(stage: "train", value: "yesterday"))
        }
    }
}
