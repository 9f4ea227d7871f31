import Foundation
import Statistics

/// How each estimator series agrees with the tangent-space reference on the same runs
/// (docs/PROTOCOL.md §5: estimators cross-checked): per series the median |Δλ| and median
/// relative |Δλ| (in nats/step; bits are converted × ln 2) and the fraction of equal signs
/// against `tangent/late` for late series and `tangent/early` for all others, over the
/// runs whose reference |λ| exceeds `threshold`. NaN where nothing qualifies.
public enum EstimatorAgreement {
    /// Three numbers per series, series-major: `[median |Δλ|, median relative |Δλ|, sign agreement]`.
    /// `estimates` holds one row per run with one estimate per series.
    public static func agreement(series: [String], units: [String], estimates: [[Double]], threshold: Double) -> [Double] {
        var result: [Double] = []
        for (index, name) in series.enumerated() {
            let window = name.split(separator: "/").last.map(String.init) ?? ""
            let referenceName = "tangent/" + (window == "late" ? "late" : "early")
            guard let reference = series.firstIndex(of: referenceName) else {
                result += [.nan, .nan, .nan]
                continue
            }
            let scale = units[index].hasPrefix("bits") ? log(2.0) : 1
            var absolute: [Double] = [], relative: [Double] = [], sameSign = 0
            for row in estimates where row[index].isFinite && row[reference].isFinite && abs(row[reference]) > threshold {
                let value = row[index] * scale
                absolute.append(abs(value - row[reference]))
                relative.append(abs(value - row[reference]) / abs(row[reference]))
                if (value > 0) == (row[reference] > 0) { sameSign += 1 }
            }
            guard !absolute.isEmpty, let medianAbsolute = try? Quantiles.median(absolute), let medianRelative = try? Quantiles.median(relative)
            else {
                result += [.nan, .nan, .nan]
                continue
            }
            result += [medianAbsolute, medianRelative, Double(sameSign) / Double(absolute.count)]
        }
        return result
    }
}
