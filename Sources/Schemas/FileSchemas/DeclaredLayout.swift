import HDF5

/// Checks of a written file against the rule every schema follows: each dataset carries a
/// `dimensions` attribute (one name per axis) and a `meaning` attribute.
public enum DeclaredLayout {
    /// The paths of the datasets of `file` that lack `dimensions` (or have one name per
    /// axis too few or too many) or `meaning`, sorted; empty when the file follows the rule.
    public static func undocumentedDatasets(in file: HDF5File) throws -> [String] {
        try undocumented(in: try file.root)
    }

    static func undocumented(in group: HDF5Group) throws -> [String] {
        var found: [String] = []
        for name in try group.memberNames() {
            if try group.isDataset(name) {
                let dataset = try group.dataset(name)
                let dimensions = try dataset.hasAttribute("dimensions") ? try dataset.attribute("dimensions") : nil
                let axes: Int? = if case .strings(let names)? = dimensions { names.count } else { nil }
                let hasMeaning = try dataset.hasAttribute("meaning")
                if axes != dataset.shape.count || !hasMeaning { found.append(dataset.path) }
            } else {
                found += try undocumented(in: try group.openGroup(name))
            }
        }
        return found.sorted()
    }
}
