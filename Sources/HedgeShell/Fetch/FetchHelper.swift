#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import HedgeCore

/// Runs `hedge-fetch` (the networking half of `load yahoo`) as a child process, so the shell never links
/// FoundationNetworking. The child writes into the price cache; its stdout carries one `error: …` line per
/// failure; its stderr (a progress line on a terminal) goes straight to the user. Ctrl-C reaches the child
/// through the terminal's process group and ends it; the shell then clears the progress line it left. An
/// interrupt that reaches hedge alone (`kill -INT`) is forwarded to the child; the child also ends when hedge
/// does (it watches its parent).
enum FetchHelper {
    /// `$HEDGE_FETCH`, else `hedge-fetch` beside the running executable.
    static func path(variables: [String: String]) -> String {
        if let path = variables["HEDGE_FETCH"], !path.isEmpty { return path }
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return "hedge-fetch" }
        let executable = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = executable.lastIndex(of: "/") else { return "hedge-fetch" }
        return executable[..<slash] + "/hedge-fetch"
    }

    /// Fetches `tickers` into the cache at `cacheDirectory`; throws the failures as one `HedgeError`.
    static func fetch(_ tickers: [String], from: Day?, to: Day, cacheDirectory: String,
                      variables: [String: String], cancellation: Cancellation) throws {
        let helper = path(variables: variables)
        var arguments = [helper]
        if let from { arguments += ["--from", from.description] }
        arguments += ["--to", to.description]
        if let timeout = variables["HEDGE_FETCH_TIMEOUT"] { arguments += ["--timeout", timeout] }
        if let backoff = variables["HEDGE_FETCH_BACKOFF"] { arguments += ["--backoff", backoff] }
        arguments += tickers
        var environment = variables
        environment["HEDGE_CACHE_DIR"] = cacheDirectory
        let (status, output) = try run(arguments, environment: environment, cancellation: cancellation)
        let errors = output.split(separator: "\n").filter { $0.hasPrefix("error: ") }.map { String($0.dropFirst(7)) }
        if status.signalled {
            // A child killed by Ctrl-C cannot clear its progress line (it clears it itself otherwise).
            if isatty(STDERR_FILENO) != 0 { _ = write(STDERR_FILENO, "\r\u{1B}[K", 4) }
            cancellation.cancel()
            throw HedgeError("interrupted")
        }
        guard status.code == 0 else {
            if errors.isEmpty { throw HedgeError("the fetch helper \(helper) failed (exit status \(status.code))") }
            // One line: the first failure in full, the other tickers that failed by name.
            let others = errors.dropFirst().compactMap { $0.split(separator: ":").first.map(String.init) }
            throw HedgeError(errors[0] + (others.isEmpty ? "" : " (\(others.joined(separator: ", ")) failed too)"))
        }
    }

    struct Status { var code: Int32; var signalled: Bool }

    /// Spawns `arguments[0]` with a pipe on its stdout; returns its exit status and what it printed.
    /// When `cancellation` is set while the child runs, the child gets a SIGINT (as from the terminal).
    static func run(_ arguments: [String], environment: [String: String],
                    cancellation: Cancellation? = nil) throws -> (Status, String) {
        var pipeEnds: [Int32] = [0, 0]
        // Close-on-exec, so that other children spawned meanwhile do not hold the pipe open.
        guard pipe(&pipeEnds) == 0 else { throw HedgeError("cannot start the fetch helper: no pipe") }
        _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        // The child starts with default SIGINT/SIGTERM handling and nothing blocked.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        close(pipeEnds[1])
        guard spawned == 0 else {
            close(pipeEnds[0])
            if spawned == ENOENT {
                throw HedgeError("the fetch helper \(arguments[0]) is missing; build it with `swift build -c release --product hedge-fetch` (or set HEDGE_FETCH)")
            }
            throw HedgeError("cannot start the fetch helper \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var forwarded = false
        while true {
            // Wait for output, a tenth of a second at a time, to notice an interrupt meanwhile.
            var ready = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, 100)
            if polled == 0 || (polled < 0 && errno == EINTR) {
                if !forwarded, cancellation?.isCancelled == true {
                    forwarded = true
                    _ = kill(pid, SIGINT)  // not reaped yet, so `pid` is still this child
                }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count > 0 { output += buffer[0..<count]; continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        close(pipeEnds[0])
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        let signalled = (raw & 0x7f) != 0 && (raw & 0x7f) != 0x7f
        let code = (raw >> 8) & 0xff
        return (Status(code: code, signalled: signalled), String(decoding: output, as: UTF8.self))
    }
}
