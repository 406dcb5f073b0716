/// Finds the prices that would turn returns into ±∞ or NaN (zero, negative or infinite prices), so that a
/// command can name the ticker and date at fault instead of printing `inf`/`nan` results.
public enum UndefinedReturns {
    /// The first non-NaN price of `column` that is ≤ 0 or infinite: its date and value.
    public static func firstBadPrice(_ column: [Double], dates: [Day]) -> (day: Day, value: Double)? {
        for (i, value) in column.enumerated() where !value.isNaN && (value <= 0 || value.isInfinite) {
            return (dates[i], value)
        }
        return nil
    }

    /// The first such price among the panel's tickers (in column order, `excluding` skipped), as an error
    /// message: `BRK.B has price 0.0 on 2024-02-01, which makes its returns undefined`.
    public static func problem(in panel: Panel, excluding: Set<String> = []) -> String? {
        guard let prices = panel.values[.price] else { return nil }
        let upper = Set(excluding.map { $0.uppercased() })
        for (t, ticker) in panel.tickers.enumerated() where !upper.contains(ticker.uppercased()) {
            if let bad = firstBadPrice(prices[t], dates: panel.dates) {
                return "\(ticker) has price \(bad.value) on \(bad.day), which makes its returns undefined"
            }
        }
        return nil
    }
}
