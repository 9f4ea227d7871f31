import MittraExperiment
import XCTest

/// ``RegimeTest``, the amendment's rule for when a regime can test a claim about final loss,
/// on synthetic learned fractions; exact comparisons (no arithmetic).
final class RegimeTestTests: XCTestCase {
    let activations = ["sigmoid", "relu", "linear", "tanh"]

    /// At chance everywhere (the source code's setting) no claim about final loss can be tested.
    func testNoNetworkLearnsCannotTest() {
        XCTAssertFalse(RegimeTest().canTest(activations: activations, learnedFraction: [0, 0, 0, 0]))
    }

    /// Linear cannot represent XOR, so its fraction is not asked for: the learning regime can test.
    func testLinearIsNotAsked() {
        XCTAssertTrue(RegimeTest().canTest(activations: activations, learnedFraction: [1, 1, 0, 1]))
        XCTAssertFalse(
            RegimeTest(cannotRepresent: []).canTest(activations: activations, learnedFraction: [1, 1, 0, 1]),
            "asked of every activation, linear fails")
        XCTAssertEqual(RegimeTest().representing(activations), ["sigmoid", "relu", "tanh"])
    }

    /// Borderline: exactly the minimum fraction counts; just below does not; one short activation is enough to fail.
    func testBorderlineFractions() {
        let rule = RegimeTest(minimumLearnedFraction: 0.9)
        XCTAssertTrue(rule.canTest(activations: activations, learnedFraction: [0.9, 0.9, 0, 0.9]))
        XCTAssertFalse(rule.canTest(activations: activations, learnedFraction: [0.9, 0.895, 0, 1]))
        XCTAssertFalse(rule.canTest(activations: activations, learnedFraction: [1, 1, 1, 0.5]))
    }

    /// An unknown fraction (no ensembles file) does not count as learned; nor does a regime with
    /// no activation that can represent the task, or mismatched lengths.
    func testUnknownOrEmptyCannotTest() {
        XCTAssertFalse(RegimeTest().canTest(activations: activations, learnedFraction: [1, .nan, 1, 1]))
        XCTAssertFalse(RegimeTest().canTest(activations: ["linear"], learnedFraction: [1]))
        XCTAssertFalse(RegimeTest().canTest(activations: activations, learnedFraction: [1, 1, 1]))
    }

    /// The first regime that can test decides; none → nil.
    func testDecidingRegime() {
        XCTAssertEqual(RegimeTest.decidingRegime(canTest: [false, true]), 1)
        XCTAssertEqual(RegimeTest.decidingRegime(canTest: [true, true]), 0)
        XCTAssertNil(RegimeTest.decidingRegime(canTest: [false, false]))
        XCTAssertNil(RegimeTest.decidingRegime(canTest: []))
    }
}
