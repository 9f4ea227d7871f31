/// When a regime (one setting of E2/E3: network, η, momentum, steps) can test a claim about
/// the final loss (docs/PROTOCOL.md §2, amendment to the claim-2 and claim-3 rules): the
/// compared networks must learn the task. A loss difference between networks that all sit at
/// chance says nothing about which λ goes with learning better.
///
/// Rule: a regime can test the claims iff, for every compared activation that can represent
/// the task (all but ``cannotRepresent``: a linear hidden layer makes the network a logistic
/// regression, which cannot separate XOR), at least a fraction ``minimumLearnedFraction`` of
/// its starts reach the test accuracy ``ActivationRanking/learnedAccuracy``. An unknown
/// fraction (NaN: no ensembles file was read) does not count as learned.
public struct RegimeTest: Sendable, Equatable {
    /// The fraction of starts that must learn, per activation that can represent the task.
    public var minimumLearnedFraction: Double
    /// Activations that cannot represent the task at any setting; their learned fraction is
    /// not asked for.
    public var cannotRepresent: [String]

    /// Nine starts in ten: "the networks learn", with room for the odd stuck start.
    public static let defaultMinimumLearnedFraction = 0.9
    /// A linear hidden layer cannot represent XOR.
    public static let defaultCannotRepresent = ["linear"]

    /// Creates the rule.
    public init(
        minimumLearnedFraction: Double = defaultMinimumLearnedFraction, cannotRepresent: [String] = defaultCannotRepresent
    ) {
        self.minimumLearnedFraction = minimumLearnedFraction
        self.cannotRepresent = cannotRepresent
    }

    /// The activations, in the given order, that can represent the task.
    public func representing(_ activations: [String]) -> [String] {
        activations.filter { !cannotRepresent.contains($0) }
    }

    /// Whether a regime whose activations learn in the fractions `learnedFraction` (one per
    /// activation, same order) can test a claim about final loss. False when no compared
    /// activation can represent the task.
    public func canTest(activations: [String], learnedFraction: [Double]) -> Bool {
        let asked = activations.indices.filter { !cannotRepresent.contains(activations[$0]) }
        guard !asked.isEmpty, learnedFraction.count == activations.count else { return false }
        return asked.allSatisfy { learnedFraction[$0] >= minimumLearnedFraction }
    }

    /// The index of the regime whose verdict decides the claim: the first of `canTest`
    /// (regimes in the order they are reported, the source's own setting first) that can
    /// test it; nil when none can.
    public static func decidingRegime(canTest: [Bool]) -> Int? {
        canTest.firstIndex(of: true)
    }
}
