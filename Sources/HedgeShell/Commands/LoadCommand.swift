#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeCore

/// `load PATH|GLOB|demo [PATH...] [as NAME] [from D] [to D] [field F]`: price files (or the demo data) into a dataset.
struct LoadCommand: DatasetLoad {
    static let spec = CommandSpec(
        "load", synopsis: "load PATH|GLOB|demo [PATH...] [as NAME] [from YYYY-MM-DD] [to YYYY-MM-DD] [field price|volume|open|high|low|close]",
        summary: "Load price files (yfinance per-ticker or multi-ticker, wide, long or Stooq CSV) into a dataset, merged by date.",
        positionals: [Positional("PATH", .path, .oneOrMore, about: "(a file, a glob or demo)")],
        options: [.asName, .from, .to,
                  OptionSpec("field", .choice(Field.allCases.map(\.rawValue)), placeholder: "price|volume|open|high|low|close"),
                  DataCheck.option],
        details: ["`demo` is the built-in synthetic dataset (7 stocks and one index, seeded).",
                  "`field` says what the value columns of a wide CSV hold (default price).",
                  "Prices and volumes are read at once; open, high, low and close the first time they are used (`d.AAPL.open`).",
                  "`fingerprint F` is written by `save`: a replay warns when the data differ (`--strict`, `run FILE strict`: an error)."],
        examples: ["load demo as d", "load data/*.csv as mag from 2023-01-01"])

    /// The words naming the files, as typed (globs unexpanded) or, after `run`, the expanded absolute paths.
    var paths: [Token]
    var name: String?
    var from: Day?
    var to: Day?
    var field: Field?
    /// Written by `save`: what the data looked like; a replay warns when they changed.
    var fingerprint: (token: Token, value: DataFingerprint)?

    init(_ arguments: ArgumentList) throws(ShellError) {
        fingerprint = try DataCheck.parse(arguments)
        paths = arguments.positional
        name = try arguments.newName()
        (from, to) = try arguments.dateRange()
        field = try arguments.choice("field").flatMap { Field(rawValue: $0) }
    }

    /// True for `load demo` (unquoted).
    private var isDemo: Bool { paths.count == 1 && !paths[0].quoted && paths[0].text == "demo" }

    var replay: ReplayText {
        ReplayText(Self.spec).adding(paths.map(\.text)).option("field", field?.rawValue)
            .option("from", from).option("to", to).option("as", name).option("fingerprint", fingerprint?.value)
    }

    /// The fields `load` reads at once; the others are read when first used.
    static let eagerFields: Set<Field> = [.price, .volume]

    func run(in ws: inout Workspace, context: CommandContext) throws {
        let dataset: DatasetObject
        let description: String
        var resolved = self
        if isDemo {
            description = "demo (synthetic)"
            dataset = DatasetObject(panel: DemoData.panel().filtered(from: from, to: to), source: description)
            guard !dataset.panel.dates.isEmpty else { throw ShellError("no demo dates between the from/to dates", at: paths[0]) }
        } else {
            var files: [String] = []
            for token in paths { files += try expand(token, environment: context.environment) }
            // Replay reads exactly these files (absolute, globs already expanded).
            resolved.paths = files.map { Token($0) }
            let loaded: PanelLoad
            do {
                loaded = try PanelLoader.load(paths: files, eager: Self.eagerFields.union(field.map { [$0] } ?? []),
                                              options: LoadOptions(wideField: field ?? .price, from: from, to: to),
                                              cancellation: context.cancellation)
            } catch let error as HedgeError {
                throw ShellError(error, at: paths[0])
            }
            let names = files.map { PathText.lastComponent($0) }
            description = names.count <= 3 ? names.joined(separator: ", ") : "\(names.count) files (\(names[0]) … \(names[names.count - 1]))"
            dataset = DatasetObject(load: loaded, source: description)
            guard !loaded.panel.dates.isEmpty else {
                throw ShellError("no rows\(from != nil || to != nil ? " between the from/to dates" : "") in \(description)", at: paths[0])
            }
        }
        let missing = Self.missingCount(dataset.panel) ?? 0
        try store(dataset, resolved: resolved, words: "load", notes: missing > 0 ? ["\(missing) missing price cells (NaN)"] : [],
                  in: &ws, context: context)
    }

    /// Expands `~`, globs (sorted; only wildcards outside quotes) and relative paths.
    private func expand(_ token: Token, environment: ShellEnvironment) throws(ShellError) -> [String] {
        if let pattern = token.globPattern {
            let matches = Glob.expand(environment.resolve(pattern))
            guard !matches.isEmpty else { throw ShellError("no files match '\(token.text)'", at: token) }
            return matches
        }
        return [environment.resolve(token.text)]
    }

    static func missingCount(_ panel: Panel) -> Int? {
        panel.values[.price]?.reduce(0) { $0 + $1.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }
    }
}
