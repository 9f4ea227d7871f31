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
        try group.writeDataset("tolerance", rows.map(\.tolerance), shape: [rows.count])
        try group.writeStrings("unit", rows.map(\.unit))
        try group.writeDataset("passed", rows.map { Int64($0.passed ? 1 : 0) }, shape: [rows.count])
        try group.writeStrings("status", rows.map { String(describing: $0.status) })
        try file.close()
        try context.report(summary: .object([
            "rows": .int(Int64(rows.count)), "passed": .int(Int64(rows.filter(\.passed).count)),
        ]))
    }

    /// The suite as a JSON array of `{system, estimator, estimate, reference, index, tolerance, passed}`.
    public static func json(key: SeedKey = SeedKey(1)) throws -> JSONValue {
        .array(
            try ValidationSuite(key: key).run().map { row in
                .object([
                    "system": .string(row.system), "estimator": .string(ExponentSeries.methodName(row.estimator)),
                    "estimate": row.estimate.map { .double($0) } ?? .null, "reference": .double(row.reference),
                    "index": .int(Int64(row.index)), "tolerance": .double(row.tolerance), "unit": .string(row.unit),
                    "passed": .bool(row.passed),
                ])
            })
    }
}
