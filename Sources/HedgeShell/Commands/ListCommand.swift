/// `ls`: every object with its kind, shape, dates and a line about it.
struct ListCommand: ShellCommand {
    static let spec = CommandSpec("ls", synopsis: "ls", summary: "List every object with its kind, shape and date range.")

    init(_ arguments: ArgumentList) throws(ShellError) {}

    func run(in ws: inout Workspace, context: CommandContext) throws {
        context.show(Self.listing(ws, style: context.style))
    }

    static func listing(_ ws: Workspace, style: TextStyle) -> String {
        guard !ws.entries.isEmpty else { return "(the workspace is empty; try `load demo` or `help`)" }
        let rows = ws.entries.map { entry -> [String] in
            let row = entry.object.listing()
            return [entry.name, entry.object.kind.rawValue, row.shape, row.dates, row.about]
        }
        let headers = ["NAME", "KIND", "SHAPE", "DATES", "ABOUT"]
        let widths = (0..<4).map { c in max(headers[c].count, rows.map { $0[c].count }.max() ?? 0) }
        func line(_ cells: [String], bold: Bool) -> String {
            var out = ""
            for c in 0..<4 {
                let padded = cells[c] + String(repeating: " ", count: widths[c] - cells[c].count)
                out += (c == 0 && bold ? style.name(padded) : padded) + "  "
            }
            return out + cells[4]
        }
        return ([line(headers, bold: false)] + rows.map { line($0, bold: true) }).joined(separator: "\n")
    }
}
