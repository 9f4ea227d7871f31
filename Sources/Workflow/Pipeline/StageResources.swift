/// What one job of a stage asks of a batch scheduler; Snakemake's `threads`
/// (`cpus_per_task`), `mem_mb` and `runtime` in the generated workflow. Local runs ignore
/// it (they use `--jobs`); results never depend on it.
public struct StageResources: Sendable, Equatable {
    /// CPUs of the job, also the worker threads handed to the stage.
    public var cpus: Int
    /// Memory of the job in MB (Slurm `--mem`).
    public var memoryMB: Int
    /// Wall-clock limit in minutes (Slurm `--time`).
    public var runtimeMinutes: Int

    public init(cpus: Int, memoryMB: Int, runtimeMinutes: Int) {
        self.cpus = cpus
        self.memoryMB = memoryMB
        self.runtimeMinutes = runtimeMinutes
    }

    /// What a stage that declares nothing gets: 1 CPU, 1000 MB, 60 minutes.
    public static let defaults = StageResources(cpus: 1, memoryMB: 1000, runtimeMinutes: 60)
}

/// A `resources` block of pipeline.json as written: each field may be absent.
/// `{"cpus": 2, "memoryMB": 4000, "runtimeMinutes": 120}`.
public struct ResourceRequest: Sendable, Equatable {
    /// `cpus`, if given.
    public var cpus: Int?
    /// `memoryMB`, if given.
    public var memoryMB: Int?
    /// `runtimeMinutes`, if given.
    public var runtimeMinutes: Int?

    public init(cpus: Int? = nil, memoryMB: Int? = nil, runtimeMinutes: Int? = nil) {
        self.cpus = cpus
        self.memoryMB = memoryMB
        self.runtimeMinutes = runtimeMinutes
    }

    /// The keys of a `resources` block, in the order the documentation lists them.
    static let keys = ["cpus", "memoryMB", "runtimeMinutes"]

    /// This request with its absent fields taken from `base`.
    func over(_ base: ResourceRequest) -> ResourceRequest {
        ResourceRequest(
            cpus: cpus ?? base.cpus, memoryMB: memoryMB ?? base.memoryMB,
            runtimeMinutes: runtimeMinutes ?? base.runtimeMinutes)
    }
}
