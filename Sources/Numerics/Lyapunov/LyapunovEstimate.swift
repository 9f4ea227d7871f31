import Foundation

/// The result every Lyapunov estimator returns (docs/PROTOCOL.md §1: every estimate is a
/// finite-time exponent over a stated window, and the window is reported).
///
/// `exponents` are per step in `base` (one entry for the maximal exponent; `k` for a
/// tangent-space spectrum, in Gram–Schmidt order, which is descending as `T → ∞`). They are computed over `window` only;
/// when `status` is not ``EstimateStatus/ok`` the window is the valid part before the
/// event that `status` names, and `exponents` is empty when no valid part exists.
/// No field is ever NaN because of the dynamics.
public struct LyapunovEstimate: Sendable, Equatable {
    /// Which estimator produced this.
    public var method: LyapunovMethod
    /// The exponents per step in `base`, the maximal one first.
    public var exponents: [Double]
    /// The logarithm the exponents are in: natural (nats) or binary (bits, Mittra Eq. 4).
    public var base: LogarithmBase
    /// The time one step represents (`Δt`): 1 for maps, `h` for a discretized flow, `η` for GD.
    public var timeStep: Double
    /// The finite-time series behind the estimate; its meaning is `seriesKind`.
    public var series: [Double]
    /// What `series` holds.
    public var seriesKind: FiniteTimeSeriesKind
    /// The steps the estimate covers (see ``StepWindow`` for how steps are counted).
    public var window: StepWindow
    /// Whether the estimate is complete, or why it stopped early.
    public var status: EstimateStatus
    /// The straight-line fit behind a divergence-fit estimate (`nil` for the other methods).
    public var fit: LinearFit?
    /// The rule that chose a divergence-fit window (`nil` for the other methods).
    public var windowRule: DivergenceWindowRule?
    /// The statistical standard error of each exponent, same unit: batch means over
    /// ``BatchMeans/batchCount`` consecutive batches of the measurement (tangent, Benettin,
    /// hybrid) or the spread of the slopes of as many replica groups (divergence fit);
    /// NaN when the run is too short or has too few replicas for that many batches.
    public var standardErrors: [Double] = []

    /// Creates an estimate from its parts.
    public init(
        method: LyapunovMethod, exponents: [Double], base: LogarithmBase, timeStep: Double,
        series: [Double], seriesKind: FiniteTimeSeriesKind, window: StepWindow,
        status: EstimateStatus, fit: LinearFit? = nil, windowRule: DivergenceWindowRule? = nil
    ) {
        self.method = method
        self.exponents = exponents
        self.base = base
        self.timeStep = timeStep
        self.series = series
        self.seriesKind = seriesKind
        self.window = window
        self.status = status
        self.fit = fit
        self.windowRule = windowRule
    }

    /// The maximal exponent per step in `base`, or `nil` when there is no estimate.
    public var maximalExponent: Double? { exponents.first }

    /// The exponents per unit time (`exponents / timeStep`), in `base`.
    public var exponentsPerUnitTime: [Double] { exponents.map { $0 / timeStep } }

    /// The exponents per step converted to nats, for comparing methods.
    public var natsPerStep: [Double] { exponents.map { $0 * base.natsPerUnit } }

    /// The exponents per unit time converted to nats.
    public var natsPerUnitTime: [Double] { natsPerStep.map { $0 / timeStep } }
}

/// The four estimators of docs/PROTOCOL.md §1.
public enum LyapunovMethod: String, Sendable, Codable, CaseIterable {
    /// Mittra (2024) Eq. 4: Wolf's ratio with Kantz's neighbour average.
    case hybridWolfKantz
    /// Benettin et al. (1980): two trajectories, renormalized every `k` steps.
    case benettin
    /// Tangent vectors with exact Jacobian–vector products and QR (Benettin et al. 1980).
    case tangentSpace
    /// Jiménez-González, Soriano & Lacasa (2025): slope of the mean log-separation.
    case divergenceFit
}

/// The logarithm an exponent is expressed in.
public enum LogarithmBase: String, Sendable, Codable {
    /// Natural logarithm: nats.
    case natural
    /// Base-2 logarithm: bits (Mittra 2024, Eq. 4).
    case binary

    /// How many nats one unit of this base is (1, or `ln 2`).
    public var natsPerUnit: Double {
        switch self {
        case .natural: 1
        case .binary: log(2.0)
        }
    }
}

/// What the finite-time series of an estimate holds (all per step, in the estimate's base).
public enum FiniteTimeSeriesKind: String, Sendable, Codable {
    /// The running estimate of the maximal exponent after each orthonormalization.
    case runningEstimate
    /// One finite-time exponent per window (per renormalization segment or reference time).
    case perWindow
    /// The replica mean of `ln(d(t)/d(0))` at every step `t` (not divided by `t`).
    case meanLogSeparation
    /// `ln(⟨d(t)⟩/⟨d(0)⟩)`, the log of the replica-mean separation, at every step `t`.
    case logMeanSeparation
}

extension SeparationAverage {
    /// What the curve of this average is, as an estimate's ``LyapunovEstimate/seriesKind``.
    public var seriesKind: FiniteTimeSeriesKind {
        switch self {
        case .meanOfLogarithms: .meanLogSeparation
        case .logarithmOfMean: .logMeanSeparation
        }
    }
}

/// A closed range of steps `start...end`. Map-based entries count the map's step
/// indices (0 = the initial state, so a window starts after the transient; for the
/// divergence fit, at the perturbation); the lower-level entries use the caller's
/// indices (`referenceSteps`, `firstStep`).
public struct StepWindow: Sendable, Equatable, Codable {
    /// The first step of the window.
    public var start: Int
    /// The last step of the window (`end − start` steps are covered).
    public var end: Int

    /// The window `start...end`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The number of steps covered, `end − start`.
    public var length: Int { end - start }
}
