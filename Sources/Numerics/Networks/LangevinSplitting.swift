import Foundation
import NumericsCore

/// How one tensor (a weight matrix or a bias vector) moves between the two gradient kicks
/// of a Langevin-family step (docs/PROTOCOL.md §4, splitting steps with `c = e^{−γh}`):
///
///     A: θ += (h/2) p          B: p −= h ∇L(θ)          O: p = c p + √((1 − c²) τ) R
///     C: p *= e^{−(h/2) ξ}     D: p += σ √(h/2) R       E: ξ += h ε (pᵀp − N τ₁)
///
/// with N the number of entries of the tensor and one scalar ξ per tensor.
public enum TensorDynamics: Sendable, Hashable, Codable {
    /// Langevin, `A O A`: friction γ and temperature τ. `friction: .infinity` gives
    /// `c = 0` exactly, the overdamped limit in which the momentum is fully resampled,
    /// `p̂ = √τ R` (LOL's other layers). `temperature: 0` switches the noise off exactly
    /// (no numbers are drawn): damped heavy-ball.
    case langevin(friction: Double, temperature: Double)
    /// Adaptive Langevin (Nosé–Hoover–Langevin), `A C D E D C A`: noise amplitude σ,
    /// thermostat coupling ε, target temperature τ₁ and the thermostat's initial value
    /// ξ₀. `noiseAmplitude: 0` switches the noise off exactly (Nosé–Hoover).
    case adaptiveLangevin(noiseAmplitude: Double, thermostatCoupling: Double, temperature: Double,
                          initialThermostat: Double)

    /// The temperature the tensor's kinetic temperature `pᵀp / N` is driven to.
    public var temperature: Double {
        switch self {
        case let .langevin(_, temperature): temperature
        case let .adaptiveLangevin(_, _, temperature, _): temperature
        }
    }
}

/// A Langevin-family optimizer of docs/PROTOCOL.md §4: per tensor a ``TensorDynamics``, and one
/// shared step in the form of the authors' `Optimizer_AdLaLa.py` (Leimkuhler, Matthews &
/// Vlaar 2019, arXiv 1908.11843, p. 7 "in practice we use AOAB"):
///
/// * step 0 only ("first minibatch"): the gradient at θ₀ and `B_{h/2}`, `p −= (h/2)∇L(θ₀)`
///   (the authors set p to 0 first; the initial state has p₀ = 0, so this is theirs);
/// * every step: each tensor's drift–thermostat–drift (`A O A` or `A C D E D C A`), then
///   the gradient at the new parameters on the *same* minibatch and `B_h` for all.
///
/// With the full batch this is BAOAB (resp. its Adaptive-Langevin analogue) with the
/// closing `B_{h/2}` of step n and the opening one of step n+1 merged; with minibatches
/// both halves use batch n. So every step makes one gradient evaluation (two on step 0)
/// and no force is carried: the carried momentum is the one after the `B_h` kick.
///
/// **Returned loss.** `step` returns the loss of its last gradient evaluation: batch n's
/// loss at θ_{n+1}, *after* the update (the training loss the authors' notebook
/// records). This departs from ``Optimizer/step``'s "loss before the update": that loss
/// would cost a second gradient evaluation per step, which this scheme avoids.
///
/// **Noise.** All random numbers come from `context.noiseKey`: tensor k (index in
/// ``ParameterLayout/tensors``) draws `noiseKey.derive("O", k).stream()` for its O step
/// and `noiseKey.derive("D1", k)` / `derive("D2", k)` for its two D steps, standard
/// normals in coordinate order from `RandomStream.fillStandardNormals` (Box–Muller with
/// both outputs of each pair, vectorized; not the scalar `RandomStream.normal()`).
/// So the noise of step t depends only on (key, t), replicas
/// share it, and a run replays exactly from any mid-trajectory state.
public protocol LangevinSplitting: DifferentiableOptimizer where State == LangevinState {
    /// The step size h (docs/PROTOCOL.md §4; notebook default 0.25).
    var stepSize: Double { get }

    /// The dynamics of each tensor of `layout`, in the order of ``ParameterLayout/tensors``.
    func tensorDynamics(layout: ParameterLayout) -> [TensorDynamics]
}

