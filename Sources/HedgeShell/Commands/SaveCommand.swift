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

/// `save FILE.hedge`: writes the commands that rebuild the workspace.
struct SaveCommand: ShellCommand {
    static let spec = CommandSpec("save", synopsis: "save FILE.hedge",
                                  summary: "Write the commands that built the current workspace as a replayable script.",
                                  positionals: [Positional("FILE.hedge", .path)])

    var path: Token

    init(_ arguments: ArgumentList) throws(ShellError) { path = arguments.positional[0] }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let lines = ws.replayScript()
        var text = "# hedge workspace, saved by hedge \(HedgeVersion.current)\n"
        text += "# replay with: hedge FILE.hedge, or `run FILE.hedge` at the prompt\n"
        text += lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
        do {
            try AtomicFile.write(text, to: context.environment.resolve(path.text))
        } catch {
            throw ShellError("cannot write '\(path.text)': \(error)", at: path)
        }
        context.say("saved \(SeriesText.count(lines.count, "command")) to \(path.text)")
    }
}
