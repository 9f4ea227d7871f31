import Foundation
import Provenance

/// Builds the crate's graph from the workflow, the manifest and the run log. The entity
/// names follow the Provenance Run Crate example (profile 0.5): `pipeline.json#stage/S`
/// for steps, `#tool/E@<code>` for tools, `#run/S` for stage runs, `#run` for the
/// pipeline run and `#run/engine` for the driver's.
struct CrateBuilder {
    let workflow: CrateWorkflow
    let engine: CrateEngine
    let records: [(String, StageRecord)]
    let catalog: FileCatalog
    let tools: ToolCatalog
    let positions: [String: Int]
    let times: [String: RunTimes]
    let workflowBytes: Data

    init(
        workflow: CrateWorkflow, manifest: Manifest, runLog: [String: RunLogEntry], engine: CrateEngine,
        policy: CrateFilePolicy
    ) throws {
        let declared = Dictionary(workflow.stages.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, record) in manifest.stages.sorted(by: { $0.key < $1.key }) {
            guard let stage = declared[name] else {
                throw RunCrateError.undeclaredStage(name: name, declared: declared.keys.sorted())
            }
            guard stage.executable == record.executable else {
                throw RunCrateError.executableMismatch(stage: name, declared: stage.executable, recorded: record.executable)
            }
            guard case .object = record.parameters else {
                throw RunCrateError.malformedParameters(stage: name, kind: record.parameters.kindName)
            }
        }
        guard let bytes = FileManager.default.contents(atPath: workflow.workflowFile) else {
            throw RunCrateError.io(path: workflow.workflowFile, reason: "the workflow file does not exist or cannot be read")
        }
        self.workflow = workflow
        self.engine = engine
        workflowBytes = bytes
        records = manifest.stages.sorted { $0.key < $1.key }
        catalog = try FileCatalog(workflow: workflow, records: records, policy: policy)
        tools = ToolCatalog(stages: workflow.stages, records: manifest.stages)
        positions = try StepOrder.positions(of: workflow.stages)
        var times: [String: RunTimes] = [:]
        for (name, _) in records {
            if let entry = runLog[name] { times[name] = try RunTimes(entry: entry, stage: name) }
        }
        self.times = times
    }

    static func stepID(_ stage: String) -> String { RunCrate.workflowID + "#stage/" + stage }
    static func runID(_ stage: String) -> String { "#run/" + stage }
    static let workflowRunID = "#run"
    static let engineRunID = "#run/engine"
    static let engineID = "#engine/pipeline"
    static let profileParameterID = RunCrate.workflowID + "#profile"
    static let completed = ref("http://schema.org/CompletedActionStatus")

    func document() throws -> JSONValue {
        var graph = CrateGraph()
        addDescriptorAndRoot(to: &graph)
        addWorkflow(to: &graph)
        tools.add(to: &graph, profile: workflow.profile)
        addFiles(to: &graph)
        var formal: [String: (name: String, types: Set<String>, kind: String)] = [:]
        for (name, record) in records {
            addStageRun(name, record, to: &graph, formal: &formal)
        }
        addFormalParameters(formal, to: &graph)
        addPipelineRuns(to: &graph)
        return graph.document(
            context: [text("https://w3id.org/ro/crate/1.1/context"), text("https://w3id.org/ro/terms/workflow-run/context")],
            first: [RunCrate.metadataFileName, "./"])
    }

    private func addDescriptorAndRoot(to graph: inout CrateGraph) {
        graph.add(RunCrate.metadataFileName, ["CreativeWork"], [
            "about": ref("./"),
            "conformsTo": refs(["https://w3id.org/ro/crate/1.1", "https://w3id.org/workflowhub/workflow-ro-crate/1.0"]),
        ])
        for profile in RunCrate.profiles {
            graph.add(profile.id, ["CreativeWork"], ["name": text(profile.name), "version": text(profile.version)])
        }
        var license: JSONValue? = nil
        if let value = workflow.license {
            if value.hasPrefix("http://") || value.hasPrefix("https://") {
                license = ref(value)
                graph.add(value, ["CreativeWork"], ["name": text(URL(string: value)?.lastPathComponent ?? value)])
            } else {
                license = text(value)
            }
        }
        let payload = [RunCrate.workflowID] + catalog.files.values.filter(\.included).map(\.id).sorted()
        let actions = [Self.workflowRunID, Self.engineRunID] + records.flatMap { [Self.runID($0.0), Self.runID($0.0) + "/control"] }
        let published = times.values.map(\.end).max().map(RunTimes.format)
            ?? String(RunTimes.format(Date()).prefix(10))
        graph.add("./", ["Dataset"], [
            "name": text(workflow.name),
            "description": text(workflow.description + " Provenance of profile '\(workflow.profile)' exported from its manifest (pipeline.lock)."),
            "datePublished": text(published),
            "license": license,
            "conformsTo": refs(RunCrate.profiles.map(\.id)),
            "mainEntity": ref(RunCrate.workflowID),
            "hasPart": refs(payload),
            "mentions": refs(actions.sorted()),
        ])
    }

