import Dispatch

/// Runs independent jobs on a fixed number of threads with a static assignment (job i on
/// worker i mod workers). Each job must write only its own outputs and follow its own
/// fixed order of operations; then results do not depend on the thread count.
enum Parallel {
    /// Calls `body(job, worker)` for every job in 0..<jobCount, using at most `threads`
    /// workers (worker indices 0..<min(threads, jobCount)).
    static func forEach(jobCount: Int, threads: Int, _ body: (_ job: Int, _ worker: Int) -> Void) {
        let workers = max(1, min(threads, jobCount))
        if workers == 1 {
            for job in 0..<jobCount { body(job, 0) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            // The box only carries the closure across the Sendable boundary; the jobs'
            // disjoint writes are the caller's contract (see the type's documentation).
            let box = UncheckedSendableBox(value: escapable)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var job = worker
                while job < jobCount {
                    box.value(job, worker)
                    job += workers
                }
            }
        }
    }
}

/// Carries a value across a `@Sendable` boundary whose safety is argued at the use site.
struct UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
}

/// A raw buffer that parallel jobs write to at disjoint indices. `@unchecked Sendable`
/// because the disjointness is the caller's contract (documented at each use).
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(count: Int, initialValue: Element) {
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        base.initialize(repeating: initialValue, count: count)
        self.count = count
    }

    init(_ elements: [Element]) {
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(elements.count, 1))
        count = elements.count
        for (index, element) in elements.enumerated() { (base + index).initialize(to: element) }
    }

    /// Copies the contents into an array.
    func array() -> [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Frees the memory; call once, after the last use.
    func free() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
