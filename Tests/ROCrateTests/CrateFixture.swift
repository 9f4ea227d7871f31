import Foundation
import Provenance
import ROCrate
import TestSupport

/// A small synthetic project: two stages (`make-data` → `train`), a project file, an
/// absolute input, files on disk with the hashes the manifest records, and a run log.
struct CrateFixture {
    let directory = TemporaryDirectory("rocrate")
    var workflow: CrateWorkflow
    var manifest: Manifest
    var runLog: [String: RunLogEntry]

    static let files: [String: String] = [
        "data/a.h5": "dataset a",
        "data/b.h5": String(repeating: "large ensemble ", count: 200),
        "figures/f.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "config/settings.txt": "learning-rate sweep",
    ]

    init() throws {
        let root = directory.path
        try directory.write("pipeline.json", #"{"formatVersion": 1, "stages": {}}"#)
        for (path, content) in CrateFixture.files { try directory.write(path, content) }
        func hash(_ path: String) -> String { ContentHash.sha256(CrateFixture.files[path]!) }
        let stages = [
            CrateStage(name: "train", executable: "train-ensembles", description: "Trains the ensembles.",
                       inputs: ["data/a.h5", "config/settings.txt", "/datasets/external.gz"],
                       outputs: ["data/b.h5", "figures/f.svg"]),
            CrateStage(name: "make-data", executable: "generate-data", description: "Makes data.",
                       inputs: [], outputs: ["data/a.h5"]),
        ]
        workflow = CrateWorkflow(
            name: "Synthetic pipeline", description: "Two stages.", profile: "default", stages: stages,
            workflowFile: root + "/pipeline.json", projectRoot: root, profileRoot: root,
            license: "https://spdx.org/licenses/MIT")
        let environment = ["os": "Debian GNU/Linux 12 (bookworm)", "arch": "x86_64", "swift": "6.3", "hdf5": "1.10.8"]
        let git = GitState(commit: "0123456789abcdef0123456789abcdef01234567", dirty: false)
        manifest = Manifest(profile: "default")
        manifest.stages["make-data"] = StageRecord(
            executable: "generate-data", parameters: .object(["samples": .int(10), "noise": .double(0.2)]),
            seeds: ["data": SeedRecord(path: "exp/data", value: 12_273_980_574_356_339_880)], inputs: [:],
            outputs: ["data/a.h5": hash("data/a.h5")],
            code: CodeIdentity(sha256: String(repeating: "a", count: 64), targets: ["DataStage", "GenerateDataCLI"], fileCount: 5),
            git: git, environment: environment)
        manifest.stages["train"] = StageRecord(
            executable: "train-ensembles",
            parameters: .object(["steps": .int(5), "learningRates": .array([.double(0.1), .double(0.2)]), "optimizer": .string("sgd")]),
            seeds: ["ensembles": SeedRecord(path: "exp/ensembles", value: 7)],
            inputs: ["data/a.h5": hash("data/a.h5"), "config/settings.txt": hash("config/settings.txt"),
                     "/datasets/external.gz": String(repeating: "e", count: 64)],
            outputs: ["data/b.h5": hash("data/b.h5"), "figures/f.svg": hash("figures/f.svg")],
            code: CodeIdentity(sha256: String(repeating: "b", count: 64), targets: ["TrainEnsemblesCLI", "TrainingStage"], fileCount: 9),
            git: git, environment: environment.merging(["OPENBLAS_NUM_THREADS": "1"]) { $1 })
        runLog = [
            "make-data": RunLogEntry(started: "2026-11-24T05:09:55Z", seconds: 0.158, threads: 2),
            "train": RunLogEntry(started: "2026-11-24T06:07:44Z", seconds: 222.704, threads: 2),
        ]
    }

    func metadata(files: CrateFilePolicy = .reference) throws -> JSONValue {
        try RunCrate.metadata(workflow: workflow, manifest: manifest, runLog: runLog, files: files)
    }
}

/// Reading a crate's graph in tests.
struct CrateReader {
    let entities: [String: JSONValue]

    init(_ document: JSONValue) {
        guard case .array(let graph)? = document["@graph"] else { entities = [:]; return }
        var byID: [String: JSONValue] = [:]
        for entity in graph {
            if case .string(let id)? = entity["@id"] { byID[id] = entity }
        }
        entities = byID
    }

    subscript(id: String) -> JSONValue? { entities[id] }

    /// Entities whose `@type` is or includes `type`.
    func all(ofType type: String) -> [JSONValue] {
        entities.values.filter { types(of: $0).contains(type) }
    }

    func types(of entity: JSONValue) -> [String] {
        switch entity["@type"] {
        case .string(let type)?: return [type]
        case .array(let types)?: return types.compactMap { if case .string(let t) = $0 { t } else { nil } }
        default: return []
        }
    }

    /// The `@id`s a property refers to (one reference or an array of them).
    func ids(_ entity: JSONValue?, _ key: String) -> [String] {
        let value = entity?[key]
        let items: [JSONValue]
        if case .array(let array)? = value { items = array } else if let value { items = [value] } else { items = [] }
        return items.compactMap { if case .string(let id)? = $0["@id"] { id } else { nil } }
    }

    func string(_ entity: JSONValue?, _ key: String) -> String? {
        if case .string(let value)? = entity?[key] { return value }
        return nil
    }
}
