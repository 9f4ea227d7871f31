/// The equipartition measure of docs/PROTOCOL.md §4: a tensor's kinetic temperature pᵀp/N
/// (mean over seeds) averaged over the second half of the recorded steps, divided by its
/// target τ. 1 is equipartition; the authors claim the thermostats hold it.
public enum Equipartition {
    /// The mean of the finite values in the second half of `series` (NaN when none).
    public static func lateMean(_ series: [Double]) -> Double {
        let late = series.suffix(max(1, series.count / 2)).filter(\.isFinite)
        return late.isEmpty ? .nan : late.reduce(0, +) / Double(late.count)
    }

    /// `lateMean(series) / target`; NaN for a non-positive or unknown target.
    public static func ratio(_ series: [Double], target: Double) -> Double {
        target.isFinite && target > 0 ? lateMean(series) / target : .nan
    }
}
