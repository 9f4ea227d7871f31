import HDF5
import StageKit

/// Typed reads from one group of a results file, with errors that name the file, the
/// object and what was expected. The layout being read is documented by the experiment's
/// results type that uses the reader (e.g. `MittraResults`).
public struct ResultsGroupReader {
    /// The group being read.
    public let group: HDF5Group
    /// The file's path, for error messages.
    public let filePath: String

    /// Opens `name` under the root of `file`.
    public init(file: HDF5File, group name: String) throws {
        guard try file.root.contains(name) else {
            throw StageError.invalidInput(path: file.path, reason: "it has no group /\(name)")
        }
        self.group = try file.root.openGroup(name)
        self.filePath = file.path
    }

    /// An error about member `name` of the group.
    public func failure(_ name: String, _ reason: String) -> StageError {
        .invalidInput(path: "\(filePath) \(group.path)/\(name)", reason: reason)
    }

    /// An error about the group as a whole.
    public func invalid(_ reason: String) -> StageError {
        .invalidInput(path: "\(filePath) \(group.path)", reason: reason)
    }

    private func attribute(_ name: String) throws -> HDF5AttributeValue {
        guard try group.hasAttribute(name) else { throw failure(name, "the attribute is missing") }
        return try group.attribute(name)
    }

    /// A string attribute.
    public func string(_ name: String) throws -> String {
        switch try attribute(name) {
        case .string(let text): return text
        case .strings(let texts) where texts.count == 1: return texts[0]
        default: throw failure(name, "expected a string attribute")
        }
    }

    /// A string-array attribute.
    public func strings(_ name: String) throws -> [String] {
        switch try attribute(name) {
        case .strings(let texts): return texts
        case .string(let text): return [text]
        default: throw failure(name, "expected an array of strings")
        }
    }

    /// An integer attribute.
    public func int(_ name: String) throws -> Int {
        switch try attribute(name) {
        case .int(let number): return Int(number)
        case .ints(let numbers) where numbers.count == 1: return Int(numbers[0])
        default: throw failure(name, "expected an integer attribute")
        }
    }

    /// An integer-array attribute.
    public func ints(_ name: String) throws -> [Int] {
        switch try attribute(name) {
        case .ints(let numbers): return numbers.map { Int($0) }
        case .int(let number): return [Int(number)]
        default: throw failure(name, "expected an array of integers")
        }
    }

    /// A float attribute (integers are accepted).
    public func double(_ name: String) throws -> Double {
        switch try attribute(name) {
        case .double(let number): return number
        case .int(let number): return Double(number)
        case .doubles(let numbers) where numbers.count == 1: return numbers[0]
        default: throw failure(name, "expected a number attribute")
        }
    }

    /// A float-array attribute.
    public func doubles(_ name: String) throws -> [Double] {
        switch try attribute(name) {
        case .doubles(let numbers): return numbers
        case .double(let number): return [number]
        case .ints(let numbers): return numbers.map { Double($0) }
        default: throw failure(name, "expected an array of numbers")
        }
    }

    /// A Float64 dataset of exactly `shape`.
    public func doubleGrid(_ name: String, shape: [Int]) throws -> Grid<Double> {
        let array = try dataset(name).read(as: Double.self)
        try check(name, array.shape, shape)
        return Grid(values: array.values, shape: shape)
    }

    /// An Int64 dataset of exactly `shape`, as `Int`.
    public func intGrid(_ name: String, shape: [Int]) throws -> Grid<Int> {
        let array = try dataset(name).read(as: Int64.self)
        try check(name, array.shape, shape)
        return Grid(values: array.values.map { Int($0) }, shape: shape)
    }

    /// A string dataset of exactly `shape`.
    public func stringGrid(_ name: String, shape: [Int]) throws -> Grid<String> {
        let array = try dataset(name).readStrings()
        try check(name, array.shape, shape)
        return Grid(values: array.values, shape: shape)
    }

    /// The extent of the one-dimensional dataset `name`.
    public func length(_ name: String) throws -> Int {
        let shape = try dataset(name).shape
        guard shape.count == 1 else { throw failure(name, "expected a one-dimensional dataset, found shape \(shape)") }
        return shape[0]
    }

    /// The extent of dimension `axis` of dataset `name`.
    public func extent(_ name: String, axis: Int) throws -> Int {
        let shape = try dataset(name).shape
        guard axis < shape.count else { throw failure(name, "expected at least \(axis + 1) dimensions, found shape \(shape)") }
        return shape[axis]
    }

    private func dataset(_ name: String) throws -> HDF5Dataset {
        guard try group.contains(name) else { throw failure(name, "the dataset is missing") }
        return try group.dataset(name)
    }

    private func check(_ name: String, _ found: [Int], _ expected: [Int]) throws {
        guard found == expected else {
            throw failure(name, "expected shape \(expected) (from the group's attributes), found \(found)")
        }
    }
}
