#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeCore

/// Reads command lines from a descriptor (standard input, a script file, a pipe) in bounded memory.
///
/// Lines end at `\n`; a `\r` before it (CRLF files) is dropped, and so is a UTF-8 byte-order mark at
/// the very start. A line longer than `limit` bytes is an error as soon as its first `limit + 1`
/// bytes are read, so input without newlines (`hedge < /dev/zero`) fails fast instead of filling
/// memory. With a `Cancellation`, the reader waits for data with `poll` and stops within 100 ms of
/// a Ctrl-C (a FIFO without a writer never hangs the shell).
public final class LineReader {
    /// Why reading stopped early.
    public enum Failure: Error, Equatable {
        /// Line `line` (1-based) is longer than `limit` bytes.
        case lineTooLong(line: Int, limit: Int)
        /// `read(2)` failed with this errno.
        case readFailed(code: Int32)
        /// The cancellation was triggered while waiting or reading.
        case interrupted
    }

    private let descriptor: Int32
    private let limit: Int
    private let cancellation: Cancellation?
    private var buffer: [UInt8] = []
    /// Start of the unread bytes in `buffer`.
    private var start = 0
    private var atEnd = false
    private var atStart = true
    /// Number of the line most recently returned (1-based; 0 before the first).
    public private(set) var lineNumber = 0

    public init(descriptor: Int32, limit: Int = Lexer.maximumLineLength, cancellation: Cancellation? = nil) {
        self.descriptor = descriptor
        self.limit = limit
        self.cancellation = cancellation
    }

    /// The next line's bytes without its line ending; nil at the end of input. A last line without
    /// a newline is returned too.
    public func nextLine() throws(Failure) -> ArraySlice<UInt8>? {
        // Bytes after `start` already searched for a newline (`fill` may move `start`).
        var searched = 0
        while true {
            if let newline = buffer[(start + searched)...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[start..<newline]
                start = newline + 1
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                return try finish(line)
            }
            if buffer.count - start > limit + 1 {
                throw Failure.lineTooLong(line: lineNumber + 1, limit: limit)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var line = buffer[start...]
                start = buffer.count
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                return try finish(line)
            }
            searched = buffer.count - start
            try fill()
        }
    }

    /// Counts, checks and unmarks a line.
    private func finish(_ line: ArraySlice<UInt8>) throws(Failure) -> ArraySlice<UInt8> {
        lineNumber += 1
        var line = line
        if atStart {
            atStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        }
        if line.count > limit { throw Failure.lineTooLong(line: lineNumber, limit: limit) }
        return line
    }

    /// Reads the next chunk, dropping the bytes already returned.
    private func fill() throws(Failure) {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let chunk = 65_536
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        while true {
            if let cancellation {
                if cancellation.isCancelled { buffer.removeSubrange(oldCount...); throw Failure.interrupted }
                var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&waiting, 1, 100)
                if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            }
            let count = buffer.withUnsafeMutableBufferPointer { bytes in
                read(descriptor, bytes.baseAddress.map { $0 + oldCount }, chunk)
            }
            if count > 0 {
                buffer.removeSubrange((oldCount + count)...)
                return
            }
            if count == 0 {
                buffer.removeSubrange(oldCount...)
                atEnd = true
                return
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN {
                var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&waiting, 1, 100)
                continue
            }
            buffer.removeSubrange(oldCount...)
            throw Failure.readFailed(code: code)
        }
    }
}

extension LineReader.Failure: CustomStringConvertible {
    /// `line 3 is longer than 65536 bytes (the limit): the rest of the input is not read`, …
    public var description: String {
        switch self {
        case let .lineTooLong(line, limit):
            return "line \(line) is longer than \(limit) bytes (the limit); the rest of the input is not read"
        case let .readFailed(code):
            return "cannot read: " + (strerror(code).map { String(cString: $0) } ?? "error \(code)")
        case .interrupted:
            return "interrupted"
        }
    }
}
