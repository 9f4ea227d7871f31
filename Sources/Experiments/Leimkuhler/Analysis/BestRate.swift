/// The rule, fixed in advance, that marks SGD's best learning rate (docs/PROTOCOL.md §4: "sweep a
/// small grid and report all, marking the best"): the highest mean test accuracy at the
/// last evaluation (epoch 4000); ties go to the smaller rate (the first in grid order).
public enum BestRate {
    /// The index into `finalMeans` of the best rate; nil when none is finite.
    public static func index(finalMeans: [Double]) -> Int? {
        var best: Int?
        for (i, value) in finalMeans.enumerated() where value.isFinite {
            if best == nil || value > finalMeans[best!] { best = i }
        }
        return best
    }
}
