import Foundation

/// A deterministic pseudo-random stream (xoshiro256**, Blackman & Vigna 2018),
/// seeded from a ``SeedKey`` by four SplitMix64 outputs.
///
/// A stream is a value owned by one computation; copy it and both copies produce
/// the same numbers. Create one per independent purpose with ``SeedKey/derive(_:_:)``.
public struct RandomStream: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// The stream seeded by `key`.
    public init(key: SeedKey) {
        var x = key.rawValue
        func next() -> UInt64 {
            x = x &+ 0x9E37_79B9_7F4A_7C15
            return SeedKey.mix(x &- 0x9E37_79B9_7F4A_7C15)
        }
        s0 = next(); s1 = next(); s2 = next(); s3 = next()
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in [lower, upper).
    @inlinable
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * uniform()
    }

    /// A standard normal deviate by the Box–Muller transform; consumes two uniforms.
    public mutating func normal() -> Double {
        let u1 = 1.0 - uniform()  // (0, 1]: log is finite
        let u2 = uniform()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }

    /// A normal deviate with the given mean and standard deviation.
    public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * normal()
    }

    /// A uniformly random integer in `0..<upperBound` by Lemire's unbiased
    /// multiply-and-reject method (Lemire 2019), written out so the sequence does not
    /// depend on the standard library's implementation of `Int.random`.
    public mutating func index(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "index(below:) needs a positive bound")
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    /// The Fisher–Yates shuffle of `0..<count`, deterministic in this stream.
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        if count > 1 {
            for i in stride(from: count - 1, to: 0, by: -1) {
                order.swapAt(i, index(below: i + 1))
            }
        }
        return order
    }
}
