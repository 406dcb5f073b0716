import Foundation
import HedgeCore

extension Session {
    func load(paths: [Token], name: String?, from: Day?, to: Day?, field: Field?, source: SourceCommand, in ws: inout Workspace) throws {
        let panel: Panel
        let description: String
        var replayWords: [String]
        if paths.count == 1, !paths[0].quoted, paths[0].text == "demo" {
            panel = DemoData.panel().filtered(from: from, to: to)
            description = "demo (synthetic)"
            replayWords = ["demo"]
            guard !panel.dates.isEmpty else { throw ShellError("load: no demo dates between the from/to dates", at: paths[0]) }
        } else {
            var files: [String] = []
            replayWords = []
            for token in paths { files += try expand(token) }
            // Replay reads exactly these files (absolute, globs already expanded).
            replayWords = files.map(Token.shellWord)
            do {
                panel = try PanelLoader.load(paths: files, options: LoadOptions(wideField: field ?? .price, from: from, to: to),
                                          cancellation: cancellation)
            } catch let error as HedgeError {
                throw ShellError("load: \(error.description)", at: paths[0])
            }
            let names = files.map { ($0 as NSString).lastPathComponent }
            description = names.count <= 3 ? names.joined(separator: ", ") : "\(names.count) files (\(names[0]) … \(names[names.count - 1]))"
            guard !panel.dates.isEmpty else {
                throw ShellError("load: no rows\(from != nil || to != nil ? " between the from/to dates" : "") in \(description)", at: paths[0])
            }
        }
        let finalName = name ?? ws.defaultName(prefix: "d")
        var replay = "load " + replayWords.joined(separator: " ")
        if let field { replay += " field \(field.rawValue)" }
        if let from { replay += " from \(from)" }
        if let to { replay += " to \(to)" }
        replay += " as \(finalName)"
        let replaced = ws.store(.dataset(DatasetObject(panel: panel, source: description)), as: finalName, command: replay, inputs: [])
        var text = "\(style.name(finalName)): dataset, \(panel.tickers.count) ticker\(panel.tickers.count == 1 ? "" : "s") × \(panel.dates.count) days, \(Self.range(panel.dates))"
        text += nameNote(given: name, finalName: finalName, replaced: replaced) + "\n"
        text += "  source: \(description); tickers: \(panel.tickers.joined(separator: ", ")); fields: \(panel.fields.map(\.rawValue).joined(separator: ", "))"
        if let missing = Self.missingCount(panel), missing > 0 { text += "\n  \(missing) missing price cells (NaN)" }
        say(text)
    }

    /// Expands `~`, globs (sorted; only wildcards outside quotes) and relative paths.
    func expand(_ token: Token) throws -> [String] {
        if let pattern = token.globPattern {
            let matches = Glob.expand(environment.resolve(pattern))
            guard !matches.isEmpty else { throw ShellError("load: no files match '\(token.text)'", at: token) }
            return matches
        }
        return [environment.resolve(token.text)]
    }

    static func missingCount(_ panel: Panel) -> Int? {
        panel.values[.price]?.reduce(0) { $0 + $1.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }
    }

    /// `first … last` of dates, or `(empty)`.
    static func range(_ dates: [Day]) -> String {
        guard let first = dates.first, let last = dates.last else { return "(empty)" }
        return "\(first) … \(last)"
    }

    /// A note when the name was chosen by hedge or replaced an object.
    func nameNote(given: String?, finalName: String, replaced: Bool) -> String {
        var notes: [String] = []
        if given == nil { notes.append("named \(finalName); choose with `as NAME`") }
        if replaced { notes.append("replaced the previous \(finalName)") }
        return notes.isEmpty ? "" : "  (" + notes.joined(separator: "; ") + ")"
    }
}

/// Shell-style filename globbing.
enum Glob {
    /// Paths matching `pattern`, sorted; empty when none.
    static func expand(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            if let p = result.gl_pathv[i] { paths.append(String(cString: p)) }
        }
        return paths.sorted()
    }
}
