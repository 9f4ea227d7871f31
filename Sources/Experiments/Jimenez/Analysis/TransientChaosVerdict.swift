/// The verdict on E4's claim, "training time is minimal where λ turns positive"
/// (docs/PROTOCOL.md §3, Claim to test), by a rule fixed before any result is seen.
///
/// **The rule.** Let `Δ = argmin − onset` in grid steps (the argmin of the median τ minus
/// the onset η's index), `Δ̂` its value on all initialisations and `[L, U]` the 95 %
/// paired-bootstrap interval of Δ (``OnsetBootstrap/difference``). With tolerance
/// `k = 1` grid step:
/// 1. **inconclusive** when the onset or the argmin is undefined on the full sample (no
///    η has a positive median λ with an interval excluding 0, or no η's median τ reaches
///    the target), or the interval of Δ is undefined (more than 2.5 % of the resamples
///    lack one of them);
/// 2. **reproduced** when `|Δ̂| ≤ k` and `[L, U] ⊆ [−k, k]`;
/// 3. **not reproduced** when `[L, U]` and `[−k, k]` are disjoint;
/// 4. **inconclusive** otherwise: the interval straddles the tolerance, so the data are
///    compatible both with coincidence and with a separation.
///
/// **Why this rule.** The tolerance is the grid's resolution: the onset is the first grid
/// η past the zero crossing of λ, which lies somewhere between it and the previous grid
/// point, so "where λ turns positive" can only be located to one step. The decision uses
/// the *paired* difference, not the overlap of two marginal intervals: each
/// initialisation is run at every η, so onset and argmin move together across resamples,
/// and the overlap of two 95 % intervals is neither a 95 % statement about their
/// difference nor penalised by width (two wide intervals always overlap). Reproduction is
/// an equivalence claim, so it needs the whole interval inside the tolerance (the interval
/// form of a two one-sided test, Schuirmann 1987); refutation needs it wholly outside.
/// A wide interval therefore gives "inconclusive", never a verdict either way.
public enum TransientChaosVerdict: Sendable, Hashable {
    /// The argmin of τ lies within one grid step of the onset, and the bootstrap confirms it.
    case reproduced
    /// The bootstrap puts the argmin of τ more than one grid step from the onset.
    case notReproduced
    /// Neither, for `reason`.
    case inconclusive(InconclusiveReason)

    /// Why a verdict is inconclusive.
    public enum InconclusiveReason: String, Sendable, Hashable {
        /// No grid η has a positive median λ with an interval excluding 0.
        case noOnset
        /// No grid η's median training time reaches the target.
        case noTrainingTime
        /// Too many resamples lack an onset or an argmin for an interval of their difference.
        case differenceUndefined
        /// The interval of the difference straddles the tolerance.
        case unresolved
    }

    /// The tolerance `k`, in grid steps.
    public static let toleranceInGridSteps = 1

    /// The verdict from the point estimates and the interval of `argmin − onset`.
    public static func decide(
        onsetIndex: Int?, argminIndex: Int?, differenceInterval: ClosedRange<Int>?,
        tolerance: Int = toleranceInGridSteps
    ) -> TransientChaosVerdict {
        guard let onsetIndex else { return .inconclusive(.noOnset) }
        guard let argminIndex else { return .inconclusive(.noTrainingTime) }
        guard let interval = differenceInterval else { return .inconclusive(.differenceUndefined) }
        let accepted = -tolerance...tolerance
        if abs(argminIndex - onsetIndex) <= tolerance, accepted.contains(interval.lowerBound),
            accepted.contains(interval.upperBound)
        {
            return .reproduced
        }
        if !interval.overlaps(accepted) { return .notReproduced }
        return .inconclusive(.unresolved)
    }

    /// The verdict of a whole analysis (one averaging convention, one accuracy target).
    public static func decide(onset: ChaosOnset, trainingTime: TrainingTimeAnalysis, bootstrap: OnsetBootstrap) -> TransientChaosVerdict {
        decide(onsetIndex: onset.onsetIndex, argminIndex: trainingTime.argminIndex, differenceInterval: bootstrap.difference.interval)
    }
}
