import Foundation
import Networks
import NumericsCore
import XCTest

/// A loss on the flat parameter vector with its gradient and Hessian–vector product, for
/// optimizer tests that need no network (the layout only says where the tensors are).
private struct FlatLoss {
    let value: ([Double]) -> Double
    let gradient: ([Double]) -> [Double]
    let hessianVector: ([Double], [Double]) -> [Double]

    var oracle: GradientOracle {
        GradientOracle { w, g in
            let computed = gradient(w)
            for i in computed.indices { g[i] = computed[i] }
            return value(w)
        }
    }

    var products: HessianVectorOracle { HessianVectorOracle { w, v in hessianVector(w, v) } }

    /// `½ Σ k_i θ_i²`: independent harmonic oscillators.
    static func quadratic(_ k: [Double]) -> FlatLoss {
        FlatLoss(
            value: { w in (0..<k.count).reduce(0) { $0 + 0.5 * k[$1] * w[$1] * w[$1] } },
            gradient: { w in (0..<k.count).map { k[$0] * w[$0] } },
            hessianVector: { _, v in (0..<k.count).map { k[$0] * v[$0] } })
    }

    /// `Σ a_i log cosh(θ_i − shift) + (β/4)(uᵀθ)⁴`: smooth, non-quadratic, every
    /// coordinate coupled, Hessian `diag(a_i sech²) + 3β(uᵀθ)² u uᵀ` varying with θ.
    /// `shift` stands in for the minibatch: a different one per step.
    static func logCoshQuartic(count: Int, shift: Double = 0) -> FlatLoss {
        let a = (0..<count).map { 0.5 + 0.25 * Double($0 % 4) }
        let u = (0..<count).map { 0.3 + 0.1 * Double($0 % 3) }
        let beta = 0.4
        let dot = { (w: [Double]) in (0..<count).reduce(0) { $0 + u[$1] * w[$1] } }
        return FlatLoss(
            value: { w in
                (0..<count).reduce(0) { $0 + a[$1] * Foundation.log(Foundation.cosh(w[$1] - shift)) }
                    + 0.25 * beta * Foundation.pow(dot(w), 4)
            },
            gradient: { w in
                let s = dot(w)
                return (0..<count).map { a[$0] * Foundation.tanh(w[$0] - shift) + beta * s * s * s * u[$0] }
            },
            hessianVector: { w, v in
                let s = dot(w), uv = dot(v)
                return (0..<count).map {
                    let sech = 1 / Foundation.cosh(w[$0] - shift)
                    return a[$0] * sech * sech * v[$0] + 3 * beta * s * s * uv * u[$0]
                }
            })
    }
}

/// The Langevin-family optimizers of docs/PROTOCOL.md §4 against exact statistics, closed forms,
/// hand-computed steps and finite differences.
final class ThermodynamicOptimizerTests: XCTestCase {
    private let noiseRoot = SeedKey(2024)

    /// The context of step t, keyed as ``OptimizerMap`` and the trainer key it.
    private func context(_ t: Int, _ layout: ParameterLayout, root: SeedKey? = nil) -> StepContext {
        StepContext(step: t, layout: layout, noiseKey: (root ?? noiseRoot).derive("step", t))
    }

    /// The documented noise contract of ``LangevinSplitting``: tensor k's draws for a
    /// sub-step labelled `label` at step t, standard normals in coordinate order.
    private func noise(_ label: String, tensor k: Int, step t: Int, count: Int) -> [Double] {
        var stream = noiseRoot.derive("step", t).derive(label, k).stream()
        return stream.standardNormals(count)
    }

    /// Runs `steps` steps from `state`, returning the final parameters and state.
    private func run<O: LangevinSplitting>(
        _ optimizer: O, parameters: [Double], state: LangevinState? = nil, from start: Int = 0, steps: Int,
        layout: ParameterLayout, loss: (Int) -> FlatLoss, root: SeedKey? = nil
    ) -> ([Double], LangevinState) {
        var w = parameters
        var s = state ?? optimizer.initialState(parameters: w, layout: layout)
        for t in start..<(start + steps) {
            _ = optimizer.step(parameters: &w, state: &s, context: context(t, layout, root: root), gradient: loss(t).oracle)
        }
        return (w, s)
    }

    /// The mean of equal-length batch means and its standard error (batch-means method:
    /// valid when batches are much longer than the correlation time).
    private func meanAndStandardError(batchMeans: [Double]) -> (mean: Double, standardError: Double) {
        let n = Double(batchMeans.count)
        let mean = batchMeans.reduce(0, +) / n
        let variance = batchMeans.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (mean, (variance / n).squareRoot())
    }

