import Datasets
import Foundation
import NumericsCore
import TestSupport
import XCTest

final class GeneratorTests: XCTestCase {
    func testNoisyXORStatistics() {
        let data = NoisyXOR(sampleCount: 20_000, noise: 0.2).generate(key: SeedKey(1))
        XCTAssertEqual(data.count, 20_000)
        // Labels: XOR of the clean bits → P(y = 1) = 1/2; 6σ band of a binomial proportion.
        let ones = Double(data.labels.reduce(0, +)) / 20_000
        XCTAssertEqual(ones, 0.5, accuracy: 6 * 0.5 / sqrt(20_000))
        // Noise: each input minus its nearest bit is N(0, 0.2²) (rounding misassigns
        // only |noise| > 0.5, a 2.5σ event, which biases the std by < 1%).
        var residuals: [Double] = []
        var agree = 0
        for sample in 0..<data.count {
            let bits = (0..<2).map { data[sample, $0].rounded() }
            residuals += (0..<2).map { data[sample, $0] - bits[$0] }
            if Int(bits[0]) ^ Int(bits[1]) == data.labels[sample] { agree += 1 }
        }
        let std = (residuals.map { $0 * $0 }.reduce(0, +) / Double(residuals.count)).squareRoot()
        XCTAssertEqual(std, 0.2, accuracy: 0.01)
        // Rounding recovers a bit unless |noise| > 0.5 (probability 2(1 − Φ(2.5)) =
        // 0.012419 per input), so labels agree with the rounded inputs with probability
        // (1 − 0.012419)² = 0.97531; 6σ of a proportion over 20 000 samples ≈ 0.0066.
        XCTAssertEqual(Double(agree) / 20_000, 0.97531, accuracy: 0.0066)
    }

    func testGeneratorsAreDeterministicAndKeyed() {
        XCTAssertEqual(NoisyXOR().generate(key: SeedKey(3)), NoisyXOR().generate(key: SeedKey(3)))
        XCTAssertNotEqual(NoisyXOR().generate(key: SeedKey(3)), NoisyXOR().generate(key: SeedKey(4)))
        XCTAssertEqual(TwoSpirals(sampleCount: 50).generate(key: SeedKey(3)), TwoSpirals(sampleCount: 50).generate(key: SeedKey(3)))
    }

    func testTwoSpiralsGeometry() {
        let clean = TwoSpirals(sampleCount: 2000, noise: 0).generate(key: SeedKey(9))
        XCTAssertEqual(clean.labels.filter { $0 == 0 }.count, 1000)
        for sample in 0..<1000 {
            // Class 1 is the point reflection of class 0.
            XCTAssertEqual(clean[sample, 0], -clean[sample + 1000, 0])
            XCTAssertEqual(clean[sample, 1], -clean[sample + 1000, 1])
            // Radius a·t^p ∈ [0, a) and angle 2πb·t^p: the angle is 2πb · r / a.
            let radius = (clean[sample, 0] * clean[sample, 0] + clean[sample, 1] * clean[sample, 1]).squareRoot()
            XCTAssertLessThan(radius, 2.0)
            let angle = 2 * Double.pi * 4 * radius / 2
            XCTAssertEqual(clean[sample, 0], radius * cos(angle), accuracy: 1e-12)
        }
        // With t uniform and p = 1/2, the radius r = 2√t has P(r < 1) = P(t < 1/4) = 1/4.
        let inner = (0..<1000).filter { hypot(clean[$0, 0], clean[$0, 1]) < 1 }.count
        XCTAssertEqual(Double(inner) / 1000, 0.25, accuracy: 6 * (0.25 * 0.75 / 1000).squareRoot())
    }
}

final class IDXTests: XCTestCase {
    let directory = TemporaryDirectory("idx")

