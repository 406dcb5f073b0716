import Foundation
import HedgeCore

extension Session {
    func export(name: Token, path: Token, in ws: Workspace) throws {
        let lower = path.text.lowercased()
        let format: String
        if lower.hasSuffix(".csv") { format = "csv" } else if lower.hasSuffix(".json") { format = "json" } else {
            throw ShellError("export: '\(path.text)' must end in .csv or .json", at: path)
        }
        let text: String
        let what: String
        if let object = ws[name.text] {
            switch (object, format) {
            case (.series(let s), "csv"): text = Exporter.csv(series: s.series, column: name.text); what = "\(s.series.count) rows"
            case (.series(let s), _): text = Exporter.json(series: s.series.renamed(name.text)); what = "\(s.series.count) values"
            case (.dataset(let d), "csv"): text = Exporter.csv(panel: d.panel, field: .price); what = "\(d.panel.dates.count) rows × \(d.panel.tickers.count) tickers of price"
            case (.dataset, _): throw ShellError("export: a dataset exports to .csv only", at: path)
            case (.model(let m), "json"): text = Exporter.json(model: m.result); what = "model"
            case (.model, _): throw ShellError("export: a model exports to .json only", at: path)
            case (.backtest(let b), "csv"): text = Exporter.csv(backtest: b.result); what = "\(b.result.portfolioValues.count) rebalance rows"
            case (.backtest(let b), _): text = Exporter.json(backtest: b.result); what = "backtest"
            }
        } else if let (dataset, field) = datasetField(name.text, in: ws) {
            guard format == "csv" else { throw ShellError("export: a dataset exports to .csv only", at: path) }
            guard dataset.panel.values[field] != nil else {
                throw ShellError("export: '\(name.text)': the dataset has no \(field.rawValue) field", at: name)
            }
            text = Exporter.csv(panel: dataset.panel, field: field)
            what = "\(dataset.panel.dates.count) rows × \(dataset.panel.tickers.count) tickers of \(field.rawValue)"
        } else {
            if !name.text.contains(".") { _ = try ws.requireObject(name) }
            let resolved = try ws.series(name)
            text = format == "csv" ? Exporter.csv(series: resolved.series, column: resolved.label) : Exporter.json(series: resolved.series)
            what = "\(resolved.series.count) rows"
        }
        let target = environment.resolve(path.text)
        do {
            try AtomicFile.write(Data(text.utf8), to: target)
        } catch {
            throw ShellError("export: cannot write '\(path.text)': \(error)", at: path)
        }
        say("wrote \(style.name(name.text)) (\(what)) to \(path.text)")
    }

    /// `DATASET.FIELD` (e.g. `d.volume`) → the dataset and field.
    func datasetField(_ text: String, in ws: Workspace) -> (DatasetObject, Field)? {
        let parts = text.split(separator: ".").map(String.init)
        guard parts.count == 2, case .dataset(let d)? = ws[parts[0]], let field = Field(rawValue: parts[1].lowercased()) else { return nil }
        return (d, field)
    }
}