    // MARK: Sampling

    func testBAOABSamplesTheHarmonicOscillatorExactly() throws {
        // L = ½ k θ² on two independent coordinates (w and b of a 1-1 layer), k = 1 and 4.
        // Leimkuhler & Matthews (2013, AMRX, "Rational construction of stochastic numerical
        // methods for molecular sampling", §4) show BAOAB's configurational marginal of the
        // harmonic oscillator is exact, ⟨θ²⟩ = τ/k, for every stable h. For the carried
        // momentum (after the closing B kick) we rely on the stationary covariance of the
        // linear map, solved below from the discrete Lyapunov equation Σ = MΣMᵀ + bbᵀ: it
        // gives ⟨p²⟩ = τ exactly too (and Cov(θ, p) = −hτ/2).
        let layout = try ParameterLayout(layerSizes: [1, 1])
        let k = [1.0, 4.0], h = 0.25, gamma = 1.0, tau = 0.5
        let optimizer = Langevin(stepSize: h, friction: gamma, temperature: tau)
        let c = Foundation.exp(-gamma * h), s = ((1 - c * c) * tau).squareRoot(), a = 0.5 * h * (1 + c)
        for kk in k {
            let m = [[1, a], [-h * kk, c - h * kk * a]], b = [0.5 * h * s, s - h * kk * 0.5 * h * s]
            var sigma = [[0.0, 0.0], [0.0, 0.0]]
            for _ in 0..<5000 {
                var next = [[b[0] * b[0], b[0] * b[1]], [b[1] * b[0], b[1] * b[1]]]
                for i in 0..<2 { for j in 0..<2 { for p in 0..<2 { for q in 0..<2 {
                    next[i][j] += m[i][p] * sigma[p][q] * m[j][q] } } } }
                sigma = next
            }
            XCTAssertEqual(sigma[0][0], tau / kk, accuracy: 1e-12, "exact ⟨θ²⟩ (Leimkuhler–Matthews)")
            XCTAssertEqual(sigma[1][1], tau, accuracy: 1e-12, "carried momentum: ⟨p²⟩ = τ exactly")
        }
        // Time averages over T steps after a burn-in, standard errors by 100 batch means
        // (batches of 4000 steps ≫ the correlation time ~ 2/(γh) = 8 steps). The tolerance
        // is 5 standard errors: with the fixed key the test is deterministic, and a
        // correct sampler would fail it with probability ~1e-6 over keys.
        let loss = FlatLoss.quadratic(k)
        var w = [0.0, 0.0], state = optimizer.initialState(parameters: w, layout: layout)
        for t in 0..<1000 { _ = optimizer.step(parameters: &w, state: &state, context: context(t, layout), gradient: loss.oracle) }
        let batches = 100, batchLength = 4000
        var means = [[Double]](repeating: [], count: 4)  // θ₀², θ₁², p₀², p₁²
        var t = 1000
        for _ in 0..<batches {
            var sums = [0.0, 0.0, 0.0, 0.0]
            for _ in 0..<batchLength {
                _ = optimizer.step(parameters: &w, state: &state, context: context(t, layout), gradient: loss.oracle)
                t += 1
                sums[0] += w[0] * w[0]; sums[1] += w[1] * w[1]
                sums[2] += state.momenta[0] * state.momenta[0]; sums[3] += state.momenta[1] * state.momenta[1]
            }
            for i in 0..<4 { means[i].append(sums[i] / Double(batchLength)) }
        }
        let expected = [tau / k[0], tau / k[1], tau, tau]
        for i in 0..<4 {
            let (mean, standardError) = meanAndStandardError(batchMeans: means[i])
            XCTAssertLessThan(standardError, 0.02 * expected[i], "run long enough to be a test (\(i))")
            XCTAssertEqual(mean, expected[i], accuracy: 5 * standardError, "observable \(i)")
        }
    }

