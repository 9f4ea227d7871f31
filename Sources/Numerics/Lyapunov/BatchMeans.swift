import Foundation
import Statistics

/// The statistical error of a finite-time Lyapunov estimate (docs/PROTOCOL.md §1.8).
///
/// An estimate is a time average of local growth rates along one orbit, `Σ c_i / Σ n_i`
/// (`c_i` the log growth over `n_i` steps), or an average over replicas. Local rates are
/// correlated in time, so their sample variance says little; the method of batch means
/// does not need the correlations: the contributions are cut into `B` consecutive batches
/// of (nearly) equal count, each batch gives its own average, and for batches much longer
/// than the correlation time these are nearly independent with the variance of the whole
/// average times `B` (Flegal & Jones 2010, Ann. Statist. 38:1034). The standard error is
/// `sd(batch averages) / √B`, with `B − 1` degrees of freedom.
public enum BatchMeans {
    /// `B`, the number of batches (or replica groups) used throughout.
    public static let batchCount = 20

    /// The batch-means standard error of `Σ contributions / Σ lengths`: NaN when there are
    /// fewer than ``batchCount`` contributions or a non-finite one.
    public static func standardError(contributions: [Double], lengths: [Int]) -> Double {
        precondition(contributions.count == lengths.count, "one length per contribution")
        guard contributions.count >= batchCount, contributions.allSatisfy(\.isFinite) else { return .nan }
        let averages = groups(of: contributions.count).map { range -> Double in
            var sum = 0.0, length = 0
            for index in range {
                sum += contributions[index]
                length += lengths[index]
            }
            return sum / Double(length)
        }
        return standardError(ofGroupValues: averages)
    }

    /// `sd(values) / √count` (sample standard deviation, ``Descriptive/standardError(_:)``):
    /// the standard error of the mean of independent group values, e.g. the slopes of replica
    /// groups; NaN for fewer than two or a non-finite value.
    public static func standardError(ofGroupValues values: [Double]) -> Double {
        (try? Descriptive.standardError(values)) ?? .nan
    }

    /// The group ranges of `count` items cut into ``batchCount`` consecutive, nearly equal
    /// groups (empty when `count < batchCount`).
    public static func groups(of count: Int) -> [Range<Int>] {
        guard count >= batchCount else { return [] }
        return (0..<batchCount).map { ($0 * count / batchCount)..<(($0 + 1) * count / batchCount) }
    }
}
