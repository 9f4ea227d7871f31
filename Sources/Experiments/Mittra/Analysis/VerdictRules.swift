import StageKit

/// The thresholds of the verdict rules, from the optional `mittra-section` parameter
/// `verdictRules` (`{"significanceLevel": 0.05, "chaoticFraction": 0.5}`). The paper
/// states the rules with these values.
public struct VerdictRules: Sendable, Equatable {
    /// A correlation counts when its p-value is below this.
    public var significanceLevel: Double
    /// A cell counts as chaotic when at least this fraction of seeds is chaotic.
    public var chaoticFraction: Double

    /// The conventional 5% level.
    public static let defaultSignificanceLevel = 0.05
    /// A majority of seeds.
    public static let defaultChaoticFraction = 0.5

    /// Creates rules.
    public init(significanceLevel: Double = defaultSignificanceLevel, chaoticFraction: Double = defaultChaoticFraction) {
        self.significanceLevel = significanceLevel
        self.chaoticFraction = chaoticFraction
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
            chaoticFraction: try rules.double("chaoticFraction", default: VerdictRules.defaultChaoticFraction))
    }
}
