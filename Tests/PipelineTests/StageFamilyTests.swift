import Foundation
import Pipeline
import Provenance
import TestSupport
import XCTest

/// Families (`foreach`/`do`), `vars` and named inputs in pipeline.json: what they expand
/// to, and each mistake reported with its JSON path.
final class StageFamilyTests: XCTestCase {
    let directory = TemporaryDirectory("families")

    func text(vars: String = #"{"run": {"steps": 100, "window": 20}}"#, stages: String) -> String {
        #"{"formatVersion": 1, "profiles": {"default": {"root": "."}, "smoke": {"root": "out/smoke"}}, "experiments": {"e": {"rootSeed": 1}}, "vars": "#
            + vars + #", "stages": "# + stages + "}"
    }

    func parse(_ text: String) throws -> PipelineSpec {
        try PipelineSpec.parse(JSONValue.parse(Data(text.utf8), source: "pipeline.json"), source: "pipeline.json", projectRoot: directory.path)
    }

    func problems(_ text: String) -> [SpecProblem] {
        do {
            _ = try parse(text)
            XCTFail("expected problems")
        } catch PipelineError.invalidSpec(_, let problems) {
            return problems
        } catch {
            XCTFail("unexpected error \(error)")
        }
        return []
    }

    func json(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8), source: "test") }

    let family = #"""
        {"train-${key}": {"foreach": {"a": {"rate": 0.5, "widths": [4]}, "b": {"rate": 2, "widths": [8, 8]}},
           "do": {"executable": "x", "description": "rate ${item.rate} of ${key}",
                  "parameters": {"rate": "${item.rate}", "widths": "${item.widths}", "steps": "${run.steps}",
                                 "late": ["${run.steps - run.window}", "${run.steps}"]},
                  "seeds": {"s": "e/${key}"}, "outputs": ["${key}.h5"]}},
         "score-${key}": {"foreach": ["a", "b"],
           "do": {"executable": "y", "inputs": {"model": "${key}.h5"}, "outputs": ["${key}-score.h5"]}}}
        """#

    func testAFamilyExpandsIntoOneStagePerKeyWithTypedValues() throws {
        let spec = try parse(text(stages: family))
        XCTAssertEqual(spec.stages.keys.sorted(), ["score-a", "score-b", "train-a", "train-b"])
        let b = try XCTUnwrap(spec.stages["train-b"])
        XCTAssertEqual(b.parameters, try json(#"{"rate": 2, "widths": [8, 8], "steps": 100, "late": [80, 100]}"#))
        XCTAssertEqual(b.description, "rate 2 of b")
        XCTAssertEqual(b.seeds, ["s": "e/b"])
        XCTAssertEqual(b.outputs, ["b.h5"])
        XCTAssertEqual(spec.stages["train-a"]?.parameters["rate"], .double(0.5))
        XCTAssertEqual(spec.stages["score-a"]?.inputs, ["a.h5"])
        XCTAssertEqual(spec.stages["score-a"]?.parameters, try json(#"{"model": "a.h5"}"#))
    }

    func testAnItemsDoMergesIntoTheTemplateKeyByKey() throws {
        let stages = #"""
            {"t-${key}": {"foreach": {"a": {}, "b": {"do": {"parameters": {"m": {"q": "${key}"}}, "seeds": {"s": "e/shared"}}}},
               "do": {"executable": "x", "parameters": {"n": 1, "m": {"p": 1, "q": 2}}, "seeds": {"s": "e/${key}"},
                      "profileParameters": {"smoke": {"n": "${run.window / 10}"}}, "outputs": ["${key}.h5"]}}}
            """#
        let spec = try parse(text(stages: stages))
        XCTAssertEqual(spec.stages["t-a"]?.parameters, try json(#"{"n": 1, "m": {"p": 1, "q": 2}}"#))
        XCTAssertEqual(spec.stages["t-b"]?.parameters, try json(#"{"n": 1, "m": {"p": 1, "q": "b"}}"#))
        XCTAssertEqual(spec.stages["t-b"]?.seeds, ["s": "e/shared"])
        XCTAssertEqual(spec.stages["t-b"]?.parameters(for: "smoke")["n"], .int(2), "profile overrides derive too")
    }

    func testNamedInputsArePassedAsParametersInOrder() throws {
        try directory.write("notes.md", "n\n")
        let stages = #"""
            {"a": {"executable": "x", "outputs": ["a.h5", "b.h5", "c.h5"]},
             "agg": {"executable": "y", "parameters": {"n": 1},
                     "inputs": ["notes.md", {"zeta": "c.h5", "alpha": ["b.h5", "a.h5"]}], "outputs": ["agg.h5"]}}
            """#
        let agg = try XCTUnwrap(try parse(text(stages: stages)).stages["agg"])
        XCTAssertEqual(agg.inputs, ["notes.md", "b.h5", "a.h5", "c.h5"], "list order, then name order within an object")
        XCTAssertEqual(agg.parameters, try json(#"{"n": 1, "alpha": ["b.h5", "a.h5"], "zeta": "c.h5"}"#))
    }

    func testExpandedKeepsTheJSONForTheEngine() throws {
        let expanded = try PipelineSpec.expanded(json(text(stages: family)), source: "pipeline.json")
        XCTAssertNil(expanded["vars"])
        XCTAssertEqual(expanded["stages"]?["score-b"]?["inputs"], .array([.string("b.h5")]))
        XCTAssertEqual(expanded["stages"]?["train-a"]?["parameters"]?["late"], .array([.int(80), .int(100)]))
    }

    func testAPathWrittenBothAsNamedInputAndParameterIsRefused() {
        let stages = #"""
            {"a": {"executable": "x", "outputs": ["a.h5"]},
             "b": {"executable": "y", "parameters": {"data": "a.h5"}, "profileParameters": {"smoke": {"data": "a.h5"}},
                   "inputs": {"data": "a.h5", "bad": 3}, "outputs": ["b.h5"]}}
            """#
        let found = problems(text(stages: stages))
        XCTAssertEqual(found.map(\.jsonPath), ["stages.b.inputs.bad", "stages.b.parameters.data", "stages.b.profileParameters.smoke.data"])
        XCTAssertTrue(found[1].message.contains("is also the named input stages.b.inputs.data"), found[1].message)
    }

    func testAMissingInputIsReportedWhereItIsWritten() {
        let stages = #"""
            {"a": {"executable": "x", "outputs": ["a.h5"]},
             "b": {"executable": "y", "inputs": ["a.h5", {"m": ["a.h5", "nowhere.h5"]}], "outputs": ["b.h5"]},
             "s-${key}": {"foreach": ["p", "q"], "do": {"executable": "x", "inputs": {"model": "${key}-missing.h5"}, "outputs": ["${key}.h5"]}}}
            """#
        let found = problems(text(stages: stages))
        XCTAssertEqual(
            found.map(\.jsonPath), ["stages.b.inputs[1].m[1]", "stages.s-${key}.do.inputs.model", "stages.s-${key}.do.inputs.model"],
            "one problem per missing file, at the template that writes it: \(found)")
        XCTAssertTrue(found[1].message.contains("'p-missing.h5' is neither written"), found[1].message)
        XCTAssertTrue(found[2].message.contains("'q-missing.h5' is neither written"), found[2].message)
    }

    func testUnknownVariableAndItemFieldNameTheTemplatePathOnce() {
        let stages = #"""
            {"t-${key}": {"foreach": {"a": {"rate": 1}, "b": {}},
               "do": {"executable": "x", "parameters": {"n": "${run.stepz}", "r": "${item.rate}"}, "outputs": ["${key}.h5"]}}}
            """#
        let found = problems(text(stages: stages))
        XCTAssertEqual(found.map(\.jsonPath), ["stages.t-${key}.do.parameters.n", "stages.t-${key}.do.parameters.r"], "\(found)")
        XCTAssertTrue(found[0].message.contains("'run' has no field 'stepz'"), found[0].message)
        XCTAssertTrue(found[1].message.contains("the item of key 'b' has no field 'rate'"), found[1].message)
    }

    func testNonIntegerArithmeticIsReportedWhereItIsWritten() {
        let found = problems(text(vars: #"{"run": {"steps": 1.5}}"#, stages: #"{"a": {"executable": "x", "parameters": {"n": "${run.steps - 1}"}, "outputs": ["a.h5"]}}"#))
        XCTAssertEqual(found.map(\.jsonPath), ["stages.a.parameters.n"])
        XCTAssertTrue(found[0].message.contains("arithmetic takes integers"), found[0].message)
    }

    func testAKeyThatMakesANameCollideIsRefused() {
        let stages = #"""
            {"t-a": {"executable": "x", "outputs": ["x.h5"]},
             "t-${key}": {"foreach": ["b", "a"], "do": {"executable": "x", "outputs": ["${key}.h5"]}}}
            """#
        let found = problems(text(stages: stages))
        XCTAssertEqual(found.map(\.jsonPath), ["stages.t-${key}.foreach[1]"], "\(found)")
        XCTAssertTrue(found[0].message.contains("makes the stage name 't-a', which stages.t-a also makes"), found[0].message)
    }

    func testMalformedFamilies() {
        let stages = #"""
            {"no-key": {"foreach": ["a"], "do": {"executable": "x", "outputs": ["n.h5"]}},
             "bad-${key}": {"foreach": ["a", 3], "do": {"executable": "x", "outputs": ["${key}.h5"]}},
             "empty-${key}": {"foreach": [], "do": {"executable": "x", "outputs": ["e.h5"]}},
             "nodo-${key}": {"foreach": ["a"]},
             "odd-${key}": {"foreach": {"a": {"do": 1}}, "do": {"executable": "x", "outputs": ["o.h5"]}, "extra": 1}}
            """#
        let found = problems(text(stages: stages))
        let paths = found.map(\.jsonPath)
        XCTAssertTrue(paths.contains("stages.no-key"), "\(found)")
        XCTAssertTrue(found.first { $0.jsonPath == "stages.no-key" }?.message.contains("does not contain ${key}") ?? false)
        XCTAssertTrue(paths.contains("stages.bad-${key}.foreach[1]"), "\(found)")
        XCTAssertTrue(paths.contains("stages.empty-${key}.foreach"), "\(found)")
        XCTAssertTrue(paths.contains("stages.nodo-${key}.do"), "\(found)")
        XCTAssertTrue(paths.contains("stages.odd-${key}.extra"), "\(found)")
        XCTAssertTrue(paths.contains("stages.odd-${key}.foreach.a.do"), "\(found)")
    }

    func testReservedAndMalformedVariableNames() {
        let found = problems(text(vars: #"{"key": 1, "2x": 2}"#, stages: "{}"))
        XCTAssertEqual(found.map(\.jsonPath), ["vars.2x", "vars.key"])
    }

    /// The repository's pipeline.json: the families expand to the stages the engine ran
    /// before they were written as families, and E5's five baselines and controls added
    /// since (47 stages; E5's late window 78000–80000,
    /// Mittra's windows the first and last 30 % or 25 % of the steps).
    func testTheRealPipelineExpands() throws {
        let spec = try PipelineSpec.load(from: TestLocations.packageRoot + "/pipeline.json", projectRoot: TestLocations.packageRoot)
        XCTAssertEqual(spec.stages.count, 51)
        let exponents = try XCTUnwrap(spec.stages["leimkuhler-adlala-exponents"])
        XCTAssertEqual(exponents.parameters["windows"], try json(#"{"early": [0, 2000], "late": [78000, 80000]}"#))
        XCTAssertEqual(exponents.parameters(for: "smoke")["windows"], try json(#"{"early": [0, 40], "late": [360, 400]}"#))
        XCTAssertEqual(exponents.inputs, ["data/spirals.h5", "data/leimkuhler/adlala-ensembles.h5"])
        XCTAssertEqual(exponents.parameters["ensembles"], .string("data/leimkuhler/adlala-ensembles.h5"))
        XCTAssertEqual(spec.stages["leimkuhler-lol-g1-1-ensembles"]?.parameters["optimizer"]?["firstLayerFriction"], .int(1))
        XCTAssertEqual(spec.stages["mittra-e1-large-lr-exponents"]?.seeds, ["estimators": "mittra2024/e1-estimators"])
        let learning = try XCTUnwrap(spec.stages["mittra-e23-learning-exponents"])
        XCTAssertEqual(learning.parameters(for: "smoke")["windows"], try json(#"{"early": [0, 50], "late": [150, 200]}"#), "25 % of 200 steps")
        XCTAssertEqual(spec.stages["mittra-e1-exponents"]?.parameters["windows"], try json(#"{"early": [0, 300], "late": [700, 1000]}"#))
    }
}
