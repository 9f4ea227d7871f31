import Plotting
import ReportKit

/// The source paper's Fig. 5 (docs/PROTOCOL.md §2 E3): λ of each initial point against its
/// final loss, starts whose initial loss lies in the IQR highlighted, the least-squares
/// line of that filtered set with its 95% band, and the correlations in the title.
enum LyapunovVsLossFigure {
    /// The learning regime's study, or an error when the aggregate has none.
    static func learningStudy(_ results: MittraResults) throws -> InitialWeightStudy {
        guard let study = results.learningInitialWeights else { throw FigureError.missingLearningRegime }
        return study
    }

    /// The figure of `study`; `regime` names it in the title.
    static func figure(_ study: InitialWeightStudy, regime: String) -> Figure {
        let filtered = InitialWeightStudy.iqrFiltered
        let panels = study.activations.indices.map { a -> Panel in
            let lambda = study.lambda.line(a)
            let loss = study.finalLoss.line(a)
            let inside = study.inIQR.line(a)
            let outsideIndices = lambda.indices.filter { inside[$0] == 0 }
            let insideIndices = lambda.indices.filter { inside[$0] != 0 }
            let r = study.pearson(activation: a, filter: filtered)
            let rho = study.spearman(activation: a, filter: filtered)
            let rAll = study.pearson(activation: a, filter: InitialWeightStudy.allStarts)
            let rhoAll = study.spearman(activation: a, filter: InitialWeightStudy.allStarts)
            // No-break spaces keep each "r = … (p = …)" on one line when the title wraps.
            let f = { ReportNumber.significant($0, digits: 2) }
            let stat = { (name: String, value: CorrelationSummary, withP: Bool) -> String in
                let text = "\(name) = \(f(value.coefficient))" + (withP ? " (p = \(f(value.pValue)))" : "")
                return text.replacingOccurrences(of: " ", with: "\u{00A0}")
            }
            let title = "\(study.activations[a]) – IQR: \(stat("r", r, true)), \(stat("ρ", rho, true)); "
                + "all: \(stat("r", rAll, false)), \(stat("ρ", rhoAll, false))"
            let layers: [Layer] = [
                .scatter(ScatterSeries(
                    x: outsideIndices.map { lambda[$0] }, y: outsideIndices.map { loss[$0] },
                    label: "initial loss outside IQR", color: Palette.skyBlue, shape: .triangle, size: 5, opacity: 0.45)),
                .band(BandSeries(
                    x: study.bandX.line(a, filtered), lower: study.bandLow.line(a, filtered),
                    upper: study.bandHigh.line(a, filtered), color: Palette.vermillion, opacity: 0.2)),
                .scatter(ScatterSeries(
                    x: insideIndices.map { lambda[$0] }, y: insideIndices.map { loss[$0] },
                    label: "initial loss in IQR (n = \(insideIndices.count))", color: Palette.blue, size: 6, opacity: 0.85)),
                .line(LineSeries(
                    x: study.bandX.line(a, filtered), y: study.bandFit.line(a, filtered),
                    label: "least squares (IQR) and 95% band", color: Palette.vermillion, width: 2)),
            ]
            return Panel(
                title: title, xAxis: Axis(label: SeriesStyle.name(study.series), unit: study.unit),
                yAxis: Axis(label: "final training loss (MSE)"), layers: layers)
        }
        // Each activation keeps its own λ range: their ranges differ by orders of magnitude.
        let (rows, columns) = PanelGrid.shape(for: panels.count)
        return PanelGrid.grid(
            title: "Initial points: λ vs final loss, \(regime)", rows: rows, columns: columns, panels: panels,
            cellHeight: 300, sharesLegend: true)
    }

    /// The caption of `study`'s figure; `regime` (nil for the source code's setting) is named first.
    static func caption(_ study: InitialWeightStudy, regime: String?) -> CaptionText {
        CaptionText((regime.map { "In \($0) (the networks learn XOR): " } ?? "")
            + "\(SeriesStyle.name(study.series)) (\(study.unit)) of each initial point against its final training loss, one panel per "
            + "hidden activation. Dark circles: starts whose initial loss lies in the inter-quartile range of that "
            + "activation's initial losses (the filter of the source paper); light triangles: the other starts. Red: "
            + "least-squares line of final loss on λ over the filtered starts with its 95 % confidence band. Panel "
            + "titles give Pearson r and Spearman ρ with p-values for the filtered starts (IQR) and both coefficients for all starts (all).")
    }
}