/// What the Jacobian needs of one Adaptive-Langevin tensor's realized sub-steps.
struct AdaptiveLangevinTrace {
    /// Index into ``ParameterLayout/tensors`` and into the thermostats.
    let tensor: Int, thermostat: Int
    /// ξ before E and after it.
    let thermostatBefore: Double, thermostatAfter: Double
    /// p entering the first C, after the first D (the p of E) and after the second D.
    let momentaIn: [Double], momentaAtE: [Double], momentaBeforeSecondC: [Double]
}

extension LangevinSplitting {
    /// `kinetic_temperature/<layer>/<weights|biases>` for every tensor, then
    /// `target_temperature/…` likewise, then `thermostat/<layer>/<kind>` for every ξ.
    public func diagnosticNames(layout: ParameterLayout) -> [String] {
        let tensors = layout.tensors
        let names = tensors.map { "\($0.layer)/\($0.kind.rawValue)" }
        return names.map { "kinetic_temperature/" + $0 } + names.map { "target_temperature/" + $0 }
            + thermostatTensors(layout: layout).map { "thermostat/" + names[$0] }
    }

    /// pᵀp/N per tensor, the target τ of each tensor, and the thermostat values ξ.
    public func diagnostics(of state: LangevinState, layout: ParameterLayout) -> [Double] {
        state.tensorKineticTemperatures(layout: layout) + tensorDynamics(layout: layout).map(\.temperature) + state.thermostats
    }

    /// `kinetic_temperature/<layer>/<weights|biases>` for every tensor: pᵀp/N at the
    /// thermostat's own point of the last step (``LangevinState/thermostatPointKineticTemperatures``).
    public func thermostatPointDiagnosticNames(layout: ParameterLayout) -> [String] {
        layout.tensors.map { "kinetic_temperature/\($0.layer)/\($0.kind.rawValue)" }
    }

    /// pᵀp/N per tensor at its thermostat's own point of the last step (after O for
    /// Langevin tensors, at E for Adaptive-Langevin ones); NaN before the first step.
    public func thermostatPointDiagnostics(of state: LangevinState, layout: ParameterLayout) -> [Double] {
        let measured = state.thermostatPointKineticTemperatures
        return measured.count == layout.tensors.count ? measured : [Double](repeating: .nan, count: layout.tensors.count)
    }

    /// Indices (into ``ParameterLayout/tensors``) of the tensors that carry a thermostat ξ,
    /// in the order of ``LangevinState/thermostats``.
    public func thermostatTensors(layout: ParameterLayout) -> [Int] {
        tensorDynamics(layout: layout).enumerated().compactMap { k, dynamics in
            if case .adaptiveLangevin = dynamics { k } else { nil }
        }
    }

    /// Target temperature of each tensor, in the order of ``ParameterLayout/tensors`` (to
    /// record beside ``LangevinState/tensorKineticTemperatures(layout:)``).
    public func targetTemperatures(layout: ParameterLayout) -> [Double] {
        tensorDynamics(layout: layout).map(\.temperature)
    }

    /// p₀ = 0 (the notebook) and ξ = ξ₀ for every thermostatted tensor.
    public func initialState(parameters: [Double], layout: ParameterLayout) -> LangevinState {
        let thermostats = tensorDynamics(layout: layout).compactMap { dynamics -> Double? in
            if case let .adaptiveLangevin(_, _, _, initial) = dynamics { initial } else { nil }
        }
        return LangevinState(momenta: [Double](repeating: 0, count: parameters.count), thermostats: thermostats)
    }

    /// One step as described on ``LangevinSplitting``; returns batch n's loss at θ_{n+1}.
    public func step(parameters: inout [Double], state: inout LangevinState, context: StepContext,
                     gradient: GradientOracle) -> Double {
        let h = stepSize
        if state.gradient.count != parameters.count { state.gradient = [Double](repeating: 0, count: parameters.count) }
        if context.step == 0 {
            _ = gradient(parameters, gradient: &state.gradient)
            for i in parameters.indices { state.momenta[i] -= 0.5 * h * state.gradient[i] }
        }
        _ = driftAndThermostat(parameters: &parameters, state: &state, layout: context.layout,
                               noiseKey: context.noiseKey, record: false)
        let loss = gradient(parameters, gradient: &state.gradient)
        for i in parameters.indices { state.momenta[i] -= h * state.gradient[i] }
        return loss
    }

    /// P momenta plus one ξ per thermostatted tensor.
    public func stateDimension(layout: ParameterLayout) -> Int {
        layout.count + thermostatTensors(layout: layout).count
    }