    func testNoseHooverLangevinThermostatDrivesKineticTemperatureToTarget() throws {
        // A 4-4 layer (W: N = 16, b: N = 4, one ξ each) on a quadratic with stiffness 0.2…2,
        // started hot (θ ~ 1 while τ₁ = 0.05). In units where τ₁ is 0.05 rather than the
        // notebook's 1e-4 the thermostat responds in tens of steps (ξ̇ = ε(pᵀp − Nτ₁)); its
        // invariant measure has ⟨pᵀp⟩ = Nτ₁ for any σ (the thermostat centres at ξ = σ²/2τ₁).
        // Averages over steps 20 000–220 000, standard errors from 100 batch means;
        // tolerance 5 standard errors (≈ 1e-5 each) plus 2 % for the O(h²) bias of the
        // splitting (h = 0.25, h²k ≤ 0.125); the measured bias is −0.6 % on both tensors.
        let layout = try ParameterLayout(layerSizes: [4, 4])
        let k = (0..<layout.count).map { 0.2 + 1.8 * Double($0) / Double(layout.count - 1) }
        let loss = FlatLoss.quadratic(k)
        let tau = 0.05
        let optimizer = AdaptiveLangevin(stepSize: 0.25, noiseAmplitude: 0.2, thermostatCoupling: 0.5,
                                         temperature: tau, initialThermostat: 0.1)
        var w = [Double](repeating: 1, count: layout.count)
        var state = optimizer.initialState(parameters: w, layout: layout)
        XCTAssertEqual(state.thermostats, [0.1, 0.1])
        for t in 0..<20_000 { _ = optimizer.step(parameters: &w, state: &state, context: context(t, layout), gradient: loss.oracle) }
        let batches = 100, batchLength = 2000
        var means = [[Double]](repeating: [], count: 2)
        var t = 20_000
        for _ in 0..<batches {
            var sums = [0.0, 0.0]
            for _ in 0..<batchLength {
                _ = optimizer.step(parameters: &w, state: &state, context: context(t, layout), gradient: loss.oracle)
                t += 1
                let temperatures = state.tensorKineticTemperatures(layout: layout)
                sums[0] += temperatures[0]; sums[1] += temperatures[1]
            }
            for i in 0..<2 { means[i].append(sums[i] / Double(batchLength)) }
        }
        for i in 0..<2 {
            let (mean, standardError) = meanAndStandardError(batchMeans: means[i])
            XCTAssertEqual(mean, tau, accuracy: 5 * standardError + 0.02 * tau, "tensor \(i): ⟨pᵀp⟩/N → τ₁")
        }
        XCTAssertEqual(optimizer.targetTemperatures(layout: layout), [tau, tau])
    }

    // MARK: Exact identities and hand-computed steps

    func testLOLOverdampedLayerIsTheBAOABLimit() throws {
        // docs/PROTOCOL.md §4: θ_{n+1} = θ_n − (h²/2)∇L(θ_n) + (h/2)√τ₂ (R_{n−1} + R_n) on the
        // overdamped layers; on step 0 (p₀ = 0, half kick) θ₁ = θ₀ − (h²/4)∇L(θ₀) + (h/2)√τ₂ R₀.
        // Same operations up to reassociation: round-off tolerance 1e-14.
        let layout = try ParameterLayout(layerSizes: [1, 2, 2])  // layer 1 = tensors 2 and 3
        let h = 0.25, tau2 = 1e-4
        let optimizer = LOL(stepSize: h, temperature: tau2)
        let loss = FlatLoss.logCoshQuartic(count: layout.count)
        var w = (0..<layout.count).map { 0.3 * Foundation.sin(Double($0) + 1) }
        var state = optimizer.initialState(parameters: w, layout: layout)
        let overdamped = layout.tensors.enumerated().filter { $0.element.layer == 1 }
        var previousNoise: [Int: [Double]] = [:]
        for t in 0..<6 {
            let before = w, g = loss.gradient(w)
            _ = optimizer.step(parameters: &w, state: &state, context: context(t, layout), gradient: loss.oracle)
            for (k, tensor) in overdamped {
                let r = noise("O", tensor: k, step: t, count: tensor.range.count)
                for (n, i) in tensor.range.enumerated() {
                    let expected = t == 0
                        ? before[i] - 0.25 * h * h * g[i] + 0.5 * h * tau2.squareRoot() * r[n]
                        : before[i] - 0.5 * h * h * g[i] + 0.5 * h * tau2.squareRoot() * (previousNoise[k]![n] + r[n])
                    XCTAssertEqual(w[i], expected, accuracy: 1e-14, "step \(t), coordinate \(i)")
                }
                // Measured where the momentum is redrawn: p = √τ₂ R, so pᵀp/N = τ₂ Σ R²/N.
                let redrawn = r.reduce(0) { $0 + tau2 * $1 * $1 } / Double(r.count)
                XCTAssertEqual(state.thermostatPointKineticTemperatures[k], redrawn, accuracy: 1e-18, "step \(t), tensor \(k) at O")
                XCTAssertNotEqual(state.tensorKineticTemperatures(layout: layout)[k], redrawn, "after the kick the momentum differs")
                previousNoise[k] = r
            }
        }
    }

