import HedgeCore

extension Exporter {
    /// One row per trading day: `date,equity,return,long_notional,short_notional,beta` (end-of-day positions,
    /// the β of the rebalance in force).
    public static func csv(dailyBacktest r: DailyBacktestResult) -> String {
        CSVRows.text(header: "date,equity,return,long_notional,short_notional,beta\n", dates: r.dates,
                     columns: [r.equity, r.returns, r.longNotional, r.shortNotional, r.beta])
    }

    /// `{"kind":"daily_backtest", "parameters", "metrics", "days", "rebalances"}` (keys in the README).
    static func json(dailyBacktest object: DailyBacktestObject) -> String {
        let r = object.result, p = r.parameters
        let sheet = r.tearSheet()
        var beta: (kind: String, value: Double, series: String?) = ("ols", .nan, nil)
        switch p.beta {
        case .ols: break
        case .fixed(let x): beta = ("fixed", x, nil)
        case .series: beta = ("series", .nan, object.betaText)
        }
        func metrics(_ s: PerformanceStats, _ h: HedgeStats? = nil) -> JSONValue {
            let column = StatsColumn(name: "", stats: s, hedge: h)
            return .object(StatsMetric.allCases.compactMap { m in column.values[m].map { (m.rawValue, .number($0)) } })
        }
        let fields: [(String, JSONValue)] = [
            ("kind", .string("daily_backtest")), ("method", .string(DailyBacktestResult.methodName)),
            ("long", .string(object.long)), ("benchmark", .string(object.benchmark)),
            ("parameters", .object([
                ("rebalance", .number(Double(p.rebalance))), ("estimate", .number(Double(p.estimate))),
                ("beta", .string(beta.kind)), ("beta_value", .number(beta.value)),
                ("beta_series", beta.series.map { .string($0) } ?? .number(.nan)),
                ("cost", .number(p.cost)), ("rf", .number(p.riskFreeRate)), ("borrow", .number(p.borrow)),
                ("capital", .number(p.capital)),
                ("from", p.from.map { .string($0.description) } ?? .number(.nan)),
                ("to", p.to.map { .string($0.description) } ?? .number(.nan)),
            ])),
            ("metrics", .object([("hedged", metrics(sheet.hedged, sheet.hedge)), ("unhedged", metrics(sheet.unhedged)),
                                 ("benchmark", metrics(sheet.benchmark))])),
            ("days", .object([
                ("date", .strings(r.dates.map(\.description))), ("equity", .numbers(r.equity)), ("return", .numbers(r.returns)),
                ("long_notional", .numbers(r.longNotional)), ("short_notional", .numbers(r.shortNotional)),
                ("beta", .numbers(r.beta)), ("long_return", .numbers(r.longReturns)), ("benchmark_return", .numbers(r.benchmarkReturns)),
            ])),
            ("rebalances", .object([
                ("date", .strings(r.rebalances.map(\.date.description))), ("beta", .numbers(r.rebalances.map(\.beta))),
                ("traded", .numbers(r.rebalances.map(\.traded))), ("cost", .numbers(r.rebalances.map(\.cost))),
            ])),
        ]
        return pretty(.object(fields)) + "\n"
    }

    /// `{"kind":"stats","columns":[…],"notes":{…},"values":{COLUMN:{metric:value}}}`.
    static func json(stats table: StatsTable) -> String {
        let metrics = table.metrics
        let fields: [(String, JSONValue)] = [
            ("kind", .string("stats")), ("columns", .strings(table.columns.map(\.name))),
            ("metrics", .strings(metrics.map(\.rawValue))),
            ("notes", .object(table.columns.compactMap { c in c.note.map { (c.name, .string($0)) } })),
            ("values", .object(table.columns.map { c in
                (c.name, .object(metrics.compactMap { m in c.values[m].map { (m.rawValue, .number($0)) } }))
            })),
        ]
        return pretty(.object(fields)) + "\n"
    }

    /// Nested objects indented by two spaces a level (leaves render as `JSONValue` renders them).
    static func pretty(_ value: JSONValue, indent: Int = 0) -> String {
        guard case .object(let fields) = value else { return value.render() }
        if fields.isEmpty { return "{}" }
        let pad = String(repeating: " ", count: indent + 2)
        return "{\n" + fields.map { "\(pad)\(JSONValue.quote($0.0)): \(pretty($0.1, indent: indent + 2))" }.joined(separator: ",\n")
            + "\n" + String(repeating: " ", count: indent) + "}"
    }
}
