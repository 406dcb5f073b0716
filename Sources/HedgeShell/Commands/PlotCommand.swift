import HedgeCore

/// `plot-ascii NAME [NAME...] [cumulative|drawdown|hist] [width N] [height N] [ascii] [title "T"]`.
struct PlotCommand: ShellCommand {
    static let spec = CommandSpec(
        "plot-ascii", synopsis: "plot-ascii NAME [NAME...] [cumulative|drawdown|hist] [width N] [height N] [ascii] [title \"TEXT\"]",
        summary: "Chart series, a model (scatter with fitted line), a backtest, or `hist SERIES` in the terminal.",
        positionals: [Positional("NAME", .object([.series, .model, .backtest, .dailyBacktest, .sweep, .walkforward]), .oneOrMore)],
        options: [.flag("cumulative"), .flag("drawdown"), .flag("hist"), .flag("ascii"),
                  OptionSpec("width", .number, placeholder: "N"), OptionSpec("height", .number, placeholder: "N"),
                  OptionSpec("title", .text, placeholder: "\"TEXT\""),
                  OptionSpec("by", .text, placeholder: "P1 P2", repeats: true)],
        details: ["cumulative: growth of 1; drawdown: from the running peak, in %; hist: the distribution of one series with the fitted normal.",
                  "plot-ascii SWEEP METRIC [by P1 P2]: a heatmap of METRIC over two swept parameters (a line for one); with more, by names the two drawn, the others at their best values."],
        examples: ["plot-ascii p d.QQQ cumulative", "plot-ascii hist h"])

    var names: [Token]
    var mode: PlotMode
    var width: Int?
    var height: Int?
    var ascii: Bool
    var title: String?
    var by: [String]

    init(_ arguments: ArgumentList) throws(ShellError) {
        names = arguments.positional
        let modes = ["cumulative", "drawdown", "hist"].filter(arguments.has)
        if modes.count > 1 {
            throw ShellError("choose one of \(modes.joined(separator: ", "))", at: arguments.command)
        }
        mode = modes.first.flatMap { PlotMode(rawValue: $0) } ?? .level
        width = try arguments.integer("width", range: 20...1000, meaning: "width is 20 to 1000 characters")
        height = try arguments.integer("height", range: ChartStyle.minimumHeight...500,
                                       meaning: "height is \(ChartStyle.minimumHeight) to 500 lines")
        ascii = arguments.has("ascii")
        title = arguments.value("title")?.text
        by = arguments.values("by")?.map(\.text) ?? []
    }

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let environment = context.environment
        let style = ChartStyle(width: width ?? environment.chartWidth, height: height ?? environment.chartHeight,
                               ascii: ascii || !environment.unicode, color: environment.color && context.style.color, title: title)
        do {
            context.show(try chartLines(style: style, cancellation: context.cancellation, in: ws).joined(separator: "\n"))
        } catch {
            throw ShellError(error, at: names[0])
        }
    }

    private func chartLines(style: ChartStyle, cancellation: Cancellation, in ws: Workspace) throws -> [String] {
        var style = style
        if let object = ws[names[0].text], names.count == 1 || object.takesChartArguments,
           let lines = try object.chart(name: names[0].text, request: ChartRequest(
               mode: mode, style: style, arguments: names.dropFirst().map(\.text), by: by,
               cancellation: cancellation)) {
            return lines
        }
        if !by.isEmpty { throw ShellError("by P1 P2 goes with a sweep (plot-ascii SWEEP METRIC by P1 P2)", at: names[0]) }
        let series = try names.map { token throws(ShellError) -> Series in
            if let object = ws[token.text], object.asSeries == nil, object.kind != .dataset {
                throw ShellError("'\(token.text)' is a \(object.kind); plot it on its own", at: token)
            }
            return try ws.series(token).series
        }
        let label = names.map(\.text).joined(separator: ", ")
        switch mode {
        case .histogram:
            guard series.count == 1 else { throw ShellError("hist takes one series", at: names[1]) }
            style.title = style.title ?? "\(label): distribution of daily returns with the fitted normal"
            return try Chart.histogram(series[0], style: style, cancellation: cancellation)
        case .level:
            style.title = style.title ?? "\(label): daily returns"
            return try Chart.line(series, transform: .level, unit: .percent, style: style, cancellation: cancellation)
        case .cumulative:
            style.title = style.title ?? "\(label): growth of 1"
            return try Chart.line(series, transform: .cumulative, style: style, cancellation: cancellation)
        case .drawdown:
            style.title = style.title ?? "\(label): drawdown"
            return try Chart.line(series, transform: .drawdown, style: style, cancellation: cancellation)
        }
    }
}
