import StageKit

/// The declared parameters of an experiment's three tasks; ``ExperimentStage/schema``
/// makes them the variants of the parameter `task`.
public struct TaskParameters: Sendable {
    /// The parameters of `aggregate`.
    public var aggregate: [ParameterField]
    /// The parameters of `figures`.
    public var figures: [ParameterField]
    /// The parameters of `section`. With a field named `benchmark` (``benchmark``) the
    /// section reads that benchmark record (``SectionInputs/benchmark``).
    public var section: [ParameterField]

    /// Creates the declarations.
    public init(aggregate: [ParameterField], figures: [ParameterField] = [], section: [ParameterField]) {
        (self.aggregate, self.figures, self.section) = (aggregate, figures, section)
    }

    /// The section parameter naming the benchmark record of the section's Speed paragraph.
    public static let benchmark = ParameterField(
        "benchmark", .string(),
        "the benchmark record of the Speed paragraph (bench/results/<suite>.json by `make bench-record`); also a declared input")

    /// Whether the section declares ``benchmark``.
    var sectionReadsBenchmark: Bool { section.contains { $0.name == Self.benchmark.name } }
}
