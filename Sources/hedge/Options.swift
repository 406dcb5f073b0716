/// What the command line asked for.
struct Options {
    var quiet = false
    var demo = false
    var history = true
    var color: Bool? = nil
    var commands: String? = nil
    var scripts: [String] = []
    var showHelp = false
    var showVersion = false
    var offline = false
    var strict = false

    static let usage = """
    usage: hedge [options] [FILE.hedge ...]
           hedge [options] run FILE.hedge
           hedge [options] -c 'COMMAND; COMMAND'

    With no FILE and no -c, hedge reads commands from the terminal (line editing, history,
    completion) or, when standard input is not a terminal, line by line from it.

    options:
      -c COMMANDS     run COMMANDS (separated by ; or newlines) and exit
      -q, --quiet     print only what is asked for (show, ls, help, plots) and errors
      --demo          start with the built-in synthetic demo dataset loaded as `demo`
      --offline       `load yahoo` serves only from the price cache (also HEDGE_OFFLINE=1)
      --strict        a replayed `load` whose data changed is an error, not a warning
      --no-history    do not read or write the history file ($HEDGE_HISTORY or ~/.hedge_history)
      --color, --no-color
                      force colour on or off (default: on for a terminal unless NO_COLOR is set)
      -h, --help      this help
      -V, --version   print the version

    exit status: 0 success, 1 a command failed, 2 usage error
    """

    /// Parses the arguments; a usage error is returned as a message.
    static func parse(_ arguments: [String]) -> Result<Options, UsageError> {
        var options = Options()
        var i = 0
        var sawRun = false
        while i < arguments.count {
            let arg = arguments[i]
            switch arg {
            case "-q", "--quiet": options.quiet = true
            case "--demo": options.demo = true
            case "--no-history": options.history = false
            case "--offline": options.offline = true
            case "--strict": options.strict = true
            case "--color": options.color = true
            case "--no-color": options.color = false
            case "-h", "--help": options.showHelp = true
            case "-V", "--version": options.showVersion = true
            case "-c":
                guard i + 1 < arguments.count else { return .failure(UsageError("-c needs an argument")) }
                guard options.commands == nil else { return .failure(UsageError("-c given twice")) }
                options.commands = arguments[i + 1]
                i += 1
            case "--":
                options.scripts += arguments[(i + 1)...]
                i = arguments.count
                continue
            case "run" where options.scripts.isEmpty && !sawRun:
                sawRun = true
                guard i + 1 < arguments.count else { return .failure(UsageError("run needs a FILE.hedge")) }
            default:
                if arg.hasPrefix("-") && arg.count > 1 {
                    return .failure(UsageError("unknown option '\(arg)'"))
                }
                options.scripts.append(arg)
            }
            i += 1
        }
        if options.commands != nil && !options.scripts.isEmpty {
            return .failure(UsageError("give either -c COMMANDS or script files, not both"))
        }
        return .success(options)
    }
}

struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
