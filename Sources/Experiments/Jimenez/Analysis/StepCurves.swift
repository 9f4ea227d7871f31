import Foundation
import Statistics

/// The per-step curves of the E4 figure (docs/PROTOCOL.md §3, Figure: "d(t) per η and accuracy
/// against step"), one η at a time.
public enum StepCurves {
    /// ⟨ln d(t)/d(0)⟩ at every step: for each initialisation the mean over its replicas of
    /// ln(d_r(t)/d_r(0)), then the mean over initialisations. `distances[i][r][t]` is the
    /// distance of replica `r` of initialisation `i` from its reference after `t` steps.
    /// Non-finite or non-positive distances (a diverged run) are left out of the means at
    /// that step; a step with none left is NaN.
    public static func meanLogDivergence(_ distances: [[[Double]]]) -> [Double] {
        let steps = distances.lazy.flatMap { $0 }.map(\.count).max() ?? 0
        return (0..<steps).map { t in
            let perInitialisation = distances.compactMap { replicas -> Double? in
                let logs = replicas.compactMap { d -> Double? in
                    guard t < d.count, let start = d.first, start > 0, start.isFinite, d[t] > 0, d[t].isFinite else { return nil }
                    return Foundation.log(d[t] / start)
                }
                return logs.isEmpty ? nil : logs.reduce(0, +) / Double(logs.count)
            }
            return perInitialisation.isEmpty ? .nan : perInitialisation.reduce(0, +) / Double(perInitialisation.count)
        }
    }

    /// The median over initialisations of `accuracy[i][t]` at every step `t`, ignoring
    /// non-finite values; NaN where none is finite.
    public static func medianAccuracy(_ accuracy: [[Double]]) -> [Double] {
        let steps = accuracy.map(\.count).max() ?? 0
        return (0..<steps).map { t in
            let values = accuracy.compactMap { t < $0.count && $0[t].isFinite ? $0[t] : nil }
            return (try? Quantiles.median(values)) ?? .nan
        }
    }
}
