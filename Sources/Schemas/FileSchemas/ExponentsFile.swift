import HDF5

/// The exponents file (written by `estimate-exponents`, read by the experiments'
/// aggregates), one type that writes and reads it. C configurations (rows, in the order
/// of the ensembles file), S series (estimator × window), k spectrum exponents:
///
/// - root attributes `windows` [early start, early end, late start, late end], `momentum`
/// - `/configurations/{index, activation, width, learning_rate, seed_index}` [C] (``ConfigurationTable``)
/// - `/exponents/{estimate, per_unit_time, r_squared}` Float64 and `{status, window_start,
///   window_end}` Int64 [C, S]; attributes `series`, `units`, `cost_gradient_evaluations`, `status_codes`
/// - `/spectrum/tangent_late` [C, k]
/// - `/training/{initial_loss, final_loss}` [C], `{loss_still_falling, divergence_step}` Int64 [C]
/// - `/sharpness/{top_eigenvalue, times_learning_rate}` [C], `converged` Int64 [C]: only
///   when the sharpness was computed (absent, not NaN, otherwise)
public struct ExponentsFile: Sendable, Equatable {
    /// [early start, early end, late start, late end] in steps.
    public var windows: [Int64]
    /// Heavy-ball momentum μ of the training (0 for other optimizers).
    public var momentum: Double
    /// The rows.
    public var configurations: ConfigurationTable
    /// Series names (e.g. `tangent/late`) and the unit of each.
    public var series: [String], units: [String]
    /// Gradient-equivalent evaluations per estimate, per series.
    public var costs: [Int64]
    /// [C, S] row-major: λ per step, λ per unit time, R² of the divergence fit.
    public var estimate: [Double], perUnitTime: [Double], rSquared: [Double]
    /// [C, S] row-major: status code, first and last step of the window used.
    public var status: [Int64], windowStart: [Int64], windowEnd: [Int64]
    /// [C, k] row-major: the tangent-space spectrum over the late window.
    public var spectrum: [Double]
    /// k, exponents per row of ``spectrum``.
    public var spectrumCount: Int
    /// [C]: training loss at step 0 and after the last step.
    public var initialLoss: [Double], finalLoss: [Double]
    /// [C]: 1 if the loss was still falling over the late window; first unrecorded step of
    /// a diverged reference (−1: completed).
    public var lossStillFalling: [Int64], divergenceStep: [Int64]
    /// The top Hessian eigenvalue at the end, when it was computed.
    public var sharpness: Sharpness?

    /// The sharpness group: [C] each.
    public struct Sharpness: Sendable, Equatable {
        /// Top Hessian eigenvalue at the final parameters.
        public var topEigenvalue: [Double]
        /// η · the top eigenvalue.
        public var timesLearningRate: [Double]
        /// 1 if the power iteration converged.
        public var converged: [Int64]

        /// The three columns.
        public init(topEigenvalue: [Double], timesLearningRate: [Double], converged: [Int64]) {
            (self.topEigenvalue, self.timesLearningRate, self.converged) = (topEigenvalue, timesLearningRate, converged)
        }
    }

    /// The text of the `status_codes` attribute.
    public static let statusCodes = "0 ok, 1 diverged, 2 saturated, 3 degenerate (zero separation, e.g. dead units), 4 poor straight-line fit"

    /// A file's contents; arrays are row-major as documented on each property.
    public init(
        windows: [Int64], momentum: Double, configurations: ConfigurationTable, series: [String], units: [String], costs: [Int64],
        estimate: [Double], perUnitTime: [Double], rSquared: [Double], status: [Int64], windowStart: [Int64], windowEnd: [Int64],
        spectrum: [Double], spectrumCount: Int, initialLoss: [Double], finalLoss: [Double], lossStillFalling: [Int64],
        divergenceStep: [Int64], sharpness: Sharpness?
    ) {
        (self.windows, self.momentum, self.configurations, self.series, self.units, self.costs) =
            (windows, momentum, configurations, series, units, costs)
        (self.estimate, self.perUnitTime, self.rSquared, self.status, self.windowStart, self.windowEnd) =
            (estimate, perUnitTime, rSquared, status, windowStart, windowEnd)
        (self.spectrum, self.spectrumCount, self.initialLoss, self.finalLoss) = (spectrum, spectrumCount, initialLoss, finalLoss)
        (self.lossStillFalling, self.divergenceStep, self.sharpness) = (lossStillFalling, divergenceStep, sharpness)
    }

