/// The shape of a point marker. Shapes differ in outline as well as colour, so series
/// stay distinguishable in greyscale print.
public enum MarkerShape: Sendable, Hashable, CaseIterable {
    /// A disc.
    case circle
    /// An axis-aligned square.
    case square
    /// An upward-pointing equilateral triangle.
    case triangle
    /// A square standing on a corner.
    case diamond
}
