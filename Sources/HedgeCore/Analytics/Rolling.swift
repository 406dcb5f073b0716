/// Rolling-window statistics with pandas' `rolling(window)` conventions.
public enum Rolling {
    /// pandas `rolling(window).mean()` with the default `min_periods = window`: element i is the mean of
    /// `values[i-window+1 ... i]`, or NaN when i < window-1 or when any value of that window is NaN.
    /// Each window is summed afresh (no running sum), so no rounding drift accumulates.
    /// A window below 1 gives all NaN.
    public static func mean(_ values: [Double], window: Int) -> [Double] {
        var out = [Double](repeating: .nan, count: values.count)
        guard window >= 1, values.count >= window else { return out }
        var lastNaN = -1  // index of the most recent NaN seen so far
        for i in 0..<values.count {
            if values[i].isNaN { lastNaN = i }
            guard i >= window - 1, lastNaN <= i - window else { continue }
            var sum = 0.0
            for j in (i - window + 1)...i { sum += values[j] }
            out[i] = sum / Double(window)
        }
        return out
    }
}
