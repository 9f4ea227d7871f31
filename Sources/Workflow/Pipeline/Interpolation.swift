import Provenance

/// `${…}` in the strings of `pipeline.json` (DVC's `vars` interpolation, plus integer
/// arithmetic): `${e5.steps}` names a value, `${e5.steps - e5.window}` computes one.
///
/// - A string that is exactly one `${…}` becomes the value itself, of its JSON type
///   (`"${e5.steps}"` → `80000`, `"${item.optimizer}"` → an object).
/// - Inside a longer string each `${…}` is replaced by its text; only strings, numbers
///   and booleans can be spliced into text.
/// - An expression is a name (`e5.steps`, `item.learningRates`, `key`), an integer, or
///   integers and names combined with `+ - * /` and parentheses (the usual precedence).
///   Arithmetic takes integers only, and `/` must divide exactly, so a derived value is
///   always the integer it reads as.
enum Interpolation {
    /// `text` with every `${…}` evaluated in `scope` (name → value).
    static func substitute(_ text: String, in scope: [String: JSONValue]) throws(InterpolationError) -> JSONValue {
        var pieces: [(literal: String, value: JSONValue?)] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw InterpolationError("has a '${' without its closing '}'")
            }
            let expression = String(rest[open.upperBound..<close])
            pieces.append((String(rest[..<open.lowerBound]), try evaluate(expression, in: scope)))
            rest = rest[rest.index(after: close)...]
        }
        if pieces.count == 1, pieces[0].literal.isEmpty, rest.isEmpty, let value = pieces[0].value {
            return value
        }
        var result = ""
        for (literal, value) in pieces {
            result += literal
            if let value { result += try spliced(value) }
        }
        return .string(result + rest)
    }

    /// The value of one expression (the text between `${` and `}`).
    static func evaluate(_ expression: String, in scope: [String: JSONValue]) throws(InterpolationError) -> JSONValue {
        var parser = try ExpressionParser(expression, scope: scope)
        return try parser.whole()
    }

    /// The text of `value` inside a longer string.
    private static func spliced(_ value: JSONValue) throws(InterpolationError) -> String {
        switch value {
        case .string(let text): return text
        case .int, .double, .bool: return value.canonicalText
        case .null, .array, .object:
            throw InterpolationError(
                "splices \(value.kindName) into a longer string; only strings, numbers and booleans can be part of text "
                    + "(write the `${…}` as the whole string to substitute \(value.kindName))")
        }
    }
}

/// What is wrong with one `${…}`; the reader adds the JSON path.
struct InterpolationError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Recursive descent over one expression: `sum := product (('+'|'-') product)*`,
/// `product := factor (('*'|'/') factor)*`, `factor := integer | name | '(' sum ')' | '-' factor`.
private struct ExpressionParser {
    enum Token: Equatable {
        case integer(Int64)
        case name(String)
        case symbol(Character)
    }

    let expression: String
    let scope: [String: JSONValue]
    var tokens: [Token] = []
    var position = 0

    init(_ expression: String, scope: [String: JSONValue]) throws(InterpolationError) {
        self.expression = expression
        self.scope = scope
        var characters = Array(expression)[...]
        while let first = characters.first {
            if first == " " {
                characters.removeFirst()
            } else if first.isASCII, first.isNumber {
                let digits = characters.prefix { $0.isASCII && $0.isNumber }
                guard let value = Int64(String(digits)) else { throw error("the integer \(String(digits)) is too large") }
                tokens.append(.integer(value))
                characters.removeFirst(digits.count)
            } else if first.isLetter || first == "_" {
                let name = characters.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
                tokens.append(.name(String(name)))
                characters.removeFirst(name.count)
            } else if "+-*/()".contains(first) {
                tokens.append(.symbol(first))
                characters.removeFirst()
            } else {
                throw error("'\(first)' is not allowed (names, integers, + - * / and parentheses only)")
            }
        }
    }

    func error(_ detail: String) -> InterpolationError {
        InterpolationError("'${\(expression)}': \(detail)")
    }

    /// The whole expression; a lone name keeps its value's type.
    mutating func whole() throws(InterpolationError) -> JSONValue {
        guard !tokens.isEmpty else { throw error("is empty; write a name such as ${key} or an expression") }
        let value = try sum()
        if position < tokens.count { throw error("unexpected \(describe(tokens[position]))") }
        return value
    }

    mutating func sum() throws(InterpolationError) -> JSONValue {
        var value = try product()
        while let symbol = next(among: "+-") {
            value = try arithmetic(symbol, value, try product())
        }
        return value
    }

    mutating func product() throws(InterpolationError) -> JSONValue {
        var value = try factor()
        while let symbol = next(among: "*/") {
            value = try arithmetic(symbol, value, try factor())
        }
        return value
    }

    mutating func factor() throws(InterpolationError) -> JSONValue {
        guard position < tokens.count else { throw error("ends where a name or an integer is expected") }
        let token = tokens[position]
        position += 1
        switch token {
        case .integer(let value): return .int(value)
        case .name(let name): return try lookUp(name)
        case .symbol("-"): return try arithmetic("-", .int(0), try factor())
        case .symbol("("):
            let value = try sum()
            guard next(among: ")") != nil else { throw error("a '(' is not closed") }
            return value
        case .symbol: throw error("unexpected \(describe(token))")
        }
    }

    mutating func next(among symbols: String) -> Character? {
        guard position < tokens.count, case .symbol(let symbol) = tokens[position], symbols.contains(symbol) else {
            return nil
        }
        position += 1
        return symbol
    }

    func describe(_ token: Token) -> String {
        switch token {
        case .integer(let value): return "integer \(value)"
        case .name(let name): return "name '\(name)'"
        case .symbol(let symbol): return "'\(symbol)'"
        }
    }

    /// `e5.steps`: a variable, then a field of each object in turn.
    func lookUp(_ dotted: String) throws(InterpolationError) -> JSONValue {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let value = scope[parts[0]] else {
            throw error("'\(parts[0])' is not a variable (known here: \(scope.keys.sorted().joined(separator: ", "))); define it under the top-level \"vars\"")
        }
        var current = value
        var reached = parts[0]
        for field in parts.dropFirst() {
            guard case .object(let members) = current else {
                throw error("'\(reached)' is \(current.kindName), so it has no field '\(field)'")
            }
            guard let member = members[field] else {
                var owner = "'\(reached)'"
                if reached == "item", case .string(let key)? = scope["key"] { owner = "the item of key '\(key)'" }
                throw error("\(owner) has no field '\(field)' (fields: \(members.keys.sorted().joined(separator: ", ")))")
            }
            current = member
            reached += "." + field
        }
        return current
    }

    func arithmetic(_ symbol: Character, _ left: JSONValue, _ right: JSONValue) throws(InterpolationError) -> JSONValue {
        guard case .int(let a) = left, case .int(let b) = right else {
            var culprit = left
            if case .int = left { culprit = right }
            throw error("arithmetic takes integers, found \(culprit.kindName) (\(culprit.canonicalText))")
        }
        let (result, overflow): (Int64, Bool)
        switch symbol {
        case "+": (result, overflow) = a.addingReportingOverflow(b)
        case "-": (result, overflow) = a.subtractingReportingOverflow(b)
        case "*": (result, overflow) = a.multipliedReportingOverflow(by: b)
        default:
            guard b != 0 else { throw error("divides by zero") }
            guard a % b == 0 else { throw error("\(a) / \(b) is not an integer") }
            (result, overflow) = a.dividedReportingOverflow(by: b)
        }
        if overflow { throw error("overflows a 64-bit integer") }
        return .int(result)
    }
}
