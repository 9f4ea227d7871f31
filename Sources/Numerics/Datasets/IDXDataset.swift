import NumericsCore

/// An image classification set from a pair of IDX files (images `n × rows × cols`,
/// labels `n`), e.g. MNIST or Fashion-MNIST.
public struct IDXDataset: Sendable {
    public var images: IDXFile
    public var labels: IDXFile

    /// Reads the image and label files and checks that they agree.
    public init(imagesPath: String, labelsPath: String) throws {
        images = try IDXFile(contentsOf: imagesPath)
        labels = try IDXFile(contentsOf: labelsPath)
        guard images.shape.count == 3 else {
            throw DatasetError.mismatch(reason: "\(imagesPath) has \(images.shape.count) dimensions, images need 3")
        }
        guard labels.shape.count == 1, labels.shape[0] == images.shape[0] else {
            throw DatasetError.mismatch(
                reason: "\(labelsPath) holds \(labels.shape) labels for \(images.shape[0]) images in \(imagesPath)")
        }
    }

    /// The number of images.
    public var count: Int { images.shape[0] }
    /// Pixels per image.
    public var pixelCount: Int { images.shape[1] * images.shape[2] }

    /// The indices of a deterministic subset of `size` images (all when `size` is nil
    /// or not smaller than the set): the first `size` entries of a permutation drawn
    /// from `key`, sorted ascending so the subset keeps the file's order.
    public func subsetIndices(size: Int?, key: SeedKey) -> [Int] {
        guard let size, size < count else { return Array(0..<count) }
        var stream = key.stream()
        return stream.permutation(count).prefix(size).sorted()
    }

    /// Pixels of the chosen images, row-major `indices.count × pixelCount`.
    public func pixels(_ indices: [Int]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(indices.count * pixelCount)
        for index in indices {
            result.append(contentsOf: images.bytes[(index * pixelCount)..<((index + 1) * pixelCount)])
        }
        return result
    }

    /// Labels of the chosen images.
    public func labels(_ indices: [Int]) -> [Int] {
        indices.map { Int(labels.bytes[$0]) }
    }
}
