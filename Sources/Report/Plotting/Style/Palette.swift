/// The fixed, colour-blind-safe sequence of series colours.
///
/// The colours are those of Okabe & Ito, "Color Universal Design (CUD): How to make
/// figures and presentations that are friendly to colorblind people" (2008), which stay
/// distinguishable under the common forms of colour-vision deficiency. The order puts
/// the high-contrast colours first and yellow (weak on white) late, and never changes,
/// so that series keep their colour from one figure to the next.
public enum Palette {
    /// Okabe–Ito blue, `#0072B2`.
    public static let blue = Color(hex: 0x0072B2)
    /// Okabe–Ito vermillion, `#D55E00`.
    public static let vermillion = Color(hex: 0xD55E00)
    /// Okabe–Ito bluish green, `#009E73`.
    public static let bluishGreen = Color(hex: 0x009E73)
    /// Okabe–Ito orange, `#E69F00`.
    public static let orange = Color(hex: 0xE69F00)
    /// Okabe–Ito reddish purple, `#CC79A7`.
    public static let reddishPurple = Color(hex: 0xCC79A7)
    /// Okabe–Ito sky blue, `#56B4E9`.
    public static let skyBlue = Color(hex: 0x56B4E9)
    /// Okabe–Ito yellow, `#F0E442`; weak on a white background, hence late in the order.
    public static let yellow = Color(hex: 0xF0E442)

    /// The series colours in their fixed order.
    public static let okabeIto: [Color] = [
        blue, vermillion, bluishGreen, orange, reddishPurple, skyBlue, yellow, Color.black,
    ]

    /// The colour of the series at `index` (0-based) in the fixed order, cycling after
    /// the last colour. Negative indices count as their magnitude.
    public static func color(at index: Int) -> Color {
        let count = okabeIto.count
        let magnitude = index == Int.min ? 0 : abs(index)
        return okabeIto[magnitude % count]
    }
}
