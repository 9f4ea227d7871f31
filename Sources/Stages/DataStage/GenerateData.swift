import Datasets
import FileSchemas
import Foundation
import HDF5
import NumericsCore
import Provenance
import StageKit

/// The `generate-data` stage: writes one data set file with a `train` and a `test`
/// group (`inputs` row-major samples × features, `labels` class indices), or several
/// independent draws of both (`draws`, layout in ``FileSchemas/DataFile``), and its
/// generating parameters as attributes. Parameter `dataset` picks the generator:
/// `xor` (docs/PROTOCOL.md §2), `two-spirals` (§4) or `idx` (MNIST-format files, §3).
public enum GenerateData {
    /// The declared parameters of `generate-data`, by data set kind.
    public static let schema = ParameterSchema([], variants: (key: "dataset", cases: [
        "xor": [
            ParameterField("trainSamples", .integer(atLeast: 1), "training samples m"),
            ParameterField("testSamples", .integer(atLeast: 1), "held-out samples of the same law"),
            ParameterField("noise", .number, "standard deviation of the Gaussian input noise"),
        ],
        "two-spirals": [
            ParameterField("trainSamples", .integer(atLeast: 1), "training samples (half per class; the generator checks the rest)"),
            ParameterField("testSamples", .integer(atLeast: 1), "test samples, an independent draw"),
            ParameterField("radius", .number, "a in x = a t^p (cos 2πb t^p, sin 2πb t^p)"),
            ParameterField("exponent", .number, "p"),
            ParameterField("turns", .number, "b, turns of each spiral"),
            ParameterField("noise", .number, "standard deviation of the Gaussian noise on every point"),
            .optional("draws", .integer(atLeast: 1), """
                independent draws of training and test set (groups draws/0000…, draw k from data/draw/k; \
                absent: one draw as root train/test from data/train, data/test)
                """),
        ],
        "idx": [
            ParameterField("name", .string(), "the data set's name, recorded in the file"),
            ParameterField("imageFormat", .string(oneOf: ["uint8", "float64"]), "stored pixels: bytes (scaled to [0, 1] on reading) or scaled doubles"),
            .optional("trainSubset", .integer(atLeast: 1), "a seeded subset of the training images (absent: all)"),
            .optional("testSubset", .integer(atLeast: 1), "a seeded subset of the test images (absent: all)"),
        ],
    ]))

    /// Runs the stage for `context`.
    public static func run(_ context: StageContext) throws {
        let parameters = context.parameters
        let kind = try parameters.string("dataset", oneOf: ["xor", "two-spirals", "idx"])
        guard let output = context.invocation.outputs.first?.declaredPath, context.invocation.outputs.count == 1 else {
            throw StageError.usage("stage '\(context.stage)' must declare exactly one output (the data set file)")
        }
        let file = try context.createOutputFile(output)
        try file.write(DataFile.Fields.dataset, kind)
        switch kind {
        case "xor":
            let key = try context.seed("data")
            let noise = try parameters.double("noise")
            try DataFile.write(
                split(NoisyXOR(sampleCount: try parameters.int("trainSamples", atLeast: 1), noise: noise)
                    .generate(key: key.derive("train"))), split: "train", to: file)
            try DataFile.write(
                split(NoisyXOR(sampleCount: try parameters.int("testSamples", atLeast: 1), noise: noise)
                    .generate(key: key.derive("test"))), split: "test", to: file)
            try file.root.setAttribute("noise_std", .double(noise))
            try file.write(DataFile.Fields.classCount, 2)
        case "two-spirals":
            let key = try context.seed("data")
            func spirals(_ count: Int) throws -> TwoSpirals {
                TwoSpirals(
                    sampleCount: count, radius: try parameters.double("radius"),
                    exponent: try parameters.double("exponent"), turns: try parameters.double("turns"),
                    noise: try parameters.double("noise"))
            }
            let train = try spirals(try parameters.int("trainSamples", atLeast: 2))
            let test = try spirals(try parameters.int("testSamples", atLeast: 2))
            if parameters.has("draws") {
                let count = try parameters.int("draws", atLeast: 1)
                for draw in 0..<count {
                    let drawKey = key.derive("draw", draw)
                    try DataFile.write(split(train.generate(key: drawKey.derive("train"))), split: "train", draw: draw, to: file)
                    try DataFile.write(split(test.generate(key: drawKey.derive("test"))), split: "test", draw: draw, to: file)
                }
                try file.write(DataFile.Fields.drawCount, Int64(count))
            } else {
                try DataFile.write(split(train.generate(key: key.derive("train"))), split: "train", to: file)
                try DataFile.write(split(test.generate(key: key.derive("test"))), split: "test", to: file)
            }
            for name in ["radius", "exponent", "turns", "noise"] {
                try file.root.setAttribute(name, .double(try parameters.double(name)))
            }
            try file.write(DataFile.Fields.classCount, 2)
        default:
            try importIDX(context, into: file)
        }
        try file.close()
        try context.report(summary: .object(["dataset": .string(kind)]))
    }

