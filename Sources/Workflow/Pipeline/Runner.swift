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
    public var mismatches: [OutputMismatch] = []
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
    let log: (String) -> Void
    let hashes: HashCache
    private var graph: PackageGraph?
    private var codeIdentities: [String: CodeIdentity] = [:]
    private let resolver: ParameterResolver
    /// The `--shards N` this runner was made with, if any.
    public let shardCountOverride: Int?
    private var resolvedParameters: [String: JSONValue] = [:]

    /// A runner for `profile`; `log` receives progress lines (stderr in the CLI). The
    /// runner sees the expanded graph (``PipelineSpec/expandingShards(countOverride:)``);
    /// `shardCountOverride` replaces every declared shard count (`--shards N`).
    public init(
        layout: ProjectLayout, profile: String, shardCountOverride: Int? = nil, log: @escaping (String) -> Void
    ) throws {
        self.layout = layout
        self.shardCountOverride = shardCountOverride
        spec = try PipelineSpec.load(from: layout.specPath, projectRoot: layout.projectRoot)
            .expandingShards(countOverride: shardCountOverride)
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
            let stage = spec.stages[name]!
            do {
                resolvedParameters[name] = try resolver.resolve(stage, profile: profile.name)
            } catch PipelineError.invalidParameters(let failing, let message)
                where name.contains(PipelineSpec.shardSeparator) || stage.parameters["mergeShards"] != nil
            {
                errors.append(.notShardable(stage: failing, executable: stage.executable, detail: message))
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
    /// The profile's lock: exclusive for `run` and `fold-records`, shared by `run-stage` jobs.
    var lockPath: String { layout.root(of: profile) + "/.pipeline-run.lock" }
    /// Where `run-stage` leaves its records for `fold-records` by default.
    public var recordDirectory: String { layout.root(of: profile) + "/" + PendingRecord.directoryName }

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

    /// Runs what is stale (or, with `dryRun`, only says what would run and why). Records
    /// left by `run-stage` jobs are folded into the manifest first.
    public func run(_ options: RunOptions) throws -> RunSummary {
        let lock = try RunLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        if !options.dryRun {
            clearInterruptedScratch()
            // Records of workflow jobs that were never folded (the workflow was stopped
            // before its end): fold them first, so their stages count as done.
            if !((try? FileManager.default.contentsOfDirectory(atPath: recordDirectory)) ?? []).isEmpty {
                let folded = try foldPendingRecords(in: recordDirectory)
                if !folded.folded.isEmpty {
                    log("[\(profile.name)] folded the records of finished workflow jobs: \(folded.folded.joined(separator: ", "))")
                }
            }
        }
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
        // Records of stages that pipeline.json no longer declares (renamed or removed)
        // would keep claiming their old outputs: forget them.
        let removed = manifest.stages.keys.filter { spec.stages[$0] == nil }.sorted()
        if !options.dryRun && !removed.isEmpty {
            for name in removed { manifest.stages[name] = nil }
            try manifest.save(to: manifestPath)
            log("[\(profile.name)] forgot the records of stages pipeline.json no longer declares: \(removed.joined(separator: ", "))")
        }
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
            let (expected, stalenessReasons) = try staleness(of: stage, manifest: manifest)
            var reasons = stalenessReasons
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
            let execution: StageExecution
            do {
                execution = try execute(stage, expected: expected, threads: options.threads, quiet: options.quiet)
            } catch {
                guard options.keepGoing else { throw error }
                failedOrSkipped[name] = name
                summary.failed.append((name, "\(error)"))
                log("[\(profile.name)] \(name): FAILED — \(error)")
                continue
            }
            let folded = PendingRecord.fold(execution.record, stage: name, into: &manifest)
            if folded.changed { try manifest.save(to: manifestPath) }
            reportMismatches(folded.mismatches)
            summary.mismatches += folded.mismatches
            runLog.entries[name] = execution.logEntry
            try runLog.save(to: runLogPath)
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
        var expected = try determiningRecord(of: stage)
        expected.inputs = inputs
        var outputs: [String: String?] = [:]
        for declared in stage.outputs {
            let path = layout.resolve(declared, profile: profile, spec: spec)
            outputs[declared] = FileManager.default.fileExists(atPath: path) ? try hashes.sha256(of: path) : nil
        }
        let reasons = Staleness.reasons(
            expected: expected, inputProblems: problems, recorded: manifest.stages[stage.name], outputHashes: outputs)
        return (expected, reasons)
    }

    /// What determines `stage`'s outputs apart from its input hashes: executable,
    /// resolved parameters, seeds and code identity (inputs and outputs empty).
    func determiningRecord(of stage: PipelineSpec.Stage) throws -> StageRecord {
        var seeds: [String: SeedRecord] = [:]
        for (name, path) in stage.seeds {
            seeds[name] = SeedRecord(path: path, value: spec.seedValue(path: path) ?? 0)
        }
        return StageRecord(
            executable: stage.executable, parameters: resolvedParameters[stage.name] ?? stage.parameters(for: profile.name),
            seeds: seeds, inputs: [:], outputs: [:], code: try codeIdentity(of: stage.executable),
            git: GitState(commit: "", dirty: false), environment: [:])
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

    /// Runs one stage into its scratch directory and, only if it succeeds, moves its
    /// outputs into place. The one execute path of `run` and `run-stage`: the caller
    /// records the result (in the manifest, or as a pending record for `fold-records`).
    func execute(_ stage: PipelineSpec.Stage, expected: StageRecord, threads: Int, quiet: Bool) throws -> StageExecution {
        let executablePath = layout.binDirectory + "/" + stage.executable
        guard FileManager.default.isExecutableFile(atPath: executablePath) else {
            throw PipelineError.missingExecutable(stage: stage.name, path: executablePath)
        }
        for declared in stage.inputs where expected.inputs[declared] == nil {
            throw PipelineError.stageNotRun(
                stage: stage.name,
                detail: "Its input \(declared) is missing; run the stage that writes it, or restore the file.")
        }
        let scratch = scratchRoot + "/" + stage.name
        try? FileManager.default.removeItem(atPath: scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let outputs = stage.outputs.enumerated().map { index, declared in
            StageInvocation.Output(
                declaredPath: declared, path: layout.resolve(declared, profile: profile, spec: spec),
                temporaryPath: scratch + "/out-\(index)-" + URL(fileURLWithPath: declared).lastPathComponent)
        }
        try checkWritable(stage, scratch: scratch, outputs: outputs)
        let invocation = StageInvocation(
            stage: stage.name, executable: stage.executable, profile: profile.name, parameters: expected.parameters,
            seeds: expected.seeds,
            inputs: stage.inputs.map {
                .init(declaredPath: $0, path: layout.resolve($0, profile: profile, spec: spec), sha256: expected.inputs[$0]!)
            },
            outputs: outputs, code: expected.code, threads: threads, quiet: quiet,
            reportPath: scratch + "/report.json")
        let invocationPath = scratch + "/invocation.json"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(invocation), to: invocationPath)

        let started = Date()
        let status = try launch(executablePath, arguments: ["--invocation", invocationPath])
        guard status == 0 else {
            throw failure(of: stage, status: status, note: StageFailureNote.read(besideReport: invocation.reportPath))
        }
        var record = expected
        for output in outputs {
            guard FileManager.default.fileExists(atPath: output.temporaryPath) else {
                throw PipelineError.missingOutput(stage: stage.name, path: output.declaredPath)
            }
            record.outputs[output.declaredPath] = try ContentHash.sha256(fileAt: output.temporaryPath)
        }
        var environment = EnvironmentFacts.current()
        var peakMemoryMB: Double?
        if let data = FileManager.default.contents(atPath: invocation.reportPath),
            let report = try? JSONDecoder().decode(StageReport.self, from: data)
        {
            environment.merge(report.environment) { _, new in new }
            // KiB → MB with one decimal: the run log only (never the lock, which is hashed content).
            peakMemoryMB = report.peakResidentMemoryKiB.map { (Double($0) * 1024 / 1e5).rounded() / 10 }
        }
        record.environment = environment
        record.git = EnvironmentFacts.gitState(at: layout.projectRoot)
        do {
            try AtomicFile.moveAll(outputs.map { ($0.temporaryPath, $0.path) })
        } catch {
            throw PipelineError.outputsNotPlaced(
                stage: stage.name,
                detail: "\(error) Free space or fix permissions, then rerun it with `pipeline run --stage \(stage.name)`.")
        }
        let entry = RunLogEntry(
            started: ISO8601DateFormatter().string(from: started),
            seconds: (Date().timeIntervalSince(started) * 1000).rounded() / 1000, threads: threads, peakMemoryMB: peakMemoryMB)
        // Outputs just moved into place: hash them into the cache by their final inode.
        for output in outputs { _ = try? hashes.sha256(of: output.path) }
        return StageExecution(record: record, logEntry: entry)
    }

    /// Throws, before anything runs, unless the scratch directory and the directory of
    /// every output of `stage` can take new files (a read-only or unwritable directory
    /// would otherwise be found only after the stage's work).
    private func checkWritable(_ stage: PipelineSpec.Stage, scratch: String, outputs: [StageInvocation.Output]) throws {
        do {
            try AtomicFile.checkWritable(scratch + "/invocation.json")
            for output in outputs { try AtomicFile.checkWritable(output.path) }
        } catch {
            throw PipelineError.stageNotRun(
                stage: stage.name,
                detail: "\(error) Make the directory writable, then rerun it with `pipeline run --stage \(stage.name)`.")
        }
    }

    /// The error of a stage that exited with `status`: its own one-line reason (`note`)
    /// when it left one, else whether it crashed or was killed.
    private func failure(of stage: PipelineSpec.Stage, status: Int32, note: String?) -> PipelineError {
        var detail = note ?? "Its messages are above."
        if note == nil && status > 128 {
            detail = "It was killed by signal \(status - 128) (\(String(cString: strsignal(status - 128))))"
                + " before it could report why; its messages, if any, are above."
        }
        return PipelineError.stageFailed(
            stage: stage.name, status: status,
            detail: detail + "\nRerun just this stage with `pipeline run --stage \(stage.name)` once the cause is fixed.")
    }

    /// Prints the loud line of each output that was not reproduced.
    func reportMismatches(_ mismatches: [OutputMismatch]) {
        for mismatch in mismatches {
            log("""
                !!! NOT REPRODUCED: \(mismatch.path) (stage \(mismatch.stage)) was regenerated from identical parameters, \
                seeds, inputs and code, but its bytes differ: recorded \(mismatch.recorded.prefix(16))…, \
                produced \(mismatch.produced.prefix(16))…. This is a determinism bug; please report it.
                """)
        }
    }

    private func launch(_ path: String, arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: layout.projectRoot)
        var environment = ProcessInfo.processInfo.environment
        // One BLAS thread per job: parallelism goes across runs (determinism, docs/PLATFORM.md).
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
