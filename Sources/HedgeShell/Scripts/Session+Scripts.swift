import Foundation
import HedgeCore

extension Session {
    /// Reads and runs a script in `workspace`, command by command; the first error stops it.
    /// Relative paths inside the script resolve against the current directory.
    func replay(path: String, displayPath: String, into workspace: inout Workspace) throws {
        let absolute = environment.resolve(path)
        guard !runningScripts.contains(absolute) else {
            throw ShellError("run: '\(displayPath)' is already running (a script cannot run itself)")
        }
        let text: String
        do {
            text = try ScriptSource.read(path: absolute, displayPath: displayPath)
        } catch let error as ShellError where error.line != nil {
            throw ScriptFailure(message: "\(displayPath):\(error.line ?? 0): \(error.message)", workspace: workspace)
        }
        let commands: [SourceCommand]
        do {
            commands = try Lexer.commands(in: text)
        } catch {
            throw ScriptFailure(message: "\(displayPath):\(error.line ?? 0): \(error.message)", workspace: workspace)
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
            } catch let error as ShellError {
                throw ScriptFailure(message: "\(displayPath):\(error.line ?? command.line): \(error.message)", workspace: workspace)
            } catch {
                throw ScriptFailure(message: "\(displayPath):\(command.line): \(error)", workspace: workspace)
            }
        }
    }

    /// Writes the commands that rebuild the workspace as a script.
    func save(to path: Token, workspace: Workspace) throws {
        let lines = workspace.replayScript()
        var text = "# hedge workspace, saved by hedge \(HedgeVersion.current)\n"
        text += "# replay with: hedge FILE.hedge, or `run FILE.hedge` at the prompt\n"
        text += lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
        do {
            try AtomicFile.write(Data(text.utf8), to: environment.resolve(path.text))
        } catch {
            throw ShellError("save: cannot write '\(path.text)': \(error)", at: path)
        }
        say("saved \(lines.count) command\(lines.count == 1 ? "" : "s") to \(path.text)")
    }
}

/// The text of a script file, checked to be UTF-8.
enum ScriptSource {
    static func read(path: String, displayPath: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw ShellError("run: cannot read '\(displayPath)'\(isDirectory.boolValue ? ": it is a directory" : "")")
            }
            throw ShellError("run: no such file '\(displayPath)'")
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
