/// The page a figure is drawn for: it is shown at the full width of a text column of
/// 17 cm (A4 or Letter with usual margins), whatever its own pixel width, so that one
/// pixel of a figure ``widthPixels`` wide prints at about ¾ pt.
///
/// Text that would print smaller than ``minimumFontPoints`` fails validation
/// (``Figure/validate()``): 8 pt is the smallest size journals accept in figures
/// (e.g. Nature's and PLOS's figure guidelines ask for 7–8 pt at print size).
public enum PrintColumn {
    /// The printed width of the text column in points (17 cm = 481.9 pt).
    public static let widthPoints = 17 / 2.54 * 72
    /// The figure width, in pixels, at which one pixel prints at `widthPoints / 640` pt;
    /// the width every figure of the paper is drawn at.
    public static let widthPixels = 640.0
    /// The smallest printed font size allowed, in points.
    public static let minimumFontPoints = 8.0

    /// The printed size in points of text of `fontSize` pixels in a figure `figureWidth`
    /// pixels wide, shown at column width.
    public static func printedPoints(fontSize: Double, figureWidth: Double) -> Double {
        fontSize * widthPoints / figureWidth
    }
}
