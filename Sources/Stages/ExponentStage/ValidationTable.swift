import Foundation
import HDF5
import Lyapunov
import NumericsCore
import Provenance
import StageKit

/// The estimator validation on systems with known exponents (docs/PROTOCOL.md §1), as a
/// table: in a stage (`mode: "validate"`, written to HDF5 for the paper) and as JSON
/// on stdout (`estimate-exponents validate --json`).
public enum ValidationTable {
    /// Runs the suite with the stage's seed and writes `/validation` (one row per
    /// estimator × system × spectrum index).
    static func write(_ context: StageContext) throws {
        let rows = try ValidationSuite(key: try context.seed("validation")).run()
        let file = try context.createOutputFile(context.invocation.outputs[0].declaredPath)
        let group = try file.root.createGroup("validation")
        try group.writeStrings("system", rows.map(\.system))
        try group.writeStrings("estimator", rows.map { ExponentSeries.methodName($0.estimator) })
        try group.writeDataset("index", rows.map { Int64($0.index) }, shape: [rows.count])
        try group.writeDataset("estimate", rows.map { $0.estimate ?? .nan }, shape: [rows.count])
        try group.writeDataset("reference", rows.map(\.reference), shape: [rows.count])
        try group.writeStrings("unit", rows.map(\.unit))
        try group.writeStrings("status", rows.map { String(describing: $0.status) })
        try group.writeDataset("standard_error", rows.map(\.standardError), shape: [rows.count])
        try group.writeDataset("reference_uncertainty", rows.map(\.referenceUncertainty), shape: [rows.count])
        try group.writeDataset("target", rows.map(\.target), shape: [rows.count])
        try group.writeDataset("predicted_bias", rows.map(\.predictedBias), shape: [rows.count])
        try group.writeStrings("outcome", rows.map(\.outcome.rawValue))
        try group.writeDataset("first_rule_tolerance", rows.map(\.firstRuleTolerance), shape: [rows.count])
        try group.writeDataset("first_rule_passed", rows.map { Int64($0.firstRulePassed ? 1 : 0) }, shape: [rows.count])
        try group.setAttribute("critical_value", .double(ValidationSuite.criticalValue(checkCount: rows.count)))
        try group.setAttribute("round_off_allowance", .double(ValidationSuite.roundOffAllowance))
        try group.setAttribute("batch_count", .int(Int64(BatchMeans.batchCount)))
        try file.close()
        let count = { (outcome: ValidationRow.Outcome) in JSONValue.int(Int64(rows.filter { $0.outcome == outcome }.count)) }
        try context.report(summary: .object([
            "rows": .int(Int64(rows.count)), "passed": count(.passed), "biasedByConstruction": count(.biasedByConstruction),
            "failed": count(.failed),
        ]))
    }

    /// The suite as a JSON array of `{system, estimator, estimate, reference, index, unit,
    /// standardError, target, outcome, firstRuleTolerance, firstRulePassed}`.
    public static func json(key: SeedKey = SeedKey(1)) throws -> JSONValue {
        .array(
            try ValidationSuite(key: key).run().map { row in
                .object([
                    "system": .string(row.system), "estimator": .string(ExponentSeries.methodName(row.estimator)),
                    "estimate": row.estimate.map { .double($0) } ?? .null, "reference": .double(row.reference),
                    "index": .int(Int64(row.index)), "unit": .string(row.unit),
                    "standardError": .double(row.standardError), "target": .double(row.target),
                    "outcome": .string(row.outcome.rawValue), "firstRuleTolerance": .double(row.firstRuleTolerance),
                    "firstRulePassed": .bool(row.firstRulePassed),
                ])
            })
    }
}