    func testAdLaLaTwoStepsByHandFollowTheAuthorsOrder() throws {
        // A 1-2-1 net: W1 = θ[0..<2], b1 = θ[2..<4] (Adaptive Langevin, ξ each), W2 = θ[4..<6],
        // b2 = θ[6] (Langevin). Step t's "minibatch" is the loss with shift 0.1·t, so the test
        // also pins that the closing gradient is on the *same* batch. Written literally from
        // docs/PROTOCOL.md §4 per tensor; noise from the documented key contract. Hyperparameters
        // large enough that every term matters. Round-off tolerance 1e-13.
        let layout = try ParameterLayout(layerSizes: [1, 2, 1])
        let h = 0.25, gamma = 0.3, sigma = 0.2, eps = 0.5, tau1 = 0.02, tau2 = 0.03, xi0 = 0.1
        let optimizer = AdLaLa(stepSize: h, friction: gamma, noiseAmplitude: sigma, thermostatCoupling: eps,
                               firstLayerTemperature: tau1, temperature: tau2, initialThermostat: xi0)
        let batch = { (t: Int) in FlatLoss.logCoshQuartic(count: 7, shift: 0.1 * Double(t)) }
        let ranges = [0..<2, 2..<4, 4..<6, 6..<7]
        var theta = [0.4, -0.3, 0.2, 0.1, -0.5, 0.6, 0.05]
        var p = [Double](repeating: 0, count: 7)   // p₀ = 0
        var xi = [xi0, xi0]
        // Step 0, first minibatch only: p = −(h/2)∇L(θ₀).
        let g0 = batch(0).gradient(theta)
        for i in 0..<7 { p[i] = p[i] - (h / 2) * g0[i] }
        var expected: [([Double], [Double], [Double])] = []
        var atThermostat: [[Double]] = []
        for t in 0..<2 {
            var measured = [Double](repeating: .nan, count: ranges.count)
            for (k, range) in ranges.enumerated() {
                if k < 2 {  // A C D E D C A
                    for i in range { theta[i] += (h / 2) * p[i] }
                    for i in range { p[i] *= Foundation.exp(-(h / 2) * xi[k]) }
                    let r1 = noise("D1", tensor: k, step: t, count: range.count)
                    for (n, i) in range.enumerated() { p[i] += sigma * (h / 2).squareRoot() * r1[n] }
                    let ptp = range.reduce(0.0) { $0 + p[$1] * p[$1] }
                    measured[k] = ptp / Double(range.count)  // at E: the p that drives ξ
                    xi[k] += h * eps * (ptp - Double(range.count) * tau1)
                    let r2 = noise("D2", tensor: k, step: t, count: range.count)
                    for (n, i) in range.enumerated() { p[i] += sigma * (h / 2).squareRoot() * r2[n] }
                    for i in range { p[i] *= Foundation.exp(-(h / 2) * xi[k]) }
                    for i in range { theta[i] += (h / 2) * p[i] }
                } else {  // A O A
                    let c = Foundation.exp(-gamma * h)
                    let r = noise("O", tensor: k, step: t, count: range.count)
                    for i in range { theta[i] += (h / 2) * p[i] }
                    for (n, i) in range.enumerated() { p[i] = c * p[i] + ((1 - c * c) * tau2).squareRoot() * r[n] }
                    measured[k] = range.reduce(0.0) { $0 + p[$1] * p[$1] } / Double(range.count)  // after O
                    for i in range { theta[i] += (h / 2) * p[i] }
                }
            }
            let g = batch(t).gradient(theta)  // same minibatch as this step
            for i in 0..<7 { p[i] -= h * g[i] }
            expected.append((theta, p, xi))
            atThermostat.append(measured)
        }
        var w = [0.4, -0.3, 0.2, 0.1, -0.5, 0.6, 0.05]
        var state = optimizer.initialState(parameters: w, layout: layout)
        XCTAssertTrue(optimizer.thermostatPointDiagnostics(of: state, layout: layout).allSatisfy(\.isNaN), "nothing measured before a step")
        for t in 0..<2 {
            let loss = optimizer.step(parameters: &w, state: &state, context: context(t, layout), gradient: batch(t).oracle)
            assertClose(w, expected[t].0, absolute: 1e-13, "θ after step \(t)")
            assertClose(state.momenta, expected[t].1, absolute: 1e-13, "p after step \(t)")
            assertClose(state.thermostats, expected[t].2, absolute: 1e-13, "ξ after step \(t)")
            XCTAssertEqual(loss, batch(t).value(w), accuracy: 1e-15, "returned loss: batch t at θ_{t+1}")
            assertClose(optimizer.thermostatPointDiagnostics(of: state, layout: layout), atThermostat[t], absolute: 1e-15,
                        "pᵀp/N at E (first layer) and after O (output layer), step \(t)")
        }
        XCTAssertEqual(optimizer.thermostatPointDiagnosticNames(layout: layout),
                       ["kinetic_temperature/0/weights", "kinetic_temperature/0/biases", "kinetic_temperature/1/weights", "kinetic_temperature/1/biases"])
        XCTAssertEqual(optimizer.thermostatTensors(layout: layout), [0, 1])
    }

