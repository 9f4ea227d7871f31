/// The readable name of every E4 λ series (issue 21: prose, captions, table headers and
/// legends use these; the code name appears only in a table's source line and the glossary).
public enum SeriesNames {
    /// The readable name of the series `code` (e.g. `tangent/late` → "tangent λ, late window");
    /// an unknown code name is returned unchanged, so that nothing is hidden.
    public static func readable(_ code: String) -> String {
        table[code] ?? code
    }

    /// Every code name with its readable name.
    public static let table: [String: String] = [
        "tangent/early": "tangent λ, early window",
        "tangent/late": "tangent λ, late window",
        "divergence-fit/auto": "divergence fit, ⟨ln d⟩",
        "divergence-fit-log-mean/auto": "divergence fit, ln⟨d⟩",
        "divergence-fit/steepest": "divergence fit, ⟨ln d⟩, steepest window",
        "divergence-fit-log-mean/steepest": "divergence fit, ln⟨d⟩, steepest window",
    ]
}
