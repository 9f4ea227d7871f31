import Plotting

/// A sequential, colour-blind-safe scale for ordered values such as η (issue 21: "a
/// sequential scale (viridis-like) for ordered values"): linear interpolation between
/// stops of matplotlib's viridis, stopping short of its palest yellow so that every line
/// stays visible on white.
enum SequentialColors {
    /// Viridis at 0, 0.125, …, 0.875 of its range.
    static let stops: [(UInt8, UInt8, UInt8)] = [
        (0x44, 0x01, 0x54), (0x48, 0x28, 0x78), (0x3E, 0x4A, 0x89), (0x31, 0x68, 0x8E),
        (0x26, 0x82, 0x8E), (0x1F, 0x9E, 0x89), (0x35, 0xB7, 0x79), (0x6D, 0xCD, 0x59),
    ]

    /// The colour of point `j` of `count` ordered points (0: darkest).
    static func color(_ j: Int, of count: Int) -> Color {
        let f = count > 1 ? Double(j) / Double(count - 1) : 0
        let position = f * Double(stops.count - 1)
        let low = min(Int(position), stops.count - 2)
        let t = position - Double(low)
        let (a, b) = (stops[low], stops[low + 1])
        func mix(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
        return Color(red: mix(a.0, b.0), green: mix(a.1, b.1), blue: mix(a.2, b.2))
    }
}
