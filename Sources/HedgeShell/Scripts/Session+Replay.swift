#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
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
