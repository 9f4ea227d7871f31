import StageKit

/// The choices a Mittra figure leaves open: the parameters of the `figures` task. They
/// are also stored in each figure (``facts``) so that the `section` task describes the
/// figures as they were drawn, from the figures themselves.
public struct FigureOptions: Sendable, Equatable {
    /// The hidden-layer width of the single-width figures (the source's code uses 8).
    public var width: Int
    /// The early-window series of the reference estimator.
    public var earlySeries: String
    /// The late-window series of the reference estimator (the one whose onset is marked).
    public var lateSeries: String

    /// The default width (the source paper's code: 2-8-1, docs/PROTOCOL.md §2).
    public static let defaultWidth = 8
    /// The tangent-space estimator is the reference (docs/PROTOCOL.md §1, estimator 3).
    public static let defaultEarlySeries = "tangent/early"
    /// See ``defaultEarlySeries``.
    public static let defaultLateSeries = "tangent/late"

    /// Creates options.
    public init(
        width: Int = defaultWidth, earlySeries: String = defaultEarlySeries, lateSeries: String = defaultLateSeries
    ) {
        self.width = width
        self.earlySeries = earlySeries
        self.lateSeries = lateSeries
    }

    /// Reads `width`, `earlySeries` and `lateSeries` (all optional) of the `figures` task.
    public init(_ parameters: Parameters) throws {
        self.init(
            width: try parameters.int("width", default: FigureOptions.defaultWidth),
            earlySeries: parameters.has("earlySeries") ? try parameters.string("earlySeries") : FigureOptions.defaultEarlySeries,
            lateSeries: parameters.has("lateSeries") ? try parameters.string("lateSeries") : FigureOptions.defaultLateSeries)
    }

    /// The options as facts stored in a figure (`data-width`, `data-early-series`, `data-late-series`).
    public var facts: [String: String] {
        ["width": String(width), "early-series": earlySeries, "late-series": lateSeries]
    }

    /// The options stored in a figure at `path`, or an error when they are missing.
    public init(facts: [String: String], path: String) throws {
        guard let text = facts["width"], let width = Int(text), let early = facts["early-series"], let late = facts["late-series"] else {
            throw FigureError.missingOptions(path)
        }
        self.init(width: width, earlySeries: early, lateSeries: late)
    }
}
