import NetworkInference
import Foundation

/// The output end of the network on one block: the output activation ŷ = f(z), the
/// per-sample loss ℓ, δ = ∂ℓ/∂z and its R-operator R{δ} = (∂²ℓ/∂z²) R{z}
/// (formulas in ``Loss``; all per sample, the 1/m of the mean is applied at the end).
/// Rows are `width` apart; samples `valid..<padded` are padding and get ℓ = δ = R{δ} = 0.
struct OutputLayer {
    let activation: OutputActivation
    let loss: Loss
    let outputCount: Int
    let width: Int

    /// ŷ = f(z) for samples 0..<padded. `scratch` holds ≥ 2 rows.
    func activate(_ z: UnsafePointer<Double>, into yHat: UnsafeMutablePointer<Double>,
                  scratch: UnsafeMutablePointer<Double>, padded: Int) {
        let count = outputCount * width
        switch activation {
        case .linear:
            for n in 0..<count { yHat[n] = z[n] }
        case .sigmoid:
            for n in 0..<count { yHat[n] = FastMath.sigmoid(z[n]) }
        case .softmax:
            let maximum = scratch, sum = scratch + width
            for n in 0..<padded { maximum[n] = z[n] }
            for k in 1..<max(outputCount, 1) {
                let row = z + k * width
                for n in 0..<padded { maximum[n] = row[n] > maximum[n] ? row[n] : maximum[n] }
            }
            for k in 0..<outputCount {
                let row = z + k * width, out = yHat + k * width
                for n in 0..<padded { out[n] = FastMath.exp(row[n] - maximum[n]) }
            }
            for n in 0..<padded { sum[n] = yHat[n] }
            for k in 1..<max(outputCount, 1) {
                let row = yHat + k * width
                for n in 0..<padded { sum[n] += row[n] }
            }
            for k in 0..<outputCount {
                let out = yHat + k * width
                for n in 0..<padded { out[n] /= sum[n] }
            }
        }
    }

    /// Per-sample losses ℓ[n] and, if `delta` is given, δ = ∂ℓ/∂z. Requires ``activate``
    /// first (softmax leaves its row maxima and sums in `scratch`).
    func lossAndDelta(
        z: UnsafePointer<Double>, yHat: UnsafePointer<Double>, y: UnsafePointer<Double>,
        losses: UnsafeMutablePointer<Double>, delta: UnsafeMutablePointer<Double>?,
        scratch: UnsafeMutablePointer<Double>, valid: Int, padded: Int
    ) {
        let w = width
        switch loss {
        case .meanSquaredError:
            for n in 0..<padded { losses[n] = 0 }
            for k in 0..<outputCount {
                let p = yHat + k * w, t = y + k * w
                for n in 0..<padded { let e = p[n] - t[n]; losses[n] += e * e }
            }
            guard let delta else { break }
            switch activation {
            case .linear:
                for n in 0..<(outputCount * w) { delta[n] = 2.0 * (yHat[n] - y[n]) }
            case .sigmoid:
                for n in 0..<(outputCount * w) {
                    delta[n] = 2.0 * (yHat[n] - y[n]) * (yHat[n] * (1.0 - yHat[n]))
                }
            case .softmax:
                // u = 2(ŷ − y); δ_k = p_k (u_k − Σ_i p_i u_i)  (softmax Jacobian is diag(p) − ppᵀ).
                let dot = scratch + 2 * w
                for n in 0..<padded { dot[n] = 0 }
                for k in 0..<outputCount {
                    let p = yHat + k * w, t = y + k * w
                    for n in 0..<padded { dot[n] += p[n] * (2.0 * (p[n] - t[n])) }
                }
                for k in 0..<outputCount {
                    let p = yHat + k * w, t = y + k * w, d = delta + k * w
                    for n in 0..<padded { d[n] = p[n] * (2.0 * (p[n] - t[n]) - dot[n]) }
                }
            }
        case .binaryCrossEntropy:
            // Only the valid samples: the padding's losses are zeroed below anyway.
            // softplus(x) = max(x, 0) + log1p(e^{−|x|}), both pieces branch-free (FastMath).
            for n in 0..<padded { losses[n] = 0 }
            for k in 0..<outputCount {
                let logits = z + k * w, t = y + k * w
                for n in 0..<valid {
                    let x = logits[n]
                    let softplus = (x > 0 ? x : 0) + FastMath.log1pUnit(FastMath.exp(-x.magnitude))
                    losses[n] += softplus - t[n] * x
                }
            }
            if let delta {
                for n in 0..<(outputCount * w) { delta[n] = yHat[n] - y[n] }
            }
        case .softmaxCrossEntropy:
            // ℓ = S (max + log Σ e^{z−max}) − Σ_k y_k z_k, δ_k = S p_k − y_k.
            let maximum = scratch, sum = scratch + w, total = scratch + 2 * w
            for n in 0..<padded { total[n] = y[n] }
            for k in 1..<max(outputCount, 1) {
                let t = y + k * w
                for n in 0..<padded { total[n] += t[n] }
            }
            for n in 0..<padded { losses[n] = total[n] * (maximum[n] + Foundation.log(sum[n])) }
            for k in 0..<outputCount {
                let logits = z + k * w, t = y + k * w
                for n in 0..<padded { losses[n] -= t[n] * logits[n] }
            }
            if let delta {
                for k in 0..<outputCount {
                    let p = yHat + k * w, t = y + k * w, d = delta + k * w
                    for n in 0..<padded { d[n] = total[n] * p[n] - t[n] }
                }
            }
        }
        for n in valid..<padded { losses[n] = 0 }
        if let delta {
            for k in 0..<outputCount {
                for n in valid..<padded { delta[k * w + n] = 0 }
            }
        }
    }

