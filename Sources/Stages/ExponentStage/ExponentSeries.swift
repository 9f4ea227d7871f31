import Lyapunov

/// One column of an exponents file: an estimator over a window.
public struct ExponentSeries: Sendable, Equatable {
    public enum Window: String, Sendable {
        case early, late
        /// The divergence fit chooses its own window (DivergenceWindowRule).
        case automatic = "auto"
    }

    public var method: LyapunovMethod
    public var window: Window
    /// For the divergence fit: how the replicas' separations are averaged.
    public var average: SeparationAverage = .meanOfLogarithms

    /// The name used in files and figures, e.g. "tangent/late", "divergence-fit-log-mean/auto".
    public var name: String {
        let suffix = method == .divergenceFit && average == .logarithmOfMean ? "-log-mean" : ""
        return "\(ExponentSeries.methodName(method))\(suffix)/\(window.rawValue)"
    }

    /// The unit of the stored values.
    public var unit: String { method == .hybridWolfKantz ? "bits/step" : "nats/step" }

    static func methodName(_ method: LyapunovMethod) -> String {
        switch method {
        case .hybridWolfKantz: return "hybrid"
        case .benettin: return "benettin"
        case .tangentSpace: return "tangent"
        case .divergenceFit: return "divergence-fit"
        }
    }

    /// The series of the estimators named in a stage's parameters.
    static func list(_ names: [String]) -> [ExponentSeries] {
        var series: [ExponentSeries] = []
        for name in names {
            switch name {
            case "tangent": series += [.init(method: .tangentSpace, window: .early), .init(method: .tangentSpace, window: .late)]
            case "benettin": series += [.init(method: .benettin, window: .early), .init(method: .benettin, window: .late)]
            case "hybrid": series += [.init(method: .hybridWolfKantz, window: .early), .init(method: .hybridWolfKantz, window: .late)]
            case "divergence-fit-log-mean":
                series.append(.init(method: .divergenceFit, window: .automatic, average: .logarithmOfMean))
            default: series.append(.init(method: .divergenceFit, window: .automatic))
            }
        }
        return series
    }
}

extension EstimateStatus {
    /// A small integer for files: 0 ok, 1 diverged, 2 saturated, 3 degenerate, 4 poor fit, 5 not estimated.
    var code: Int64 {
        switch self {
        case .ok: return 0
        case .diverged: return 1
        case .saturated: return 2
        case .degenerate: return 3
        case .poorFit: return 4
        }
    }
}
