/// What one walk-forward fold chose and how it did.
public struct WalkForwardFoldResult: Sendable, Equatable {
    public var fold: WalkForwardFold
    public var trainFirst: Day
    public var trainLast: Day
    public var testFirst: Day
    public var testLast: Day
    /// The configuration chosen on the training span (a configuration number of the grid).
    public var chosen: Int
    /// Its parameter values, one per axis.
    public var chosenValues: [Double]
    /// Its metric on the training span.
    public var inSample: Double
    /// Its metric on the test span.
    public var outOfSample: Double
}

/// The outcome of a walk-forward validation.
public struct WalkForwardResult: Sendable {
    public let grid: SweepGrid
    public let metric: SweepMetric
    public let train: Int
    public let test: Int
    public let folds: [WalkForwardFoldResult]
    /// The stitched out-of-sample backtest: every test day, each segment starting from the equity the
    /// previous one ended with (its `parameters` are the base ones; its rebalances are every segment's).
    public let stitched: DailyBacktestResult
    /// Every metric of the stitched curve (base risk-free rate).
    public let outOfSample: [Double]
    /// The configuration a hindsight choice would take: the best by `metric` over the same test days.
    public let hindsightBest: Int
    public let hindsightValues: [Double]
    /// Every metric of that configuration over the same days.
    public let hindsight: [Double]
}

