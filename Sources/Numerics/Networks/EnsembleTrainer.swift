import NumericsCore

/// Trains a reference and its replicas in lock-step and records what the Lyapunov
/// estimators need (docs/PROTOCOL.md §1: estimators 1 and 4; §3 E4 ensembles).
///
/// Execution: runs advance in chunks of steps; within a chunk every run is an
/// independent job (its own workspace, fixed operation order), spread over `threadCount`
/// threads; after each chunk the replica–reference distances are formed from the stored
/// states. Neighbours of the hybrid Wolf–Kantz plan are jobs of their own after the
/// reference is done, started from its stored states at t_i. No result depends on the
/// thread count or the chunk length. Divergence is recorded, never thrown.
public enum EnsembleTrainer {
    /// Runs the configuration. Throws only for an inconsistent configuration.
    public static func train<O: Optimizer>(
        _ configuration: EnsembleConfiguration<O>, threadCount: Int = 1
    ) throws(NetworkError) -> EnsembleResult {
        try configuration.validate()
        return EnsembleExecution(configuration: configuration, threadCount: max(1, threadCount)).run()
    }
}

/// One run's evolving state.
struct RunState<State: Sendable>: Sendable {
    var parameters: [Double]
    var optimizerState: State
    var status: DivergenceStatus = .completed
    var epochCache = BatchSchedule.EpochCache()

    var isActive: Bool {
        if case .completed = status { return true }
        return false
    }
}

/// The machinery behind ``EnsembleTrainer/train(_:threadCount:)``.
struct EnsembleExecution<O: Optimizer> {
    let configuration: EnsembleConfiguration<O>
    let threadCount: Int
    let layout: ParameterLayout

    init(configuration: EnsembleConfiguration<O>, threadCount: Int) {
        self.configuration = configuration
        self.threadCount = threadCount
        self.layout = configuration.architecture.layout
    }

    /// Step t of one run: the optimizer's update on batch(t) and the divergence checks.
    /// Returns the step's loss, or NaN if the run was already stopped or stops on it.
    func performStep(_ run: inout RunState<O.State>, step t: Int, worker: StepWorker) -> Double {
        guard run.isActive else { return .nan }
        let c = configuration
        worker.select(run.epochCache.positions(schedule: c.batches, step: t, sampleCount: c.trainingSet.sampleCount),
                      of: run.epochCache.permutation)
        let context = StepContext(step: t, layout: layout, noiseKey: c.noiseKey.derive("step", t))
        let loss = c.optimizer.step(parameters: &run.parameters, state: &run.optimizerState,
                                    context: context, gradient: worker.oracle)
        guard loss.isFinite else {
            run.status = .diverged(step: t, reason: .nonFiniteLoss, value: loss)
            return .nan
        }
        checkParameters(&run, time: t + 1)
        return loss
    }

    /// Marks the run diverged at `time` if its parameters are non-finite or out of bounds.
    func checkParameters(_ run: inout RunState<O.State>, time: Int) {
        // Fast path, eight lanes at a time: every |w| ≤ bound (a NaN fails the comparison,
        // ±∞ exceeds any finite bound), so the run goes on. Otherwise the exact scalar scan
        // below says why and with which value, as it always did.
        if Self.allWithin(run.parameters, bound: configuration.divergence.parameterBound) { return }
        var largest = 0.0
        var finite = true
        for value in run.parameters {
            let magnitude = value.magnitude
            if !magnitude.isFinite { finite = false }
            if magnitude > largest || magnitude.isNaN { largest = magnitude }
        }
        if !finite {
            run.status = .diverged(step: time, reason: .nonFiniteParameters, value: largest)
        } else if largest > configuration.divergence.parameterBound {
            run.status = .diverged(step: time, reason: .parameterBoundExceeded, value: largest)
        }
    }

    /// Whether every |value| ≤ `bound` (false for a NaN): a vectorized test of whole lanes.
    static func allWithin(_ values: [Double], bound: Double) -> Bool {
        guard bound.isFinite else { return false }
        return values.withUnsafeBufferPointer { p in
            let lanes = p.count / 8
            var inside = SIMDMask<SIMD8<Int64>>(repeating: true)
            let limit = SIMD8<Double>(repeating: bound), negativeLimit = SIMD8<Double>(repeating: -bound)
            let raw = UnsafeRawPointer(p.baseAddress!)
            for l in 0..<lanes {
                let v = raw.loadUnaligned(fromByteOffset: l * 64, as: SIMD8<Double>.self)
                // |v| ≤ bound, false for NaN; .& keeps it branch-free.
                inside = inside .& (v .<= limit) .& (v .>= negativeLimit)
            }
            guard all(inside) else { return false }
            for i in (lanes * 8)..<p.count where !(p[i].magnitude <= bound) { return false }
            return true
        }
    }

