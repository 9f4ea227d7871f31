import Dynamics

/// Stepping a map while watching for non-finite states, which must end an estimate
/// with a status rather than crash or poison it (docs/PROTOCOL.md §1, estimators).
enum FiniteEvolution {
    /// Advances `state` by `count` steps starting at step index `time`. Returns `nil`
    /// when every state stayed finite, otherwise the number of steps taken (1-based)
    /// when the first non-finite state appeared; `state` then holds that state.
    static func advance(
        _ map: some DynamicalMap, _ state: inout [Double], from time: Int, count: Int
    ) -> Int? {
        for offset in 0..<count {
            map.step(&state, time: time + offset)
            if !VectorArithmetic.isFinite(state) {
                return offset + 1
            }
        }
        return nil
    }
}
