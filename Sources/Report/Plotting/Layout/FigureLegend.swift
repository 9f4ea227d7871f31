/// The one legend of a figure whose panels share it (``Figure/sharesLegend``): the
/// labelled layers of all panels, each label once, in rows across the bottom of the
/// figure, so that a grid of panels that draw the same series repeats no legend.
struct FigureLegend: Sendable, Equatable {
    /// The entries of each row, left to right.
    let rows: [[LegendEntry]]

    /// The horizontal room between two entries of a row.
    static let entryGap = 16.0

    /// The legend of `figure`: empty unless it shares one. An entry whose label an
    /// earlier panel already gave is left out (the first one's sample is kept).
    init(figure: Figure) {
        guard figure.sharesLegend else {
            self.rows = []
            return
        }
        var seen: Set<String> = []
        var entries: [LegendEntry] = []
        for panel in figure.panels {
            for entry in LegendEntry.entries(of: panel.layers, colors: SeriesColors.resolve(panel.layers))
            where seen.insert(entry.label).inserted {
                entries.append(entry)
            }
        }
        self.rows = FigureLegend.flow(entries, width: figure.width - 2 * LayoutMetrics.outerPadding)
    }

    /// The width of one entry: its sample, the gap and its text.
    static func width(of entry: LegendEntry) -> Double {
        LayoutMetrics.legendSwatchWidth + LayoutMetrics.legendSwatchGap
            + TextMetrics.width(of: entry.label, fontSize: LayoutMetrics.legendFontSize)
    }

    /// The width of a row of entries with their gaps.
    static func width(ofRow row: [LegendEntry]) -> Double {
        row.map(width(of:)).reduce(0, +) + Double(max(row.count - 1, 0)) * entryGap
    }

    /// `entries` broken into rows no wider than `width` (an entry wider than that gets a
    /// row of its own).
    static func flow(_ entries: [LegendEntry], width: Double) -> [[LegendEntry]] {
        var rows: [[LegendEntry]] = []
        var current: [LegendEntry] = []
        for entry in entries {
            if !current.isEmpty, FigureLegend.width(ofRow: current + [entry]) > width {
                rows.append(current)
                current = []
            }
            current.append(entry)
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    /// The height of the band at the bottom of the figure that holds the legend; 0 for none.
    var bandHeight: Double {
        rows.isEmpty ? 0 : Double(rows.count) * LayoutMetrics.legendRowHeight + 2 * LayoutMetrics.legendPadding
    }
}

extension Figure {
    /// The height of the band that holds the shared legend (``sharesLegend``) at the
    /// bottom of the figure; 0 when the panels keep their own legends. Add it to the
    /// figure height to keep the panels' size.
    public var sharedLegendHeight: Double { FigureLegend(figure: self).bandHeight }
}
