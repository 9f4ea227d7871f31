import HDF5
import ReportKit

/// The estimator checks on systems with known exponents (docs/PROTOCOL.md §1, "Validation"),
/// read from group `/validation` of `data/validation.h5`: one row per estimator ×
/// system × spectrum index.
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
        /// The allowed absolute error.
        public var tolerance: Double
        /// The unit of estimate and reference.
        public var unit: String
        /// Whether |estimate − reference| ≤ tolerance.
        public var passed: Bool
        /// The estimator's status, e.g. `"ok"`.
        public var status: String
    }

    /// The checks in file order.
    public let rows: [Row]

    /// Reads `/validation` of `file`.
    public init(file: HDF5File) throws {
        let reader = try ResultsGroupReader(file: file, group: "validation")
        let count = try reader.length("system")
        let system = try reader.stringGrid("system", shape: [count]).values
        let estimator = try reader.stringGrid("estimator", shape: [count]).values
        let index = try reader.intGrid("index", shape: [count]).values
        let estimate = try reader.doubleGrid("estimate", shape: [count]).values
        let reference = try reader.doubleGrid("reference", shape: [count]).values
        let tolerance = try reader.doubleGrid("tolerance", shape: [count]).values
        let unit = try reader.stringGrid("unit", shape: [count]).values
        let passed = try reader.intGrid("passed", shape: [count]).values
        let status = try reader.stringGrid("status", shape: [count]).values
        rows = (0..<count).map { row in
            Row(
                system: system[row], estimator: estimator[row], index: index[row], estimate: estimate[row],
                reference: reference[row], tolerance: tolerance[row], unit: unit[row], passed: passed[row] != 0,
                status: status[row])
        }
    }

    /// Reads the validation file at `path`.
    public static func read(path: String) throws -> EstimatorValidation {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        return try EstimatorValidation(file: file)
    }
}