    func testLangevinWithoutNoiseIsDampedHeavyBall() throws {
        // τ = 0: θ_{n+1} − θ_n = c (θ_n − θ_{n−1}) − (h²/2)(1 + c) ∇L(θ_n) for n ≥ 1, and
        // θ₁ − θ₀ = −(h²/4)(1 + c)∇L(θ₀): heavy ball with momentum c and learning rate
        // (h²/2)(1 + c) ≈ h² (docs/PROTOCOL.md §4, "Scale note"). The recurrence reassociates
        // the same numbers: relative 1e-12 after 60 steps on a smooth loss.
        let layout = try ParameterLayout(layerSizes: [2, 2, 1])
        let h = 0.25, gamma = 0.1, c = Foundation.exp(-gamma * h)
        let loss = FlatLoss.logCoshQuartic(count: layout.count)
        let w0 = (0..<layout.count).map { 0.8 * Foundation.cos(Double($0)) }
        let (w, _) = run(Langevin(stepSize: h, friction: gamma, temperature: 0), parameters: w0, steps: 60,
                         layout: layout, loss: { _ in loss })
        var previous = w0
        var current = (0..<w0.count).map { w0[$0] - 0.25 * h * h * (1 + c) * loss.gradient(w0)[$0] }
        for _ in 1..<60 {
            let g = loss.gradient(current)
            let next = (0..<w0.count).map { current[$0] + c * (current[$0] - previous[$0]) - 0.5 * h * h * (1 + c) * g[$0] }
            previous = current
            current = next
        }
        assertClose(w, current, absolute: 1e-14, relative: 1e-12)
    }

    func testFrozenThermostatWithoutNoiseIsNoiselessLangevin() throws {
        // Adaptive Langevin with σ = 0 and ε = 0 keeps ξ = ξ₀ and damps by e^{−(h/2)ξ₀} twice:
        // Langevin with γ = ξ₀ and τ = 0 (c = e^{−γh}), up to the rounding of the two factors.
        let layout = try ParameterLayout(layerSizes: [2, 2, 1])
        let loss = FlatLoss.logCoshQuartic(count: layout.count)
        let w0 = (0..<layout.count).map { 0.8 * Foundation.cos(Double($0)) }
        let (adaptive, state) = run(AdaptiveLangevin(noiseAmplitude: 0, thermostatCoupling: 0, initialThermostat: 0.3),
                                    parameters: w0, steps: 60, layout: layout, loss: { _ in loss })
        let (langevin, _) = run(Langevin(friction: 0.3, temperature: 0), parameters: w0, steps: 60, layout: layout,
                                loss: { _ in loss })
        assertClose(adaptive, langevin, absolute: 1e-14, relative: 1e-12)
        XCTAssertEqual(state.thermostats, [Double](repeating: 0.3, count: 4))
    }

    // MARK: Noise