    private func addWorkflow(to graph: inout CrateGraph) {
        let language = "#language/pipeline-json"
        graph.add(language, ["ComputerLanguage"], [
            "name": text("ChaosPipeline pipeline.json"),
            "alternateName": text("pipeline.json"),
            "description": text("JSON: profiles, experiments (root seeds) and stages (executable, parameters, seeds, inputs, outputs); see README.md, section pipeline.json."),
        ])
        let steps = workflow.stages.sorted { positions[$0.name]! < positions[$1.name]! }
        graph.add(RunCrate.workflowID, ["File", "SoftwareSourceCode", "ComputationalWorkflow", "HowTo"], [
            "name": text(workflow.name),
            "description": text(workflow.description),
            "programmingLanguage": ref(language),
            "encodingFormat": text("application/json"),
            "sha256": text(ContentHash.sha256(workflowBytes)),
            "contentSize": text(String(workflowBytes.count)),
            "hasPart": refs(Set(tools.toolOfStage.values).sorted()),
            "step": refs(steps.map { Self.stepID($0.name) }),
            "input": refs([Self.profileParameterID]),
        ])
        graph.add(Self.profileParameterID, ["FormalParameter"], [
            "name": text("profile"), "additionalType": text("Text"),
            "description": text("The profile run (`pipeline run --profile P`): it chooses the output root and the profile's parameter overrides."),
        ])
        for stage in steps {
            graph.add(Self.stepID(stage.name), ["HowToStep"], [
                "name": text(stage.name),
                "description": stage.description.isEmpty ? nil : text(stage.description),
                "position": .int(Int64(positions[stage.name]!)),
                "workExample": ref(tools.toolOfStage[stage.name]!),
            ])
        }
        graph.add(Self.engineID, ["SoftwareApplication"], [
            "name": text(engine.name), "description": text(engine.description),
            "softwareVersion": engine.version.map(text),
        ])
    }

    private func addFiles(to graph: inout CrateGraph) {
        for file in Array(catalog.files.values) + Array(catalog.olderVersions.values) {
            graph.add(file.id, ["File"], [
                "name": text(file.path),
                "alternateName": file.included ? nil : text(file.path),
                "sha256": text(file.sha256),
                "contentSize": file.size.map { text(String($0)) },
                "encodingFormat": FileCatalog.encodingFormat(of: file.path).map(text),
                "description": file.note.map(text),
            ])
        }
    }

