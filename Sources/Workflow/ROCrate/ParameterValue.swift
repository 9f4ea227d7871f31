import Provenance

/// How a stage parameter appears in the crate: a `PropertyValue` whose `value` is the
/// JSON scalar itself, or, for arrays, objects and null, the canonical JSON text; and a
/// `FormalParameter` whose `additionalType` is a schema.org `DataType` (Workflow Run
/// Crate 0.5, "FormalParameter": additionalType MUST).
enum ParameterValue {
    /// The value as written in a `PropertyValue`.
    static func value(_ json: JSONValue) -> JSONValue {
        switch json {
        case .bool, .int, .double, .string: return json
        case .null, .array, .object: return .string(json.canonicalText)
        }
    }

    /// The schema.org data type of one value.
    static func dataType(_ json: JSONValue) -> String {
        switch json {
        case .bool: return "Boolean"
        case .int: return "Integer"
        case .double: return "Float"
        case .string, .null, .array, .object: return "Text"
        }
    }

    /// One type for the values several stages give a parameter of the same tool:
    /// integers with floats are `Float`; any other mixture is `Text`.
    static func commonType(_ types: Set<String>) -> String {
        if types.count == 1 { return types.first! }
        if types == ["Integer", "Float"] { return "Float" }
        return "Text"
    }
}