    /// Imports an MNIST-format image set from the four declared IDX inputs
    /// (`train-images…`, `train-labels…`, `t10k-images…`, `t10k-labels…`, plain or gzipped).
    static func importIDX(_ context: StageContext, into file: HDF5File) throws {
        let parameters = context.parameters
        func input(_ prefix: String) throws -> StageInvocation.Input {
            guard let found = context.invocation.inputs.first(where: {
                URL(fileURLWithPath: $0.declaredPath).lastPathComponent.hasPrefix(prefix)
            }) else {
                throw StageError.parameter(
                    path: "stages.\(context.stage).inputs",
                    message: "needs an IDX file whose name starts with '\(prefix)' (e.g. \(prefix)-idx\(prefix.hasSuffix("images") ? 3 : 1)-ubyte.gz)")
            }
            return found
        }
        let format = try parameters.string("imageFormat", oneOf: ["uint8", "float64"])
        let key = try context.seed("subset")
        try file.write(DataFile.Fields.name, try parameters.string("name"))
        try file.root.setAttribute("image_format", .string(format))
        try file.write(DataFile.Fields.classCount, 10)
        for (split, prefix, sizeKey) in [("train", "train", "trainSubset"), ("test", "t10k", "testSubset")] {
            let images = try input(prefix + "-images")
            let labels = try input(prefix + "-labels")
            let dataset = try IDXDataset(imagesPath: images.path, labelsPath: labels.path)
            let size = parameters.has(sizeKey) ? try parameters.int(sizeKey, atLeast: 1) : nil
            let indices = dataset.subsetIndices(size: size, key: key.derive(split))
            let group = try file.root.createGroup(split)
            let pixels = dataset.pixels(indices)
            let shape = [indices.count, dataset.pixelCount]
            let written = format == "uint8"
                ? try group.write(DataFile.Fields.pixelBytes, pixels, shape: shape)
                : try group.write(DataFile.Fields.pixelIntensities, pixels.map { Double($0) / 255 }, shape: shape)
            try written.setAttribute("image_shape", .ints(dataset.images.shape.dropFirst().map(Int64.init)))
            try group.write(DataFile.Fields.labels, dataset.labels(indices).map(Int64.init), shape: [indices.count])
            try group.write(DataFile.Fields.sourceIndex, indices.map(Int64.init), shape: [indices.count])
            // Debian recompresses the .gz files; the decompressed bytes identify the data.
            try group.setAttribute("images_sha256_decompressed", .string(ContentHash.sha256(Data(dataset.images.bytes))))
            try group.setAttribute("images_source", .string(images.declaredPath))
        }
    }

    /// A generated data set as a split of the data file.
    static func split(_ data: ClassificationData) -> DataFile.Split {
        DataFile.Split(inputs: data.inputs, labels: data.labels, featureCount: data.featureCount)
    }
}
