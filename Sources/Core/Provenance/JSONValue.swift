import Foundation

/// A JSON value with a canonical encoding: object keys sorted, numbers in Swift's
/// shortest round-trip form. Parameters, seeds and manifests are `JSONValue`s so that
/// what is hashed is exactly what a reader sees in a diff.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses UTF-8 JSON text. Errors name the source (e.g. a file path) and the position.
    public static func parse(_ data: Data, source: String) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw JSONSyntaxError(source: source, detail: detail ?? context.debugDescription)
        }
    }

    /// The canonical, compact text: sorted keys, no insignificant whitespace.
    public var canonicalText: String {
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// The canonical text pretty-printed with two-space indentation and sorted keys.
    public var prettyText: String {
        var out = ""
        write(to: &out, indent: "  ", level: 0)
        return out + "\n"
    }

    /// The value at `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// A short name for the kind of value, for error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// `base` with `override` merged in: objects merge key by key (recursively), any
    /// other value in `override` replaces the one in `base`.
    public static func merged(_ base: JSONValue, _ override: JSONValue) -> JSONValue {
        guard case .object(var members) = base, case .object(let changes) = override else {
            return override
        }
        for (key, value) in changes {
            members[key] = members[key].map { merged($0, value) } ?? value
        }
        return .object(members)
    }

    private func write(to out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += JSONValue.format(value)
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let items):
            writeContainer(items.map { (nil, $0) }, open: "[", close: "]", to: &out, indent: indent, level: level)
        case .object(let members):
            let sorted = members.keys.sorted().map { ($0 as String?, members[$0]!) }
            writeContainer(sorted, open: "{", close: "}", to: &out, indent: indent, level: level)
        }
    }

    private func writeContainer(
        _ items: [(String?, JSONValue)], open: String, close: String,
        to out: inout String, indent: String?, level: Int
    ) {
        out += open
        if items.isEmpty { out += close; return }
        let inner = indent.map { "\n" + String(repeating: $0, count: level + 1) } ?? ""
        for (position, (key, value)) in items.enumerated() {
            if position > 0 { out += "," }
            out += inner
            if let key {
                JSONValue.writeString(key, to: &out)
                out += indent == nil ? ":" : ": "
            }
            value.write(to: &out, indent: indent, level: level + 1)
        }
        out += indent.map { "\n" + String(repeating: $0, count: level) } ?? ""
        out += close
    }

    /// Shortest round-trip decimal form; non-finite values (not valid JSON) become null.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) + ".0" }
        return "\(value)"
    }

    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// Malformed JSON text.
public struct JSONSyntaxError: Error, CustomStringConvertible {
    /// Where the text came from (a file path).
    public let source: String
    /// The parser's explanation, with the position when known.
    public let detail: String
    public var description: String {
        "\(source) is not valid JSON: \(detail). Fix the syntax (a JSON linter such as `python3 -m json.tool \(source)` shows the spot)."
    }
}

extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
