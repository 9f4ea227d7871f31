import Provenance

/// The declared type of a stage parameter.
public indirect enum ParameterType: Sendable {
    /// An integer, optionally bounded below.
    case integer(atLeast: Int? = nil)
    /// A number (integers are accepted).
    case number
    /// A string, optionally one of a fixed set.
    case string(oneOf: [String]? = nil)
    case bool
    /// An array whose items all have one type.
    case array(ParameterType)
    /// An object with declared fields; any other key is refused.
    case object([ParameterField])
    /// The first alternative that accepts the value (e.g. a list of learning rates, or a
    /// log grid object).
    case either([ParameterType])
    /// Free-form JSON that the stage interprets itself (e.g. numbers quoted from a source
    /// paper); still refused if absent when required.
    case json

    var name: String {
        switch self {
        case .integer: return "an integer"
        case .number: return "a number"
        case .string(let allowed): return allowed.map { "one of " + $0.joined(separator: ", ") } ?? "a string"
        case .bool: return "true or false"
        case .array(let item): return "an array of \(item.name)s".replacingOccurrences(of: "an array of an ", with: "an array of ")
        case .object: return "an object"
        case .either(let alternatives): return alternatives.map(\.name).joined(separator: " or ")
        case .json: return "any JSON value"
        }
    }
}

/// One declared parameter: its name, type, default (nil: required) and meaning with
/// its unit. Every parameter of a stage is declared once, here; the pipeline resolves
/// defaults before a stage runs and records the resolved values in the manifest.
public struct ParameterField: Sendable {
    public var name: String
    public var type: ParameterType
    /// The value used when the key is absent; nil makes the key required. `.null`
    /// declares an optional key without a default (absent stays absent).
    public var defaultValue: JSONValue?
    /// What it is, with its unit.
    public var meaning: String

    public init(_ name: String, _ type: ParameterType, default defaultValue: JSONValue? = nil, _ meaning: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.meaning = meaning
    }

    /// An optional field: absent means "not used" (no default is invented).
    public static func optional(_ name: String, _ type: ParameterType, _ meaning: String) -> ParameterField {
        ParameterField(name, type, default: .null, meaning)
    }
}

/// The parameters of a stage executable. Variants select a field list by the value of
/// one discriminating key (e.g. `mode` or `task`), each variant with its own fields.
public struct ParameterSchema: Sendable {
    /// Fields common to every variant.
    public var fields: [ParameterField]
    /// The discriminating key and the fields of each of its values.
    public var variants: (key: String, cases: [String: [ParameterField]])?

    public init(_ fields: [ParameterField], variants: (key: String, cases: [String: [ParameterField]])? = nil) {
        self.fields = fields
        self.variants = variants
    }

    /// `parameters` with every default filled in, or every problem found, each with its
    /// JSON path (`stages.X.parameters.optimizer.momentun is not a parameter of …`).
    public func resolve(_ parameters: JSONValue, path: String, executable: String) throws -> JSONValue {
        var problems: [String] = []
        var fields = self.fields
        if let variants {
            let allowed = variants.cases.keys.sorted()
            if case .string(let selected)? = parameters[variants.key], let extra = variants.cases[selected] {
                fields.append(ParameterField(variants.key, .string(oneOf: allowed), "selects the task"))
                fields += extra
            } else {
                problems.append("\(path).\(variants.key) must be one of: \(allowed.joined(separator: ", "))")
            }
        }
        let resolved = ParameterSchema.check(parameters, .object(fields), path: path, executable: executable, problems: &problems)
        guard problems.isEmpty else { throw StageError.parameters(problems) }
        return resolved
    }

    static func check(
        _ value: JSONValue, _ type: ParameterType, path: String, executable: String, problems: inout [String]
    ) -> JSONValue {
        func fail(_ message: String) -> JSONValue {
            problems.append("\(path) \(message)")
            return value
        }
        switch type {
        case .json:
            return value
        case .integer(let minimum):
            guard case .int(let number) = value else { return fail("must be an integer, found \(value.kindName)") }
            if let minimum, number < minimum { return fail("must be at least \(minimum), found \(number)") }
            return value
        case .number:
            switch value {
            case .int, .double: return value
            default: return fail("must be a number, found \(value.kindName)")
            }
        case .string(let allowed):
            guard case .string(let text) = value else { return fail("must be a string, found \(value.kindName)") }
            if let allowed, !allowed.contains(text) {
                return fail("is '\(text)', expected one of: \(allowed.joined(separator: ", "))")
            }
            return value
        case .bool:
            guard case .bool = value else { return fail("must be true or false, found \(value.kindName)") }
            return value
        case .array(let item):
            guard case .array(let items) = value else { return fail("must be an array, found \(value.kindName)") }
            return .array(items.enumerated().map { index, element in
                check(element, item, path: "\(path)[\(index)]", executable: executable, problems: &problems)
            })
        case .either(let alternatives):
            for alternative in alternatives {
                var trial: [String] = []
                let resolved = check(value, alternative, path: path, executable: executable, problems: &trial)
                if trial.isEmpty { return resolved }
            }
            return fail("must be \(type.name)")
        case .object(let fields):
            guard case .object(let members) = value else { return fail("must be an object, found \(value.kindName)") }
            let known = Set(fields.map(\.name))
            for key in members.keys.sorted() where !known.contains(key) {
                problems.append(
                    "\(path).\(key) is not a parameter of \(executable) (known here: \(fields.map(\.name).sorted().joined(separator: ", ")))")
            }
            var resolved: [String: JSONValue] = [:]
            for field in fields {
                if let member = members[field.name] {
                    resolved[field.name] = check(member, field.type, path: "\(path).\(field.name)", executable: executable, problems: &problems)
                } else if let fallback = field.defaultValue {
                    if fallback != .null { resolved[field.name] = fallback }
                } else {
                    problems.append("\(path).\(field.name) is required (\(field.type.name): \(field.meaning)); add it in pipeline.json")
                }
            }
            return .object(resolved)
        }
    }

    /// The declaration as JSON (`<executable> --describe-parameters`), for humans and tools.
    public var description: JSONValue {
        func describe(_ fields: [ParameterField]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: fields.map { field in
                var entry: [String: JSONValue] = ["type": .string(field.type.name), "meaning": .string(field.meaning)]
                if let fallback = field.defaultValue { entry["default"] = fallback }
                if case .object(let inner) = field.type { entry["fields"] = describe(inner) }
                return (field.name, .object(entry))
            }))
        }
        var root: [String: JSONValue] = ["fields": describe(fields)]
        if let variants {
            root["variants"] = .object(["key": .string(variants.key),
                                        "cases": .object(variants.cases.mapValues(describe))])
        }
        return .object(root)
    }
}
