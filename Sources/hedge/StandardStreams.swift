#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeShell

/// Standard input, output and error as hedge uses them.
enum StandardStreams {
    /// Puts a placeholder on each of descriptors 0, 1 and 2 that is closed at start (`hedge >&-`),
    /// so that no file hedge opens later takes its number: `/dev/null` opened read-only, which
    /// reads as empty and refuses writes (EBADF), so output to a closed stream still fails cleanly.
    /// Call first thing.
    static func reserveClosedDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", O_RDONLY)
            if placeholder >= 0 && placeholder != descriptor {
                _ = dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
    }

    /// The sink of every result and message; a failed write ends the process (see `StandardOutput`).
    static let output = StandardOutput()

    /// Writes a line of results to standard output.
    static func printLine(_ text: String) {
        output.write(text + "\n")
    }

    /// Writes a line to standard error.
    static func printError(_ text: String) {
        output.writeError(text + "\n")
    }
}
