import HDF5
import Provenance
import ReportKit

/// The optimizer settings of a list of runs as their ensembles files record them (the root
/// attribute `optimizer_hyperparameters`), flattened to one number per name: objects open
/// into `a.b`, arrays into `a[i]` (0-based). `values` [R, H] is NaN where a row's optimizer
/// has no such setting. Written as the attribute `<prefix>names` and the dataset
/// `<prefix>values` of a results group (left out when no row has a setting).
public struct HyperparameterTable: Sendable, Equatable {
    /// The setting names H, sorted.
    public var names: [String]
    /// [R, H] row-major.
    public var values: [Double]

    /// The table of `settings` (one JSON object per row); non-numbers are left out.
    public init(_ settings: [JSONValue]) {
        func flatten(_ value: JSONValue, _ path: String) -> [(String, Double)] {
            switch value {
            case .object(let members): return members.keys.sorted().flatMap { flatten(members[$0]!, path.isEmpty ? $0 : path + "." + $0) }
            case .array(let items): return items.enumerated().flatMap { flatten($0.element, "\(path)[\($0.offset)]") }
            case .double(let x): return [(path, x)]
            case .int(let x): return [(path, Double(x))]
            default: return []
            }
        }
        let rows = settings.map { flatten($0, "") }
        let names = Set(rows.flatMap { $0.map(\.0) }).sorted()
        self.names = names
        values = rows.flatMap { row in names.map { name in row.first { $0.0 == name }?.1 ?? .nan } }
    }

    init(names: [String], values: [Double]) { (self.names, self.values) = (names, values) }

    /// Row `r`'s setting `name`; nil when its optimizer has none.
    public func value(_ r: Int, _ name: String) -> Double? {
        guard let h = names.firstIndex(of: name), r * names.count + h < values.count, values[r * names.count + h].isFinite else { return nil }
        return values[r * names.count + h]
    }

    /// Row `r`'s settings as `(name, value)` in name order of the table.
    public func settings(_ r: Int) -> [(name: String, value: Double)] {
        names.compactMap { name in value(r, name).map { (name, $0) } }
    }

    static func read(_ r: ResultsGroupReader, rows: Int, prefix: String) throws -> HyperparameterTable {
        let names = try r.strings(prefix + "names")
        guard !names.isEmpty else { return HyperparameterTable(names: [], values: []) }
        return HyperparameterTable(names: names, values: try r.doubleGrid(prefix + "values", shape: [rows, names.count]).values)
    }

    func write(_ w: ResultsGroupWriter, rows: Int, prefix: String) throws {
        try w.attribute(prefix + "names", .strings(names))
        guard !names.isEmpty else { return }
        try w.write(prefix + "values", Grid(values: values, shape: [rows, names.count]), dimensions: ["row", "hyperparameter"],
                    meaning: "optimizer settings read from each ensembles file's optimizer_hyperparameters (NaN: not a setting of that optimizer)")
    }
}
