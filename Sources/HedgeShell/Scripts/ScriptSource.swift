#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import HedgeCore

/// The text of a script file, checked to be UTF-8, read line by line within the line limit
/// (`LineReader`: a leading byte-order mark and CRLF line endings are accepted) and cancellable.
enum ScriptSource {
    static func read(path: String, displayPath: String, cancellation: Cancellation? = nil) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw ShellError("no such file '\(displayPath)'") }
            throw ShellError("cannot read '\(displayPath)': \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw ShellError("cannot read '\(displayPath)': it is a directory")
        }
        let reader = LineReader(descriptor: descriptor, cancellation: cancellation)
        var text = ""
        do {
            while let line = try reader.nextLine() {
                guard let decoded = String(validating: line, as: UTF8.self) else {
                    throw ShellError("not valid UTF-8 text", line: reader.lineNumber)
                }
                if reader.lineNumber > 1 { text += "\n" }
                text += decoded
            }
        } catch let failure as LineReader.Failure {
            switch failure {
            case .interrupted: throw HedgeError("interrupted")
            case .lineTooLong(let line, _): throw ShellError("\(failure)", line: line)
            case .readFailed: throw ShellError("\(displayPath): \(failure)")
            }
        }
        return text
    }
}

/// How deeply `run` commands may nest (a script running a script running …).
enum ScriptNesting {
    static let maximumDepth = 64
}
