#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeCore
import Synchronization

// Signal handlers may not touch Swift objects, so they only write the signal number to pipes
// (write(2) is async-signal-safe). These two descriptors are the ONLY state the handler reads:
// they are set once, before any handler is installed, and never change afterwards.

/// Write end of the pipe the line reader polls (SIGINT, SIGWINCH, SIGTSTP).
nonisolated(unsafe) private var editorSignalPipe: Int32 = -1
/// Write end of the pipe the cancel watcher thread reads (SIGINT only).
nonisolated(unsafe) private var commandSignalPipe: Int32 = -1

/// True while a command runs; a Ctrl-C then cancels it.
private let commandIsRunning = Atomic<Bool>(false)

/// The handler for every signal hedge catches: async-signal-safe, errno preserved.
private func terminalSignalHandler(_ signal: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(editorSignalPipe, &byte, 1)
    if signal == SIGINT { _ = write(commandSignalPipe, &byte, 1) }
    errno = savedErrno
}

/// Signals on a terminal, handled by hedge rather than by libedit (`EL_SIGNAL` 0).
///
/// libedit's own handling loses a Ctrl-C that arrives while it is redrawing rather than blocked in
/// read(2). Here every signal becomes a byte in a pipe; the line reader polls that pipe with the
/// terminal, so nothing is lost. Because the reader never depends on EINTR, the handlers use
/// `SA_RESTART`: a Ctrl-C during a command does not make its file reads or output writes fail. Ctrl-C at the prompt abandons the line; during a command a watcher
/// thread calls `Cancellation.cancel()`. Ctrl-Z at the prompt restores the terminal and suspends.
enum TerminalSignals {
    /// The read end the line reader polls; -1 before `install`.
    nonisolated(unsafe) private(set) static var editorSignals: Int32 = -1

    /// Creates the pipes, starts the cancel watcher and installs the SIGINT and SIGWINCH handlers.
    /// Call once.
    static func install(cancelling cancellation: Cancellation) -> Bool {
        guard let editor = makePipe(), let command = makePipe() else { return false }
        editorSignalPipe = editor.write
        commandSignalPipe = command.write
        editorSignals = editor.read

        // A plain POSIX thread (Foundation's Thread would load Foundation at start-up).
        let watcher = CancelWatcher(descriptor: command.read, cancellation: cancellation)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<CancelWatcher>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, Unmanaged.passRetained(watcher).toOpaque())
        guard started == 0 else { return false }
        pthread_detach(thread)
        return handle(SIGINT) && handle(SIGWINCH)
    }

    /// Catches Ctrl-Z while the line editor reads (on) or lets it stop hedge at once (off).
    static func catchSuspend(_ catching: Bool) {
        if catching { _ = handle(SIGTSTP) } else { _ = signal(SIGTSTP, SIG_DFL) }
    }

    /// The signals that end hedge; at the prompt they are caught first to restore the terminal.
    static let terminating: [Int32] = [SIGTERM, SIGHUP, SIGQUIT]

    /// Catches SIGTERM, SIGHUP and SIGQUIT while the line editor reads (on: the reader restores the
    /// terminal, then `endWith` ends hedge) or leaves them to their default action (off).
    static func catchTermination(_ catching: Bool) {
        for signalNumber in terminating {
            if catching { _ = handle(signalNumber) } else { _ = signal(signalNumber, SIG_DFL) }
        }
    }

    /// Ends hedge by `signalNumber`'s default action, as if it had not been caught.
    static func endWith(_ signalNumber: Int32) -> Never {
        _ = signal(signalNumber, SIG_DFL)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, signalNumber)
        _ = sigprocmask(SIG_UNBLOCK, &unblock, nil)
        _ = raise(signalNumber)
        exit(128 + signalNumber)
    }

    /// Signals received since the last call (drains the editor pipe without blocking).
    static func pendingSignals() -> [Int32] {
        guard editorSignals >= 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64)
        var signals: [Int32] = []
        while true {
            let count = read(editorSignals, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return signals }
            signals += buffer[..<count].map { Int32($0) }
        }
    }

    /// Runs `command` with Ctrl-C cancelling it.
    static func whileRunning<T>(_ command: () -> T) -> T {
        commandIsRunning.store(true, ordering: .releasing)
        defer { commandIsRunning.store(false, ordering: .releasing) }
        return command()
    }

    /// Stops hedge as the default SIGTSTP would; returns when it is resumed (`fg`).
    static func suspendSelf() {
        _ = signal(SIGTSTP, SIG_DFL)
        _ = raise(SIGTSTP)
        _ = handle(SIGTSTP)
    }

    private static func handle(_ signalNumber: Int32) -> Bool {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = terminalSignalHandler
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_RESTART)
        return sigaction(signalNumber, &action, nil) == 0
    }

    /// A close-on-exec pipe with a non-blocking write end (a handler never blocks) and read end.
    private static func makePipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        return (ends[0], ends[1])
    }
}

/// Turns each signal byte on the command pipe into `Cancellation.cancel()` while a command runs.
private final class CancelWatcher: Sendable {
    let descriptor: Int32
    let cancellation: Cancellation

    init(descriptor: Int32, cancellation: Cancellation) {
        self.descriptor = descriptor
        self.cancellation = cancellation
    }

    func run() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR || errno == EAGAIN {
                var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&waiting, 1, -1)
                continue
            }
            if count <= 0 { return }
            if commandIsRunning.load(ordering: .acquiring) { cancellation.cancel() }
        }
    }
}
