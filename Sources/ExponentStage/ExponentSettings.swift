import Lyapunov
import StageKit

/// The estimation settings of an `estimate-exponents` stage (README.md, "estimate-exponents").
public struct ExponentSettings: Sendable {
    public var windows: (early: StepWindow, late: StepWindow)
    public var series: [ExponentSeries]
    public var spectrumCount: Int
    public var benettinSeparation: Double
    public var divergenceRule: DivergenceWindowRule
    public var sharpnessIterations: Int
    /// The loss counts as still falling when it drops by more than this fraction over the late window.
    public var fallingThreshold: Double

    public init(_ parameters: Parameters) throws {
        let windows = try parameters.object("windows")
        func window(_ name: String) throws -> StepWindow {
            let bounds = try windows.ints(name)
            guard bounds.count == 2, bounds[0] >= 0, bounds[1] > bounds[0] else {
                throw StageError.parameter(path: "\(windows.path).\(name)", message: "must be [start, end] with 0 ≤ start < end")
            }
            return StepWindow(start: bounds[0], end: bounds[1])
        }
        self.windows = (try window("early"), try window("late"))
        series = ExponentSeries.list(
            try parameters.strings("estimators", oneOf: ["tangent", "benettin", "hybrid", "divergence-fit"]))
        spectrumCount = try parameters.int("spectrumCount", default: 1)
        benettinSeparation = try parameters.double("benettinSeparation", default: 1e-8)
        let fit = try parameters.object("divergenceFit")
        divergenceRule = DivergenceWindowRule(
            fitStart: try fit.int("fitStart", atLeast: 0), minimumLength: try fit.int("minimumLength", atLeast: 2),
            minimumRSquared: try fit.double("minimumRSquared"), saturationMargin: try fit.double("saturationMargin"))
        sharpnessIterations = try parameters.int("sharpnessIterations", atLeast: 1)
        fallingThreshold = try parameters.double("lossFallingThreshold")
    }

    /// The window of a series.
    func stepWindow(_ window: ExponentSeries.Window) -> StepWindow? {
        switch window {
        case .early: return windows.early
        case .late: return windows.late
        case .automatic: return nil
        }
    }
}
