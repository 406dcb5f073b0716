/// A numeric `method daily` backtest parameter a sweep or walk-forward may vary.
public enum SweepParameter: String, Sendable, CaseIterable {
    /// N, trading days between rebalances (whole number ≥ 1).
    case rebalance
    /// W, rows of history before trading and the OLS window (whole number ≥ 2 with `beta ols`).
    case estimate
    /// c, cost per unit of traded notional.
    case cost
    /// Annual risk-free rate.
    case rf
    /// Annual borrow fee on the short.
    case borrow
    /// Starting capital.
    case capital
    /// The window of a rolling OLS β: β_t is the slope over the `window` rows before the rebalance
    /// (the `rolling` β series on the last date before it), while `estimate` still sets where trading
    /// starts; needs window ≤ estimate (whole number ≥ 2).
    case window

    /// The parameter called `name`, or an error listing the ones a sweep accepts.
    public static func named(_ name: String) throws -> SweepParameter {
        guard let parameter = SweepParameter(rawValue: name) else {
            throw HedgeError("\(name) is not a numeric backtest parameter; sweep one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return parameter
    }

    /// Whether values must be whole numbers (days).
    public var isWholeNumber: Bool { self == .rebalance || self == .estimate || self == .window }

    /// Throws when `value` is not a valid value of this parameter (a fraction of a day, a window below 2).
    /// The other limits are checked with the whole configuration (`DailyBacktestParameters.validate`).
    public func check(_ value: Double) throws {
        if isWholeNumber {
            guard value.rounded() == value, abs(value) < 1e9 else {
                throw HedgeError("\(rawValue) must be a whole number of days (got \(SweepValues.format(value)))")
            }
        }
        if self == .window, value < 2 { throw HedgeError("window must be at least 2 days (got \(SweepValues.format(value)))") }
    }

    /// Sets this parameter to `value` in `parameters` (`window` is not a field: see `SweepConfiguration`).
    public func apply(_ value: Double, to parameters: inout DailyBacktestParameters) {
        switch self {
        case .rebalance: parameters.rebalance = Int(value)
        case .estimate: parameters.estimate = Int(value)
        case .cost: parameters.cost = value
        case .rf: parameters.riskFreeRate = value
        case .borrow: parameters.borrow = value
        case .capital: parameters.capital = value
        case .window: break
        }
    }
}