    private func addStageRun(
        _ name: String, _ record: StageRecord, to graph: inout CrateGraph,
        formal: inout [String: (name: String, types: Set<String>, kind: String)]
    ) {
        let tool = tools.toolOfStage[name]!
        let run = Self.runID(name)
        var values: [String] = []
        if case .object(let parameters) = record.parameters {
            for (key, value) in parameters.sorted(by: { $0.key < $1.key }) {
                let parameter = tool + "/parameter/" + key
                formal[parameter, default: (key, [], "parameter")].types.insert(ParameterValue.dataType(value))
                graph.add(run + "/parameter/" + key, ["PropertyValue"], [
                    "name": text(key), "value": ParameterValue.value(value), "exampleOfWork": ref(parameter),
                ])
                values.append(run + "/parameter/" + key)
            }
        }
        for (key, seed) in record.seeds.sorted(by: { $0.key < $1.key }) {
            let parameter = tool + "/seed/" + key
            formal[parameter, default: (key, [], "seed")].types.insert("Integer")
            graph.add(run + "/seed/" + key, ["PropertyValue"], [
                "name": text(key), "value": text(seed.value), "exampleOfWork": ref(parameter),
                "description": text("64-bit seed derived from the experiment's root seed along \(seed.path)"),
            ])
            values.append(run + "/seed/" + key)
        }
        var environment: [String] = []
        for (key, value) in ToolCatalog.variables(of: record).sorted(by: { $0.key < $1.key }) {
            graph.add(run + "/environment/" + key, ["PropertyValue"], ["name": text(key), "value": text(value)])
            environment.append(run + "/environment/" + key)
        }
        let inputs = record.inputs.keys.sorted().map { catalog.id(of: $0, sha256: record.inputs[$0]!) }
        let outputs = record.outputs.keys.sorted().map { catalog.id(of: $0, sha256: record.outputs[$0]!) }
        let git = "git commit \(record.git.commit)\(record.git.dirty ? " with uncommitted changes" : "")"
        graph.add(run, ["CreateAction"], [
            "name": text("Run of stage \(name)"),
            "description": text("`\(record.executable)` for stage \(name) of profile \(workflow.profile), built from \(git)."),
            "instrument": ref(tool),
            "object": refs(inputs + values),
            "result": refs(outputs),
            "startTime": times[name].map { text(RunTimes.format($0.start)) },
            "endTime": times[name].map { text(RunTimes.format($0.end)) },
            "actionStatus": Self.completed,
            "environment": environment.isEmpty ? nil : refs(environment),
        ])
        graph.add(run + "/control", ["ControlAction"], [
            "name": text("orchestrate stage \(name)"),
            "instrument": ref(Self.stepID(name)),
            "object": ref(run),
            "actionStatus": Self.completed,
        ])
    }

    private func addFormalParameters(
        _ formal: [String: (name: String, types: Set<String>, kind: String)], to graph: inout CrateGraph
    ) {
        var inputsOfTool: [String: [String]] = [:]
        for (id, parameter) in formal {
            let tool = String(id[..<id.range(of: "/" + parameter.kind + "/", options: .backwards)!.lowerBound])
            inputsOfTool[tool, default: []].append(id)
            let type = ParameterValue.commonType(parameter.types)
            graph.add(id, ["FormalParameter"], [
                "name": text(parameter.name),
                "additionalType": text(type),
                "description": parameter.kind == "seed"
                    ? text("random seed `\(parameter.name)` (decimal text of a 64-bit integer)")
                    : type == "Text" ? text("stage parameter `\(parameter.name)`: a string as is, any other JSON value as its canonical JSON text") : text("stage parameter `\(parameter.name)`"),
            ])
        }
        for (tool, inputs) in inputsOfTool { graph.set(tool, "input", refs(inputs.sorted())) }
    }

    private func addPipelineRuns(to graph: inout CrateGraph) {
        let produced = Set(workflow.stages.flatMap(\.outputs))
        var external: Set<String> = []
        var results: Set<String> = []
        for (_, record) in records {
            for (path, hash) in record.inputs where !produced.contains(path) { external.insert(catalog.id(of: path, sha256: hash)) }
            for (path, hash) in record.outputs { results.insert(catalog.id(of: path, sha256: hash)) }
        }
        let start = times.values.map(\.start).min().map { text(RunTimes.format($0)) }
        let end = times.values.map(\.end).max().map { text(RunTimes.format($0)) }
        let profileValue = Self.workflowRunID + "/parameter/profile"
        graph.add(profileValue, ["PropertyValue"], [
            "name": text("profile"), "value": text(workflow.profile), "exampleOfWork": ref(Self.profileParameterID),
        ])
        graph.add(Self.workflowRunID, ["CreateAction"], [
            "name": text("Run of pipeline.json, profile \(workflow.profile)"),
            "description": text("The stage runs the manifest records; each stage ran when it was stale, so the times span several `pipeline run`s."),
            "instrument": ref(RunCrate.workflowID),
            "object": refs(external.sorted() + [profileValue]),
            "result": refs(results.sorted()),
            "startTime": start, "endTime": end,
            "actionStatus": Self.completed,
        ])
        let controls = records.map(\.0).sorted { positions[$0]! < positions[$1]! || (positions[$0]! == positions[$1]! && $0 < $1) }
        graph.add(Self.engineRunID, ["OrganizeAction"], [
            "name": text("Run of \(engine.name)"),
            "instrument": ref(Self.engineID),
            "object": refs(controls.map { Self.runID($0) + "/control" }),
            "result": ref(Self.workflowRunID),
            "startTime": start, "endTime": end,
            "actionStatus": Self.completed,
        ])
    }
}
