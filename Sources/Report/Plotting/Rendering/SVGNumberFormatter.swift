/// Writes coordinates and sizes for SVG with at most two decimals, without locale or
/// `String(format:)`, so that output is byte-identical everywhere.
///
/// Values are rounded half away from zero to hundredths of a pixel (far below what a
/// screen or printer resolves); trailing zeros are dropped ("12.5", "12"), negative
/// zero is written "0", non-finite values "0", and magnitudes are capped at 10⁹.
enum SVGNumberFormatter {
    /// The largest magnitude written; coordinates are clipped to the canvas before
    /// this matters.
    static let magnitudeLimit = 1e9

    /// The value with at most two decimals.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -magnitudeLimit), magnitudeLimit)
        let hundredths = Int64((clamped * 100).rounded(.toNearestOrAwayFromZero))
        guard hundredths != 0 else { return "0" }
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let integerPart = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 {
            return "\(sign)\(integerPart)"
        }
        if fraction % 10 == 0 {
            return "\(sign)\(integerPart).\(fraction / 10)"
        }
        return "\(sign)\(integerPart).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