    /// The momenta, then the thermostats ξ in layout order.
    public func coordinates(of state: LangevinState, layout: ParameterLayout) -> [Double] {
        state.momenta + state.thermostats
    }

    /// The inverse of ``coordinates(of:layout:)``; nothing depends on `step` except through
    /// the step's own context (the step-0 half kick).
    public func state(coordinates: ArraySlice<Double>, step: Int, layout: ParameterLayout) -> LangevinState {
        let start = coordinates.startIndex, count = layout.count
        return LangevinState(momenta: Array(coordinates[start..<(start + count)]),
                             thermostats: Array(coordinates[(start + count)...]))
    }

    /// The exact Jacobian of ``step`` on `(θ, p, ξ)`. The noise is additive and drops out;
    /// the step is replayed (same noise, from the key) to find the points where it took
    /// the gradient and the momenta and ξ that couple p and ξ. Per sub-step:
    ///
    ///     B (at θ*):  dp −= h H(θ*) dθ           (h/2 on step 0, at θ₀)
    ///     A:          dθ += (h/2) dp
    ///     O:          dp *= c
    ///     C (ξ, p):   dp = e^{−(h/2)ξ} (dp − (h/2) p dξ)
    ///     D:          nothing
    ///     E (p):      dξ += 2 h ε pᵀ dp
    public func applyJacobian(
        parameters: [Double], state: LangevinState, context: StepContext, gradient: GradientOracle,
        hessianVectorProduct: HessianVectorOracle, tangents: inout [[Double]]
    ) {
        let h = stepSize, half = 0.5 * h
        let layout = context.layout, count = parameters.count, thermostatCount = state.thermostats.count
        var moved = parameters, replay = state
        replay.gradient = [Double](repeating: 0, count: count)
        if context.step == 0 {
            _ = gradient(moved, gradient: &replay.gradient)
            for i in 0..<count { replay.momenta[i] -= half * replay.gradient[i] }
        }
        let traces = driftAndThermostat(parameters: &moved, state: &replay, layout: layout,
                                        noiseKey: context.noiseKey, record: true)
        let dynamics = tensorDynamics(layout: layout), tensors = layout.tensors
        for k in tangents.indices {
            var dTheta = Array(tangents[k][0..<count])
            var dP = Array(tangents[k][count..<(2 * count)])
            var dXi = Array(tangents[k][(2 * count)..<(2 * count + thermostatCount)])
            if context.step == 0 {
                let product = hessianVectorProduct(parameters, dTheta)
                for i in 0..<count { dP[i] -= half * product[i] }
            }
            var nextTrace = 0
            for (t, tensor) in tensors.enumerated() {
                switch dynamics[t] {
                case let .langevin(friction, _):
                    let c = exp(-friction * h)
                    for i in tensor.range {
                        dTheta[i] += half * dP[i]
                        dP[i] *= c
                        dTheta[i] += half * dP[i]
                    }
                case let .adaptiveLangevin(_, coupling, _, _):
                    let trace = traces[nextTrace]
                    nextTrace += 1
                    let j = trace.thermostat
                    let firstDamping = exp(-half * trace.thermostatBefore)
                    let secondDamping = exp(-half * trace.thermostatAfter)
                    var dot = 0.0
                    for (n, i) in tensor.range.enumerated() {
                        dTheta[i] += half * dP[i]
                        dP[i] = firstDamping * (dP[i] - half * trace.momentaIn[n] * dXi[j])
                        dot += trace.momentaAtE[n] * dP[i]
                    }
                    dXi[j] += 2 * h * coupling * dot
                    for (n, i) in tensor.range.enumerated() {
                        dP[i] = secondDamping * (dP[i] - half * trace.momentaBeforeSecondC[n] * dXi[j])
                        dTheta[i] += half * dP[i]
                    }
                }
            }
            let product = hessianVectorProduct(moved, dTheta)
            for i in 0..<count { dP[i] -= h * product[i] }
            tangents[k] = dTheta + dP + dXi
        }
    }

    /// h (the splitting integrators' time step).
    public var timeStep: Double { stepSize }

