/// A colour scale for ordered values (learning rates, temperatures): viridis (van der
/// Walt & Smith, matplotlib 1.5, 2015), perceptually uniform, ordered in lightness so
/// that it also reads in greyscale, and safe under the common colour-vision deficiencies.
/// Sampled at nine points and interpolated linearly in RGB.
public enum SequentialScale {
    /// Viridis at 0, 1/8, …, 1.
    static let viridisAnchors: [Color] = [
        Color(hex: 0x440154), Color(hex: 0x482878), Color(hex: 0x3E4A89), Color(hex: 0x31688E), Color(hex: 0x26828E),
        Color(hex: 0x1F9E89), Color(hex: 0x35B779), Color(hex: 0x6DCD59), Color(hex: 0xFDE725),
    ]

    /// The last fraction of the scale used for lines: beyond it viridis turns yellow,
    /// which is too light on a white page.
    public static let lightestLineFraction = 0.85

    /// The viridis colour at `fraction` in [0, 1] (clamped; NaN counts as 0).
    public static func viridis(_ fraction: Double) -> Color {
        let clamped = fraction.isNaN ? 0 : min(1, max(0, fraction))
        let position = clamped * Double(viridisAnchors.count - 1)
        let lower = min(Int(position), viridisAnchors.count - 2)
        let t = position - Double(lower)
        let a = viridisAnchors[lower], b = viridisAnchors[lower + 1]
        func mix(_ u: UInt8, _ v: UInt8) -> UInt8 { UInt8((Double(u) + (Double(v) - Double(u)) * t).rounded()) }
        return Color(red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue))
    }

    /// The colours of `count` ordered series, darkest first, spread evenly over the part
    /// of the scale that reads on white (0 … ``lightestLineFraction``).
    public static func lineColors(count: Int) -> [Color] {
        guard count > 1 else { return count == 1 ? [viridis(0)] : [] }
        return (0..<count).map { viridis(Double($0) / Double(count - 1) * lightestLineFraction) }
    }
}