    /// Loss and accuracy of `parameters` on `dataset`.
    func evaluate(_ parameters: [Double], on dataset: Dataset, workspace: any BatchEvaluator) -> (Double, Double) {
        let result = parameters.withUnsafeBufferPointer { p in
            workspace.lossAndGradient(parameters: p.baseAddress!, batch: Batch(dataset), gradient: nil, countCorrect: true)
        }
        return (result.loss, Double(result.correct) / Double(dataset.sampleCount))
    }

    func run() -> EnsembleResult {
        let c = configuration
        let parameterCount = layout.count, stepCount = c.stepCount
        let replicaCount = c.replicas.count, runCount = replicaCount + 1
        let timeCount = stepCount + 1
        // Replicas stop after their own steps (ReplicaPlan.steps); the reference runs all T.
        let replicaSteps = c.replicas.stepCount(of: stepCount), replicaTimeCount = replicaSteps + 1
        func lastStep(of run: Int) -> Int { run == 0 ? stepCount : replicaSteps }
        let recorded = c.recordedSteps
        var recordIndex = [Int: Int]()
        for (index, step) in recorded.enumerated() { recordIndex[step] = index }
        let parameterSteps = c.parameterSteps
        var parameterIndex = [Int: Int]()
        for (index, step) in parameterSteps.enumerated() { parameterIndex[step] = index }
        let evaluatedRuns = c.evaluatesReplicas ? runCount : 1
        let workers = max(1, min(threadCount, runCount))
        // Blocks as wide as the minibatch (rounded up to 8) when that is narrower than the
        // default: a step's samples then fill one dense block. Same bits (LaneSum).
        let blockWidth: Int? = {
            guard case .shuffledMinibatches(let size, _) = c.batches else { return nil }
            let fitted = (size + 7) & ~7
            return fitted < Workspace.defaultBlockWidth(for: c.architecture) ? fitted : nil
        }()
        let workspaces: [any BatchEvaluator] = (0..<max(workers, threadCount)).map { _ in
            c.engine == .blockLanes
                ? Workspace(architecture: c.architecture, blockWidth: blockWidth) : c.engine.makeEvaluator(c.architecture)
        }
        let stepWorkers = workspaces.map { StepWorker(evaluator: $0, trainingSet: c.trainingSet) }
        // Every run's state at every step is needed only for the replica distances; the
        // reference alone needs it only at the parameter steps.
        let storesEverySnapshot = runCount > 1

        // Initial states: the reference, then replica r from key.derive("replica", r).
        var initialRuns: [RunState<O.State>] = []
        for r in 0..<runCount {
            var parameters = c.initialParameters
            if r > 0 {
                var stream = c.replicas.key.derive("replica", r).stream()
                parameters = c.replicas.law.perturb(parameters, layout: layout, stream: &stream)
            }
            var run = RunState(parameters: parameters,
                               optimizerState: c.optimizer.initialState(parameters: parameters, layout: layout))
            checkParameters(&run, time: 0)
            initialRuns.append(run)
        }
        let runs = SharedBuffer(initialRuns)
        let trainingLoss = SharedBuffer(count: runCount * timeCount, initialValue: Double.nan)
        let recordCount = recorded.count
        let hasTest = c.testSet != nil
        let testLoss = SharedBuffer(count: hasTest ? evaluatedRuns * recordCount : 0, initialValue: Double.nan)
        let testAccuracy = SharedBuffer(count: hasTest ? evaluatedRuns * recordCount : 0, initialValue: Double.nan)
        let trainSetCount = c.evaluatesTrainingSet ? evaluatedRuns * recordCount : 0
        let trainingSetLoss = SharedBuffer(count: trainSetCount, initialValue: Double.nan)
        let trainingSetAccuracy = SharedBuffer(count: trainSetCount, initialValue: Double.nan)
        let diagnosticNames = c.optimizer.diagnosticNames(layout: layout)
        let diagnostics = SharedBuffer(count: recordCount * diagnosticNames.count, initialValue: Double.nan)
        let thermostatPointNames = c.optimizer.thermostatPointDiagnosticNames(layout: layout)
        let thermostatPoint = SharedBuffer(count: recordCount * thermostatPointNames.count, initialValue: Double.nan)
        var referenceParameters = [Double](repeating: .nan, count: parameterSteps.count * parameterCount)
        var distanceL1 = [Double](repeating: .nan, count: replicaCount * replicaTimeCount)
        var distanceL2 = [Double](repeating: .nan, count: replicaCount * replicaTimeCount)
        // Reference states at the neighbour times t_0 … t_M (t_M = t_{M−1} + τ).
        let plan = c.neighbours
        var anchorIndex = [Int: Int]()
        if let plan { for i in 0...plan.timeCount { anchorIndex[plan.time(i)] = i } }
        let anchorParameters = SharedBuffer<[Double]>(count: anchorIndex.count, initialValue: [])
        let anchorStates = SharedBuffer<O.State?>(count: anchorIndex.count, initialValue: nil)
        defer {
            runs.free(); trainingLoss.free(); testLoss.free(); testAccuracy.free()
            trainingSetLoss.free(); trainingSetAccuracy.free(); anchorParameters.free(); anchorStates.free()
            diagnostics.free(); thermostatPoint.free()
        }

        /// Records run r's evaluations and anchors at `time` (r's job only writes row r).
        func record(run r: Int, state: RunState<O.State>, time: Int, workspace: any BatchEvaluator) {
            guard state.isActive else { return }
            if r < evaluatedRuns, let index = recordIndex[time] {
                if let testSet = c.testSet {
                    let (loss, accuracy) = evaluate(state.parameters, on: testSet, workspace: workspace)
                    testLoss[r * recordCount + index] = loss
                    testAccuracy[r * recordCount + index] = accuracy
                }
                if c.evaluatesTrainingSet {
                    let (loss, accuracy) = evaluate(state.parameters, on: c.trainingSet, workspace: workspace)
                    trainingSetLoss[r * recordCount + index] = loss
                    trainingSetAccuracy[r * recordCount + index] = accuracy
                }
                if r == 0 && !diagnosticNames.isEmpty {
                    let values = c.optimizer.diagnostics(of: state.optimizerState, layout: layout)
                    for (d, value) in values.enumerated() { diagnostics[index * diagnosticNames.count + d] = value }
                }
                if r == 0 && !thermostatPointNames.isEmpty {
                    let values = c.optimizer.thermostatPointDiagnostics(of: state.optimizerState, layout: layout)
                    for (d, value) in values.enumerated() { thermostatPoint[index * thermostatPointNames.count + d] = value }
                }
            }
            if r == 0, let index = anchorIndex[time] {
                anchorParameters[index] = state.parameters
                anchorStates[index] = state.optimizerState
            }
        }

        // Chunks: every run stores its states of the chunk; memory ≤ ~32 MB of them, ≤ ~1 MB
        // for a lone reference (it stores only its parameter steps, so long chunks buy nothing).
        let snapshotBudget = storesEverySnapshot ? 4_000_000 : 131_072
        let chunkLength = max(1, min(max(stepCount, 1), snapshotBudget / max(1, runCount * parameterCount)))
        let snapshots = SharedBuffer(count: runCount * (chunkLength + 1) * parameterCount, initialValue: Double.nan)
        defer { snapshots.free() }
        func storeSnapshot(run r: Int, slot: Int, state: RunState<O.State>) {
            let base = snapshots.base + (r * (chunkLength + 1) + slot) * parameterCount
            if state.isActive {
                state.parameters.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: parameterCount) }
            } else {
                base.update(repeating: .nan, count: parameterCount)
            }
        }
        /// Distances and reference records for the times start + slot, slot in 0..<slots.
        func collect(start: Int, slots: Range<Int>) {
            for slot in slots {
                let time = start + slot
                let reference = snapshots.base + slot * parameterCount
                if let index = parameterIndex[time] {
                    for p in 0..<parameterCount { referenceParameters[index * parameterCount + p] = reference[p] }
                }
                for r in 1..<max(runCount, 1) where time <= replicaSteps {
                    let replica = snapshots.base + (r * (chunkLength + 1) + slot) * parameterCount
                    let (l1, squared) = LaneSum.distances(replica, reference, count: parameterCount)
                    distanceL1[(r - 1) * replicaTimeCount + time] = l1
                    distanceL2[(r - 1) * replicaTimeCount + time] = squared.squareRoot()
                }
            }
        }

        // Time 0.
        Parallel.forEach(jobCount: runCount, threads: threadCount) { r, worker in
            let state = runs[r]
            storeSnapshot(run: r, slot: 0, state: state)
            record(run: r, state: state, time: 0, workspace: workspaces[worker])
        }
        collect(start: 0, slots: 0..<1)

        var start = 0
        while start < stepCount {
            let end = min(stepCount, start + chunkLength)
            Parallel.forEach(jobCount: runCount, threads: threadCount) { r, worker in
                let workspace = workspaces[worker], stepWorker = stepWorkers[worker]
                var state = runs[r]
                for t in start..<max(start, min(end, lastStep(of: r))) {
                    trainingLoss[r * timeCount + t] = performStep(&state, step: t, worker: stepWorker)
                    if storesEverySnapshot || parameterIndex[t + 1] != nil {
                        storeSnapshot(run: r, slot: t + 1 - start, state: state)
                    }
                    record(run: r, state: state, time: t + 1, workspace: workspace)
                }
                runs[r] = state
            }
            collect(start: start, slots: 1..<(end - start + 1))
            start = end
        }

        // The loss at w_T on batch(T), which also checks the final state.
        Parallel.forEach(jobCount: runCount, threads: threadCount) { r, worker in
            var state = runs[r]
            guard state.isActive, lastStep(of: r) == stepCount else { return }
            let indices = state.epochCache.indices(schedule: c.batches, step: stepCount,
                                                   sampleCount: c.trainingSet.sampleCount)
            let loss = state.parameters.withUnsafeBufferPointer { p in
                workspaces[worker].lossAndGradient(parameters: p.baseAddress!,
                                                   batch: Batch(validated: c.trainingSet, indices: indices), gradient: nil,
                                                   countCorrect: false).loss
            }
            if loss.isFinite {
                trainingLoss[r * timeCount + stepCount] = loss
            } else {
                state.status = .diverged(step: stepCount, reason: .nonFiniteLoss, value: loss)
            }
            runs[r] = state
        }
        var finalParameters = [Double](repeating: .nan, count: runCount * parameterCount)
        for r in 0..<runCount where runs[r].isActive {
            for p in 0..<parameterCount { finalParameters[r * parameterCount + p] = runs[r].parameters[p] }
        }
        let statuses = (0..<runCount).map { runs[$0].status }
        let neighbourResults = runNeighbours(referenceStatus: statuses[0], anchorParameters: anchorParameters,
                                             anchorStates: anchorStates, workers: stepWorkers)
        return EnsembleResult(
            runCount: runCount, parameterCount: parameterCount, stepCount: stepCount, replicaStepCount: replicaSteps,
            recordedSteps: recorded,
            parameterSteps: parameterSteps,
            referenceParameters: referenceParameters, finalParameters: finalParameters,
            trainingLoss: trainingLoss.array(), evaluatedRunCount: evaluatedRuns,
            testLoss: testLoss.array(), testAccuracy: testAccuracy.array(),
            trainingSetLoss: trainingSetLoss.array(), trainingSetAccuracy: trainingSetAccuracy.array(),
            diagnosticNames: diagnosticNames, diagnostics: diagnostics.array(),
            thermostatPointDiagnosticNames: thermostatPointNames, thermostatPointDiagnostics: thermostatPoint.array(),
            distanceL1: distanceL1, distanceL2: distanceL2, statuses: statuses,
            neighbourTimes: plan.map { p in p.spawnedIndices.map { p.time($0) } } ?? [],
            neighbourCount: plan?.neighbourCount ?? 0,
            neighbourInitialDistance: neighbourResults.initial, neighbourFinalDistance: neighbourResults.final,
            neighbourStatuses: neighbourResults.statuses)
    }

    /// Mittra's neighbours: job (i, j) starts from the reference at t_i plus δ_ij and
    /// takes τ steps of the same map (docs/PROTOCOL.md §1, estimator 1).
    func runNeighbours(
        referenceStatus: DivergenceStatus, anchorParameters: SharedBuffer<[Double]>,
        anchorStates: SharedBuffer<O.State?>, workers: [StepWorker]
    ) -> (initial: [Double], final: [Double], statuses: [DivergenceStatus]) {
        guard let plan = configuration.neighbours else { return ([], [], []) }
        let spawned = plan.spawnedIndices
        let jobs = spawned.count * plan.neighbourCount
        let initial = SharedBuffer(count: jobs, initialValue: Double.nan)
        let final = SharedBuffer(count: jobs, initialValue: Double.nan)
        let statuses = SharedBuffer<DivergenceStatus>(count: jobs, initialValue: .completed)
        defer { initial.free(); final.free(); statuses.free() }
        let parameterCount = layout.count
        Parallel.forEach(jobCount: jobs, threads: threadCount) { job, worker in
            let i = spawned[job / plan.neighbourCount], j = job % plan.neighbourCount
            let startTime = plan.time(i), endTime = plan.time(i + 1)
            if case .diverged(let step, _, _) = referenceStatus, step <= endTime {
                statuses[job] = .diverged(step: startTime, reason: .referenceDiverged, value: .nan)
                return
            }
            guard let startState = anchorStates[i] else { return }
            let base = anchorParameters[i]
            var stream = plan.key.derive("time", i).derive("neighbour", j).stream()
            let perturbed = PerturbationLaw.gaussian(standardDeviation: plan.standardDeviation)
                .perturb(base, layout: layout, stream: &stream)
            initial[job] = perturbed.withUnsafeBufferPointer { a in
                base.withUnsafeBufferPointer { b in
                    LaneSum.distances(a.baseAddress!, b.baseAddress!, count: parameterCount).squaredL2.squareRoot()
                }
            }
            var state = RunState(parameters: perturbed, optimizerState: startState)
            checkParameters(&state, time: startTime)
            for t in startTime..<endTime { _ = performStep(&state, step: t, worker: workers[worker]) }
            statuses[job] = state.status
            guard state.isActive else { return }
            let end = anchorParameters[i + 1]
            final[job] = state.parameters.withUnsafeBufferPointer { a in
                end.withUnsafeBufferPointer { b in
                    LaneSum.distances(a.baseAddress!, b.baseAddress!, count: parameterCount).squaredL2.squareRoot()
                }
            }
        }
        return (initial.array(), final.array(), statuses.array())
    }
}

