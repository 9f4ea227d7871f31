import Statistics

/// How close a divergence fit's λ is to the tangent-space λ of the same run (docs/PROTOCOL.md
/// §3: "check the fit against the tangent-space λ"): the median of |λ_fit − λ_tangent| over
/// the runs whose fit was accepted and whose tangent estimate is available.
public struct TangentAgreement: Sendable, Equatable {
    /// Runs compared.
    public let count: Int
    /// The median absolute difference (nats/step); NaN when `count` is 0.
    public let medianAbsoluteDifference: Double

    /// The agreement of `fit[n]` (`nil`: fit not accepted) with `tangent[n]` (`nil`: not
    /// available), the same runs in the same order.
    public init(fit: [Double?], tangent: [Double?]) {
        precondition(fit.count == tangent.count, "one tangent estimate per fitted run")
        let differences = zip(fit, tangent).compactMap { pair -> Double? in
            guard let f = pair.0, let g = pair.1, f.isFinite, g.isFinite else { return nil }
            return abs(f - g)
        }
        count = differences.count
        medianAbsoluteDifference = (try? Quantiles.median(differences)) ?? .nan
    }
}
