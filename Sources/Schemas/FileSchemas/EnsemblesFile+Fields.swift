import HDF5

extension EnsemblesFile {
    /// The declared attributes and datasets of an ensembles file.
    public enum Fields {
        /// Root `steps`.
        public static let steps = AttributeField<Int64>("steps", meaning: "T, training steps")
        /// Root `replica_count`.
        public static let replicaCount = AttributeField<Int64>("replica_count", meaning: "R, replicas per configuration")
        /// Root `shard`.
        public static let shard = AttributeField<[Int64]>("shard", meaning: "[shard index, shard count]")
        /// Root `momentum`.
        public static let momentum = AttributeField<Double>("momentum", meaning: "heavy-ball μ, 0 for other optimizers")
        /// Root `loss`.
        public static let loss = AttributeField<String>("loss", meaning: "the training loss")
        /// Root `output_activation`.
        public static let outputActivation = AttributeField<String>("output_activation", meaning: "activation of the output layer")
        /// Root `initialization`.
        public static let initialization = AttributeField<String>("initialization", meaning: "the initialization law")
        /// Root `optimizer`.
        public static let optimizer = AttributeField<String>("optimizer", meaning: "the optimizer's name")
        /// Root `optimizer_hyperparameters`.
        public static let optimizerHyperparameters = AttributeField<String>(
            "optimizer_hyperparameters", meaning: "the optimizer's settings besides the step size, canonical JSON")
        /// Root `batch_size`.
        public static let batchSize = AttributeField<Int64>("batch_size", meaning: "minibatch size; 0 for full batch")
        /// Root `ensembles_key`.
        public static let ensemblesKey = AttributeField<String>(
            "ensembles_key", meaning: "the stage's seed (decimal): batches and noise of row c derive from it")
        /// Root `evaluates_training_set`.
        public static let evaluatesTrainingSet = AttributeField<Int64>(
            "evaluates_training_set", meaning: "1 if the whole training set was evaluated at recorded_steps")
        /// Root `engine`.
        public static let engine = AttributeField<String>("engine", meaning: "the gradient code that trained the runs")

        /// `/configurations/data_draw` [configuration].
        public static let dataDraw = DatasetField<Int64>(
            "configurations/data_draw", dimensions: ["configuration"], meaning: "draw of the data file trained and tested on")
        /// `/configurations/parameter_count` [configuration].
        public static let parameterCount = DatasetField<Int64>(
            "configurations/parameter_count", dimensions: ["configuration"], meaning: "parameters of the net")
        /// `/configurations/layer_sizes` [configuration, layer].
        public static let layerSizes = DatasetField<Int64>(
            "configurations/layer_sizes", dimensions: ["configuration", "layer"], meaning: "[inputs, hidden…, outputs] of each network (0-padded)",
            storage: perConfiguration)

        /// The storage of every dataset of more than one axis: chunks of about 2¹⁸ elements of
        /// whole rows of the first axis, deflate level 1 (contiguous when an extent is 0).
        public static let perConfiguration = DatasetStorage.chunked(deflateLevel: 1) { chunk(for: $0) }

        /// The chunks of a dataset of `shape`: about 2¹⁸ elements of whole rows of the first
        /// axis (nil when an extent is 0: stored contiguous).
        public static func chunk(for shape: [Int]) -> [Int]? {
            guard shape.allSatisfy({ $0 > 0 }) else { return nil }
            var chunk = shape
            chunk[0] = max(1, min(shape[0], max(1, 1 << 18 / max(1, shape.dropFirst().reduce(1, *)))))
            return chunk
        }

        static func rows(_ path: String, _ axes: [String], _ meaning: String) -> DatasetField<Double> {
            DatasetField(path, dimensions: ["configuration"] + axes, meaning: meaning, storage: perConfiguration)
        }

