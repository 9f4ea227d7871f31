import Dynamics
import NumericsCore
import Synchronization

/// A training optimizer as the dynamical map the Lyapunov estimators see (docs/PROTOCOL.md §1):
/// the state is `x = (w, s)` — the parameters, then the optimizer's carried state — and
/// step t is exactly the trainer's step t: the same ``Optimizer/step`` on the minibatch
/// `batches` gives step t, with the noise of `noiseKey.derive("step", t)`. Its Jacobian is
/// the optimizer's exact ``DifferentiableOptimizer/applyJacobian`` with Hessian–vector
/// products of that same minibatch. So "the map" of the tangent and Benettin estimators
/// and the trajectory of `EnsembleTrainer` are one implementation (tested bit for bit).
public struct OptimizerMap<O: DifferentiableOptimizer>: DynamicalMap {
    /// The network and loss.
    public let architecture: Architecture
    /// The training set the batches are drawn from.
    public let trainingSet: Dataset
    /// The update rule.
    public let optimizer: O
    /// Which samples step t uses (the realized schedule of the reference run).
    public let batches: BatchSchedule
    /// Root of the per-step noise keys (as in ``EnsembleConfiguration/noiseKey``).
    public let noiseKey: SeedKey
    /// The engine the run was trained with (the trajectory is replayed with it).
    public let engine: GradientEngine
    /// The evaluator and the current epoch's permutation, reused from step to step as the
    /// trainer's step worker reuses its own (a replay of 80 000 minibatch steps would
    /// otherwise build a workspace and reshuffle an epoch at every step). Results do not
    /// depend on it: a pass overwrites every buffer it reads. Guarded by a mutex, so
    /// copies of one map used on several threads stay correct (they take turns).
    let scratch = ReplayScratch.Shared()

    /// The map of `optimizer` on `architecture` trained on `trainingSet`.
    public init(architecture: Architecture, trainingSet: Dataset, optimizer: O,
                batches: BatchSchedule = .fullBatch, noiseKey: SeedKey, engine: GradientEngine = .blockLanes) {
        self.architecture = architecture
        self.trainingSet = trainingSet
        self.optimizer = optimizer
        self.batches = batches
        self.noiseKey = noiseKey
        self.engine = engine
    }

    /// P, the number of network parameters (the first P coordinates of the state).
    public var parameterCount: Int { architecture.parameterCount }
    /// P plus the optimizer's carried state.
    public var dimension: Int { parameterCount + optimizer.stateDimension(layout: architecture.layout) }
    /// The optimizer's time step (the learning rate for gradient methods).
    public var timeStep: Double { optimizer.timeStep }
    /// The coordinates of the parameters: where replicas are perturbed and tangent vectors start.
    public var parameterCoordinates: [Int] { Array(0..<parameterCount) }

    /// The state `(w_0, s_0)` a training run starts from at `parameters`.
    public func initialState(parameters: [Double]) -> [Double] {
        let layout = architecture.layout
        return parameters + optimizer.coordinates(of: optimizer.initialState(parameters: parameters, layout: layout), layout: layout)
    }

    /// Step `time`: the optimizer's update on that step's batch and noise.
    public func step(_ state: inout [Double], time: Int) {
        let layout = architecture.layout
        var parameters = Array(state[0..<parameterCount])
        var optimizerState = optimizer.state(coordinates: state[parameterCount...], step: time, layout: layout)
        scratch.mutex.withLock { scratch in
            let batch = self.batch(at: time, cache: &scratch.epoch)
            let evaluator = scratch.evaluator(engine, architecture)
            _ = optimizer.step(parameters: &parameters, state: &optimizerState, context: context(time),
                               gradient: Self.gradientOracle(batch, evaluator: evaluator))
        }
        state = parameters + optimizer.coordinates(of: optimizerState, layout: layout)
    }

