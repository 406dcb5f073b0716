#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)` (the type's own `write` methods hide the C function's name inside it).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Writes results to standard output and errors to standard error with `write(2)`, unbuffered per
/// call, and never traps on a failed write.
///
/// A write that fails ends the process through `onFailure`: results that cannot be delivered (a full
/// disk, a closed descriptor) are an error, not a crash. The default handler (`endProcess`) says so in
/// one line on standard error when that still works and exits with status 1; when the reader of a pipe
/// has gone away (`| head -1`) it ends quietly, as the default `SIGPIPE` would.
public final class StandardOutput: OutputSink, Sendable {
    private let onFailure: @Sendable (OutputFailure) -> Void

    public init(onFailure: @escaping @Sendable (OutputFailure) -> Void = StandardOutput.endProcess) {
        self.onFailure = onFailure
    }

    public func write(_ text: String) {
        if let failure = Self.write(text, to: STDOUT_FILENO) { onFailure(failure) }
    }

    public func writeError(_ text: String) {
        if let failure = Self.write(text, to: STDERR_FILENO) { onFailure(failure) }
    }

    /// Writes all of `text` to `descriptor`, retrying short writes and interruptions; nil on success.
    public static func write(_ text: String, to descriptor: Int32) -> OutputFailure? {
        var text = text
        return text.withUTF8 { bytes -> OutputFailure? in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress.map { UnsafeRawPointer($0 + offset) }, bytes.count - offset)
                if written > 0 { offset += written; continue }
                let code = errno
                if written < 0 && code == EINTR { continue }
                return OutputFailure(descriptor: descriptor, code: written == 0 ? EIO : code)
            }
            return nil
        }
    }

    /// The default failure handler: a closed pipe ends the process quietly (as `SIGPIPE` does);
    /// anything else prints `hedge: cannot write to standard output: REASON` on standard error
    /// (when standard error itself failed, nothing) and exits with status 1.
    @Sendable public static func endProcess(_ failure: OutputFailure) {
        if failure.code == EPIPE {
            _ = signal(SIGPIPE, SIG_DFL)
            _ = raise(SIGPIPE)
            exit(1)
        }
        if failure.descriptor != STDERR_FILENO {
            _ = write("hedge: \(failure)\n", to: STDERR_FILENO)
        }
        exit(1)
    }
}

/// A write to standard output or standard error that failed.
public struct OutputFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The descriptor written to (1 or 2).
    public var descriptor: Int32
    /// The `errno` of the failure.
    public var code: Int32

    public init(descriptor: Int32, code: Int32) {
        self.descriptor = descriptor
        self.code = code
    }

    /// `cannot write to standard output: No space left on device`.
    public var description: String {
        let stream = descriptor == STDERR_FILENO ? "standard error" : descriptor == STDOUT_FILENO ? "standard output" : "descriptor \(descriptor)"
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return "cannot write to \(stream): \(reason)"
    }
}
