/// Estimates of text extents, used to size margins so that labels are neither clipped
/// nor overlapping, and to place legends and captions.
///
/// Widths are the advance widths of DejaVu Sans, the first font the SVG asks for and
/// the one `rsvg-convert` uses on Debian, read from
/// `/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf` (units per em 2048, rounded to
/// thousandths of an em). Characters not in the table count as
/// ``fallbackWidthEm`` — a little wider than a digit, so unknown text errs on the wide
/// side. The fallback fonts (Arial, Helvetica) are narrower, so the estimate stays safe
/// there too.
enum TextMetrics {
    /// The advance of characters not in the tables, in em.
    static let fallbackWidthEm = 0.65
    /// Bold DejaVu Sans is wider than regular by 1.09 (digits) to 1.26 (some
    /// punctuation), 1.12 on average over ASCII and 1.14 for lower-case prose; 1.15
    /// keeps bold titles from being underestimated.
    static let boldWidthFactor = 1.15
    /// The height of digits and capitals above the baseline, in em (DejaVu Sans: 0.73).
    static let capHeightEm = 0.73
    /// The depth of descenders below the baseline, in em.
    static let descentEm = 0.24

    /// Advance widths in thousandths of an em of the printable ASCII characters
    /// U+0020 (space) through U+007E (tilde), in code order.
    private static let asciiWidths: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838,
        318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
        636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698,
        770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
        337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
        634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
        392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]

    /// Advance widths in thousandths of an em of the other characters that labels in
    /// this project use: Greek letters, mathematical signs, super- and subscripts.
    private static let otherWidths: [Character: Int] = [
        "α": 659, "β": 638, "γ": 592, "δ": 612, "ε": 541, "ζ": 544, "η": 634, "θ": 612, "ι": 338,
        "κ": 589, "λ": 592, "μ": 636, "ν": 559, "ξ": 558, "π": 602, "ρ": 635, "σ": 634, "τ": 602,
        "υ": 579, "φ": 660, "χ": 578, "ψ": 660, "ω": 837, "Γ": 557, "Δ": 684, "Θ": 787, "Λ": 684,
        "Ξ": 632, "Π": 752, "Σ": 632, "Φ": 787, "Ψ": 787, "Ω": 764, "−": 838, "×": 838, "±": 838,
        "≤": 838, "≥": 838, "‖": 500, "∇": 669, "≈": 838, "·": 318, "…": 1000, "′": 227, "°": 500,
        "⁰": 401, "¹": 401, "²": 401, "³": 401, "⁴": 401, "⁵": 401, "⁶": 401, "⁷": 401, "⁸": 401,
        "⁹": 401, "⁻": 528, "₀": 401, "₁": 401, "₂": 401, "₃": 401, "₄": 401, "₅": 401, "₆": 401,
        "₇": 401, "₈": 401, "₉": 401,
    ]

    /// The advance of one character in em.
    static func widthEm(of character: Character) -> Double {
        if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
           (0x20...0x7E).contains(scalar.value) {
            return Double(asciiWidths[Int(scalar.value) - 0x20]) / 1000
        }
        if let width = otherWidths[character] {
            return Double(width) / 1000
        }
        return fallbackWidthEm
    }

    /// The estimated width of `text` in pixels at `fontSize`.
    static func width(of text: String, fontSize: Double, isBold: Bool = false) -> Double {
        var ems = 0.0
        for character in text {
            ems += widthEm(of: character)
        }
        return ems * fontSize * (isBold ? boldWidthFactor : 1)
    }
}
