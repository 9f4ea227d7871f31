import HDF5
import ReportKit

/// Claim 2 beyond the pooled ρ (docs/PROTOCOL.md §2.10: linear networks cannot represent XOR,
/// so claim 2 is pooled over the activations that can, and tested per activation), and the
/// interval of each activation's mean test accuracy. Stored in the group of its
/// ``ActivationRanking``; absent from aggregate files written before it existed.
///
/// | member | shape / kind | meaning |
/// |---|---|---|
/// | `representing_activations` | string-array attribute | activations that can represent XOR |
/// | `representing_spearman` | [4] | ρ, p, bootstrap CI of per-seed λ and final loss, pooled over those |
/// | `activation_spearman` | [activation, 4] | the same per activation |
/// | `test_accuracy_t_low`, `test_accuracy_t_high` | [activation] | 95 % t interval of the mean final test accuracy |
public struct RankingBreakdown: Sendable, Equatable {
    /// The activations that can represent XOR, in file order.
    public var representing: [String]
    /// Spearman ρ between per-seed λ (the ranked series) and final loss, pooled over ``representing``.
    public var representingSpearman: CorrelationSummary
    /// The same within each activation, in file order.
    public var activationSpearman: [CorrelationSummary]
    /// Lower end of the 95 % t interval of each activation's mean final test accuracy.
    public var testAccuracyLow: [Double]
    /// Upper end of that interval.
    public var testAccuracyHigh: [Double]

    /// Creates the breakdown from its parts.
    public init(
        representing: [String], representingSpearman: CorrelationSummary, activationSpearman: [CorrelationSummary],
        testAccuracyLow: [Double], testAccuracyHigh: [Double]
    ) {
        self.representing = representing
        self.representingSpearman = representingSpearman
        self.activationSpearman = activationSpearman
        self.testAccuracyLow = testAccuracyLow
        self.testAccuracyHigh = testAccuracyHigh
    }

    /// Reads the breakdown of `activationCount` activations from `reader`'s group, nil when
    /// the group predates it (no `representing_spearman`).
    public init?(_ reader: ResultsGroupReader, activationCount a: Int) throws {
        guard try reader.group.contains("representing_spearman") else { return nil }
        representing = try reader.strings("representing_activations")
        representingSpearman = CorrelationSummary(try reader.doubleGrid("representing_spearman", shape: [4]).values)
        let rows = try reader.doubleGrid("activation_spearman", shape: [a, 4])
        activationSpearman = (0..<a).map { CorrelationSummary(rows.line($0)) }
        testAccuracyLow = try reader.doubleGrid("test_accuracy_t_low", shape: [a]).values
        testAccuracyHigh = try reader.doubleGrid("test_accuracy_t_high", shape: [a]).values
    }

    /// Writes the breakdown into `writer`'s group; `series` names the ranked λ series.
    public func write(_ writer: ResultsGroupWriter, series: String) throws {
        let a = [activationSpearman.count]
        try writer.attribute("representing_activations", .strings(representing))
        try writer.write(
            "representing_spearman", representingSpearman.storedWithoutCount, shape: [4], dimensions: ["rho, p, boot_low, boot_high"],
            meaning: "Spearman ρ between per-seed \(series) λ and final loss, pooled over representing_activations")
        try writer.write(
            "activation_spearman", activationSpearman.flatMap(\.storedWithoutCount), shape: a + [4],
            dimensions: ["activation", "rho, p, boot_low, boot_high"],
            meaning: "Spearman ρ between per-seed \(series) λ and final loss within each activation")
        try writer.write("test_accuracy_t_low", testAccuracyLow, shape: a, dimensions: ["activation"], meaning: "95% t-interval of the mean final test accuracy")
        try writer.write("test_accuracy_t_high", testAccuracyHigh, shape: a, dimensions: ["activation"], meaning: "95% t-interval of the mean final test accuracy")
    }
}