    func idx(shape: [Int], payload: [UInt8]) -> Data {
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(shape.count)]
        for dimension in shape {
            bytes += [UInt8(dimension >> 24 & 255), UInt8(dimension >> 16 & 255), UInt8(dimension >> 8 & 255), UInt8(dimension & 255)]
        }
        return Data(bytes + payload)
    }

    func gzip(_ data: Data, name: String) throws -> String {
        let path = directory.path + "/" + name
        try data.write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-kn", path]
        try process.run()
        process.waitUntilExit()
        return path + ".gz"
    }

    func testParsesPlainAndGzippedFiles() throws {
        let payload = (0..<24).map { UInt8($0) }
        let plain = try IDXFile(data: idx(shape: [2, 3, 4], payload: payload), source: "mem")
        XCTAssertEqual(plain.shape, [2, 3, 4])
        XCTAssertEqual(plain.bytes, payload)
        let zipped = try gzip(idx(shape: [2, 3, 4], payload: payload), name: "images")
        XCTAssertEqual(try IDXFile(contentsOf: zipped), plain)
    }

    func testCorruptFilesGiveClearErrors() throws {
        let cases: [(Data, String)] = [
            (Data([0, 0]), "not even an IDX header"),
            (Data([1, 0, 8, 1, 0, 0, 0, 1, 5]), "two zero bytes"),
            (Data([0, 0, 0x0D, 1, 0, 0, 0, 1, 5]), "0xd is not 0x08"),
            (idx(shape: [10, 2], payload: [1, 2, 3]), "truncated"),
            (Data([0, 0, 8, 3, 0, 0]), "file ends first"),
        ]
        for (data, expected) in cases {
            XCTAssertThrowsError(try IDXFile(data: data, source: "bad.idx")) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error) should mention \(expected)")
                XCTAssertTrue("\(error)".contains("bad.idx"))
            }
        }
        // A truncated gzip stream.
        let zipped = try gzip(idx(shape: [100], payload: [UInt8](repeating: 7, count: 100)), name: "labels")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: zipped))
        XCTAssertThrowsError(try IDXFile(data: bytes.prefix(bytes.count - 12), source: "cut.gz")) { error in
            XCTAssertTrue("\(error)".contains("damaged or truncated"), "\(error)")
        }
        XCTAssertThrowsError(try IDXFile(contentsOf: directory.path + "/missing")) { error in
            XCTAssertTrue("\(error)".contains("does not exist"))
        }
    }

    /// docs/PROTOCOL.md §3: the loader takes original MNIST IDX files, plain or gzipped, when a
    /// path is given. A file cut short on disk — plain, gzipped whole, or with the gzip
    /// stream itself cut — is refused with an error that names the file.
    func testTruncatedFilesOnDiskAreRefusedByName() throws {
        let truncated = idx(shape: [3, 28, 28], payload: [UInt8](repeating: 1, count: 2 * 28 * 28))
        let plain = directory.path + "/train-images-idx3-ubyte"
        try truncated.write(to: URL(fileURLWithPath: plain))
        let zipped = try gzip(truncated, name: "t10k-images-idx3-ubyte")
        let cutStream = directory.path + "/cut-labels-idx1-ubyte.gz"
        let whole = try Data(contentsOf: URL(fileURLWithPath: try gzip(
            idx(shape: [600], payload: [UInt8](repeating: 3, count: 600)), name: "labels-idx1-ubyte")))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: cutStream))
        for (path, expected) in [(plain, "truncated"), (zipped, "truncated"), (cutStream, "damaged or truncated")] {
            XCTAssertThrowsError(try IDXFile(contentsOf: path)) { error in
                XCTAssertTrue("\(error)".contains(path), "\(error) should name \(path)")
                XCTAssertTrue("\(error)".contains(expected), "\(error) should say \(expected)")
            }
        }
        XCTAssertThrowsError(try IDXDataset(imagesPath: zipped, labelsPath: cutStream)) { error in
            XCTAssertTrue("\(error)".contains(zipped), "\(error)")
        }
    }

    func testDatasetPairsImagesWithLabelsAndSubsetsDeterministically() throws {
        let imagesPath = directory.path + "/img"
        let labelsPath = directory.path + "/lab"
        try idx(shape: [5, 2, 2], payload: (0..<20).map { UInt8($0) }).write(to: URL(fileURLWithPath: imagesPath))
        try idx(shape: [5], payload: [9, 8, 7, 6, 5]).write(to: URL(fileURLWithPath: labelsPath))
        let set = try IDXDataset(imagesPath: imagesPath, labelsPath: labelsPath)
        XCTAssertEqual(set.pixels([1, 3]), [4, 5, 6, 7, 12, 13, 14, 15])
        XCTAssertEqual(set.labels([1, 3]), [8, 6])
        let subset = set.subsetIndices(size: 3, key: SeedKey(1))
        XCTAssertEqual(subset, set.subsetIndices(size: 3, key: SeedKey(1)))
        XCTAssertEqual(subset, subset.sorted())
        XCTAssertEqual(Set(subset).count, 3)
        XCTAssertEqual(set.subsetIndices(size: nil, key: SeedKey(1)), [0, 1, 2, 3, 4])
        try idx(shape: [4], payload: [1, 2, 3, 4]).write(to: URL(fileURLWithPath: labelsPath))
        XCTAssertThrowsError(try IDXDataset(imagesPath: imagesPath, labelsPath: labelsPath)) { error in
            XCTAssertTrue("\(error)".contains("do not belong together"))
        }
    }

    func testDebianFashionMNISTIfInstalled() throws {
        let root = "/usr/share/datasets/fashion-mnist/"
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: root + "t10k-labels-idx1-ubyte.gz"),
            "dataset-fashion-mnist is not installed; `make test` installs it")
        let set = try IDXDataset(imagesPath: root + "t10k-images-idx3-ubyte.gz", labelsPath: root + "t10k-labels-idx1-ubyte.gz")
        XCTAssertEqual(set.images.shape, [10_000, 28, 28])
        XCTAssertEqual(Set(set.labels(Array(0..<10_000))), Set(0..<10), "ten classes")
    }
}
