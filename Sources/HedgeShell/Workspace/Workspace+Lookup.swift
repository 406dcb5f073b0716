import HedgeCore

/// A series found by name: a series object, or a part of another object (`d.AAPL`, `d.AAPL.volume`).
struct ResolvedSeries {
    var series: Series
    /// The name as typed (`p1`, `d.AAPL`, `d.AAPL.volume`).
    var label: String
    /// The workspace object it came from.
    var source: String
}

extension Workspace {
    /// The object called `token`, or an error suggesting the closest name.
    func requireObject(_ token: Token) throws(ShellError) -> any WorkspaceValue {
        guard let object = self[token.text] else {
            throw ShellError("no object named '\(token.text)'\(Suggestion.hint(for: token.text, in: names))\(names.isEmpty ? " (the workspace is empty)" : "")", at: token)
        }
        return object
    }

    /// The object called `token`, which must be a `T`; `use` ends the message when it is not (` (fit one with regress)`).
    func require<T: WorkspaceValue>(_ token: Token, as type: T.Type, use: String = "") throws(ShellError) -> T {
        let object = try requireObject(token)
        guard let value = object as? T else {
            throw ShellError("'\(token.text)' is a \(object.kind), not a \(T.kind)\(use)", at: token)
        }
        return value
    }

    /// An object or a named part of one (`NAME.part`, split at the first dot whose head is an object).
    func resolve(_ token: Token) throws(ShellError) -> (value: any WorkspaceValue, source: String)? {
        if let object = self[token.text] { return (object, token.text) }
        guard let dot = token.text.firstIndex(of: "."), let owner = self[String(token.text[..<dot])] else { return nil }
        let name = String(token.text[..<dot])
        let path = String(token.text[token.text.index(after: dot)...])
        do throws(ShellError) {
            guard let part = try owner.part(path, of: name) else {
                throw ShellError("'\(name)' is a \(owner.kind) and has no part '\(path)'")
            }
            return (part, name)
        } catch {
            throw error.located(at: token)
        }
    }

    /// An object or part for `show`/`export`: errors name the closest object when nothing matches.
    func requireValue(_ token: Token) throws(ShellError) -> any WorkspaceValue {
        if let found = try resolve(token) { return found.value }
        if !token.text.contains(".") { _ = try requireObject(token) }
        throw seriesNotFound(token)
    }

    /// Resolves a series reference: a series object, or a part of an object that is a series
    /// (`DATASET.TICKER` daily simple returns, `DATASET.TICKER.FIELD` a raw field).
    func series(_ token: Token) throws(ShellError) -> ResolvedSeries {
        let text = token.text
        guard let (value, source) = try resolve(token) else { throw seriesNotFound(token) }
        guard let series = value.asSeries else {
            if let dataset = self[text] as? DatasetObject {
                let example = dataset.panel.tickers.first.map { "\(text).\($0)" } ?? "\(text).TICKER"
                throw ShellError("'\(text)' is a dataset, not a series; use \(example) for a ticker's daily returns", at: token)
            }
            throw ShellError("'\(text)' is a \(value.kind), not a series", at: token)
        }
        return ResolvedSeries(series: series.renamed(text), label: text, source: source)
    }

    private func seriesNotFound(_ token: Token) -> ShellError {
        var candidates = names(of: [.series])
        for entry in entries { candidates += entry.object.partNames.map { "\(entry.name).\($0)" } }
        return ShellError("no series named '\(token.text)'\(Suggestion.hint(for: token.text, in: candidates))", at: token)
    }
}
