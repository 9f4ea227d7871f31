import Foundation

/// The one way numbers are written in figures and the paper, so that equal values give
/// equal bytes on every machine and run (no locale, no platform-dependent shortest
/// forms in measured values).
///
/// Measured values get a fixed number of significant digits (default 4): plain decimals
/// for magnitudes in [10⁻³, 10^digits), otherwise `d.ddd×10ⁿ`. Values quoted from a source
/// keep exactly the digits the source printed (``quoted(_:)``). Minus is U+2212, a
/// missing value (NaN) is "n/a".
public enum ReportNumber {
    /// The significant digits of measured values.
    public static let defaultDigits = 4
    /// The text of a missing value.
    public static let missing = "n/a"
    /// The minus sign.
    public static let minus = "\u{2212}"

    /// `value` with `digits` significant digits.
    public static func significant(_ value: Double, digits: Int = defaultDigits) -> String {
        guard value.isFinite else { return nonFinite(value) }
        if value == 0 { return "0" }
        let digits = max(1, digits)
        // Rounding to `digits` significant digits first decides the decimal exponent
        // (9.9996 becomes 1.000e+01, not 9.9996e+00).
        let scientific = String(format: "%.\(digits - 1)e", value)
        guard let marker = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: marker)...]) else {
            return signed(scientific)
        }
        if exponent >= -3 && exponent < digits {
            return signed(String(format: "%.\(max(0, digits - 1 - exponent))f", value))
        }
        let mantissa = String(scientific[..<marker])
        return signed(mantissa) + "×10" + superscript(exponent)
    }

    /// A value quoted from a source paper with the digits it printed (see ``exact(_:)``).
    public static func quoted(_ value: Double) -> String {
        exact(value)
    }

    /// A value given rather than measured (a parameter such as η = 0.01, a threshold):
    /// Swift's shortest round-trip digits of the number, written as a plain decimal
    /// (−0.000055, 0.2659, 100) unless its magnitude is below 10⁻⁷ or at least 10¹⁵.
    public static func exact(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return signed(String(Int64(value))) }
        let shortest = "\(abs(value))"
        let (digits, pointPosition) = decimalDigits(of: shortest)
        guard pointPosition > -7 else { return significant(value, digits: digits.count) }
        var text: String
        if pointPosition <= 0 {
            text = "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            text = digits + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: pointPosition)
            text = digits[..<split] + "." + digits[split...]
        }
        return (value < 0 ? minus : "") + text
    }

    /// A value that is usually a whole number (a step, a window bound): written as an
    /// integer when it is one, otherwise with significant digits.
    public static func whole(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return count(Int(value)) }
        return significant(value)
    }

    /// An integer count.
    public static func count(_ value: Int) -> String {
        value < 0 ? minus + String(-value) : String(value)
    }

    /// A closed interval `[low, high]` of measured values.
    public static func interval(_ low: Double, _ high: Double, digits: Int = defaultDigits) -> String {
        "[\(significant(low, digits: digits)), \(significant(high, digits: digits))]"
    }

    /// The decimal place (as a power of ten) to which an estimate with the interval
    /// `[low, high]` is rounded: the place of the second significant digit of the
    /// interval's half-width, so a half-width of 2.0 rounds to tenths and one of 0.034 to
    /// thousandths. Nil when the interval is empty, a point or not finite.
    static func supportedPlace(_ low: Double, _ high: Double) -> Int? {
        let halfWidth = (high - low) / 2
        guard halfWidth.isFinite, halfWidth > 0 else { return nil }
        return Int(log10(halfWidth).rounded(.down)) - 1
    }

    /// `value` rounded to the decimal place `place` (``supportedPlace(_:_:)``), with at
    /// most ``defaultDigits`` significant digits.
    static func rounded(_ value: Double, toPlace place: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let unit = pow(10, Double(place))
        let value = (value / unit).rounded() * unit
        if value == 0 { return "0" }
        let digits = Int(log10(abs(value)).rounded(.down)) - place + 1
        return significant(value, digits: min(max(1, digits), defaultDigits))
    }

    /// An estimate and its interval rounded to the precision the interval supports
    /// (``supportedPlace(_:_:)``): "−8.6 [−10.6, −6.6]" rather than "−8.560 [−10.56, −6.558]".
    /// With an interval that is a point or not finite, ``defaultDigits`` significant digits.
    public static func estimate(_ value: Double, low: Double, high: Double) -> (value: String, interval: String) {
        guard let place = supportedPlace(low, high) else { return (significant(value), interval(low, high)) }
        return (rounded(value, toPlace: place), "[\(rounded(low, toPlace: place)), \(rounded(high, toPlace: place))]")
    }

    /// The smallest p-value printed as a number; below it a p-value prints as "p < 10⁻¹⁰".
    /// A test's p far below this floor says nothing more (the tail of a t or normal
    /// approximation is not accurate there), so its digits would be false precision.
    public static let pValueFloor = 1e-10
    /// ``pValueFloor`` as the paper prints it: "10⁻¹⁰".
    public static var pValueFloorText: String { "10" + superscript(Int(log10(pValueFloor).rounded())) }
    /// The significant digits of a p-value.
    public static let pValueDigits = 2

    /// "p = 0.035" (two significant digits), "p < 10⁻¹⁰" below ``pValueFloor``, "p = n/a"
    /// for a missing value.
    public static func pValue(_ p: Double) -> String {
        let figure = pValueFigure(p)
        return (figure.hasPrefix("<") ? "p " : "p = ") + figure
    }

    /// A p-value as a table cell prints it: "0.035", or "< 10⁻¹⁰" below ``pValueFloor``.
    public static func pValueFigure(_ p: Double) -> String {
        if p.isFinite && p < pValueFloor { return "< " + pValueFloorText }
        return significant(p, digits: pValueDigits)
    }

    /// The significant digits (no leading zeros) and the position of the decimal point
    /// relative to their start, of a non-negative number in Swift's `description` form
    /// (`"5.5e-05"` gives `("55", -4)`, `"0.2659"` gives `("2659", 0)`).
    static func decimalDigits(of text: String) -> (digits: String, pointPosition: Int) {
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = integerPart + fractionPart
        var pointPosition = integerPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 {
            digits.removeLast()
        }
        return (digits, pointPosition)
    }

    private static func signed(_ text: String) -> String {
        text.hasPrefix("-") ? minus + text.dropFirst() : text
    }

    private static func nonFinite(_ value: Double) -> String {
        if value.isNaN { return missing }
        return value < 0 ? minus + "∞" : "∞"
    }

    private static func superscript(_ exponent: Int) -> String {
        let glyphs: [Character: String] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
        ]
        return String(exponent).map { glyphs[$0] ?? String($0) }.joined()
    }
}
