#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import HedgeCore

/// Turns workspace objects into CSV and JSON text that other programs read. Numbers are written in the
/// shortest form that parses back to the same double.
///
/// Non-finite numbers round-trip too. NaN means "missing": an empty CSV cell, JSON `null` (as pandas'
/// `to_json` writes it; `read_csv`/`read_json` read both back as NaN). ±infinity keeps its sign: `inf`/`-inf`
/// in CSV (pandas' `read_csv` reads them as floats) and the JSON strings `"inf"`/`"-inf"`, which every JSON
/// parser accepts (bare `Infinity` is not JSON) and Python's `float()` turns back into ±inf.
public enum Exporter {
    /// `date,NAME` rows.
    public static func csv(series: Series, column: String) -> String {
        CSVRows.text(header: "date,\(csvField(column))\n", dates: series.dates, columns: [series.values])
    }

    /// Wide `date,T1,T2,…` rows of one field.
    public static func csv(panel: Panel, field: Field) -> String {
        CSVRows.text(header: csvHeader(panel), dates: panel.dates, columns: panel.values[field] ?? [])
    }

    /// The bytes of `csv(panel:field:)`, handed to `append` a few blocks of rows at a time.
    public static func writeCSV(panel: Panel, field: Field, cancellation: Cancellation?,
                                to append: (UnsafeRawBufferPointer) throws -> Void) throws {
        try CSVRows.write(header: csvHeader(panel), dates: panel.dates, columns: panel.values[field] ?? [],
                          cancellation: cancellation, to: append)
    }

    private static func csvHeader(_ panel: Panel) -> String {
        "date," + panel.tickers.map(csvField).joined(separator: ",") + "\n"
    }

    /// The per-rebalance table: `step,date,portfolio_value,beta` (beta empty where the notebook has none).
    public static func csv(backtest r: BacktestResult) -> String {
        var out = "step,date,portfolio_value,beta\n"
        for i in 0..<r.portfolioValues.count {
            let date = i < r.valueDates.count ? "\(r.valueDates[i])" : ""
            let beta = i < r.betas.count ? csvNumber(r.betas[i]) : ""
            out += "\(i + 1),\(date),\(csvNumber(r.portfolioValues[i])),\(beta)\n"
        }
        return out
    }

    /// `date,alpha,beta…,rsquared,bse_alpha,bse_beta…` rows of a rolling fit (`betaNames` name the beta
    /// columns: `beta`, or `beta.X` per regressor). An EWMA beta leaves alpha, rsquared and bse empty.
    public static func csv(rolling r: RollingBeta, betaNames: [String]) -> String {
        let header = ["date", "alpha"] + betaNames + ["rsquared", "bse_alpha"] + betaNames.map { "bse_" + $0 }
        let columns = [r.alpha] + r.betas + [r.rsquared]
        let errors = r.bse.isEmpty ? Array(repeating: Array(repeating: Double.nan, count: r.count), count: betaNames.count + 1) : r.bse
        return CSVRows.text(header: header.map(csvField).joined(separator: ",") + "\n", dates: r.dates,
                            columns: columns + errors)
    }

