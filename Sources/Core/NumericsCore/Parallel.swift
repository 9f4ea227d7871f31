import Dispatch

/// Runs independent jobs on a fixed number of threads with a static assignment (job i on
/// worker i mod workers). Each job must write only its own outputs and follow its own
/// fixed order of operations; then results do not depend on the thread count.
public enum Parallel {
    /// Calls `body(job, worker)` for every job in 0..<jobCount, using at most `threads`
    /// workers (worker indices 0..<min(threads, jobCount)).
    public static func forEach(jobCount: Int, threads: Int, _ body: (_ job: Int, _ worker: Int) -> Void) {
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
public struct UncheckedSendableBox<Value>: @unchecked Sendable {
    public let value: Value

    public init(value: Value) {
        self.value = value
    }
}

/// A raw buffer that parallel jobs write to at disjoint indices. `@unchecked Sendable`
/// because the disjointness is the caller's contract (documented at each use).
public struct SharedBuffer<Element>: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Element>
    public let count: Int

    public init(count: Int, initialValue: Element) {
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        base.initialize(repeating: initialValue, count: count)
        self.count = count
    }

    public init(_ elements: [Element]) {
        base = UnsafeMutablePointer<Element>.allocate(capacity: max(elements.count, 1))
        count = elements.count
        for (index, element) in elements.enumerated() { (base + index).initialize(to: element) }
    }

    /// Copies the contents into an array.
    public func array() -> [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Frees the memory; call once, after the last use.
    public func free() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    public subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}

extension Parallel {
    /// `transform` applied to every element on at most `threads` threads (static
    /// assignment as in ``forEach(jobCount:threads:_:)``); element i is always computed
    /// from the same inputs by the same code, so the result does not depend on the thread
    /// count. The error of the lowest-indexed failing element is rethrown.
    public static func map<Element, Result>(
        _ elements: [Element], threads: Int, _ transform: (Element) throws -> Result
    ) throws -> [Result] {
        let results = SharedBuffer<Result?>(count: elements.count, initialValue: nil)
        let errors = SharedBuffer<(any Error)?>(count: elements.count, initialValue: nil)
        defer {
            results.free()
            errors.free()
        }
        forEach(jobCount: elements.count, threads: threads) { index, _ in
            do {
                results[index] = try transform(elements[index])
            } catch {
                errors[index] = error
            }
        }
        if let error = errors.array().lazy.compactMap({ $0 }).first { throw error }
        return results.array().map { $0! }
    }
}