/// One worker's gradient oracle for the trainer's steps, built once so that a step
/// allocates nothing: ``select(_:of:)`` copies the step's sample indices into its own
/// buffer, and ``oracle`` evaluates the loss and gradient on them with the worker's
/// workspace. Used by one job at a time (like its workspace). With an engine other than
/// ``Workspace`` (large layers, where a step's cost dwarfs an index array) the selected
/// samples go through an ordinary ``Batch``.
final class StepWorker {
    let evaluator: any BatchEvaluator
    let trainingSet: Dataset
    /// The current step's sample indices (`count` of them), or all samples in order.
    private let indices: UnsafeMutablePointer<Int>
    private var count: Int
    private var isMinibatch = false
    /// ∇L and L on the selected samples.
    private(set) var oracle = GradientOracle { _, _ in .nan }

    init(evaluator: any BatchEvaluator, trainingSet: Dataset) {
        self.evaluator = evaluator
        self.trainingSet = trainingSet
        indices = .allocate(capacity: trainingSet.sampleCount)
        count = trainingSet.sampleCount
        guard let workspace = evaluator as? Workspace else {
            oracle = GradientOracle { [unowned(unsafe) self] parameters, gradient in
                let batch = Batch(
                    validated: trainingSet,
                    indices: self.isMinibatch ? Array(UnsafeBufferPointer(start: self.indices, count: self.count)) : nil)
                return parameters.withUnsafeBufferPointer { p in
                    gradient.withUnsafeMutableBufferPointer { g in
                        evaluator.lossAndGradient(parameters: p.baseAddress!, batch: batch, gradient: g.baseAddress!,
                                                  countCorrect: false).loss
                    }
                }
            }
            return
        }
        oracle = GradientOracle { [unowned(unsafe) self] parameters, gradient in
            parameters.withUnsafeBufferPointer { p in
                gradient.withUnsafeMutableBufferPointer { g in
                    workspace.pass(parameters: p.baseAddress!, dataset: trainingSet,
                                   indices: self.isMinibatch ? UnsafePointer(self.indices) : nil, count: self.count,
                                   gradient: g.baseAddress!).loss
                }
            }
        }
    }

    /// Selects `permutation[positions]` (nil: the whole training set in order).
    func select(_ positions: Range<Int>?, of permutation: [Int]) {
        guard let positions else {
            isMinibatch = false
            count = trainingSet.sampleCount
            return
        }
        isMinibatch = true
        count = positions.count
        permutation.withUnsafeBufferPointer { source in
            indices.update(from: source.baseAddress! + positions.lowerBound, count: positions.count)
        }
    }

    deinit { indices.deallocate() }
}
