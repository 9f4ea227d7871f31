/// Writes tick labels compactly and deterministically from exact decimals.
///
/// One style serves a whole axis, so labels line up: plain decimals ("0.01", "2.5",
/// "100") when every value needs at most ``maximumPlainFractionDigits`` decimals and
/// stays below 10^``plainMagnitudeLimitExponent``; otherwise e-notation on linear axes
/// ("2.5e−5"). Logarithmic axes are plain only for values between 0.01 and 1000
/// (``logarithmicPlainRange``) and use powers of ten ("10⁻⁵", "2×10⁶") otherwise, so
/// that log axes of neighbouring panels over similar ranges do not mix "0.0001" with
/// "5×10⁻⁴". Negative signs are the typographic minus U+2212.
enum TickLabelFormatter {
    /// The most digits after the decimal point that plain labels may have.
    static let maximumPlainFractionDigits = 4
    /// Plain labels are used only for magnitudes below 10 to this power.
    static let plainMagnitudeLimitExponent = 6
    /// The typographic minus sign.
    static let minus = "\u{2212}"

    /// The labels of `values` for a linear axis.
    static func linearLabels(_ values: [DecimalNumber]) -> [String] {
        usesPlainNotation(values) ? values.map(plain) : values.map(eNotation)
    }

    /// The decimal exponents of the values a logarithmic axis may write plainly: 0.01 to 1000.
    static let logarithmicPlainRange = -2...3

    /// The labels of `values` for a logarithmic axis.
    static func logarithmicLabels(_ values: [DecimalNumber]) -> [String] {
        let plainly = usesPlainNotation(values)
            && values.allSatisfy { logarithmicPlainRange.contains($0.normalized.scientificExponent) && $0.fractionDigits <= 2 }
        return plainly ? values.map(plain) : values.map(powerOfTen)
    }

    /// Whether every value of an axis can be written plainly and compactly.
    static func usesPlainNotation(_ values: [DecimalNumber]) -> Bool {
        values.allSatisfy { value in
            value.significand == 0
                || (value.fractionDigits <= maximumPlainFractionDigits
                    && value.scientificExponent < plainMagnitudeLimitExponent)
        }
    }

    /// Plain decimal notation without trailing zeros: "0", "0.25", "−3", "1200".
    static func plain(_ value: DecimalNumber) -> String {
        let number = value.normalized
        guard number.significand != 0 else { return "0" }
        let sign = number.significand < 0 ? minus : ""
        var digits = String(number.significand.magnitude)
        if number.exponent >= 0 {
            digits += String(repeating: "0", count: number.exponent)
            return sign + digits
        }
        let fractionCount = -number.exponent
        if digits.count <= fractionCount {
            digits = String(repeating: "0", count: fractionCount - digits.count + 1) + digits
        }
        let split = digits.index(digits.endIndex, offsetBy: -fractionCount)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// E-notation with the shortest mantissa: "1e−5", "−2.5e6".
    static func eNotation(_ value: DecimalNumber) -> String {
        let (sign, mantissa, exponent) = scientificParts(value)
        guard let mantissa else { return "0" }
        let exponentText = exponent < 0 ? minus + String(-exponent) : String(exponent)
        return sign + mantissa + "e" + exponentText
    }

    /// Power-of-ten notation with superscript exponents: "10⁻⁵", "2×10⁶".
    static func powerOfTen(_ value: DecimalNumber) -> String {
        let (sign, mantissa, exponent) = scientificParts(value)
        guard let mantissa else { return "0" }
        let power = "10" + superscript(exponent)
        return sign + (mantissa == "1" ? power : mantissa + "\u{00D7}" + power)
    }

    /// The sign, the mantissa digits "d" or "d.ddd" (nil for zero) and the exponent.
    private static func scientificParts(_ value: DecimalNumber) -> (String, String?, Int) {
        let number = value.normalized
        guard number.significand != 0 else { return ("", nil, 0) }
        let sign = number.significand < 0 ? minus : ""
        let digits = String(number.significand.magnitude)
        var mantissa = String(digits.prefix(1))
        if digits.count > 1 {
            mantissa += "." + digits.dropFirst()
        }
        return (sign, mantissa, number.scientificExponent)
    }

    /// An integer in Unicode superscript digits, with a superscript minus when negative.
    static func superscript(_ value: Int) -> String {
        let glyphs: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let digits = String(value.magnitude).map { glyphs[Int(String($0)) ?? 0] }
        return (value < 0 ? "⁻" : "") + String(digits)
    }
}
