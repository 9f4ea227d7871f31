import Provenance

/// The parameters of `mittra-section` and `build-paper` as pipeline.json gives them
/// (docs/PROTOCOL.md §2's numbers).
enum PaperParameters {
    static let sourceValues: JSONValue = .object([
        "citation": .string("Mittra (2024), arXiv:2410.05988"),
        "table1": .object([
            "sigmoid": .object(["lambda": .double(-0.000055), "loss": .double(0.2659)]),
            "linear": .object(["lambda": .double(-0.000192), "loss": .double(0.2523)]),
            "relu": .object(["lambda": .double(-0.000209), "loss": .double(0.2520)]),
        ]),
        "fig5Code": .object(["r": .double(0.22), "p": .double(0.12)]),
        "code": .object([
            "repository": .string("ChaosOptim"), "notebook": .string("NO_CODE/ChoaticFinalProject.ipynb"),
            "network": .string("2-8-1"), "samples": .int(1000), "noise": .double(0.2), "learningRate": .double(0.01),
            "momentum": .double(0.5), "epochs": .int(100), "basePoints": .int(50), "childrenPerBase": .int(10),
            "perturbationStd": .double(0.0001), "lambdaWindowFraction": .double(0.25),
        ]),
        "draft": .object([
            "file": .string("NO_CODE/ChaosOptim.pdf"), "inputs": .int(3), "noise": .double(0.3), "hiddenLayers": .int(2),
            "activations": .object([
                "sigmoid": .object(["lambda": .double(-7.46), "loss": .double(0.249)]),
                "tanh": .object(["lambda": .double(-6.59), "loss": .double(0.099)]),
                "relu": .object(["lambda": .double(-6.32), "loss": .double(0.090)]),
            ]),
        ]),
    ])

    static let standard: JSONValue = .object([
        "title": .string("Is training chaotic? A reproduction of Mittra (2024)"), "repository": .string("ChaosPipeline (test)"),
    ])
}
