import Dispatch

/// Lets the chunks of a file take turns in file order, whichever worker read them:
/// `inOrder(k, body)` waits until chunks 0..<k have had their turn, runs `body`, then lets chunk
/// k + 1 have its turn.
///
/// Every chunk must take its turn exactly once, or later ones wait for ever. With workers handing
/// out chunks in increasing order (`ParallelWork.forEach`), the lowest chunk without a turn is
/// always held by a running worker, so the turns always go on.
final class ChunkTurns: Sendable {
    private let semaphores: [DispatchSemaphore]

    init(count: Int) {
        semaphores = (0...max(0, count)).map { _ in DispatchSemaphore(value: 0) }
        semaphores[0].signal()
    }

    func inOrder(_ chunk: Int, _ body: () -> Void) {
        semaphores[chunk].wait()
        body()
        semaphores[chunk + 1].signal()
    }
}
