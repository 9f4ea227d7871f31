import HDF5

/// The ensembles file (written by `train-ensembles`, read by `estimate-exponents` and the
/// experiments' aggregates): C configurations, T steps, K evaluation steps, K' parameter
/// steps, P the largest parameter count (smaller nets are padded with NaN), L the most
/// layer sizes, R replicas, M neighbour times, U neighbours per time. The file says which
/// networks, loss, optimizer and batches made it, so downstream stages never need the
/// producing stage's parameters.
///
/// This type is the header (root attributes and the `/configurations` table), read
/// whole; the large per-step arrays are read one declared field at a time
/// (``Fields``, e.g. `file.read(EnsemblesFile.Fields.trainingLoss)`).
///
/// - root attributes: `steps`, `replica_count`, `shard` [i, n], `loss`, `output_activation`,
///   `initialization`, `optimizer` (name), `optimizer_hyperparameters` (canonical JSON),
///   `momentum` (heavy-ball μ, 0 otherwise), `batch_size` (0: full batch), `ensembles_key`
///   (the stage's seed, a decimal string), `evaluates_training_set`, `engine`
/// - `/configurations/{index, activation, width, learning_rate, seed_index, data_draw, parameter_count}` [C],
///   `layer_sizes` [C, L] (0-padded; `width` is the first hidden layer)
/// - `/reference/training_loss` [C, T+1], `test_loss`, `test_accuracy` [C, K], `recorded_steps` [K],
///   optionally `training_set_loss`, `training_set_accuracy` [C, K], `optimizer_diagnostics`
///   [C, K, names] (attribute `names`; measured after the step) and `thermostat_point_diagnostics`
///   [C, K, names] (attribute `names`; measured inside the step, at the thermostat's own point); `parameters` [C, K', P] at `parameter_steps` [K'],
///   `final_parameters` [C, P], `status_step`, `status_reason` [C] (−1 / 0: completed)
/// - `/replicas/distance_l1`, `distance_l2` [C, R, T_R+1], `status_step` [C, R]; attributes
///   `perturbation` and `steps` (T_R ≤ T, the steps the replicas ran; absent: T)
/// - optionally `/neighbours/reference_steps` [M] (the spawned reference times, a subset of
///   the grid when the stage restricts them), `initial_distance`, `final_distance`,
///   `status_step` [C, M, U]; attributes `horizon`, `standard_deviation`
///
/// A shard's file has the same layout, holding only its rows: every dataset whose first
/// axis is `configuration` is split by rows, every other one is the same in all shards.
public struct EnsemblesFile: Sendable, Equatable {
    /// T, training steps.
    public var steps: Int64
    /// R, replicas per configuration.
    public var replicaCount: Int64
    /// [shard index, shard count]; [0, 1] for a whole sweep.
    public var shard: [Int64]
    /// Heavy-ball momentum μ (0 for other optimizers).
    public var momentum: Double
    /// The loss (`mse`, `bce`, `softmax-cross-entropy`, …), as Networks names it.
    public var loss: String
    /// The output activation, as Networks names it.
    public var outputActivation: String
    /// The initialization, in words.
    public var initialization: String
    /// The optimizer's name and its settings besides the step size (canonical JSON text).
    public var optimizer: String, optimizerHyperparameters: String
    /// Minibatch size; 0 for full-batch steps.
    public var batchSize: Int64
    /// The stage's seed as a decimal string (batches and noise of each row derive from it).
    public var ensemblesKey: String
    /// 1 if the whole training set was evaluated at the recorded steps.
    public var evaluatesTrainingSet: Int64
    /// The gradient code that trained the runs.
    public var engine: String
    /// The rows.
    public var configurations: ConfigurationTable
    /// The data draw of each row (0 in files written before draws existed).
    public var dataDraw: [Int64]
    /// Parameters of each row's network.
    public var parameterCount: [Int64]
    /// [C, L] row-major: `[inputs, hidden…, outputs]` of each row's network, 0-padded.
    public var layerSizes: [Int64]
    /// L, columns of ``layerSizes`` (the most layer sizes of the whole sweep).
    public var layerColumns: Int

