import Foundation
import Provenance

/// Walks the JSON of `pipeline.json`, collecting every problem with its JSON path
/// (e.g. `stages.train.parameters`) instead of stopping at the first.
struct SpecReader {
    let source: String
    var problems: [SpecProblem] = []
    /// Stage name → where each of its declared inputs is written (a family's inputs in
    /// its template), so that problems found after expansion point at the text.
    var inputOrigins: [String: [String]] = [:]

    init(source: String) {
        self.source = source
    }

    /// Records a problem once (a family's template meets the same one for every key).
    mutating func problem(_ path: String, _ message: String) {
        let found = SpecProblem(jsonPath: path, message: message)
        if !problems.contains(found) { problems.append(found) }
    }

    /// The members of an object, after checking keys against `required` and `optional`.
    mutating func object(
        _ value: JSONValue?, at path: String, required: [String], optional: [String] = []
    ) -> [String: JSONValue]? {
        guard let value else {
            problem(path, "is missing; add it")
            return nil
        }
        guard case .object(let members) = value else {
            problem(path, "must be an object, found \(value.kindName)")
            return nil
        }
        let known = Set(required + optional)
        for key in members.keys.sorted() where !known.contains(key) {
            problem(join(path, key), "is not a known key here (known: \(known.sorted().joined(separator: ", "))); remove or rename it")
        }
        for key in required where members[key] == nil {
            problem(join(path, key), "is required but missing")
        }
        return members
    }

    /// The members of an object whose keys are names chosen by the user (profiles,
    /// experiments, stages, seeds), so any key is allowed.
    mutating func namedEntries(_ value: JSONValue?, at path: String) -> [(String, JSONValue)] {
        guard let value else { return [] }
        guard case .object(let members) = value else {
            problem(path, "must be an object, found \(value.kindName)")
            return []
        }
        return members.sorted { $0.key < $1.key }
    }

    mutating func string(_ value: JSONValue?, at path: String, default fallback: String? = nil) -> String? {
        switch value {
        case .string(let text)?: return text
        case nil where fallback != nil: return fallback
        case nil: return nil  // already reported as missing
        case let other?:
            problem(path, "must be a string, found \(other.kindName)")
            return nil
        }
    }

    mutating func strings(_ value: JSONValue?, at path: String) -> [String] {
        guard let value else { return [] }
        guard case .array(let items) = value else {
            problem(path, "must be an array of strings, found \(value.kindName)")
            return []
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            if case .string(let text) = item { result.append(text) } else {
                problem("\(path)[\(index)]", "must be a string, found \(item.kindName)")
            }
        }
        return result
    }

    func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    mutating func readSpec(_ json: JSONValue) -> PipelineSpec? {
        guard
            let top = object(
                json, at: "", required: ["formatVersion", "profiles", "experiments", "stages"],
                optional: ["description", "vars"])
        else { return nil }
        if let version = top["formatVersion"], version != .int(Int64(PipelineSpec.currentFormatVersion)) {
            problem("formatVersion", "must be \(PipelineSpec.currentFormatVersion) for this version of the pipeline")
        }
        var spec = PipelineSpec(profiles: [:], experiments: [:], stages: [:])
        for (name, value) in namedEntries(top["profiles"], at: "profiles") {
            let path = "profiles.\(name)"
            guard let members = object(value, at: path, required: ["root"], optional: ["description"]),
                let root = string(members["root"], at: path + ".root")
            else { continue }
            if root.hasPrefix("/") || root.split(separator: "/").contains("..") {
                problem(path + ".root", "must be a relative path inside the project, found '\(root)'")
            }
            let description = string(members["description"], at: path + ".description", default: "") ?? ""
            spec.profiles[name] = .init(name: name, root: root, description: description)
        }
        if spec.profiles["default"] == nil, top["profiles"] != nil {
            problem("profiles", "must define the profile 'default' (the main job of `make paper`)")
        }
        for (name, value) in namedEntries(top["experiments"], at: "experiments") {
            let path = "experiments.\(name)"
            guard let members = object(value, at: path, required: ["rootSeed"], optional: ["description"]) else {
                continue
            }
            guard case .int(let seed)? = members["rootSeed"], seed >= 0 else {
                if members["rootSeed"] != nil { problem(path + ".rootSeed", "must be a non-negative integer") }
                continue
            }
            let description = string(members["description"], at: path + ".description", default: "") ?? ""
            spec.experiments[name] = .init(name: name, rootSeed: UInt64(seed), description: description)
        }
        let stages = expandedStages(top)
        for name in stages.keys.sorted() {
            if let stage = readStage(name: name, stages[name]!, spec: spec) { spec.stages[name] = stage }
        }
        return spec
    }

