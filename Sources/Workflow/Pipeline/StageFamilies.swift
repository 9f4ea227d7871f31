import Provenance

/// Families of stages and variables, expanded before anything else reads `pipeline.json`
/// (DVC's `foreach`/`do` and `vars`): the engine, the manifest and the shard expansion
/// only ever see plain stages.
///
/// ```jsonc
/// "vars": {"e5": {"steps": 80000, "window": 2000}},
/// "stages": {
///   "leimkuhler-${key}-exponents": {
///     "foreach": {"sgd": {"rate": 0.2}, "adam": {"rate": 0.005}},  // or ["sgd", "adam"]
///     "do": {"executable": "estimate-exponents",
///            "parameters": {"late": ["${e5.steps - e5.window}", "${e5.steps}"]}, …}
///   }
/// }
/// ```
///
/// Each key of `foreach` makes one stage: the entry's name with `${key}` replaced, the
/// template `do` with `${key}`, `${item}`, `${item.field}` and the variables substituted
/// (see ``Interpolation``; an item's own values may use the variables), then the item's
/// own `do`, if any, substituted the same way and merged into it key by key (as
/// `profileParameters` merge), so an item can refine what the template made of it. A
/// plain stage may use the variables too.
extension SpecReader {
    /// `stages` with every family expanded and every `${…}` substituted, by stage name,
    /// each with the JSON path of its text (`stages.x`, or a family's template `stages.f.do`).
    mutating func expandStages(_ stages: JSONValue?, vars: [String: JSONValue]) -> [String: (JSONValue, String)] {
        var expanded: [String: (JSONValue, String)] = [:]
        var maker: [String: String] = [:]
        func add(_ name: String, _ stage: JSONValue, madeBy path: String, text: String) {
            if let other = maker[name] {
                problem(path, "makes the stage name '\(name)', which \(other) also makes; rename one of them")
            } else {
                expanded[name] = (stage, text)
                maker[name] = path
            }
        }
        // Plain stages first, so that a name collision is reported at the family's key.
        let entries = namedEntries(stages, at: "stages")
        for (name, value) in entries where !SpecReader.isFamily(value) {
            let path = "stages.\(name)"
            add(name, interpolate(value, at: path, scope: vars), madeBy: path, text: path)
        }
        for (name, value) in entries where SpecReader.isFamily(value) {
            for (stageName, stage, itemPath) in expandFamily(name: name, value, vars: vars) {
                add(stageName, stage, madeBy: itemPath, text: "stages.\(name).do")
            }
        }
        return expanded
    }

    /// The top-level `vars`: names that `${…}` may use everywhere.
    mutating func readVars(_ value: JSONValue?) -> [String: JSONValue] {
        var vars: [String: JSONValue] = [:]
        for (name, member) in namedEntries(value, at: "vars") {
            if SpecReader.familyNames.contains(name) {
                problem("vars.\(name)", "is reserved inside a family (${key}, ${item}); choose another name")
            } else if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) || name.first!.isNumber {
                problem("vars.\(name)", "variable names use letters, digits and '_' and start with a letter")
            } else {
                vars[name] = member
            }
        }
        return vars
    }

    /// Whether a stage entry is a family (has `foreach` or `do`).
    static func isFamily(_ entry: JSONValue) -> Bool {
        entry["foreach"] != nil || entry["do"] != nil
    }

    /// The names a family adds to the variables.
    static let familyNames: Set<String> = ["key", "item"]

    /// One family: (stage name, stage, JSON path of the item that made it) per key.
    mutating func expandFamily(name: String, _ value: JSONValue, vars: [String: JSONValue]) -> [(String, JSONValue, String)] {
        let path = "stages.\(name)"
        guard let members = object(value, at: path, required: ["foreach", "do"]),
            let keys = familyKeys(members["foreach"], at: path + ".foreach")
        else { return [] }
        guard name.contains("${key}") else {
            problem(path, "has `foreach` but its name does not contain ${key}, so every key would make the same stage; write the name as e.g. \"\(name)-${key}\"")
            return []
        }
        guard let template = members["do"], case .object = template else {
            if let template = members["do"] { problem(path + ".do", "must be an object (the stage template), found \(template.kindName)") }
            return []
        }
        var stages: [(String, JSONValue, String)] = []
        for (key, written, itemPath) in keys {
            let item = familyItem(written, at: itemPath, vars: vars)
            var scope = vars
            scope["key"] = .string(key)
            scope["item"] = item
            guard case .string(let stageName) = interpolate(.string(name), at: path, scope: scope) else {
                problem(path, "the name must stay a string; use ${key} inside other text")
                continue
            }
            var stage = interpolate(template, at: path + ".do", scope: scope)
            if case .object(let fields) = item, let override = fields["do"] {
                guard case .object = override else {
                    problem(itemPath + ".do", "must be an object (merged into the template), found \(override.kindName)")
                    continue
                }
                stage = JSONValue.merged(stage, interpolate(override, at: itemPath + ".do", scope: scope))
            }
            stages.append((stageName, stage, itemPath))
        }
        return stages
    }

    /// An item with the variables substituted in its values; its own `do` is substituted
    /// later, with `key` and `item` in scope.
    mutating func familyItem(_ item: JSONValue, at path: String, vars: [String: JSONValue]) -> JSONValue {
        guard case .object(var fields) = item else { return item }
        let override = fields.removeValue(forKey: "do")
        guard case .object(var substituted) = interpolate(.object(fields), at: path, scope: vars) else { return item }
        substituted["do"] = override
        return .object(substituted)
    }

    /// `foreach` as (key, item, JSON path): an array of keys (each its own item) or an
    /// object key → item.
    mutating func familyKeys(_ value: JSONValue?, at path: String) -> [(String, JSONValue, String)]? {
        var keys: [(String, JSONValue, String)] = []
        switch value {
        case .array(let items)?:
            for (index, item) in items.enumerated() {
                guard case .string(let key) = item else {
                    problem("\(path)[\(index)]", "must be a string (a key of the family), found \(item.kindName); use an object key → item for richer items")
                    continue
                }
                keys.append((key, item, "\(path)[\(index)]"))
            }
        case .object(let items)?:
            keys = items.keys.sorted().map { ($0, items[$0]!, "\(path).\($0)") }
        case let other?:
            problem(path, "must be an array of keys or an object key → item, found \(other.kindName)")
            return nil
        case nil:
            return nil  // reported as missing
        }
        if keys.isEmpty, value != nil {
            problem(path, "lists no key; a family needs at least one")
        }
        return keys
    }

    /// `value` with every string's `${…}` substituted; each problem is reported at the
    /// string's JSON path (once, though every key of a family meets it).
    mutating func interpolate(_ value: JSONValue, at path: String, scope: [String: JSONValue]) -> JSONValue {
        switch value {
        case .string(let text):
            do {
                return try Interpolation.substitute(text, in: scope)
            } catch {
                problem(path, error.message)
                return value
            }
        case .array(let items):
            return .array(items.enumerated().map { interpolate($1, at: "\(path)[\($0)]", scope: scope) })
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for name in members.keys.sorted() {
                result[name] = interpolate(members[name]!, at: join(path, name), scope: scope)
            }
            return .object(result)
        case .null, .bool, .int, .double:
            return value
        }
    }
}
