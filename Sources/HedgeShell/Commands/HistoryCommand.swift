/// `history [N]`: the last N commands of this session (all without N), numbered from the session's start.
struct HistoryCommand: ShellCommand {
    static let spec = CommandSpec("history", synopsis: "history [N]",
                                  summary: "List the last N commands of this session (all of them without N), numbered.",
                                  positionals: [Positional("N", .number, .optional)])

    var count: Int?

    init(_ arguments: ArgumentList) throws(ShellError) {
        guard let word = arguments.positional(0) else { count = nil; return }
        guard let n = Int(word.text), n >= 1 else {
            throw ShellError("N must be a whole number of at least 1, not '\(word.text)'", at: word)
        }
        count = n
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let all = context.session.commandHistory
        let first = max(0, all.count - (count ?? all.count))
        let width = String(all.count).count
        let lines = all.indices.dropFirst(first).map { i in
            String(repeating: " ", count: width - String(i + 1).count) + "\(i + 1)  \(all[i])"
        }
        context.show(lines.joined(separator: "\n"))
    }
}
