extension BacktestResult {
    /// Why the Sharpe ratio means nothing for this backtest, or nil when it is meaningful.
    ///
    /// The ratio is mean/std of the period returns of `portfolioValues`; with fewer than two periods, or
    /// returns that do not vary, the standard deviation is zero and the ratio is ±inf or NaN.
    public var sharpeCaveat: String? {
        let periods = portfolioValues.count - 1
        if periods < 2 {
            return "the Sharpe ratio is not meaningful: it rests on \(periods) rebalance period\(periods == 1 ? "" : "s")"
        }
        if !sharpe.isFinite {
            return "the Sharpe ratio is not meaningful: the period returns do not vary"
        }
        return nil
    }
}
