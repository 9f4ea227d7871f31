import Foundation
import Provenance

/// Options of `pipeline run`.
public struct RunOptions: Sendable {
    /// Stages asked for (nil: all). Their stale upstream stages run too.
    public var stages: [String]?
    public var force = false
    public var dryRun = false
    /// Worker threads handed to each stage (outputs never depend on it).
    public var threads = 1
    public var quiet = false
    /// After a stage fails, go on with the stages that do not depend on it.
    public var keepGoing = false

    public init(
        stages: [String]? = nil, force: Bool = false, dryRun: Bool = false, threads: Int = 1, quiet: Bool = false,
        keepGoing: Bool = false
    ) {
        self.stages = stages
        self.force = force
        self.dryRun = dryRun
        self.threads = threads
        self.quiet = quiet
        self.keepGoing = keepGoing
    }
}

/// The state of one stage with respect to the manifest.
public struct StageStatus: Sendable {
    public var stage: String
    public var reasons: [StaleReason]
    public var isUpToDate: Bool { reasons.isEmpty }
}

/// What a run did.
public struct RunSummary: Sendable {
    public var ran: [String] = []
    public var upToDate: [String] = []
    /// Outputs regenerated from identical parameters, seeds, inputs and code whose bytes
    /// differ from the manifest: a reproducibility failure.
    public var mismatches: [(stage: String, path: String, recorded: String, produced: String)] = []
    /// Stages that failed, with the error (only with `keepGoing`; otherwise the first
    /// failure is thrown).
    public var failed: [(stage: String, error: String)] = []
    /// Stages not run because a stage they depend on failed: stage → the failed stage.
    public var skipped: [(stage: String, because: String)] = []
}

/// Runs the stages of one profile in dependency order, skipping those whose
/// parameters, seeds, input hashes, code identity and outputs match the manifest.
public final class Runner {
    public let layout: ProjectLayout
    public let spec: PipelineSpec
    public let profile: PipelineSpec.Profile
    private let log: (String) -> Void
    private let hashes: HashCache
    private var graph: PackageGraph?
    private var codeIdentities: [String: CodeIdentity] = [:]
    private let resolver: ParameterResolver
    private var resolvedParameters: [String: JSONValue] = [:]

    /// A runner for `profile`; `log` receives progress lines (stderr in the CLI).
    public init(layout: ProjectLayout, profile: String, log: @escaping (String) -> Void) throws {
        self.layout = layout
        spec = try PipelineSpec.load(from: layout.specPath, projectRoot: layout.projectRoot)
        guard let chosen = spec.profiles[profile] else {
            throw PipelineError.unknownProfile(profile, known: spec.profiles.keys.sorted())
        }
        self.profile = chosen
        self.log = log
        hashes = HashCache(cachePath: layout.cacheDirectory + "/hashes.json")
        resolver = ParameterResolver(binDirectory: layout.binDirectory, cacheDirectory: layout.cacheDirectory, hashes: hashes)
    }

