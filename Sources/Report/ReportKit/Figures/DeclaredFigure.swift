import Foundation

/// An experiment's figures, one SVG file each: the raw value is the file name without
/// `.svg` that pipeline.json declares, and begins with the experiment's name and a hyphen
/// (`mittra-estimators`). The figures and section tasks find a figure from the declared
/// path, and the section template places it under `<experiment>.<rest>`.
public protocol DeclaredFigure: RawRepresentable, CaseIterable, Sendable where RawValue == String {
    /// The experiment's name: the file names' prefix and the placeholders' namespace.
    static var experiment: String { get }
}

extension DeclaredFigure {
    /// The figure that a declared path (`figures/<name>.svg`) names.
    public init(declaredPath: String) throws(UnknownFigure) {
        let file = URL(fileURLWithPath: declaredPath).lastPathComponent
        guard file.hasSuffix(".svg"), let figure = Self(rawValue: String(file.dropLast(4))) else {
            throw UnknownFigure(path: declaredPath, experiment: Self.experiment, known: Self.allCases.map(\.rawValue))
        }
        self = figure
    }

    /// The name the section template places the figure under, e.g. `mittra.estimators`.
    public var placeholderName: String {
        Self.experiment + "." + (rawValue.dropPrefix(Self.experiment + "-") ?? rawValue)
    }
}

/// A declared figure path that names none of an experiment's figures.
public struct UnknownFigure: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var experiment: String
    /// The file names (without `.svg`) the experiment draws.
    public var known: [String]

    public var description: String {
        "'\(path)' is not a figure of \(experiment); its figures task makes only "
            + known.map { "figures/\($0).svg" }.joined(separator: ", ")
            + ". Fix the outputs of stages.\(experiment)-figures (or the inputs of stages.\(experiment)-section) in pipeline.json."
    }
}
