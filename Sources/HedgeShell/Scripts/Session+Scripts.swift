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
        let text: String
        do {
            text = try ScriptSource.read(path: absolute, displayPath: displayPath)
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

/// The text of a script file, checked to be UTF-8.
enum ScriptSource {
    static func read(path: String, displayPath: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw ShellError("cannot read '\(displayPath)'\(isDirectory.boolValue ? ": it is a directory" : "")")
            }
            throw ShellError("no such file '\(displayPath)'")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            // The line of the first invalid byte.
            var line = 1
            var decoder = UTF8()
            var iterator = data.makeIterator()
            while case .scalarValue(let scalar) = decoder.decode(&iterator) {
                if scalar == "\n" { line += 1 }
            }
            throw ShellError("not valid UTF-8 text", line: line)
        }
        return text
    }
}

/// The program's version.
public enum HedgeVersion {
    public static let current = "0.1.0"
}
