/// Greedy word wrapping of titles and axis labels that are longer than the room they
/// have, so that no text leaves its panel cell.
enum TextWrapping {
    /// The distance between the baselines of wrapped lines, in font sizes.
    static let lineSpacingEm = 1.2

    /// `text` broken at spaces into lines no wider than `maximumWidth` (estimated at
    /// `fontSize`). A single word wider than that keeps a line of its own. Text that
    /// fits, or has no spaces, comes back as one line; empty text as no lines.
    static func lines(of text: String, fontSize: Double, isBold: Bool = false, maximumWidth: Double) -> [String] {
        guard !text.isEmpty else { return [] }
        guard TextMetrics.width(of: text, fontSize: fontSize, isBold: isBold) > maximumWidth else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || TextMetrics.width(of: candidate, fontSize: fontSize, isBold: isBold) <= maximumWidth {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The height of `count` lines: one font size for the first (cap height plus
    /// descent, rounded up) and a line spacing for each further line.
    static func height(ofLines count: Int, fontSize: Double) -> Double {
        guard count > 0 else { return 0 }
        return fontSize * (TextMetrics.capHeightEm + TextMetrics.descentEm) + Double(count - 1) * lineSpacingEm * fontSize
    }
}
