import Foundation
import HedgeCore
import Synchronization

/// Write end of the self-pipe the SIGINT handler writes to. This is the ONLY state the handler
/// touches: it is set once, before the handler is installed, and never changes afterwards.
nonisolated(unsafe) private var interruptPipeWriteEnd: Int32 = -1

/// True while a command runs; Ctrl-C then cancels it (at the prompt, libedit handles Ctrl-C).
private let commandIsRunning = Atomic<Bool>(false)

/// SIGINT handler: async-signal-safe (one `write` to a non-blocking pipe; errno preserved).
private func interruptSignalHandler(_ signal: Int32) {
    let savedErrno = errno
    var byte: UInt8 = 1
    _ = write(interruptPipeWriteEnd, &byte, 1)
    errno = savedErrno
}

/// Turns Ctrl-C into `Cancellation.cancel()` for the running command. A signal handler may not
/// touch Swift objects, so it writes a byte to a pipe and a watcher thread does the cancelling.
enum InterruptForwarder {
    /// Installs the SIGINT handler (without `SA_RESTART`, so a Ctrl-C at the prompt interrupts
    /// `el_gets`) and starts the watcher thread. Call once.
    static func install(cancelling cancellation: Cancellation) -> Bool {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return false }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
        interruptPipeWriteEnd = ends[1]

        let readEnd = ends[0]
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 64)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return }
                if commandIsRunning.load(ordering: .acquiring) { cancellation.cancel() }
            }
        }

        var action = sigaction()
        action.__sigaction_handler.sa_handler = interruptSignalHandler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        return sigaction(SIGINT, &action, nil) == 0
    }

    /// Runs `command` with Ctrl-C cancelling it.
    static func whileRunning<T>(_ command: () -> T) -> T {
        commandIsRunning.store(true, ordering: .releasing)
        defer { commandIsRunning.store(false, ordering: .releasing) }
        return command()
    }
}
