/// Everything an ensemble run recorded, as flat row-major arrays (ready for HDF5).
///
/// Runs are numbered 0 (the reference) … R (replica r). Time index t counts steps: w_t is
/// the state after t steps. A quantity at a time at or after a run's divergence step is
/// NaN (see ``DivergenceStatus``); distances of every replica are NaN from the reference's
/// divergence step on as well.
public struct EnsembleResult: Sendable {
    /// 1 + R.
    public let runCount: Int
    /// Length of the parameter vector.
    public let parameterCount: Int
    /// T.
    public let stepCount: Int
    /// T_R ≤ T, the steps the replicas ran (``ReplicaPlan/steps``).
    public let replicaStepCount: Int
    /// The recorded steps (0, k, 2k, …, T).
    public let recordedSteps: [Int]
    /// The steps at which reference parameters were recorded.
    public let parameterSteps: [Int]
    /// Reference parameters at `parameterSteps`, `parameterSteps.count × parameterCount`.
    public let referenceParameters: [Double]
    /// Parameters of every run after its last step (T for the reference, T_R for the
    /// replicas), `runCount × parameterCount`.
    public let finalParameters: [Double]
    /// `runCount × (T+1)`: entry (r, t) is the loss of run r at w_t on step t's batch — for
    /// full-batch training the training loss L(w_t); for t = T the batch a step T would use
    /// (NaN for t ≥ T_R in a replica's row when T_R < T: it did not run).
    public let trainingLoss: [Double]
    /// Number of runs with evaluations: 1 (reference) or runCount.
    public let evaluatedRunCount: Int
    /// Test loss, `evaluatedRunCount × recordedSteps.count`; empty without a test set.
    public let testLoss: [Double]
    /// Test accuracy (same shape as `testLoss`).
    public let testAccuracy: [Double]
    /// Loss on the whole training set at the recorded steps (same shape; empty unless asked).
    public let trainingSetLoss: [Double]
    /// Accuracy on the whole training set (same shape as `trainingSetLoss`).
    public let trainingSetAccuracy: [Double]
    /// Names of the optimizer's diagnostics (``Optimizer/diagnosticNames(layout:)``).
    public let diagnosticNames: [String]
    /// The reference's optimizer diagnostics, `recordedSteps.count × diagnosticNames.count`.
    public let diagnostics: [Double]
    /// Names of the diagnostics measured inside the step at the thermostat's own point
    /// (``Optimizer/thermostatPointDiagnosticNames(layout:)``); empty for most optimizers.
    public var thermostatPointDiagnosticNames: [String] = []
    /// The reference's thermostat-point diagnostics, `recordedSteps.count ×
    /// thermostatPointDiagnosticNames.count` (NaN at step 0, before any step measured them).
    public var thermostatPointDiagnostics: [Double] = []
    /// `R × (T_R+1)`: ‖w^r_t − w_t‖₁ for replica r (row r−1).
    public let distanceL1: [Double]
    /// `R × (T_R+1)`: ‖w^r_t − w_t‖₂.
    public let distanceL2: [Double]
    /// How each run ended, `runCount`.
    public let statuses: [DivergenceStatus]
    /// The t_i at which neighbours were spawned (``NeighbourPlan/spawnedIndices``; empty
    /// without a plan).
    public let neighbourTimes: [Int]
    /// U, neighbours per reference time (0 without a plan).
    public let neighbourCount: Int
    /// `M × U` (M spawned times): ‖w^j(t_i) − w(t_i)‖₂ after rounding w(t_i) + δ_ij.
    public let neighbourInitialDistance: [Double]
    /// `M × U`: ‖w^j(t_i+τ) − w(t_i+τ)‖₂ (NaN if the neighbour or the reference diverged).
    public let neighbourFinalDistance: [Double]
    /// `M × U` statuses of the neighbours (their steps are global step indices).
    public let neighbourStatuses: [DivergenceStatus]

    /// Row r of `trainingLoss`.
    public func trainingLoss(run: Int) -> ArraySlice<Double> {
        trainingLoss[(run * (stepCount + 1))..<((run + 1) * (stepCount + 1))]
    }

    /// Row of replica r (1…R) of `distanceL1`.
    public func distanceL1(replica: Int) -> ArraySlice<Double> {
        distanceL1[((replica - 1) * (replicaStepCount + 1))..<(replica * (replicaStepCount + 1))]
    }

    /// Row of replica r (1…R) of `distanceL2`.
    public func distanceL2(replica: Int) -> ArraySlice<Double> {
        distanceL2[((replica - 1) * (replicaStepCount + 1))..<(replica * (replicaStepCount + 1))]
    }

    /// Reference parameters at the i-th parameter step.
    public func referenceParameters(record: Int) -> ArraySlice<Double> {
        referenceParameters[(record * parameterCount)..<((record + 1) * parameterCount)]
    }
}
