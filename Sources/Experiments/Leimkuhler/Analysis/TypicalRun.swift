/// The rule, fixed in advance, that picks the run a decision-boundary panel shows: the
/// *typical* run, the seed whose final test accuracy is the median over seeds. For an
/// even count the lower of the two middle values is the median; when several seeds share
/// that value the one with the smallest seed index is taken. Non-finite accuracies
/// (diverged seeds) take no part.
public enum TypicalRun {
    /// The rule in words, for captions.
    public static let rule = "the seed whose final test accuracy is the median over seeds (for an even count the lower of the two middle values; ties to the smaller seed index)"

    /// The position in `finalAccuracies` (ordered by seed index) of the typical run; nil when none is finite.
    public static func index(finalAccuracies: [Double]) -> Int? {
        let finite = finalAccuracies.filter(\.isFinite).sorted()
        guard !finite.isEmpty else { return nil }
        let median = finite[(finite.count - 1) / 2]
        return finalAccuracies.firstIndex(of: median)
    }
}
