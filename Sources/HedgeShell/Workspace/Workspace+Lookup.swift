import HedgeCore

/// A series found by name: a series object, or a dataset ticker's returns or raw field.
struct ResolvedSeries {
    var series: Series
    /// The name as typed (`p1`, `d.AAPL`, `d.AAPL.volume`).
    var label: String
    /// The workspace object it came from.
    var source: String
}

extension Workspace {
    /// The object called `token`, or an error suggesting the closest name.
    func requireObject(_ token: Token) throws(ShellError) -> WorkspaceObject {
        guard let object = self[token.text] else {
            throw ShellError("no object named '\(token.text)'\(Suggestion.hint(for: token.text, in: names))\(names.isEmpty ? " (the workspace is empty)" : "")", at: token)
        }
        return object
    }

    /// The object called `token`, which must be of `kind`.
    func require(_ token: Token, kind: ObjectKind, use: String) throws(ShellError) -> WorkspaceObject {
        let object = try requireObject(token)
        guard object.kind == kind else {
            throw ShellError("'\(token.text)' is a \(object.kind.rawValue), not a \(kind.rawValue)\(use)", at: token)
        }
        return object
    }

    func dataset(_ token: Token) throws(ShellError) -> DatasetObject {
        guard case .dataset(let d) = try require(token, kind: .dataset, use: "") else {
            throw ShellError("'\(token.text)' is not a dataset", at: token)
        }
        return d
    }

    func model(_ token: Token) throws(ShellError) -> ModelObject {
        guard case .model(let m) = try require(token, kind: .model, use: " (fit one with regress)") else {
            throw ShellError("'\(token.text)' is not a model", at: token)
        }
        return m
    }

    /// Resolves a series reference: a series object, `DATASET.TICKER` (daily simple returns) or
    /// `DATASET.TICKER.FIELD` (the raw field: price, volume, open, high, low, close; `returns`, `logreturns`).
    func series(_ token: Token) throws(ShellError) -> ResolvedSeries {
        let text = token.text
        if let object = self[text] {
            switch object {
            case .series(let s):
                return ResolvedSeries(series: s.series.renamed(text), label: text, source: text)
            case .dataset(let d):
                let example = d.panel.tickers.first.map { "\(text).\($0)" } ?? "\(text).TICKER"
                throw ShellError("'\(text)' is a dataset, not a series; use \(example) for a ticker's daily returns", at: token)
            default:
                throw ShellError("'\(text)' is a \(object.kind.rawValue), not a series", at: token)
            }
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 2, case .dataset(let d)? = self[parts[0]] {
            guard parts.count <= 3, let t = d.panel.tickerIndex(parts[1]) else {
                let ticker = parts.count > 1 ? parts[1] : ""
                throw ShellError("dataset '\(parts[0])' has no ticker '\(ticker)'\(Suggestion.hint(for: ticker, in: d.panel.tickers)); it has \(d.panel.tickers.joined(separator: ", "))", at: token)
            }
            let ticker = d.panel.tickers[t]
            let label = "\(parts[0]).\(ticker)" + (parts.count == 3 ? ".\(parts[2])" : "")
            let fieldName = parts.count == 3 ? parts[2].lowercased() : "returns"
            guard let prices = d.panel.series(ticker, field: .price) else {
                throw ShellError("dataset '\(parts[0])' has no prices for \(ticker)", at: token)
            }
            switch fieldName {
            case "returns":
                return ResolvedSeries(series: Returns.simple(prices).renamed(label), label: label, source: parts[0])
            case "logreturns":
                return ResolvedSeries(series: Returns.log(prices).renamed(label), label: label, source: parts[0])
            default:
                let choices = d.panel.fields.map(\.rawValue) + ["returns", "logreturns"]
                guard let field = Field(rawValue: fieldName), let s = d.panel.series(ticker, field: field) else {
                    throw ShellError("'\(parts[2])' is not a field of \(parts[0])\(Suggestion.hint(for: parts[2], in: choices)); fields: \(choices.joined(separator: ", "))", at: token)
                }
                return ResolvedSeries(series: s.renamed(label), label: label, source: parts[0])
            }
        }
        var candidates = names(of: [.series])
        for entry in entries { if case .dataset(let d) = entry.object { candidates += d.panel.tickers.map { "\(entry.name).\($0)" } } }
        throw ShellError("no series named '\(text)'\(Suggestion.hint(for: text, in: candidates))", at: token)
    }
}
