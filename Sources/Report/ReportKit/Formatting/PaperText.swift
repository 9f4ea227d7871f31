/// Small text helpers shared by the paper's generated parts, all on top of
/// ``ReportNumber`` so that every number in the paper is written one way.
public enum PaperText {
    /// A measured value with its 95% interval, both rounded to the precision the interval
    /// supports (``ReportNumber/estimate(_:low:high:)``): "−8.6 [−10.6, −6.6]", "0.3 [−1.5, 2.1]".
    public static func withInterval(_ mean: Double, _ low: Double, _ high: Double) -> String {
        let (value, interval) = ReportNumber.estimate(mean, low: low, high: high)
        return "\(value) \(interval)"
    }

    /// A correlation with p-value (``ReportNumber/pValue(_:)``) and bootstrap interval, the
    /// coefficient and interval rounded to the precision the interval supports
    /// (``ReportNumber/estimate(_:low:high:)``): "ρ = 0.41 (p = 0.0030, 95 % bootstrap CI [0.21, 0.56])".
    public static func correlation(_ symbol: String, _ value: CorrelationSummary) -> String {
        let (coefficient, interval) = ReportNumber.estimate(value.coefficient, low: value.bootLow, high: value.bootHigh)
        return "\(symbol) = \(coefficient) (\(ReportNumber.pValue(value.pValue)), 95 % bootstrap CI \(interval))"
    }

    /// "a, b and c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return "none"
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// Inline code.
    public static func code(_ text: String) -> String { "`\(text)`" }

    /// "1st", "2nd", "3rd", "4th" … for ranks.
    public static func ordinal(_ rank: Int) -> String {
        let suffix: String
        switch (rank % 10, rank % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(rank)\(suffix)"
    }
}
