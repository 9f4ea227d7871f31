import Plotting
import ReportKit

/// How the Mittra section draws and names each estimator's series, defined once so that
/// an estimator has one colour, marker and dash in every figure of the section
/// (Okabe–Ito colours, docs/PROTOCOL.md §5 for the estimators), and one readable name
/// (``SeriesNames``) in legends and captions.
enum SeriesStyle {
    /// The look of one estimator's line.
    struct Look: Equatable {
        var color: Color
        var marker: MarkerShape
        var dash: DashPattern
        var width: Double
    }

    /// The readable name of an estimator (the part of a series name before "/").
    static func estimatorName(_ estimator: String) -> String { SeriesNames.estimator(estimator) }

    /// The readable name of a series (`tangent/late` → "tangent λ, late window").
    static func name(_ series: String) -> String { SeriesNames.readable(series) }

    /// The look of an estimator. Benettin's and the tangent method's means nearly
    /// coincide, so Benettin's line is wide and dashed beneath the tangent's thin solid
    /// one (the figures draw the tangent line last).
    static func look(_ estimator: String) -> Look {
        switch estimator {
        case "tangent": return Look(color: Palette.blue, marker: .circle, dash: .solid, width: 1.5)
        case "benettin": return Look(color: Palette.vermillion, marker: .square, dash: .dashed, width: 3)
        case "hybrid": return Look(color: Palette.bluishGreen, marker: .triangle, dash: .dashDot, width: 1.5)
        case "divergence-fit": return Look(color: Palette.reddishPurple, marker: .diamond, dash: .solid, width: 1.5)
        case "divergence-fit-log-mean": return Look(color: Palette.orange, marker: .diamond, dash: .dotted, width: 1.5)
        default: return Look(color: .black, marker: .circle, dash: .dashed, width: 1.5)
        }
    }

    /// The drawing order of estimators: the tangent method (the reference) last, on top.
    static func drawingRank(_ estimator: String) -> Int { estimator == "tangent" ? 1 : 0 }

    /// The colour, marker and dash of width `index` of `count` ordered widths: the
    /// sequential scale (widths are ordered), a marker and a dash each, so that lines
    /// that coincide stay distinguishable.
    static func widthLook(_ index: Int, of count: Int) -> Look {
        let colors = FigureStyle.orderedColors(count)
        let dashes: [DashPattern] = [.solid, .dashed, .dotted, .dashDot]
        return Look(
            color: colors[index], marker: FigureStyle.marker(index), dash: dashes[index % dashes.count],
            width: 3 - 2 * Double(index) / Double(max(count - 1, 1)))
    }
}