    /// A header of these values.
    public init(
        steps: Int64, replicaCount: Int64, shard: [Int64], momentum: Double, loss: String, outputActivation: String,
        initialization: String, optimizer: String, optimizerHyperparameters: String, batchSize: Int64, ensemblesKey: String,
        evaluatesTrainingSet: Int64, engine: String, configurations: ConfigurationTable, dataDraw: [Int64],
        parameterCount: [Int64], layerSizes: [Int64], layerColumns: Int
    ) {
        (self.steps, self.replicaCount, self.shard, self.momentum, self.loss) = (steps, replicaCount, shard, momentum, loss)
        (self.outputActivation, self.initialization, self.optimizer, self.optimizerHyperparameters) =
            (outputActivation, initialization, optimizer, optimizerHyperparameters)
        (self.batchSize, self.ensemblesKey, self.evaluatesTrainingSet, self.engine) = (batchSize, ensemblesKey, evaluatesTrainingSet, engine)
        (self.configurations, self.dataDraw, self.parameterCount, self.layerSizes) = (configurations, dataDraw, parameterCount, layerSizes)
        self.layerColumns = layerColumns
    }

    /// The number of rows.
    public var count: Int { configurations.count }

    /// The layer sizes of row `row` without the padding.
    public func layerSizes(_ row: Int) -> [Int] {
        layerSizes[(row * layerColumns)..<((row + 1) * layerColumns)].map(Int.init).filter { $0 > 0 }
    }

    /// Writes the root attributes and the `/configurations` table into the new `file`.
    public func write(to file: HDF5File) throws {
        try file.write(Fields.steps, steps)
        try file.write(Fields.replicaCount, replicaCount)
        try file.write(Fields.shard, shard)
        try file.write(Fields.momentum, momentum)
        try file.write(Fields.loss, loss)
        try file.write(Fields.outputActivation, outputActivation)
        try file.write(Fields.initialization, initialization)
        try file.write(Fields.optimizer, optimizer)
        try file.write(Fields.optimizerHyperparameters, optimizerHyperparameters)
        try file.write(Fields.batchSize, batchSize)
        try file.write(Fields.ensemblesKey, ensemblesKey)
        try file.write(Fields.evaluatesTrainingSet, evaluatesTrainingSet)
        try file.write(Fields.engine, engine)
        try configurations.write(to: file)
        try file.write(Fields.dataDraw, dataDraw, shape: [count])
        try file.write(Fields.parameterCount, parameterCount, shape: [count])
        try file.write(Fields.layerSizes, layerSizes, shape: [count, layerColumns])
    }

    /// Reads the header of `file`.
    public init(reading file: HDF5File) throws {
        steps = try file.read(Fields.steps)
        replicaCount = try file.read(Fields.replicaCount)
        shard = try file.read(Fields.shard)
        momentum = try file.read(Fields.momentum)
        loss = try file.read(Fields.loss)
        outputActivation = try file.read(Fields.outputActivation)
        initialization = try file.read(Fields.initialization)
        optimizer = try file.read(Fields.optimizer)
        optimizerHyperparameters = try file.read(Fields.optimizerHyperparameters)
        batchSize = try file.read(Fields.batchSize)
        ensemblesKey = try file.read(Fields.ensemblesKey)
        evaluatesTrainingSet = try file.read(Fields.evaluatesTrainingSet)
        engine = try file.read(Fields.engine)
        configurations = try ConfigurationTable(reading: file)
        let count = configurations.count
        dataDraw = try file.readIfPresent(Fields.dataDraw)?.values ?? [Int64](repeating: 0, count: count)
        parameterCount = try file.read(Fields.parameterCount).values
        let sizes = try file.read(Fields.layerSizes)
        layerSizes = sizes.values
        layerColumns = sizes.shape[1]
        guard dataDraw.count == count, parameterCount.count == count, sizes.shape[0] == count else {
            throw SchemaError(file: file.path, object: "/configurations", reason: "its columns have different lengths; rerun the ensembles stage")
        }
    }

    /// Reads the header of the ensembles file at `path`.
    public init(path: String) throws {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        try self.init(reading: file)
    }

    /// Reads `field` (a [C, …] dataset) from `file` after checking it has this header's C rows.
    public func rows<T>(_ field: DatasetField<T>, from file: HDF5File) throws -> HDF5Array<T> {
        let array = try file.read(field)
        guard array.shape.first == count else {
            throw SchemaError(
                file: file.path, object: "/" + field.path,
                reason: "has shape \(array.shape) but the file has \(count) configurations; rerun the ensembles stage")
        }
        return array
    }
}