    /// The stages as the engine reads them: families expanded, `${…}` substituted, named
    /// inputs passed as parameters (StageFamilies.swift, NamedInputs.swift).
    mutating func expandedStages(_ top: [String: JSONValue]) -> [String: JSONValue] {
        let written = expandStages(top["stages"], vars: readVars(top["vars"]))
        var stages: [String: JSONValue] = [:]
        for name in written.keys.sorted() {
            let (stage, origin) = written[name]!
            (stages[name], inputOrigins[name]) = passingNamedInputs(stage, at: origin)
        }
        return stages
    }

    mutating func readStage(name: String, _ value: JSONValue, spec: PipelineSpec) -> PipelineSpec.Stage? {
        let path = "stages.\(name)"
        if name.isEmpty || !name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
            problem(path, "stage names use lowercase letters, digits and '-' only")
        }
        guard
            let members = object(
                value, at: path, required: ["executable", "outputs"],
                optional: [
                    "description", "parameters", "profileParameters", "seeds", "inputs", "shards", "resources",
                    "profileResources",
                ])
        else { return nil }
        let executable = string(members["executable"], at: path + ".executable") ?? ""
        let parameters = members["parameters"] ?? .object([:])
        if case .object = parameters {} else {
            problem(path + ".parameters", "must be an object, found \(parameters.kindName)")
        }
        var profileParameters: [String: JSONValue] = [:]
        for (profile, override) in namedEntries(members["profileParameters"], at: path + ".profileParameters") {
            if spec.profiles[profile] == nil {
                problem("\(path).profileParameters.\(profile)", "names no profile (profiles: \(spec.profiles.keys.sorted().joined(separator: ", ")))")
            }
            if case .object = override {} else {
                problem("\(path).profileParameters.\(profile)", "must be an object, found \(override.kindName)")
            }
            profileParameters[profile] = override
        }
        var seeds: [String: String] = [:]
        for (seedName, seedValue) in namedEntries(members["seeds"], at: path + ".seeds") {
            let seedPath = "\(path).seeds.\(seedName)"
            guard let derivation = string(seedValue, at: seedPath) else { continue }
            if spec.seedValue(path: derivation) == nil {
                problem(seedPath, "'\(derivation)' must start with an experiment name (experiments: \(spec.experiments.keys.sorted().joined(separator: ", ")))")
            }
            seeds[seedName] = derivation
        }
        let outputs = strings(members["outputs"], at: path + ".outputs")
        for (index, output) in outputs.enumerated()
        where output.hasPrefix("/") || output.split(separator: "/").contains("..") || output.isEmpty {
            problem("\(path).outputs[\(index)]", "'\(output)' must be a relative path inside the profile root")
        }
        var stage = PipelineSpec.Stage(
            name: name, executable: executable,
            description: string(members["description"], at: path + ".description", default: "") ?? "",
            parameters: parameters, profileParameters: profileParameters, seeds: seeds,
            inputs: strings(members["inputs"], at: path + ".inputs"), outputs: outputs)
        if let shards = members["shards"] {
            stage.shardCount = readShards(shards, at: path + ".shards", stage: stage)
            if case .object(let fields) = shards, let merge = fields["mergeResources"] {
                stage.mergeResources = readResources(merge, at: path + ".shards.mergeResources")
            }
        }
        if let resources = members["resources"] {
            stage.resources = readResources(resources, at: path + ".resources")
        }
        for (profile, override) in namedEntries(members["profileResources"], at: path + ".profileResources") {
            if spec.profiles[profile] == nil {
                problem("\(path).profileResources.\(profile)", "names no profile (profiles: \(spec.profiles.keys.sorted().joined(separator: ", ")))")
            }
            stage.profileResources[profile] = readResources(override, at: "\(path).profileResources.\(profile)")
        }
        return stage
    }

    /// `"shards": {"count": n, "mergeResources": {…}}`. The driver sets the parameters `shard` (in each shard
    /// stage) and `mergeShards` (in the merging stage) itself, so a stage that declares
    /// `shards` may not set them.
    mutating func readShards(_ value: JSONValue, at path: String, stage: PipelineSpec.Stage) -> Int? {
        guard let members = object(value, at: path, required: ["count"], optional: ["mergeResources"]) else { return nil }
        guard case .int(let count)? = members["count"], count >= 1, count <= 10_000 else {
            if members["count"] != nil { problem(path + ".count", "must be an integer from 1 to 10000") }
            return nil
        }
        let stagePath = String(path.dropLast(".shards".count))
        for (section, parameters) in [("parameters", stage.parameters)]
            + stage.profileParameters.sorted(by: { $0.key < $1.key }).map({ ("profileParameters.\($0.key)", $0.value) })
        {
            for key in PipelineSpec.shardingParameters where parameters[key] != nil {
                problem(
                    "\(stagePath).\(section).\(key)",
                    "is set by the driver for a stage that declares `shards`; remove it (the shard count goes in shards.count)")
            }
        }
        if stage.outputs.isEmpty {
            problem(path, "needs at least one declared output to shard")
        }
        return Int(count)
    }

    /// `"resources": {"cpus": c, "memoryMB": m, "runtimeMinutes": t}`, each optional, each
    /// a positive integer.
    mutating func readResources(_ value: JSONValue, at path: String) -> ResourceRequest {
        guard let members = object(value, at: path, required: [], optional: ResourceRequest.keys) else {
            return ResourceRequest()
        }
        func positive(_ key: String) -> Int? {
            guard let member = members[key] else { return nil }
            guard case .int(let number) = member, number >= 1 else {
                problem("\(path).\(key)", "must be a positive integer, found \(member.canonicalText)")
                return nil
            }
            return Int(number)
        }
        return ResourceRequest(cpus: positive("cpus"), memoryMB: positive("memoryMB"), runtimeMinutes: positive("runtimeMinutes"))
    }

    /// Cross-stage checks: one writer per file, inputs that exist or are produced, no cycles.
    mutating func checkGraph(_ spec: PipelineSpec, projectRoot: String) {
        var writer: [String: String] = [:]
        for stage in spec.stages.values.sorted(by: { $0.name < $1.name }) {
            for output in stage.outputs {
                if let other = writer[output] {
                    problem("stages.\(stage.name).outputs", "'\(output)' is also written by stage '\(other)'; each file has one writer")
                } else {
                    writer[output] = stage.name
                }
            }
        }
        for stage in spec.stages.values.sorted(by: { $0.name < $1.name }) {
            for (index, input) in stage.inputs.enumerated() where writer[input] == nil {
                let location = input.hasPrefix("/") ? input : projectRoot + "/" + input
                if !FileManager.default.fileExists(atPath: location) {
                    let origins = inputOrigins[stage.name] ?? []
                    let path = index < origins.count ? origins[index] : "stages.\(stage.name).inputs[\(index)]"
                    problem(path, "'\(input)' is neither written by a stage nor an existing file")
                }
            }
        }
        if let cycle = StageGraph(spec: spec).cycle() {
            problem("stages", "the stages form a cycle: \(cycle.joined(separator: " → ")); a stage cannot depend on its own outputs")
        }
    }
}

/// One problem in `pipeline.json`.
public struct SpecProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where, as a dotted JSON path (`stages.train.parameters`).
    public var jsonPath: String
    public var message: String
    public var description: String { "\(jsonPath.isEmpty ? "(top level)" : jsonPath) \(message)" }
}
