/// The readable names of the λ series that figures, captions and tables print (issue #21:
/// every series gets a readable name; the paper's glossary maps it to its code name):
/// `tangent/late` → "tangent λ, late window", `divergence-fit-log-mean/auto` →
/// "divergence fit, ln⟨d⟩". A name this table does not know is printed as it is.
public enum SeriesNames {
    /// The code names of the series the paper prints, in the order the estimators are
    /// introduced: the rows of the paper's glossary (readable name by ``readable(_:)``).
    public static let glossaryOrder: [String] = [
        "tangent/early", "tangent/late", "benettin/early", "benettin/late",
        "hybrid/early", "hybrid/late", "divergence-fit/auto", "divergence-fit-log-mean/auto",
        "divergence-fit/steepest", "divergence-fit-log-mean/steepest",
    ]

    /// The readable name of an estimator (the part of a series name before "/").
    public static func estimator(_ code: String) -> String {
        switch code {
        case "tangent": return "tangent λ"
        case "benettin": return "Benettin λ"
        case "hybrid": return "hybrid λ (Mittra's Eq. 4)"
        case "divergence-fit": return "divergence fit, ⟨ln d⟩"
        case "divergence-fit-log-mean": return "divergence fit, ln⟨d⟩"
        default: return code
        }
    }

    /// The readable name of a series: the estimator's name, then ", early window",
    /// ", late window" or ", steepest window" (E4's amended window rule) for those windows
    /// (a window such as `auto`, the best-R² window, adds nothing).
    public static func readable(_ series: String) -> String {
        let parts = series.split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first else { return series }
        let name = estimator(first)
        guard parts.count == 2, ["early", "late", "steepest"].contains(parts[1]) else { return name }
        return "\(name), \(parts[1]) window"
    }
}