    /// R{δ} = (∂²ℓ/∂z²) R{z} (Pearlmutter's R-operator at the output). Uses ŷ, y and the
    /// row totals S left in `scratch` row 2 by ``lossAndDelta`` for softmax cross-entropy;
    /// `scratch` rows 0–1 are overwritten.
    func rDelta(
        rZ: UnsafePointer<Double>, yHat: UnsafePointer<Double>, y: UnsafePointer<Double>,
        into rDelta: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>,
        valid: Int, padded: Int
    ) {
        let w = width
        switch (activation, loss) {
        case (.linear, _):
            for n in 0..<(outputCount * w) { rDelta[n] = 2.0 * rZ[n] }
        case (.sigmoid, .meanSquaredError):
            for n in 0..<(outputCount * w) {
                let p = yHat[n], slope = p * (1.0 - p)
                rDelta[n] = 2.0 * (slope * slope + (p - y[n]) * slope * (1.0 - 2.0 * p)) * rZ[n]
            }
        case (.sigmoid, _):
            for n in 0..<(outputCount * w) { rDelta[n] = yHat[n] * (1.0 - yHat[n]) * rZ[n] }
        case (.softmax, .softmaxCrossEntropy):
            // R{δ}_k = S p_k (R{z}_k − pᵀR{z}).
            let pDotR = scratch
            for n in 0..<padded { pDotR[n] = 0 }
            for k in 0..<outputCount {
                let p = yHat + k * w, r = rZ + k * w
                for n in 0..<padded { pDotR[n] += p[n] * r[n] }
            }
            let total = scratch + 2 * w
            for k in 0..<outputCount {
                let p = yHat + k * w, r = rZ + k * w, out = rDelta + k * w
                for n in 0..<padded { out[n] = total[n] * (p[n] * (r[n] - pDotR[n])) }
            }
        case (.softmax, _):
            // δ_k = p_k u_k − p_k (pᵀu), u = 2(p − y); with ṗ = R{p} = p ⊙ (R{z} − pᵀR{z}):
            // R{δ}_k = ṗ_k u_k + 2 p_k ṗ_k − ṗ_k (pᵀu) − p_k (ṗᵀu + 2 pᵀṗ).
            let pDotR = scratch, pDotU = scratch + w
            for n in 0..<padded { pDotR[n] = 0; pDotU[n] = 0 }
            for k in 0..<outputCount {
                let p = yHat + k * w, r = rZ + k * w, t = y + k * w
                for n in 0..<padded {
                    pDotR[n] += p[n] * r[n]
                    pDotU[n] += p[n] * (2.0 * (p[n] - t[n]))
                }
            }
            // rDelta first holds ṗ, then is overwritten in place by R{δ}.
            for k in 0..<outputCount {
                let p = yHat + k * w, r = rZ + k * w, out = rDelta + k * w
                for n in 0..<padded { out[n] = p[n] * (r[n] - pDotR[n]) }
            }
            let mixed = scratch + 2 * w  // ṗᵀu + 2 pᵀṗ
            for n in 0..<padded { mixed[n] = 0 }
            for k in 0..<outputCount {
                let p = yHat + k * w, t = y + k * w, pDot = rDelta + k * w
                for n in 0..<padded { mixed[n] += pDot[n] * (2.0 * (p[n] - t[n])) + 2.0 * p[n] * pDot[n] }
            }
            for k in 0..<outputCount {
                let p = yHat + k * w, t = y + k * w, out = rDelta + k * w
                for n in 0..<padded {
                    let pDot = out[n], u = 2.0 * (p[n] - t[n])
                    out[n] = pDot * u + 2.0 * p[n] * pDot - pDot * pDotU[n] - p[n] * mixed[n]
                }
            }
        }
        for k in 0..<outputCount {
            for n in valid..<padded { rDelta[k * w + n] = 0 }
        }
    }

    /// Number of correctly classified samples among 0..<valid: one output — ŷ ≥ ½ agrees
    /// with y ≥ ½; several outputs — the first index of the largest ŷ equals that of y.
    func correctCount(yHat: UnsafePointer<Double>, y: UnsafePointer<Double>, valid: Int) -> Int {
        var correct = 0
        if outputCount == 1 {
            for n in 0..<valid where (yHat[n] >= 0.5) == (y[n] >= 0.5) { correct += 1 }
            return correct
        }
        for n in 0..<valid {
            var bestPrediction = 0, bestTarget = 0
            for k in 1..<outputCount {
                if yHat[k * width + n] > yHat[bestPrediction * width + n] { bestPrediction = k }
                if y[k * width + n] > y[bestTarget * width + n] { bestTarget = k }
            }
            if bestPrediction == bestTarget { correct += 1 }
        }
        return correct
    }
}