    func testNoiseIsAFunctionOfKeyAndStepOnly() throws {
        // Same key: bitwise the same run. Replay from the coordinates of step 5 (through
        // state(coordinates:step:), as OptimizerMap does): bitwise the same steps 5–9.
        // Another key: another run.
        let layout = try ParameterLayout(layerSizes: [2, 3, 1])
        let loss = FlatLoss.logCoshQuartic(count: layout.count)
        let w0 = (0..<layout.count).map { 0.5 * Foundation.sin(Double($0)) }
        let optimizers: [any LangevinSplitting] = [
            Langevin(), AdaptiveLangevin(), LaLa(layerTemperatures: [1e-4, 3e-4]), AdLaLa(), LOL(),
        ]
        for optimizer in optimizers {
            func check<O: LangevinSplitting>(_ o: O) {
                let (wA, sA) = run(o, parameters: w0, steps: 10, layout: layout, loss: { _ in loss })
                let (wB, sB) = run(o, parameters: w0, steps: 10, layout: layout, loss: { _ in loss })
                assertBitwiseEqual(wA, wB, "\(O.self): same key")
                assertBitwiseEqual(o.coordinates(of: sA, layout: layout), o.coordinates(of: sB, layout: layout))
                let (wMid, sMid) = run(o, parameters: w0, steps: 5, layout: layout, loss: { _ in loss })
                let coordinates = o.coordinates(of: sMid, layout: layout)
                XCTAssertEqual(coordinates.count, o.stateDimension(layout: layout))
                let restored = o.state(coordinates: coordinates[...], step: 5, layout: layout)
                let (wC, sC) = run(o, parameters: wMid, state: restored, from: 5, steps: 5, layout: layout,
                                   loss: { _ in loss })
                assertBitwiseEqual(wC, wA, "\(O.self): replay from step 5")
                assertBitwiseEqual(o.coordinates(of: sC, layout: layout), o.coordinates(of: sA, layout: layout))
                let (wD, _) = run(o, parameters: w0, steps: 10, layout: layout, loss: { _ in loss }, root: SeedKey(7))
                XCTAssertNotEqual(wD, wA, "\(O.self): another key")
            }
            check(optimizer)
        }
    }

    // MARK: Jacobians

    func testJacobiansMatchCentralDifferences() throws {
        // Every optimizer, noise on (the same realization in both evaluations, from the key),
        // at step 0 (half kick) and step 3, on the smooth non-quadratic loss: each column of
        // applyJacobian against (F(x + δe) − F(x − δe)) / 2δ with δ = 1e-6. Truncation
        // δ²|F'''| ~ 1e-12 and rounding ~1e-16/δ = 1e-10 on entries of order 1: tolerance 1e-7.
        let layout = try ParameterLayout(layerSizes: [2, 2, 1])
        let count = layout.count
        let losses = { (t: Int) in FlatLoss.logCoshQuartic(count: count, shift: 0.05 * Double(t)) }
        let optimizers: [any LangevinSplitting] = [
            Langevin(stepSize: 0.3, friction: 0.5, temperature: 0.05),
            AdaptiveLangevin(stepSize: 0.3, noiseAmplitude: 0.3, thermostatCoupling: 0.7, temperature: 0.05,
                             initialThermostat: 0.2),
            LaLa(stepSize: 0.3, friction: 0.5, layerTemperatures: [0.05, 0.02]),
            AdLaLa(stepSize: 0.3, friction: 0.5, noiseAmplitude: 0.3, thermostatCoupling: 0.7,
                   firstLayerTemperature: 0.05, temperature: 0.02, initialThermostat: 0.2),
            LOL(stepSize: 0.3, firstLayerFriction: 0.5, firstLayerTemperature: 0.05, temperature: 0.02),
        ]
        for optimizer in optimizers {
            func check<O: LangevinSplitting>(_ o: O) {
                let dimension = count + o.stateDimension(layout: layout)
                var stream = SeedKey(11).stream()
                var x = (0..<count).map { _ in 0.6 * stream.normal() }
                x += (0..<count).map { _ in 0.4 * stream.normal() }
                x += (0..<(dimension - 2 * count)).map { _ in 0.3 + 0.2 * stream.normal() }
                for t in [0, 3] {
                    let ctx = context(t, layout)
                    func map(_ x: [Double]) -> [Double] {
                        var w = Array(x[0..<count])
                        var s = o.state(coordinates: x[count...], step: t, layout: layout)
                        _ = o.step(parameters: &w, state: &s, context: ctx, gradient: losses(t).oracle)
                        return w + o.coordinates(of: s, layout: layout)
                    }
                    var tangents = (0..<dimension).map { j in (0..<dimension).map { $0 == j ? 1.0 : 0.0 } }
                    o.applyJacobian(parameters: Array(x[0..<count]), state: o.state(coordinates: x[count...], step: t, layout: layout),
                                    context: ctx, gradient: losses(t).oracle, hessianVectorProduct: losses(t).products,
                                    tangents: &tangents)
                    let delta = 1e-6
                    for j in 0..<dimension {
                        var plus = x, minus = x
                        plus[j] += delta
                        minus[j] -= delta
                        let fPlus = map(plus), fMinus = map(minus)
                        let difference = (0..<dimension).map { (fPlus[$0] - fMinus[$0]) / (2 * delta) }
                        assertClose(tangents[j], difference, absolute: 1e-7, "\(O.self) step \(t) column \(j)")
                    }
                }
            }
            check(optimizer)
        }
    }