    /// Resolves the parameters of `names` against their executables' declarations,
    /// reporting every stage's problems together; nothing runs if any is wrong.
    func resolveParameters(of names: [String]) throws {
        var errors: [PipelineError] = []
        for name in names where resolvedParameters[name] == nil {
            do {
                resolvedParameters[name] = try resolver.resolve(spec.stages[name]!, profile: profile.name)
            } catch let error as PipelineError {
                errors.append(error)
            }
        }
        resolver.save()
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw PipelineError.several(errors) }
    }

    public var manifestPath: String { layout.manifestPath(of: profile) }
    /// The run log beside the manifest (times and durations; never hashed).
    public var runLogPath: String { layout.root(of: profile) + "/" + RunLog.fileName }
    /// Where stages write before their outputs are moved into place.
    var scratchRoot: String { layout.root(of: profile) + "/.pipeline-tmp" }

    /// Every stage in run order with the reasons it is stale (empty: up to date).
    public func status() throws -> [StageStatus] {
        let manifest = try Manifest.load(from: manifestPath, profile: profile.name)
        try resolveParameters(of: StageGraph(spec: spec).topologicalOrder())
        let statuses = try StageGraph(spec: spec).topologicalOrder().map { name in
            StageStatus(stage: name, reasons: try staleness(of: spec.stages[name]!, manifest: manifest).reasons)
        }
        hashes.save()
        return statuses
    }

    /// Runs what is stale (or, with `dryRun`, only says what would run and why).
    public func run(_ options: RunOptions) throws -> RunSummary {
        let lock = try RunLock(path: layout.root(of: profile) + "/.pipeline-run.lock")
        defer { withExtendedLifetime(lock) {} }
        if !options.dryRun { clearInterruptedScratch() }
        let stageGraph = StageGraph(spec: spec)
        var selected = Set(stageGraph.topologicalOrder())
        if let asked = options.stages {
            for name in asked where spec.stages[name] == nil {
                throw PipelineError.unknownStage(name, known: spec.stages.keys.sorted())
            }
            selected = stageGraph.closure(of: asked)
        }
        try resolveParameters(of: stageGraph.topologicalOrder().filter(selected.contains))
        var manifest = try Manifest.load(from: manifestPath, profile: profile.name)
        var runLog = RunLog.load(from: runLogPath)
        var summary = RunSummary()
        var planned: Set<String> = []
        var failedOrSkipped: [String: String] = [:]  // stage → the failed stage it waits for
        for name in stageGraph.topologicalOrder() where selected.contains(name) {
            let stage = spec.stages[name]!
            if let blocker = (stageGraph.upstream[name] ?? []).compactMap({ failedOrSkipped[$0] }).first {
                failedOrSkipped[name] = blocker
                summary.skipped.append((name, blocker))
                log("[\(profile.name)] \(name): skipped — it needs the outputs of \(blocker), which failed")
                continue
            }
            var (expected, reasons) = try staleness(of: stage, manifest: manifest)
            if options.force && (options.stages == nil || options.stages!.contains(name)) {
                reasons.insert(.forced, at: 0)
            }
            if options.dryRun {
                let upstream = (stageGraph.upstream[name] ?? []).filter { planned.contains($0) }
                reasons += upstream.map { .upstreamWillRun(stage: $0) }
            }
            guard !reasons.isEmpty else {
                summary.upToDate.append(name)
                continue
            }
            planned.insert(name)
            log("[\(profile.name)] \(name): " + (options.dryRun ? "would run" : "running") + " — "
                + reasons.map(\.description).joined(separator: "; "))
            if options.dryRun { continue }
            let previous = manifest.stages[name]
            let record: StageRecord
            do {
                record = try execute(stage, expected: expected, options: options, manifest: &manifest, runLog: &runLog)
            } catch {
                guard options.keepGoing else { throw error }
                failedOrSkipped[name] = name
                summary.failed.append((name, "\(error)"))
                log("[\(profile.name)] \(name): FAILED — \(error)")
                continue
            }
            if let previous, previous.withoutOutputs == record.withoutOutputs {
                for (path, hash) in record.outputs.sorted(by: { $0.key < $1.key })
                where previous.outputs[path].map({ $0 != hash }) ?? false {
                    summary.mismatches.append((name, path, previous.outputs[path]!, hash))
                    log("""
                        !!! NOT REPRODUCED: \(path) (stage \(name)) was regenerated from identical parameters, \
                        seeds, inputs and code, but its bytes differ: recorded \(previous.outputs[path]!.prefix(16))…, \
                        produced \(hash.prefix(16))…. This is a determinism bug; please report it.
                        """)
                }
            }
            expected = record
            summary.ran.append(name)
        }
        hashes.save()
        if summary.ran.isEmpty && summary.failed.isEmpty && !options.dryRun {
            log("[\(profile.name)] nothing to do: all \(summary.upToDate.count) stages are up to date")
        }
        return summary
    }

    /// Removes what an interrupted (killed) stage left in the scratch directory. Called
    /// under the profile's lock, so no stage of this profile is writing there.
    func clearInterruptedScratch() {
        guard let leftovers = try? FileManager.default.contentsOfDirectory(atPath: scratchRoot), !leftovers.isEmpty else {
            return
        }
        for entry in leftovers.sorted() {
            try? FileManager.default.removeItem(atPath: scratchRoot + "/" + entry)
        }
        log("[\(profile.name)] removed temporary files of an interrupted run: \(leftovers.sorted().joined(separator: ", "))")
    }

    /// The record a run of `stage` would have now (outputs empty) and why it is stale.
    func staleness(of stage: PipelineSpec.Stage, manifest: Manifest) throws -> (record: StageRecord, reasons: [StaleReason]) {
        var inputs: [String: String] = [:]
        var problems: [StaleReason] = []
        for declared in stage.inputs {
            let path = layout.resolve(declared, profile: profile, spec: spec)
            if FileManager.default.fileExists(atPath: path) {
                inputs[declared] = try hashes.sha256(of: path)
            } else {
                problems.append(.inputMissing(path: declared, producer: spec.producer(of: declared)?.name))
            }
        }
        var seeds: [String: SeedRecord] = [:]
        for (name, path) in stage.seeds {
            seeds[name] = SeedRecord(path: path, value: spec.seedValue(path: path) ?? 0)
        }
        let expected = StageRecord(
            executable: stage.executable, parameters: resolvedParameters[stage.name] ?? stage.parameters(for: profile.name),
            seeds: seeds,
            inputs: inputs, outputs: [:], code: try codeIdentity(of: stage.executable),
            git: GitState(commit: "", dirty: false), environment: [:])
        var outputs: [String: String?] = [:]
        for declared in stage.outputs {
            let path = layout.resolve(declared, profile: profile, spec: spec)
            outputs[declared] = FileManager.default.fileExists(atPath: path) ? try hashes.sha256(of: path) : nil
        }
        let reasons = Staleness.reasons(
            expected: expected, inputProblems: problems, recorded: manifest.stages[stage.name], outputHashes: outputs)
        return (expected, reasons)
    }

    func codeIdentity(of executable: String) throws -> CodeIdentity {
        if let known = codeIdentities[executable] { return known }
        if graph == nil {
            graph = try PackageGraph.load(packageRoot: layout.packageRoot, cacheDirectory: layout.cacheDirectory)
        }
        let identity = try CodeIdentity.of(
            executable: executable, graph: graph!, packageRoot: layout.packageRoot, hashes: hashes)
        codeIdentities[executable] = identity
        return identity
    }

    /// Runs one stage into a scratch directory and, only if it succeeds, moves its
    /// outputs into place and records them.
    private func execute(
        _ stage: PipelineSpec.Stage, expected: StageRecord, options: RunOptions, manifest: inout Manifest,
        runLog: inout RunLog
    ) throws -> StageRecord {
        let executablePath = layout.binDirectory + "/" + stage.executable
        guard FileManager.default.isExecutableFile(atPath: executablePath) else {
            throw PipelineError.missingExecutable(stage: stage.name, path: executablePath)
        }
        for declared in stage.inputs where expected.inputs[declared] == nil {
            throw PipelineError.stageFailed(
                stage: stage.name, status: -1,
                detail: "its input \(declared) is missing; run the stage that writes it, or restore the file.")
        }
        let scratch = scratchRoot + "/" + stage.name
        try? FileManager.default.removeItem(atPath: scratch)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        let outputs = stage.outputs.enumerated().map { index, declared in
            StageInvocation.Output(
                declaredPath: declared, path: layout.resolve(declared, profile: profile, spec: spec),
                temporaryPath: scratch + "/out-\(index)-" + URL(fileURLWithPath: declared).lastPathComponent)
        }
        let invocation = StageInvocation(
            stage: stage.name, executable: stage.executable, profile: profile.name, parameters: expected.parameters,
            seeds: expected.seeds,
            inputs: stage.inputs.map {
                .init(declaredPath: $0, path: layout.resolve($0, profile: profile, spec: spec), sha256: expected.inputs[$0]!)
            },
            outputs: outputs, code: expected.code, threads: options.threads, quiet: options.quiet,
            reportPath: scratch + "/report.json")
        let invocationPath = scratch + "/invocation.json"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(invocation), to: invocationPath)

        let started = Date()
        let status = try launch(executablePath, arguments: ["--invocation", invocationPath])
        guard status == 0 else {
            throw PipelineError.stageFailed(
                stage: stage.name, status: status,
                detail: "Its messages are above. Rerun just this stage with `pipeline run --stage \(stage.name)`.")
        }
        var record = expected
        for output in outputs {
            guard FileManager.default.fileExists(atPath: output.temporaryPath) else {
                throw PipelineError.missingOutput(stage: stage.name, path: output.declaredPath)
            }
            record.outputs[output.declaredPath] = try ContentHash.sha256(fileAt: output.temporaryPath)
        }
        var environment = EnvironmentFacts.current()
        if let data = FileManager.default.contents(atPath: invocation.reportPath),
            let report = try? JSONDecoder().decode(StageReport.self, from: data)
        {
            environment.merge(report.environment) { _, new in new }
        }
        record.environment = environment
        record.git = EnvironmentFacts.gitState(at: layout.projectRoot)
        for output in outputs {
            try AtomicFile.move(output.temporaryPath, to: output.path)
        }
        // A rerun that reproduced the recorded outputs keeps its record (git commit and
        // environment included), so a reproduction leaves pipeline.lock byte for byte.
        if let previous = manifest.stages[stage.name], previous.withoutOutputs == record.withoutOutputs,
            previous.outputs == record.outputs
        {
            record = previous
        } else {
            manifest.stages[stage.name] = record
            try manifest.save(to: manifestPath)
        }
        runLog.entries[stage.name] = RunLogEntry(
            started: ISO8601DateFormatter().string(from: started),
            seconds: (Date().timeIntervalSince(started) * 1000).rounded() / 1000, threads: options.threads)
        try runLog.save(to: runLogPath)
        // Outputs just moved into place: hash them into the cache by their final inode.
        for output in outputs { _ = try? hashes.sha256(of: output.path) }
        return record
    }

    private func launch(_ path: String, arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: layout.projectRoot)
        var environment = ProcessInfo.processInfo.environment
        // One BLAS thread per job: parallelism goes across runs (determinism, PLATFORM.md).
        environment["OPENBLAS_NUM_THREADS"] = "1"
        environment["OMP_NUM_THREADS"] = "1"
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}

extension StageRecord {
    /// The record without outputs and informative fields: what determines the outputs.
    var withoutOutputs: StageRecord {
        var copy = self
        copy.outputs = [:]
        copy.git = GitState(commit: "", dirty: false)
        copy.environment = [:]
        return copy
    }
}
