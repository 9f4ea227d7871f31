import Datasets
import Dynamics
import EnsembleReplay
import FileSchemas
import Foundation
import HDF5
import Lyapunov
import Networks
import NumericsCore
import Provenance
import StageKit

/// The `estimate-exponents` stage (ISSUE #4): for every configuration of an ensembles
/// file, λ by the four estimators of docs/PROTOCOL.md §1 over an early window (the learning
/// transient) and a late window (after the loss settles), the top Hessian eigenvalue at
/// the end, and whether the loss was still falling. The tangent-space and Benettin
/// estimators re-run the reference from its stored w_0 with the same map (full-batch GD
/// or heavy-ball GD); the hybrid and divergence-fit estimators use the neighbour and
/// replica distances recorded by `train-ensembles`. A diverged or dead run gives a
/// status code, not an error.
public enum EstimateExponents {
    public static func run(_ context: StageContext) throws {
        let parameters = context.parameters
        if try parameters.string("mode", oneOf: ["ensembles", "validate"]) == "validate" {
            return try ValidationTable.write(context)
        }
        let settings = try ExponentSettings(parameters)
        let inputs = context.inputs(endingWith: ".h5")
        guard let dataInput = inputs.first(where: { $0.declaredPath == (try? parameters.string("data")) }),
            let ensemblesInput = inputs.first(where: { $0.declaredPath == (try? parameters.string("ensembles")) })
        else {
            throw StageError.parameter(
                path: parameters.path, message: "needs 'data' and 'ensembles' naming two of the stage's declared .h5 inputs")
        }
        // Everything about the training (networks, loss, optimizer, batches, noise) is
        // read from the ensembles file itself, never from the producing stage's parameters.
        let ensemblesFile = try HDF5File.open(ensemblesInput.path)
        let ensembles = try EnsembleRuns(file: ensemblesFile)
        try ensemblesFile.close()
        let dataFile = try HDF5File.open(dataInput.path)
        let outputCount = ensembles.architectures.first?.outputCount ?? 1
        // The training set of every data draw the file's configurations used.
        var trainingSets: [Int: Dataset] = [:]
        for draw in Set(ensembles.dataDraws).sorted() {
            trainingSets[draw] = try Dataset(
                ClassificationData(DataFile.read(split: "train", draw: draw, from: dataFile)), outputCount: outputCount)
        }
        try dataFile.close()
        guard settings.windows.late.end <= ensembles.steps else {
            throw StageError.parameter(
                path: parameters.path + ".windows", message: "the late window ends at \(settings.windows.late.end), after the \(ensembles.steps) trained steps")
        }
        if settings.series.contains(where: { $0.method == .divergenceFit }), ensembles.replicaSteps < ensembles.steps {
            let needed = settings.divergenceRule.lastStepRead
            guard let needed, needed <= ensembles.replicaSteps else {
                throw StageError.parameter(
                    path: parameters.path + ".divergenceFit",
                    message: "the divergence fit reads \(needed.map { "up to step \($0)" } ?? "the whole run (selection longest-below-saturation)"), "
                        + "but the replicas of \(ensemblesInput.declaredPath) ran only \(ensembles.replicaSteps) of its \(ensembles.steps) steps; "
                        + "raise replicas.steps in the ensembles stage or shorten the fit (fitStart + maximumLength)")
            }
        }
        for series in settings.series where series.method == .hybridWolfKantz {
            let window = settings.stepWindow(series.window)!
            let tau = ensembles.neighbourHorizon
            let times = ensembles.neighbourTimes(from: window.start, to: window.end).map { ensembles.neighbourSteps[$0] }
            // The spawned times must tile the window at the spacing τ (a stage may spawn
            // neighbours only inside stated ranges; a window outside them would lose times).
            // A window shorter than τ holds no time on any grid: the estimate says so itself.
            let tiles = !times.isEmpty && times.first! - window.start < tau && window.end - tau - times.last! < tau
                && zip(times, times.dropFirst()).allSatisfy { $1 - $0 == tau }
            guard tiles || window.end - window.start < tau else {
                throw StageError.parameter(
                    path: parameters.path + ".windows." + series.window.rawValue,
                    message: "the hybrid estimator's window [\(window.start), \(window.end)) is not covered by the neighbours of "
                        + "\(ensemblesInput.declaredPath) (spawned at \(ensembles.neighbourSteps.count) reference times, τ = \(tau)); "
                        + "widen neighbours.within in the ensembles stage to contain the window")
            }
        }
        let keys = try context.seed("estimators")
        let progress = context.progress("configurations", total: ensembles.configurations.count)
        let rows = try Parallel.map(Array(ensembles.configurations.indices), threads: context.threads) { row in
            defer { progress.advance() }
            return try ConfigurationEstimates.compute(
                row: row, ensembles: ensembles, training: trainingSets[ensembles.dataDraws[row]]!, settings: settings, keys: keys)
        }
        let output = context.invocation.outputs[0].declaredPath
        let file = try context.createOutputFile(output)
        try ExponentFileWriter(settings: settings, ensembles: ensembles).contents(rows)
            .write(to: file, fallingThreshold: settings.fallingThreshold)
        try file.close()
        try context.report(summary: .object(["configurations": .int(Int64(rows.count))]))
    }
}
