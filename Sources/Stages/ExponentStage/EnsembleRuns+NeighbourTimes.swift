import EnsembleReplay

extension EnsembleRuns {
    /// The indices into ``EnsembleRuns/neighbourSteps`` of the reference times a window of
    /// steps [`start`, `end`) uses: t_i ≥ start and t_i + τ ≤ end (the hybrid estimator's rule,
    /// shared by the estimate, its cost and the stage's coverage check).
    func neighbourTimes(from start: Int, to end: Int) -> [Int] {
        neighbourSteps.indices.filter { neighbourSteps[$0] >= start && neighbourSteps[$0] + neighbourHorizon <= end }
    }
}