    /// The declared attributes and datasets.
    public enum Fields {
        /// Root `windows`.
        public static let windows = AttributeField<[Int64]>("windows", meaning: "[early start, early end, late start, late end] steps")
        /// Root `momentum`.
        public static let momentum = AttributeField<Double>("momentum", meaning: "heavy-ball momentum μ of the training (0 otherwise)")
        /// `/exponents` attribute `series`.
        public static let series = AttributeField<[String]>("series", on: "exponents", meaning: "name of each series (estimator/window)")
        /// `/exponents` attribute `units`.
        public static let units = AttributeField<[String]>("units", on: "exponents", meaning: "unit of each series")
        /// `/exponents` attribute `cost_gradient_evaluations`.
        public static let costs = AttributeField<[Int64]>(
            "cost_gradient_evaluations", on: "exponents", meaning: "gradient-equivalent evaluations per estimate of each series")
        /// `/exponents` attribute `status_codes`.
        public static let statusCodes = AttributeField<String>("status_codes", on: "exponents", meaning: "what each status code means")

        static let series2D = ["configuration", "series"]
        /// `/exponents/estimate` [configuration, series].
        public static let estimate = DatasetField<Double>(
            "exponents/estimate", dimensions: series2D, meaning: "finite-time λ per step in the series' unit (NaN: no estimate)")
        /// `/exponents/per_unit_time` [configuration, series].
        public static let perUnitTime = DatasetField<Double>(
            "exponents/per_unit_time", dimensions: series2D,
            meaning: "λ per unit time reading GD as Euler steps of gradient flow (Δt = η, Mittra Eq. 7)")
        /// `/exponents/status` [configuration, series].
        public static let status = DatasetField<Int64>("exponents/status", dimensions: series2D, meaning: "estimate status (see status_codes)")
        /// `/exponents/window_start` [configuration, series].
        public static let windowStart = DatasetField<Int64>("exponents/window_start", dimensions: series2D, meaning: "first step of the window used")
        /// `/exponents/window_end` [configuration, series].
        public static let windowEnd = DatasetField<Int64>("exponents/window_end", dimensions: series2D, meaning: "last step of the window used")
        /// `/exponents/r_squared` [configuration, series].
        public static let rSquared = DatasetField<Double>(
            "exponents/r_squared", dimensions: series2D, meaning: "R² of the straight-line fit of the divergence fit (NaN for other estimators)")
        /// `/spectrum/tangent_late` [configuration, exponent].
        public static let spectrum = DatasetField<Double>(
            "spectrum/tangent_late", dimensions: ["configuration", "exponent"],
            meaning: "top Lyapunov exponents (nats/step), largest first, over the late window, tangent-space method (NaN beyond those estimated)")
        /// `/training/initial_loss` [configuration].
        public static let initialLoss = DatasetField<Double>(
            "training/initial_loss", dimensions: ["configuration"], meaning: "training loss at step 0")
        /// `/training/final_loss` [configuration].
        public static let finalLoss = DatasetField<Double>(
            "training/final_loss", dimensions: ["configuration"], meaning: "training loss after the last step (NaN if diverged)")
        /// `/training/loss_still_falling` [configuration] (its meaning quotes the threshold).
        public static let lossStillFalling = DatasetField<Int64>(
            "training/loss_still_falling", dimensions: ["configuration"], meaning: "1 if the loss fell by more than the threshold (relative) over the late window")
        /// `/training/divergence_step` [configuration].
        public static let divergenceStep = DatasetField<Int64>(
            "training/divergence_step", dimensions: ["configuration"], meaning: "first unrecorded step of a diverged reference; −1 if completed")
        /// `/sharpness/top_eigenvalue` [configuration] (optional).
        public static let topEigenvalue = DatasetField<Double>(
            "sharpness/top_eigenvalue", dimensions: ["configuration"], meaning: "top Hessian eigenvalue at the final parameters (power iteration)")
        /// `/sharpness/times_learning_rate` [configuration] (optional).
        public static let sharpnessTimesLearningRate = DatasetField<Double>(
            "sharpness/times_learning_rate", dimensions: ["configuration"], meaning: "η · sharpness; full-batch GD is linearly stable iff below 2")
        /// `/sharpness/converged` [configuration] (optional).
        public static let sharpnessConverged = DatasetField<Int64>(
            "sharpness/converged", dimensions: ["configuration"], meaning: "1 if power iteration converged")
        /// Every dataset.
        public static let all: [any DeclaredField] = ConfigurationTable.Fields.all + [
            estimate, perUnitTime, status, windowStart, windowEnd, rSquared, spectrum, initialLoss, finalLoss,
            lossStillFalling, divergenceStep, topEigenvalue, sharpnessTimesLearningRate, sharpnessConverged,
        ]
    }

