/// `timer on|off`: after each command, its wall time (`Run Time: 0.012 s`), as sqlite3's `.timer`.
struct TimerCommand: ShellCommand {
    static let spec = CommandSpec("timer", synopsis: "timer on|off",
                                  summary: "Print each command's elapsed wall time after it (`Run Time: 0.012 s`).",
                                  positionals: [Positional("on|off", .choice(["on", "off"]))])

    var on: Bool

    init(_ arguments: ArgumentList) throws(ShellError) {
        let word = arguments.positional[0]
        guard word.text == "on" || word.text == "off" else {
            throw ShellError("takes on or off, not '\(word.text)'", at: word)
        }
        on = word.text == "on"
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        context.session.setTimer(on)
    }
}
