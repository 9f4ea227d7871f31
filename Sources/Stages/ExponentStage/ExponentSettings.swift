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

    /// The declared parameters of `estimate-exponents` (mode `ensembles` or `validate`).
    public static let schema = ParameterSchema([], variants: (key: "mode", cases: [
        "validate": [],
        "ensembles": [
            ParameterField("data", .string(), "the declared input holding the training data"),
            ParameterField("ensembles", .string(), "the declared input holding the ensembles (train-ensembles)"),
            ParameterField("windows", .object([
                ParameterField("early", .array(.integer(atLeast: 0)), "[start, end) steps of the early window (the learning transient)"),
                ParameterField("late", .array(.integer(atLeast: 0)), "[start, end) steps of the late window (after the loss settles)"),
            ]), "the step windows of the finite-time exponents"),
            ParameterField("estimators", .array(.string(oneOf: ["tangent", "benettin", "hybrid", "divergence-fit", "divergence-fit-log-mean"])),
                           "which estimators to run (docs/PROTOCOL.md §1); divergence-fit fits ⟨ln d⟩, divergence-fit-log-mean fits ln⟨d⟩ (docs/PROTOCOL.md §3)"),
            ParameterField("spectrumCount", .integer(atLeast: 1), default: .int(1), "k, tangent vectors of the late-window spectrum"),
            ParameterField("benettinSeparation", .number, default: .double(1e-8), "d0 of Benettin's method, relative to max(1, ‖w‖)"),
            ParameterField("divergenceFit", .object([
                ParameterField("fitStart", .integer(atLeast: 0), "first step a fit window may start at"),
                ParameterField("minimumLength", .integer(atLeast: 2), "shortest fit window, in points"),
                ParameterField("minimumRSquared", .number, "the straight line must reach this R²"),
                ParameterField("saturationMargin", .number, "window ends this many nats below saturation (ln 1000 = 6.9: three decades)"),
                ParameterField("selection", .string(oneOf: ["longest-below-saturation", "best-r-squared", "steepest-well-fitting"]),
                               default: .string("longest-below-saturation"),
                               "longest straight stretch below saturation, the window of best R² (the E4 authors' earlier code, docs/PROTOCOL.md §3), or the steepest window with R² above the threshold (the amended E4 rule, docs/PROTOCOL.md §3.6)"),
                ParameterField("maximumLength", .integer(atLeast: 1), default: .int(23),
                               "best-r-squared: the longest window; steepest-well-fitting: the scanned span after fitStart; in steps"),
            ]), "the window rule of the divergence fit"),
            ParameterField("sharpnessIterations", .integer(atLeast: 0), "power iterations for the top Hessian eigenvalue at the end (0: not computed)"),
            ParameterField("lossFallingThreshold", .number, "the loss counts as still falling when it drops by more than this fraction over the late window"),
        ],
    ]))

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
            try parameters.strings("estimators"))
        spectrumCount = try parameters.int("spectrumCount")
        benettinSeparation = try parameters.double("benettinSeparation")
        let fit = try parameters.object("divergenceFit")
        divergenceRule = DivergenceWindowRule(
            fitStart: try fit.int("fitStart", atLeast: 0), minimumLength: try fit.int("minimumLength", atLeast: 2),
            minimumRSquared: try fit.double("minimumRSquared"), saturationMargin: try fit.double("saturationMargin"),
            selection: try Self.selection(fit))
        sharpnessIterations = try parameters.int("sharpnessIterations")
        fallingThreshold = try parameters.double("lossFallingThreshold")
    }

    /// The window selection named by `divergenceFit.selection`.
    private static func selection(_ fit: Parameters) throws -> WindowSelection {
        switch try fit.string("selection") {
        case "best-r-squared": .bestRSquared(maximumLength: try fit.int("maximumLength"))
        case "steepest-well-fitting": .steepestWellFitting(maximumLength: try fit.int("maximumLength"))
        default: .longestBelowSaturation
        }
    }

    /// The divergence-fit rule with the replicas' separations averaged by `average`.
    func divergenceRule(averaging average: SeparationAverage) -> DivergenceWindowRule {
        var rule = divergenceRule
        rule.average = average
        return rule
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
