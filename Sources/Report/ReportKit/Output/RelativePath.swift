/// Relative links between declared paths (both relative to the profile root), so that
/// `paper/paper.md` links `figures/x.svg` as `../figures/x.svg`.
public enum RelativePath {
    /// The path of `target` seen from the directory that holds `file`.
    public static func from(directoryOf file: String, to target: String) -> String {
        let base = file.split(separator: "/").dropLast().map(String.init)
        let parts = target.split(separator: "/").map(String.init)
        var common = 0
        while common < base.count, common < parts.count - 1, base[common] == parts[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + parts[common...]).joined(separator: "/")
    }
}