    /// `{"kind":"ols", …}` with arrays intercept first.
    public static func json(model r: OLSResult) -> String {
        let fields: [(String, JSONValue)] = [
            ("kind", .string("ols")), ("dependent", .string(r.dependentName)), ("names", .strings(r.names)),
            ("nobs", .number(Double(r.nobs))), ("df_model", .number(r.dfModel)), ("df_resid", .number(r.dfResid)),
            ("params", .numbers(r.params)), ("bse", .numbers(r.bse)), ("tvalues", .numbers(r.tvalues)),
            ("pvalues", .numbers(r.pvalues)), ("conf_int_low", .numbers(r.confIntLow)), ("conf_int_high", .numbers(r.confIntHigh)),
            ("rsquared", .number(r.rsquared)), ("rsquared_adj", .number(r.rsquaredAdj)), ("fvalue", .number(r.fvalue)),
            ("f_pvalue", .number(r.fPvalue)), ("llf", .number(r.llf)), ("aic", .number(r.aic)), ("bic", .number(r.bic)),
            ("durbin_watson", .number(r.durbinWatson)), ("omnibus", .number(r.omnibus)), ("omnibus_p", .number(r.omnibusP)),
            ("jarque_bera", .number(r.jarqueBera)), ("jarque_bera_p", .number(r.jarqueBeraP)), ("skew", .number(r.skew)),
            ("kurtosis", .number(r.kurtosis)), ("cond_no", .number(r.condNo)),
            ("cov_type", .string(r.covarianceType.statsmodelsName)),
        ] + (r.covarianceType.lags.map { [("lags", JSONValue.number(Double($0)))] } ?? [])
        return JSONValue.object(fields).render() + "\n"
    }

    /// `{"kind":"backtest", …}`.
    public static func json(backtest r: BacktestResult) -> String {
        let p = r.parameters
        let fields: [(String, JSONValue)] = [
            ("kind", .string("backtest")), ("method", .string(r.method)),
            ("portfolio_values", .numbers(r.portfolioValues)), ("betas", .numbers(r.betas)),
            ("dates", .strings(r.valueDates.map(\.description))),
            ("sharpe", .number(r.sharpe)), ("initial", .number(r.initial)), ("final", .number(r.final)),
            ("total_return_pct", .number(r.totalReturnPercent)), ("annualized_return_pct", .number(r.annualizedReturnPercent)),
            ("benchmark_annualized_pct", .number(r.benchmarkAnnualizedPercent)),
            ("length_mismatch_warning", .bool(r.lengthMismatchWarning)),
            ("rebalance", .number(Double(p.rebalance))), ("cost", .number(p.cost)), ("rf", .number(p.riskFreeRate)),
            ("capital", .number(p.capital)),
        ]
        return JSONValue.object(fields).render() + "\n"
    }

    /// A series as JSON: `{"kind":"series","name","dates","values"}`.
    public static func json(series: Series) -> String {
        JSONValue.object([("kind", .string("series")), ("name", .string(series.name)),
                          ("dates", .strings(series.dates.map(\.description))), ("values", .numbers(series.values))]).render() + "\n"
    }

    static func csvNumber(_ x: Double) -> String { x.isNaN ? "" : NumberFormat.roundTrip(x) }

    /// A CSV field, quoted (RFC 4180) when it holds a comma, quote or line break. Scalar by scalar: a quote
    /// followed by a combining mark is one Character that compares unequal to `"`.
    static func csvField(_ text: String) -> String {
        let special: Set<Unicode.Scalar> = [",", "\"", "\n", "\r"]
        guard text.unicodeScalars.contains(where: special.contains) else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out.unicodeScalars.append("\"") }
            out.unicodeScalars.append(scalar)
        }
        out.append("\"")
        return out
    }
}

/// A tiny JSON writer (keys keep their order).
enum JSONValue {
    case string(String), number(Double), bool(Bool), strings([String]), numbers([Double])
    case object([(String, JSONValue)])

    func render() -> String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .number(let x): return x.isNaN ? "null" : x.isFinite ? NumberFormat.roundTrip(x) : Self.quote(NumberFormat.nonFinite(x))
        case .bool(let b): return b ? "true" : "false"
        case .strings(let a): return "[" + a.map(Self.quote).joined(separator: ",") + "]"
        case .numbers(let a): return "[" + a.map { JSONValue.number($0).render() }.joined(separator: ",") + "]"
        case .object(let fields):
            return "{\n" + fields.map { "  \(Self.quote($0.0)): \($0.1.render())" }.joined(separator: ",\n") + "\n}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += CFormat.integer("\\u%04x", Int32(scalar.value)) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
