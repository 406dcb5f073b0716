/// What a capital would be worth holding one series (the benchmark) instead of the hedged portfolio.
public enum BuyAndHold {
    /// `capital` compounded with `benchmark`'s returns, on the dates `long` and `benchmark` share, up to
    /// each of `dates`: value(d) = capital · Π_{t ≤ d} (1 + r_t), with the first shared date as the start
    /// (nothing compounded yet). Nil when the two series share no date.
    ///
    /// Used to draw a backtest's value path next to the benchmark's.
    public static func value(long: Series, benchmark: Series, at dates: [Day], capital: Double, name: String) -> Series? {
        let aligned = AlignedSeries([long, benchmark])
        guard let first = aligned.dates.first else { return nil }
        var values: [Double] = []
        values.reserveCapacity(dates.count)
        var growth = 1.0
        var i = 0
        for day in dates {
            // The first value date is the start: nothing has compounded yet.
            if day == first && values.isEmpty { values.append(capital); continue }
            while i < aligned.count && aligned.dates[i] <= day { growth *= 1 + aligned.columns[1][i]; i += 1 }
            values.append(capital * growth)
        }
        return Series(name: name, dates: dates, values: values)
    }
}
