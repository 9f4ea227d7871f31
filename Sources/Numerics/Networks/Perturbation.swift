import NumericsCore

/// The law of the perturbation δ added to a copy of the reference parameters at the
/// start of a replica (w' = w + δ, computed in double precision).
///
/// Draw order: coordinates in ``ParameterLayout`` order, one draw per perturbed
/// coordinate; unperturbed coordinates consume no draws.
public enum PerturbationLaw: Sendable, Hashable, Codable {
    /// δ_p ~ N(0, σ²) independently on every parameter (Mittra's children, docs/PROTOCOL.md §1
    /// estimator 1 and §2: σ = 1e-4).
    case gaussian(standardDeviation: Double)
    /// δ_p ~ Uniform(−ε, ε) on every weight, biases unperturbed (Jiménez-González et al.,
    /// docs/PROTOCOL.md §1 estimator 4 and §3: ε = 1e-8).
    case uniformOnWeights(halfWidth: Double)

    /// The perturbed copy of `parameters`, drawing from `stream`.
    public func perturb(_ parameters: [Double], layout: ParameterLayout, stream: inout RandomStream) -> [Double] {
        var result = parameters
        switch self {
        case .gaussian(let standardDeviation):
            for p in 0..<result.count { result[p] += standardDeviation * stream.normal() }
        case .uniformOnWeights(let halfWidth):
            for layer in layout.layers {
                for p in layer.weights { result[p] += stream.uniform(-halfWidth, halfWidth) }
            }
        }
        return result
    }
}

/// R replicas of the reference, replica r (1…R) perturbed at t = 0 by `law` with the
/// stream of `key.derive("replica", r)`, each run for the first `steps` steps of the
/// reference's T (all T when nil): the replicas serve only the divergence estimators,
/// whose windows may end long before T (E4 fits end at step 24; docs/PROTOCOL.md §3.3).
public struct ReplicaPlan: Sendable, Hashable {
    /// Number of replicas R (may be 0).
    public let count: Int
    /// The perturbation law.
    public let law: PerturbationLaw
    /// Root key of the perturbations.
    public let key: SeedKey
    /// Steps every replica runs (its distances are recorded at 0…steps); nil: all T.
    public let steps: Int?

    /// A plan of `count` replicas run for `steps` steps (nil: as long as the reference).
    public init(count: Int, law: PerturbationLaw, key: SeedKey, steps: Int? = nil) {
        self.count = count
        self.law = law
        self.key = key
        self.steps = steps
    }

    /// The steps the replicas run in a training of `stepCount` steps.
    public func stepCount(of stepCount: Int) -> Int { min(steps ?? stepCount, stepCount) }
}

/// Neighbours spawned along the reference (Mittra's hybrid Wolf–Kantz estimator,
/// docs/PROTOCOL.md §1 estimator 1): at the M reference times t_i = start + i·spacing start U
/// neighbours w(t_i) + δ_ij, δ_ij ~ N(0, σ²) per coordinate from the stream of
/// `key.derive("time", i).derive("neighbour", j)`, and evolve each for `spacing` steps
/// with the same map (same batches, noise and a copy of the reference's optimizer state
/// at t_i).
public struct NeighbourPlan: Sendable, Hashable {
    /// t_0, the first reference time.
    public let start: Int
    /// τ, both the spacing of the reference times and the evolution length.
    public let spacing: Int
    /// M, the number of reference times of the grid.
    public let timeCount: Int
    /// U, neighbours per reference time.
    public let neighbourCount: Int
    /// σ, the per-coordinate standard deviation of δ.
    public let standardDeviation: Double
    /// Root key of the δ_ij.
    public let key: SeedKey
    /// Step ranges [a, b]: neighbours are spawned only at the t_i with a ≤ t_i and
    /// t_i + τ ≤ b for one of them (the estimator windows, the only times the hybrid
    /// estimator reads); empty: at every t_i. The index i, and with it every δ_ij, is
    /// that of the whole grid, so a spawned neighbour does not depend on the ranges.
    public let within: [ClosedRange<Int>]

    /// A plan; ``EnsembleTrainer`` checks that t_{M−1} + τ does not pass the last step.
    public init(start: Int, spacing: Int, timeCount: Int, neighbourCount: Int,
                standardDeviation: Double, key: SeedKey, within: [ClosedRange<Int>] = []) {
        self.start = start
        self.spacing = spacing
        self.timeCount = timeCount
        self.neighbourCount = neighbourCount
        self.standardDeviation = standardDeviation
        self.key = key
        self.within = within
    }

    /// t_i.
    public func time(_ i: Int) -> Int { start + i * spacing }

    /// The grid indices i at which neighbours are spawned, increasing.
    public var spawnedIndices: [Int] {
        (0..<timeCount).filter { i in
            within.isEmpty || within.contains { $0.lowerBound <= time(i) && time(i) + spacing <= $0.upperBound }
        }
    }
}
