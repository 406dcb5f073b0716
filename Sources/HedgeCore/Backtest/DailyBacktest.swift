/// `method daily`: a daily mark-to-market, self-financing, beta-neutral long/short backtest.
///
/// On the cut inputs (rows 0…n−1), trading starts on row s = W; rebalance rows are s, s+N, s+2N, … < n.
/// State: equity E (starts at capital), long notional L and short notional S (both start at 0). On each row t ≥ s:
/// 1. On a rebalance row: β_t from the β source; L* = E, S* = β_t·E; C_t = c·(|L* − L| + |S* − S|);
///    E ← E − C_t, L ← L*, S ← S*.
/// 2. E ← E + L·r_p[t] − S·r_b[t] + (E − L + S)·rf_d − max(S, 0)·b_d.
/// 3. L ← L·(1 + r_p[t]), S ← S·(1 + r_b[t]); R_t = E_t / E_{t−1} − 1.
/// Equity at or below 0 stops the run with an error naming the date.
public enum DailyBacktest {
    /// Aligns `long` and `benchmark`, then runs.
    public static func run(long: Series, benchmark: Series, parameters: DailyBacktestParameters = DailyBacktestParameters(),
                           cancellation: Cancellation? = nil) throws -> DailyBacktestResult {
        try run(DailyBacktestInputs(long: long, benchmark: benchmark), parameters: parameters, cancellation: cancellation)
    }

    /// Runs one configuration on prepared inputs. For `beta ols`, `olsBetas` (built once for the same inputs and
    /// `estimate`) avoids refitting the windows; without it the needed windows are fitted here.
    public static func run(_ inputs: DailyBacktestInputs, parameters p: DailyBacktestParameters,
                           olsBetas: OLSBetaTable? = nil, cancellation: Cancellation? = nil) throws -> DailyBacktestResult {
        try p.validate()
        let rows = inputs.rows(from: p.from, to: p.to)
        let n = rows.count
        guard n > p.estimate else {
            throw HedgeError("estimate \(p.estimate) leaves no trading day: the sample has \(n) aligned day\(n == 1 ? "" : "s")\(describe(rows, inputs)); it needs more than \(p.estimate)")
        }
        if let olsBetas {
            guard olsBetas.window == p.estimate, olsBetas.betas.count == inputs.count else {
                throw HedgeError("the precomputed OLS betas are for another estimate window or other inputs")
            }
        }
        let start = rows.lowerBound + p.estimate
        let end = rows.upperBound
        let days = end - start
        let rp = inputs.long, rb = inputs.benchmark, dates = inputs.dates
        let rfd = p.dailyRiskFree, bd = p.dailyBorrow, c = p.cost

        var equity = [Double](), returns = [Double](), longs = [Double](), shorts = [Double](), betas = [Double]()
        equity.reserveCapacity(days); returns.reserveCapacity(days); longs.reserveCapacity(days)
        shorts.reserveCapacity(days); betas.reserveCapacity(days)
        var rebalances: [DailyRebalance] = []
        rebalances.reserveCapacity((days + p.rebalance - 1) / p.rebalance)

        var e = p.capital, l = 0.0, s = 0.0, beta = Double.nan
        var nextRebalance = start
        for t in start..<end {
            if t & 255 == 0 { try cancellation?.check() }
            if t == nextRebalance {
                nextRebalance += p.rebalance
                beta = try betaAt(row: t, inputs: inputs, parameters: p, table: olsBetas)
                let targetLong = e, targetShort = beta * e
                let traded = abs(targetLong - l) + abs(targetShort - s)
                let cost = c * traded
                e -= cost
                l = targetLong; s = targetShort
                rebalances.append(DailyRebalance(date: dates[t], day: t - start, beta: beta, traded: traded, cost: cost))
                guard e > 0 else { throw wipedOut(on: dates[t], equity: e) }
            }
            let previous = equity.last ?? p.capital
            e = e + l * rp[t] - s * rb[t] + (e - l + s) * rfd - max(s, 0) * bd
            guard e > 0 else { throw wipedOut(on: dates[t], equity: e) }
            l *= 1 + rp[t]
            s *= 1 + rb[t]
            equity.append(e)
            returns.append(e / previous - 1)
            longs.append(l)
            shorts.append(s)
            betas.append(beta)
        }
        return DailyBacktestResult(
            parameters: p, dates: Array(dates[start..<end]), equity: equity, returns: returns,
            longNotional: longs, shortNotional: shorts, beta: betas,
            longReturns: Array(rp[start..<end]), benchmarkReturns: Array(rb[start..<end]), rebalances: rebalances)
    }

    /// β_t for rebalance row `row` (an index into `inputs`).
    static func betaAt(row t: Int, inputs: DailyBacktestInputs, parameters p: DailyBacktestParameters,
                       table: OLSBetaTable?) throws -> Double {
        switch p.beta {
        case .fixed(let value):
            return value
        case .ols:
            let beta = table?.betas[t] ?? windowSlope(inputs, row: t, window: p.estimate)
            guard beta.isFinite else {
                throw HedgeError("the benchmark's returns do not vary over the \(p.estimate) days before \(inputs.dates[t]), so the OLS beta is undefined")
            }
            return beta
        case .series(let series):
            let date = inputs.dates[t]
            let k = series.dates.partitioningIndex { $0 >= date } - 1
            guard k >= 0 else {
                throw HedgeError("beta series '\(series.name)' has no value before \(date) (its first date is \(series.first.map { "\($0)" } ?? "none"))")
            }
            let value = series.values[k]
            guard value.isFinite else {
                throw HedgeError("beta series '\(series.name)' is \(value.isNaN ? "NaN" : "not finite") on \(series.dates[k]), the last date before the rebalance on \(date)")
            }
            return value
        }
    }

    /// The OLS slope over rows t−W … t−1, NaN when the benchmark does not vary there (as `OLSBetaTable`).
    static func windowSlope(_ inputs: DailyBacktestInputs, row t: Int, window: Int) -> Double {
        let x = inputs.benchmark, y = inputs.long
        let w = Double(window)
        var sumX = 0.0, sumY = 0.0
        for i in (t - window)..<t { sumX += x[i]; sumY += y[i] }
        let meanX = sumX / w, meanY = sumY / w
        var sxx = 0.0, sxy = 0.0
        var varies = false
        let first = x[t - window]
        for i in (t - window)..<t {
            let dx = x[i] - meanX
            sxx += dx * dx
            sxy += dx * (y[i] - meanY)
            if x[i] != first { varies = true }
        }
        return varies && sxx > 0 ? sxy / sxx : .nan
    }

    private static func wipedOut(on date: Day, equity: Double) -> HedgeError {
        HedgeError("equity wiped out on \(date) (equity \(equity)); the backtest stops there")
    }

    private static func describe(_ rows: Range<Int>, _ inputs: DailyBacktestInputs) -> String {
        guard let first = rows.first, let last = rows.last else { return "" }
        return " (\(inputs.dates[first]) to \(inputs.dates[last]))"
    }
}
