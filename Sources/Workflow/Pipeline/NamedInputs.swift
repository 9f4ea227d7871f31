import Provenance

/// Named inputs: a stage that reads a path from a parameter writes it once, under
/// `inputs`, and the driver passes it on as that parameter.
///
/// ```jsonc
/// "inputs": {"data": "data/xor.h5", "ensembles": ["data/a.h5", "data/b.h5"]}
/// // the same as
/// "parameters": {"data": "data/xor.h5", "ensembles": ["data/a.h5", "data/b.h5"]},
/// "inputs": ["data/xor.h5", "data/a.h5", "data/b.h5"]
/// ```
///
/// `inputs` stays a list of paths, whose items may also be such objects:
/// `["paper/sections/jimenez.md", {"benchmark": "bench/results/fashion-ensemble.json"}]`.
/// The declared inputs are the paths in list order; within one object, in name order
/// (JSON objects have none), so write a list of objects where another order matters.
extension SpecReader {
    /// `stage` (written at `path`) with named inputs flattened into the list of paths and
    /// passed as parameters, and where each declared input is written. A name that is also
    /// written in `parameters` (or a profile's) is a problem.
    mutating func passingNamedInputs(_ stage: JSONValue, at path: String) -> (JSONValue, [String]) {
        guard case .object(var members) = stage, let inputs = members["inputs"] else { return (stage, []) }
        let items: [(JSONValue, String)]
        switch inputs {
        case .object: items = [(inputs, path + ".inputs")]
        case .array(let list): items = list.enumerated().map { ($1, "\(path).inputs[\($0)]") }
        default: return (stage, [])  // the reader reports the type
        }
        var paths: [JSONValue] = []
        var origins: [String] = []
        var named: [String: (JSONValue, String)] = [:]
        for (item, itemPath) in items {
            guard case .object(let group) = item else {
                paths.append(item)
                origins.append(itemPath)
                continue
            }
            for name in group.keys.sorted() {
                let value = group[name]!, namePath = "\(itemPath).\(name)"
                guard let declared = SpecReader.paths(value) else {
                    problem(namePath, "must be a path or an array of paths, found \(value.kindName)")
                    continue
                }
                if let earlier = named[name] {
                    problem(namePath, "names the input '\(name)' again (first at \(earlier.1)); one parameter has one value")
                    continue
                }
                named[name] = (value, namePath)
                paths += declared.map(JSONValue.string)
                if case .array = value {
                    origins += declared.indices.map { "\(namePath)[\($0)]" }
                } else {
                    origins.append(namePath)
                }
            }
        }
        members["inputs"] = .array(paths)
        guard !named.isEmpty else { return (.object(members), origins) }
        guard case .object(var parameters) = members["parameters"] ?? .object([:]) else { return (.object(members), origins) }
        for name in named.keys.sorted() {
            let (value, namePath) = named[name]!
            if parameters[name] != nil {
                problem("\(path).parameters.\(name)", "is also the named input \(namePath); write the path once, under inputs")
            }
            parameters[name] = value
        }
        for (profile, override) in namedEntries(members["profileParameters"], at: path + ".profileParameters") {
            for name in named.keys.sorted() where override[name] != nil {
                problem("\(path).profileParameters.\(profile).\(name)", "is the named input \(named[name]!.1), the same in every profile; remove it here")
            }
        }
        members["parameters"] = .object(parameters)
        return (.object(members), origins)
    }

    /// The paths of a named input: one string, or an array of strings.
    static func paths(_ value: JSONValue) -> [String]? {
        switch value {
        case .string(let path): return [path]
        case .array(let items):
            let paths = items.compactMap { item -> String? in
                if case .string(let path) = item { return path } else { return nil }
            }
            return paths.count == items.count ? paths : nil
        default: return nil
        }
    }
}
