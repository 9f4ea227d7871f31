import HDF5

/// What an HDF5 path names in a file, for ``PaperLinkChecker``.
enum HDF5Lookup {
    /// The object at `path`: a group, a dataset with its shape, or nothing.
    enum Object: Equatable {
        case group
        case dataset(shape: [Int])
        case missing
    }

    /// The object at the absolute `path` (`/` is the root group) of `file`.
    static func object(_ file: HDF5File, path: String) throws -> Object {
        let components = path.split(separator: "/").map(String.init)
        var group = try file.root
        for (position, name) in components.enumerated() {
            guard try group.contains(name) else { return .missing }
            let isLast = position == components.count - 1
            if let child = try? group.openGroup(name) {
                group = child
                continue
            }
            guard isLast, let dataset = try? group.dataset(name) else { return .missing }
            return .dataset(shape: dataset.shape)
        }
        return .group
    }
}
