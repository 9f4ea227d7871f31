import JimenezExperiment
import NumericsCore
import XCTest

/// The paired bootstrap over initialisations of the onset and the argmin of τ.
final class OnsetBootstrapTests: XCTestCase {
    private let key = SeedKey(2).derive("bootstrap-tests")

    /// A sweep where every initialisation agrees: λ < 0 below grid index 3 and > 0 from
    /// it, τ smallest at 3. Every resample gives onset 3, argmin 3, difference 0.
    func testUnanimousSweepGivesPointMassDistributions() throws {
        let n = 12
        let exponents: [[Double?]] = (0..<n).map { i in (0..<6).map { j in (j < 3 ? -0.5 : 0.5) + Double(i) / 1000 } }
        let times: [[TrainingTime]] = (0..<n).map { i in [50, 40, 30, 5, 20, 100].map { .reached(step: $0 + i % 2) } }
        let bootstrap = try OnsetBootstrap(exponents: exponents, trainingTimes: times, resampleCount: 200, key: key)
        XCTAssertEqual(bootstrap.onset.counts, [3: 200])
        XCTAssertEqual(bootstrap.onset.fraction(of: 3), 1)
        XCTAssertEqual(bootstrap.argmin.interval, 3...3)
        XCTAssertEqual(bootstrap.difference.interval, 0...0)
        XCTAssertEqual(bootstrap.onset.undefinedCount, 0)
    }

    /// Pairing: half the initialisations (o = 1) turn chaotic and train fastest at grid
    /// index 1, the other half (o = 2) at index 2; λ is a rejected fit (nil) before a run's
    /// own onset. On a resample, onset and argmin are both 1 when at least half of its rows
    /// have o = 1, else both 2 — so their difference is 0 on every resample although each
    /// of them varies. Unpaired resampling of λ and τ would often give ±1.
    func testOnsetAndArgminMoveTogether() throws {
        let own = (0..<10).map { 1 + $0 % 2 }
        let exponents: [[Double?]] = own.map { o in (0..<3).map { $0 >= o ? 1.0 : nil } }
        let times: [[TrainingTime]] = own.map { o in (0..<3).map { .reached(step: $0 == o ? 5 : 50) } }
        let bootstrap = try OnsetBootstrap(exponents: exponents, trainingTimes: times, resampleCount: 400, key: key)
        XCTAssertEqual(bootstrap.difference.counts, [0: 400])
        XCTAssertEqual(bootstrap.difference.interval, 0...0)
        XCTAssertGreaterThan(bootstrap.onset.fraction(of: 1), 0.3, "P(Binomial(10, ½) ≥ 5) = 0.62")
        XCTAssertGreaterThan(bootstrap.onset.fraction(of: 2), 0.2)
        XCTAssertEqual(bootstrap.onset.fraction(of: 1), bootstrap.argmin.fraction(of: 1))
        XCTAssertEqual(bootstrap.onset.interval, 1...2)
    }

    /// Type-1 percentile ends, and no interval once more than α/2 of the resamples are
    /// undefined (they could lie beyond either end).
    func testDistributionInterval() throws {
        // 40 resamples: one at 0, 38 at 1, one at 2 → ranks ⌈0.025·40⌉ = 1 and ⌈0.975·40⌉ = 39.
        let spread = ResampledIndexDistribution([0] + Array(repeating: 1, count: 38) + [2], level: 0.95)
        XCTAssertEqual(spread.interval, 0...1)
        XCTAssertEqual(spread.fraction(of: 1), 0.95)
        XCTAssertEqual(spread.counts, [0: 1, 1: 38, 2: 1])
        let oneUndefined = ResampledIndexDistribution([nil] + Array(repeating: 1, count: 39), level: 0.95)
        XCTAssertEqual(oneUndefined.interval, 1...1, "2.5 % undefined: still an interval")
        XCTAssertEqual(oneUndefined.undefinedFraction, 0.025)
        XCTAssertNil(ResampledIndexDistribution([nil, nil] + Array(repeating: 1, count: 38), level: 0.95).interval, "5 % undefined")
    }

    /// With no positive λ anywhere the onset is undefined on every resample: no interval.
    func testUndefinedOnsetLeavesNoInterval() throws {
        let exponents: [[Double?]] = (0..<8).map { _ in [-1, -1] }
        let times: [[TrainingTime]] = (0..<8).map { _ in [.reached(step: 3), .notReached] }
        let bootstrap = try OnsetBootstrap(exponents: exponents, trainingTimes: times, resampleCount: 50, key: key)
        XCTAssertEqual(bootstrap.onset.undefinedFraction, 1)
        XCTAssertNil(bootstrap.onset.interval)
        XCTAssertNil(bootstrap.difference.interval)
        XCTAssertEqual(bootstrap.argmin.interval, 0...0)
    }

    func testShapesMustAgree() {
        XCTAssertThrowsError(
            try OnsetBootstrap(exponents: [[1, 1]], trainingTimes: [[.notReached]], resampleCount: 5, key: key)
        ) { XCTAssertTrue("\($0)".contains("the same initialisations and grid"), "\($0)") }
    }

    func testDeterministicInTheKey() throws {
        var stream = SeedKey(8).stream()
        let exponents: [[Double?]] = (0..<9).map { _ in (0..<4).map { Double($0) - 1.5 + stream.normal() } }
        let times: [[TrainingTime]] = (0..<9).map { _ in (0..<4).map { _ in .reached(step: stream.index(below: 20)) } }
        let a = try OnsetBootstrap(exponents: exponents, trainingTimes: times, resampleCount: 60, key: key)
        let b = try OnsetBootstrap(exponents: exponents, trainingTimes: times, resampleCount: 60, key: key)
        XCTAssertEqual(a, b)
    }
}
