/// An opaque sRGB colour with 8 bits per channel.
///
/// Transparency is not part of the colour: fills and strokes carry their own opacity, so
/// that a band and the line it surrounds can share one `Color`.
public struct Color: Sendable, Hashable {
    /// The red channel, 0–255.
    public var red: UInt8
    /// The green channel, 0–255.
    public var green: UInt8
    /// The blue channel, 0–255.
    public var blue: UInt8

    /// Creates a colour from its three channels.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Creates a colour from a `0xRRGGBB` literal, e.g. `Color(hex: 0x0072B2)`.
    /// Bits above the lowest 24 are ignored.
    public init(hex: UInt32) {
        self.red = UInt8(truncatingIfNeeded: hex >> 16)
        self.green = UInt8(truncatingIfNeeded: hex >> 8)
        self.blue = UInt8(truncatingIfNeeded: hex)
    }

    /// The colour as a lower-case `#rrggbb` string, as SVG and CSS write it.
    public var hexString: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for channel in [red, green, blue] {
            text.append(digits[Int(channel >> 4)])
            text.append(digits[Int(channel & 0x0F)])
        }
        return text
    }

    /// Pure black, used for axes, frames and text.
    public static let black = Color(hex: 0x000000)
    /// Pure white, the figure background.
    public static let white = Color(hex: 0xFFFFFF)
    /// The dark grey of reference lines (y = 0, a marked x): visible, yet quieter than data.
    public static let referenceGray = Color(hex: 0x4D4D4D)
    /// The light grey of grid lines.
    public static let gridGray = Color(hex: 0xE3E3E3)
}

extension Color {
    /// This colour mixed with white: `amount` 0 is the colour itself, 1 is white. Opaque
    /// light tints for filled regions, so that overlapping fills never mix into colours
    /// a legend does not show.
    public func tinted(toward amount: Double) -> Color {
        let t = amount.isNaN ? 0 : min(1, max(0, amount))
        func mix(_ u: UInt8) -> UInt8 { UInt8((Double(u) + (255 - Double(u)) * t).rounded()) }
        return Color(red: mix(red), green: mix(green), blue: mix(blue))
    }
}
