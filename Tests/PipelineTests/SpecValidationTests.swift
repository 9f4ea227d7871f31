import Foundation
import Pipeline
import Provenance
import TestSupport
import XCTest

/// pipeline.json validation: every problem is reported with its JSON path.
final class SpecValidationTests: XCTestCase {
    let directory = TemporaryDirectory("spec")

    func problems(_ text: String) -> [SpecProblem] {
        do {
            let json = try JSONValue.parse(Data(text.utf8), source: "pipeline.json")
            _ = try PipelineSpec.parse(json, source: "pipeline.json", projectRoot: directory.path)
            return []
        } catch PipelineError.invalidSpec(_, let problems) {
            return problems
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func spec(stages: String, experiments: String = #"{"e": {"rootSeed": 1}}"#) -> String {
        #"{"formatVersion": 1, "profiles": {"default": {"root": "."}, "smoke": {"root": "out/smoke"}}, "experiments": "#
            + experiments + #", "stages": "# + stages + "}"
    }

    func testValidSpecHasNoProblems() {
        let text = spec(stages: #"""
            {"a": {"executable": "x", "outputs": ["data/a.h5"], "seeds": {"s": "e/a"}},
             "b": {"executable": "y", "inputs": ["data/a.h5"], "outputs": ["data/b.h5"],
                   "parameters": {"n": 3}, "profileParameters": {"smoke": {"n": 1}}}}
            """#)
        XCTAssertEqual(problems(text), [])
    }

    func testUnknownKeyIsReportedWithItsPath() {
        let found = problems(spec(stages: #"{"a": {"executable": "x", "outputs": ["o.h5"], "paramters": {}}}"#))
        XCTAssertEqual(found.map(\.jsonPath), ["stages.a.paramters"])
        XCTAssertTrue(found[0].message.contains("not a known key"))
    }

    func testMissingRequiredKeyAndWrongType() {
        let found = problems(spec(stages: #"{"a": {"outputs": "o.h5"}}"#))
        XCTAssertTrue(found.contains { $0.jsonPath == "stages.a.executable" && $0.message.contains("required") })
        XCTAssertTrue(found.contains { $0.jsonPath == "stages.a.outputs" && $0.message.contains("array of strings") })
    }

    func testTwoStagesWritingOneFile() {
        let found = problems(spec(stages: #"{"a": {"executable": "x", "outputs": ["o.h5"]}, "b": {"executable": "x", "outputs": ["o.h5"]}}"#))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].message.contains("also written by stage 'a'"), found[0].message)
    }

    func testCycleIsNamed() {
        let found = problems(spec(stages: #"""
            {"a": {"executable": "x", "inputs": ["b.h5"], "outputs": ["a.h5"]},
             "b": {"executable": "x", "inputs": ["a.h5"], "outputs": ["b.h5"]}}
            """#))
        XCTAssertEqual(found.map(\.jsonPath), ["stages"])
        XCTAssertTrue(found[0].message.contains("cycle: a → b → a") || found[0].message.contains("cycle: b → a → b"), found[0].message)
    }

    func testMissingInputIsReported() {
        let found = problems(spec(stages: #"{"a": {"executable": "x", "inputs": ["nowhere.h5"], "outputs": ["a.h5"]}}"#))
        XCTAssertEqual(found.map(\.jsonPath), ["stages.a.inputs[0]"])
    }

    func testExistingProjectFileIsAValidInput() throws {
        try directory.write("paper/template.md", "# t\n")
        XCTAssertEqual(problems(spec(stages: #"{"a": {"executable": "x", "inputs": ["paper/template.md"], "outputs": ["a.md"]}}"#)), [])
    }

    func testUnknownProfileSeedAndBadPaths() {
        let found = problems(spec(stages: #"""
            {"a": {"executable": "x", "outputs": ["/abs.h5", "../up.h5"], "seeds": {"s": "nope/x"},
                   "profileParameters": {"huge": {}}}}
            """#))
        let paths = Set(found.map(\.jsonPath))
        XCTAssertTrue(paths.isSuperset(of: ["stages.a.outputs[0]", "stages.a.outputs[1]", "stages.a.seeds.s", "stages.a.profileParameters.huge"]), "\(found)")
    }

    func testMissingDefaultProfileAndWrongVersion() {
        let text = #"{"formatVersion": 2, "profiles": {"smoke": {"root": "s"}}, "experiments": {}, "stages": {}}"#
        let paths = problems(text).map(\.jsonPath)
        XCTAssertTrue(paths.contains("formatVersion"))
        XCTAssertTrue(paths.contains("profiles"))
    }

    func testSyntaxErrorNamesTheFile() throws {
        try directory.write("pipeline.json", "{\"formatVersion\": 1,,}")
        XCTAssertThrowsError(try PipelineSpec.load(from: directory.path + "/pipeline.json", projectRoot: directory.path)) { error in
            XCTAssertTrue("\(error)".contains("pipeline.json is not valid JSON"), "\(error)")
        }
    }

    func testProfileParametersMergeKeyByKey() throws {
        let text = spec(stages: #"{"a": {"executable": "x", "outputs": ["a.h5"], "parameters": {"n": 3, "m": {"p": 1, "q": 2}}, "profileParameters": {"smoke": {"m": {"q": 5}}}}}"#)
        let parsed = try PipelineSpec.parse(JSONValue.parse(Data(text.utf8), source: "p"), source: "p", projectRoot: directory.path)
        XCTAssertEqual(parsed.stages["a"]!.parameters(for: "smoke").canonicalText, #"{"m":{"p":1,"q":5},"n":3}"#)
        XCTAssertEqual(parsed.stages["a"]!.parameters(for: "default").canonicalText, #"{"m":{"p":1,"q":2},"n":3}"#)
    }

    func testSeedPathsDeriveFromTheExperimentRoot() throws {
        let text = spec(stages: "{}", experiments: #"{"e": {"rootSeed": 5}}"#)
        let parsed = try PipelineSpec.parse(JSONValue.parse(Data(text.utf8), source: "p"), source: "p", projectRoot: directory.path)
        XCTAssertEqual(parsed.seedValue(path: "e/data/x"), NumericsCoreBridge.derive(root: 5, labels: ["data", "x"]))
        XCTAssertNil(parsed.seedValue(path: "unknown/x"))
    }
}

import NumericsCore

enum NumericsCoreBridge {
    static func derive(root: UInt64, labels: [String]) -> UInt64 {
        labels.reduce(SeedKey(root)) { $0.derive($1) }.rawValue
    }
}
