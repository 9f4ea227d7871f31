import HDF5

/// Everything `data/mittra/aggregate.h5` holds (AGGREGATE_LAYOUT.md): experiments E1,
/// E2 and E3 of SCIENCE.md §2. Figures and the paper read it through this one type.
public struct MittraResults: Sendable {
    /// E1: λ vs learning rate.
    public let sweep: LearningRateSweep
    /// E2: activation ranking (Table 1).
    public let ranking: ActivationRanking
    /// E3: choosing initial weights (Fig. 5).
    public let initialWeights: InitialWeightStudy

    /// Reads the aggregate file at `path`.
    public static func read(path: String) throws -> MittraResults {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        return MittraResults(
            sweep: try LearningRateSweep(file: file), ranking: try ActivationRanking(file: file),
            initialWeights: try InitialWeightStudy(file: file))
    }

    /// Creates the results from its three parts.
    public init(sweep: LearningRateSweep, ranking: ActivationRanking, initialWeights: InitialWeightStudy) {
        self.sweep = sweep
        self.ranking = ranking
        self.initialWeights = initialWeights
    }
}