        /// `/reference/recorded_steps` [recorded step].
        public static let recordedSteps = DatasetField<Int64>(
            "reference/recorded_steps", dimensions: ["recorded step"], meaning: "steps at which the test set (and training set) were evaluated")
        /// `/reference/training_loss` [configuration, step].
        public static let trainingLoss = rows(
            "reference/training_loss", ["step"],
            "training loss of the reference at w_t on the batch of step t: the whole training set for full-batch steps, step t's minibatch otherwise (NaN after divergence)")
        /// `/reference/test_loss` [configuration, recorded step].
        public static let testLoss = rows("reference/test_loss", ["recorded step"], "test-set loss of the reference at recorded_steps")
        /// `/reference/test_accuracy` [configuration, recorded step].
        public static let testAccuracy = rows(
            "reference/test_accuracy", ["recorded step"], "test-set accuracy (fraction correct) at recorded_steps")
        /// `/reference/training_set_loss` [configuration, recorded step] (optional).
        public static let trainingSetLoss = rows(
            "reference/training_set_loss", ["recorded step"], "loss on the whole training set at recorded_steps")
        /// `/reference/training_set_accuracy` [configuration, recorded step] (optional).
        public static let trainingSetAccuracy = rows(
            "reference/training_set_accuracy", ["recorded step"], "accuracy on the whole training set at recorded_steps")
        /// `/reference/optimizer_diagnostics` [configuration, recorded step, diagnostic] (optional).
        public static let optimizerDiagnostics = rows(
            "reference/optimizer_diagnostics", ["recorded step", "diagnostic"],
            "observables of the reference's optimizer state at recorded_steps (names: attribute 'names'; kinetic temperatures are pᵀp/N per tensor)")
        /// The `names` attribute of `optimizer_diagnostics`.
        public static let diagnosticNames = AttributeField<[String]>(
            "names", on: "reference/optimizer_diagnostics", meaning: "name of each diagnostic")
        /// `/reference/thermostat_point_diagnostics` [configuration, recorded step, diagnostic]
        /// (optional; Langevin-family optimizers).
        public static let thermostatPointDiagnostics = rows(
            "reference/thermostat_point_diagnostics", ["recorded step", "diagnostic"],
            "observables of the reference measured inside the step before each recorded step, at the thermostat's own point: kinetic temperatures pᵀp/N per tensor after O (Langevin tensors; where LOL's overdamped layers redraw their momentum) or at E (Adaptive-Langevin tensors); NaN at step 0 (names: attribute 'names')")
        /// The `names` attribute of `thermostat_point_diagnostics`.
        public static let thermostatPointDiagnosticNames = AttributeField<[String]>(
            "names", on: "reference/thermostat_point_diagnostics", meaning: "name of each thermostat-point diagnostic")
        /// `/reference/parameter_steps` [parameter step].
        public static let parameterSteps = DatasetField<Int64>(
            "reference/parameter_steps", dimensions: ["parameter step"], meaning: "steps at which the reference parameters were stored")
        /// `/reference/parameters` [configuration, parameter step, parameter].
        public static let parameters = rows(
            "reference/parameters", ["parameter step", "parameter"],
            "reference parameters at parameter_steps (flat layout: layer by layer, weights row-major then biases; NaN padding beyond parameter_count)")
        /// `/reference/final_parameters` [configuration, parameter].
        public static let finalParameters = rows(
            "reference/final_parameters", ["parameter"], "reference parameters after the last step (NaN padding beyond parameter_count)")
        /// `/reference/status_step` [configuration].
        public static let statusStep = DatasetField<Int64>(
            "reference/status_step", dimensions: ["configuration"], meaning: "first unrecorded step of a diverged run; −1 if completed")
        /// `/reference/status_reason` [configuration].
        public static let statusReason = DatasetField<Int64>(
            "reference/status_reason", dimensions: ["configuration"],
            meaning: "0 completed, 1 non-finite loss, 2 non-finite parameters, 3 |w|∞ above the bound")

        /// `/replicas/distance_l1` [configuration, replica, step 0…T_R].
        public static let distanceL1 = rows(
            "replicas/distance_l1", ["replica", "step"],
            "L1 distance between replica and reference parameters at steps 0…T_R (attribute replicas/steps; NaN after divergence)")
        /// `/replicas/distance_l2` [configuration, replica, step 0…T_R].
        public static let distanceL2 = rows(
            "replicas/distance_l2", ["replica", "step"],
            "L2 distance between replica and reference parameters at steps 0…T_R (attribute replicas/steps; NaN after divergence)")
        /// `/replicas` attribute `steps`: T_R (absent in files where the replicas ran all T).
        public static let replicaSteps = AttributeField<Int64>(
            "steps", on: "replicas", meaning: "T_R, steps the replicas ran (their distances are recorded at steps 0…T_R; T_R ≤ T)")
        /// `/replicas/status_step` [configuration, replica].
        public static let replicaStatusStep = DatasetField<Int64>(
            "replicas/status_step", dimensions: ["configuration", "replica"],
            meaning: "first unrecorded step of a diverged replica; −1 if completed", storage: perConfiguration)
        /// `/replicas` attribute `perturbation`.
        public static let perturbation = AttributeField<String>("perturbation", on: "replicas", meaning: "the law of the replicas' perturbation at t = 0")

        /// `/neighbours/reference_steps` [reference time] (optional group).
        public static let neighbourSteps = DatasetField<Int64>(
            "neighbours/reference_steps", dimensions: ["reference time"], meaning: "steps t_i of the reference at which neighbours are spawned")
        /// `/neighbours/initial_distance` [configuration, reference time, neighbour].
        public static let neighbourInitialDistance = rows(
            "neighbours/initial_distance", ["reference time", "neighbour"], "L2 distance ‖w^j(t_i) − w(t_i)‖ at spawning")
        /// `/neighbours/final_distance` [configuration, reference time, neighbour].
        public static let neighbourFinalDistance = rows(
            "neighbours/final_distance", ["reference time", "neighbour"], "L2 distance ‖w^j(t_i+τ) − w(t_i+τ)‖ after the horizon τ")
        /// `/neighbours/status_step` [configuration, reference time, neighbour].
        public static let neighbourStatusStep = DatasetField<Int64>(
            "neighbours/status_step", dimensions: ["configuration", "reference time", "neighbour"],
            meaning: "first unrecorded step of a diverged neighbour; −1 if completed", storage: perConfiguration)
        /// `/neighbours` attribute `horizon`.
        public static let neighbourHorizon = AttributeField<Int64>("horizon", on: "neighbours", meaning: "τ, steps a neighbour runs")
        /// `/neighbours` attribute `standard_deviation`.
        public static let neighbourStandardDeviation = AttributeField<Double>(
            "standard_deviation", on: "neighbours", meaning: "standard deviation of the neighbours' perturbation")

        /// Every dataset.
        public static let all: [any DeclaredField] = ConfigurationTable.Fields.all + [
            dataDraw, parameterCount, layerSizes, recordedSteps, trainingLoss, testLoss, testAccuracy, trainingSetLoss,
            trainingSetAccuracy, optimizerDiagnostics, thermostatPointDiagnostics, parameterSteps, parameters, finalParameters, statusStep, statusReason,
            distanceL1, distanceL2, replicaStatusStep, neighbourSteps, neighbourInitialDistance, neighbourFinalDistance, neighbourStatusStep,
        ]
    }
}
