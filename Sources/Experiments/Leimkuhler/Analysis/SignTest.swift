import Foundation

/// The exact one-sided sign test over paired seeds (docs/PROTOCOL.md §4, the amended "faster"
/// rule): under the null hypothesis each untied pair is a win or a loss with probability ½,
/// so the p-value of `wins` out of `wins + losses` untied pairs is P(Binomial(n, ½) ≥ wins).
/// Ties take no part.
public enum SignTest {
    /// P(X ≥ `wins`) for X ~ Binomial(`wins` + `losses`, ½); 1 when there are no untied pairs.
    public static func oneSidedPValue(wins: Int, losses: Int) -> Double {
        let n = wins + losses
        guard n > 0, wins > 0 else { return 1 }
        // Σ_{k ≥ wins} C(n, k) / 2ⁿ, each term in logarithms (n is the number of seeds: small).
        var total = 0.0
        for k in wins...n {
            total += exp(lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) - Double(n) * log(2))
        }
        return min(1, total)
    }
}
