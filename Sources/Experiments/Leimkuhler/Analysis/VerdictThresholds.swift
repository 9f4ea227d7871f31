/// The thresholds of the amended E5 verdict rules (docs/PROTOCOL.md §4), fixed before the
/// runs they judge were read: the section task's parameter `verdictRules`.
public struct VerdictThresholds: Sendable, Equatable {
    /// α of every test and 1 − the coverage of every interval of the rules.
    public var significanceLevel: Double
    /// The common target of the "faster" rule is this fraction of the lowest best median accuracy (``TimeToTarget``).
    public var targetFraction: Double
    /// A tensor is in equipartition when pᵀp/N ÷ τ lies within [1/tolerance, tolerance] (``Equipartition``).
    public var equipartitionTolerance: Double

    /// The defaults pipeline.json states: α = 0.05, target fraction 0.9, tolerance 2.
    public static let defaults = VerdictThresholds(significanceLevel: 0.05, targetFraction: 0.9, equipartitionTolerance: 2)

    /// Creates thresholds.
    public init(significanceLevel: Double, targetFraction: Double, equipartitionTolerance: Double) {
        (self.significanceLevel, self.targetFraction, self.equipartitionTolerance) = (significanceLevel, targetFraction, equipartitionTolerance)
    }
}
