/// The plain verdict on one of the source paper's claims.
public enum Verdict: String, Sendable, Equatable {
    /// Every part of the claim holds by its rule.
    case reproduced = "reproduced"
    /// Some parts hold, others do not.
    case partlyReproduced = "partly reproduced"
    /// No part holds.
    case notReproduced = "not reproduced"
    /// No regime of the experiment can test the claim (``RegimeTest``): neither way.
    case notTestable = "not testable"

    /// The verdict on a claim made of parts, `held` of which hold out of `total`.
    public static func of(held: Int, total: Int) -> Verdict {
        if total > 0 && held == total { return .reproduced }
        return held > 0 ? .partlyReproduced : .notReproduced
    }
}
