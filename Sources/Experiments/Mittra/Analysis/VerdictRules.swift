import StageKit

/// The thresholds of the verdict rules, from the optional `mittra-section` parameter
/// `verdictRules` (`{"significanceLevel": 0.05, "chaoticFraction": 0.5, "chaoticFractionLowerBound": 0.5}`) and the
/// optional `regimeTest` (`{"minimumLearnedFraction": 0.9}`; which activations cannot represent XOR is the
/// aggregate's parameter `cannotRepresent`, read from aggregate.h5 by ``ClaimsAssessment``). The paper states the
/// rules with these values.
public struct VerdictRules: Sendable, Equatable {
    /// A correlation counts when its p-value is below this.
    public var significanceLevel: Double
    /// The alternative claim-1 rule (the first run's): a cell counts as chaotic when at least this fraction of seeds is.
    public var chaoticFraction: Double
    /// Claim 1's rule: a cell counts as chaotic when the lower end of the 95 % Wilson
    /// interval of its chaotic fraction exceeds this.
    public var chaoticFractionLowerBound: Double
    /// When a regime can test claims 2 and 3 (the amendment).
    public var regimeTest: RegimeTest

    /// The conventional 5% level.
    public static let defaultSignificanceLevel = 0.05
    /// A majority of seeds.
    public static let defaultChaoticFraction = 0.5
    /// A majority of seeds, beyond sampling error.
    public static let defaultChaoticFractionLowerBound = 0.5

    /// Creates rules.
    public init(
        significanceLevel: Double = defaultSignificanceLevel, chaoticFraction: Double = defaultChaoticFraction,
        chaoticFractionLowerBound: Double = defaultChaoticFractionLowerBound, regimeTest: RegimeTest = RegimeTest()
    ) {
        self.regimeTest = regimeTest
        self.significanceLevel = significanceLevel
        self.chaoticFraction = chaoticFraction
        self.chaoticFractionLowerBound = chaoticFractionLowerBound
    }

    /// Reads `verdictRules` and `regimeTest` from the stage parameters, or the defaults when absent.
    public init(stageParameters parameters: Parameters) throws {
        var regimeTest = RegimeTest()
        if parameters.has("regimeTest") {
            let test = try parameters.object("regimeTest")
            regimeTest.minimumLearnedFraction = try test.double(
                "minimumLearnedFraction", default: RegimeTest.defaultMinimumLearnedFraction)
        }
        guard parameters.has("verdictRules") else {
            self.init(regimeTest: regimeTest)
            return
        }
        let rules = try parameters.object("verdictRules")
        self.init(
            significanceLevel: try rules.double("significanceLevel", default: VerdictRules.defaultSignificanceLevel),
            chaoticFraction: try rules.double("chaoticFraction", default: VerdictRules.defaultChaoticFraction),
            chaoticFractionLowerBound: try rules.double(
                "chaoticFractionLowerBound", default: VerdictRules.defaultChaoticFractionLowerBound),
            regimeTest: regimeTest)
    }
}
