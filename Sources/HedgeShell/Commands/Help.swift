/// The text of `help` and `help COMMAND`, from the command catalog.
enum Help {
    static func text(for topic: String?) throws(ShellError) -> String {
        guard let topic else {
            let width = CommandCatalog.all.map(\.name.count).max() ?? 0
            var lines = ["hedge commands (help COMMAND for details):"]
            for spec in CommandCatalog.all {
                lines.append("  " + spec.name + String(repeating: " ", count: width - spec.name.count) + "  " + spec.summary)
            }
            lines.append("")
            lines.append("Series: a series name, DATASET.TICKER (daily simple returns) or DATASET.TICKER.price|volume|…")
            lines.append("Scripts: # comments, \"quoted paths\", \\ at line end continues, ; separates commands.")
            return lines.joined(separator: "\n")
        }
        guard let spec = CommandCatalog.spec(topic) else {
            throw ShellError("help: unknown command '\(topic)'\(Suggestion.hint(for: topic, in: CommandCatalog.names))")
        }
        var lines = ["usage: \(spec.synopsis)", "", spec.summary]
        if !spec.details.isEmpty { lines.append(""); lines += spec.details }
        return lines.joined(separator: "\n")
    }
}