/// Walk-forward validation of a sweep's configurations.
///
/// The trading rows are those of the base cut from the largest `estimate` on (so every configuration
/// has its estimation history before any fold). They are split by `WalkForwardPlan.folds(train: N, test: M)`.
/// For each fold every configuration is backtested on the training rows alone (trading starts on the
/// first training row; its β windows use the rows before it) and the best by `metric` is chosen (the
/// first in grid order on a tie; configurations that fail are skipped). The chosen configuration is then
/// run on the test rows, starting from the equity the previous test segment ended with (the first from
/// its capital) with no position, so it re-establishes its positions on the first test day and pays for
/// it; the β of each of its rebalances is estimated on rows before that rebalance only (history before
/// the segment included), never on a later row. The test segments are stitched into one daily equity
/// curve. For comparison, every configuration is also run over the same test days as one backtest and
/// the best of them by `metric` — the choice hindsight would make — is reported beside the stitched curve.
public enum WalkForward {
    public static func run(sweep: ParameterSweep, train: Int, test: Int, metric: SweepMetric,
                           workers: Int = ParallelRunner.availableCores, cancellation: Cancellation? = nil,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> WalkForwardResult {
        guard sweep.method == .daily else { throw HedgeError("walkforward runs method daily only") }
        let inputs = sweep.inputs, dates = inputs.dates
        let cut = inputs.rows(from: sweep.base.from, to: sweep.base.to)
        let start = cut.lowerBound + sweep.largestEstimate
        guard start < cut.upperBound else {
            throw HedgeError("walkforward: estimate \(sweep.largestEstimate) leaves no trading day in the \(cut.count)-day sample")
        }
        let folds = try WalkForwardPlan.folds(rows: start..<cut.upperBound, train: train, test: test)
        let configurations = sweep.grid.count
        let estimates = (0..<configurations).map { sweep.parameters(of: $0).estimate }
        let column = metric.column
        let total = folds.count * configurations + configurations
        let firstTest = folds[0].test.lowerBound, lastTest = cut.upperBound - 1

        // Training spans of every fold, then the hindsight runs over the test days, all in parallel.
        let trainingJobs = folds.count * configurations
        let job: @Sendable (Int) -> [Double] = { job in
            let c = job % configurations
            let rows: Range<Int> = job < trainingJobs ? folds[job / configurations].train : firstTest..<(lastTest + 1)
            guard let result = try? sweep.backtest(c, from: dates[rows.lowerBound - estimates[c]], to: dates[rows.upperBound - 1]) else {
                return job < trainingJobs ? [.nan] : Array(repeating: .nan, count: SweepMetric.allCases.count)
            }
            let metrics = SweepMetric.values(of: result)
            return job < trainingJobs ? [metrics[column]] : metrics
        }
        var report: (@Sendable (Int) -> Void)? = nil
        if let progress { report = { done in progress(done, total) } }
        let scores = try await ParallelRunner.map(count: total, workers: workers, cancellation: cancellation,
                                                    progress: report, job)

        var results: [WalkForwardFoldResult] = []
        var segments: [DailyBacktestResult] = []
        var capital: Double? = nil
        for fold in folds {
            try cancellation?.check()
            let trained = (0..<configurations).map { scores[fold.index * configurations + $0][0] }
            guard let chosen = bestIndex(trained, metric: metric) else {
                throw HedgeError("walkforward: no configuration gives a \(metric.rawValue) on fold \(fold.index + 1)'s training span (\(dates[fold.train.lowerBound]) to \(dates[fold.train.upperBound - 1]))")
            }
            let segment: DailyBacktestResult
            do {
                segment = try sweep.backtest(chosen, from: dates[fold.test.lowerBound - estimates[chosen]],
                                             to: dates[fold.test.upperBound - 1], capital: capital, cancellation: cancellation)
            } catch let error as HedgeError {
                throw HedgeError("walkforward: fold \(fold.index + 1): \(error.message)")
            }
            capital = segment.finalEquity
            segments.append(segment)
            let testMetric = segment.days >= 2 ? SweepMetric.values(of: segment)[column] : .nan
            results.append(WalkForwardFoldResult(
                fold: fold, trainFirst: dates[fold.train.lowerBound], trainLast: dates[fold.train.upperBound - 1],
                testFirst: dates[fold.test.lowerBound], testLast: dates[fold.test.upperBound - 1],
                chosen: chosen, chosenValues: sweep.grid.values(of: chosen), inSample: trained[chosen], outOfSample: testMetric))
        }
        var base = sweep.base
        base.from = dates[firstTest]; base.to = dates[lastTest]
        let stitched = stitch(segments, parameters: base)
        let hindsightRows = Array(scores[trainingJobs...])
        let hindsightBest = bestIndex(hindsightRows.map { $0[column] }, metric: metric) ?? 0
        return WalkForwardResult(
            grid: sweep.grid, metric: metric, train: train, test: test, folds: results, stitched: stitched,
            outOfSample: SweepMetric.values(of: stitched), hindsightBest: hindsightBest,
            hindsightValues: sweep.grid.values(of: hindsightBest), hindsight: hindsightRows[hindsightBest])
    }

    /// `run` for synchronous callers on their own thread (the shell; see `ParallelRunner.waitFor`).
    public static func runBlocking(sweep: ParameterSweep, train: Int, test: Int, metric: SweepMetric,
                                   workers: Int = ParallelRunner.availableCores, cancellation: Cancellation? = nil,
                                   progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> WalkForwardResult {
        try ParallelRunner.waitFor {
            try await run(sweep: sweep, train: train, test: test, metric: metric, workers: workers,
                          cancellation: cancellation, progress: progress)
        }
    }

    /// The first configuration with the best finite `metric` score, or nil.
    static func bestIndex(_ values: [Double], metric: SweepMetric) -> Int? {
        var best: Int? = nil
        for (i, v) in values.enumerated() where v.isFinite {
            if let b = best, metric.score(v) <= metric.score(values[b]) { continue }
            best = i
        }
        return best
    }

    /// Consecutive backtests joined into one: per-day arrays concatenated, rebalance day numbers shifted.
    static func stitch(_ segments: [DailyBacktestResult], parameters: DailyBacktestParameters) -> DailyBacktestResult {
        var result = DailyBacktestResult(parameters: parameters, dates: [], equity: [], returns: [], longNotional: [],
                                         shortNotional: [], beta: [], longReturns: [], benchmarkReturns: [], rebalances: [])
        for segment in segments {
            let offset = result.dates.count
            result.dates += segment.dates
            result.equity += segment.equity
            result.returns += segment.returns
            result.longNotional += segment.longNotional
            result.shortNotional += segment.shortNotional
            result.beta += segment.beta
            result.longReturns += segment.longReturns
            result.benchmarkReturns += segment.benchmarkReturns
            result.rebalances += segment.rebalances.map { var r = $0; r.day += offset; return r }
        }
        return result
    }
}
