/// Rolling-window statistics with pandas' `rolling(window)` conventions.
public enum Rolling {
    /// pandas `rolling(window).mean()` with the default `min_periods = window`: element i is the mean of
    /// `values[i-window+1 ... i]`, or NaN when i < window-1 or when any value of that window is NaN.
    /// A window below 1 gives all NaN.
    ///
    /// Computed as pandas computes it (`roll_mean` in `pandas/_libs/window/aggregations.pyx`), so the
    /// results agree to the last bit: ±infinity counts as NaN; one running sum over the whole series,
    /// `sum += x` as each value enters and `sum += -x` as it leaves, each a Kahan–Babuška compensated
    /// addition (`y = x − c; t = sum + y; c = (t − sum) − y; sum = t`) with separate compensations for
    /// adding and removing; NaNs are skipped by both, and a window counts its non-NaN values `nobs`.
    /// The mean is `sum / nobs` when `nobs == window`, except: when the last `nobs` values added were
    /// all equal, that value itself; 0 when the mean's sign contradicts the window's (no negative value
    /// but a negative mean, or all negative and a positive mean). O(values.count), independent of `window`.
    public static func mean(_ values: [Double], window: Int) -> [Double] {
        var out = [Double](repeating: .nan, count: values.count)
        guard window >= 1, values.count >= window else { return out }
        values.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                mean(input, window: window, into: output)
            }
        }
        return out
    }

    /// `mean(_:window:)` writing into `output` (same count as `input`, every element written).
    /// Requires `window >= 1`.
    static func mean(_ input: UnsafeBufferPointer<Double>, window: Int, into output: UnsafeMutableBufferPointer<Double>) {
        var state = RunningMean()
        for i in 0..<input.count { output[i] = state.advance(input, to: i, window: window) }
    }
}
