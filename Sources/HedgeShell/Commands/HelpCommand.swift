/// `help [COMMAND]`: the command list, or one command's usage, from the registry's specs.
struct HelpCommand: ShellCommand {
    static let spec = CommandSpec("help", synopsis: "help [COMMAND]", summary: "List the commands, or explain one.",
                                  positionals: [Positional("COMMAND", .command, .zeroOrMore)])

    /// The command asked about (`regress`, `load yahoo`), or nil for the list.
    var topic: String?

    init(_ arguments: ArgumentList) throws(ShellError) {
        topic = arguments.positional.isEmpty ? nil : arguments.positional.map(\.text).joined(separator: " ")
        if let topic, CommandRegistry.spec(topic) == nil {
            throw ShellError("unknown command '\(topic)'\(Suggestion.hint(for: topic, in: CommandRegistry.names))", at: arguments.positional[0])
        }
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        context.show(Self.text(for: topic))
    }

    static func text(for topic: String?) -> String {
        guard let topic, let spec = CommandRegistry.spec(topic) else {
            let specs = CommandRegistry.specs
            let width = specs.map(\.name.count).max() ?? 0
            var lines = ["hedge commands (help COMMAND for details):"]
            for spec in specs {
                lines.append("  " + spec.name + String(repeating: " ", count: width - spec.name.count) + "  " + spec.summary)
            }
            lines.append("")
            lines.append("Series: a series name, DATASET.TICKER (daily simple returns) or DATASET.TICKER.price|volume|…")
            lines.append("Scripts: # comments, \"quoted paths\", \\ at line end continues, ; separates commands.")
            return lines.joined(separator: "\n")
        }
        var lines = ["usage: \(spec.synopsis)", "", spec.summary]
        if !spec.details.isEmpty { lines.append(""); lines += spec.details }
        let subcommands = CommandRegistry.specs.filter { $0.words.count > spec.words.count && Array($0.words.prefix(spec.words.count)) == spec.words }
        if !subcommands.isEmpty {
            lines.append("")
            lines += subcommands.map { "  \($0.synopsis)" }
        }
        return lines.joined(separator: "\n")
    }
}
