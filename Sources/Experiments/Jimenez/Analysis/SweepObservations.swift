/// What the E4 analysis needs from one sweep (docs/PROTOCOL.md §3), arranged by initialisation
/// `i` and grid learning rate `j` (ascending η): the λ of every series, the test accuracy
/// at every step and the replica distances. Read from the ensembles and exponents files by
/// the `aggregate` task; built directly by the tests.
public struct SweepObservations: Sendable {
    /// The sweep's facts, as the files state them.
    public var sweep: JimenezResults.Sweep
    /// `estimates[series][i][j]`: λ (nats/step), `nil` when the estimate was not accepted
    /// (status other than ok, ``ChaosOnset/acceptedExponent(_:)``).
    public var estimates: [String: [[Double?]]]
    /// `testAccuracy[i][j][t]`: test accuracy after `t` steps.
    public var testAccuracy: [[[Double]]]
    /// `distances[i][j][r][t]`: L1 distance of replica `r` from its reference after `t` steps.
    public var distances: [[[[Double]]]]

    /// Gathers the observations.
    public init(sweep: JimenezResults.Sweep, estimates: [String: [[Double?]]], testAccuracy: [[[Double]]], distances: [[[[Double]]]]) {
        self.sweep = sweep
        self.estimates = estimates
        self.testAccuracy = testAccuracy
        self.distances = distances
    }
}
