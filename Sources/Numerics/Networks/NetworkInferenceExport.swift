/// `Activation`, `OutputActivation` and `FastMath` live in NetworkInference (a trained
/// network's forward pass without the training engine); every module that uses networks
/// sees them through `import Networks`, as before they moved.
@_exported import NetworkInference
