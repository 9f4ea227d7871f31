import Networks
import Provenance
import StageKit

/// The optimizer a sweep trains with, by name, and its hyperparameters (the step size
/// is the sweep's learning-rate axis).
public enum OptimizerChoice: Sendable, Equatable {
    /// `w ← w − η∇L` (docs/PROTOCOL.md §1).
    case gradientDescent
    /// PyTorch SGD with heavy-ball momentum μ (`torch.optim.SGD`, dampening 0).
    case heavyBall(momentum: Double)
    /// Adam with PyTorch's update (β₁, β₂, eps).
    case adam(beta1: Double, beta2: Double, epsilon: Double)
    /// A Langevin-family splitting method of docs/PROTOCOL.md §4; the step size h is the
    /// learning-rate axis.
    case langevin(Langevin)
    case adaptiveLangevin(AdaptiveLangevin)
    case lala(LaLa)
    case adlala(AdLaLa)
    case lol(LOL)

    /// The name written into files and parameters.
    public var name: String {
        switch self {
        case .gradientDescent: return "gd"
        case .heavyBall: return "heavy-ball"
        case .adam: return "adam"
        case .langevin: return "langevin"
        case .adaptiveLangevin: return "adaptive-langevin"
        case .lala: return "lala"
        case .adlala: return "adlala"
        case .lol: return "lol"
        }
    }

    /// The hyperparameters besides the step size, as recorded in the ensembles file.
    public var hyperparameters: JSONValue {
        switch self {
        case .gradientDescent: return .object([:])
        case .heavyBall(let momentum): return .object(["momentum": .double(momentum)])
        case .adam(let beta1, let beta2, let epsilon):
            return .object(["beta1": .double(beta1), "beta2": .double(beta2), "epsilon": .double(epsilon)])
        case .langevin(let o): return .object(["friction": .double(o.friction), "temperature": .double(o.temperature)])
        case .adaptiveLangevin(let o):
            return .object(["noiseAmplitude": .double(o.noiseAmplitude), "thermostatCoupling": .double(o.thermostatCoupling),
                            "temperature": .double(o.temperature), "initialThermostat": .double(o.initialThermostat)])
        case .lala(let o):
            return .object(["friction": .double(o.friction), "layerTemperatures": .array(o.layerTemperatures.map { .double($0) })])
        case .adlala(let o):
            return .object(["friction": .double(o.friction), "noiseAmplitude": .double(o.noiseAmplitude),
                            "thermostatCoupling": .double(o.thermostatCoupling),
                            "firstLayerTemperature": .double(o.firstLayerTemperature), "temperature": .double(o.temperature),
                            "initialThermostat": .double(o.initialThermostat)])
        case .lol(let o):
            return .object(["firstLayerFriction": .double(o.firstLayerFriction),
                            "firstLayerTemperature": .double(o.firstLayerTemperature), "temperature": .double(o.temperature)])
        }
    }

    /// Calls `body` with the optimizer at step size `learningRate` (one generic call site
    /// for training and estimation, so both always use the same implementation).
    public func withOptimizer<R>(learningRate: Double, _ body: (any DifferentiableOptimizer) throws -> R) rethrows -> R {
        switch self {
        case .gradientDescent: return try body(GradientDescent(learningRate: learningRate))
        case .heavyBall(let momentum): return try body(StochasticGradientDescent(learningRate: learningRate, momentum: momentum))
        case .adam(let beta1, let beta2, let epsilon):
            return try body(Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon))
        case .langevin(let o):
            return try body(Langevin(stepSize: learningRate, friction: o.friction, temperature: o.temperature))
        case .adaptiveLangevin(let o):
            return try body(AdaptiveLangevin(
                stepSize: learningRate, noiseAmplitude: o.noiseAmplitude, thermostatCoupling: o.thermostatCoupling,
                temperature: o.temperature, initialThermostat: o.initialThermostat))
        case .lala(let o): return try body(LaLa(stepSize: learningRate, friction: o.friction, layerTemperatures: o.layerTemperatures))
        case .adlala(let o):
            return try body(AdLaLa(
                stepSize: learningRate, friction: o.friction, noiseAmplitude: o.noiseAmplitude,
                thermostatCoupling: o.thermostatCoupling, firstLayerTemperature: o.firstLayerTemperature,
                temperature: o.temperature, initialThermostat: o.initialThermostat))
        case .lol(let o):
            return try body(LOL(stepSize: learningRate, firstLayerFriction: o.firstLayerFriction,
                                firstLayerTemperature: o.firstLayerTemperature, temperature: o.temperature))
        }
    }

    /// Reads `{"name": …, hyperparameters…}` (resolved: every key present).
    public init(_ parameters: Parameters) throws {
        // The step size is the sweep's learning-rate axis; 1 stands in until withOptimizer.
        let p = parameters
        switch try parameters.string("name") {
        case "gd": self = .gradientDescent
        case "heavy-ball": self = .heavyBall(momentum: try p.double("momentum"))
        case "adam":
            self = .adam(beta1: try p.double("beta1"), beta2: try p.double("beta2"), epsilon: try p.double("epsilon"))
        case "langevin": self = .langevin(Langevin(stepSize: 1, friction: try p.double("friction"), temperature: try p.double("temperature")))
        case "adaptive-langevin":
            self = .adaptiveLangevin(AdaptiveLangevin(
                stepSize: 1, noiseAmplitude: try p.double("noiseAmplitude"), thermostatCoupling: try p.double("thermostatCoupling"),
                temperature: try p.double("temperature"), initialThermostat: try p.double("initialThermostat")))
        case "lala": self = .lala(LaLa(stepSize: 1, friction: try p.double("friction"), layerTemperatures: try p.doubles("layerTemperatures")))
        case "adlala":
            self = .adlala(AdLaLa(
                stepSize: 1, friction: try p.double("friction"), noiseAmplitude: try p.double("noiseAmplitude"),
                thermostatCoupling: try p.double("thermostatCoupling"), firstLayerTemperature: try p.double("firstLayerTemperature"),
                temperature: try p.double("temperature"), initialThermostat: try p.double("initialThermostat")))
        default:
            self = .lol(LOL(stepSize: 1, firstLayerFriction: try p.double("firstLayerFriction"),
                            firstLayerTemperature: try p.double("firstLayerTemperature"), temperature: try p.double("temperature")))
        }
    }
}
