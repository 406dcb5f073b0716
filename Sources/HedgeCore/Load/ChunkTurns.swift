import Dispatch

/// Lets the chunks of a file take turns in file order, whichever worker read them:
/// `run(k, work, inOrder: finish)` does chunk k's `work` at once, then waits until chunks 0..<k have
/// had their turn and calls `finish` with the result, then lets chunk k + 1 have its turn.
///
/// Every chunk takes its turn exactly once, even when its work throws (`finish` then gets nil and the
/// error is rethrown after the turn), or later chunks would wait for ever. With workers handing out
/// chunks in increasing order (`ParallelWork.forEach`), the lowest chunk without a turn is always held
/// by a running worker, so the turns always go on.
final class ChunkTurns: Sendable {
    private let semaphores: [DispatchSemaphore]

    init(count: Int) {
        semaphores = (0...max(0, count)).map { _ in DispatchSemaphore(value: 0) }
        semaphores[0].signal()
    }

    func run<Value>(_ chunk: Int, _ work: () throws -> Value, inOrder finish: (Value?) -> Void) throws {
        let result = Result<Value, any Error> { try work() }
        semaphores[chunk].wait()
        finish(try? result.get())
        semaphores[chunk + 1].signal()
        _ = try result.get()
    }
}