    /// `J v` for the step at `state` and `time`.
    public func applyJacobian(at state: [Double], time: Int, to vectors: inout [[Double]]) {
        let layout = architecture.layout
        let parameters = Array(state[0..<parameterCount])
        let optimizerState = optimizer.state(coordinates: state[parameterCount...], step: time, layout: layout)
        let count = parameterCount
        scratch.mutex.withLock { scratch in
            let batch = self.batch(at: time, cache: &scratch.epoch)
            let evaluator = scratch.evaluator(engine, architecture)
            // The same pass as GradientEngine.hessianVectorProduct, on the reused evaluator.
            let products = HessianVectorOracle { w, v in
                guard w.count == count, v.count == count else { return [Double](repeating: .nan, count: count) }
                var result = [Double](repeating: 0, count: count)
                w.withUnsafeBufferPointer { p in
                    v.withUnsafeBufferPointer { d in
                        result.withUnsafeMutableBufferPointer { out in
                            evaluator.hessianVectorProduct(parameters: p.baseAddress!, batch: batch, direction: d.baseAddress!, product: out.baseAddress!)
                        }
                    }
                }
                return result
            }
            optimizer.applyJacobian(parameters: parameters, state: optimizerState, context: context(time),
                                    gradient: Self.gradientOracle(batch, evaluator: evaluator), hessianVectorProduct: products, tangents: &vectors)
        }
    }

    /// The loss of step `time`'s batch at `parameters`.
    public func loss(parameters: [Double], time: Int) -> Double {
        (try? architecture.loss(parameters: parameters, batch: batch(at: time))) ?? .nan
    }

    /// The gradient and Hessian–vector products of step `time`'s batch (for sharpness).
    public func hessianVectorProduct(parameters: [Double], vector: [Double], time: Int) -> [Double] {
        product(parameters: parameters, vector: vector, batch: batch(at: time))
    }

    /// H(w) v on `batch` with the run's engine.
    func product(parameters: [Double], vector: [Double], batch: Batch) -> [Double] {
        engine.hessianVectorProduct(architecture, parameters: parameters, vector: vector, batch: batch)
    }

    func context(_ time: Int) -> StepContext {
        StepContext(step: time, layout: architecture.layout, noiseKey: noiseKey.derive("step", time))
    }

    func batch(at time: Int) -> Batch {
        let indices = batches.indices(step: time, sampleCount: trainingSet.sampleCount)
        return Batch(validated: trainingSet, indices: indices)
    }

    /// Step `time`'s batch, reshuffling in `cache` only when the epoch changes.
    func batch(at time: Int, cache: inout BatchSchedule.EpochCache) -> Batch {
        Batch(validated: trainingSet, indices: cache.indices(schedule: batches, step: time, sampleCount: trainingSet.sampleCount))
    }

    /// The same gradient computation as the trainer's (the run's engine, one pass per call).
    func gradientOracle(_ batch: Batch) -> GradientOracle {
        Self.gradientOracle(batch, evaluator: engine.makeEvaluator(architecture))
    }

    /// The gradient of `batch` by `evaluator` (one pass per call).
    static func gradientOracle(_ batch: Batch, evaluator: any BatchEvaluator) -> GradientOracle {
        GradientOracle { parameters, gradient in
            parameters.withUnsafeBufferPointer { p in
                gradient.withUnsafeMutableBufferPointer { g in
                    evaluator.lossAndGradient(parameters: p.baseAddress!, batch: batch, gradient: g.baseAddress!,
                                              countCorrect: false).loss
                }
            }
        }
    }
}

/// What an ``OptimizerMap`` reuses across steps: the epoch's permutation and the engine's
/// evaluator (made on first use).
struct ReplayScratch {
    var epoch = BatchSchedule.EpochCache()
    var made: (any BatchEvaluator)?

    /// One scratch shared by a map and its copies, one user at a time.
    final class Shared: Sendable {
        let mutex = Mutex(ReplayScratch())
    }

    mutating func evaluator(_ engine: GradientEngine, _ architecture: Architecture) -> any BatchEvaluator {
        if let made { return made }
        let evaluator = engine.makeEvaluator(architecture)
        made = evaluator
        return evaluator
    }
}
