import Provenance

/// The tools of the workflow: one `SoftwareApplication` per stage executable, code
/// identity and environment (two stages running the same build on the same platform
/// share it). Its `softwareVersion` is the code identity's SHA-256 (over Package.swift
/// and the sources of the targets in `isBasedOn`); the environment the stage reported
/// becomes `operatingSystem`, `processorRequirements` and `softwareRequirements`.
struct ToolCatalog {
    struct Key: Hashable {
        var executable: String
        var code: CodeIdentity
        var platform: [String: String]
    }

    /// Tool `@id` per stage name (also for stages that have not run).
    private(set) var toolOfStage: [String: String] = [:]
    private(set) var keys: [String: Key] = [:]

    init(stages: [CrateStage], records: [String: StageRecord]) {
        var byGroup: [String: Set<Key>] = [:]
        for (_, record) in records {
            let key = Key(executable: record.executable, code: record.code, platform: ToolCatalog.platform(of: record))
            byGroup[ToolCatalog.baseID(key), default: []].insert(key)
        }
        var idOfKey: [Key: String] = [:]
        for (base, group) in byGroup {
            let sorted = group.sorted { JSONValue.object($0.platform.mapValues { .string($0) }).canonicalText < JSONValue.object($1.platform.mapValues { .string($0) }).canonicalText }
            for (index, key) in sorted.enumerated() {
                let id = index == 0 ? base : base + "~\(index + 1)"
                idOfKey[key] = id
                keys[id] = key
            }
        }
        for stage in stages {
            if let record = records[stage.name] {
                toolOfStage[stage.name] =
                    idOfKey[Key(executable: record.executable, code: record.code, platform: ToolCatalog.platform(of: record))]
            } else {
                toolOfStage[stage.name] = "#tool/" + stage.executable
            }
        }
    }

    static func baseID(_ key: Key) -> String { "#tool/\(key.executable)@\(key.code.sha256.prefix(12))" }

    /// Environment facts that describe the platform (everything but environment variables).
    static func platform(of record: StageRecord) -> [String: String] {
        record.environment.filter { !isVariable($0.key) }
    }

    /// Environment variables the stage reported (e.g. `OPENBLAS_NUM_THREADS`): recorded on
    /// the run as workflow-run `environment` settings.
    static func variables(of record: StageRecord) -> [String: String] {
        record.environment.filter { isVariable($0.key) }
    }

    static func isVariable(_ key: String) -> Bool {
        !key.isEmpty && key.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" }
    }

    /// Adds the tools (and the software they require, and their source targets) to `graph`.
    func add(to graph: inout CrateGraph, profile: String) {
        for (id, key) in keys {
            var requirements: [String] = []
            var properties: [String: JSONValue?] = [
                "name": text(key.executable),
                "softwareVersion": text(key.code.sha256),
                "description": text(
                    "Stage executable `\(key.executable)` (a SwiftPM product). softwareVersion is its code identity: SHA-256 over Package.swift and the \(key.code.fileCount) source files of the targets in isBasedOn."),
                "isBasedOn": refs(key.code.targets.map { "#target/" + $0 }),
            ]
            for (fact, value) in key.platform.sorted(by: { $0.key < $1.key }) {
                switch fact {
                case "os": properties["operatingSystem"] = text(value)
                case "arch": properties["processorRequirements"] = text(value)
                default:
                    let name = fact == "hdf5" ? "libhdf5" : fact == "swift" ? "Swift" : fact
                    let software = "#software/\(name)@\(value)"
                    graph.add(software, ["SoftwareApplication"], ["name": text(name), "version": text(value)])
                    requirements.append(software)
                }
            }
            if !requirements.isEmpty { properties["softwareRequirements"] = refs(requirements) }
            graph.add(id, ["SoftwareApplication"], properties)
            for target in key.code.targets {
                graph.add("#target/" + target, ["SoftwareSourceCode"], [
                    "name": text(target), "description": text("SwiftPM target \(target) of Package.swift"),
                ])
            }
        }
        for id in Set(toolOfStage.values) where keys[id] == nil {
            let executable = String(id.dropFirst("#tool/".count))
            graph.add(id, ["SoftwareApplication"], [
                "name": text(executable),
                "description": text(
                    "Stage executable `\(executable)`, for stages that have not run in profile \(profile): their code identity is not recorded."),
            ])
        }
    }
}
