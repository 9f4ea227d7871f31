/// Scratch memory for evaluating one network on blocks of samples: the per-layer
/// buffers of one block (each row holds `blockWidth` samples, feature-major) and the
/// 8-lane accumulators of the gradient (``LaneSum``). One workspace per thread; it is
/// a class only because it owns raw memory (freed in `deinit`), and never leaves the
/// function or job that created it.
final class Workspace {
    let architecture: Architecture
    /// Samples per block: a multiple of 8. Results do not depend on it (``LaneSum``).
    let blockWidth: Int
    /// Number of affine layers L.
    let layerCount: Int
    /// a_0 (the input block), a_1 … a_L (a_L = ŷ), each `width × blockWidth`.
    private(set) var activations: [UnsafeMutablePointer<Double>] = []
    /// z_l for l = 1…L (index 0 unused).
    private(set) var preactivations: [UnsafeMutablePointer<Double>] = []
    /// δ_l = ∂ℓ/∂z_l per sample (unscaled by 1/m), l = 1…L.
    private(set) var deltas: [UnsafeMutablePointer<Double>] = []
    /// ∂ℓ/∂a_h for hidden layers h = 1…L−1 (kept for the R-operator).
    private(set) var upstreams: [UnsafeMutablePointer<Double>] = []
    /// Targets of the block, `outputCount × blockWidth`.
    private(set) var targets: UnsafeMutablePointer<Double>
    /// Per-sample losses of the block.
    private(set) var sampleLosses: UnsafeMutablePointer<Double>
    /// Three rows of per-sample scratch (softmax maxima, sums, dot products).
    private(set) var scratch: UnsafeMutablePointer<Double>
    /// Gradient lanes: parameter p, lane l at `p * 8 + l`.
    private(set) var gradientLanes: UnsafeMutablePointer<Double>
    /// R{z_l}, R{a_l}, R{δ_l}, R{∂ℓ/∂a_h}, allocated on first use by the R-operator.
    private(set) var rPreactivations: [UnsafeMutablePointer<Double>] = []
    private(set) var rActivations: [UnsafeMutablePointer<Double>] = []
    private(set) var rDeltas: [UnsafeMutablePointer<Double>] = []
    private(set) var rUpstream: UnsafeMutablePointer<Double>?
    private var owned: [UnsafeMutablePointer<Double>] = []

    init(architecture: Architecture, blockWidth: Int? = nil) {
        self.architecture = architecture
        let sizes = architecture.layerSizes
        // Wide blocks amortize the gradient lanes of big layers; narrow ones keep small
        // networks in L1. Either way the same bits (see LaneSum).
        let width = blockWidth ?? Workspace.defaultBlockWidth(for: architecture)
        self.blockWidth = max(8, (width + 7) & ~7)
        self.layerCount = sizes.count - 1
        let w = self.blockWidth
        func make(_ count: Int) -> UnsafeMutablePointer<Double> {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 8) * 8, alignment: 64)
            let pointer = raw.bindMemory(to: Double.self, capacity: max(count, 8))
            pointer.initialize(repeating: 0, count: max(count, 8))
            return pointer
        }
        targets = make(sizes[layerCount] * w)
        sampleLosses = make(w)
        scratch = make(3 * w)
        gradientLanes = make(architecture.parameterCount * LaneSum.width)
        owned = [targets, sampleLosses, scratch, gradientLanes]
        for l in 0...layerCount {
            let a = make(sizes[l] * w)
            activations.append(a)
            owned.append(a)
            let z = l == 0 ? a : make(sizes[l] * w)
            preactivations.append(z)
            let d = l == 0 ? a : make(sizes[l] * w)
            deltas.append(d)
            let up = (l == 0 || l == layerCount) ? a : make(sizes[l] * w)
            upstreams.append(up)
            if l > 0 { owned.append(z); owned.append(d) }
            if l > 0 && l < layerCount { owned.append(up) }
        }
    }

    /// The block width used when none is given: 256 samples for networks of more than
    /// 4096 parameters, else 128.
    static func defaultBlockWidth(for architecture: Architecture) -> Int {
        architecture.parameterCount > 4096 ? 256 : 128
    }

    /// Allocates the R-operator buffers if they are not there yet.
    func prepareRBuffers() {
        guard rPreactivations.isEmpty else { return }
        let sizes = architecture.layerSizes
        let w = blockWidth
        func make(_ count: Int) -> UnsafeMutablePointer<Double> {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 8) * 8, alignment: 64)
            let pointer = raw.bindMemory(to: Double.self, capacity: max(count, 8))
            pointer.initialize(repeating: 0, count: max(count, 8))
            owned.append(pointer)
            return pointer
        }
        for l in 0...layerCount {
            rPreactivations.append(make(sizes[l] * w))
            rActivations.append(make(sizes[l] * w))
            rDeltas.append(make(sizes[l] * w))
        }
        rUpstream = make((sizes.max() ?? 1) * w)
    }

    deinit {
        for pointer in owned { pointer.deallocate() }
    }
}