    func testTangentExponentOnAQuadraticMatchesTheSpectralRadius() throws {
        // Noise off, L = ½ Σ a_i θ_i²: each coordinate's (θ, p) evolves by a constant 2×2 matrix
        // M_i after step 0 (Langevin: M = [[1, (h/2)(1+c)], [−ha, c − ha(h/2)(1+c)]]; an
        // overdamped layer is c = 0). (1) applyJacobian iterated T times equals Π M_i applied to
        // the start vector (relative 1e-10: round-off of T products). (2) The renormalized
        // growth rate equals max_i ln ρ(M_i); its finite-T error is bounded by
        // ln(condition of the eigenbasis)/T ~ 1e-4 for T = 50 000: tolerance 3e-4.
        let h = 0.25, gamma = 0.1
        let c = Foundation.exp(-gamma * h)
        func spectralRadius(_ m: [[Double]]) -> Double {
            let trace = m[0][0] + m[1][1], determinant = m[0][0] * m[1][1] - m[0][1] * m[1][0]
            let discriminant = trace * trace - 4 * determinant
            if discriminant < 0 { return determinant.squareRoot() }
            return max(abs(trace + discriminant.squareRoot()), abs(trace - discriminant.squareRoot())) / 2
        }
        func langevinMatrix(_ a: Double, _ c: Double) -> [[Double]] {
            let drift = 0.5 * h * (1 + c)
            return [[1, drift], [-h * a, c - h * a * drift]]
        }
        struct Case { let name: String; let layerSizes: [Int]; let a: [Double]; let blocks: [[[Double]]] }
        let cases: [(Case, any LangevinSplitting)] = [
            (Case(name: "Langevin", layerSizes: [1, 1], a: [1.0, 0.01],
                  blocks: [langevinMatrix(1.0, c), langevinMatrix(0.01, c)]),
             Langevin(stepSize: h, friction: gamma, temperature: 0)),
            (Case(name: "LOL", layerSizes: [1, 1, 1], a: [1.0, 0.5, 0.1, 0.2],
                  blocks: [langevinMatrix(1.0, c), langevinMatrix(0.5, c), langevinMatrix(0.1, 0), langevinMatrix(0.2, 0)]),
             LOL(stepSize: h, firstLayerFriction: gamma, firstLayerTemperature: 0, temperature: 0)),
            (Case(name: "frozen Nosé–Hoover", layerSizes: [1, 1], a: [1.0, 0.3],
                  blocks: [langevinMatrix(1.0, Foundation.exp(-0.4 * h)), langevinMatrix(0.3, Foundation.exp(-0.4 * h))]),
             AdaptiveLangevin(stepSize: h, noiseAmplitude: 0, thermostatCoupling: 0, initialThermostat: 0.4)),
        ]
        for (testCase, optimizer) in cases {
            func check<O: LangevinSplitting>(_ o: O) throws {
                let layout = try ParameterLayout(layerSizes: testCase.layerSizes)
                let loss = FlatLoss.quadratic(testCase.a)
                let count = layout.count, dimension = count + o.stateDimension(layout: layout)
                // ξ tangents start at 0 and stay there (ε = 0: dξ' = dξ), else their eigenvalue 1 wins.
                let start = (0..<dimension).map { $0 < 2 * count ? 1.0 + 0.1 * Double($0) : 0 }
                // (1) 200 products against the matrices.
                var tangent = [start]
                var expected = start
                let state = o.initialState(parameters: [Double](repeating: 0, count: count), layout: layout)
                for t in 1...200 {
                    o.applyJacobian(parameters: [Double](repeating: 0, count: count), state: state, context: context(t, layout),
                                    gradient: loss.oracle, hessianVectorProduct: loss.products, tangents: &tangent)
                    for i in 0..<count {
                        let m = testCase.blocks[i], v = (expected[i], expected[count + i])
                        expected[i] = m[0][0] * v.0 + m[0][1] * v.1
                        expected[count + i] = m[1][0] * v.0 + m[1][1] * v.1
                    }
                }
                assertClose(tangent[0], expected, absolute: 1e-300, relative: 1e-10, "\(testCase.name): Π M")
                // (2) Renormalized growth.
                tangent = [start]
                var logGrowth = 0.0
                let steps = 50_000
                for t in 1...steps {
                    o.applyJacobian(parameters: [Double](repeating: 0, count: count), state: state, context: context(t, layout),
                                    gradient: loss.oracle, hessianVectorProduct: loss.products, tangents: &tangent)
                    let norm = tangent[0].reduce(0) { $0 + $1 * $1 }.squareRoot()
                    logGrowth += Foundation.log(norm)
                    tangent[0] = tangent[0].map { $0 / norm }
                }
                let exponent = testCase.blocks.map { Foundation.log(spectralRadius($0)) }.max()!
                XCTAssertEqual(logGrowth / Double(steps), exponent, accuracy: 3e-4, testCase.name)
            }
            try check(optimizer)
        }
    }