    /// Every tensor's drift–thermostat–drift (`A O A` or `A C D E D C A`) in place;
    /// returns, if `record`, what the Jacobian needs of the Adaptive-Langevin tensors.
    func driftAndThermostat(parameters: inout [Double], state: inout LangevinState, layout: ParameterLayout,
                            noiseKey: SeedKey, record: Bool) -> [AdaptiveLangevinTrace] {
        let h = stepSize, half = 0.5 * h
        let dynamics = tensorDynamics(layout: layout), tensors = layout.tensors
        precondition(dynamics.count == tensors.count,
                     "\(Self.self) gives \(dynamics.count) tensor dynamics for a layout of \(tensors.count) tensors")
        var traces: [AdaptiveLangevinTrace] = []
        var thermostat = 0
        if state.thermostatPointKineticTemperatures.count != tensors.count {
            state.thermostatPointKineticTemperatures = [Double](repeating: .nan, count: tensors.count)
        }
        for (k, tensor) in tensors.enumerated() {
            let range = tensor.range
            switch dynamics[k] {
            case let .langevin(friction, temperature):
                let c = exp(-friction * h)
                let noiseScale = ((1 - c * c) * temperature).squareRoot()
                for i in range { parameters[i] += half * state.momenta[i] }                    // A
                if noiseScale == 0 {                                                           // O
                    for i in range { state.momenta[i] = c * state.momenta[i] }
                } else {
                    withStandardNormals(count: range.count, key: noiseKey.derive("O", k)) { r in
                        state.momenta.withUnsafeMutableBufferPointer { momenta in
                            let p = momenta.baseAddress! + range.lowerBound
                            for n in 0..<range.count { p[n] = c * p[n] + noiseScale * r[n] }
                        }
                    }
                }
                state.thermostatPointKineticTemperatures[k] = state.kineticTemperature(of: range)  // measured after O
                for i in range { parameters[i] += half * state.momenta[i] }                    // A
            case let .adaptiveLangevin(noiseAmplitude, coupling, temperature, _):
                let noiseScale = noiseAmplitude * half.squareRoot()
                let before = state.thermostats[thermostat]
                let momentaIn = record ? Array(state.momenta[range]) : []
                for i in range { parameters[i] += half * state.momenta[i] }                    // A
                let firstDamping = exp(-half * before)
                for i in range { state.momenta[i] *= firstDamping }                            // C
                addNoise(&state.momenta, range: range, scale: noiseScale, key: noiseKey.derive("D1", k))  // D
                let momentaAtE = record ? Array(state.momenta[range]) : []
                var kinetic = 0.0                                                              // E
                for i in range { kinetic += state.momenta[i] * state.momenta[i] }
                let after = before + h * coupling * (kinetic - Double(range.count) * temperature)
                state.thermostatPointKineticTemperatures[k] = range.isEmpty ? 0 : kinetic / Double(range.count)  // measured at E
                addNoise(&state.momenta, range: range, scale: noiseScale, key: noiseKey.derive("D2", k))  // D
                let momentaBeforeSecondC = record ? Array(state.momenta[range]) : []
                let secondDamping = exp(-half * after)
                for i in range { state.momenta[i] *= secondDamping }                           // C
                for i in range { parameters[i] += half * state.momenta[i] }                    // A
                state.thermostats[thermostat] = after
                if record {
                    traces.append(AdaptiveLangevinTrace(
                        tensor: k, thermostat: thermostat, thermostatBefore: before, thermostatAfter: after,
                        momentaIn: momentaIn, momentaAtE: momentaAtE, momentaBeforeSecondC: momentaBeforeSecondC))
                }
                thermostat += 1
            }
        }
        return traces
    }

    /// D: `p += scale · R` on `range` with R from `key`; no draws when `scale` is 0.
    private func addNoise(_ momenta: inout [Double], range: Range<Int>, scale: Double, key: SeedKey) {
        guard scale != 0 else { return }
        withStandardNormals(count: range.count, key: key) { r in
            momenta.withUnsafeMutableBufferPointer { momenta in
                let p = momenta.baseAddress! + range.lowerBound
                for n in 0..<range.count { p[n] += scale * r[n] }
            }
        }
    }

    /// `body(R)` with R[0..<count] the standard normals of `key`'s stream.
    private func withStandardNormals(count: Int, key: SeedKey, _ body: (UnsafePointer<Double>) -> Void) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(count, 1)) { buffer in
            var stream = key.stream()
            stream.fillStandardNormals(buffer.baseAddress!, count: count)
            body(buffer.baseAddress!)
        }
    }
}