    /// The number of rows.
    public var count: Int { configurations.count }

    /// Writes the file's contents into the (new, empty) `file`; `fallingThreshold` (the
    /// relative fall over the late window above which the loss counts as still falling) is
    /// quoted in the meaning of `loss_still_falling`.
    public func write(to file: HDF5File, fallingThreshold: Double) throws {
        try file.write(Fields.windows, windows)
        try file.write(Fields.momentum, momentum)
        try configurations.write(to: file)
        let shape = [count, series.count]
        try file.write(Fields.estimate, estimate, shape: shape)
        try file.write(Fields.perUnitTime, perUnitTime, shape: shape)
        try file.write(Fields.status, status, shape: shape)
        try file.write(Fields.windowStart, windowStart, shape: shape)
        try file.write(Fields.windowEnd, windowEnd, shape: shape)
        try file.write(Fields.rSquared, rSquared, shape: shape)
        try file.write(Fields.series, series)
        try file.write(Fields.units, units)
        try file.write(Fields.costs, costs)
        try file.write(Fields.statusCodes, Self.statusCodes)
        try file.write(Fields.spectrum, spectrum, shape: [count, spectrumCount])
        try file.write(Fields.initialLoss, initialLoss, shape: [count])
        try file.write(Fields.finalLoss, finalLoss, shape: [count])
        try file.write(
            Fields.lossStillFalling.meaning("1 if the loss fell by more than \(fallingThreshold) (relative) over the late window"),
            lossStillFalling, shape: [count])
        try file.write(Fields.divergenceStep, divergenceStep, shape: [count])
        if let sharpness {
            try file.write(Fields.topEigenvalue, sharpness.topEigenvalue, shape: [count])
            try file.write(Fields.sharpnessTimesLearningRate, sharpness.timesLearningRate, shape: [count])
            try file.write(Fields.sharpnessConverged, sharpness.converged, shape: [count])
        }
    }

    /// Reads `file`; every [C, S] and [C] dataset must have the table's C rows. The
    /// sharpness is nil when the file has no `/sharpness` group.
    public init(reading file: HDF5File) throws {
        windows = try file.read(Fields.windows)
        momentum = try file.read(Fields.momentum)
        configurations = try ConfigurationTable(reading: file)
        series = try file.read(Fields.series)
        units = try file.read(Fields.units)
        costs = try file.readIfPresent(Fields.costs) ?? []
        let c = configurations.count, s = series.count
        func rows<T>(_ field: DatasetField<T>, columns: Int? = nil) throws -> [T] {
            let array = try file.read(field)
            guard array.shape[0] == c, columns.map({ array.shape[1] == $0 }) ?? true else {
                throw SchemaError(
                    file: file.path, object: "/" + field.path,
                    reason: "has shape \(array.shape), but the file has \(c) configurations\(columns.map { " and \($0) series" } ?? ""); rerun the exponents stage")
            }
            return array.values
        }
        estimate = try rows(Fields.estimate, columns: s)
        perUnitTime = try rows(Fields.perUnitTime, columns: s)
        status = try rows(Fields.status, columns: s)
        windowStart = try rows(Fields.windowStart, columns: s)
        windowEnd = try rows(Fields.windowEnd, columns: s)
        rSquared = try rows(Fields.rSquared, columns: s)
        let spectrumArray = try file.read(Fields.spectrum)
        spectrum = spectrumArray.values
        spectrumCount = spectrumArray.shape[1]
        initialLoss = try rows(Fields.initialLoss)
        finalLoss = try rows(Fields.finalLoss)
        lossStillFalling = try rows(Fields.lossStillFalling)
        divergenceStep = try rows(Fields.divergenceStep)
        if try file.root.contains(Fields.topEigenvalue) {
            sharpness = Sharpness(
                topEigenvalue: try rows(Fields.topEigenvalue), timesLearningRate: try rows(Fields.sharpnessTimesLearningRate),
                converged: try rows(Fields.sharpnessConverged))
        } else {
            sharpness = nil
        }
    }

    /// Reads the exponents file at `path`.
    public init(path: String) throws {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        try self.init(reading: file)
    }

    /// Row `row`'s values of a [C, S] array.
    public func seriesRow<T>(_ values: [T], _ row: Int) -> ArraySlice<T> {
        values[(row * series.count)..<((row + 1) * series.count)]
    }
}
