import MittraExperiment
import XCTest

/// The verdict rules of claims 1–3 (``ChaosClaim``, ``RankingClaim``,
/// ``InitialWeightClaim``) on synthetic results designed to hit each verdict.
final class ClaimRulesTests: XCTestCase {
    func verdicts(_ results: SyntheticMittraResults) throws -> [Verdict] {
        try ClaimsAssessment(results.results, options: FigureOptions(), rules: VerdictRules()).verdictList
    }

    func testConformingResultsReproduceEveryClaim() throws {
        XCTAssertEqual(try verdicts(SyntheticMittraResults()), [.reproduced, .reproduced, .reproduced])
    }

    /// Claim 1 needs a chaotic cell for every activation but ReLU: none → not, some → partly.
    func testClaim1() throws {
        var results = SyntheticMittraResults()
        results.onsets = [1e9, 1e9, 1e9, 1e9]
        XCTAssertEqual(try verdicts(results)[0], .notReproduced)
        results.onsets = [2, 5, 1e9, 1e9]
        let claim = try ChaosClaim(results.results.sweep, options: FigureOptions(), rules: VerdictRules())
        XCTAssertEqual(claim.verdict, .partlyReproduced)
        XCTAssertEqual(claim.findings.map(\.isChaotic), [true, true, false, false])
        // ReLU is exempt; above η = 20 its late λ is exactly 0 with an interval around it.
        XCTAssertEqual(claim.relu?.containsZero, true)
    }

    /// Claim 2: a significant positive pooled ρ and the same best activation for λ and loss.
    func testClaim2() throws {
        var results = SyntheticMittraResults()
        results.e2Rho = (rho: 0.1, p: 0.4)
        results.e2Loss = [0.2661, 0.2593, 0.2519, 0.2524]
        XCTAssertEqual(try verdicts(results)[1], .notReproduced)
        results.e2Rho = (rho: 0.41, p: 0.003)
        XCTAssertEqual(try verdicts(results)[1], .partlyReproduced)
        let claim = RankingClaim(results.results.ranking, rules: VerdictRules())
        XCTAssertTrue(claim.correlationHolds)
        XCTAssertEqual(claim.lowestLambda, "relu")
        XCTAssertEqual(claim.lowestLoss, "linear")
        // At a stricter level the same ρ no longer counts.
        XCTAssertFalse(RankingClaim(results.results.ranking, rules: VerdictRules(significanceLevel: 0.001)).correlationHolds)
    }

    /// Claim 3: the IQR-filtered Pearson r must be positive and significant per activation.
    func testClaim3() throws {
        var results = SyntheticMittraResults()
        results.e3Direction = -1
        XCTAssertEqual(try verdicts(results)[2], .notReproduced)
        results.e3Directions = [1, -1, 1, -1]
        let claim = InitialWeightClaim(results.results.initialWeights, rules: VerdictRules())
        XCTAssertEqual(claim.holds, [true, false, true, false])
        XCTAssertEqual(claim.verdict, .partlyReproduced)
    }

    /// The verdict of a claim made of parts.
    func testVerdictOfParts() {
        XCTAssertEqual(Verdict.of(held: 3, total: 3), .reproduced)
        XCTAssertEqual(Verdict.of(held: 1, total: 3), .partlyReproduced)
        XCTAssertEqual(Verdict.of(held: 0, total: 3), .notReproduced)
        XCTAssertEqual(Verdict.of(held: 0, total: 0), .notReproduced)
    }
}
