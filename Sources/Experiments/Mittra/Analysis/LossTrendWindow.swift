/// The windows over which the sensitivity analysis applies ``LossTrend`` (docs/PROTOCOL.md §2:
/// a verdict should not hang on one window choice): the whole late window, as the claim-1
/// rule does, and its second half, where a loss that settles late has settled.
public enum LossTrendWindow: String, Sendable, CaseIterable {
    /// Steps s…e of the late window.
    case late = "late window"
    /// Steps ⌊(s + e)/2⌋…e.
    case lateSecondHalf = "second half of the late window"

    /// The steps of this window for a late window `lateStart…lateEnd`.
    public func steps(lateStart: Int, lateEnd: Int) -> (start: Int, end: Int) {
        switch self {
        case .late: return (lateStart, lateEnd)
        case .lateSecondHalf: return ((lateStart + lateEnd) / 2, lateEnd)
        }
    }
}
