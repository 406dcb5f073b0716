import Dispatch
import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs `count` independent jobs on all cores with structured concurrency (a task group) and returns
/// their results in job order, whatever order they finish in.
///
/// Jobs are handed out in contiguous chunks (about 100 chunks, or one job each when fewer), at most
/// `workers` chunks at a time. After each chunk `progress` receives the number of jobs done so far
/// (from the coordinating task, one call at a time, increasing). Cancellation is cooperative: before
/// each job the runner checks `cancellation` and the task's own cancellation, and stops with
/// `HedgeError("interrupted")`; the first error of a job stops the others and is rethrown.
public enum ParallelRunner {
    /// The number of cores the process may use (at least 1).
    public static var availableCores: Int { Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The results of `job(0) … job(count − 1)`, in that order.
    public static func map<T: Sendable>(
        count: Int, workers: Int = availableCores, cancellation: Cancellation? = nil,
        progress: (@Sendable (Int) -> Void)? = nil, _ job: @escaping @Sendable (Int) throws -> T
    ) async throws -> [T] {
        guard count > 0 else { return [] }
        let chunks = chunkRanges(count: count, chunks: Swift.min(count, 100))
        var results = [[T]?](repeating: nil, count: chunks.count)
        try await withThrowingTaskGroup(of: (Int, [T]).self) { group in
            var next = 0
            func addChunk() {
                let index = next, range = chunks[index]
                next += 1
                group.addTask {
                    var out: [T] = []
                    out.reserveCapacity(range.count)
                    for i in range {
                        if Task.isCancelled { throw HedgeError("interrupted") }
                        try cancellation?.check()
                        out.append(try job(i))
                    }
                    return (index, out)
                }
            }
            while next < Swift.min(Swift.max(1, workers), chunks.count) { addChunk() }
            var done = 0
            while let (index, out) = try await group.next() {
                results[index] = out
                done += out.count
                progress?(done)
                if next < chunks.count { addChunk() }
            }
        }
        return results.flatMap { $0 ?? [] }
    }

    /// `map` for synchronous callers: blocks the calling thread until every job has finished (or one
    /// failed, or `cancellation` stopped them). See `waitFor`.
    public static func mapBlocking<T: Sendable>(
        count: Int, workers: Int = availableCores, cancellation: Cancellation? = nil,
        progress: (@Sendable (Int) -> Void)? = nil, _ job: @escaping @Sendable (Int) throws -> T
    ) throws -> [T] {
        try waitFor { try await map(count: count, workers: workers, cancellation: cancellation, progress: progress, job) }
    }

    /// Runs `operation` in a detached task and blocks the calling thread until it returns. The task and
    /// its children prefer `DispatchTaskExecutor` (Dispatch's worker threads), not the cooperative pool, so a
    /// caller that is itself on a pool thread (a synchronous test) cannot starve them.
    public static func waitFor<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = OutcomeBox<T>()
        let finished = DispatchSemaphore(value: 0)
        Task.detached(executorPreference: DispatchTaskExecutor.shared) {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            outcome.value.withLock { $0 = result }
            finished.signal()
        }
        finished.wait()
        guard let result = outcome.value.withLock({ $0 }) else { throw HedgeError("interrupted") }
        return try result.get()
    }

    /// `count` jobs split into `chunks` contiguous ranges whose sizes differ by at most one.
    static func chunkRanges(count: Int, chunks: Int) -> [Range<Int>] {
        let n = Swift.max(1, Swift.min(chunks, count))
        let base = count / n, extra = count % n
        var ranges: [Range<Int>] = []
        var start = 0
        for c in 0..<n {
            let size = base + (c < extra ? 1 : 0)
            ranges.append(start..<start + size)
            start += size
        }
        return ranges
    }
}

/// A place a detached task leaves its result for the thread waiting on it.
private final class OutcomeBox<T: Sendable>: Sendable {
    let value = Mutex<Result<T, any Error>?>(nil)
}

/// A task executor running jobs on Dispatch's global concurrent queue, outside Swift's cooperative pool.
final class DispatchTaskExecutor: TaskExecutor {
    static let shared = DispatchTaskExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        DispatchQueue.global().async { unowned.runSynchronously(on: executor) }
    }
}
