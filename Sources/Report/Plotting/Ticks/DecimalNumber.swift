/// An exact decimal `significand × 10^exponent`.
///
/// Tick values are built as decimals and only then converted to `Double`, so that
/// labels are written from exact digits (no `0.30000000000000004`, no locale) and the
/// positions are the doubles nearest to the labelled values.
struct DecimalNumber: Sendable, Hashable {
    /// The integer digits.
    var significand: Int64
    /// The power of ten that scales them.
    var exponent: Int

    /// The double nearest to the decimal, via the correctly rounded, locale-independent
    /// parser of the standard library.
    var doubleValue: Double {
        Double("\(significand)e\(exponent)") ?? .nan
    }

    /// The same value with trailing zeros of the significand moved into the exponent
    /// (zero becomes `0 × 10^0`).
    var normalized: DecimalNumber {
        guard significand != 0 else { return DecimalNumber(significand: 0, exponent: 0) }
        var result = self
        while result.significand % 10 == 0 {
            result.significand /= 10
            result.exponent += 1
        }
        return result
    }

    /// The number of digits after the decimal point in plain notation, once trailing
    /// zeros are dropped.
    var fractionDigits: Int { max(0, -normalized.exponent) }

    /// The number of decimal digits of the significand's magnitude (1 for zero).
    var digitCount: Int { String(significand.magnitude).count }

    /// The exponent of the leading digit: `d.ddd × 10^scientificExponent`.
    var scientificExponent: Int {
        let value = normalized
        return value.exponent + value.digitCount - 1
    }

    /// The exact decimal that `Double.description` prints for `value` (the shortest
    /// digits that round-trip), or `nil` for non-finite values.
    init?(shortestRepresentationOf value: Double) {
        guard value.isFinite else { return nil }
        var text = value.description
        var exponent = 0
        if let eIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: eIndex)...]) ?? 0
            text = String(text[..<eIndex])
        }
        if let dot = text.firstIndex(of: ".") {
            exponent -= text.distance(from: dot, to: text.endIndex) - 1
            text.remove(at: dot)
        }
        guard let significand = Int64(text) else { return nil }
        self.init(significand: significand, exponent: exponent)
    }

    /// Creates `significand × 10^exponent`.
    init(significand: Int64, exponent: Int) {
        self.significand = significand
        self.exponent = exponent
    }
}
