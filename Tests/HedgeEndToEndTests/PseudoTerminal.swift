import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failure while driving a program on a pseudo-terminal; carries what the program printed.
struct PseudoTerminalError: Error, CustomStringConvertible {
    var message: String
    var transcript: String
    var description: String { "\(message)\n--- terminal output so far ---\n\(transcript.debugDescription)" }
}

/// A program running on a pseudo-terminal it has as its controlling terminal, driven like a user at a
/// keyboard: send keystrokes, wait for output, wait for the exit status. The child is killed when the
/// terminal is released.
final class PseudoTerminal {
    /// How a child ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    let processID: pid_t
    private let master: Int32
    /// Everything the program wrote so far.
    private(set) var output: [UInt8] = []
    /// How much of `output` earlier `expect` calls have matched.
    private var matchedUpTo = 0
    private var termination: Termination?
    /// What the terminal shows, fed with the output.
    private(set) var screen: TerminalScreen

    /// Spawns `executable` in a new session whose controlling terminal is a new pty of the given size.
    init(executable: String, arguments: [String] = [], environment: [String: String],
         columns: UInt16 = 80, rows: UInt16 = 24) throws {
        guard let pty = PtyFunctions.load() else {
            throw PseudoTerminalError(message: "the C library lacks posix_openpt/grantpt/unlockpt/ptsname_r", transcript: "")
        }
        let master = pty.openMaster(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw PseudoTerminalError(message: "posix_openpt failed: errno \(errno)", transcript: "") }
        var nameBuffer = [CChar](repeating: 0, count: 256)
        guard pty.grant(master) == 0, pty.unlock(master) == 0, pty.slaveName(master, &nameBuffer, nameBuffer.count) == 0 else {
            close(master)
            throw PseudoTerminalError(message: "cannot set up the pty: errno \(errno)", transcript: "")
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        do {
            processID = try Self.spawn(executable: executable, arguments: arguments, environment: environment,
                                       terminalPath: String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        } catch {
            close(master)
            throw error
        }
        self.master = master
        self.screen = TerminalScreen(width: Int(columns))
    }

    deinit {
        terminate()
        close(master)
    }

    /// The output after the last match, for diagnostics.
    var transcript: String { String(decoding: output, as: UTF8.self) }

    /// Types `text` (use "\r" for Enter, "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D, "\u{1B}[A" for Up).
    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw failure("write to the pty failed: errno \(errno)") }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Waits until `text` appears in the output after the previous match; returns the output from the
    /// previous match up to and including it.
    @discardableResult
    func expect(_ text: String, timeout: Duration = .seconds(5)) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let found = Self.find(needle, in: output, from: matchedUpTo) {
                let segment = String(decoding: output[matchedUpTo..<found + needle.count], as: UTF8.self)
                matchedUpTo = found + needle.count
                return segment
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw failure("timed out waiting for \(text.debugDescription)") }
            if !readAvailable(waitingAtMost: remaining), termination != nil || reapIfExited() {
                if Self.find(needle, in: output, from: matchedUpTo) == nil {
                    throw failure("the program ended before printing \(text.debugDescription)")
                }
            }
        }
    }

    /// Waits until the line under the cursor, as a terminal would show it, equals `line` (libedit
    /// redraws with cursor movements, so the raw output need not contain the text in one piece).
    func expectCursorLine(_ line: String, timeout: Duration = .seconds(5)) throws {
        let deadline = ContinuousClock.now + timeout
        while screen.cursorLine != line {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                throw failure("timed out waiting for the cursor line \(line.debugDescription); it shows \(screen.cursorLine.debugDescription)")
            }
            if !readAvailable(waitingAtMost: remaining), reapIfExited() {
                throw failure("the program ended before showing \(line.debugDescription)")
            }
        }
        matchedUpTo = output.count
    }

    /// Waits for the program to end (reading its output meanwhile).
    func waitForExit(timeout: Duration = .seconds(5)) throws -> Termination {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let termination { return termination }
            if reapIfExited(), let termination { return termination }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { throw failure("timed out waiting for the program to exit") }
            _ = readAvailable(waitingAtMost: min(remaining, .milliseconds(50)))
        }
    }

    /// Kills the program (SIGKILL) unless it has already ended, and reaps it.
    func terminate() {
        guard termination == nil, !reapIfExited() else { return }
        kill(processID, SIGKILL)
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0, errno == EINTR {}
        termination = Self.decode(status)
    }

    /// The terminal's settings now, as the program (or, after it ended, as it left them) set them.
    func settings() -> termios? {
        var settings = termios()
        return tcgetattr(master, &settings) == 0 ? settings : nil
    }

    /// Changes the window size; the kernel sends SIGWINCH to the program.
    func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    // MARK: Internals

    private func failure(_ message: String) -> PseudoTerminalError {
        PseudoTerminalError(message: message + " (matched so far: \(String(decoding: output[..<matchedUpTo], as: UTF8.self).debugDescription))",
                            transcript: String(decoding: output[matchedUpTo...], as: UTF8.self))
    }

    /// Reads what is available within `timeout`; false at end of output (the child closed the pty).
    private func readAvailable(waitingAtMost timeout: Duration) -> Bool {
        let milliseconds = max(1, Int32(min(timeout, .seconds(1)).components.seconds * 1000
            + timeout.components.attoseconds / 1_000_000_000_000_000))
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return ready == 0 || errno == EINTR }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            output += buffer[..<count]
            screen.feed(buffer[..<count])
            return true
        }
        return count < 0 && (errno == EINTR || errno == EAGAIN)
    }

    /// Reaps the child if it has ended; true when it has.
    @discardableResult
    private func reapIfExited() -> Bool {
        if termination != nil { return true }
        var status: Int32 = 0
        guard waitpid(processID, &status, WNOHANG) == processID else { return false }
        termination = Self.decode(status)
        return true
    }

    private static func decode(_ status: Int32) -> Termination {
        status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signaled(status & 0x7F)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return needle.isEmpty ? start : nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// posix_spawn in a new session (`POSIX_SPAWN_SETSID`), opening the pty slave as fd 0 in the child
    /// (which, in a session leader without a terminal, makes it the controlling terminal), dup'ed to 1 and 2.
    private static func spawn(executable: String, arguments: [String], environment: [String: String],
                              terminalPath: String) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGCHLD, SIGWINCH] {
            sigaddset(&defaultSignals, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        let setSession: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc 2.26+)
        posix_spawnattr_setflags(&attributes, Int16(setSession | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, terminalPath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var processID: pid_t = 0
        let result = posix_spawn(&processID, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw PseudoTerminalError(message: "posix_spawn \(executable) failed: error \(result)", transcript: "")
        }
        return processID
    }
}

/// The pty functions of the C library. Swift's Glibc module hides them (they need `_XOPEN_SOURCE`),
/// so they are looked up by name.
private struct PtyFunctions {
    var openMaster: @convention(c) (Int32) -> Int32
    var grant: @convention(c) (Int32) -> Int32
    var unlock: @convention(c) (Int32) -> Int32
    var slaveName: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    static func load() -> PtyFunctions? {
        guard let openMaster = dlsym(nil, "posix_openpt"), let grant = dlsym(nil, "grantpt"),
              let unlock = dlsym(nil, "unlockpt"), let slaveName = dlsym(nil, "ptsname_r") else { return nil }
        return PtyFunctions(
            openMaster: unsafeBitCast(openMaster, to: (@convention(c) (Int32) -> Int32).self),
            grant: unsafeBitCast(grant, to: (@convention(c) (Int32) -> Int32).self),
            unlock: unsafeBitCast(unlock, to: (@convention(c) (Int32) -> Int32).self),
            slaveName: unsafeBitCast(slaveName, to: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self))
    }
}

/// Locating executables the package built.
enum BuiltProducts {
    /// The path of the product `name` built next to the running test bundle, or nil.
    static func executable(named name: String) -> String? {
        var directories: [URL] = []
        if let testRunner = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: testRunner).deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL)
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for directory in directories {
            var candidate = directory
            for _ in 0..<3 {
                let path = candidate.appendingPathComponent(name).path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   FileManager.default.isExecutableFile(atPath: path) {
                    return path
                }
                candidate.deleteLastPathComponent()
            }
        }
        return nil
    }
}
