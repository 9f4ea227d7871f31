import ReportKit

/// The equipartition rule of docs/PROTOCOL.md §4: a tensor's kinetic temperature pᵀp/N
/// (mean over seeds) averaged over the second half of the recorded steps, divided by its
/// target τ. 1 is equipartition; the authors claim the thermostats hold it. The rule (claim 4)
/// was stated for the momenta at the end of a completed step (after its last gradient kick, at
/// the recorded steps); the ensembles files also record them at the thermostat's own point
/// inside the step (after O; at E for Adaptive Langevin), and the section reports both. A
/// tensor is in equipartition when its ratio lies within [1/`tolerance`, `tolerance`].
public enum Equipartition {
    /// Row `o`'s tensor `t` of a [O, D, K] kinetic-temperature grid (empty when the grid has no such row).
    public static func series(_ grid: Grid<Double>, _ o: Int, _ t: Int) -> [Double] {
        grid.shape.count == 3 && o < grid.shape[0] && t < grid.shape[1] ? grid.line(o, t) : []
    }

    /// The mean of the finite values in the second half of `series` (NaN when none).
    public static func lateMean(_ series: [Double]) -> Double {
        let late = series.suffix(max(1, series.count / 2)).filter(\.isFinite)
        return late.isEmpty ? .nan : late.reduce(0, +) / Double(late.count)
    }

    /// `lateMean(series) / target`; NaN for a non-positive or unknown target.
    public static func ratio(_ series: [Double], target: Double) -> Double {
        target.isFinite && target > 0 ? lateMean(series) / target : .nan
    }

    /// Whether `ratio` lies within [1/`tolerance`, `tolerance`] (false for NaN).
    public static func holds(ratio: Double, tolerance: Double) -> Bool {
        ratio.isFinite && tolerance >= 1 && ratio >= 1 / tolerance && ratio <= tolerance
    }
}
