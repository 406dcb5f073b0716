/// `timer on|off`: after each command, its wall time (`Run Time: 0.012 s`), as sqlite3's `.timer`.
struct TimerCommand: ShellCommand {
    static let spec = CommandSpec("timer", synopsis: "timer on|off",
                                  summary: "Print each command's elapsed wall time after it (`Run Time: 0.012 s`).",
                                  positionals: [Positional("on|off", .choice(["on", "off"]))])

    var on: Bool

    init(_ arguments: ArgumentList) throws(ShellError) {
        on = arguments.positional[0].text == "on"  // the spec allows only on or off
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        context.session.setTimer(on)
    }
}
