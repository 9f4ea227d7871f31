import Dynamics
import EnsembleReplay
import Foundation
import Lyapunov
import Networks
import NumericsCore

/// Everything `estimate-exponents` computes for one configuration.
struct ConfigurationEstimates: Sendable {
    /// One value per series (per step, in the series' unit), NaN when there is no estimate.
    var values: [Double]
    var statuses: [Int64]
    var windowStarts: [Int64]
    var windowEnds: [Int64]
    /// R² of the straight-line fit behind each value (divergence fit; NaN otherwise).
    var rSquared: [Double] = []
    /// The tangent-space spectrum over the late window (spectrumCount entries, NaN-padded).
    var spectrum: [Double]
    var initialLoss: Double
    var finalLoss: Double
    var lossStillFalling: Bool
    var divergenceStep: Int
    var sharpness: Double
    var sharpnessConverged: Bool

    static func compute(
        row: Int, ensembles: EnsembleRuns, training: Dataset,
        settings: ExponentSettings, keys: SeedKey
    ) throws -> ConfigurationEstimates {
        let configuration = ensembles.configurations[row]
        let architecture = ensembles.architectures[row]
        let count = architecture.parameterCount
        let batch = Batch(training)
        let engine = ensembles.engine
        let product: @Sendable ([Double], [Double]) -> [Double] = { w, v in
            engine.hessianVectorProduct(architecture, parameters: w, vector: v, batch: batch)
        }
        let w0 = ensembles.initialParameters(row)
        let key = keys.derive("configuration", configuration.index)
        let loss = ensembles.trainingLoss(row)

        var result = ConfigurationEstimates(
            values: [], statuses: [], windowStarts: [], windowEnds: [], spectrum: [],
            initialLoss: loss[0], finalLoss: loss[ensembles.steps],
            lossStillFalling: false, divergenceStep: ensembles.divergenceStep(row) ?? -1,
            sharpness: .nan, sharpnessConverged: false)
        let lateStartLoss = loss[settings.windows.late.start]
        result.lossStillFalling = (lateStartLoss - result.finalLoss) / lateStartLoss > settings.fallingThreshold

        func estimateOnMap(_ series: ExponentSeries, window: StepWindow) throws -> LyapunovEstimate {
            // Tangent and Benettin over one window share their key, so Benettin starts along
            // the tangent method's first vector and their difference is the method's alone.
            // The map is the training optimizer itself (OptimizerMap), replaying the run's
            // batches and noise; with optimizer state (momentum, moments) the state is
            // (w, s) and perturbations start in w only, like the replicas.
            let seriesKey = key.derive("window").derive(series.window.rawValue)
            func onMap<O: DifferentiableOptimizer>(_ optimizer: O) throws -> LyapunovEstimate {
                let map = OptimizerMap(
                    architecture: architecture, trainingSet: training, optimizer: optimizer, batches: ensembles.batches(row),
                    noiseKey: ensembles.noiseKey(row), engine: ensembles.engine)
                return try estimate(
                    series, map: map, from: map.initialState(parameters: w0), window: window, key: seriesKey, settings: settings,
                    initialCoordinates: map.dimension == count ? nil : map.parameterCoordinates)
            }
            return try ensembles.optimizer.withOptimizer(learningRate: configuration.learningRate) { try onMap($0) }
        }

        for series in settings.series {
            let estimate: LyapunovEstimate
            switch series.method {
            case .tangentSpace, .benettin:
                estimate = try estimateOnMap(series, window: settings.stepWindow(series.window)!)
                if series.method == .tangentSpace, series.window == .late {
                    result.spectrum = estimate.exponents + [Double](repeating: .nan, count: max(0, settings.spectrumCount - estimate.exponents.count))
                }
            case .hybridWolfKantz:
                let window = settings.stepWindow(series.window)!
                let times = ensembles.neighbourTimes(from: window.start, to: window.end)
                let distances = times.map { ensembles.neighbourDistances(row, time: $0) }
                estimate = try HybridWolfKantzEstimator.estimate(
                    initialDistances: distances.map(\.initial), evolvedDistances: distances.map(\.final),
                    horizon: ensembles.neighbourHorizon, timeStep: configuration.learningRate,
                    referenceSteps: times.map { ensembles.neighbourSteps[$0] })
            case .divergenceFit:
                estimate = try DivergenceFitEstimator.estimate(
                    separations: (0..<ensembles.replicaCount).map { ensembles.distanceL1(row, replica: $0) },
                    timeStep: configuration.learningRate, windowRule: settings.divergenceRule(averaging: series.average))
            }
            result.values.append(estimate.maximalExponent ?? .nan)
            result.statuses.append(estimate.status.code)
            result.windowStarts.append(Int64(estimate.window.start))
            result.windowEnds.append(Int64(estimate.window.end))
            result.rSquared.append(estimate.fit?.rSquared ?? .nan)
        }
        if result.spectrum.isEmpty { result.spectrum = [Double](repeating: .nan, count: settings.spectrumCount) }

        let final = ensembles.finalParameters(row)
        if settings.sharpnessIterations > 0, final.allSatisfy(\.isFinite) {
            let top = HessianPowerIteration(key: key.derive("sharpness"), maximumIterations: settings.sharpnessIterations, relativeTolerance: 1e-6)
                .topEigenvalue(dimension: count) { product(final, $0) }
            result.sharpness = top.eigenvalue
            result.sharpnessConverged = top.converged
        }
        return result
    }

    static func estimate(
        _ series: ExponentSeries, map: some DynamicalMap, from state: [Double], window: StepWindow, key: SeedKey,
        settings: ExponentSettings, initialCoordinates: [Int]? = nil
    ) throws -> LyapunovEstimate {
        // With momentum the state is (w, b); perturbations start in w only, like the
        // replicas and neighbours of train-ensembles (see TangentSpaceEstimator.initialCoordinates).
        if series.method == .tangentSpace {
            return try TangentSpaceEstimator(
                key: key, exponentCount: settings.spectrumCount, transientSteps: window.start,
                initialCoordinates: initialCoordinates
            ).estimate(map, from: state, steps: window.length)
        }
        return try BenettinEstimator(
            key: key, initialSeparation: settings.benettinSeparation, transientSteps: window.start,
            initialCoordinates: initialCoordinates
        ).estimate(map, from: state, steps: window.length)
    }
}
