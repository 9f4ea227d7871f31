import Plotting
import ReportKit

/// The colour and dash of every method of the E5 section, defined once so that a method
/// looks the same in every figure (issue #21): one Okabe–Ito colour per optimizer family;
/// the variants of a family (heavy ball beside SGD, LaLa with tiered temperatures, the
/// full-batch Langevin control) share its colour and differ by dash, so that no colour
/// stands for two unrelated methods.
enum MethodStyle {
    /// The colour of each optimizer family, by the optimizer name the ensembles record.
    static let familyColors: [String: Color] = [
        "gd": Palette.blue, "heavy-ball": Palette.blue, "adam": Palette.vermillion, "langevin": Palette.bluishGreen,
        "adaptive-langevin": Palette.orange, "lala": Palette.reddishPurple, "adlala": Palette.skyBlue, "lol": .black,
    ]
    /// The dashes of a family's methods in row order: the first method solid.
    static let variantDashes: [DashPattern] = [.solid, .dashed, .dotted, .dashDot]

    /// The method of row `o`: its label without the rate of a grid.
    static func method(_ r: LeimkuhlerResults, _ o: Int) -> String {
        r.labels[o].components(separatedBy: " (η = ").first ?? r.labels[o]
    }

    /// The colour of row `o`'s family (grey for an optimizer the table does not know).
    static func color(_ r: LeimkuhlerResults, _ o: Int) -> Color {
        familyColors[r.optimizers[o]] ?? .referenceGray
    }

    /// The colour and dash of row `o`: its family's colour; the dash by the rank of its
    /// method among the methods of that colour, in row order.
    static func style(_ r: LeimkuhlerResults, _ o: Int) -> (color: Color, dash: DashPattern) {
        let color = color(r, o)
        var methods: [String] = []
        for row in r.labels.indices where Self.color(r, row) == color && !methods.contains(method(r, row)) {
            methods.append(method(r, row))
        }
        let rank = methods.firstIndex(of: method(r, o)) ?? 0
        return (color, variantDashes[rank % variantDashes.count])
    }
}
