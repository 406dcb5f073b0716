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

/// `export NAME to FILE.csv|FILE.json`: an object (or a part, `d.volume`) written atomically.
struct ExportCommand: ShellCommand {
    static let spec = CommandSpec(
        "export", synopsis: "export NAME to FILE.csv|FILE.json",
        summary: "Write an object to CSV or JSON (atomically; numbers round-trip exactly).",
        positionals: [Positional("NAME", .anyObject)],
        options: [OptionSpec("to", .path, placeholder: "FILE.csv|FILE.json", required: true)],
        details: ["`export DATASET.volume to FILE.csv` writes volumes instead of prices."],
        examples: ["export p to p.csv", "export m to m.json"])

    var name: Token
    var path: Token

    init(_ arguments: ArgumentList) throws(ShellError) {
        name = arguments.positional[0]
        path = try arguments.required("to")
    }

    /// The format the file name asks for.
    var format: ExportFormat? {
        let lower = path.text.lowercased()
        return ExportFormat.allCases.first { lower.hasSuffix(".\($0.rawValue)") }
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        guard let format else { throw ShellError("'\(path.text)' must end in .csv or .json", at: path) }
        let value = try ws.requireValue(name)
        let body: ExportBody
        do {
            body = try value.exportBody(name: name.text, format: format)
        } catch {
            throw error.located(at: path)
        }
        do {
            try AtomicFile.write(to: context.environment.resolve(path.text)) { append in
                try body.write(cancellation: context.cancellation, to: append)
            }
        } catch {
            // The temporary file is gone: the target is as it was.
            if context.cancellation.isCancelled { throw ShellError("interrupted; '\(path.text)' unchanged", at: path) }
            throw ShellError("cannot write '\(path.text)': \(error)", at: path)
        }
        context.say("wrote \(context.style.name(name.text)) (\(body.what)) to \(path.text)")
    }
}
