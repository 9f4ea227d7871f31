/// Modified Gram–Schmidt orthonormalization: the QR step of the tangent-space method
/// (Benettin et al. 1980; Shimada & Nagashima 1979). Deterministic: vectors are
/// processed in order and every sum runs left to right.
enum GramSchmidt {
    /// Replaces `vectors` by an orthonormal set spanning the same nested subspaces and
    /// returns the diagonal of `R` (the norms removed). A zero or non-finite diagonal
    /// entry means the set was singular or diverged; the caller reads it from the result.
    static func orthonormalize(_ vectors: inout [[Double]]) -> [Double] {
        var diagonal: [Double] = []
        diagonal.reserveCapacity(vectors.count)
        for i in vectors.indices {
            for j in 0..<i {
                let projection = VectorArithmetic.dot(vectors[j], vectors[i])
                for index in vectors[i].indices {
                    vectors[i][index] -= projection * vectors[j][index]
                }
            }
            let norm = VectorArithmetic.euclideanNorm(vectors[i])
            diagonal.append(norm)
            if norm > 0, norm.isFinite {
                for index in vectors[i].indices {
                    vectors[i][index] /= norm
                }
            }
        }
        return diagonal
    }
}
