#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Runs independent pieces of work on several threads (Dispatch's `concurrentPerform`), handing
/// out the indices in increasing order; each worker has an index of its own for per-worker buffers.
enum ParallelWork {
    /// The processors online (at least 1).
    static var processorCount: Int {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return max(1, min(64, Int(online)))
    }

    /// Has Dispatch start its worker threads now, while the caller reads a header, instead of in the
    /// first `forEach`: starting one takes about a millisecond, during which a load had one core.
    static func wakeWorkers(_ workers: Int) {
        guard workers > 1 else { return }
        for _ in 1..<workers { DispatchQueue.global().async {} }
    }

    /// Calls `body(index, worker)` once for every index in `0..<count`, on up to `workers` threads
    /// (`worker` in `0..<workers`). On several threads every call runs even if another throws (on one,
    /// the calls stop at the first error); the error of the lowest failing index is rethrown, so the
    /// outcome does not depend on the scheduling.
    static func forEach(count: Int, workers: Int, _ body: (_ index: Int, _ worker: Int) throws -> Void) throws {
        guard count > 0 else { return }
        let threads = max(1, min(workers, count))
        if threads == 1 {
            for index in 0..<count { try body(index, 0) }
            return
        }
        let errors = ErrorSlots(count: count)
        let next = Counter()
        withoutActuallyEscaping(body) { escapable in
            let work = Unchecked(escapable)
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                while case let index = next.take(), index < count {
                    do { try work.value(index, worker) } catch { errors.set(index, error) }
                }
            }
        }
        if let error = errors.first() { throw error }
    }

    /// A value handed to other threads by code that keeps the accesses apart itself.
    struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
    }

    private final class ErrorSlots: Sendable {
        private let slots: Mutex<[Int: any Error]>
        init(count: Int) { slots = Mutex([:]) }
        func set(_ index: Int, _ error: any Error) { slots.withLock { $0[index] = error } }
        func first() -> (any Error)? { slots.withLock { $0.min { $0.key < $1.key }?.value } }
    }
}
