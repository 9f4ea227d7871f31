import MittraExperiment
import ReportKit
import Statistics
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

    /// Claim 1 is decided on the lower Wilson bound of the chaotic fraction (> 1/2): 8 of
    /// 10 seeds (Wilson [0.49, 0.94]) is not enough, 9 of 10 ([0.60, 0.98]) is. The first
    /// run's rule (t interval above 0 and a two-point fraction ≥ 1/2) is kept beside it.
    func testClaim1DecidedOnWilsonLowerBound() throws {
        var sweep = SyntheticMittraResults().results.sweep
        let shape = sweep.chaoticFraction.shape
        let eight = try WilsonInterval(successes: 8, trials: 10), nine = try WilsonInterval(successes: 9, trials: 10)
        sweep.chaos.endPointFraction = Grid(repeating: 0.8, shape: shape)
        sweep.chaos.wilsonLow = Grid(repeating: eight.lower, shape: shape)
        let notEnough = try ChaosClaim(sweep, options: FigureOptions(), rules: VerdictRules())
        XCTAssertEqual(notEnough.verdict, .notReproduced)
        XCTAssertEqual(notEnough.firstRunVerdict, .reproduced, "the t interval lies above 0 beyond each onset")
        sweep.chaos.wilsonLow = Grid(repeating: nine.lower, shape: shape)
        XCTAssertEqual(try ChaosClaim(sweep, options: FigureOptions(), rules: VerdictRules()).verdict, .reproduced)
        XCTAssertEqual(
            try ChaosClaim(sweep, options: FigureOptions(), rules: VerdictRules(chaoticFractionLowerBound: 0.7)).verdict, .notReproduced)
    }

    /// The sensitivity grid decides claim 1 by the same rule: on the main choice's bounds it
    /// gives the main verdict; with every bound at 0 no activation is chaotic.
    func testSensitivityDecidesByTheClaim1Rule() throws {
        for onsets in [[2.0, 5, 1, 3], [2, 5, 1e9, 1e9], [1e9, 1e9, 1e9, 1e9]] {
            var results = SyntheticMittraResults()
            results.onsets = onsets
            let sweep = results.results.sweep
            let claim = try ChaosClaim(sweep, options: FigureOptions(), rules: VerdictRules())
            let decided = ChaosClaim.decide(sweep, rules: VerdictRules()) { sweep.chaos.wilsonLow[$0, $1, $2] }
            XCTAssertEqual(decided.verdict, claim.verdict, "\(onsets)")
            XCTAssertEqual(decided.chaotic, claim.findings.filter(\.isChaotic).map(\.activation))
        }
        let none = ChaosClaim.decide(SyntheticMittraResults().results.sweep, rules: VerdictRules()) { _, _, _ in 0 }
        XCTAssertEqual(none.verdict, .notReproduced)
        XCTAssertEqual(none.chaotic, [])
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

    /// The amendment (``RegimeTest``): claims 2 and 3 are decided in the first regime whose
    /// networks learn XOR; a regime at chance keeps its verdict beside it but does not decide.
    func testClaims2And3DecidedWhereTheNetworksLearn() throws {
        var source = SyntheticMittraResults()
        source.e2LearnedFraction = 0
        var results = source.results
        let none = try ClaimsAssessment(results, options: FigureOptions(), rules: VerdictRules())
        XCTAssertNil(none.decidingRegime)
        XCTAssertEqual(none.verdictList[1...], [.notTestable, .notTestable])
        XCTAssertEqual(none.ranking.verdict, .reproduced, "the first rule's verdict stays visible")
        var learning = SyntheticMittraResults()
        learning.e2Rho = (rho: -0.57, p: 1e-9)
        learning.e2Loss = [0.2661, 0.2593, 0.2519, 0.2524]
        results.learningRanking = learning.results.ranking
        results.learningInitialWeights = learning.results.initialWeights
        let decided = try ClaimsAssessment(results, options: FigureOptions(), rules: VerdictRules())
        XCTAssertEqual(decided.regimeCanTest, [false, true])
        XCTAssertEqual(decided.decidingRegime, 1)
        XCTAssertEqual(decided.verdictList[1], .notReproduced, "the learning regime's verdict, not the source setting's")
        XCTAssertEqual(decided.verdicts["mittra.claim2"], Verdict.notReproduced.rawValue)
        XCTAssertEqual(decided.verdicts["mittra.claim2.learning"], Verdict.notReproduced.rawValue)
        XCTAssertEqual(decided.rankingVerdicts, [.reproduced, .notReproduced])
        // Where both regimes can test, the source's own setting decides.
        var both = SyntheticMittraResults().results
        both.learningRanking = learning.results.ranking
        XCTAssertEqual(try ClaimsAssessment(both, options: FigureOptions(), rules: VerdictRules()).verdictList[1], .reproduced)
    }

    /// Claim 2 pools the activations that can represent XOR (RankingBreakdown) and finds the
    /// lowest λ and loss among them; the all-activation verdict is kept beside it.
    func testClaim2PoolsTheRepresentingActivations() throws {
        var results = SyntheticMittraResults()
        results.e2Rho = (rho: 0.41, p: 0.003)
        results.e2Lambda = [-0.000061, -0.000231, -0.0009, -0.00012]  // linear lowest λ
        results.e2Loss = [0.2661, 0.2519, 0.2524, 0.2593]  // relu lowest loss
        var ranking = results.results.ranking
        XCTAssertEqual(RankingClaim(ranking, rules: VerdictRules()).lowestLambda, "linear")
        ranking.breakdown = RankingBreakdown(
            representing: ["sigmoid", "relu", "tanh"],
            representingSpearman: CorrelationSummary(coefficient: -0.04, pValue: 0.35, bootLow: -0.11, bootHigh: 0.06),
            activationSpearman: ranking.activations.map { _ in CorrelationSummary(coefficient: 0, pValue: 1, bootLow: -0.1, bootHigh: 0.1) },
            testAccuracyLow: [0.97, 0.97, 0.5, 0.97], testAccuracyHigh: [0.99, 0.99, 0.52, 0.99])
        let claim = RankingClaim(ranking, rules: VerdictRules())
        XCTAssertFalse(claim.correlationHolds, "the representing pool's ρ decides")
        XCTAssertEqual(claim.lowestLambda, "relu", "linear is left out of the best-activation test")
        XCTAssertEqual(claim.lowestLoss, "relu")
        XCTAssertEqual(claim.verdict, .partlyReproduced)
        XCTAssertEqual(claim.allActivationsVerdict, .partlyReproduced, "all pooled: ρ holds, but linear has the lowest λ")
        ranking.breakdown?.representingSpearman = CorrelationSummary(coefficient: 0.3, pValue: 0.001, bootLow: 0.2, bootHigh: 0.4)
        XCTAssertEqual(RankingClaim(ranking, rules: VerdictRules()).verdict, .reproduced)
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

    /// Claim 3 counts only the activations that can represent XOR (as claim 2 pools them);
    /// linear is shown per activation, marked, and the all-activation verdict kept beside.
    func testClaim3CountsTheRepresentingActivations() throws {
        var results = SyntheticMittraResults()
        results.e3Directions = [1, 1, -1, 1]  // linear (third) alone fails the rule
        let claim = InitialWeightClaim(results.results.initialWeights, rules: VerdictRules())
        XCTAssertEqual(claim.holds, [true, true, false, true])
        XCTAssertEqual(claim.representing, ["sigmoid", "relu", "tanh"])
        XCTAssertEqual(claim.verdict, .reproduced, "linear does not count")
        XCTAssertEqual(claim.allActivationsVerdict, .partlyReproduced, "the rule as first stated counts linear")
        let evidence = claim.evidence(results.results.initialWeights)
        XCTAssertTrue(evidence.contains("linear: r = ") && evidence.contains("(cannot represent XOR; not counted)"), evidence)
        XCTAssertTrue(evidence.hasSuffix("the verdict would be partly reproduced."), evidence)
        // The activations left out follow the rule's `cannotRepresent`.
        var rules = VerdictRules()
        rules.regimeTest.cannotRepresent = []
        XCTAssertEqual(InitialWeightClaim(results.results.initialWeights, rules: rules).verdict, .partlyReproduced)
        results.e3Directions = [1, -1, 1, -1]
        XCTAssertEqual(InitialWeightClaim(results.results.initialWeights, rules: VerdictRules()).verdict, .partlyReproduced)
    }

    /// The verdict of a claim made of parts.
    func testVerdictOfParts() {
        XCTAssertEqual(Verdict.of(held: 3, total: 3), .reproduced)
        XCTAssertEqual(Verdict.of(held: 1, total: 3), .partlyReproduced)
        XCTAssertEqual(Verdict.of(held: 0, total: 3), .notReproduced)
        XCTAssertEqual(Verdict.of(held: 0, total: 0), .notReproduced)
    }
}
