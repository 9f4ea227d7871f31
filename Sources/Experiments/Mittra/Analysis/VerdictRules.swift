import StageKit

/// The thresholds of the verdict rules, from the optional `mittra-section` parameter
/// `verdictRules` (`{"significanceLevel": 0.05, "chaoticFraction": 0.5, "chaoticFractionLowerBound": 0.5}`). The paper
/// states the rules with these values.
public struct VerdictRules: Sendable, Equatable {
    /// A correlation counts when its p-value is below this.
    public var significanceLevel: Double
    /// The first run's rule: a cell counts as chaotic when at least this fraction of seeds is.
    public var chaoticFraction: Double
    /// Claim 1's rule: a cell counts as chaotic when the lower end of the 95 % Wilson
    /// interval of its chaotic fraction exceeds this.
    public var chaoticFractionLowerBound: Double

    /// The conventional 5% level.
    public static let defaultSignificanceLevel = 0.05
    /// A majority of seeds.
    public static let defaultChaoticFraction = 0.5
    /// A majority of seeds, beyond sampling error.
    public static let defaultChaoticFractionLowerBound = 0.5

    /// Creates rules.
    public init(
        significanceLevel: Double = defaultSignificanceLevel, chaoticFraction: Double = defaultChaoticFraction,
        chaoticFractionLowerBound: Double = defaultChaoticFractionLowerBound
    ) {
        self.significanceLevel = significanceLevel
        self.chaoticFraction = chaoticFraction
        self.chaoticFractionLowerBound = chaoticFractionLowerBound
    }

    /// Reads `verdictRules` from the stage parameters, or the defaults when absent.
    public init(stageParameters parameters: Parameters) throws {
        guard parameters.has("verdictRules") else {
            self.init()
            return
        }
        let rules = try parameters.object("verdictRules")
        self.init(
            significanceLevel: try rules.double("significanceLevel", default: VerdictRules.defaultSignificanceLevel),
            chaoticFraction: try rules.double("chaoticFraction", default: VerdictRules.defaultChaoticFraction),
            chaoticFractionLowerBound: try rules.double(
                "chaoticFractionLowerBound", default: VerdictRules.defaultChaoticFractionLowerBound))
    }
}
