import FileSchemas
import HDF5
import StageKit

/// Merges the files of a sharded sweep (each an ``FileSchemas/EnsemblesFile`` with
/// `shard` [i, n]) into the file of the whole sweep: every dataset whose `dimensions`
/// start with `configuration` gets the shards' rows in global configuration order
/// (`/configurations/index`); every other dataset, and every attribute, must be the same
/// in all shards and is copied. Storage (chunks, deflate) follows the writer's rule, so
/// the merged datasets are those of an unsharded run, value for value. The root `shard`
/// attribute becomes [0, 1]; the provenance attributes are the merging stage's own.
public enum EnsembleFileMerger {
    /// Root attributes that belong to the file, not to the sweep: not compared or copied.
    static let ownAttributes: Set<String> = ["provenance", "stage", "code_sha256", "shard"]

    /// Merges `shards` (opened files; any order) of an `expectedCount`-way split into
    /// `output`, which holds only its provenance attributes yet.
    public static func merge(_ shards: [HDF5File], expectedCount: Int, into output: HDF5File) throws {
        var byIndex: [Int: HDF5File] = [:]
        for file in shards {
            guard let pair = try file.readIfPresent(EnsemblesFile.Fields.shard), pair.count == 2 else {
                throw StageError.invalidInput(path: file.path, reason: "its root attribute 'shard' [i, n] is missing; it is not a shard of an ensembles file")
            }
            guard pair[1] == expectedCount, (0..<expectedCount).contains(Int(pair[0])) else {
                throw StageError.invalidInput(path: file.path, reason: "it is shard \(pair[0]) of \(pair[1]), not one of \(expectedCount) shards")
            }
            if let other = byIndex[Int(pair[0])] {
                throw StageError.invalidInput(path: file.path, reason: "it is shard \(pair[0]) of \(pair[1]), as is \(other.path)")
            }
            byIndex[Int(pair[0])] = file
        }
        guard byIndex.count == expectedCount else {
            let missing = (0..<expectedCount).filter { byIndex[$0] == nil }
            throw StageError.usage("the merge needs all \(expectedCount) shards as inputs; missing shard(s) \(missing)")
        }
        let files = (0..<expectedCount).map { byIndex[$0]! }
        // Global order: (shard, row) of each configuration index, which must be 0..<C.
        var rows: [(index: Int, shard: Int, row: Int)] = []
        var rowCounts: [Int] = []
        for (shard, file) in files.enumerated() {
            let indices = try file.read(ConfigurationTable.Fields.index).values
            rowCounts.append(indices.count)
            rows += indices.enumerated().map { (Int($0.element), shard, $0.offset) }
        }
        rows.sort { $0.index < $1.index }
        guard rows.map(\.index) == Array(0..<rows.count) else {
            throw StageError.invalidInput(
                path: files[0].path, reason: "the shards' configuration indices are not 0…\(rows.count - 1) exactly once each")
        }
        let contributing = files.indices.filter { rowCounts[$0] > 0 }
        guard let first = contributing.first else {
            throw StageError.invalidInput(path: files[0].path, reason: "no shard holds any configuration")
        }
        try copyAttributes(of: try files.map { try $0.root }, into: try output.root, skipping: ownAttributes)
        try output.write(EnsemblesFile.Fields.shard, [0, 1])
        for groupName in try files[first].root.memberNames() {
            let groups = try files.map { try $0.root.openGroup(groupName) }
            let merged = try output.root.createGroup(groupName)
            try copyAttributes(of: groups, into: merged, skipping: [])
            for name in try groups[first].memberNames() {
                let datasets = try contributing.map { try groups[$0].dataset(name) }
                try mergeDataset(name, datasets, shards: contributing, rows: rows, into: merged)
            }
        }
    }

    /// Copies the attributes of `sources[0]` after checking every source has the same.
    static func copyAttributes(of sources: [HDF5Group], into target: HDF5Group, skipping: Set<String>) throws {
        let names = try sources[0].attributeNames().filter { !skipping.contains($0) }
        for source in sources.dropFirst() {
            guard try source.attributeNames().filter({ !skipping.contains($0) }) == names else {
                throw StageError.invalidInput(path: source.file.path, reason: "the attributes of \(source.path) differ between shards")
            }
            for name in names where try source.attribute(name) != (try sources[0].attribute(name)) {
                throw StageError.invalidInput(
                    path: source.file.path, reason: "attribute '\(name)' of \(source.path) differs between shards: they are not one sweep")
            }
        }
        for name in names { try target.setAttribute(name, try sources[0].attribute(name)) }
    }

    static func mergeDataset(
        _ name: String, _ datasets: [HDF5Dataset], shards: [Int], rows: [(index: Int, shard: Int, row: Int)],
        into group: HDF5Group
    ) throws {
        let model = datasets[0]
        let perConfiguration: Bool
        if try model.hasAttribute("dimensions"), case .strings(let dimensions) = try model.attribute("dimensions") {
            perConfiguration = dimensions.first == "configuration"
        } else {
            perConfiguration = false
        }
        let rest = Array(model.shape.dropFirst())
        for dataset in datasets.dropFirst() where dataset.elementType != model.elementType
            || (perConfiguration ? Array(dataset.shape.dropFirst()) != rest : dataset.shape != model.shape)
        {
            throw StageError.invalidInput(path: dataset.file.path, reason: "\(dataset.path) has another shape or type than in the other shards")
        }
        let shape = perConfiguration ? [rows.count] + rest : model.shape
        let rowSize = rest.reduce(1, *)
        let position = Dictionary(uniqueKeysWithValues: shards.enumerated().map { ($0.element, $0.offset) })
        /// The shards' values in global row order (or, if not per configuration, the one
        /// value all shards agree on).
        func combined<T>(_ read: (HDF5Dataset) throws -> [T], equal: (T, T) -> Bool) throws -> [T] {
            let values = try datasets.map(read)
            guard perConfiguration else {
                for (offset, other) in values.enumerated().dropFirst()
                where other.count != values[0].count || zip(other, values[0]).contains(where: { !equal($0, $1) }) {
                    throw StageError.invalidInput(
                        path: datasets[offset].file.path, reason: "\(model.path) differs between shards: they are not one sweep")
                }
                return values[0]
            }
            var result: [T] = []
            result.reserveCapacity(rows.count * rowSize)
            for entry in rows {
                let source = values[position[entry.shard]!]
                result += source[(entry.row * rowSize)..<((entry.row + 1) * rowSize)]
            }
            return result
        }
        let chunk = perConfiguration ? (shape.count > 1 ? EnsemblesFile.Fields.chunk(for: shape) : nil) : model.chunkShape
        let deflate = perConfiguration ? (chunk == nil ? nil : 1) : model.deflateLevel
        let written: HDF5Dataset
        switch model.elementType {
        case .float64?:
            let values = try combined({ try $0.read(as: Double.self).values }, equal: { $0.bitPattern == $1.bitPattern })
            written = try group.writeDataset(name, values, shape: shape, chunk: chunk, deflateLevel: deflate)
        case .int64?:
            let values = try combined({ try $0.read(as: Int64.self).values }, equal: ==)
            written = try group.writeDataset(name, values, shape: shape, chunk: chunk, deflateLevel: deflate)
        case .string?:
            written = try group.writeStrings(name, try combined({ try $0.readStrings().values }, equal: ==), shape: shape)
        default:
            throw StageError.invalidInput(path: model.file.path, reason: "\(model.path) has type \(model.storedTypeDescription), which the merge does not know")
        }
        for attribute in try model.attributeNames() {
            try written.setAttribute(attribute, try model.attribute(attribute))
        }
    }
}
