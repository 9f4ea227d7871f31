import Provenance

/// Typed access to a stage's parameters, with errors that name the JSON path in
/// `pipeline.json` (`stages.<stage>.parameters.<key>`) and say what was expected.
public struct Parameters: Sendable {
    public let value: JSONValue
    /// The dotted path of `value` in pipeline.json, for error messages.
    public let path: String

    public init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    func member(_ key: String) throws -> JSONValue {
        guard case .object(let members) = value else {
            throw StageError.parameter(path: path, message: "must be an object, found \(value.kindName)")
        }
        guard let member = members[key] else {
            throw StageError.parameter(path: "\(path).\(key)", message: "is required by this stage but missing; add it in pipeline.json")
        }
        return member
    }

    /// Whether `key` is present.
    public func has(_ key: String) -> Bool { value[key] != nil }

    /// The nested object at `key`.
    public func object(_ key: String) throws -> Parameters {
        let member = try member(key)
        guard case .object = member else {
            throw StageError.parameter(path: "\(path).\(key)", message: "must be an object, found \(member.kindName)")
        }
        return Parameters(member, path: "\(path).\(key)")
    }

    /// An integer, optionally bounded below.
    public func int(_ key: String, atLeast minimum: Int? = nil) throws -> Int {
        guard case .int(let number) = try member(key) else {
            throw StageError.parameter(path: "\(path).\(key)", message: "must be an integer, found \(try member(key).kindName)")
        }
        if let minimum, number < minimum {
            throw StageError.parameter(path: "\(path).\(key)", message: "must be at least \(minimum), found \(number)")
        }
        return Int(number)
    }

    /// An integer, or `fallback` when absent.
    public func int(_ key: String, default fallback: Int) throws -> Int {
        has(key) ? try int(key) : fallback
    }

    /// A number (integers are accepted).
    public func double(_ key: String) throws -> Double {
        switch try member(key) {
        case .double(let number): return number
        case .int(let number): return Double(number)
        case let other:
            throw StageError.parameter(path: "\(path).\(key)", message: "must be a number, found \(other.kindName)")
        }
    }

    /// A number, or `fallback` when absent.
    public func double(_ key: String, default fallback: Double) throws -> Double {
        has(key) ? try double(key) : fallback
    }

    /// A string, optionally one of `allowed`.
    public func string(_ key: String, oneOf allowed: [String]? = nil) throws -> String {
        guard case .string(let text) = try member(key) else {
            throw StageError.parameter(path: "\(path).\(key)", message: "must be a string, found \(try member(key).kindName)")
        }
        if let allowed, !allowed.contains(text) {
            throw StageError.parameter(
                path: "\(path).\(key)", message: "is '\(text)', expected one of: \(allowed.joined(separator: ", "))")
        }
        return text
    }

    /// A boolean, or `fallback` when absent.
    public func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard has(key) else { return fallback }
        guard case .bool(let flag) = try member(key) else {
            throw StageError.parameter(path: "\(path).\(key)", message: "must be true or false")
        }
        return flag
    }

    /// An array of numbers.
    public func doubles(_ key: String) throws -> [Double] {
        guard case .array(let items) = try member(key) else {
            throw StageError.parameter(path: "\(path).\(key)", message: "must be an array of numbers")
        }
        return try items.enumerated().map { index, item in
            switch item {
            case .double(let number): return number
            case .int(let number): return Double(number)
            default:
                throw StageError.parameter(path: "\(path).\(key)[\(index)]", message: "must be a number, found \(item.kindName)")
            }
        }
    }

    /// An array of integers.
    public func ints(_ key: String) throws -> [Int] {
        guard case .array(let items) = try member(key) else {
            throw StageError.parameter(path: "\(path).\(key)", message: "must be an array of integers")
        }
        return try items.enumerated().map { index, item in
            guard case .int(let number) = item else {
                throw StageError.parameter(path: "\(path).\(key)[\(index)]", message: "must be an integer, found \(item.kindName)")
            }
            return Int(number)
        }
    }

    /// An array of strings, each optionally one of `allowed`.
    public func strings(_ key: String, oneOf allowed: [String]? = nil) throws -> [String] {
        guard case .array(let items) = try member(key) else {
            throw StageError.parameter(path: "\(path).\(key)", message: "must be an array of strings")
        }
        return try items.enumerated().map { index, item in
            guard case .string(let text) = item else {
                throw StageError.parameter(path: "\(path).\(key)[\(index)]", message: "must be a string, found \(item.kindName)")
            }
            if let allowed, !allowed.contains(text) {
                throw StageError.parameter(
                    path: "\(path).\(key)[\(index)]", message: "is '\(text)', expected one of: \(allowed.joined(separator: ", "))")
            }
            return text
        }
    }
}
