import NumericsCore

/// One ensemble experiment: a reference trajectory from `initialParameters`, R replicas
/// perturbed at t = 0 (``ReplicaPlan``), optionally neighbours spawned along the
/// reference (``NeighbourPlan``), all evolved by the same map: `optimizer` on the batches
/// of `batches`, with the noise of `noiseKey.derive("step", t)` at step t.
public struct EnsembleConfiguration<O: Optimizer>: Sendable {
    /// The network and loss.
    public var architecture: Architecture
    /// The training set (the batches are drawn from it).
    public var trainingSet: Dataset
    /// An optional held-out set, evaluated every `recordInterval` steps.
    public var testSet: Dataset?
    /// The update rule.
    public var optimizer: O
    /// Which samples each step uses.
    public var batches: BatchSchedule
    /// Root key of the optimizer's per-step noise (unused by GD, SGD and Adam).
    public var noiseKey: SeedKey
    /// Number of steps T.
    public var stepCount: Int
    /// k: evaluations are recorded at steps 0, k, 2k, … and T.
    public var recordInterval: Int
    /// Reference parameters are recorded every this many steps (and at T); nil: at the
    /// evaluation steps. Separate so that accuracy can be recorded every step without
    /// storing every parameter vector (E4: 50 890 parameters).
    public var parameterInterval: Int?
    /// w_0 of the reference.
    public var initialParameters: [Double]
    /// The replicas perturbed at t = 0.
    public var replicas: ReplicaPlan
    /// Neighbours spawned along the reference (Mittra's estimator), if any.
    public var neighbours: NeighbourPlan?
    /// When a run counts as diverged.
    public var divergence: DivergencePolicy
    /// Evaluate every run on the test / training set, not only the reference.
    public var evaluatesReplicas: Bool
    /// The code that computes losses and gradients (fixes the operation order).
    public var engine: GradientEngine = .blockLanes
    /// Also record loss and accuracy on the whole training set at the recorded steps
    /// (for minibatch methods the per-step training loss is that of the step's batch).
    public var evaluatesTrainingSet: Bool

    /// A configuration; ``EnsembleTrainer/train(_:threadCount:)`` validates it.
    public init(
        architecture: Architecture, trainingSet: Dataset, testSet: Dataset? = nil,
        optimizer: O, batches: BatchSchedule = .fullBatch, noiseKey: SeedKey = SeedKey(0),
        stepCount: Int, recordInterval: Int = 1, parameterInterval: Int? = nil, initialParameters: [Double],
        replicas: ReplicaPlan, neighbours: NeighbourPlan? = nil,
        divergence: DivergencePolicy = DivergencePolicy(),
        evaluatesReplicas: Bool = false, evaluatesTrainingSet: Bool = false
    ) {
        self.architecture = architecture
        self.trainingSet = trainingSet
        self.testSet = testSet
        self.optimizer = optimizer
        self.batches = batches
        self.noiseKey = noiseKey
        self.stepCount = stepCount
        self.recordInterval = recordInterval
        self.parameterInterval = parameterInterval
        self.initialParameters = initialParameters
        self.replicas = replicas
        self.neighbours = neighbours
        self.divergence = divergence
        self.evaluatesReplicas = evaluatesReplicas
        self.evaluatesTrainingSet = evaluatesTrainingSet
    }

    /// The steps at which parameters and evaluations are recorded: 0, k, 2k, …, and T.
    public var recordedSteps: [Int] { Self.steps(every: recordInterval, through: stepCount) }

    /// The steps at which reference parameters are recorded: 0, k', 2k', …, and T.
    public var parameterSteps: [Int] { Self.steps(every: parameterInterval ?? recordInterval, through: stepCount) }

    static func steps(every interval: Int, through stepCount: Int) -> [Int] {
        var steps = Array(stride(from: 0, through: stepCount, by: max(interval, 1)))
        if steps.last != stepCount { steps.append(stepCount) }
        return steps
    }

    func validate() throws(NetworkError) {
        try trainingSet.validate(for: architecture)
        if let testSet { try testSet.validate(for: architecture) }
        guard initialParameters.count == architecture.parameterCount else {
            throw .parameterCountMismatch(expected: architecture.parameterCount, actual: initialParameters.count)
        }
        try batches.validate(sampleCount: trainingSet.sampleCount)
        guard stepCount >= 0 else { throw .invalidConfiguration("stepCount \(stepCount) must not be negative") }
        guard (parameterInterval ?? 1) >= 1 else {
            throw .invalidConfiguration("parameterInterval \(parameterInterval ?? 0) must be at least 1")
        }
        guard recordInterval >= 1 else {
            throw .invalidConfiguration("recordInterval \(recordInterval) must be at least 1 (1 records every step)")
        }
        guard replicas.count >= 0 else { throw .invalidConfiguration("replica count must not be negative") }
        if let steps = replicas.steps {
            guard (0...stepCount).contains(steps) else {
                throw .invalidConfiguration("replicas run \(steps) steps, outside 0…\(stepCount) (the reference's steps)")
            }
            guard !evaluatesReplicas || steps == stepCount else {
                throw .invalidConfiguration("replicas that stop at step \(steps) < \(stepCount) cannot be evaluated at every recorded step")
            }
        }
        if let plan = neighbours {
            guard plan.start >= 0, plan.spacing >= 1, plan.timeCount >= 1, plan.neighbourCount >= 1 else {
                throw .invalidConfiguration("neighbour plan needs start ≥ 0, spacing ≥ 1, timeCount ≥ 1, neighbourCount ≥ 1")
            }
            guard plan.time(plan.timeCount) <= stepCount else {
                throw .invalidConfiguration("the last neighbour window ends at step \(plan.time(plan.timeCount)) "
                    + "but the reference stops at \(stepCount): raise stepCount or lower timeCount/spacing")
            }
            guard plan.within.allSatisfy({ $0.lowerBound >= 0 }), !plan.spawnedIndices.isEmpty else {
                throw .invalidConfiguration("no reference time t_i has [t_i, t_i + τ] inside the neighbour ranges \(plan.within)")
            }
        }
    }
}
