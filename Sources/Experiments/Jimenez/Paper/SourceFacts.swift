import StageKit

/// What the source states and the section quotes (docs/PROTOCOL.md §3): the citation, the
/// authors' code and the sizes of its protocol. Read from the `section` task's
/// `sourceValues` parameter; printed as quoted, never typed into the template.
public struct SourceFacts: Sendable, Equatable {
    public var citation: String
    public var codeRepository: String
    public var codeScript: String
    public var earlierCodeRepository: String
    public var minimumRSquared: Double
    public var trainingImages: Int
    public var initialisations: Int
    public var replicas: Int
    public var learningRateCount: Int
    public var steps: Int

    /// Reads the `sourceValues` object.
    public init(_ parameters: Parameters) throws {
        citation = try parameters.string("citation")
        let code = try parameters.object("code")
        codeRepository = try code.string("repository")
        codeScript = try code.string("script")
        earlierCodeRepository = try code.string("earlierRepository")
        minimumRSquared = try code.double("minimumRSquared")
        let protocolSizes = try parameters.object("protocol")
        trainingImages = try protocolSizes.int("trainingImages", atLeast: 1)
        initialisations = try protocolSizes.int("initialisations", atLeast: 1)
        replicas = try protocolSizes.int("replicas", atLeast: 1)
        learningRateCount = try protocolSizes.int("learningRates", atLeast: 1)
        steps = try protocolSizes.int("steps", atLeast: 1)
    }
}