    func testJacobianThroughOptimizerMapOnANetworkMatchesCentralDifferences() throws {
        // The integration the estimators use: AdLaLa and LOL on a 2-4-1 sigmoid network (smooth,
        // so finite differences are meaningful), shuffled minibatches of 10, noise on, through
        // OptimizerMap with the network's exact Hessian–vector products. At step 0 and at step 7
        // (momenta and ξ away from their initial values) every column of the Jacobian against
        // central differences with δ = 1e-6; tolerance 1e-6 (entries of order 1, truncation
        // ~δ², rounding of the loss ~1e-16/δ).
        let architecture = try Architecture(layerSizes: [2, 4, 1], hiddenActivation: .sigmoid,
                                            outputActivation: .sigmoid, loss: .binaryCrossEntropy)
        let trainingSet = try xorDataset(sampleCount: 40, key: SeedKey(5))
        let parameters = Initialization.pytorchDefault.parameters(for: architecture.layout, key: SeedKey(6))
        func check<O: LangevinSplitting>(_ optimizer: O) {
            let map = OptimizerMap(architecture: architecture, trainingSet: trainingSet, optimizer: optimizer,
                                   batches: .shuffledMinibatches(size: 10, key: SeedKey(8)), noiseKey: noiseRoot)
            var x = map.initialState(parameters: parameters)
            for t in 0...7 {
                if t == 0 || t == 7 {
                    var tangents = (0..<map.dimension).map { j in (0..<map.dimension).map { $0 == j ? 1.0 : 0.0 } }
                    map.applyJacobian(at: x, time: t, to: &tangents)
                    let delta = 1e-6
                    for j in 0..<map.dimension {
                        var plus = x, minus = x
                        plus[j] += delta
                        minus[j] -= delta
                        map.step(&plus, time: t)
                        map.step(&minus, time: t)
                        let difference = (0..<map.dimension).map { (plus[$0] - minus[$0]) / (2 * delta) }
                        assertClose(tangents[j], difference, absolute: 1e-6, "\(O.self) step \(t) column \(j)")
                    }
                }
                map.step(&x, time: t)
            }
            XCTAssertEqual(map.timeStep, optimizer.stepSize)
        }
        check(AdLaLa(stepSize: 0.25, friction: 0.5, noiseAmplitude: 0.2, thermostatCoupling: 0.5,
                     firstLayerTemperature: 0.01, temperature: 0.01, initialThermostat: 0.1))
        check(LOL(stepSize: 0.25, firstLayerFriction: 0.5, firstLayerTemperature: 0.01, temperature: 0.01))
    }

    // MARK: Reporting

    func testKineticTemperaturesPerLayerAndTensor() throws {
        // pᵀp/N by hand on a 1-2-1 layout: W1 = [1, 2], b1 = [3, 4], W2 = [0, 2], b2 = [1].
        let layout = try ParameterLayout(layerSizes: [1, 2, 1])
        let state = LangevinState(momenta: [1, 2, 3, 4, 0, 2, 1], thermostats: [])
        XCTAssertEqual(state.tensorKineticTemperatures(layout: layout), [2.5, 12.5, 2, 1])
        XCTAssertEqual(state.layerKineticTemperatures(layout: layout), [7.5, 5.0 / 3.0])
        XCTAssertEqual(AdLaLa().targetTemperatures(layout: layout), [1e-4, 1e-4, 1e-4, 1e-4])
        XCTAssertEqual(AdLaLa().stateDimension(layout: layout), 7 + 2)
        XCTAssertEqual(LOL().stateDimension(layout: layout), 7)
    }
}
