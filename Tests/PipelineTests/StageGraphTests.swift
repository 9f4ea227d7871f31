import Foundation
import Pipeline
import Provenance
import TestSupport
import XCTest

final class StageGraphTests: XCTestCase {
    func graph() throws -> StageGraph {
        let text = #"""
            {"formatVersion": 1, "profiles": {"default": {"root": "."}}, "experiments": {},
             "stages": {
               "data": {"executable": "x", "outputs": ["d.h5"]},
               "train": {"executable": "x", "inputs": ["d.h5"], "outputs": ["t.h5"]},
               "other": {"executable": "x", "outputs": ["o.h5"]},
               "figures": {"executable": "x", "inputs": ["t.h5", "o.h5"], "outputs": ["f.svg"]}}}
            """#
        let spec = try PipelineSpec.parse(JSONValue.parse(Data(text.utf8), source: "p"), source: "p", projectRoot: "/tmp")
        return StageGraph(spec: spec)
    }

    func testTopologicalOrderIsDeterministic() throws {
        XCTAssertEqual(try graph().topologicalOrder(), ["data", "other", "train", "figures"])
    }

    func testClosureContainsWhatAStageNeeds() throws {
        XCTAssertEqual(try graph().closure(of: ["train"]), ["data", "train"])
        XCTAssertEqual(try graph().closure(of: ["figures"]), ["data", "train", "other", "figures"])
    }

    func testDotHasEveryEdge() throws {
        let dot = try graph().dot()
        for edge in [#""data" -> "train""#, #""train" -> "figures""#, #""other" -> "figures""#] {
            XCTAssertTrue(dot.contains(edge), edge)
        }
        XCTAssertTrue(try graph().text().contains("figures ← other, train"))
    }
}
