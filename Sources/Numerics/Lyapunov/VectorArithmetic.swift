import NumericsCore

/// The few vector operations the estimators share, in a fixed summation order
/// (left to right) so that results are bit-identical across runs.
enum VectorArithmetic {
    /// `Σ aᵢ bᵢ`.
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices {
            sum += a[index] * b[index]
        }
        return sum
    }

    /// The Euclidean norm; rescaled when the plain sum of squares would overflow or
    /// underflow, so that a finite vector always has a finite norm.
    static func euclideanNorm(_ a: [Double]) -> Double {
        let sumOfSquares = dot(a, a)
        if sumOfSquares.isFinite, sumOfSquares > 0x1p-900 {
            return sumOfSquares.squareRoot()
        }
        var largest = 0.0
        for value in a {
            largest = max(largest, abs(value))
        }
        if largest == 0 || !largest.isFinite {
            return largest
        }
        var scaled = 0.0
        for value in a {
            let ratio = value / largest
            scaled += ratio * ratio
        }
        return largest * scaled.squareRoot()
    }

    /// `‖a − b‖₂`.
    static func euclideanDistance(_ a: [Double], _ b: [Double]) -> Double {
        euclideanNorm(difference(a, b))
    }

    /// `‖a − b‖₁`.
    static func manhattanDistance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices {
            sum += abs(a[index] - b[index])
        }
        return sum
    }

    /// `a − b`.
    static func difference(_ a: [Double], _ b: [Double]) -> [Double] {
        var result = a
        for index in result.indices {
            result[index] -= b[index]
        }
        return result
    }

    /// Whether every coordinate is finite.
    static func isFinite(_ a: [Double]) -> Bool {
        a.allSatisfy(\.isFinite)
    }

    /// `count` standard normal deviates from the stream of `key`.
    static func standardNormal(_ count: Int, key: SeedKey) -> [Double] {
        var stream = key.stream()
        return (0..<count).map { _ in stream.normal() }
    }

    /// `vector` with every coordinate outside `coordinates` set to zero (all kept when nil).
    static func restricted(_ vector: [Double], to coordinates: [Int]?) -> [Double] {
        guard let coordinates else { return vector }
        var result = [Double](repeating: 0, count: vector.count)
        for index in coordinates where result.indices.contains(index) { result[index] = vector[index] }
        return result
    }
}
