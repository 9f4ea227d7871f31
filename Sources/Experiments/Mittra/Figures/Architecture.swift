/// The networks of the Mittra experiments: two inputs (the XOR bits), one hidden layer,
/// one sigmoid output (docs/PROTOCOL.md §2).
public enum Architecture {
    /// The architecture of the network with `width` hidden units, e.g. "2-8-1".
    public static func name(_ width: Int) -> String { "2-\(width)-1" }
}
