/// A deterministic, splittable seed: the root of every random stream in the pipeline.
///
/// Keys are values, derived by labels and counters, never drawn from a shared
/// mutable generator (the scheme JAX uses for its PRNG keys). A stream's key depends
/// only on the experiment's root seed and the path of labels that leads to it, e.g.
/// `root.derive("init", 3).derive("replica", 7)`, so adding a seed or a replica
/// never changes any other stream, and results do not depend on thread count or on
/// the order in which streams are created.
///
/// Derivation: `derive(label, index) = mix(mix(key ⊕ fnv1a64(label)) + index · φ64)`
/// where `mix` is the SplitMix64 finalizer (Steele, Lea & Flood 2014) and
/// φ64 = 0x9E3779B97F4A7C15. FNV-1a is over the label's UTF-8 bytes.
public struct SeedKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 64-bit value of the key.
    public let rawValue: UInt64

    /// A key whose value is `rawValue` (e.g. an experiment's root seed from `pipeline.json`).
    public init(_ rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// The child key for `label` and `index`; pure and collision-resistant in practice.
    public func derive(_ label: String, _ index: Int = 0) -> SeedKey {
        let labelled = SeedKey.mix(rawValue ^ SeedKey.fnv1a64(label))
        let counted = labelled &+ UInt64(bitPattern: Int64(index)) &* 0x9E37_79B9_7F4A_7C15
        return SeedKey(SeedKey.mix(counted))
    }

    /// A fresh random stream seeded by this key.
    public func stream() -> RandomStream {
        RandomStream(key: self)
    }

    public var description: String { "SeedKey(\(rawValue))" }

    /// SplitMix64 finalizer: a bijective avalanche mix of 64 bits.
    @inlinable
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64-bit FNV-1a hash of the UTF-8 bytes of `text`.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

extension SeedKey {
    /// The SplitMix64 finalizer, exposed so tests can pin it to published values.
    public static func mixForTesting(_ value: UInt64) -> UInt64 { mix(value) }
}
