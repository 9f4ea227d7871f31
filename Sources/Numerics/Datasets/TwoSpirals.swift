import Foundation
import NumericsCore

/// Two interleaved spirals (docs/PROTOCOL.md §4, after Leimkuhler, Matthews & Vlaar's code):
/// for class 0, `t ~ U[0,1)` and `x = (a t^p cos(2π b t^p), a t^p sin(2π b t^p))`;
/// class 1 is the point reflection `−x` of the same points; every coordinate then gets
/// independent Gaussian noise of standard deviation `noise`. Samples are stored class 0
/// first, then class 1 (training shuffles minibatches itself).
public struct TwoSpirals: Sendable, Equatable {
    public var sampleCount: Int
    public var radius: Double
    public var exponent: Double
    public var turns: Double
    public var noise: Double

    public init(sampleCount: Int, radius: Double = 2, exponent: Double = 0.5, turns: Double = 4, noise: Double = 0.02) {
        self.sampleCount = sampleCount
        self.radius = radius
        self.exponent = exponent
        self.turns = turns
        self.noise = noise
    }

    /// Draws the data set from `key`: first the `count/2` values of t, then the noise of
    /// every coordinate in storage order.
    public func generate(key: SeedKey) -> ClassificationData {
        var stream = key.stream()
        let perClass = sampleCount / 2
        let points = (0..<perClass).map { _ -> (Double, Double) in
            let s = pow(stream.uniform(), exponent)
            let angle = 2 * Double.pi * turns * s
            return (radius * s * cos(angle), radius * s * sin(angle))
        }
        var inputs: [Double] = []
        inputs.reserveCapacity(4 * perClass)
        for sign in [1.0, -1.0] {
            for (x, y) in points {
                inputs.append(sign * x)
                inputs.append(sign * y)
            }
        }
        for index in inputs.indices {
            inputs[index] += noise * stream.normal()
        }
        let labels = [Int](repeating: 0, count: perClass) + [Int](repeating: 1, count: perClass)
        return ClassificationData(inputs: inputs, labels: labels, featureCount: 2)
    }
}
