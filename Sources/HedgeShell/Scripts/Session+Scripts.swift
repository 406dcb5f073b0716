import Foundation
import HedgeCore

extension Session {
    /// Reads and runs a script in `workspace`, command by command; the first error stops it.
    /// Relative paths inside the script resolve against the current directory.
    func replay(path: String, displayPath: String, into workspace: inout Workspace) throws {
        let absolute = environment.resolve(path)
        guard !runningScripts.contains(absolute) else {
            throw ShellError("'\(displayPath)' is already running (a script cannot run itself)")
        }
        guard runningScripts.count < ScriptNesting.maximumDepth else {
            throw ShellError("scripts nest more than \(ScriptNesting.maximumDepth) deep at '\(displayPath)' (a script runs a script that runs a script …)")
        }
        let text: String
        do {
            text = try ScriptSource.read(path: absolute, displayPath: displayPath, cancellation: cancellation)
        } catch let error as ShellError where error.line != nil {
            throw ScriptFailure(message: "\(displayPath):\(error.position ?? ""): \(error)", workspace: workspace)
        }
        let commands: [SourceCommand]
        do {
            commands = try Lexer.commands(in: text)
        } catch {
            throw ScriptFailure(message: "\(displayPath):\(error.position ?? ""): \(error)", workspace: workspace)
        }
        runningScripts.append(absolute)
        defer { runningScripts.removeLast() }
        for command in commands {
            do {
                var draft = workspace
                try run(command, in: &draft)
                workspace = draft
                if wantsQuit { return }
            } catch let failure as ScriptFailure {
                throw failure
            } catch {
                let failure = ShellError(error, at: command.tokens.first)
                throw ScriptFailure(message: "\(displayPath):\(failure.position ?? "\(command.line)"): \(failure)", workspace: workspace)
            }
        }
    }
}

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

/// The program's version.
public enum HedgeVersion {
    public static let current = "0.1.0"
}
