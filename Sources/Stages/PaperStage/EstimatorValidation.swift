import HDF5
import ReportKit

/// The estimator checks on systems with known exponents (docs/PROTOCOL.md §1.8, "Validation"),
/// read from group `/validation` of `data/validation.h5`: one row per estimator ×
/// system × spectrum index, judged by `validate-estimators` (theory targets), with the
/// first rule's tolerance and outcome beside.
public struct EstimatorValidation: Sendable {
    /// One check.
    public struct Row: Sendable, Equatable {
        /// The system, e.g. `"henon"`.
        public var system: String
        /// The estimator, e.g. `"tangent"`.
        public var estimator: String
        /// The spectrum index (0 = largest exponent).
        public var index: Int
        /// The estimate; NaN if the estimator gave none.
        public var estimate: Double
        /// The known exponent.
        public var reference: Double
        /// The unit of estimate and reference.
        public var unit: String
        /// The estimator's status, e.g. `"ok"`.
        public var status: String
        /// The estimate's batch-means standard error (NaN when the run gives none).
        public var standardError: Double
        /// The theory target: the largest accepted |estimate − reference|.
        public var target: Double
        /// The bias theory predicts (NaN when none or not derived).
        public var predictedBias: Double
        /// The outcome by the theory rule.
        public var outcome: ValidationOutcome
        /// The first rule's fixed tolerance.
        public var firstRuleTolerance: Double
        /// Whether the check passed by the first rule.
        public var firstRulePassed: Bool

        /// |estimate − reference| (NaN without an estimate).
        public var absoluteError: Double { abs(estimate - reference) }
    }

    /// The checks in file order.
    public let rows: [Row]
    /// `t`, the multiple of the standard error in every target (attribute `critical_value`).
    public let criticalValue: Double
    /// The round-off allowance in every target (attribute `round_off_allowance`).
    public let roundOffAllowance: Double

    /// Reads `/validation` of `file`.
    public init(file: HDF5File) throws {
        let reader = try ResultsGroupReader(file: file, group: "validation")
        let count = try reader.length("system")
        let strings = { (name: String) in try reader.stringGrid(name, shape: [count]).values }
        let doubles = { (name: String) in try reader.doubleGrid(name, shape: [count]).values }
        let system = try strings("system"), estimator = try strings("estimator"), unit = try strings("unit")
        let status = try strings("status"), outcome = try strings("outcome")
        let index = try reader.intGrid("index", shape: [count]).values
        let estimate = try doubles("estimate"), reference = try doubles("reference")
        let standardError = try doubles("standard_error"), target = try doubles("target")
        let predictedBias = try doubles("predicted_bias"), firstRuleTolerance = try doubles("first_rule_tolerance")
        let firstRulePassed = try reader.intGrid("first_rule_passed", shape: [count]).values
        rows = try (0..<count).map { row in
            guard let judged = ValidationOutcome(rawValue: outcome[row]) else {
                throw reader.failure("outcome", "row \(row) is \"\(outcome[row])\"; expected one of "
                    + ValidationOutcome.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    + " (rerun the validate-estimators stage)")
            }
            return Row(
                system: system[row], estimator: estimator[row], index: index[row], estimate: estimate[row],
                reference: reference[row], unit: unit[row], status: status[row], standardError: standardError[row],
                target: target[row], predictedBias: predictedBias[row], outcome: judged,
                firstRuleTolerance: firstRuleTolerance[row], firstRulePassed: firstRulePassed[row] != 0)
        }
        criticalValue = try reader.double("critical_value")
        roundOffAllowance = try reader.double("round_off_allowance")
    }

    /// Reads the validation file at `path`.
    public static func read(path: String) throws -> EstimatorValidation {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        return try EstimatorValidation(file: file)
    }
}
